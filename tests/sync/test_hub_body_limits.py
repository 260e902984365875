"""The body limits middleware on its own: memory stays bounded whatever comes in."""

from __future__ import annotations

import asyncio
import gzip
import json
import tracemalloc

from sync import protocol
from sync.server.body_limits import BodyLimits
from tests.sync.samples import gzip_bomb


def call(middleware_app, body_chunks: list[bytes], headers: list[tuple[bytes, bytes]]):
    """Send a request through BodyLimits: (status, response body, what the app received)."""
    seen = {}

    async def app(scope, receive, send):
        message = await receive()
        seen["body"] = message["body"]
        seen["headers"] = dict(scope["headers"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    messages = [{"type": "http.request", "body": chunk, "more_body": n < len(body_chunks) - 1}
                for n, chunk in enumerate(body_chunks)]
    sent = []

    async def receive():
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/", "headers": headers}
    asyncio.run(middleware_app(app)(scope, receive, send))
    status = sent[0]["status"]
    return status, b"".join(m.get("body", b"") for m in sent[1:]), seen


def test_a_gzip_bomb_never_takes_more_memory_than_the_limit():
    bomb = gzip_bomb(500 * 1024 * 1024)
    chunks = [bomb[i:i + 65536] for i in range(0, len(bomb), 65536)]
    tracemalloc.start()
    try:
        status, body, seen = call(BodyLimits, chunks, [(b"content-encoding", b"gzip")])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert status == 413
    assert json.loads(body)["error"] == protocol.ERROR_TOO_LARGE
    assert seen == {}
    # 500 MiB held to about twice the limit: the inflated part kept plus zlib's output buffer.
    assert peak < 3 * protocol.MAX_DECOMPRESSED_BYTES


def test_the_app_sees_the_inflated_body_without_the_encoding():
    plain = json.dumps({"events": []}).encode()
    packed = gzip.compress(plain)
    status, _, seen = call(BodyLimits, [packed[:10], packed[10:]],
                           [(b"content-encoding", b"gzip"),
                            (b"content-length", str(len(packed)).encode())])
    assert status == 200
    assert seen["body"] == plain
    assert b"content-encoding" not in seen["headers"]
    assert seen["headers"][b"content-length"] == str(len(plain)).encode()


def test_limits_can_be_set_per_app():
    def small(app):
        return BodyLimits(app, max_body=100, max_inflated=1000)

    assert call(small, [b"x" * 101], [])[0] == 413
    assert call(small, [b"x" * 100], [])[0] == 200
    assert call(small, [gzip.compress(b"x" * 1001)], [(b"content-encoding", b"gzip")])[0] == 413
    assert call(small, [gzip.compress(b"x" * 1000)], [(b"content-encoding", b"gzip")])[0] == 200
