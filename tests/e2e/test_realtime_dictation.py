"""RadScribe's real-time WebSocket on the real Whisper worker: espeak-ng dictations streamed at microphone pace.

Each test opens `/api/v1/realtime/transcription`, starts a session, streams synthetic speech frame by frame in real time
and checks the events against docs/realtime-protocol.md: partials before finals, gap-free segment ids, word timing
inside the audio, medical terms, the hallucination guards on silence and noise, stop and report generation.
"""

import json
import uuid

import jsonschema
import pytest

from conftest import REPO

from speech_audio import Clip, Pacer, RealtimeClient, dictate, final_text, run, speech

pytestmark = pytest.mark.speech

ENGLISH = "No pneumothorax. Small left pleural effusion."
GERMAN = "Kein Pneumothorax. Kleiner Pleuraerguss links."
FIRST, SECOND = "There is no pneumothorax.", "Small left pleural effusion."
# Finals must follow the trailing silence within this loose bound (a decode takes about a second on two idle cores,
# several on a loaded machine); no stop is sent, so only the endpointer can end the utterances.
FINAL_AFTER_SPEECH_S = 60
RISKS = {"laterality", "measurement", "negation"}
SCHEMA = REPO / "docs" / "schema" / "structured-report-1.0.schema.json"


def utterance(text: str, voice: str = "en-us", rate: int = 16000) -> Clip:
    """Speech with the lead-in and trailing silence a microphone records."""
    return Clip.join(Clip.silence(0.5, rate), speech(text, voice, rate), Clip.silence(1.5, rate))


async def dictate_and_wait(client: RealtimeClient, clip: Clip, words: tuple[str, ...]) -> None:
    """Streams `clip` in real time, then waits, without stopping, for the endpointer's finals to bring all of `words`."""
    await dictate(client, clip.pcm16le(), Pacer.for_format(clip.rate))
    await client.wait_for(lambda _: all(word in final_text(client.finals()) for word in words), FINAL_AFTER_SPEECH_S,
                          f"finals containing {words}")


def assert_final_shape(final: dict, session_id: str) -> None:
    assert final["type"] == "transcription_update" and final["kind"] == "final"
    assert final["sessionId"] == session_id
    assert isinstance(final["text"], str) and isinstance(final["rawText"], str)
    assert final["replayed"] is False
    assert 0 <= final["start"] < final["end"], final
    assert 0.0 <= final["confidence"] <= 1.0
    assert isinstance(final["latencyMs"], (int, float)) and final["latencyMs"] >= 0
    assert all(isinstance(term, str) and term for term in final["medicalTerms"])
    for flag in final["flags"]:
        assert set(flag) >= {"wordIndex", "word", "risk", "confidence"}, flag
        assert flag["risk"] in RISKS, flag
        assert 0 <= flag["wordIndex"] < len(final["words"]), flag
        assert flag["word"].strip() == final["words"][flag["wordIndex"]]["text"].strip(), flag
    for word in final["words"]:
        assert set(word) >= {"text", "start", "end", "confidence"}, word
        assert final["start"] - 0.3 <= word["start"] <= word["end"] <= final["end"] + 0.3, (word, final["start"], final["end"])
        assert 0.0 <= word["confidence"] <= 1.0, word


def assert_segment_ids_without_gaps(finals: list[dict]) -> None:
    assert [final["segmentId"] for final in finals] == list(range(len(finals)))


def assert_words_monotonic_within(finals: list[dict], audio_seconds: float) -> None:
    words = [word for final in finals for word in final["words"]]
    assert words, "finals without words"
    for previous, word in zip(words, words[1:]):
        assert word["start"] >= previous["start"] - 0.01 and word["end"] >= previous["end"] - 0.01, (previous, word)
    assert all(0.0 <= word["start"] <= word["end"] <= audio_seconds + 0.05 for word in words), (words, audio_seconds)


