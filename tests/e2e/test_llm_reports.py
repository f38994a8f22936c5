"""`POST /api/v1/reports` with LLM providers configured, against a fake OpenAI Chat Completions server on loopback.

The fake speaks the exact wire format (and its error bodies); it records every request so the tests can prove that no
patient data reaches a cloud provider and that the API key travels only in the Authorization header.
"""

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import base_env, run_radscribe, start_server

DICTATION = (
    "Patientin: Erika Mustermann, geb. 14.03.1961, PID 4711235.\n"
    "Klinische Angaben: Husten seit drei Wochen, Fieber.\n"
    "Technik: Röntgen Thorax p.a. und seitlich.\n"
    "Befund: Kein Pneumothorax. Infiltrat im rechten Unterlappen. Kleiner Pleuraerguss links, 2 cm.\n"
    "Beurteilung: Pneumonie rechts basal. Kleiner Pleuraerguss links."
)
PHI = ["Mustermann", "Erika", "14.03.1961", "4711235"]
API_KEY = "sk-e2e-secret-key-0042"

FAITHFUL = {
    "clinical_information": "Husten seit drei Wochen, Fieber.",
    "technique": "Röntgen Thorax in zwei Ebenen, p.a. und seitlich.",
    "findings": "Kein Pneumothorax. Infiltrat im rechten Unterlappen. Kleiner Pleuraerguss links von 2 cm.",
    "impression": "Pneumonie rechts basal. Kleiner Pleuraerguss links.",
    "recommendation": "",
}


