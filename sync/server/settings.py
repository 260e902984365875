"""The hub's settings: the limits on guessing and the quotas on what a device may store.
`province-hub serve` takes them as options and hands them to its worker processes as JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from sync.server.throttle import Limits


@dataclass(frozen=True)
class HubSettings:
    limits: Limits = field(default_factory=Limits)

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> HubSettings:
        data = json.loads(text)
        return cls(limits=Limits(**data.get("limits", {})))
