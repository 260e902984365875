"""Reuse across counters (docs/domain.md, "Digitisation"): the documents the province holds
for the citizen whose ID number the clerk typed, digitised by another counter of the commune,
offered on the receive form's lines beside this counter's own, and fetched when the clerk
chooses one.

Meant to run on a worker of its own, never the GUI thread and never the database worker (a
slow line must not delay a save), nor the sync's network worker (a lookup must not wait
behind a round of uploads). The hub is asked with short timeouts: the clerk is waiting at the
counter with the citizen, and a scan is always there instead. Each database access takes the
services' lock for one transaction, never across a network call.
"""

from __future__ import annotations

from desk_app.core.accounts import Permission
from desk_app.core.citizen_id import id_number_error, normalise_id_number
from desk_app.core.digitisation import Reusable
from desk_app.core.text import nfc
from desk_app.services.app import Services
from desk_app.services.sync import EnrolledHub
from desk_app.store import sync_state
from sync.client import HubClient

# The clerk is waiting: an unreachable hub is told within seconds, and a scan offered instead.
LOOKUP_CONNECT_TIMEOUT = 3.0
LOOKUP_READ_TIMEOUT = 5.0
# A file of 20 MiB on a slow rural line takes longer than a lookup.
FETCH_READ_TIMEOUT = 60.0


class ProvinceCopies:
    """The province's copies of a citizen's documents, for the receive form (permission to
    receive). Raises sync.client.HubError when the hub cannot be asked (its `offline` says
    whether it was unreachable)."""

    def __init__(self, services: Services, *,
                 connect_timeout: float = LOOKUP_CONNECT_TIMEOUT,
                 read_timeout: float = LOOKUP_READ_TIMEOUT,
                 fetch_timeout: float = FETCH_READ_TIMEOUT) -> None:
        self.ctx = services.ctx
        self._keep = services.keep_fetched

        def hub(read: float) -> EnrolledHub:
            return EnrolledHub(self.ctx, lambda url, token, ca: HubClient(
                url, token, ca_bundle=ca, connect_timeout=connect_timeout, read_timeout=read))

        # Two clients for two timeouts: a lookup gives up within seconds, while a large file
        # on a slow line may take a minute.
        self._lookup_hub, self._fetch_hub = hub(read_timeout), hub(fetch_timeout)

    def enrolled(self) -> bool:
        with self.ctx.lock:
            return sync_state.token(self.ctx.db) is not None

    def find(self, id_number: str) -> dict[str, Reusable] | None:
        """The newest document of each name the province holds for this citizen, by name;
        None when the counter is not enrolled (nobody to ask), {} for a number that is not a
        valid ID number (not asked)."""
        with self.ctx.lock:
            self.ctx.require(Permission.RECEIVE)
        number = normalise_id_number(id_number)
        if id_number_error(number) is not None:
            return {}
        if not self.enrolled():
            return None
        offers: dict[str, Reusable] = {}
        for held in self._lookup_hub.client().find_documents(number):
            # Newest first: the first of each name is the one offered.
            offers.setdefault(nfc(held.document), Reusable(
                sha256=held.sha256, pages=held.pages, document=nfc(held.document),
                dossier_code=held.dossier_code, received_at=held.digitised_at,
                from_province=True))
        return offers

    def fetch(self, offer: Reusable) -> Reusable:
        """Fetch the offered file and keep it here as a scan is kept (services.keep_fetched:
        its hash checked, read-only, never sent back up); the offer as a file kept here.
        HubError when it cannot be fetched or its bytes are not its hash's; ServiceError or
        ValidationFailed when what came is not the file or not a readable PDF."""
        with self.ctx.lock:
            self.ctx.require(Permission.RECEIVE)
        data = self._fetch_hub.client().fetch_file(offer.sha256)
        pages = self._keep(offer.sha256, data)
        return Reusable(offer.sha256, pages, offer.document, offer.dossier_code,
                        offer.received_at)

    def close(self) -> None:
        self._lookup_hub.close()
        self._fetch_hub.close()
