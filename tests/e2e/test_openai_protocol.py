"""`POST /v1/audio/transcriptions` driven by the official OpenAI Python SDK, as an integrator would call it."""

import json

import openai
import pytest

from speech_audio import Clip, speech

pytestmark = pytest.mark.speech

ENGLISH = "No pneumothorax. Small left pleural effusion."
GERMAN = "Kein Pneumothorax. Kleiner Pleuraerguss links."


@pytest.fixture(scope="module")
def client(speech_server):
    return openai.OpenAI(base_url=f"http://127.0.0.1:{speech_server.port}/v1", api_key="unused", max_retries=0,
                         timeout=180)


@pytest.fixture(scope="module")
def english_wav(tmp_path_factory):
    path = tmp_path_factory.mktemp("openai") / "dictation.wav"
    path.write_bytes(Clip.join(Clip.silence(0.3), speech(ENGLISH), Clip.silence(0.7)).wav())
    return path


def test_json_response(client, english_wav):
    with open(english_wav, "rb") as file:
        result = client.audio.transcriptions.create(model="whisper-1", file=file, response_format="json", language="en")
    assert "thorax" in result.text.lower() and "effusion" in result.text.lower(), result.text


def test_default_response_format_is_json(client, english_wav):
    with open(english_wav, "rb") as file:
        result = client.audio.transcriptions.create(model="whisper-1", file=file, language="en")
    assert "effusion" in result.text.lower(), result.text


def test_text_response(client, english_wav):
    with open(english_wav, "rb") as file:
        result = client.audio.transcriptions.create(model="whisper-1", file=file, response_format="text", language="en")
    assert isinstance(result, str)
    assert not result.lstrip().startswith("{"), "text format answered JSON"
    assert "thorax" in result.lower(), result


def test_verbose_json_response(client, english_wav):
    with open(english_wav, "rb") as file:
        result = client.audio.transcriptions.create(model="whisper-1", file=file, response_format="verbose_json",
                                                    language="en")
    assert "thorax" in result.text.lower(), result.text
    assert result.language in ("en", "english")
    clip_seconds = 0.3 + speech(ENGLISH).seconds + 0.7
    assert abs(result.duration - clip_seconds) < 0.1, result.duration
    assert result.segments, "no segments"
    for segment in result.segments:
        assert 0 <= segment.start < segment.end <= clip_seconds + 0.05, segment
    assert result.words, "no words"
    for previous, word in zip(result.words, result.words[1:]):
        assert word.start >= previous.start - 0.01
    assert all(0 <= word.start <= word.end <= clip_seconds + 0.05 for word in result.words)
    assert any("effusion" in word.word.lower() for word in result.words)


def test_german(client, tmp_path):
    path = tmp_path / "befund.wav"
    path.write_bytes(Clip.join(Clip.silence(0.3), speech(GERMAN, "de"), Clip.silence(0.7)).wav())
    with open(path, "rb") as file:
        result = client.audio.transcriptions.create(model="whisper-1", file=file, language="de")
    assert "kein" in result.text.lower(), result.text


def test_48_khz_float32_stereo_upload(client, tmp_path):
    path = tmp_path / "stereo.wav"
    clip = Clip.join(Clip.silence(0.3, 48000), speech(ENGLISH, rate=48000), Clip.silence(0.7, 48000))
    path.write_bytes(clip.float32_wav(channels=2, speech_channel=1))
    with open(path, "rb") as file:
        result = client.audio.transcriptions.create(model="whisper-1", file=file, language="en")
    assert "effusion" in result.text.lower(), result.text


def test_silence_gives_empty_text(client, tmp_path):
    path = tmp_path / "silence.wav"
    path.write_bytes(Clip.silence(4.0).wav())
    with open(path, "rb") as file:
        result = client.audio.transcriptions.create(model="whisper-1", file=file, language="en")
    assert result.text == ""


def assert_problem(error: openai.APIStatusError, status: int) -> None:
    assert error.status_code == status
    assert error.response.headers["content-type"].startswith("application/problem+json")
    problem = json.loads(error.response.content)
    assert problem["status"] == status and problem["title"] and problem["type"], problem


def test_a_file_that_is_not_wav_is_a_bad_request(client, tmp_path):
    path = tmp_path / "befund.txt"
    path.write_text("Befund: Rundherd im rechten Oberlappen, 12 mm.\n" * 20)
    with open(path, "rb") as file, pytest.raises(openai.BadRequestError) as raised:
        client.audio.transcriptions.create(model="whisper-1", file=file, language="en")
    assert_problem(raised.value, 400)
    assert "Rundherd" not in raised.value.response.text, "the error echoes the upload"


def test_a_truncated_wav_is_a_bad_request(client, english_wav):
    with pytest.raises(openai.BadRequestError) as raised:
        client.audio.transcriptions.create(model="whisper-1", file=("cut.wav", english_wav.read_bytes()[:30]))
    assert_problem(raised.value, 400)


def test_an_unknown_language_is_a_bad_request(client, english_wav):
    with open(english_wav, "rb") as file, pytest.raises(openai.BadRequestError) as raised:
        client.audio.transcriptions.create(model="whisper-1", file=file, language="tlh")
    assert_problem(raised.value, 400)


def test_an_unknown_response_format_is_a_bad_request(client, english_wav):
    with open(english_wav, "rb") as file, pytest.raises(openai.BadRequestError) as raised:
        client.audio.transcriptions.create(model="whisper-1", file=file, response_format="mp3")
    assert_problem(raised.value, 400)
