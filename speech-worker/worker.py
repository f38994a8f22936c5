"""RadScribe local speech worker: faster-whisper behind an OpenAI-compatible transcription endpoint.

Endpoints
  POST /v1/audio/transcriptions  multipart/form-data: file (required; any format PyAV/FFmpeg decodes, e.g. WAV),
                                 model (accepted and ignored: the worker serves one model), language (ISO 639-1,
                                 omitted/"auto" = detect), prompt, temperature (0..1), response_format
                                 (json [default] | text | verbose_json | srt | vtt), timestamp_granularities[]
                                 (word and/or segment, verbose_json only: segments are always there, word timestamps
                                 only when "word" is asked for, as they cost decode time).
  GET  /health                   200 {"status":"ready", settings...} once the model is loaded and warmed up;
                                 503 {"status":"loading"|"warming"|"failed"} before.
Errors are OpenAI-style: {"error": {"message", "type", "param", "code"}}; 400 bad input, 413 upload too large.
Decodes run on N model replicas (--replicas, default 2) admitted by decode_scheduler.py: a request with the header
`X-RadScribe-Priority: low` (a partial decode of an utterance still being spoken) is decoded greedily
(--partial-beam-size, default 1) and only while a replica stays free for finals; every other request (normal priority)
starts whenever a replica is free and goes before waiting low ones. A request whose client has gone by the time it gets
a replica is not decoded.
The VAD filter is on by default so silence yields "" (empty text).
Stdout carries exactly one line, "listening on http://HOST:PORT" (flushed), once the socket accepts connections
(port 0 picks a free port; the line has the real one); everything else goes to stderr. SIGTERM/SIGINT stop it cleanly.
"""

from __future__ import annotations

import argparse
import email.parser
import email.policy
import io
import json
import os
import select
import signal
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# A child inherits its parent's ignored and blocked signals across exec. The supervising server ignores SIGTERM and
# SIGINT (it receives them through a dispatch source) and spawns this worker from a thread that blocks them, so without
# this the worker would never see the SIGTERM that stops it. Until main() installs its handlers, both signals stop the
# worker as they would any other process.
signal.signal(signal.SIGTERM, signal.SIG_DFL)
signal.signal(signal.SIGINT, signal.SIG_DFL)
signal.pthread_sigmask(signal.SIG_SETMASK, set())

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model_store  # noqa: E402
from decode_scheduler import PRIORITIES, DecodeScheduler  # noqa: E402

# CTranslate2's OpenMP (libgomp) threads spin while they wait for each other. On a small CPU shared with other work
# (the RadScribe server, a build) a preempted spinning thread stalls the rest: 0.5 s decodes took 35-60 s on the 2-core
# machine under background load (README, "CPU threads"). Passive waiting avoids that. libgomp reads this once, when
# ctranslate2 is imported; set OMP_WAIT_POLICY=ACTIVE in the environment to get the spinning back.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

SAMPLE_RATE = 16000
RESPONSE_FORMATS = ("json", "text", "verbose_json", "srt", "vtt")
TIMESTAMP_GRANULARITIES = ("word", "segment")
ENCODER_WINDOWS = ("full", "adaptive")  # see encoder_window.py


def token_budget(seconds: float) -> int | None:
    """The most tokens a decode of a clip up to one 30 s window may produce: 30 plus 15 per second of audio.

    Fast dictation is about 3 words a second and German compounds take 2 to 3 tokens a word, so real speech stays well
    inside. What the budget cuts is Whisper's repetition loop ("I'm sorry I'm sorry …", a prompt term again and again),
    which otherwise runs to the model's 448-token limit and turns a 0.5 s decode into 5-6 s on 2 CPU cores (the text it
    produces is discarded by the server's repetition guard anyway). At most 220 tokens: the decoder's prompt (a marker,
    up to 223 prompt tokens, 4 task tokens) plus the new tokens must fit its 448-token window. Longer files (several
    windows) get no budget.
    """
    if seconds > 30:
        return None
    return min(220, int(30 + 15 * seconds))


