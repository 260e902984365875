"""Talking to the provincial hub over HTTP(S): the counter's end of sync.protocol.

No Qt and no desk_app here: the app drives this from its network worker, tests and scripts from
plain Python. Every failure becomes a HubError whose text is the Vietnamese sentence a clerk
can act on (check the cable, ask the province for a new code...), and whose `offline` flag
tells "no network" (retry quietly) from a real failure (show why).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sync import protocol

if TYPE_CHECKING:
    import requests

CONNECT_TIMEOUT = 5.0  # seconds; a rural link that cannot connect in 5 s is down
READ_TIMEOUT = 30.0  # seconds; the hub answers a full batch in well under a second
USER_AGENT = "desk-app-sync/1"


class HubError(Exception):
    """A failed exchange with the hub; str() is the message for the clerk."""

    offline = False  # True: the network or the hub is unreachable, not a refusal


class HubOffline(HubError):
    offline = True


class HubTlsError(HubError):
    pass


class HubUnavailable(HubError):
    """The hub answered with a 5xx: its problem, retried later."""


class HubRefused(HubError):
    """The hub refused the request (4xx)."""

    def __init__(self, message: str, status: int, error: str = "", detail: str = ""):
        super().__init__(message)
        self.status = status
        self.error = error
        self.detail = detail  # the hub's own words, for the log and support staff


class HubUnauthorised(HubRefused):
    """401: the token is unknown or revoked, or an enrollment code is wrong."""


class HubProtocolError(HubError):
    """The answer is not what sync.protocol says (a captive portal, a wrong address...)."""


@dataclass
class WireStats:
    """What went over the wire: request bodies as sent (compressed), responses as received
    (compressed when the hub compressed them), and the HTTP headers of both. TCP and TLS
    framing are not counted."""

    requests: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    # The counter uploads several files at once on one client (exchange.push_files).
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, sent: int, received: int) -> None:
        with self._lock:
            self.requests += 1
            self.bytes_sent += sent
            self.bytes_received += received


@dataclass(frozen=True)
class Enrollment:
    device_id: int
    token: str
    commune_id: int
    commune_name: str
    agency_code: str
    # For the citizen's lookup link (protocol.lookup_link); None from a hub without it.
    lookup_url: str | None = None
    lookup_key: str | None = None


@dataclass(frozen=True)
class Ack:
    """The hub's answer about one pushed event."""

    uuid: str
    result: str  # protocol.Result
    reason: str = ""
    server_time: str | None = None

    @property
    def stored(self) -> bool:
        """The hub holds this event as sent (a duplicate is an earlier acknowledgement)."""
        return self.result in (protocol.Result.ACCEPTED, protocol.Result.DUPLICATE)


@dataclass(frozen=True)
class PushReply:
    acks: list[Ack]
    server_time: str


@dataclass(frozen=True)
class FileHeld:
    """What the hub holds of a file: its first `offset` bytes; `complete`: all, hash checked."""

    offset: int
    complete: bool


@dataclass(frozen=True)
class HeldDocument:
    """A document digitised for a citizen in a dossier of this counter's commune, whose file
    the hub holds whole (protocol, "Reuse across counters")."""

    document: str
    sha256: str
    pages: int
    size: int
    dossier_code: str
    digitised_at: datetime


@dataclass(frozen=True)
class ChangesPage:
    changes: list[dict[str, Any]]
    next_cursor: int
    more: bool


# The status the one-file ask answers with each error a batch ask gives per file.
_FILE_REFUSAL_STATUS = {protocol.ERROR_FILE_NOT_NAMED: 403, protocol.ERROR_FILE_TOO_LARGE: 413}


def _requests():
    """The requests package, imported when the counter first talks to a hub: its import (with
    urllib3's) is a tenth of a second that the app's start need not wait for."""
    import requests

    return requests


