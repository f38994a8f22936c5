"""The decode's token budget: generous for real speech, short for Whisper's repetition loops."""

import pytest

from worker import token_budget


@pytest.mark.parametrize("seconds, budget", [(0.0, 30), (1.0, 45), (2.0, 60), (10.0, 180), (12.9, 220), (30.0, 220)])
def test_budget_grows_with_the_clip_up_to_the_decoders_window(seconds, budget):
    assert token_budget(seconds) == budget


def test_fast_german_dictation_fits_its_budget():
    # 3 words a second (fast dictation), 3 tokens a word (long German compounds): 9 tokens a second.
    for seconds in (1, 3, 8, 20):
        assert token_budget(seconds) >= 9 * seconds


def test_files_longer_than_one_window_get_no_budget():
    assert token_budget(30.5) is None