class ApiError(Exception):
    def __init__(self, status: int, message: str, param: str | None = None, code: str | None = None,
                 kind: str = "invalid_request_error"):
        super().__init__(message)
        self.status, self.message, self.param, self.code, self.kind = status, message, param, code, kind

    def body(self) -> dict:
        return {"error": {"message": self.message, "type": self.kind, "param": self.param, "code": self.code}}


def log(message: str) -> None:
    print(f"speech-worker: {message}", file=sys.stderr, flush=True)


class ClientGone(Exception):
    """The client closed its connection before its decode started; the decode is skipped."""


def peer_closed(connection: socket.socket) -> bool:
    """True when the peer has closed or reset the connection: it polls readable and a peek reads end-of-file.
    A client that is waiting for its response (nothing to read) or has sent its next request is still there.
    A client that half-closes its sending side after the request (rare for HTTP clients) counts as gone."""
    poller = select.poll()
    poller.register(connection, select.POLLIN)
    try:
        return bool(poller.poll(0)) and connection.recv(1, socket.MSG_PEEK) == b""
    except OSError:  # reset by the peer
        return True


class Engine:
    """Loads and warms up the model in the background; transcribes on its replicas, finals before partials."""

    def __init__(self, model_dir, device: str, compute_type: str, beam_size: int, partial_beam_size: int,
                 vad_filter: bool, cpu_threads: int, encoder_window: str, warmup: bool, replicas: int):
        self.model_dir, self.device, self.compute_type = model_dir, device, compute_type
        self.beam_size, self.partial_beam_size = beam_size, partial_beam_size
        self.vad_filter, self.cpu_threads = vad_filter, cpu_threads
        self.encoder_window, self.warmup = encoder_window, warmup
        self.model = None
        self.state = "loading"  # loading -> warming -> ready, or failed
        self.load_error: str | None = None
        self.scheduler = DecodeScheduler(replicas)

    @property
    def ready(self) -> bool:
        return self.state == "ready"

    def settings(self) -> dict:
        return {"model": str(self.model_dir), "device": self.device, "compute_type": self.compute_type,
                "beam_size": self.beam_size, "partial_beam_size": self.partial_beam_size,
                "encoder_window": self.encoder_window, "vad_filter": self.vad_filter, "warmup": self.warmup,
                "cpu_threads": self.cpu_threads, "replicas": self.scheduler.replicas}

    def load(self) -> None:
        try:
            if not model_store.is_installed(self.model_dir):
                raise model_store.ModelError(
                    f"no verified model in {self.model_dir}; run speech-worker/install.sh")
            import ctranslate2
            import encoder_window

            compute_type = self.compute_type
            if compute_type == "auto":
                cuda = self.device in ("auto", "cuda") and ctranslate2.get_cuda_device_count() > 0
                compute_type = "float16" if cuda else "int8"
            # CTranslate2 reads 0 as 4 threads: more threads than cores on a 2-core machine, so 0 means one per core.
            self.cpu_threads = self.cpu_threads or (
                len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count())
            started = time.monotonic()
            self.model = encoder_window.load_model(str(self.model_dir), self.encoder_window, device=self.device,
                                                   compute_type=compute_type, cpu_threads=self.cpu_threads,
                                                   num_workers=self.scheduler.replicas)
            self.compute_type, self.device = compute_type, self.model.model.device
            log(f"model loaded from {self.model_dir} (device={self.device}, compute_type={compute_type}, "
                f"encoder_window={self.encoder_window}) in {time.monotonic() - started:.1f}s")
            if self.warmup:
                self.state = "warming"
                started = time.monotonic()
                # One warm-up per replica, at the same time, so that CTranslate2 hands each its own.
                failures = []

                def warm_up_one_replica():
                    try:
                        self.warm_up()
                    except Exception as error:  # re-raised below, in the loading thread
                        failures.append(error)

                warm_ups = [threading.Thread(target=warm_up_one_replica) for _ in range(self.scheduler.replicas)]
                for thread in warm_ups:
                    thread.start()
                for thread in warm_ups:
                    thread.join()
                if failures:
                    raise failures[0]
                log(f"warm-up took {time.monotonic() - started:.1f}s")
            self.state = "ready"
        except Exception as error:  # reported by /health and the process exit status
            self.load_error = f"{type(error).__name__}: {error}"
            self.state = "failed"
            log(f"model failed to load: {self.load_error}")

    def warm_up(self) -> None:
        """Runs each stage a request uses once on one second of silence: the VAD model, then (without the VAD, which
        would drop the silence) the encoder, the decoder and the word alignment. Whisper hallucinates a long text on
        bare silence, so the decoder stops after a few tokens: enough to warm it, not to spend seconds."""
        import numpy as np
        from faster_whisper.vad import get_speech_timestamps

        silence = np.zeros(SAMPLE_RATE, dtype=np.float32)
        if self.vad_filter:
            get_speech_timestamps(silence)
        segments, _ = self.model.transcribe(silence, language="en", beam_size=self.beam_size, temperature=0.0,
                                            vad_filter=False, word_timestamps=True, condition_on_previous_text=False,
                                            max_new_tokens=4)
        list(segments)

    def decode(self, audio, language, prompt, temperature: float, want_words: bool, beam_size: int):
        """Decodes 16 kHz mono float audio; returns (segments, info). Callers hold a scheduler slot."""
        segments, info = self.model.transcribe(
            audio, language=language, initial_prompt=prompt or None, temperature=temperature,
            beam_size=beam_size, vad_filter=self.vad_filter, word_timestamps=want_words,
            condition_on_previous_text=False, max_new_tokens=token_budget(len(audio) / SAMPLE_RATE))
        return list(segments), info

    def transcribe(self, data: bytes, language, prompt, temperature: float, want_words: bool, priority: str,
                   client_gone) -> dict:
        """Decodes an uploaded file once the scheduler admits it, unless `client_gone()` says nobody waits for it."""
        if not self.ready:
            raise ApiError(503, "the speech model is not ready yet", kind="server_error", code="model_not_ready")
        from faster_whisper import decode_audio

        try:
            audio = decode_audio(io.BytesIO(data), sampling_rate=SAMPLE_RATE)
        except Exception as error:
            raise ApiError(400, f"could not decode the audio file: {type(error).__name__}: {error}",
                           param="file", code="invalid_audio")
        duration = len(audio) / SAMPLE_RATE
        result = {"language": language, "duration": duration, "segments": []}
        if len(audio) == 0:
            return result
        beam_size = self.partial_beam_size if priority == "low" else self.beam_size
        with self.scheduler.slot(priority):
            if client_gone():
                raise ClientGone()
            try:
                segments, info = self.decode(audio, language, prompt, temperature, want_words, beam_size)
            except ValueError as error:  # e.g. an unsupported language code
                raise ApiError(400, str(error), param="language", code="invalid_language")
        result["language"] = info.language
        result["segments"] = segments
        return result