def assert_partials_precede_their_finals(client: RealtimeClient) -> None:
    """A partial carries the segment id its final will get, so it names a segment not yet finalised (the next
    utterance's partials may overtake the previous utterance's final decode)."""
    finalised = set()
    for event in client.of_type("transcription_update"):
        if event["kind"] == "partial":
            assert event["segmentId"] not in finalised and event["segmentId"] >= len(finalised), (event, finalised)
            assert isinstance(event["text"], str) and isinstance(event["words"], list)
        else:
            finalised.add(event["segmentId"])


def test_session_started_echoes_the_format_and_issues_a_token(speech_server):
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        started = await client.start(language="en")
        assert str(uuid.UUID(started["sessionId"])) == started["sessionId"].lower()
        assert isinstance(started["sessionToken"], str) and len(started["sessionToken"]) >= 16
        assert started["resumed"] is False and started["segmentCount"] == 0
        assert (started["language"], started["sampleRate"], started["encoding"], started["channels"]) == ("en", 16000, "pcm16le", 1)
        stopped = await client.stop()
        assert stopped["sessionId"] == started["sessionId"] and stopped["segmentCount"] == 0
        other = await RealtimeClient.connect(speech_server.port)
        second = await other.start(language="de", sampleRate=8000)
        assert second["sessionId"] != started["sessionId"] and second["sessionToken"] != started["sessionToken"]
        assert (second["language"], second["sampleRate"]) == ("de", 8000)
        await other.close()
        await client.close()

    run(scenario())


def test_english_dictation_gives_partials_then_finals_with_words_and_terms(speech_server):
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        started = await client.start(language="en")
        clip = utterance(ENGLISH)
        await dictate_and_wait(client, clip, ("thorax", "effusion"))
        finals = client.finals()
        first_final = client.events.index(finals[0])
        assert any(e.get("kind") == "partial" for e in client.events[:first_final]), "no partial before the first final"
        assert_partials_precede_their_finals(client)
        assert_segment_ids_without_gaps(finals)
        for final in finals:
            assert_final_shape(final, started["sessionId"])
        assert_words_monotonic_within(finals, clip.seconds)
        assert [term for final in finals for term in final["medicalTerms"]], "no medical terms in the finals"
        stopped = await client.stop()
        assert stopped["segmentCount"] == len(client.finals())
        await client.close()

    run(scenario())


def test_german_dictation_gives_german_text(speech_server):
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        started = await client.start(language="de")
        assert started["language"] == "de"
        await dictate(client, utterance(GERMAN, "de").pcm16le(), Pacer.for_format(16000))
        await client.wait_for(lambda _: final_text(client.finals()).strip(), FINAL_AFTER_SPEECH_S, "a final with text")
        await client.stop()
        assert_segment_ids_without_gaps(client.finals())
        assert "kein" in final_text(client.finals()), client.finals()
        await client.close()

    run(scenario())


def test_48_khz_float32_stereo_is_down_mixed_and_resampled(speech_server):
    """The speech is on the right channel only: a server that kept the left channel, or read the interleaved samples as
    mono, would hear silence or chipmunk noise."""
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        started = await client.start(language="en", sampleRate=48000, encoding="float32le", channels=2)
        assert (started["sampleRate"], started["encoding"], started["channels"]) == (48000, "float32le", 2)
        clip = utterance(ENGLISH, rate=48000)
        pacer = Pacer.for_format(48000, channels=2, sample_bytes=4)
        await dictate(client, clip.float32le(channels=2, speech_channel=1), pacer)
        await client.wait_for(lambda _: "effusion" in final_text(client.finals()), FINAL_AFTER_SPEECH_S, "the effusion final")
        await client.stop()
        assert "thorax" in final_text(client.finals())
        assert_words_monotonic_within(client.finals(), clip.seconds)
        await client.close()

    run(scenario())


def test_base64_audio_data_messages_work_like_binary_frames(speech_server):
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        await client.start(language="en")
        await dictate(client, utterance(ENGLISH).pcm16le(), Pacer.for_format(16000), base64_frames=True)
        await client.wait_for(lambda _: "effusion" in final_text(client.finals()), FINAL_AFTER_SPEECH_S, "the effusion final")
        await client.stop()
        assert "thorax" in final_text(client.finals())
        assert not client.of_type("error"), client.of_type("error")
        await client.close()

    run(scenario())