class FakeOpenAI(ThreadingHTTPServer):
    """Answers `POST /v1/chat/completions` from a queue of (status, body) pairs; records requests."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), FakeOpenAIHandler)
        self.replies = []
        self.requests = []

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class FakeOpenAIHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
        self.server.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
        status, reply = self.server.replies.pop(0) if self.server.replies else (200, completion(FAITHFUL))
        if status == "slow":  # ("slow", seconds): answer late, as an overloaded provider does
            time.sleep(reply)
            status, reply = 200, completion(FAITHFUL)
        payload = json.dumps(reply).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def completion(sections: dict, finish="stop") -> dict:
    return {
        "id": "chatcmpl-e2e", "object": "chat.completion", "created": 1764000000, "model": "gpt-4o-mini-2024-07-18",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": json.dumps(sections, ensure_ascii=False),
                                             "refusal": None}, "finish_reason": finish}],
        "usage": {"prompt_tokens": 900, "completion_tokens": 120, "total_tokens": 1020},
    }


@pytest.fixture
def fake_openai():
    server = FakeOpenAI()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def llm_server(tmp_path, fake, **settings):
    return start_server(tmp_path / "data", RADSCRIBE_LLM_PROVIDERS="openai", RADSCRIBE_LLM_OPENAI_URL=fake.url,
                        RADSCRIBE_LLM_OPENAI_API_KEY=API_KEY, RADSCRIBE_LLM_DEADLINE_MS="3000", **settings)


def create(server):
    status, _, body = server.post_json("/api/v1/reports", {"text": DICTATION, "language": "de"})
    assert status == 201, body
    return json.loads(body)["report"]


def test_a_faithful_rewrite_is_stored_with_per_section_provenance_and_no_phi_left_the_server(tmp_path, fake_openai):
    server = llm_server(tmp_path, fake_openai)
    try:
        report = create(server)
        _, _, metrics = server.request("GET", "/metrics")
    finally:
        server.stop()
    metrics = metrics.decode()
    assert 'radscribe_llm_request_duration_seconds_count{provider="openai"} 1' in metrics
    assert 'radscribe_llm_tokens_total{provider="openai",direction="output"} 120' in metrics
    assert 'radscribe_llm_breaker_state{provider="openai"} 0' in metrics
    rewrite = report["rewrite"]
    assert rewrite["provider"] == "openai" and rewrite["pseudonymized"] is True
    assert {section["kind"]: section["source"] for section in rewrite["sections"]}["technique"] == "llm"
    assert report["provenance"]["engine"].endswith("+openai")
    request = fake_openai.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["Authorization"] == f"Bearer {API_KEY}"
    for secret in PHI:
        assert secret not in request["body"], f"{secret} reached the provider"
    sent = json.loads(request["body"])
    assert sent["response_format"]["type"] == "json_schema" and sent["temperature"] == 0.1
    assert API_KEY not in server.logs()
    for secret in PHI:
        assert secret not in server.logs()


def test_a_flipped_side_keeps_the_rule_based_findings(tmp_path, fake_openai):
    flipped = dict(FAITHFUL, findings="Kein Pneumothorax. Infiltrat im linken Unterlappen. Kleiner Pleuraerguss links, 2 cm.")
    fake_openai.replies.append((200, completion(flipped)))
    server = llm_server(tmp_path, fake_openai)
    try:
        report = create(server)
    finally:
        server.stop()
    findings = next(section for section in report["rewrite"]["sections"] if section["kind"] == "findings")
    assert findings["source"] == "rules"
    assert any(reason.startswith("laterality_changed") for reason in findings["rejections"])
    assert "rechten Unterlappen" in findings["text"]
    assert any(warning["code"] == "llm_section_rejected" for warning in report["warnings"])


def test_a_provider_that_fails_leaves_a_rule_based_report_within_the_deadline(tmp_path, fake_openai):
    error = {"error": {"message": "The server had an error", "type": "server_error", "param": None, "code": None}}
    fake_openai.replies.extend([(500, error)] * 3)
    server = llm_server(tmp_path, fake_openai)
    try:
        started = time.monotonic()
        report = create(server)
        elapsed = time.monotonic() - started
    finally:
        server.stop()
    assert "rewrite" not in report
    assert report["provenance"]["engine"] == "rule-based"
    assert report["warnings"][-1]["code"] == "llm_unavailable"
    assert elapsed < 6, "bounded by RADSCRIBE_LLM_DEADLINE_MS, not by the provider"


def test_a_client_that_hangs_up_cancels_the_llm_call_and_nothing_is_stored(tmp_path, fake_openai):
    fake_openai.replies.append(("slow", 4))
    server = llm_server(tmp_path, fake_openai)
    try:
        body = json.dumps({"text": DICTATION, "language": "de"}).encode()
        with socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock:
            sock.sendall(b"POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                         + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
            deadline = time.monotonic() + 5
            while not fake_openai.requests and time.monotonic() < deadline:
                time.sleep(0.05)
            assert fake_openai.requests, "the provider was asked"
        # The client has hung up while the provider is still thinking.
        cancelled = 'radscribe_llm_errors_total{provider="openai",kind="cancelled"} 1'
        deadline = time.monotonic() + 2
        metrics = ""
        while cancelled not in metrics and time.monotonic() < deadline:
            time.sleep(0.1)
            metrics = server.request("GET", "/metrics")[2].decode()
        assert cancelled in metrics, [line for line in metrics.splitlines() if "llm" in line]
        status, _, listing = server.request("GET", "/api/v1/reports")
        assert status == 200 and json.loads(listing)["total"] == 0
    finally:
        server.stop()


def test_without_providers_reports_stay_rule_based(tmp_path):
    server = start_server(tmp_path / "data")
    try:
        report = create(server)
    finally:
        server.stop()
    assert "rewrite" not in report
    assert all(warning["code"] != "llm_unavailable" for warning in report["warnings"])


@pytest.mark.parametrize("settings, named", [
    ({"RADSCRIBE_LLM_PROVIDERS": "openai"}, "RADSCRIBE_LLM_OPENAI_API_KEY"),
    ({"RADSCRIBE_LLM_PROVIDERS": "local"}, "RADSCRIBE_LLM_LOCAL_URL"),
    ({"RADSCRIBE_LLM_PROVIDERS": "local", "RADSCRIBE_LLM_LOCAL_URL": "http://127.0.0.1:8081/v1",
      "RADSCRIBE_LLM_LOCAL_MODEL": "llama3", "RADSCRIBE_LLM_LOCAL_RAW_TEXT": "true"}, "RADSCRIBE_LLM_LOCAL_RAW_TEXT"),
    ({"RADSCRIBE_LLM_PROVIDERS": "openai", "RADSCRIBE_LLM_OPENAI_API_KEY_FILE": "/nonexistent/key"},
     "RADSCRIBE_LLM_OPENAI_API_KEY_FILE"),
])
def test_an_incomplete_provider_setting_stops_start_up_naming_it(tmp_path, settings, named):
    result = run_radscribe("serve", env=base_env(tmp_path, **settings))
    assert result.returncode == 78
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and named in lines[0]
