"""Runs the real speech worker (speech-worker/worker.py, real Whisper base model) on loopback for the speech tests."""

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WORKER_DIR = REPO / "speech-worker"
VENV_PYTHON = WORKER_DIR / ".venv" / "bin" / "python"
MAX_UPLOAD_BYTES = 2_000_000

sys.path.insert(0, str(WORKER_DIR))
import model_store  # noqa: E402


def pytest_sessionstart(session):
    problems = []
    if not VENV_PYTHON.exists():
        problems.append(f"{VENV_PYTHON} is missing")
    model_dir = model_store.resolve_model_dir()
    if not model_store.is_installed(model_dir):
        problems.append(f"no verified Whisper model in {model_dir}")
    if shutil.which("espeak-ng") is None:
        problems.append("espeak-ng is not installed (apt-get install espeak-ng)")
    if problems:
        pytest.exit("speech tests cannot run: " + "; ".join(problems) + ". Run speech-worker/install.sh "
                    "(./test runs it first) and install espeak-ng.", returncode=1)


class Worker:
    def __init__(self, process: subprocess.Popen, first_line: str, stderr_path: Path):
        self.process, self.first_line, self.stderr_path = process, first_line, stderr_path
        self.url = first_line.split("listening on ", 1)[1].strip()

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")


def start_worker(tmp: Path, *extra: str, env: dict | None = None) -> Worker:
    stderr_path = tmp / f"worker-{uuid.uuid4().hex[:8]}.stderr"
    process = subprocess.Popen(
        [str(VENV_PYTHON), str(WORKER_DIR / "worker.py"), "--host", "127.0.0.1", "--port", "0", *extra],
        stdout=subprocess.PIPE, stderr=open(stderr_path, "wb"), text=True, cwd=str(REPO),
        env={**os.environ, **(env or {})})
    line = []
    reader = threading.Thread(target=lambda: line.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(30)
    if not line or not line[0].startswith("listening on http://"):
        process.kill()
        pytest.fail(f"worker did not print its address: {line!r}\n{stderr_path.read_text(errors='replace')}")
    return Worker(process, line[0], stderr_path)


def health(worker: Worker) -> tuple[int, dict]:
    """GET /health: (status code, JSON body)."""
    try:
        with urllib.request.urlopen(worker.url + "/health", timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def wait_healthy(worker: Worker, timeout: float = 120) -> list[str]:
    """Polls /health until it answers 200; returns every status it reported on the way (the last is 200's)."""
    statuses = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if worker.process.poll() is not None:
            pytest.fail(f"worker exited with {worker.process.returncode}:\n{worker.stderr()}")
        try:
            code, body = health(worker)
        except OSError:
            code, body = None, {}
        if code is not None:
            assert code in (200, 503), body
            statuses.append(body["status"])
            if code == 200:
                return statuses
        time.sleep(0.05)
    pytest.fail(f"worker not healthy after {timeout}s:\n{worker.stderr()}")


def stop_worker(worker: Worker) -> int:
    if worker.process.poll() is None:
        worker.process.send_signal(signal.SIGTERM)
        try:
            worker.process.wait(20)
        except subprocess.TimeoutExpired:
            worker.process.kill()
            worker.process.wait()
    return worker.process.returncode


@pytest.fixture(scope="session")
def worker(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("speech-worker")
    running = start_worker(tmp, "--max-upload-bytes", str(MAX_UPLOAD_BYTES))
    try:
        wait_healthy(running)
        yield running
    finally:
        stop_worker(running)


@pytest.fixture(scope="session")
def audio_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("audio")


def espeak(directory: Path, name: str, voice: str, text: str, speed: int = 130) -> bytes:
    path = directory / f"{name}.wav"
    if not path.exists():
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(path), text], check=True)
    return path.read_bytes()


def multipart(fields: dict, file: bytes | None = None, filename: str = "audio.wav") -> tuple[bytes, str]:
    boundary = "radscribe-" + uuid.uuid4().hex
    chunks = []
    for name, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{item}\r\n'.encode())
    if file is not None:
        chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                      f"Content-Type: application/octet-stream\r\n\r\n".encode() + file + b"\r\n")
    chunks.append(f"--{boundary}--\r\n".encode())
    return b"".join(chunks), f"multipart/form-data; boundary={boundary}"


def post(url: str, body: bytes, content_type: str, timeout: float = 120, headers: dict | None = None):
    """Returns (status, content type, body bytes)."""
    request = urllib.request.Request(url + "/v1/audio/transcriptions", data=body, method="POST",
                                     headers={"Content-Type": content_type, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def transcribe(url: str, audio: bytes | None, headers: dict | None = None, **fields):
    body, content_type = multipart(fields, audio)
    return post(url, body, content_type, headers=headers)


def transcribe_json(url: str, audio: bytes, **fields) -> dict:
    status, content_type, body = transcribe(url, audio, **fields)
    assert status == 200, body
    assert content_type.startswith("application/json")
    return json.loads(body)
