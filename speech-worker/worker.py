"""RadScribe local speech worker: faster-whisper behind an OpenAI-compatible transcription endpoint.

Endpoints
  POST /v1/audio/transcriptions  multipart/form-data: file (required; any format PyAV/FFmpeg decodes, e.g. WAV),
                                 model (accepted and ignored: the worker serves one model), language (ISO 639-1,
                                 omitted/"auto" = detect), prompt, temperature (0..1), response_format
                                 (json [default] | text | verbose_json | srt | vtt), timestamp_granularities[]
                                 (accepted; verbose_json ALWAYS carries segments and word timestamps).
  GET  /health                   200 {"status":"ok",...} once the model is loaded, 503 while loading.
Errors are OpenAI-style: {"error": {"message", "type", "param", "code"}}; 400 bad input, 413 upload too large.
One decode at a time per worker (a lock); the VAD filter is on by default so silence yields "" (empty text).
Prints "listening on http://HOST:PORT" (flushed) once bound; port 0 picks a free port. SIGTERM/SIGINT stop it cleanly.
"""

from __future__ import annotations

import argparse
import email.parser
import email.policy
import io
import json
import os
import signal
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model_store  # noqa: E402

SAMPLE_RATE = 16000
RESPONSE_FORMATS = ("json", "text", "verbose_json", "srt", "vtt")


class ApiError(Exception):
    def __init__(self, status: int, message: str, param: str | None = None, code: str | None = None,
                 kind: str = "invalid_request_error"):
        super().__init__(message)
        self.status, self.message, self.param, self.code, self.kind = status, message, param, code, kind

    def body(self) -> dict:
        return {"error": {"message": self.message, "type": self.kind, "param": self.param, "code": self.code}}


def log(message: str) -> None:
    print(f"speech-worker: {message}", file=sys.stderr, flush=True)


class Engine:
    """Loads the model in the background; transcribes one request at a time."""

    def __init__(self, model_dir, device: str, compute_type: str, beam_size: int, vad_filter: bool, cpu_threads: int):
        self.model_dir, self.device, self.compute_type = model_dir, device, compute_type
        self.beam_size, self.vad_filter, self.cpu_threads = beam_size, vad_filter, cpu_threads
        self.model = None
        self.load_error: str | None = None
        self.lock = threading.Lock()

    def load(self) -> None:
        try:
            if not model_store.is_installed(self.model_dir):
                raise model_store.ModelError(
                    f"no verified model in {self.model_dir}; run speech-worker/install.sh")
            import ctranslate2
            from faster_whisper import WhisperModel

            compute_type = self.compute_type
            if compute_type == "auto":
                cuda = self.device in ("auto", "cuda") and ctranslate2.get_cuda_device_count() > 0
                compute_type = "float16" if cuda else "int8"
            started = time.monotonic()
            self.model = WhisperModel(str(self.model_dir), device=self.device, compute_type=compute_type,
                                      cpu_threads=self.cpu_threads, num_workers=1)
            self.compute_type = compute_type
            log(f"model loaded from {self.model_dir} (device={self.device}, compute_type={compute_type}) "
                f"in {time.monotonic() - started:.1f}s")
        except Exception as error:  # reported by /health and the process exit status
            self.load_error = f"{type(error).__name__}: {error}"
            log(f"model failed to load: {self.load_error}")

    def transcribe(self, data: bytes, language, prompt, temperature: float, want_words: bool) -> dict:
        if self.model is None:
            raise ApiError(503, "the speech model is not loaded yet", kind="server_error", code="model_not_ready")
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
        with self.lock:
            try:
                segments, info = self.model.transcribe(
                    audio, language=language, initial_prompt=prompt or None, temperature=temperature,
                    beam_size=self.beam_size, vad_filter=self.vad_filter, word_timestamps=want_words,
                    condition_on_previous_text=False)
                segments = list(segments)
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


