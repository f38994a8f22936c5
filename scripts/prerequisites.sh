# Installs what RadScribe needs on a fresh Debian machine, idempotently. Sourced by ./run and ./test.
# Each check is cheap when the thing is already there, so running it every time costs nothing.

set -euo pipefail

radscribe_log() { printf '==> %s\n' "$*" >&2; }

# Debian packages: installs those of "$@" that are missing (one apt-get update at most).
radscribe_apt() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    if ((${#missing[@]})); then
        radscribe_log "installing Debian packages: ${missing[*]}"
        local sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

# The Swift toolchain cannot come from Debian; say so clearly instead of failing later.
radscribe_require_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        [ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
    fi
    if ! command -v swift >/dev/null 2>&1; then
        echo "radscribe: Swift 6.1 or later is required (swift not found on PATH or in /opt/swift)" >&2
        exit 1
    fi
}

# Everything the server needs to build and run.
radscribe_server_prerequisites() {
    radscribe_require_swift
    radscribe_apt libsqlite3-dev ca-certificates curl
}

# Python packages for the end-to-end test clients: installs those missing, by pinned version.
radscribe_test_prerequisites() {
    command -v python3 >/dev/null 2>&1 || radscribe_apt python3
    python3 -m pip --version >/dev/null 2>&1 || radscribe_apt python3-pip
    if ! python3 -c 'import pytest, jsonschema, websockets, openai' >/dev/null 2>&1; then
        radscribe_log "installing the end-to-end test clients' Python packages"
        # Debian's own Python refuses user installs (PEP 668) unless told; a pyenv or venv Python does not need it.
        python3 -m pip install --quiet --disable-pip-version-check -r tests/e2e/requirements.txt 2>/dev/null ||
            python3 -m pip install --quiet --disable-pip-version-check --break-system-packages -r tests/e2e/requirements.txt
    fi
}
