"""The HTTP side of the counter's client against real sockets: a clear Vietnamese message for
each way the network or the hub can fail, TLS with a configurable CA bundle, compressed bodies
and the byte count; and the retry schedule."""

from __future__ import annotations

import http.server
import json
import random
import socket
import subprocess
import threading
from datetime import date

import pytest
import uvicorn

from sync import protocol
from sync.backoff import Backoff
from sync.client import (
    HUB_REFUSED,
    REQUEST_REFUSALS,
    HubClient,
    HubOffline,
    HubProtocolError,
    HubRefused,
    HubTlsError,
    HubUnavailable,
    event_refusal_text,
    normalise_url,
)
from sync.server.app import create_app
from tests.sync.live_hub import free_port
from tests.sync.samples import received_event


@pytest.mark.parametrize(("typed", "url"), [
    ("https://dongbo.phutho.gov.vn/", "https://dongbo.phutho.gov.vn"),
    (" dongbo.phutho.gov.vn:8443 ", "https://dongbo.phutho.gov.vn:8443"),
    ("http://127.0.0.1:8765/api/v1/", "http://127.0.0.1:8765"),
])
def test_the_hub_address_is_taken_as_a_clerk_types_it(typed, url):
    assert normalise_url(typed) == url


def test_an_unknown_host_is_a_dns_failure():
    with pytest.raises(HubOffline, match="phân giải tên miền DNS"):
        HubClient("http://hub.invalid").health()


def test_a_closed_port_is_a_refused_connection():
    with pytest.raises(HubOffline, match="từ chối kết nối"):
        HubClient(f"http://127.0.0.1:{free_port()}").health()


def test_a_hub_that_never_answers_times_out():
    with socket.create_server(("127.0.0.1", 0)) as silent:  # the kernel accepts, nobody reads
        client = HubClient(f"http://127.0.0.1:{silent.getsockname()[1]}", read_timeout=0.3)
        with pytest.raises(HubOffline, match="không trả lời trong 0.3 giây"):
            client.health()


class _Canned(http.server.BaseHTTPRequestHandler):
    status, body, content_type = 200, b"", "text/html"

    def do_GET(self) -> None:
        self.send_response(self.status)
        self.send_header("Content-Type", self.content_type)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def canned():
    """A plain HTTP server answering every GET with what the test sets on `_Canned`."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Canned)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_failing_hub_is_reported_with_its_status(canned, monkeypatch):
    monkeypatch.setattr(_Canned, "status", 503)
    monkeypatch.setattr(_Canned, "body", json.dumps({"error": "database_unavailable"}).encode())
    with pytest.raises(HubUnavailable, match="mã lỗi 503") as failing:
        HubClient(canned).health()
    assert not failing.value.offline


def test_a_page_that_is_not_the_hub_is_recognised(canned, monkeypatch):
    monkeypatch.setattr(_Canned, "body", b"<html>Dang nhap Wi-Fi</html>")
    with pytest.raises(HubProtocolError, match="không trả lời như máy chủ đồng bộ"):
        HubClient(canned).health()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1: (certificate, key) PEM paths."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "hub.pem", folder / "hub.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)
    return cert, key


@pytest.fixture
def tls_hub(hub_engine, certificate):
    """The hub served over HTTPS with the self-signed certificate."""
    cert, key = certificate
    port = free_port()
    config = uvicorn.Config(create_app(hub_engine), host="127.0.0.1", port=port,
                            ssl_certfile=str(cert), ssl_keyfile=str(key), log_level="warning",
                            lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive()
        threading.Event().wait(0.01)
    yield f"https://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_tls_needs_the_province_ca_bundle(tls_hub, certificate, tmp_path):
    with pytest.raises(HubTlsError, match="kết nối an toàn \\(TLS\\)") as untrusted:
        HubClient(tls_hub).health()
    assert "self-signed certificate" in str(untrusted.value)
    assert not untrusted.value.offline

    assert HubClient(tls_hub, ca_bundle=str(certificate[0])).health()["status"] == "ok"

    with pytest.raises(HubTlsError, match="Không đọc được tệp chứng chỉ CA"):
        HubClient(tls_hub, ca_bundle=str(tmp_path / "missing.pem")).health()


def test_bodies_go_compressed_and_every_byte_is_counted(live_hub):
    device = live_hub.admin.enroll(live_hub.admin.commune())
    client = HubClient(live_hub.url, device.token)
    batch = [received_event(code=f"000.01.22.H56-261124-1{n:03d}", seq=n) for n in range(1, 51)]
    raw = len(json.dumps({"events": batch}, ensure_ascii=False).encode())

    reply = client.push(batch, sent_at="2026-11-24T09:30:00+07:00", backlog=0)

    assert [a.result for a in reply.acks] == ["accepted"] * 50
    assert client.stats.requests == 1
    assert 0 < client.stats.bytes_sent < raw / 3  # gzip: similar events compress well
    assert client.stats.bytes_received > 0


def schedule(seed: int, failures: int = 9) -> list[float]:
    backoff = Backoff(first=15, cap=600, jitter=0.2, rng=random.Random(seed))
    return [backoff.failed() for _ in range(failures)]


def test_backoff_doubles_with_jitter_up_to_the_cap_and_resets():
    delays = schedule(3)

    for delay, base in zip(delays, [15, 30, 60, 120, 240, 480, 600, 600, 600], strict=True):
        assert base * 0.8 <= delay <= base
    assert delays == schedule(3) and delays != schedule(4)  # exact with a fixed random source
    assert len(set(delays)) == len(delays)  # at the cap too: counters stay spread out
    backoff = Backoff(first=15, cap=600, rng=random.Random(3))
    for _ in range(5):
        backoff.failed()
    backoff.succeeded()
    assert 12 <= backoff.failed() <= 15


def test_backoff_refuses_nonsense():
    with pytest.raises(ValueError):
        Backoff(first=0)
    with pytest.raises(ValueError):
        Backoff(first=20, cap=10)


class _CutServer:
    """Answers each connection with the first `cut` bytes of `answer`, then closes it."""

    def __init__(self, answer: bytes):
        self.answer, self.cut = answer, len(answer)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return  # closed
            with connection:
                request = b""
                while b"\r\n\r\n" not in request:
                    request += connection.recv(65536)
                connection.sendall(self.answer[:self.cut])

    def close(self) -> None:
        self._listener.close()


def _raw_answer(hub_url: str, path: str) -> bytes:
    """The hub's answer to GET `path`, byte for byte as it went over the wire."""
    host, port = hub_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n"
                           "\r\n".encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