def render(result: dict, response_format: str):
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
            cue = f"{timestamp(segment.start, separator)} --> {timestamp(segment.end, separator)}\n{segment.text.strip()}\n"
            blocks.append(f"{index}\n{cue}" if response_format == "srt" else cue)
        body = "\n".join(blocks)
        return ("text/plain; charset=utf-8", body) if response_format == "srt" else ("text/vtt; charset=utf-8", "WEBVTT\n\n" + body)
    words_all = []
    out_segments = []
    for index, segment in enumerate(segments):
        words = [{"word": w.word, "start": round(w.start, 3), "end": round(w.end, 3),
                  "probability": round(w.probability, 4)} for w in (segment.words or [])]
        words_all.extend(words)
        out_segments.append({
            "id": index, "seek": segment.seek, "start": round(segment.start, 3), "end": round(segment.end, 3),
            "text": segment.text, "tokens": list(segment.tokens), "temperature": segment.temperature,
            "avg_logprob": segment.avg_logprob, "compression_ratio": segment.compression_ratio,
            "no_speech_prob": segment.no_speech_prob, "words": words})
    return "application/json", {"task": "transcribe", "language": result["language"],
                                "duration": round(result["duration"], 3), "text": text,
                                "segments": out_segments, "words": words_all}


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
            if engine.model is not None:
                self.send(200, "application/json", {"status": "ok", "model": str(engine.model_dir),
                                                    "compute_type": engine.compute_type})
            else:
                self.send(503, "application/json", {"status": "loading" if engine.load_error is None else "failed",
                                                    "error": engine.load_error})
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
        language = (field("language") or "").lower() or None
        if language == "auto":
            language = None
        data = fields.get("file")
        if not data:
            raise ApiError(400, "a non-empty 'file' part is required", param="file", code="missing_file")
        result = self.engine.transcribe(data, language, field("prompt"), temperature,
                                        want_words=response_format == "verbose_json")
        return render(result, response_format)


def main(argv=None) -> int:
    env = os.environ.get
    parser = argparse.ArgumentParser(description="RadScribe speech worker (faster-whisper, OpenAI-compatible API)")
    parser.add_argument("--host", default=env("RADSCRIBE_SPEECH_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(env("RADSCRIBE_SPEECH_PORT", "8178")), help="0 = pick a free port")
    parser.add_argument("--model-dir", default=env("RADSCRIBE_SPEECH_MODEL_DIR"),
                        help=f"default {model_store.DEFAULT_MODEL_DIR} (relative paths from the repository root)")
    parser.add_argument("--device", default=env("RADSCRIBE_SPEECH_DEVICE", "auto"), help="auto | cpu | cuda")
    parser.add_argument("--compute-type", default=env("RADSCRIBE_SPEECH_COMPUTE_TYPE", "auto"),
                        help="auto (int8 on CPU, float16 on CUDA) or any CTranslate2 compute type")
    parser.add_argument("--beam-size", type=int, default=int(env("RADSCRIBE_SPEECH_BEAM_SIZE", "5")))
    parser.add_argument("--cpu-threads", type=int, default=int(env("RADSCRIBE_SPEECH_CPU_THREADS", "0")))
    parser.add_argument("--no-vad", dest="vad", action="store_false",
                        default=env("RADSCRIBE_SPEECH_VAD", "1") not in ("0", "false", "no"),
                        help="disable the VAD filter (on by default)")
    parser.add_argument("--max-upload-bytes", type=int,
                        default=int(env("RADSCRIBE_SPEECH_MAX_UPLOAD_BYTES", str(25 * 1024 * 1024))))
    args = parser.parse_args(argv)

    engine = Engine(model_store.resolve_model_dir(args.model_dir), args.device, args.compute_type,
                    args.beam_size, args.vad, args.cpu_threads)
    handler = type("BoundHandler", (Handler,), {"engine": engine, "max_upload_bytes": args.max_upload_bytes})
    server = ThreadingHTTPServer((args.host, args.port), handler)
    server.daemon_threads = True
    host, port = server.server_address[:2]
    print(f"listening on http://{host}:{port}", flush=True)

    def stop(signum, _frame):
        log(f"signal {signum}: shutting down")
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    def load_then_check():
        engine.load()
        if engine.model is None:
            threading.Thread(target=server.shutdown, daemon=True).start()

    threading.Thread(target=load_then_check, daemon=True).start()
    server.serve_forever(poll_interval=0.2)
    server.server_close()
    return 0 if engine.load_error is None else 1


if __name__ == "__main__":
    sys.exit(main())
