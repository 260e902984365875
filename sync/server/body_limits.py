"""Request bodies: size limits and gzip, enforced while the body streams in.

A body is refused with 413 as soon as it passes MAX_BODY_BYTES on the wire or, gzip-compressed,
MAX_DECOMPRESSED_BYTES once inflated, so neither a huge upload nor a gzip bomb is ever held in
memory. Downstream handlers see the inflated body with the encoding header removed.

A refused body is still read to its end and thrown away before the answer goes out, up to
DRAIN_BYTES: a server that answers and closes while the client is still sending makes the
kernel reset the connection, and the reset throws away the answer the client had not read yet
(the client saw a broken connection instead of the 413 about one time in three). Bodies
declared bigger than that are answered at once; no real client of ours sends one.
"""

from __future__ import annotations

import json
import zlib

from sync import protocol

DRAIN_BYTES = 4 * protocol.MAX_BODY_BYTES


class BodyRefused(Exception):
    def __init__(self, status: int, error: str, detail: str):
        super().__init__(detail)
        self.status = status
        self.error = error
        self.detail = detail


class _Inflater:
    """Gzip, including several concatenated members, with a cap on the inflated size."""

    def __init__(self, limit: int):
        self.limit = limit
        self.size = 0
        self.parts: list[bytes] = []
        self._member = zlib.decompressobj(wbits=31)

    def feed(self, data: bytes) -> None:
        while data:
            try:
                # Ask for one byte more than allowed: getting it proves the body is too big
                # without inflating the rest.
                out = self._member.decompress(data, self.limit - self.size + 1)
            except zlib.error as exc:
                raise BodyRefused(400, protocol.ERROR_BAD_ENCODING, f"bad gzip data: {exc}") from exc
            self._take(out)
            data = self._member.unused_data
            if self._member.eof and data:
                self._member = zlib.decompressobj(wbits=31)

    def finish(self) -> bytes:
        if not self._member.eof:
            raise BodyRefused(400, protocol.ERROR_BAD_ENCODING, "truncated gzip data")
        return b"".join(self.parts)

    def _take(self, out: bytes) -> None:
        self.size += len(out)
        if self.size > self.limit:
            raise self._too_large()
        self.parts.append(out)

    def _too_large(self) -> BodyRefused:
        return BodyRefused(413, protocol.ERROR_TOO_LARGE,
                           f"body inflates to more than {self.limit} bytes")


class BodyLimits:
    """Pure ASGI middleware (it must see the body before any framework buffers it)."""

    def __init__(self, app, *, max_body: int = protocol.MAX_BODY_BYTES,
                 max_inflated: int = protocol.MAX_DECOMPRESSED_BYTES,
                 drain: int = DRAIN_BYTES):
        self.app = app
        self.max_body = max_body
        self.max_inflated = max_inflated
        self.drain = drain

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = _Incoming(scope, receive)
        try:
            read = await self._read(scope, incoming)
        except BodyRefused as refusal:
            if await incoming.drain(self.drain):
                await _refuse(send, refusal)
            return
        if read is None:
            return  # the client went away mid-body: nobody to answer
        scope, body = read

        sent = False

        async def replay():
            nonlocal sent
            if sent:
                # After the body, wait for the client to go away like the server would.
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _read(self, scope, incoming: _Incoming) -> tuple[dict, bytes] | None:
        headers = dict(scope["headers"])
        encoding = headers.get(b"content-encoding", b"identity").decode("latin-1").strip().lower()
        if encoding not in ("identity", "gzip"):
            raise BodyRefused(415, protocol.ERROR_UNSUPPORTED_ENCODING,
                              f"Content-Encoding {encoding!r} is not supported (use gzip)")
        if incoming.declared is not None and incoming.declared > self.max_body:
            raise BodyRefused(413, protocol.ERROR_TOO_LARGE,
                              f"body of {incoming.declared} bytes is over {self.max_body}")
        inflater = _Inflater(self.max_inflated) if encoding == "gzip" else None
        chunks: list[bytes] = []
        while not incoming.ended:
            chunk = await incoming.next()
            if incoming.gone:
                return None
            if incoming.received > self.max_body:
                raise BodyRefused(413, protocol.ERROR_TOO_LARGE, f"body is over {self.max_body} bytes")
            if inflater is not None:
                inflater.feed(chunk)
            else:
                chunks.append(chunk)
        if inflater is None:
            return scope, b"".join(chunks)
        body = inflater.finish() if incoming.received else b""
        kept = [(k, v) for k, v in scope["headers"]
                if k not in (b"content-encoding", b"content-length")]
        kept.append((b"content-length", str(len(body)).encode()))
        return {**scope, "headers": kept}, body


class _Incoming:
    """The request body as it arrives, counting what was read."""

    def __init__(self, scope, receive):
        self._receive = receive
        length = dict(scope["headers"]).get(b"content-length", b"")
        self.declared = int(length) if length.isdigit() else None
        self.received = 0
        self.ended = False
        self.gone = False

    async def next(self) -> bytes:
        message = await self._receive()
        if message["type"] == "http.disconnect":
            self.ended = self.gone = True
            return b""
        chunk = message.get("body", b"")
        self.received += len(chunk)
        self.ended = not message.get("more_body", False)
        return chunk

    async def drain(self, limit: int) -> bool:
        """Read the rest and throw it away; False when the client went away meanwhile."""
        if self.declared is not None and self.declared > limit:
            return True
        while not self.ended and self.received <= limit:
            await self.next()
        return not self.gone


async def _refuse(send, refusal: BodyRefused) -> None:
    body = json.dumps({"error": refusal.error, "detail": refusal.detail}).encode()
    await send({
        "type": "http.response.start",
        "status": refusal.status,
        # The rest of the body may not have been read, so the connection cannot be reused.
        "headers": [(b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close")],
    })
    await send({"type": "http.response.body", "body": body})
