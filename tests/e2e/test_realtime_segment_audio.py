"""The audio behind each final, for the radiologist to listen to before signing, and the stored session: both only with
the session's token."""

import json
import math
import struct
import time
import uuid

import pytest

from conftest import start_speech_server, stop_speech_server
from speech_audio import Clip, Pacer, RealtimeClient, dictate, final_text, read_wav, run, speech

pytestmark = pytest.mark.speech

FIRST, SECOND = "There is no pneumothorax.", "Small left pleural effusion."


@pytest.fixture(scope="module")
def dictated(speech_server):
    """A stopped session with two finals: (session_started, finals)."""
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        started = await client.start(language="en")
        clip = Clip.join(Clip.silence(0.5), speech(FIRST), Clip.silence(2.5), speech(SECOND), Clip.silence(1.5))
        await dictate(client, clip.pcm16le(), Pacer.for_format(16000))
        await client.stop()
        await client.close()
        return started, client.finals()

    started, finals = run(scenario())
    assert "thorax" in final_text(finals) and "effusion" in final_text(finals), finals
    return started, finals


def audio_path(session_id: str, segment_id: int) -> str:
    return f"/api/v1/realtime/sessions/{session_id}/segments/{segment_id}/audio"


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def level_dbfs(frames: bytes) -> float:
    samples = struct.unpack(f"<{len(frames) // 2}h", frames)
    power = sum(s * s for s in samples) / max(1, len(samples)) / 32768**2
    return 10 * math.log10(power) if power else -math.inf


def assert_problem(status: int, headers: dict, body: bytes, expected: int) -> None:
    assert status == expected, (status, body[:200])
    content_type = {k.lower(): v for k, v in headers.items()}.get("content-type", "")
    assert content_type.startswith("application/problem+json"), content_type
    assert json.loads(body)["status"] == expected


def test_each_final_has_its_audio_as_16_khz_mono_wav(speech_server, dictated):
    started, finals = dictated
    for final in finals:
        status, headers, body = speech_server.request(
            "GET", audio_path(started["sessionId"], final["segmentId"]), headers=bearer(started["sessionToken"]))
        assert status == 200, body[:200]
        assert {k.lower(): v for k, v in headers.items()}["content-type"].startswith("audio/wav")
        rate, channels, width, frames = read_wav(body)
        assert (rate, channels, width) == (16000, 1, 2)
        seconds = len(frames) / 2 / rate
        expected = final["end"] - final["start"]
        assert abs(seconds - expected) <= max(0.5, 0.25 * expected), (seconds, final["start"], final["end"])
        if final["text"].strip():
            assert level_dbfs(frames) > -40, "the segment audio holds no speech"


def test_segment_audio_needs_the_session_token(speech_server, dictated):
    started, finals = dictated
    path = audio_path(started["sessionId"], finals[0]["segmentId"])
    assert_problem(*speech_server.request("GET", path), 401)
    assert_problem(*speech_server.request("GET", path, headers=bearer(started["sessionToken"][:-1] + "0")), 401)
    assert_problem(*speech_server.request("GET", path, headers={"Authorization": started["sessionToken"]}), 401)


def test_a_token_opens_only_its_own_session(speech_server, dictated):
    started, finals = dictated

    async def other_session():
        client = await RealtimeClient.connect(speech_server.port)
        other = await client.start(language="en")
        await client.stop()
        await client.close()
        return other

    other = run(other_session())
    path = audio_path(started["sessionId"], finals[0]["segmentId"])
    assert_problem(*speech_server.request("GET", path, headers=bearer(other["sessionToken"])), 401)


def test_unknown_segment_is_not_found(speech_server, dictated):
    started, finals = dictated
    path = audio_path(started["sessionId"], len(finals) + 5)
    assert_problem(*speech_server.request("GET", path, headers=bearer(started["sessionToken"])), 404)


def test_unknown_session_is_refused(speech_server, dictated):
    started, _ = dictated
    status, headers, body = speech_server.request(
        "GET", audio_path(str(uuid.uuid4()), 0), headers=bearer(started["sessionToken"]))
    # No token is valid for a session that does not exist: either answer reveals nothing.
    assert status in (401, 404)
    assert_problem(status, headers, body, status)


def test_session_lists_its_stored_finals_with_the_token(speech_server, dictated):
    started, finals = dictated
    path = f"/api/v1/realtime/sessions/{started['sessionId']}"
    status, _, body = speech_server.request("GET", path, headers=bearer(started["sessionToken"]))
    assert status == 200, body[:200]
    stored = json.dumps(json.loads(body), ensure_ascii=False)
    assert started["sessionId"] in stored
    assert all(final["text"] in stored for final in finals)
    assert_problem(*speech_server.request("GET", path), 401)


def test_segment_audio_expires_after_the_retention_but_the_text_stays(tmp_path):
    server = start_speech_server(tmp_path / "data", RADSCRIBE_AUDIO_RETENTION_SECONDS="5")
    try:
        async def scenario():
            client = await RealtimeClient.connect(server.port)
            started = await client.start(language="en")
            clip = Clip.join(Clip.silence(0.5), speech(SECOND), Clip.silence(1.5))
            await dictate(client, clip.pcm16le(), Pacer.for_format(16000))
            await client.stop()
            await client.close()
            return started, client.finals()

        started, finals = run(scenario())
        assert "effusion" in final_text(finals), finals
        time.sleep(6)
        path = audio_path(started["sessionId"], finals[0]["segmentId"])
        assert_problem(*server.request("GET", path, headers=bearer(started["sessionToken"])), 404)
        status, _, body = server.request("GET", f"/api/v1/realtime/sessions/{started['sessionId']}",
                                         headers=bearer(started["sessionToken"]))
        assert status == 200 and finals[0]["text"] in json.dumps(json.loads(body), ensure_ascii=False)
    finally:
        stop_speech_server(server)