@pytest.mark.parametrize("kind", ["digital_silence", "low_level_noise"])
def test_silence_and_noise_give_no_final_text(speech_server, kind):
    """Whisper invents "Thank you." on silence and noise; the guards must drop it, so no final carries text. Speech
    after it, in the same session, is still recognised: the engine was listening, and the guards spare real words."""
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        await client.start(language="en")
        clip = Clip.silence(5.0) if kind == "digital_silence" else Clip.noise(5.0, level_dbfs=-42.0, seed=20240611)
        pacer = Pacer.for_format(16000)
        await dictate(client, clip.pcm16le(), pacer)
        quiet_seconds = pacer.audio_seconds
        await dictate(client, Clip.join(Clip.silence(1.0), speech(SECOND), Clip.silence(1.5)).pcm16le(), pacer)
        stopped = await client.stop()
        finals = client.finals()
        assert "effusion" in final_text(finals), finals
        texts = [final["text"] for final in finals if final["text"].strip() and final["end"] <= quiet_seconds + 0.5]
        assert texts == [], texts
        assert stopped["segmentCount"] == len(finals)
        assert not client.of_type("error"), client.of_type("error")
        await client.close()

    run(scenario())


def test_a_long_pause_splits_the_dictation_into_two_segments(speech_server):
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        started = await client.start(language="en")
        clip = Clip.join(Clip.silence(0.5), speech(FIRST), Clip.silence(2.5), speech(SECOND), Clip.silence(1.5))
        await dictate_and_wait(client, clip, ("thorax", "effusion"))
        finals = client.finals()
        assert len(finals) >= 2, finals
        assert_segment_ids_without_gaps(finals)
        assert_partials_precede_their_finals(client)
        first = next(f["segmentId"] for f in finals if "thorax" in f["text"].lower())
        second = next(f["segmentId"] for f in finals if "effusion" in f["text"].lower())
        assert first < second, [f["text"] for f in finals]
        pause_start = 0.5 + speech(FIRST).seconds
        pneumothorax_final = finals[first]
        assert pneumothorax_final["end"] <= pause_start + 1.0, pneumothorax_final
        assert finals[second]["start"] >= pause_start, finals[second]
        for final in finals:
            assert_final_shape(final, started["sessionId"])
        await client.stop()
        await client.close()

    run(scenario())


def test_stop_finalises_the_utterance_in_progress_before_transcription_stopped(speech_server):
    """No trailing silence: only the stop can end the utterance, and its final must come before the answer."""
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        await client.start(language="en")
        await dictate(client, Clip.join(Clip.silence(0.5), speech(SECOND)).pcm16le(), Pacer.for_format(16000))
        stopped = await client.stop()
        finals = client.finals()
        assert "effusion" in final_text(finals), finals
        stopped_at = client.events.index(stopped)
        assert all(client.events.index(final) < stopped_at for final in finals)
        assert stopped["segmentCount"] == len(finals)
        assert_segment_ids_without_gaps(finals)
        await client.close()

    run(scenario())


def test_generate_report_structures_the_session_and_stores_the_report(speech_server):
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        await client.start(language="en", examType="general")
        await dictate(client, utterance(ENGLISH).pcm16le(), Pacer.for_format(16000))
        mark = len(client.events)
        await client.send_json({"type": "generate_report", "examType": "general"})
        generated = await client.wait_event("report_generated", timeout=120, after=mark)
        finals = client.finals()
        assert "effusion" in final_text(finals), finals
        assert all(client.events.index(final) < client.events.index(generated) for final in finals)
        assert generated["version"] == 1
        report = generated["report"]
        jsonschema.validate(report, json.loads(SCHEMA.read_text()))
        assert report["language"] == "en" and "effusion" in report["text"].lower(), report["text"]
        status, headers, body = speech_server.request("GET", f"/api/v1/reports/{generated['reportId']}")
        assert status == 200, body
        stored = json.loads(body)
        assert stored["id"] == generated["reportId"].lower() and stored["version"] == 1
        assert stored["report"] == report
        await client.close()

    run(scenario())