def test_an_answer_cut_at_any_byte_is_offline(live_hub):
    answer = _raw_answer(live_hub.url, "/api/v1/health")
    headers_end = answer.index(b"\r\n\r\n") + 4
    server = _CutServer(answer)
    try:
        assert HubClient(server.url).health() == {"status": "ok", "protocol": 1}
        for cut in range(len(answer)):
            server.cut = cut
            client = HubClient(server.url)
            with pytest.raises(HubOffline, match="bị ngắt giữa chừng"):
                client.health()
            client.close()
    finally:
        server.close()
    assert 0 < headers_end < len(answer)  # cuts inside the headers and inside the body


def test_a_refused_request_is_told_in_vietnamese_with_the_hubs_words_kept(live_hub):
    """Issue 14, item 11: the hub's English `detail` showed inside the Vietnamese message."""
    device = live_hub.admin.enroll(live_hub.admin.commune())
    client = HubClient(live_hub.url, device.token)
    too_many = [received_event(code=f"000.01.22.H56-261124-{n:04d}", seq=n)
                for n in range(1, protocol.MAX_BATCH + 2)]
    with pytest.raises(HubRefused) as refused:
        client.push(too_many, sent_at="2026-11-24T09:30:00+07:00", backlog=0)
    assert str(refused.value) == HUB_REFUSED.format(
        status=422, meaning=REQUEST_REFUSALS[protocol.ERROR_INVALID_REQUEST])
    assert "events" in refused.value.detail  # the hub's own words, for the log


@pytest.mark.parametrize(("reason", "words"), [
    ("forbidden: dossier 5d1e belongs to another commune", "một xã khác"),
    ("chain: hash does not match the event's content", "Chuỗi kiểm tra toàn vẹn"),
    ("event 0b9c was already stored with other content", "khác nội dung"),
    ("conflict", "khác nội dung"),
    ("quota: payload of 70,000 bytes is over the 65,536 allowed", "hạn mức"),
    ("kind: Value error, unknown kind 'made_up'", "chưa biết loại sự kiện"),
    ("status: Input should be a valid integer", "không hợp lệ"),
])
def test_the_hubs_reasons_for_an_event_read_in_vietnamese(reason, words):
    text = event_refusal_text(reason)
    assert words in text and reason not in text


class _Recording(_Canned):
    """Answers `{}` and records each request's target and Authorization header."""

    body, content_type = b"{}", "application/json"
    seen: list[tuple[str, str | None]] = []

    def do_GET(self) -> None:
        self.seen.append((self.path, self.headers.get("Authorization")))
        super().do_GET()


@pytest.fixture
def recording(monkeypatch):
    monkeypatch.setattr(_Recording, "seen", [])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recording)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_a_netrc_entry_for_the_hub_does_not_replace_the_device_token(recording, monkeypatch,
                                                                       tmp_path):
    """requests put a ~/.netrc entry's Basic auth over the Authorization header: a counter PC
    with one for the hub's host was refused as if it had no token."""
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login clerk password secret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    client = HubClient(f"http://127.0.0.1:{recording}", token="device-token")
    client.device_summary(date(2026, 12, 4))
    assert [auth for _, auth in _Recording.seen] == ["Bearer device-token"]


def test_the_environments_proxy_is_read_once_per_client_not_per_request(recording, monkeypatch):
    """The counter still goes through the proxy the environment names (HTTP_PROXY, ...), but
    reads the environment once: requests read all of it for every request, a third of the
    counter's CPU per uploaded file."""
    import requests.sessions

    for name in ("no_proxy", "NO_PROXY", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{recording}")
    reads = []
    real = requests.sessions.get_environ_proxies
    monkeypatch.setattr(requests.sessions, "get_environ_proxies",
                        lambda *args, **kwargs: reads.append(args) or real(*args, **kwargs))
    client = HubClient("http://hub.phutho.invalid:8000", token="device-token")
    for _ in range(3):
        client.device_summary(date(2026, 12, 4))
    # Through the proxy (a request for the hub's whole URL), three times; the environment once.
    assert [target.split("?")[0] for target, _ in _Recording.seen] == [
        "http://hub.phutho.invalid:8000/api/v1/device"] * 3
    assert len(reads) == 1
