"""Synthetic dictation audio and real-time clients for the speech protocols.

Speech comes from espeak-ng (`--stdout`, 22 050 Hz mono PCM16), is resampled in pure Python (a windowed-sinc polyphase
filter) to the rate a test needs, and is streamed to the server at the pace a microphone would deliver it: frame k leaves
at `start + k * frame duration` on the monotonic clock, whatever the send calls cost.
"""

import asyncio
import base64
import functools
import io
import json
import math
import operator
import random
import struct
import subprocess
import time
import wave
from dataclasses import dataclass

import websockets

ESPEAK_RATE = 22050


# MARK: - Audio


@dataclass(frozen=True)
class Clip:
    """Mono audio: `samples` in [-1, 1] at `rate` Hz."""

    rate: int
    samples: tuple[float, ...]

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate

    @staticmethod
    def silence(seconds: float, rate: int = 16000) -> "Clip":
        return Clip(rate, (0.0,) * round(seconds * rate))

    @staticmethod
    def noise(seconds: float, rate: int = 16000, level_dbfs: float = -45.0, seed: int = 7) -> "Clip":
        """Seeded white Gaussian noise whose RMS is `level_dbfs`."""
        generator = random.Random(seed)
        sigma = 10 ** (level_dbfs / 20)
        return Clip(rate, tuple(max(-1.0, min(1.0, generator.gauss(0.0, sigma))) for _ in range(round(seconds * rate))))

    @staticmethod
    def join(*clips: "Clip") -> "Clip":
        rates = {clip.rate for clip in clips}
        assert len(rates) == 1, f"clips of different rates: {rates}"
        return Clip(rates.pop(), tuple(sample for clip in clips for sample in clip.samples))

    def resampled(self, rate: int) -> "Clip":
        return Clip(rate, resample(self.samples, self.rate, rate))

    def rms_dbfs(self) -> float:
        power = sum(s * s for s in self.samples) / max(1, len(self.samples))
        return 10 * math.log10(power) if power > 0 else -math.inf

    def interleaved(self, channels: int, speech_channel: int | None = None) -> tuple[float, ...]:
        """`channels` interleaved channels: the clip on every channel, or only on `speech_channel` (others silent)."""
        frames = []
        for sample in self.samples:
            for channel in range(channels):
                frames.append(sample if speech_channel is None or channel == speech_channel else 0.0)
        return tuple(frames)

    def pcm16le(self, channels: int = 1, speech_channel: int | None = None) -> bytes:
        values = self.interleaved(channels, speech_channel)
        return struct.pack(f"<{len(values)}h", *(to_int16(v) for v in values))

    def float32le(self, channels: int = 1, speech_channel: int | None = None) -> bytes:
        values = self.interleaved(channels, speech_channel)
        return struct.pack(f"<{len(values)}f", *values)

    def wav(self) -> bytes:
        """A 16-bit mono WAV file."""
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self.rate)
            out.writeframes(self.pcm16le())
        return buffer.getvalue()

    def float32_wav(self, channels: int = 1, speech_channel: int | None = None) -> bytes:
        """An IEEE-float (format 3) WAV file; Python's `wave` writes only integer PCM, so the header is built here."""
        data = self.float32le(channels, speech_channel)
        block_align = 4 * channels
        fmt = struct.pack("<HHIIHH", 3, channels, self.rate, self.rate * block_align, block_align, 32)
        fact = struct.pack("<I", len(self.samples))
        body = b"WAVE" + chunk(b"fmt ", fmt) + chunk(b"fact", fact) + chunk(b"data", data)
        return b"RIFF" + struct.pack("<I", len(body)) + body


def chunk(tag: bytes, payload: bytes) -> bytes:
    return tag + struct.pack("<I", len(payload)) + payload + (b"\x00" if len(payload) % 2 else b"")


def to_int16(value: float) -> int:
    return max(-32768, min(32767, round(value * 32767)))


def read_wav(data: bytes) -> tuple[int, int, int, bytes]:
    """(sample rate, channels, sample width in bytes, frames) of an integer-PCM WAV."""
    with wave.open(io.BytesIO(data), "rb") as source:
        return source.getframerate(), source.getnchannels(), source.getsampwidth(), source.readframes(source.getnframes())


# MARK: - Synthesis


