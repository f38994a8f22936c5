"""The `radscribe` binary as an operator runs it: start-up, configuration, readiness, graceful shutdown, logs."""

import json
import signal
import socket
import sqlite3
import time

from conftest import base_env, free_port, run_radscribe, start_server


def test_serve_prints_url_and_answers_health(server):
    status, headers, body = server.request("GET", "/health")
    assert status == 200
    assert json.loads(body) == {"status": "ok"}
    # Ready once the database answers and the speech worker it started has loaded its model.
    deadline = time.monotonic() + 120
    status, _, body = server.request("GET", "/ready")
    while status == 503 and time.monotonic() < deadline:
        time.sleep(0.5)
        status, _, body = server.request("GET", "/ready")
    assert status == 200 and json.loads(body)["database"] == "ok"
    assert (server.data_dir / "radscribe.sqlite").exists()


def test_sigterm_lets_an_in_flight_request_finish(server):
    body = json.dumps({"text": "Befund: Kein Pneumothorax. Beurteilung: Unauffällig.", "language": "de"}).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        head = (
            f"POST /api/v1/reports HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        sock.sendall(head + body[:10])
        time.sleep(0.3)
        server.process.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        sock.sendall(body[10:])
        response = b""
        while b"\r\n\r\n" not in response or len(response) < 200:
            chunk = sock.recv(65536)
            if not chunk:
                break
            response += chunk
    assert response.startswith(b"HTTP/1.1 201"), response[:200]
    assert server.process.wait(timeout=20) == 0


def test_sigint_also_shuts_down_cleanly(server):
    assert server.stop(signal.SIGINT) == 0


def test_bad_setting_stops_startup_with_one_line_naming_it(tmp_path):
    result = run_radscribe("serve", env=base_env(tmp_path, RADSCRIBE_PORT="eighty"))
    assert result.returncode == 78
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1
    assert "RADSCRIBE_PORT" in lines[0] and "eighty" in lines[0]


def test_configuration_file_is_read(tmp_path):
    port = free_port()
    config = tmp_path / "radscribe.env"
    config.write_text(f"RADSCRIBE_PORT={port}\nRADSCRIBE_LANGUAGE=en\n")
    running = start_server(tmp_path / "data", extra_args=("--config", str(config)), RADSCRIBE_PORT="")
    try:
        assert running.port == port
    finally:
        running.stop()


def test_refuses_a_database_migrated_by_a_newer_version(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    assert run_radscribe("migrate", env=base_env(data)).returncode == 0
    with sqlite3.connect(data / "radscribe.sqlite") as db:
        db.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99: future')")
    result = run_radscribe("serve", env=base_env(data), timeout=30)
    assert result.returncode != 0
    assert b"newer" in result.stderr


def test_migrate_lists_applied_migrations(tmp_path):
    result = run_radscribe("migrate", env=base_env(tmp_path))
    assert result.returncode == 0
    assert b"applied: v1: reports" in result.stdout


def test_logs_are_json_lines_without_patient_data(server):
    secret = "Mustermann"
    payload = {"text": f"Patientin Erika {secret}. Befund: Zyste der linken Niere 12 mm.", "language": "de"}
    status, _, _ = server.post_json("/api/v1/reports", payload)
    assert status == 201
    status, _, _ = server.request("GET", f"/api/v1/reports?q={secret}")
    assert status == 200
    server.request("POST", "/api/v1/reports", b"\xff\xfe" + secret.encode(), {"Content-Type": "application/json"})
    server.stop()
    logs = server.logs()
    assert secret not in logs
    lines = [json.loads(line) for line in logs.splitlines() if line.strip()]
    requests = [line for line in lines if line.get("msg") == "Request"]
    assert requests and all("hb.request.id" in line and "http.route" in line for line in requests)
