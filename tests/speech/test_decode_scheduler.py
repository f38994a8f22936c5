"""The worker's decode admission: finals start at once, partials never take the last free replica."""

import threading
import time

import pytest

from decode_scheduler import DecodeScheduler


class Decode(threading.Thread):
    """A decode that holds its slot until released, recording when it was admitted."""

    def __init__(self, scheduler: DecodeScheduler, priority: str, admitted: list):
        super().__init__(daemon=True)
        self.scheduler, self.priority, self.admitted = scheduler, priority, admitted
        self.started_decoding = threading.Event()
        self.release = threading.Event()

    def run(self):
        with self.scheduler.slot(self.priority):
            self.admitted.append(self)
            self.started_decoding.set()
            self.release.wait(10)


def start(scheduler, priority, admitted) -> Decode:
    decode = Decode(scheduler, priority, admitted)
    decode.start()
    return decode


def wait_until(condition, timeout=5.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_a_final_starts_while_a_partial_runs_on_two_replicas():
    scheduler, admitted = DecodeScheduler(2), []
    partial = start(scheduler, "low", admitted)
    assert partial.started_decoding.wait(5)
    final = start(scheduler, "normal", admitted)
    assert final.started_decoding.wait(5), "the final did not wait for the partial"
    partial.release.set(), final.release.set()


def test_a_second_partial_waits_so_that_a_replica_stays_free_for_finals():
    scheduler, admitted = DecodeScheduler(2), []
    first = start(scheduler, "low", admitted)
    assert first.started_decoding.wait(5)
    second = start(scheduler, "low", admitted)
    assert not second.started_decoding.wait(0.2)
    first.release.set()
    assert second.started_decoding.wait(5)
    second.release.set()


def test_two_finals_use_both_replicas():
    scheduler, admitted = DecodeScheduler(2), []
    finals = [start(scheduler, "normal", admitted) for _ in range(2)]
    assert all(final.started_decoding.wait(5) for final in finals)
    wait_until(lambda: scheduler.busy == 2)
    for final in finals:
        final.release.set()


def test_with_one_replica_a_waiting_final_goes_before_a_waiting_partial():
    scheduler, admitted = DecodeScheduler(1), []
    running = start(scheduler, "normal", admitted)
    assert running.started_decoding.wait(5)
    partial = start(scheduler, "low", admitted)
    time.sleep(0.05)
    final = start(scheduler, "normal", admitted)
    wait_until(lambda: scheduler.waiting_normal == 1)
    running.release.set()
    assert final.started_decoding.wait(5)
    assert not partial.started_decoding.wait(0.1), "the partial overtook the final"
    final.release.set()
    assert partial.started_decoding.wait(5)
    partial.release.set()
    assert admitted == [running, final, partial]


def test_slots_are_returned_when_a_decode_fails():
    scheduler = DecodeScheduler(1)
    with pytest.raises(RuntimeError):
        with scheduler.slot("normal"):
            raise RuntimeError("decode failed")
    assert scheduler.busy == 0
    with scheduler.slot("low"):
        assert scheduler.busy == 1


@pytest.mark.parametrize("replicas", [0, -1])
def test_at_least_one_replica(replicas):
    with pytest.raises(ValueError):
        DecodeScheduler(replicas)


def test_unknown_priority_is_refused():
    with pytest.raises(ValueError):
        with DecodeScheduler(1).slot("urgent"):
            pass