@functools.lru_cache(maxsize=None)
def espeak(text: str, voice: str = "en-us", speed: int = 130) -> Clip:
    """espeak-ng's rendering of `text` at its native 22 050 Hz."""
    output = subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "--stdout", text],
                            check=True, capture_output=True, timeout=60).stdout
    # --stdout writes a streaming header whose sizes are placeholders: take everything after the data chunk's header.
    assert output[:4] == b"RIFF" and output[8:12] == b"WAVE", output[:16]
    position = 12
    while output[position:position + 4] != b"data":
        size = struct.unpack("<I", output[position + 4:position + 8])[0]
        if output[position:position + 4] == b"fmt ":
            channels, rate = struct.unpack("<HI", output[position + 10:position + 16])
            assert (channels, rate) == (1, ESPEAK_RATE), (channels, rate)
        position += 8 + size + (size % 2)
    pcm = output[position + 8:]
    pcm = pcm[: len(pcm) - len(pcm) % 2]
    return Clip(ESPEAK_RATE, tuple(v / 32768 for v in struct.unpack(f"<{len(pcm) // 2}h", pcm)))


@functools.lru_cache(maxsize=None)
def speech(text: str, voice: str = "en-us", rate: int = 16000, speed: int = 130) -> Clip:
    """`text` spoken by espeak-ng and resampled to `rate`."""
    return espeak(text, voice, speed).resampled(rate)


# MARK: - Resampling


@functools.lru_cache(maxsize=None)
def polyphase_filters(up: int, down: int, half_width: int) -> tuple[tuple[float, ...], ...]:
    """One Kaiser-windowed sinc kernel per output phase, normalised to unit gain."""
    cutoff = min(1.0, up / down) * 0.95
    beta = 8.0
    filters = []
    for phase in range(up):
        offset = phase / up
        kernel = []
        for k in range(-half_width + 1, half_width + 1):
            x = k - offset
            sinc = 1.0 if x == 0 else math.sin(math.pi * cutoff * x) / (math.pi * cutoff * x)
            ratio = x / half_width
            window = bessel_i0(beta * math.sqrt(max(0.0, 1 - ratio * ratio))) / bessel_i0(beta)
            kernel.append(sinc * window)
        gain = sum(kernel)
        filters.append(tuple(value / gain for value in kernel))
    return tuple(filters)


def bessel_i0(x: float) -> float:
    total, term, k = 1.0, 1.0, 1
    while term > 1e-12 * total:
        term *= (x / (2 * k)) ** 2
        total += term
        k += 1
    return total


