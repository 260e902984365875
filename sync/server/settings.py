"""The hub's settings: the limits on guessing and the quotas on what a device may store.
`province-hub serve` takes them as options and hands them to its worker processes as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from sync import protocol
from sync.server.throttle import Limits


@dataclass(frozen=True)
class Quotas:
    """What one device may store. A received dossier's payload takes 1 to 3 KB; the largest a
    counter makes (40 documents with 300-character names, each listed as missing too, long
    notes) about 45 KB: 64 KiB leaves room. A busy counter sends 1 to 2 MB a day; a day's
    limit of 64 MiB lets one that was offline for weeks catch up in a day or two."""

    max_payload_bytes: int = 64 * 1024
    daily_bytes: int = 64 * 1024 * 1024
    # Digitised documents' files: a dossier's scans take 0.2 to 2 MB, a busy counter's day
    # 20 to 100 MB; 1 GiB lets one that was offline for a week or two catch up in a day.
    daily_file_bytes: int = 1024 * 1024 * 1024

    def __post_init__(self) -> None:
        if not (1024 <= self.max_payload_bytes <= protocol.MAX_DECOMPRESSED_BYTES
                and self.max_payload_bytes <= self.daily_bytes):
            raise ValueError("quotas need 1 KiB <= max_payload_bytes <= 10 MiB and <= "
                             "daily_bytes")
        if self.daily_file_bytes < 1:
            raise ValueError("quotas need daily_file_bytes >= 1")


@dataclass(frozen=True)
class HubSettings:
    limits: Limits = field(default_factory=Limits)
    quotas: Quotas = field(default_factory=Quotas)
    # The largest file a device may upload (OpenCRVS's limit; CommCare's is 15 MB). A counter
    # refuses a bigger one before sending anything, and so does the hub. A province may lower
    # it; the protocol's MAX_FILE_BYTES is the most any hub takes, as the counters refuse more.
    max_file_bytes: int = protocol.MAX_FILE_BYTES

    def __post_init__(self) -> None:
        if not 1 <= self.max_file_bytes <= protocol.MAX_FILE_BYTES:
            raise ValueError(f"max_file_bytes must be 1 to {protocol.MAX_FILE_BYTES}")

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> HubSettings:
        data = json.loads(text)
        return cls(limits=Limits(**data.get("limits", {})),
                   quotas=Quotas(**data.get("quotas", {})),
                   max_file_bytes=data.get("max_file_bytes", protocol.MAX_FILE_BYTES))
