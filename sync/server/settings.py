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

    def __post_init__(self) -> None:
        if not (1024 <= self.max_payload_bytes <= protocol.MAX_DECOMPRESSED_BYTES
                and self.max_payload_bytes <= self.daily_bytes):
            raise ValueError("quotas need 1 KiB <= max_payload_bytes <= 10 MiB and <= "
                             "daily_bytes")


@dataclass(frozen=True)
class HubSettings:
    limits: Limits = field(default_factory=Limits)
    quotas: Quotas = field(default_factory=Quotas)

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> HubSettings:
        data = json.loads(text)
        return cls(limits=Limits(**data.get("limits", {})),
                   quotas=Quotas(**data.get("quotas", {})))
