"""Fixtures that run the real `radscribe` binary on loopback with its own data directory."""

import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

BINARY = os.environ.get("RADSCRIBE_BINARY", str(Path(__file__).resolve().parents[2] / ".build" / "debug" / "radscribe"))


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
