"""Protocol errors on the real-time WebSocket: each is answered with an `error` event of the documented type, never
echoes what the client sent, and leaves the connection usable, which every test proves by dictating afterwards and
getting the speech back."""

import base64

import pytest

from speech_audio import Clip, Pacer, RealtimeClient, dictate, error_type, final_text, run, speech

pytestmark = pytest.mark.speech

PHRASE = "Small left pleural effusion."
MAX_FRAME_BYTES = 256 * 1024
# Dictated-looking text inside the bad messages: an error message must never repeat it.
SECRET = "Rundherd im rechten Oberlappen"


async def assert_still_dictates(client: RealtimeClient, start: bool) -> None:
    """A session on this connection still turns speech into a final and answers stop."""
    if start:
        await client.start(language="en")
    clip = Clip.join(Clip.silence(0.3), speech(PHRASE), Clip.silence(1.0))
    await dictate(client, clip.pcm16le(), Pacer.for_format(16000))
    stopped = await client.stop()
    assert "effusion" in final_text(client.finals()), client.finals()
    assert stopped["segmentCount"] == len(client.finals())


def assert_error(event: dict, expected: str) -> None:
    assert event["type"] == "error"
    assert error_type(event) == expected, event
    assert isinstance(event["message"], str) and event["message"], event
    assert SECRET.lower() not in event["message"].lower(), event


@pytest.mark.parametrize(
    "expected, message",
    [
        ("invalid_json", f'{{"type": "start_transcription", "language": "{SECRET}'),
        ("invalid_json", "[1, 2"),
        ("unknown_message_type", {"type": "begin_dictation", "language": "en", "note": SECRET}),
        ("invalid_message", {"language": "en"}),
        ("invalid_message", {"type": "start_transcription"}),
        ("invalid_message", {"type": "start_transcription", "language": SECRET}),
        ("invalid_message", {"type": "start_transcription", "language": "en", "sampleRate": "sixteen thousand"}),
        ("unsupported_audio_format", {"type": "start_transcription", "language": "en", "sampleRate": 96000}),
        ("unsupported_audio_format", {"type": "start_transcription", "language": "en", "sampleRate": 4000}),
        ("unsupported_audio_format", {"type": "start_transcription", "language": "en", "encoding": "mp3"}),
        ("unsupported_audio_format", {"type": "start_transcription", "language": "en", "channels": 6}),
        ("out_of_order", {"type": "stop_transcription"}),
        ("out_of_order", {"type": "audio_data", "data": base64.b64encode(b"\x00\x01" * 320).decode()}),
        ("out_of_order", b"\x00\x01" * 320),
    ],
    ids=["invalid_json-unterminated", "invalid_json-array", "unknown-type", "missing-type", "missing-language",
         "unknown-language", "sampleRate-string", "sampleRate-96000", "sampleRate-4000", "encoding-mp3", "channels-6",
         "stop-before-start", "base64-audio-before-start", "binary-audio-before-start"],
)
def test_error_before_start_leaves_the_connection_usable(speech_server, expected, message):
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        if isinstance(message, bytes):
            await client.send_binary(message)
        elif isinstance(message, str):
            await client.send_text(message)
        else:
            await client.send_json(message)
        assert_error(await client.error(), expected)
        await assert_still_dictates(client, start=True)
        assert len(client.of_type("error")) == 1, client.of_type("error")
        await client.close()

    run(scenario())


@pytest.mark.parametrize(
    "expected, bad_frame",
    [
        ("invalid_audio", b"\x01" * 641),
        ("invalid_audio", "audio_data:" + "not base64 at all!"),
        ("invalid_audio", "audio_data:" + base64.b64encode(b"\x01" * 641).decode()),
        ("frame_too_large", b"\x00" * (MAX_FRAME_BYTES + 2)),
        ("out_of_order", {"type": "start_transcription", "language": "en"}),
    ],
    ids=["odd-byte-pcm16-frame", "bad-base64", "odd-byte-base64", "frame-over-limit", "second-start"],
)
def test_error_during_dictation_drops_only_the_bad_message(speech_server, expected, bad_frame):
    """Speech before and after the bad message is decoded with the sample alignment intact: an odd-byte frame that was
    half-accepted would shift every later sample by one byte and turn the rest of the dictation into noise."""
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        await client.start(language="en")
        pacer = Pacer.for_format(16000)
        await dictate(client, Clip.silence(0.5).pcm16le(), pacer)
        if isinstance(bad_frame, bytes):
            await client.send_binary(bad_frame)
        elif isinstance(bad_frame, str):
            await client.send_json({"type": "audio_data", "data": bad_frame.removeprefix("audio_data:")})
        else:
            await client.send_json(bad_frame)
        assert_error(await client.error(), expected)
        await assert_still_dictates(client, start=False)
        assert len(client.of_type("error")) == 1, client.of_type("error")
        await client.close()

    run(scenario())


def test_a_frame_at_the_limit_is_accepted(speech_server):
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        await client.start(language="en")
        await client.send_binary(b"\x00" * MAX_FRAME_BYTES)
        await assert_still_dictates(client, start=False)
        assert not client.of_type("error"), client.of_type("error")
        await client.close()

    run(scenario())


def test_resume_with_a_wrong_token_is_refused_and_a_new_session_still_starts(speech_server):
    async def scenario():
        owner = await RealtimeClient.connect(speech_server.port)
        started = await owner.start(language="en")
        await owner.stop()
        await owner.close()
        intruder = await RealtimeClient.connect(speech_server.port)
        await intruder.send_json({"type": "start_transcription", "language": "en", "sessionId": started["sessionId"],
                                  "sessionToken": started["sessionToken"][:-2] + "xx"})
        assert_error(await intruder.error(), "session_not_found")
        await intruder.send_json({"type": "start_transcription", "language": "en",
                                  "sessionId": "00000000-0000-4000-8000-000000000000", "sessionToken": "x" * 32})
        assert_error(await intruder.error(after=1), "session_not_found")
        await assert_still_dictates(intruder, start=True)
        session = intruder.of_type("session_started")[0]
        assert session["sessionId"] != started["sessionId"] and session["resumed"] is False
        await intruder.close()

    run(scenario())


def test_resume_while_another_connection_holds_the_session_takes_it_over(speech_server):
    """A reconnect must not be refused because the server has not noticed the old socket is gone: the newer
    connection gets the session (resumed), the older one is closed, and dictation goes on."""
    async def scenario():
        owner = await RealtimeClient.connect(speech_server.port)
        started = await owner.start(language="en")
        other = await RealtimeClient.connect(speech_server.port)
        await other.send_json({"type": "start_transcription", "language": "en", "sessionId": started["sessionId"],
                               "sessionToken": started["sessionToken"]})
        resumed = await other.wait_event("session_started", 30)
        assert resumed["resumed"] is True and resumed["sessionId"] == started["sessionId"]
        await owner.wait_for(lambda _events: owner.closed is not None, 30, "the older connection to close")
        await assert_still_dictates(other, start=False)
        await other.close()

    run(scenario())
