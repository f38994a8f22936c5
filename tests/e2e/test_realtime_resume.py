"""Resuming a real-time session after the connection dropped mid-dictation.

A reference run streams three utterances on one connection. The interrupted run streams the same audio, but after the
first final, while the second utterance is being spoken, the TCP connection is dropped without a closing handshake. The
client reconnects with `sessionId` + `sessionToken` and goes on dictating. Across both connections every final must
arrive exactly once once de-duplicated by `segmentId` (replays are marked `replayed` and repeat the stored text), none
may be missing against the reference, and the utterance cut by the drop must still be finalised from the audio the
server had received.
"""

import asyncio
import json
import time

import pytest

from speech_audio import Clip, Pacer, RealtimeClient, dictate, error_type, final_text, run, speech

pytestmark = pytest.mark.speech

UTTERANCES = ("There is no pneumothorax.", "Small left pleural effusion.", "Heart size is normal.")
KEYWORDS = ("thorax", "effusion", "heart")  # "pneumothorax" itself is often heard as "tube thorax" by Whisper base
LEAD_IN, GAP, TAIL = 0.5, 2.5, 1.5
# How much of the second utterance is sent before the drop.
CUT_FRACTION = 0.6


def parts() -> list[Clip]:
    first, second, third = (speech(text) for text in UTTERANCES)
    return [Clip.silence(LEAD_IN), first, Clip.silence(GAP), second, Clip.silence(GAP), third, Clip.silence(TAIL)]


async def reconnect(port: int, started: dict, timeout: float = 15) -> tuple[RealtimeClient, dict]:
    """Resumes the session; `session_busy` is retried while the server is still noticing the dropped connection."""
    deadline = time.monotonic() + timeout
    while True:
        client = await RealtimeClient.connect(port)
        await client.send_json({"type": "start_transcription", "language": "en", "sessionId": started["sessionId"],
                                "sessionToken": started["sessionToken"]})
        answer = await client.wait_for(
            lambda events: next((e for e in events if e["type"] in ("session_started", "error")), None), 30,
            "answer to the resuming start_transcription")
        if answer["type"] == "session_started":
            return client, answer
        assert error_type(answer) == "session_busy" and time.monotonic() < deadline, answer
        await client.close()
        await asyncio.sleep(0.5)


@pytest.fixture(scope="module")
def reference(speech_server):
    """The finals of the whole audio streamed on one connection."""
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        await client.start(language="en")
        await dictate(client, Clip.join(*parts()).pcm16le(), Pacer.for_format(16000))
        await client.stop()
        await client.close()
        return client.finals()

    finals = run(scenario())
    assert all(word in final_text(finals) for word in KEYWORDS), [f["text"] for f in finals]
    return finals


