"""The Vosk-compatible WebSocket `/api/v1/asr/vosk`, driven the way alphacep/vosk-server's example client drives it:
a config message, binary chunks each answered by exactly one message in lockstep, then `{"eof" : 1}`, one last final
and the server's close."""

import asyncio
import io
import json
import time
import wave

import pytest
import websockets

from speech_audio import Clip, Pacer, speech

pytestmark = pytest.mark.speech

ENGLISH = "No pneumothorax. Small left pleural effusion."
GERMAN = "Kein Pneumothorax. Kleiner Pleuraerguss links."
CHUNK_BYTES = 8000
RECV_TIMEOUT_S = 120


def dictation_wav(text: str, voice: str = "en-us", rate: int = 16000) -> bytes:
    return Clip.join(Clip.silence(0.3, rate), speech(text, voice, rate), Clip.silence(1.0, rate)).wav()


async def recv_json(connection) -> dict:
    message = await asyncio.wait_for(connection.recv(), RECV_TIMEOUT_S)
    assert isinstance(message, str), f"binary answer of {len(message)} bytes"
    return json.loads(message)


async def example_client(port: int, wav: bytes, query: str = "", config: dict | None = None,
                         pacer: Pacer | None = None) -> tuple[list[dict], dict, BaseException]:
    """vosk-server's test client: returns (the answers to the chunks, the answer to eof, how the connection ended)."""
    answers = []
    async with websockets.connect(f"ws://127.0.0.1:{port}/api/v1/asr/vosk{query}", max_size=None) as ws:
        source = wave.open(io.BytesIO(wav), "rb")
        await ws.send(json.dumps({"config": config or {"sample_rate": source.getframerate()}}))
        frames_per_chunk = CHUNK_BYTES // source.getsampwidth()
        while True:
            data = source.readframes(frames_per_chunk)
            if len(data) == 0:
                break
            if pacer is None:
                await ws.send(data)
            else:
                await pacer.send(ws.send, data)
            answers.append(await recv_json(ws))
        await ws.send('{"eof" : 1}')
        final = await recv_json(ws)
        try:
            extra = await asyncio.wait_for(ws.recv(), 20)
            ended = AssertionError(f"a message after the eof answer: {extra!r}")
        except websockets.ConnectionClosed as closed:
            ended = closed
    return answers, final, ended


def all_text(answers: list[dict], final: dict) -> str:
    return " ".join(answer["text"] for answer in answers + [final] if "text" in answer).lower()


def assert_vosk_message(answer: dict) -> None:
    assert ("partial" in answer) != ("text" in answer), answer
    if "partial" in answer:
        assert isinstance(answer["partial"], str)
    else:
        assert isinstance(answer["text"], str)
        for word in answer.get("result", []):
            assert set(word) >= {"conf", "start", "end", "word"}, word
            assert 0.0 <= word["conf"] <= 1.0 and 0.0 <= word["start"] <= word["end"], word


def test_example_client_in_lockstep_gets_partials_and_the_medical_words(speech_server):
    wav = dictation_wav(ENGLISH)
    answers, final, ended = asyncio.run(example_client(speech_server.port, wav, "?language=en"))
    assert len(answers) == -(-(len(wav) - 44) // CHUNK_BYTES), "one answer per chunk"
    for answer in answers + [final]:
        assert_vosk_message(answer)
    assert "text" in final, final
    assert any("partial" in answer for answer in answers)
    text = all_text(answers, final)
    assert "thorax" in text and "effusion" in text, text
    assert isinstance(ended, websockets.ConnectionClosedOK), ended


def test_real_time_stream_with_word_results(speech_server):
    clip = Clip.join(Clip.silence(0.3), speech(ENGLISH), Clip.silence(1.5))
    config = {"sample_rate": 16000, "words": 1, "phrase_list": ["pneumothorax", "pleural effusion"]}
    started = time.monotonic()
    answers, final, ended = asyncio.run(
        example_client(speech_server.port, clip.wav(), "?language=en", config, Pacer(32000, CHUNK_BYTES)))
    assert time.monotonic() - started >= clip.seconds - 0.3, "the client did not stream in real time"
    finals = [answer for answer in answers + [final] if "text" in answer]
    for answer in answers + [final]:
        assert_vosk_message(answer)
    words = [word for answer in finals for word in answer.get("result", [])]
    assert words, finals
    for previous, word in zip(words, words[1:]):
        assert word["start"] >= previous["start"] - 0.01, (previous, word)
    assert all(word["end"] <= clip.seconds + 0.05 for word in words)
    assert "effusion" in all_text(answers, final)
    assert isinstance(ended, websockets.ConnectionClosedOK), ended


def test_german_from_the_query(speech_server):
    answers, final, ended = asyncio.run(example_client(speech_server.port, dictation_wav(GERMAN, "de"), "?language=de"))
    assert "kein" in all_text(answers, final), all_text(answers, final)
    assert isinstance(ended, websockets.ConnectionClosedOK), ended


def test_8_khz_telephone_rate(speech_server):
    """Vosk clients usually send 8 kHz: the server resamples."""
    answers, final, ended = asyncio.run(
        example_client(speech_server.port, dictation_wav(ENGLISH, rate=8000), "?language=en"))
    assert "effusion" in all_text(answers, final), all_text(answers, final)
    assert isinstance(ended, websockets.ConnectionClosedOK), ended


def test_silence_gives_an_empty_final(speech_server):
    answers, final, ended = asyncio.run(example_client(speech_server.port, Clip.silence(4.0).wav(), "?language=en"))
    assert all_text(answers, final).strip() == "", all_text(answers, final)
    assert final["text"] == "", final
    assert isinstance(ended, websockets.ConnectionClosedOK), ended
