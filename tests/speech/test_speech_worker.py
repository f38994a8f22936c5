"""End-to-end tests of the speech worker's API with the real Whisper base model and espeak-ng speech."""

import io
import json
import os
import threading
import time
import wave

import pytest

from conftest import MAX_UPLOAD_BYTES, espeak, health, post, transcribe, transcribe_json

ENGLISH = "there is no pneumothorax and no pleural effusion"
GERMAN = "Kein Hinweis auf einen Pneumothorax. Keine Pleuraergüsse."


def silence_wav(seconds: float = 3.0, rate: int = 16000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"\x00\x00" * int(seconds * rate))
    return buffer.getvalue()


@pytest.fixture(scope="module")
def english(audio_dir):
    return espeak(audio_dir, "english", "en-us", ENGLISH)


@pytest.fixture(scope="module")
def german(audio_dir):
    return espeak(audio_dir, "german", "de", GERMAN, speed=175)


def assert_openai_error(status, content_type, body, expected_status, param=None):
    assert status == expected_status, body
    assert content_type.startswith("application/json")
    error = json.loads(body)["error"]
    assert set(error) == {"message", "type", "param", "code"}
    assert error["message"] and error["type"]
    if param is not None:
        assert error["param"] == param
    return error


def test_health_reports_ready_and_the_active_settings(worker):
    status, body = health(worker)
    assert status == 200
    assert body["status"] == "ready"
    assert body["encoder_window"] == "adaptive"  # the default
    assert body["beam_size"] == 5 and body["partial_beam_size"] == 1
    assert body["replicas"] == 2
    assert body["device"] in ("cpu", "cuda")  # auto, resolved
    assert body["compute_type"] == ("float16" if body["device"] == "cuda" else "int8")  # auto, resolved
    assert body["warmup"] is True and body["vad_filter"] is True
    assert body["cpu_threads"] == len(os.sched_getaffinity(0))  # 0, the default, means one per core
    assert body["model"].endswith("whisper-base")


def test_english_json(worker, english):
    started = time.monotonic()
    result = transcribe_json(worker.url, english, model="whisper-1", language="en")
    print(f"english decode took {time.monotonic() - started:.2f}s: {result['text']!r}")
    assert set(result) == {"text"}
    text = result["text"].lower()
    assert "pneumothorax" in text and "effusion" in text, result


def test_english_with_vocabulary_prompt_default_voice(worker, audio_dir):
    audio = espeak(audio_dir, "english-default-voice", "en", ENGLISH, speed=175)
    result = transcribe_json(worker.url, audio, prompt="Radiology report: pneumothorax, pleural effusion.")
    assert "pneumothorax" in result["text"].lower(), result


def test_text_format(worker, english):
    status, content_type, body = transcribe(worker.url, english, language="en", response_format="text")
    assert status == 200 and content_type.startswith("text/plain")
    assert "effusion" in body.decode().lower()


def test_german(worker, german):
    result = transcribe_json(worker.url, german, language="de")
    assert result["text"].strip(), result


def test_german_language_detection(worker, german):
    result = transcribe_json(worker.url, german, response_format="verbose_json")
    assert result["text"].strip(), result
    assert result["language"] == "de", result


def test_silence_is_empty(worker):
    assert transcribe_json(worker.url, silence_wav())["text"] == ""
    verbose = transcribe_json(worker.url, silence_wav(), response_format="verbose_json",
                              **{"timestamp_granularities[]": "word"})
    assert verbose["text"] == "" and verbose["segments"] == [] and verbose["words"] == []


def test_verbose_json_segments_and_words(worker, english):
    result = transcribe_json(worker.url, english, language="en", response_format="verbose_json",
                             **{"timestamp_granularities[]": ["word", "segment"]})
    assert result["task"] == "transcribe" and result["language"] == "en"
    assert 2.0 < result["duration"] < 10.0
    assert "pneumothorax" in result["text"].lower()
    assert result["segments"]
    for index, segment in enumerate(result["segments"]):
        assert segment["id"] == index
        assert 0 <= segment["start"] < segment["end"] <= result["duration"] + 0.5
        for key in ("text", "avg_logprob", "no_speech_prob", "words"):
            assert key in segment
    words = result["words"]
    assert len(words) >= 6
    assert sum(len(s["words"]) for s in result["segments"]) == len(words)
    previous = 0.0
    for word in words:
        assert set(word) == {"word", "start", "end", "probability"}
        assert previous - 0.01 <= word["start"] <= word["end"]
        assert 0.0 <= word["probability"] <= 1.0
        previous = word["start"]
    assert any("pneumothorax" in w["word"].lower() for w in words)