def test_reconnect_mid_dictation_delivers_every_final_exactly_once(speech_server, reference):
    lead_in, first, gap, second, gap2, third, tail = parts()
    cut = round(len(second.samples) * CUT_FRACTION)
    second_sent = Clip(16000, second.samples[:cut])
    drop_at = lead_in.seconds + first.seconds + gap.seconds + second_sent.seconds

    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        started = await client.start(language="en")
        pacer = Pacer.for_format(16000)
        await dictate(client, Clip.join(lead_in, first, gap, second_sent).pcm16le(), pacer)
        # The first final normally arrived during the gap; on a loaded machine the "network" stalls until it has.
        await client.wait_for(lambda _: client.finals(), 60, "the first final before the drop")
        first_connection = list(client.events)
        client.abort()

        resumed_client, resumed = await reconnect(speech_server.port, started)
        await dictate(resumed_client, Clip.join(gap2, third, tail).pcm16le(), Pacer.for_format(16000))
        await resumed_client.wait_for(lambda _: "heart" in final_text(resumed_client.finals()), 60, "the last final")
        stopped = await resumed_client.stop()
        await resumed_client.close()
        status, _, body = speech_server.request(
            "GET", f"/api/v1/realtime/sessions/{started['sessionId']}",
            headers={"Authorization": f"Bearer {started['sessionToken']}"})
        assert status == 200, body
        return started, first_connection, resumed, resumed_client.events, stopped, json.loads(body)

    started, first_events, resumed, second_events, stopped, stored_session = run(scenario())

    first_finals = [e for e in first_events if e["type"] == "transcription_update" and e["kind"] == "final"]
    assert [f["segmentId"] for f in first_finals] == list(range(len(first_finals)))
    assert not any(f["replayed"] for f in first_finals)

    assert resumed["resumed"] is True and resumed["sessionId"] == started["sessionId"]
    stored_at_resume = resumed["segmentCount"]
    assert stored_at_resume >= len(first_finals)

    second_finals = [e for e in second_events if e["type"] == "transcription_update" and e["kind"] == "final"]
    replays = [f for f in second_finals if f["replayed"]]
    live = [f for f in second_finals if not f["replayed"]]
    assert [f["segmentId"] for f in replays] == list(range(stored_at_resume)), "replays are every stored final, once, in order"
    assert second_finals[: len(replays)] == replays, "replays come before new finals"
    for replay in replays[: len(first_finals)]:
        original = first_finals[replay["segmentId"]]
        assert (replay["text"], replay["start"], replay["end"]) == (original["text"], original["start"], original["end"])
    assert [f["segmentId"] for f in live] == list(range(stored_at_resume, stored_at_resume + len(live)))

    delivered = {}
    for final in first_finals + second_finals:
        delivered.setdefault(final["segmentId"], final)
    total = stopped["segmentCount"]
    assert sorted(delivered) == list(range(total)), "a segment id is missing"
    live_ids = [f["segmentId"] for f in first_finals + live]
    assert len(live_ids) == len(set(live_ids)), f"a final was sent live twice: {live_ids}"
    assert total == len(reference), ([delivered[i]["text"] for i in range(total)], [f["text"] for f in reference])

    texts = final_text([delivered[i] for i in range(total)])
    assert "thorax" in texts and "heart" in texts, texts
    cut_utterance = [f for f in delivered.values() if first.seconds + lead_in.seconds <= f["start"] < drop_at]
    assert len(cut_utterance) == 1 and cut_utterance[0]["text"].strip(), (drop_at, [summary(f) for f in delivered.values()])
    assert cut_utterance[0]["end"] <= drop_at + 0.1, "the cut utterance ends where the audio stopped"

    stored_texts = json.dumps(stored_session, ensure_ascii=False)
    assert all(delivered[i]["text"] in stored_texts for i in range(total)), stored_session


def summary(final: dict) -> tuple:
    return final["segmentId"], final["start"], final["end"], final["text"]


def test_a_final_decoded_while_the_client_was_away_is_replayed(speech_server):
    """The drop comes right at the end of speech, before the endpointer could have ended the utterance, so its final
    is decoded while no client is connected; the resumed connection must receive it as a replay (or live, if the
    decode finishes after the resume), exactly once."""
    async def scenario():
        client = await RealtimeClient.connect(speech_server.port)
        started = await client.start(language="en")
        spoken = speech(UTTERANCES[1])
        # espeak-ng ends with about 0.46 s of near-silence; cut it so that the endpointer cannot end the utterance.
        spoken = Clip(spoken.rate, spoken.samples[: len(spoken.samples) - round(0.4 * spoken.rate)])
        await dictate(client, Clip.join(Clip.silence(LEAD_IN), spoken).pcm16le(), Pacer.for_format(16000))
        client.abort()
        await asyncio.sleep(3)
        resumed_client, resumed = await reconnect(speech_server.port, started)
        await resumed_client.wait_for(lambda _: "effusion" in final_text(resumed_client.finals()), 60, "the effusion final")
        stopped = await resumed_client.stop()
        await resumed_client.close()
        return client.finals(), resumed, resumed_client.finals(), stopped

    before, resumed, after, stopped = run(scenario())
    assert before == [], "the utterance cannot have been finalised before the drop"
    assert resumed["resumed"] is True
    assert [f["segmentId"] for f in after] == [0], after
    assert after[0]["replayed"] is (resumed["segmentCount"] == 1)
    assert stopped["segmentCount"] == 1
