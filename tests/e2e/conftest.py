"""Fixtures that run the real `radscribe` binary on loopback with its own data directory."""

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BINARY = os.environ.get("RADSCRIBE_BINARY", str(REPO / ".build" / "debug" / "radscribe"))
SPEECH_WORKER_DIR = REPO / "speech-worker"


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "speech: real-time speech protocols on the real speech worker, with espeak-ng audio (select: -m speech)"
    )


class Server:
    """A running `radscribe serve` process."""

    def __init__(self, process: subprocess.Popen, port: int, data_dir: Path, stderr_path: Path):
        self.process = process
        self.port = port
        self.data_dir = data_dir
        self.stderr_path = stderr_path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        req = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=10) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def post_json(self, path: str, payload: dict):
        return self.request("POST", path, json.dumps(payload).encode(), {"Content-Type": "application/json"})

    def logs(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, sig=signal.SIGTERM, timeout=20) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        return self.process.wait(timeout=timeout)


def run_radscribe(*args, env=None, input_bytes=None, timeout=60):
    """Runs a short-lived radscribe command and returns the CompletedProcess."""
    return subprocess.run([BINARY, *args], env=env, input=input_bytes, capture_output=True, timeout=timeout)


def base_env(data_dir: Path, **settings) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RADSCRIBE_")}
    env.update({"RADSCRIBE_DATA_DIR": str(data_dir), "RADSCRIBE_PORT": "0", "RADSCRIBE_HOST": "127.0.0.1"})
    env.update(settings)
    return env


def start_server(data_dir: Path, extra_args=(), **settings) -> Server:
    stderr_path = data_dir / "stderr.log"
    data_dir.mkdir(parents=True, exist_ok=True)
    stderr = open(stderr_path, "wb")
    process = subprocess.Popen(
        [BINARY, "serve", *extra_args], env=base_env(data_dir, **settings), stdout=subprocess.PIPE, stderr=stderr
    )
    deadline = time.monotonic() + 30
    line = b""
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        match = re.search(rb"listening on http://[^:]+:(\d+)", line)
        if match:
            return Server(process, int(match.group(1)), data_dir, stderr_path)
    process.kill()
    raise RuntimeError(f"server did not start: {line!r} {stderr_path.read_text()}")


@pytest.fixture
def server(tmp_path):
    running = start_server(tmp_path / "data")
    yield running
    running.stop()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# MARK: - Speech


def wait_ready(server: Server, timeout: float = 240) -> dict:
    """Polls `GET /ready` until 200 (the speech engine has loaded and warmed up) and returns its JSON body."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"server exited with {server.process.returncode} before ready:\n{server.logs()[-4000:]}")
        try:
            status, _, body = server.request("GET", "/ready")
            last = (status, body[:300])
            if status == 200:
                return json.loads(body)
        except OSError as error:
            last = error
        time.sleep(0.25)
    raise RuntimeError(f"server not ready after {timeout}s (last answer {last!r}):\n{server.logs()[-4000:]}")


def start_speech_server(data_dir: Path, **settings) -> Server:
    """A server on the bundled Whisper worker, ready to transcribe."""
    settings = {"RADSCRIBE_SPEECH_ENGINE": "worker", "RADSCRIBE_SPEECH_WORKER_DIR": str(SPEECH_WORKER_DIR), **settings}
    running = start_server(data_dir, **settings)
    try:
        wait_ready(running)
    except BaseException:
        running.process.kill()
        running.process.wait()
        raise
    return running


def stop_speech_server(server: Server) -> None:
    """SIGTERM, then kills by pid whatever is left of the server and its workers so no test leaks a Whisper process;
    a server that does not stop within a minute still fails the caller."""
    workers = worker_pids(server) if server.process.poll() is None else []
    try:
        server.stop(timeout=60)
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()
        for pid in workers:
            if "worker.py" in command_line(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.fixture(scope="session")
def speech_server(tmp_path_factory):
    """One speech server shared by the speech tests that do not disturb its engine."""
    running = start_speech_server(tmp_path_factory.mktemp("speech") / "data")
    yield running
    stop_speech_server(running)


def child_pids(pid: int) -> list[int]:
    """Direct children of `pid`, from /proc (psutil is not installed)."""
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return children


def descendant_pids(pid: int) -> list[int]:
    found, pending = [], child_pids(pid)
    while pending:
        child = pending.pop()
        found.append(child)
        pending += child_pids(child)
    return found


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def worker_pids(server: Server) -> list[int]:
    """The speech worker processes the server started (python running worker.py)."""
    return [pid for pid in descendant_pids(server.process.pid) if "worker.py" in command_line(pid)]
