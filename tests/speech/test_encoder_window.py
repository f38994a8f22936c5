"""The encoder window option (`--encoder-window full|adaptive`): trimming, text and timestamps on real speech."""

import io
import json
import subprocess
import wave

import pytest

from conftest import VENV_PYTHON, WORKER_DIR, espeak, health, start_worker, stop_worker, transcribe_json, wait_healthy

SHORT = "There is no pneumothorax and no pleural effusion."
LONG = ("The lungs are clear. There is no focal consolidation, no pleural effusion and no pneumothorax. "
        "The cardiomediastinal silhouette is within normal limits.")
CLIPS = {
    # name: (text, seconds of silence before, seconds after, key words)
    "short": (SHORT, 0.0, 0.0, ("pneumothorax", "effusion")),
    "long": (LONG, 0.0, 0.0, ("consolidation", "effusion", "pneumothorax")),
    # espeak's "pneumothorax" after a pause is a coin toss for Whisper base in either window (bench_window.py).
    "short-after-a-pause": (SHORT, 2.5, 1.0, ("effusion",)),
}


def with_silence(wav: bytes, before: float, after: float) -> bytes:
    with wave.open(io.BytesIO(wav)) as source:
        params, frames = source.getparams(), source.readframes(source.getnframes())
    pad = params.sampwidth * params.nchannels
    out = io.BytesIO()
    with wave.open(out, "wb") as sink:
        sink.setparams(params)
        sink.writeframes(b"\x00" * pad * int(before * params.framerate) + frames
                         + b"\x00" * pad * int(after * params.framerate))
    return out.getvalue()


@pytest.fixture(scope="module")
def full_window_worker(tmp_path_factory):
    running = start_worker(tmp_path_factory.mktemp("full-window"), "--encoder-window", "full")
    try:
        wait_healthy(running)
        yield running
    finally:
        stop_worker(running)


@pytest.fixture(params=["adaptive", "full"])
def window_worker(request, worker, full_window_worker):
    return worker if request.param == "adaptive" else full_window_worker


@pytest.fixture(scope="module")
def clips(audio_dir):
    return {name: with_silence(espeak(audio_dir, f"window-{name}", "en-us", text), before, after)
            for name, (text, before, after, _) in CLIPS.items()}


def words_of(worker, audio: bytes) -> dict:
    return transcribe_json(worker.url, audio, language="en", response_format="verbose_json",
                           **{"timestamp_granularities[]": ["word", "segment"]})


def test_health_reports_the_full_window(full_window_worker):
    status, body = health(full_window_worker)
    assert status == 200 and body["encoder_window"] == "full"


@pytest.mark.parametrize("clip", list(CLIPS))
def test_key_words_and_monotonic_word_timestamps_inside_the_clip(window_worker, clips, clip):
    result = words_of(window_worker, clips[clip])
    text = result["text"].lower()
    for key in CLIPS[clip][3]:
        assert key in text, result["text"]
    duration = result["duration"]
    words = result["words"]
    assert len(words) >= 6
    previous_start = 0.0
    for word in words:
        assert 0.0 <= word["start"] <= word["end"] <= duration, word
        assert word["start"] >= previous_start, words
        previous_start = word["start"]
    for segment in result["segments"]:
        assert 0.0 <= segment["start"] < segment["end"] <= duration, segment
    if CLIPS[clip][1]:  # the pause is not transcribed and shifts every word (the VAD keeps 0.4 s before speech)
        assert words[0]["start"] >= CLIPS[clip][1] - 0.5, words[0]


@pytest.mark.parametrize("clip", list(CLIPS))
def test_key_words_are_timed_alike_in_both_windows(worker, full_window_worker, clips, clip):
    adaptive, full = words_of(worker, clips[clip]), words_of(full_window_worker, clips[clip])
    for key in CLIPS[clip][3]:
        adaptive_word = next(w for w in adaptive["words"] if key in w["word"].lower())
        full_word = next(w for w in full["words"] if key in w["word"].lower())
        assert abs(adaptive_word["start"] - full_word["start"]) <= 0.25, (adaptive_word, full_word)
        assert abs(adaptive_word["end"] - full_word["end"]) <= 0.25, (adaptive_word, full_word)


TRIMMING_PROBE = """
import json, sys
import numpy as np
from faster_whisper import WhisperModel
from faster_whisper.audio import pad_or_trim
import encoder_window, model_store

model = encoder_window.load_model(str(model_store.resolve_model_dir()), "adaptive", device="cpu", compute_type="int8")
assert isinstance(model, encoder_window.AdaptiveWindowWhisperModel)
encoded_widths = []  # what reaches WhisperModel.encode, i.e. the encoder, after the adaptive model's trimming
full_encode = WhisperModel.encode
WhisperModel.encode = lambda self, features: encoded_widths.append(features.shape[-1]) or full_encode(self, features)
rng = np.random.default_rng(7)
out = {}
for seconds in json.loads(sys.argv[1]):
    audio = (rng.standard_normal(int(seconds * 16000)) * 0.1).astype(np.float32)
    if seconds == 3.0:
        audio[:] = 0.0  # digital silence is content too, not padding
    features = model.feature_extractor(audio)
    window = pad_or_trim(features[:, : min(features.shape[-1] - 1, 3000)])  # as generate_segments does
    out[str(seconds)] = {
        "content": encoder_window.content_frames(window),
        "adaptive": model.encode(window).shape,
        "full": full_encode(model, window).shape,
    }
speech = (rng.standard_normal(4 * 16000) * 0.1).astype(np.float32)
encoded_widths.clear()
model.detect_language(speech)
out["detect_language"] = encoded_widths[:]
encoded_widths.clear()
list(model.transcribe(speech, language="en", vad_filter=False, word_timestamps=True, max_new_tokens=4)[0])
out["transcribe"] = encoded_widths[:]
print(json.dumps(out))
"""


PROBE_SECONDS = [1.0, 3.0, 8.0, 9.5, 12.3, 27.5, 29.5, 45.0]


@pytest.fixture(scope="module")
def trimming_probe():
    """Runs TRIMMING_PROBE in the worker's venv (numpy and faster-whisper live there) on the real model."""
    completed = subprocess.run([str(VENV_PYTHON), "-c", TRIMMING_PROBE, json.dumps(PROBE_SECONDS)],
                               cwd=str(WORKER_DIR), capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def test_adaptive_window_encodes_content_plus_margin_in_whole_seconds(trimming_probe):
    # Encoder positions are half the mel frames: 10 s minimum = 500, 30 s = 1500.
    expected = {1.0: 500, 3.0: 500, 8.0: 500, 9.5: 600, 12.3: 750, 27.5: 1500, 29.5: 1500, 45.0: 1500}
    for value in PROBE_SECONDS:
        probe = trimming_probe[str(value)]
        assert probe["content"] == min(int(value * 100), 3000), (value, probe)
        assert probe["adaptive"] == [1, expected[value], 512], (value, probe)
        assert probe["full"] == [1, 1500, 512], (value, probe)


def test_language_detection_keeps_the_full_window_and_decoding_trims_again(trimming_probe):
    assert trimming_probe["detect_language"] == [3000]
    assert trimming_probe["transcribe"] and set(trimming_probe["transcribe"]) == {1000}
