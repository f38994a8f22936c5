"""The worker as a process: its stdout contract, warm-up and readiness, options, shutdown, abandoned requests."""

import os
import re
import socket
import subprocess
import threading
import time
import urllib.parse

import pytest

from conftest import (REPO, VENV_PYTHON, WORKER_DIR, espeak, health, multipart, start_worker, stop_worker,
                      transcribe_json, wait_healthy)

ENGLISH = "there is no pneumothorax and no pleural effusion"
LONG = ("Comparison is made with the prior examination from last year. The left sided effusion has resolved, "
        "the small nodule in the left upper lobe is unchanged. There is no new consolidation.")
SKIPPED = "client disconnected before its decode started; decode skipped"


@pytest.fixture(scope="module")
def english(audio_dir):
    return espeak(audio_dir, "process-english", "en-us", ENGLISH)


def test_stdout_carries_one_listening_line_then_warm_up_then_ready(tmp_path, english):
    worker = start_worker(tmp_path)
    try:
        match = re.fullmatch(r"listening on http://127\.0\.0\.1:(\d+)\n", worker.first_line)
        assert match and int(match.group(1)) > 0, worker.first_line
        statuses = wait_healthy(worker)  # on the port the line names
        assert statuses[-1] == "ready"
        assert set(statuses[:-1]) <= {"loading", "warming"}, statuses
        result = transcribe_json(worker.url, english, language="en", response_format="verbose_json",
                                 **{"timestamp_granularities[]": "word"})
        assert "effusion" in result["text"].lower()
    finally:
        exit_code = stop_worker(worker)
    assert exit_code == 0, worker.stderr()
    assert worker.process.stdout.read() == ""  # nothing after the listening line, not even from native libraries
    log = worker.stderr()
    assert "model loaded" in log and "warm-up took" in log
    assert ENGLISH not in log.lower() and "effusion" not in log.lower()  # recognised text is patient data


def test_without_warmup_the_worker_is_ready_after_loading(tmp_path, english):
    worker = start_worker(tmp_path, "--no-warmup", "--beam-size", "1")
    try:
        statuses = wait_healthy(worker)
        assert "warming" not in statuses
        status, body = health(worker)
        assert status == 200 and body["warmup"] is False and body["beam_size"] == 1
        assert "effusion" in transcribe_json(worker.url, english, language="en")["text"].lower()
    finally:
        stop_worker(worker)
    assert "warm-up" not in worker.stderr()


@pytest.mark.parametrize("arguments, environment", [
    (["--encoder-window", "half"], {}),
    ([], {"RADSCRIBE_SPEECH_ENCODER_WINDOW": "half"}),
])
def test_an_unknown_encoder_window_is_refused_before_listening(arguments, environment):
    completed = subprocess.run(
        [str(VENV_PYTHON), str(WORKER_DIR / "worker.py"), "--port", "0", *arguments], cwd=str(REPO),
        env={**os.environ, **environment}, capture_output=True, text=True, timeout=60)
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "half" in completed.stderr or "RADSCRIBE_SPEECH_ENCODER_WINDOW" in completed.stderr


def send_and_hang_up(url: str, audio: bytes) -> None:
    """Sends a complete transcription request on a raw socket and closes it without reading the response."""
    address = urllib.parse.urlsplit(url)
    body, content_type = multipart({"language": "en"}, audio)
    head = (f"POST /v1/audio/transcriptions HTTP/1.1\r\nHost: {address.netloc}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    with socket.create_connection((address.hostname, address.port)) as connection:
        connection.sendall(head + body)


def test_a_client_that_hangs_up_while_waiting_for_the_lock_costs_no_decode(worker, audio_dir, english):
    long_clip = espeak(audio_dir, "process-long", "en-us", LONG)
    skipped_before = worker.stderr().count(SKIPPED)
    results = []
    holder = threading.Thread(target=lambda: results.append(transcribe_json(
        worker.url, long_clip, language="en", response_format="verbose_json",
        **{"timestamp_granularities[]": "word"})))
    holder.start()
    time.sleep(0.3)  # let the long decode take the lock first
    send_and_hang_up(worker.url, english)
    holder.join(180)
    assert results and "consolidation" in results[0]["text"].lower(), results
    deadline = time.monotonic() + 60
    while worker.stderr().count(SKIPPED) == skipped_before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert worker.stderr().count(SKIPPED) == skipped_before + 1, worker.stderr()
    assert "effusion" in transcribe_json(worker.url, english, language="en")["text"].lower()


def test_the_worker_exits_when_its_supervisor_is_killed(tmp_path):
    """A SIGKILLed server cannot stop its worker; `--parent-pid` makes the worker notice and exit by itself."""
    script = tmp_path / "supervisor.py"
    script.write_text(
        "import os, subprocess, sys, time\n"
        f"worker = subprocess.Popen([{str(VENV_PYTHON)!r}, {str(WORKER_DIR / 'worker.py')!r}, '--port', '0',"
        " '--no-warmup', '--parent-pid', str(os.getpid())], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)\n"
        "print(worker.pid, flush=True)\n"
        "worker.stdout.readline()\n"
        "time.sleep(600)\n"
    )
    supervisor = subprocess.Popen([str(VENV_PYTHON), str(script)], stdout=subprocess.PIPE, text=True)
    worker_pid = int(supervisor.stdout.readline())

    def running() -> bool:
        try:
            return open(f"/proc/{worker_pid}/stat").read().split()[2] != "Z"
        except FileNotFoundError:
            return False

    try:
        time.sleep(1)
        assert running()
        supervisor.kill()
        supervisor.wait()
        deadline = time.monotonic() + 15
        while running() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not running(), "the orphaned worker kept running"
    finally:
        if running():
            os.kill(worker_pid, 9)
