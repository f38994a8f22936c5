"""The server supervises the speech worker: a worker killed mid-dictation is restarted, the client is told through
`engine_status`, and the utterances are decoded again from the retained audio so that no final is lost."""

import os
import signal
import time
from pathlib import Path

import pytest

from conftest import start_speech_server, stop_speech_server, wait_ready, worker_pids
from speech_audio import Clip, Pacer, RealtimeClient, dictate, final_text, run, speech

pytestmark = pytest.mark.speech

UTTERANCES = ("There is no pneumothorax.", "Small left pleural effusion.", "Heart size is normal.")


@pytest.fixture
def own_server(tmp_path):
    running = start_speech_server(tmp_path / "data")
    yield running
    stop_speech_server(running)


def single_worker(server) -> int:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        pids = worker_pids(server)
        if len(pids) == 1:
            return pids[0]
        time.sleep(0.2)
    raise AssertionError(f"expected one speech worker under the server, found {worker_pids(server)}")


def test_a_killed_worker_is_restarted_and_every_utterance_is_still_finalised(own_server):
    first, second, third = (speech(text) for text in UTTERANCES)
    victim = single_worker(own_server)

    async def scenario():
        client = await RealtimeClient.connect(own_server.port)
        await client.start(language="en")
        pacer = Pacer.for_format(16000)
        await dictate(client, Clip.join(Clip.silence(0.5), first, Clip.silence(2.5)).pcm16le(), pacer)
        await client.wait_for(lambda _: client.finals(), 60, "the first final before the crash")
        half = len(second.samples) // 2
        await dictate(client, Clip(16000, second.samples[:half]).pcm16le(), pacer)
        os.kill(victim, signal.SIGKILL)
        rest = Clip.join(Clip(16000, second.samples[half:]), Clip.silence(2.5), third, Clip.silence(1.5))
        await dictate(client, rest.pcm16le(), pacer)
        await client.wait_for(lambda _: all(w in final_text(client.finals()) for w in ("effusion", "heart")), 180,
                              "the finals of the utterances spoken during and after the crash")
        stopped = await client.stop()
        await client.close()
        return client, stopped

    client, stopped = run(scenario())
    states = [event["state"] for event in client.of_type("engine_status")]
    assert "unavailable" in states and "recovered" in states[states.index("unavailable"):], client.of_type("engine_status")
    assert all(isinstance(e["message"], str) for e in client.of_type("engine_status"))
    finals = client.finals()
    assert [f["segmentId"] for f in finals] == list(range(len(finals))) and stopped["segmentCount"] == len(finals)
    assert all(word in final_text(finals) for word in ("thorax", "effusion", "heart")), [f["text"] for f in finals]
    spans = [(f["start"], f["end"]) for f in finals]
    for earlier, later in zip(spans, spans[1:]):
        assert earlier[1] <= later[0] + 0.05, f"overlapping finals: a re-decoded utterance was sent twice: {spans}"
    replacement = single_worker(own_server)
    assert replacement != victim
    assert wait_ready(own_server, timeout=60) is not None


def running(pid: int) -> bool:
    """Whether `pid` exists and is not a zombie waiting to be reaped."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def test_stopping_the_server_stops_its_worker(own_server):
    worker = single_worker(own_server)
    assert own_server.stop(timeout=60) == 0
    deadline = time.monotonic() + 20
    while running(worker) and time.monotonic() < deadline:
        time.sleep(0.2)
    leaked = running(worker)
    if leaked:
        os.kill(worker, signal.SIGKILL)
    assert not leaked, "the speech worker outlived the server"
