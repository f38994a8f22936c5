"""`radscribe structure` as scripts and evaluation use it."""

import json

from conftest import run_radscribe


def test_structures_standard_input_as_json():
    result = run_radscribe("structure", "-", "--language", "de", input_bytes="Befund: Kein Erguss.".encode())
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema_version"] == "1.0"
    assert report["language"] == "de"


def test_structures_a_file_as_markdown(tmp_path):
    dictation = tmp_path / "dictation.txt"
    dictation.write_text("Findings: No pneumothorax.\nImpression: Normal chest.\n", encoding="utf-8")
    result = run_radscribe("structure", str(dictation), "--language", "en", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert "pneumothorax" in result.stdout.decode()


def test_rejects_bad_arguments_and_input(tmp_path):
    assert run_radscribe("structure", "-", "--language", "fr", input_bytes=b"x").returncode != 0
    assert run_radscribe("structure", str(tmp_path / "missing.txt")).returncode != 0
    binary = run_radscribe("structure", "-", input_bytes=b"\xff\xfe\x00")
    assert binary.returncode != 0 and b"UTF-8" in binary.stderr
    empty = run_radscribe("structure", "-", input_bytes=b"   ")
    assert empty.returncode != 0