@dataclass
class HubClient:
    """One hub, one device token. `ca_bundle` is the PEM file of the authority that signed the
    hub's certificate (a province CA); None trusts the system's usual authorities."""

    base_url: str
    token: str | None = None
    ca_bundle: str | None = None
    connect_timeout: float = CONNECT_TIMEOUT
    read_timeout: float = READ_TIMEOUT
    stats: WireStats = field(default_factory=WireStats)
    session: requests.Session = field(default_factory=lambda: _requests().Session(),
                                      repr=False)

    def __post_init__(self) -> None:
        self.base_url = normalise_url(self.base_url)
        # The environment's proxy and CA bundle (HTTPS_PROXY, NO_PROXY, REQUESTS_CA_BUNDLE...)
        # for this hub, read once: left to requests, every request read the whole environment
        # again (and ~/.netrc, whose Basic auth would replace the device's token), a third of
        # the counter's CPU per uploaded file.
        found = self.session.merge_environment_settings(self.base_url, {}, None, None, None)
        self.session.trust_env = False
        self.session.proxies.update(found["proxies"])
        self._environment_ca = found["verify"]

    def close(self) -> None:
        self.session.close()

    # --- endpoints -----------------------------------------------------------------------

    def health(self) -> dict[str, Any]:
        return self._call("GET", "/health")

    def server_time(self) -> datetime:
        body = self._call("GET", "/time")
        try:
            return datetime.fromisoformat(body["server_time"])
        except (KeyError, TypeError, ValueError) as exc:
            raise self._malformed() from exc

    def enroll(self, code: str, device_name: str, request_key: str | None = None) -> Enrollment:
        """`request_key`: a random key (protocol.ENROLLMENT_KEY_PATTERN) the caller keeps for
        this code and sends again when it retries, so that an answer lost on the way does not
        spend the code."""
        request = {"code": code, "device_name": device_name}
        if request_key is not None:
            request["request_key"] = request_key
        body = self._call("POST", "/enroll", request, authorised=False)
        try:
            commune = body["commune"]
            lookup = body.get("lookup") or {}
            key = lookup.get("key")
            if key is not None and not _is_lookup_key(key):
                raise ValueError("lookup key")
            return Enrollment(int(body["device_id"]), str(body["token"]), int(commune["id"]),
                              str(commune["name"]), str(commune["agency_code"]),
                              lookup_url=normalise_url(str(lookup["url"])) if key else None,
                              lookup_key=key)
        except (KeyError, TypeError, ValueError) as exc:
            raise self._malformed() from exc

    def push(self, events: list[dict[str, Any]], *, sent_at: str,
             backlog: int | None = None) -> PushReply:
        body = self._call("POST", "/events",
                          {"events": events, "sent_at": sent_at, "backlog": backlog})
        try:
            acks = [Ack(r["uuid"], r["result"], r.get("reason") or "", r.get("server_time"))
                    for r in body["results"]]
            reply = PushReply(acks, body["server_time"])
        except (KeyError, TypeError) as exc:
            raise self._malformed() from exc
        # Acknowledgements are matched to events by position; a reply that does not line up
        # must not mark the wrong events sent.
        if [a.uuid for a in acks] != [e["uuid"] for e in events]:
            raise self._malformed()
        return reply

    def changes(self, cursor: int, limit: int = protocol.DEFAULT_PULL_LIMIT) -> ChangesPage:
        body = self._call("GET", "/changes", params={"cursor": cursor, "limit": limit})
        try:
            return ChangesPage(list(body["changes"]), int(body["next_cursor"]),
                               bool(body["more"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise self._malformed() from exc

    def device_summary(self, day: date) -> dict[str, Any]:
        """What the hub holds from this device (and on `day`), for the reconciliation."""
        return self._call("GET", "/device", params={"day": day.isoformat()})

    def file_held(self, sha256: str, size: int) -> FileHeld:
        """How much of the file the hub holds (complete: nothing to send)."""
        return self._file_held(self._call("POST", f"/files/{sha256}", {"size": size}))

    def files_held(self, asked: list[tuple[str, int]]) -> list[FileHeld | HubRefused]:
        """file_held for each (sha256, size) in one exchange; a file the hub would refuse
        comes back as its refusal, the others are not refused with it."""
        body = self._call("POST", "/files/ask",
                          {"files": [{"sha256": sha, "size": size} for sha, size in asked]})
        try:
            answers = body["files"]
            if len(answers) != len(asked):
                raise ValueError(len(answers))
            return [_refused(_FILE_REFUSAL_STATUS.get(answer["error"], 422), str(answer["error"]),
                             str(answer.get("detail") or ""))
                    if answer.get("error") else self._file_held(answer)
                    for answer in answers]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise self._malformed() from exc

    def upload_chunk(self, sha256: str, offset: int, size: int, data: bytes) -> FileHeld:
        """Send the file's bytes from `offset` on; the hub answers how much it now holds."""
        return self._file_held(self._call("PUT", f"/files/{sha256}", raw=data,
                                          params={"offset": offset, "size": size}))

    def find_documents(self, id_number: str) -> list[HeldDocument]:
        """The documents digitised for the citizen with this ID number in the commune's
        dossiers, newest first (the number goes in the body, not the URL)."""
        body = self._call("POST", "/documents/find", {"id_number": id_number})
        try:
            found = [HeldDocument(str(item["document"]), item["sha256"], int(item["pages"]),
                                  int(item["size"]), str(item.get("dossier_code") or ""),
                                  datetime.fromisoformat(item["digitised_at"]))
                     for item in body["documents"]]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise self._malformed() from exc
        if not all(protocol.is_file_hash(item.sha256) for item in found):
            raise self._malformed()
        return found

    def fetch_file(self, sha256: str) -> bytes:
        data = self._call("GET", f"/files/{sha256}", raw_answer=True)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise HubProtocolError(FILE_DAMAGED)
        return data

    def _file_held(self, body: Any) -> FileHeld:
        try:
            return FileHeld(int(body["offset"]), bool(body["complete"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise self._malformed() from exc

    # --- transport -----------------------------------------------------------------------

    def _call(self, method: str, path: str, body: Any = None, *, authorised: bool = True,
              params: dict[str, Any] | None = None, raw: bytes | None = None,
              raw_answer: bool = False) -> Any:
        """`body` goes as gzip-compressed JSON, `raw` as bytes (a file's, which do not
        compress); the answer is JSON unless `raw_answer`."""
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json",
                   "Accept-Encoding": "gzip"}
        if authorised and path not in ("/health", "/time"):
            if not self.token:
                raise HubUnauthorised(NOT_ENROLLED, 401, protocol.ERROR_MISSING_TOKEN)
            headers["Authorization"] = f"Bearer {self.token}"
        data = raw
        if raw is not None:
            headers["Content-Type"] = "application/octet-stream"
        elif body is not None:
            data = gzip.compress(json.dumps(body, ensure_ascii=False).encode("utf-8"),
                                 compresslevel=6)
            headers["Content-Type"] = "application/json"
            headers["Content-Encoding"] = "gzip"
        url = f"{self.base_url}{protocol.API_PREFIX}{path}"
        requests = _requests()
        try:
            response = self.session.request(
                method, url, data=data, headers=headers, params=params,
                timeout=(self.connect_timeout, self.read_timeout),
                verify=self.ca_bundle if self.ca_bundle else self._environment_ca,
            )
            self._count(response)
        except requests.RequestException as exc:
            raise self._network_error(exc) from exc
        except OSError as exc:  # requests checks the CA bundle path itself, with an OSError
            raise HubTlsError(BAD_CA_BUNDLE.format(path=self.ca_bundle, detail=exc)) from exc
        if _cut_in_headers(response):
            raise HubOffline(CONNECTION_CUT.format(host=urlsplit(self.base_url).netloc))
        if response.status_code >= 400:
            raise self._refusal(response)
        if raw_answer:
            return response.content
        try:
            return response.json()
        except ValueError as exc:
            raise self._malformed() from exc

    def _count(self, response: requests.Response) -> None:
        request = response.request
        sent = len(request.method or "") + len(request.path_url) + 12  # "GET /x HTTP/1.1\r\n"
        sent += sum(len(k) + len(v) + 4 for k, v in request.headers.items()) + 2
        body = request.body or b""
        sent += len(body)
        received = 17 + sum(len(k) + len(v) + 4 for k, v in response.raw.headers.items()) + 2
        length = response.headers.get("Content-Length")
        received += int(length) if length and length.isdigit() else len(response.content)
        self.stats.add(sent, received)

    def _malformed(self) -> HubProtocolError:
        return HubProtocolError(NOT_A_HUB.format(url=self.base_url))

    def _network_error(self, exc: requests.RequestException) -> HubError:
        from urllib3.exceptions import NameResolutionError

        requests = _requests()
        host = urlsplit(self.base_url).netloc
        if isinstance(exc, requests.exceptions.SSLError):
            return HubTlsError(TLS_FAILED.format(host=host, detail=_tls_detail(exc)))
        if isinstance(exc, requests.exceptions.ConnectTimeout):
            return HubOffline(CONNECT_TIMED_OUT.format(host=host, seconds=self.connect_timeout))
        if isinstance(exc, requests.exceptions.ReadTimeout):
            return HubOffline(READ_TIMED_OUT.format(host=host, seconds=self.read_timeout))
        causes = list(_causes(exc))
        if any(isinstance(c, NameResolutionError | socket.gaierror) for c in causes):
            return HubOffline(DNS_FAILED.format(host=urlsplit(self.base_url).hostname))
        if any(isinstance(c, ConnectionRefusedError) for c in causes):
            return HubOffline(CONNECTION_REFUSED.format(host=host))
        if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema
                      | requests.exceptions.InvalidSchema):
            return HubRefused(BAD_URL.format(url=self.base_url), 0)
        return HubOffline(CONNECTION_CUT.format(host=host))

    def _refusal(self, response: requests.Response) -> HubError:
        status = response.status_code
        try:
            body = response.json()
            error, detail = str(body.get("error", "")), str(body.get("detail", ""))
        except (ValueError, AttributeError):
            error, detail = "", response.reason or ""
        if status >= 500:
            return HubUnavailable(HUB_FAILING.format(status=status))
        if status == 401:
            message = {
                protocol.ERROR_REVOKED_TOKEN: TOKEN_REVOKED,
                protocol.ERROR_BAD_CODE: BAD_ENROLLMENT_CODE,
            }.get(error, TOKEN_UNKNOWN)
            return HubUnauthorised(message, status, error)
        if status == 429:
            wait = response.headers.get("Retry-After", "")
            message = (DAILY_QUOTA if error == protocol.ERROR_DAILY_QUOTA
                       else TOO_MANY_ATTEMPTS).format(
                minutes=math.ceil(int(wait) / 60) if wait.isdigit() else "vài")
            return HubRefused(message, status, error)
        return _refused(status, error, detail)


def _refused(status: int, error: str, detail: str) -> HubRefused:
    # The hub's `detail` is English for its administrators: the clerk reads what the error
    # code means (the detail stays on the exception for the log).
    meaning = REQUEST_REFUSALS.get(error, UNKNOWN_REFUSAL)
    return HubRefused(HUB_REFUSED.format(status=status, meaning=meaning), status, error, detail)


def _is_lookup_key(key: object) -> bool:
    return isinstance(key, str) and len(key) == 64 and all(ch in "0123456789abcdef" for ch in key)


def _cut_in_headers(response: requests.Response) -> bool:
    """Whether the connection was cut before the end of the answer's headers. The HTTP parser
    ends the headers at the end of the stream as if at their blank line, so such an answer
    looks whole and empty. Every answer with a body says where it ends (Content-Length or
    chunked), and when the length was given a short body already fails as a cut; so an empty
    body with neither means the headers never ended. (Read to the end of the stream, an
    answer without either could only be told from a cut by some text arriving.)"""
    if response.status_code in (204, 304) or 100 <= response.status_code < 200:
        return False
    # A cut inside the Content-Length line leaves it empty.
    framed = (response.headers.get("Content-Length", "").isdigit()
              or "chunked" in response.headers.get("Transfer-Encoding", "").lower())
    return not framed and not response.content


def normalise_url(url: str) -> str:
    """The hub's base URL as the clerk may type it: spaces, a trailing slash or the API prefix
    are dropped; no scheme means https."""
    url = url.strip().rstrip("/")
    if url and "://" not in url:
        url = f"https://{url}"
    return url.removesuffix(protocol.API_PREFIX).rstrip("/")


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception and everything it wraps (urllib3 hides the socket error in `.reason`)."""
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        stack += [c for c in (current.__cause__, current.__context__,
                              getattr(current, "reason", None)) if isinstance(c, BaseException)]
        stack += [a for a in current.args if isinstance(a, BaseException)]


def _tls_detail(exc: BaseException) -> str:
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            return cause.verify_message or str(cause)
    return str(exc)


NOT_ENROLLED = "Máy này chưa được đăng ký với máy chủ tỉnh (menu Đồng bộ → Đăng ký máy với tỉnh…)."
TOKEN_REVOKED = (
    "Máy này đã bị thu hồi quyền đồng bộ. Hãy liên hệ quản trị viên của tỉnh để xin mã đăng ký "
    "mới rồi đăng ký lại máy (menu Đồng bộ → Đăng ký máy với tỉnh…). Dữ liệu trên máy vẫn được "
    "giữ nguyên và sẽ được gửi sau khi đăng ký lại."
)
TOKEN_UNKNOWN = (
    "Máy chủ tỉnh không nhận ra máy này (mã xác thực không hợp lệ). Hãy xin mã đăng ký mới và "
    "đăng ký lại máy (menu Đồng bộ → Đăng ký máy với tỉnh…)."
)
BAD_ENROLLMENT_CODE = (
    "Mã đăng ký không dùng được: mã sai, đã được dùng hoặc đã hết hạn. Hãy kiểm tra lại hoặc "
    "xin mã mới từ tỉnh."
)
TLS_FAILED = (
    "Không thiết lập được kết nối an toàn (TLS) tới máy chủ tỉnh {host}: chứng chỉ của máy chủ "
    "không được tin cậy hoặc không hợp lệ. Kiểm tra tệp chứng chỉ CA trong phần đăng ký máy và "
    "ngày giờ của máy tính. (Chi tiết: {detail})"
)
BAD_CA_BUNDLE = "Không đọc được tệp chứng chỉ CA «{path}»: {detail}"
DNS_FAILED = (
    "Không tìm thấy máy chủ tỉnh «{host}» (lỗi phân giải tên miền DNS). Kiểm tra địa chỉ máy chủ "
    "và kết nối mạng."
)
CONNECTION_REFUSED = (
    "Máy chủ tỉnh {host} từ chối kết nối: có thể máy chủ đang tắt hoặc sai cổng. Phần mềm sẽ tự "
    "thử lại."
)
CONNECT_TIMED_OUT = (
    "Không kết nối được tới máy chủ tỉnh {host} trong {seconds:g} giây: mạng đang mất hoặc quá "
    "chậm. Phần mềm sẽ tự thử lại."
)
READ_TIMED_OUT = (
    "Máy chủ tỉnh {host} không trả lời trong {seconds:g} giây. Phần mềm sẽ tự thử lại; những gì "
    "chưa được xác nhận sẽ được gửi lại, không bị trùng."
)
CONNECTION_CUT = "Kết nối tới máy chủ tỉnh {host} bị ngắt giữa chừng. Phần mềm sẽ tự thử lại."
BAD_URL = "Địa chỉ máy chủ tỉnh «{url}» không hợp lệ (ví dụ đúng: https://dongbo.tinh.gov.vn)."
HUB_FAILING = (
    "Máy chủ tỉnh đang gặp sự cố (mã lỗi {status}). Phần mềm sẽ tự thử lại sau; dữ liệu vẫn "
    "nằm an toàn trên máy này."
)
DAILY_QUOTA = (
    "Máy này đã gửi lên máy chủ tỉnh hết hạn mức dữ liệu của hôm nay. Dữ liệu vẫn nằm an toàn "
    "trên máy và sẽ được gửi tiếp sau khoảng {minutes} phút nữa (sang ngày mới); nếu việc này "
    "lặp lại, hãy báo cho quản trị viên của tỉnh."
)
TOO_MANY_ATTEMPTS = (
    "Máy chủ tỉnh tạm từ chối vì có quá nhiều lần đăng ký hoặc xác thực sai từ mạng này. Hãy "
    "thử lại sau khoảng {minutes} phút."
)
HUB_REFUSED = (
    "Máy chủ tỉnh từ chối yêu cầu (mã {status}): {meaning}. Hãy báo cán bộ kỹ thuật của tỉnh; "
    "dữ liệu vẫn nằm an toàn trên máy này."
)
_VERSIONS = "có thể phiên bản phần mềm trên máy này và trên máy chủ tỉnh không khớp"
# What each of the hub's error codes means, in the clerk's words.
REQUEST_REFUSALS = {
    protocol.ERROR_BAD_JSON: f"máy chủ không đọc được dữ liệu gửi lên ({_VERSIONS})",
    protocol.ERROR_BAD_ENCODING: "dữ liệu gửi lên bị hỏng trên đường truyền",
    protocol.ERROR_TOO_LARGE: "gói dữ liệu gửi lên lớn hơn máy chủ cho phép",
    protocol.ERROR_UNSUPPORTED_ENCODING: f"máy chủ không nhận kiểu nén dữ liệu này ({_VERSIONS})",
    protocol.ERROR_UNSUPPORTED_MEDIA_TYPE: f"máy chủ không nhận kiểu dữ liệu này ({_VERSIONS})",
    protocol.ERROR_INVALID_REQUEST: f"yêu cầu không đúng mẫu máy chủ chờ ({_VERSIONS})",
    protocol.ERROR_FILE_NOT_NAMED: "máy chủ chưa nhận sự kiện nào của xã này nêu tệp này",
    protocol.ERROR_FILE_TOO_LARGE: "tệp lớn hơn giới hạn máy chủ cho phép",
    protocol.ERROR_OFFSET_MISMATCH: "máy chủ giữ phần tệp khác với phần máy này gửi tiếp",
    protocol.ERROR_HASH_MISMATCH: "nội dung tệp không khớp mã băm SHA-256 của nó",
    protocol.ERROR_UNKNOWN_FILE: "máy chủ không có tệp này cho xã này",
}
UNKNOWN_REFUSAL = "máy chủ không nêu lý do mà phần mềm hiểu được"

# Why the hub refused one event (its per-event `reason`, English for its administrators; see
# sync.protocol), by what the reason says. The stored reason stays as the hub said it.
_OTHER_CONTENT = "Máy chủ tỉnh đã có một sự kiện cùng mã nhưng khác nội dung."
EVENT_REFUSALS = (
    ("forbidden:", "Hồ sơ này do máy của một xã khác gửi lên trước; máy chủ tỉnh không cho "
                   "máy này ghi vào hồ sơ đó."),
    ("chain:", "Chuỗi kiểm tra toàn vẹn của sự kiện không khớp với những gì máy chủ tỉnh đã "
               "nhận từ máy này."),
    ("conflict", _OTHER_CONTENT),  # the result itself, when the hub gave no reason
    ("already stored with other content", _OTHER_CONTENT),
    (protocol.QUOTA_REASON, "Sự kiện lớn hơn hạn mức máy chủ tỉnh nhận cho một sự kiện; hãy báo cán bộ "
               "kỹ thuật của tỉnh."),
    ("unknown kind", "Máy chủ tỉnh chưa biết loại sự kiện này (có thể máy chủ chưa được "
                     "nâng cấp)."),
)
EVENT_INVALID = "Máy chủ tỉnh cho rằng sự kiện không hợp lệ và không lưu nó."


def event_refusal_text(reason: str) -> str:
    """The hub's reason for refusing an event, in Vietnamese."""
    return next((text for words, text in EVENT_REFUSALS if words in reason), EVENT_INVALID)


FILE_DAMAGED = "Tệp tải về từ máy chủ tỉnh bị hỏng trên đường truyền (mã băm không khớp)."
NOT_A_HUB = (
    "Địa chỉ {url} không trả lời như máy chủ đồng bộ của tỉnh. Kiểm tra lại địa chỉ máy chủ "
    "(mạng có thể đang chuyển hướng sang trang đăng nhập Wi-Fi)."
)
