"""The Whisper encoder window: `full` (the padded 30 s window) or `adaptive` (trimmed to the clip's content).

faster-whisper 1.2.1 computes the mel features of the clip alone, then pads every window to 3000 frames (30 s) with
zero columns (`pad_or_trim`) before `WhisperModel.encode`. The encoder's cost grows with its input, so a 3 s utterance
pays for 30 s. CTranslate2 4.8.5 accepts shorter encoder input, and the decoder and the word alignment (`align` with
the window's content frames) work on the shorter encoder output.

`adaptive` trims each padded window it decodes to its content (the columns before the trailing all-zero padding) plus
`MARGIN_FRAMES`, rounded up to whole seconds and at least `MINIMUM_FRAMES`. A column of real log-mel features is in
practice never all exactly zero (digital silence is -1.5 after Whisper's normalisation), so the padding is found
exactly; were a trailing real column all zero, it would only count as padding, inside the margin. A window
whose content already reaches 30 s is left alone. Timestamps stay in the clip's timeline: the decoder's timestamp
tokens and the alignment count encoder positions from the window's start, which trimming does not move.
"""

from __future__ import annotations

import math

import numpy as np
from faster_whisper import WhisperModel

FRAMES_PER_SECOND = 100  # mel frames (hop 160 at 16 kHz)
MARGIN_FRAMES = 200  # 2 s kept after the content, so the encoder still sees where the speech ends
MINIMUM_FRAMES = 1000  # never encode less than 10 s: a 5 s minimum was less accurate on bench_window.py's German


def content_frames(features: np.ndarray) -> int:
    """The number of columns before the trailing all-zero padding of a (…, n_mels, frames) feature window."""
    columns = features.reshape(-1, features.shape[-1])
    nonzero = np.flatnonzero(np.any(columns != 0, axis=0))
    return int(nonzero[-1]) + 1 if nonzero.size else 0


def adaptive_frames(content: int, window: int) -> int:
    """Frames to encode for `content` frames of a `window`-frame padded window: content plus margin, in whole
    seconds, at least the minimum, at most the window."""
    seconds = math.ceil((content + MARGIN_FRAMES) / FRAMES_PER_SECOND)
    return min(window, max(MINIMUM_FRAMES, seconds * FRAMES_PER_SECOND))


class AdaptiveWindowWhisperModel(WhisperModel):
    """A WhisperModel that encodes only the content of each padded 30 s window plus a margin, for decoding.

    Language detection (a request without `language`) keeps the full window: trimmed, it was right on fewer clips in
    bench_window.py (it drifted to Latin on German speech). Like WhisperModel, not for concurrent use.
    """

    trim = True

    def detect_language(self, *args, **kwargs):
        self.trim = False
        try:
            return super().detect_language(*args, **kwargs)
        finally:
            self.trim = True

    def encode(self, features: np.ndarray):
        window = self.feature_extractor.nb_max_frames
        if self.trim and features.shape[-1] == window:
            features = features[..., : adaptive_frames(content_frames(features), window)]
        return super().encode(features)


def load_model(model_dir: str, encoder_window: str, **options) -> WhisperModel:
    """Loads the model with the given encoder window (`full` or `adaptive`); options go to WhisperModel."""
    model_class = {"full": WhisperModel, "adaptive": AdaptiveWindowWhisperModel}.get(encoder_window)
    if model_class is None:
        raise ValueError(f"unknown encoder window {encoder_window!r}; use full or adaptive")
    return model_class(model_dir, **options)
