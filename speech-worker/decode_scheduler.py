"""Admission of decodes to the worker's model replicas, finals before partials.

A real-time client sends two kinds of request: partial decodes of an utterance still being spoken (their text is
replaced a moment later) and final decodes of an utterance that has ended (the radiologist waits for these). A decode
cannot be interrupted once CTranslate2 runs it, so a final that queues behind a partial waits a whole decode. The
scheduler therefore

- lets a final start whenever a replica is free, and waiting finals go before waiting partials;
- keeps one replica for finals when there are several: a partial starts only while another replica stays free, so a
  final arriving during a partial starts at once instead of after it.

With one replica there is nothing to keep free: a partial then runs when no final waits, and a final still goes
before every waiting partial.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

PRIORITIES = ("normal", "low")  # normal: final decodes and every ordinary client; low: partial decodes


class DecodeScheduler:
    def __init__(self, replicas: int):
        if replicas < 1:
            raise ValueError("at least one replica is needed")
        self.replicas = replicas
        self.reserved_for_finals = 1 if replicas > 1 else 0
        self._condition = threading.Condition()
        self._busy = 0
        self._waiting_normal = 0

    @property
    def busy(self) -> int:
        with self._condition:
            return self._busy

    @property
    def waiting_normal(self) -> int:
        with self._condition:
            return self._waiting_normal

    def _may_start(self, priority: str) -> bool:
        if priority == "normal":
            return self._busy < self.replicas
        return self._waiting_normal == 0 and self._busy < self.replicas - self.reserved_for_finals

    @contextmanager
    def slot(self, priority: str):
        """Waits for a replica this priority may use and holds it for the `with` block."""
        if priority not in PRIORITIES:
            raise ValueError(f"unknown priority {priority!r}")
        with self._condition:
            if priority == "normal":
                self._waiting_normal += 1
            try:
                self._condition.wait_for(lambda: self._may_start(priority))
            finally:
                if priority == "normal":
                    self._waiting_normal -= 1
            self._busy += 1
        try:
            yield
        finally:
            with self._condition:
                self._busy -= 1
                self._condition.notify_all()