def resample(samples: tuple[float, ...], source_rate: int, target_rate: int, taps: int = 12) -> tuple[float, ...]:
    """Band-limited rational resampling; `taps` zero crossings per side at the lower of the two rates."""
    if source_rate == target_rate:
        return samples
    divisor = math.gcd(source_rate, target_rate)
    up, down = target_rate // divisor, source_rate // divisor
    half_width = math.ceil(taps * max(1.0, down / up))
    filters = polyphase_filters(up, down, half_width)
    padded = (0.0,) * half_width + samples + (0.0,) * half_width
    output = []
    for n in range(len(samples) * up // down):
        base, phase = divmod(n * down, up)
        start = base + 1  # padded index of source sample base - half_width + 1
        output.append(sum(map(operator.mul, filters[phase], padded[start:start + 2 * half_width])))
    return tuple(output)


# MARK: - Real-time streaming


class Pacer:
    """Sends audio frames at real-time pace over one or more calls, keeping one monotonic timeline."""

    def __init__(self, bytes_per_second: int, frame_bytes: int):
        self.bytes_per_second = bytes_per_second
        self.frame_bytes = frame_bytes
        self.started: float | None = None
        self.sent = 0

    @staticmethod
    def for_format(rate: int, channels: int = 1, sample_bytes: int = 2, frame_seconds: float = 0.04) -> "Pacer":
        block = channels * sample_bytes
        return Pacer(rate * block, round(rate * frame_seconds) * block)

    @property
    def audio_seconds(self) -> float:
        return self.sent / self.bytes_per_second

    async def send(self, send_frame, payload: bytes) -> None:
        """Calls `await send_frame(frame)` for each frame of `payload`, each no earlier than its real-time moment."""
        if self.started is None:
            self.started = time.monotonic()
        for offset in range(0, len(payload), self.frame_bytes):
            due = self.started + self.sent / self.bytes_per_second
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            frame = payload[offset:offset + self.frame_bytes]
            await send_frame(frame)
            self.sent += len(frame)


# MARK: - RadScribe real-time client


class RealtimeClient:
    """One WebSocket connection to `/api/v1/realtime/transcription`, with every server message collected."""

    def __init__(self, connection):
        self.connection = connection
        self.events: list[dict] = []
        self.received_at: list[float] = []
        self.closed: BaseException | None = None
        self.changed = asyncio.Event()
        self.reader = asyncio.create_task(self.read())

    @staticmethod
    async def connect(port: int, query: str = "") -> "RealtimeClient":
        url = f"ws://127.0.0.1:{port}/api/v1/realtime/transcription{query}"
        connection = await websockets.connect(url, max_size=None, open_timeout=20, ping_interval=None)
        return RealtimeClient(connection)

    async def read(self) -> None:
        try:
            async for message in self.connection:
                assert isinstance(message, str), f"the server sent a binary frame of {len(message)} bytes"
                self.events.append(json.loads(message))
                self.received_at.append(time.monotonic())
                self.changed.set()
        except BaseException as error:  # noqa: BLE001 - recorded for the assertions, which name it
            self.closed = error
        else:
            self.closed = ConnectionError("closed by the server")
        finally:
            self.changed.set()

    async def send_json(self, payload: dict) -> None:
        await self.connection.send(json.dumps(payload))

    async def send_text(self, text: str) -> None:
        await self.connection.send(text)

    async def send_binary(self, frame: bytes) -> None:
        await self.connection.send(frame)

    async def send_base64(self, frame: bytes) -> None:
        await self.send_json({"type": "audio_data", "data": base64.b64encode(frame).decode()})

    async def wait_for(self, predicate, timeout: float, what: str):
        """Waits until `predicate(events)` is truthy and returns its value; fails naming `what` and what arrived."""
        deadline = time.monotonic() + timeout
        while True:
            result = predicate(self.events)
            if result:
                return result
            remaining = deadline - time.monotonic()
            if remaining <= 0 or (self.closed is not None and not predicate(self.events)):
                summary = [summarize(event) for event in self.events]
                raise AssertionError(f"no {what} within {timeout}s (connection: {self.closed!r}); events: {summary}")
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), remaining)
            except TimeoutError:
                pass

    async def wait_event(self, event_type: str, timeout: float = 30, after: int = 0) -> dict:
        """The first event of `event_type` at index `after` or later."""
        def find(events):
            return next((e for e in events[after:] if e.get("type") == event_type), None)

        return await self.wait_for(find, timeout, f"{event_type!r} event")

    async def start(self, timeout: float = 30, **fields) -> dict:
        """Sends `start_transcription` and returns `session_started`."""
        mark = len(self.events)
        await self.send_json({"type": "start_transcription", **fields})
        event = await self.wait_for(
            lambda events: next((e for e in events[mark:] if e.get("type") in ("session_started", "error")), None),
            timeout, "answer to start_transcription")
        assert event["type"] == "session_started", event
        return event

    async def stop(self, timeout: float = 90) -> dict:
        """Sends `stop_transcription` and returns `transcription_stopped`."""
        mark = len(self.events)
        await self.send_json({"type": "stop_transcription"})
        return await self.wait_event("transcription_stopped", timeout, after=mark)

    async def error(self, timeout: float = 15, after: int = 0) -> dict:
        return await self.wait_event("error", timeout, after)

    async def close(self) -> None:
        await self.connection.close()
        try:
            await asyncio.wait_for(self.reader, 10)
        except TimeoutError:
            self.reader.cancel()

    def abort(self) -> None:
        """Drops the TCP connection without a closing handshake, as a crashed client or a lost network would."""
        self.connection.transport.abort()

    def of_type(self, event_type: str) -> list[dict]:
        return [e for e in self.events if e.get("type") == event_type]

    def finals(self) -> list[dict]:
        return [e for e in self.of_type("transcription_update") if e.get("kind") == "final"]

    def partials(self) -> list[dict]:
        return [e for e in self.of_type("transcription_update") if e.get("kind") == "partial"]


def summarize(event: dict) -> dict:
    """An event without its word list, for failure messages."""
    return {key: value for key, value in event.items() if key not in ("words", "report", "flags")}


def error_type(event: dict) -> str | None:
    """The error's type. The protocol table names it `type` too, which the event's own `type: "error"` occupies; the
    server carries it beside it as `code` (the benchmark client also accepts `error`)."""
    return event.get("code", event.get("error"))


def final_text(finals: list[dict]) -> str:
    return " ".join(final["text"] for final in finals).lower()


async def dictate(client: RealtimeClient, audio: bytes, pacer: Pacer, base64_frames: bool = False) -> None:
    await pacer.send(client.send_base64 if base64_frames else client.send_binary, audio)


def run(coroutine):
    """Runs one test's coroutine on a fresh event loop."""
    return asyncio.run(coroutine)