def parse_multipart(content_type: str, body: bytes) -> dict:
    if not content_type.lower().startswith("multipart/form-data"):
        raise ApiError(400, "expected a multipart/form-data body", code="invalid_content_type")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\nMIME-Version: 1.0\r\n\r\n" + body)
    if not message.is_multipart():
        raise ApiError(400, "could not parse the multipart/form-data body", code="invalid_multipart")
    fields: dict = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not name:
            continue
        payload = part.get_payload(decode=True) or b""
        if name == "file":
            fields["file"] = payload
        else:
            fields.setdefault(name, []).append(payload.decode("utf-8", "replace"))
    return fields


def timestamp(seconds: float, separator: str) -> str:
    ms = int(round(seconds * 1000))
    hours, ms = divmod(ms, 3_600_000)
    minutes, ms = divmod(ms, 60_000)
    secs, ms = divmod(ms, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{ms:03d}"


def render(result: dict, response_format: str, want_words: bool):
    segments = result["segments"]
    text = "".join(segment.text for segment in segments).strip()
    if response_format == "json":
        return "application/json", {"text": text}
    if response_format == "text":
        return "text/plain; charset=utf-8", text
    if response_format in ("srt", "vtt"):
        separator = "," if response_format == "srt" else "."
        blocks = []
        for index, segment in enumerate(segments, 1):
            span = f"{timestamp(segment.start, separator)} --> {timestamp(segment.end, separator)}"
            cue = f"{span}\n{segment.text.strip()}\n"
            blocks.append(f"{index}\n{cue}" if response_format == "srt" else cue)
        body = "\n".join(blocks)
        if response_format == "srt":
            return "text/plain; charset=utf-8", body
        return "text/vtt; charset=utf-8", "WEBVTT\n\n" + body
    words_all = []
    out_segments = []
    for index, segment in enumerate(segments):
        out_segment = {
            "id": index, "seek": segment.seek, "start": round(segment.start, 3), "end": round(segment.end, 3),
            "text": segment.text, "tokens": list(segment.tokens), "temperature": segment.temperature,
            "avg_logprob": segment.avg_logprob, "compression_ratio": segment.compression_ratio,
            "no_speech_prob": segment.no_speech_prob}
        if want_words:
            out_segment["words"] = [{"word": w.word, "start": round(w.start, 3), "end": round(w.end, 3),
                                     "probability": round(w.probability, 4)} for w in segment.words]
            words_all.extend(out_segment["words"])
        out_segments.append(out_segment)
    body = {"task": "transcribe", "language": result["language"], "duration": round(result["duration"], 3),
            "text": text, "segments": out_segments}
    if want_words:
        body["words"] = words_all
    return "application/json", body


class Handler(BaseHTTPRequestHandler):
    server_version = "RadScribeSpeech/1.0"
    protocol_version = "HTTP/1.1"
    engine: Engine
    max_upload_bytes: int

    def log_message(self, format, *args):  # quiet by default; errors are logged explicitly
        if os.environ.get("RADSCRIBE_SPEECH_ACCESS_LOG"):
            log(format % args)

    def send(self, status: int, content_type: str, body, close: bool = False) -> None:
        data = body if isinstance(body, bytes) else (
            json.dumps(body, ensure_ascii=False) if not isinstance(body, str) else body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def send_error_json(self, error: ApiError, close: bool = False) -> None:
        self.send(error.status, "application/json", error.body(), close=close)

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/health":
            engine = self.engine
            if engine.ready:
                self.send(200, "application/json", {"status": "ready", **engine.settings()})
            else:
                self.send(503, "application/json", {"status": engine.state, "error": engine.load_error})
        elif path == "/v1/audio/transcriptions":
            self.send_error_json(ApiError(405, "use POST", code="method_not_allowed"))
        else:
            self.send_error_json(ApiError(404, f"no route for GET {path}", code="not_found"))

    def discard_body(self, length: int) -> None:
        remaining = length
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 1 << 16))
            if not chunk:
                break
            remaining -= len(chunk)

    def do_POST(self):
        path = self.path.split("?", 1)[0]
        if path != "/v1/audio/transcriptions":
            return self.send_error_json(ApiError(404, f"no route for POST {path}", code="not_found"), close=True)
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            return self.send_error_json(ApiError(411, "Content-Length is required", code="length_required"), close=True)
        try:
            length = int(length_header)
            if length < 0:
                raise ValueError
        except ValueError:
            return self.send_error_json(ApiError(400, "invalid Content-Length", code="invalid_length"), close=True)
        if length > self.max_upload_bytes:
            # Read and drop a moderately oversized body first: a client that sends the whole body before reading
            # (most HTTP clients) would otherwise get a broken pipe instead of the 413. Far larger bodies are cut off.
            if length <= 4 * self.max_upload_bytes:
                self.discard_body(length)
            return self.send_error_json(ApiError(
                413, f"upload of {length} bytes exceeds the limit of {self.max_upload_bytes} bytes",
                param="file", code="file_too_large"), close=True)
        body = self.rfile.read(length)
        try:
            content_type, payload = self.handle_transcription(body)
            self.send(200, content_type, payload)
        except ApiError as error:
            self.send_error_json(error)
        except ClientGone:
            log("client disconnected before its decode started; decode skipped")
            self.close_connection = True
        except Exception as error:
            log(f"transcription failed: {type(error).__name__}: {error}")
            self.send_error_json(ApiError(500, "internal error while transcribing", kind="server_error",
                                          code="internal_error"))

    def handle_transcription(self, body: bytes):
        fields = parse_multipart(self.headers.get("Content-Type", ""), body)

        def field(name):
            values = fields.get(name)
            return values[-1].strip() if values else None

        response_format = field("response_format") or "json"
        if response_format not in RESPONSE_FORMATS:
            raise ApiError(400, f"unsupported response_format {response_format!r}; use one of "
                                + ", ".join(RESPONSE_FORMATS), param="response_format", code="invalid_value")
        temperature = 0.0
        if field("temperature"):
            try:
                temperature = float(field("temperature"))
            except ValueError:
                temperature = float("nan")
            if not 0.0 <= temperature <= 1.0:
                raise ApiError(400, "temperature must be a number between 0 and 1", param="temperature",
                               code="invalid_value")
        granularities = {value.strip() for name in ("timestamp_granularities[]", "timestamp_granularities")
                         for value in fields.get(name, [])}
        unknown = granularities.difference(TIMESTAMP_GRANULARITIES)
        if unknown:
            raise ApiError(400, f"unsupported timestamp_granularities[] {sorted(unknown)!r}; use word and/or segment",
                           param="timestamp_granularities[]", code="invalid_value")
        if granularities and response_format != "verbose_json":
            raise ApiError(400, "response_format must be verbose_json if timestamp_granularities[] is provided",
                           param="timestamp_granularities[]", code="invalid_value")
        want_words = "word" in granularities
        language = (field("language") or "").lower() or None
        if language == "auto":
            language = None
        data = fields.get("file")
        if not data:
            raise ApiError(400, "a non-empty 'file' part is required", param="file", code="missing_file")
        priority = (self.headers.get("X-RadScribe-Priority") or "normal").strip().lower()
        if priority not in PRIORITIES:
            raise ApiError(400, f"unsupported X-RadScribe-Priority {priority!r}; use " + " or ".join(PRIORITIES),
                           param="X-RadScribe-Priority", code="invalid_value")
        result = self.engine.transcribe(data, language, field("prompt"), temperature, want_words, priority,
                                        client_gone=lambda: peer_closed(self.connection))
        return render(result, response_format, want_words)