@pytest.mark.parametrize("granularities", [None, ["segment"]])
def test_verbose_json_without_word_granularity_has_segments_but_no_words(worker, english, granularities):
    fields = {"timestamp_granularities[]": granularities} if granularities else {}
    result = transcribe_json(worker.url, english, language="en", response_format="verbose_json", **fields)
    assert "pneumothorax" in result["text"].lower(), result
    assert "words" not in result
    assert result["segments"]
    for segment in result["segments"]:
        assert "words" not in segment
        assert 0 <= segment["start"] < segment["end"] <= result["duration"] + 0.5
        assert segment["text"].strip()


def test_word_granularity_alone_still_carries_segments(worker, english):
    result = transcribe_json(worker.url, english, language="en", response_format="verbose_json",
                             **{"timestamp_granularities[]": "word"})
    assert result["segments"] and result["words"]
    assert [w for s in result["segments"] for w in s["words"]] == result["words"]
    assert any("effusion" in w["word"].lower() for w in result["words"])


def test_granularity_without_brackets_is_understood(worker, english):
    result = transcribe_json(worker.url, english, language="en", response_format="verbose_json",
                             timestamp_granularities="word")
    assert result["words"]


@pytest.mark.parametrize("response_format", ["json", "text", "srt", "vtt"])
def test_granularities_need_verbose_json(worker, english, response_format):
    error = assert_openai_error(*transcribe(worker.url, english, response_format=response_format,
                                            **{"timestamp_granularities[]": "word"}),
                                400, param="timestamp_granularities[]")
    assert "verbose_json" in error["message"]


@pytest.mark.parametrize("value", ["phoneme", "", "Word"])
def test_unknown_granularity(worker, english, value):
    assert_openai_error(*transcribe(worker.url, english, response_format="verbose_json",
                                    **{"timestamp_granularities[]": ["segment", value]}),
                        400, param="timestamp_granularities[]")


def test_srt_and_vtt(worker, english):
    status, _, body = transcribe(worker.url, english, language="en", response_format="srt")
    assert status == 200 and body.decode().startswith("1\n00:00:") and " --> " in body.decode()
    status, _, body = transcribe(worker.url, english, language="en", response_format="vtt")
    assert status == 200 and body.decode().startswith("WEBVTT")


def test_concurrent_requests_both_succeed(worker, english):
    results = []
    threads = [threading.Thread(target=lambda: results.append(transcribe_json(worker.url, english, language="en")))
               for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert len(results) == 2 and all("effusion" in r["text"].lower() for r in results)


def test_a_low_priority_partial_decode_is_greedy_and_succeeds(worker, english):
    status, _, body = transcribe(worker.url, english, headers={"X-RadScribe-Priority": "low"}, language="en")
    assert status == 200, body
    assert "effusion" in json.loads(body)["text"].lower()


@pytest.mark.parametrize("priority", ["urgent", "high", "low, normal"])
def test_unknown_priority(worker, english, priority):
    assert_openai_error(*transcribe(worker.url, english, headers={"X-RadScribe-Priority": priority}, language="en"),
                        400, param="X-RadScribe-Priority")


def test_missing_file(worker):
    assert_openai_error(*transcribe(worker.url, None, model="whisper-1"), 400, param="file")


def test_empty_file(worker):
    assert_openai_error(*transcribe(worker.url, b""), 400, param="file")


def test_garbage_bytes(worker):
    garbage = bytes((i * 7919 + 13) % 256 for i in range(20000))
    assert_openai_error(*transcribe(worker.url, garbage), 400, param="file")


def test_unknown_response_format(worker, english):
    assert_openai_error(*transcribe(worker.url, english, response_format="mp3"), 400, param="response_format")


@pytest.mark.parametrize("temperature", ["hot", "-0.1", "1.5", "nan"])
def test_bad_temperature(worker, english, temperature):
    assert_openai_error(*transcribe(worker.url, english, temperature=temperature), 400, param="temperature")


def test_unknown_language(worker, english):
    assert_openai_error(*transcribe(worker.url, english, language="xx"), 400, param="language")


def test_not_multipart(worker):
    assert_openai_error(*post(worker.url, b'{"file": 1}', "application/json"), 400)


def test_oversized_upload(worker):
    audio = silence_wav(seconds=(MAX_UPLOAD_BYTES // 32000) + 5)
    assert len(audio) > MAX_UPLOAD_BYTES
    assert_openai_error(*transcribe(worker.url, audio), 413, param="file")

