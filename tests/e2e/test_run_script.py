"""`./run` as a user starts it: installs, builds, migrates, serves and prints the URL."""

import os
import re
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_run_builds_migrates_and_serves(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("RADSCRIBE_")}
    # The debug binary ./test already built; the release build is the same script with the default configuration.
    env.update(RADSCRIBE_BUILD_CONFIGURATION="debug", RADSCRIBE_DATA_DIR=str(tmp_path / "data"), RADSCRIBE_PORT="0")
    process = subprocess.Popen(
        [str(ROOT / "run")], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 600
        url = None
        while time.monotonic() < deadline and url is None:
            line = process.stdout.readline().decode()
            if not line:
                break
            match = re.search(r"(http://\S+)", line)
            url = match.group(1) if match else None
        assert url, "./run printed no URL"
        with urllib.request.urlopen(url + "/health", timeout=10) as response:
            assert response.status == 200
        assert (tmp_path / "data" / "radscribe.sqlite").exists()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
    assert process.wait(timeout=30) == 0