def watch_parent(parent_pid: int, server) -> None:
    """Shuts the worker down once its supervisor is gone (a SIGKILLed server cannot stop its worker itself)."""
    while True:
        time.sleep(1)
        if os.getppid() != parent_pid:
            try:  # the parent held the other end of stderr: logging may fail now
                log(f"parent {parent_pid} is gone: shutting down")
            except OSError:
                pass
            server.shutdown()
            return


def main(argv=None) -> int:
    env = os.environ.get
    parser = argparse.ArgumentParser(description="RadScribe speech worker (faster-whisper, OpenAI-compatible API)")
    parser.add_argument("--host", default=env("RADSCRIBE_SPEECH_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(env("RADSCRIBE_SPEECH_PORT", "8178")),
                        help="0 = pick a free port")
    parser.add_argument("--model-dir", default=env("RADSCRIBE_SPEECH_MODEL_DIR"),
                        help=f"default {model_store.DEFAULT_MODEL_DIR} (relative paths from the repository root)")
    parser.add_argument("--device", default=env("RADSCRIBE_SPEECH_DEVICE", "auto"), help="auto | cpu | cuda")
    parser.add_argument("--compute-type", default=env("RADSCRIBE_SPEECH_COMPUTE_TYPE", "auto"),
                        help="auto (int8 on CPU, float16 on CUDA) or any CTranslate2 compute type")
    parser.add_argument("--beam-size", type=int, default=int(env("RADSCRIBE_SPEECH_BEAM_SIZE", "5")))
    parser.add_argument("--partial-beam-size", type=int, default=int(env("RADSCRIBE_SPEECH_PARTIAL_BEAM_SIZE", "1")),
                        help="beam size of low-priority (partial) decodes; 1, the default, is greedy decoding")
    parser.add_argument("--replicas", type=int, default=int(env("RADSCRIBE_SPEECH_REPLICAS", "2")),
                        help="model replicas decoding in parallel (default 2: one stays free for final decodes)")
    parser.add_argument("--cpu-threads", type=int, default=int(env("RADSCRIBE_SPEECH_CPU_THREADS", "0")),
                        help="CTranslate2 threads on CPU (0, the default: one per usable core)")
    parser.add_argument("--no-vad", dest="vad", action="store_false",
                        default=env("RADSCRIBE_SPEECH_VAD", "1") not in ("0", "false", "no"),
                        help="disable the VAD filter (on by default)")
    parser.add_argument("--max-upload-bytes", type=int,
                        default=int(env("RADSCRIBE_SPEECH_MAX_UPLOAD_BYTES", str(25 * 1024 * 1024))))
    parser.add_argument("--encoder-window", choices=ENCODER_WINDOWS,
                        default=env("RADSCRIBE_SPEECH_ENCODER_WINDOW", "adaptive"),
                        help="full: encode the padded 30 s window; adaptive (default): encode a clip shorter than "
                             "30 s only up to its end plus a margin (see encoder_window.py and the README's table)")
    parser.add_argument("--parent-pid", type=int, default=None,
                        help="exit when this process (the supervising server) is gone, even if it was killed")
    parser.add_argument("--warmup", action=argparse.BooleanOptionalAction,
                        default=env("RADSCRIBE_SPEECH_WARMUP", "1") not in ("0", "false", "no"),
                        help="decode one second of silence before reporting ready (on by default)")
    args = parser.parse_args(argv)
    if args.encoder_window not in ENCODER_WINDOWS:  # argparse checks choices on the command line, not defaults
        parser.error(f"RADSCRIBE_SPEECH_ENCODER_WINDOW must be one of {', '.join(ENCODER_WINDOWS)}")

    for name in ("beam_size", "partial_beam_size", "replicas"):
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    engine = Engine(model_store.resolve_model_dir(args.model_dir), args.device, args.compute_type,
                    args.beam_size, args.partial_beam_size, args.vad, args.cpu_threads, args.encoder_window,
                    args.warmup, args.replicas)
    handler = type("BoundHandler", (Handler,), {"engine": engine, "max_upload_bytes": args.max_upload_bytes})
    server = ThreadingHTTPServer((args.host, args.port), handler)
    server.daemon_threads = True
    host, port = server.server_address[:2]
    print(f"listening on http://{host}:{port}", flush=True)
    # The line above is the only one stdout ever carries: the parent parses it. Whatever prints later (Python or a
    # native library writing to file descriptor 1) goes to stderr instead.
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr

    def stop(signum, _frame):
        log(f"signal {signum}: shutting down")
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def load_then_check():
        engine.load()
        if not engine.ready:
            threading.Thread(target=server.shutdown, daemon=True).start()

    threading.Thread(target=load_then_check, daemon=True).start()
    if args.parent_pid:
        threading.Thread(target=watch_parent, args=(args.parent_pid, server), daemon=True).start()
    server.serve_forever(poll_interval=0.2)
    server.server_close()
    return 0 if engine.load_error is None else 1


if __name__ == "__main__":
    sys.exit(main())
