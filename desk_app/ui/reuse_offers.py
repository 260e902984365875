"""The receive form's reuse offers (docs/domain.md, "Digitisation"): on each document line, the
applicant's file of that document already digitised, here (an earlier dossier of this
counter) or at another counter of the commune (the province's copy). Decree 118/2025: an
electronic copy already held is reused, not asked for again.

This counter's own files are looked up on the database worker; the province is asked on a
worker of its own (`ProvinceAccess`), only when the counter is enrolled and the ID number is
a valid one, never holding up the clerk's typing or saves, and the newest ask wins. This
counter's offer comes first. Offline, the lines say the province's copies could not be looked
up, and a scan is offered instead. A province offer chosen with F4 is fetched on that worker
and kept here before its line reuses it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QObject

from desk_app.core.citizen_id import id_number_error
from desk_app.core.digitisation import Reusable
from desk_app.services.app import Services
from desk_app.services.errors import ServiceError
from desk_app.services.province_copies import ProvinceCopies
from desk_app.ui.documents_table import DocumentsTable
from desk_app.ui.receive_scans import FormScans
from sync.client import HubError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ProvinceAccess:
    """The province's copies and the worker they are asked on (ui.sync_controller makes it
    once sync is installed)."""

    copies: ProvinceCopies
    worker: Any  # ui.worker.Worker


class ReuseOffers(QObject):
    """The offers on one receive form's lines, for the ID number `current_id()` returns."""

    def __init__(self, form: QObject, services: Services, worker, table: DocumentsTable,
                 scans: FormScans, current_id: Callable[[], str],
                 province: ProvinceAccess | None) -> None:
        super().__init__(form)
        self._services, self._worker, self._table = services, worker, table
        self._scans, self._current_id, self._province = scans, current_id, province
        self._for = ""  # the ID number the offers below are for
        self._local: dict[str, Reusable] = {}
        self._from_province: dict[str, Reusable] = {}
        self._province_answered = False  # for `_for`: not asked again
        self._closed = False  # the form is gone: answers arriving later have no lines
        table.fetch_requested.connect(self._fetch)

    def close(self) -> None:
        self._closed = True

    def look_up(self, id_number: str, names: list[str]) -> None:
        """Offer on the lines named `names` the files found for `id_number`."""
        if id_number != self._for:
            self._for = id_number
            self._local, self._from_province = {}, {}
            self._province_answered = False
            self._table.set_province_note("")
        if not id_number or not names:
            self._table.offer_reuse({})
            return
        reusable_files = self._services.reusable_files

        def newest() -> dict[str, Reusable]:
            offers = {name: reusable_files(id_number, name) for name in names}
            return {name: found[0] for name, found in offers.items() if found}

        def show(offers: dict[str, Reusable]) -> None:
            if self._current_id() == id_number:
                self._local = offers
                self._show()

        self._worker.run(newest, show, lambda exc: log.warning("no reuse offers: %s", exc))
        self._ask_province(id_number)

    def _show(self) -> None:
        self._table.offer_reuse({**self._from_province, **self._local})

    def _ask_province(self, id_number: str) -> None:
        if (self._province is None or self._province_answered
                or id_number_error(id_number) is not None):
            return

        def found(offers: dict[str, Reusable] | None) -> None:
            if self._closed or offers is None or self._current_id() != id_number:
                return  # None: not enrolled
            self._province_answered = True
            self._from_province = offers
            self._table.set_province_note("")
            self._show()

        def failed(exc: Exception) -> None:
            if not isinstance(exc, HubError):
                log.error("the province's copies not looked up", exc_info=exc)
            if not self._closed and self._current_id() == id_number:
                self._table.set_province_note(str(exc))

        self._province.worker.run_latest(
            self, partial(self._province.copies.find, id_number), found, failed)

    def _fetch(self, row: int) -> None:
        """F4 chose the province's copy on `row`: fetched and kept here, then the line reuses
        it; a failure is said on the line, which stays as it was."""
        offer, key = self._table.offer(row), self._scans.key

        def kept(copy: Reusable) -> None:
            if self._closed or key != self._scans.key:  # the draft went: the file is nobody's
                self._worker.run(partial(self._services.discard_files, [copy.sha256]))
                return
            self._scans.adopt(copy.sha256)
            self._table.offer_fetched(row, copy)

        def failed(exc: Exception) -> None:
            if not isinstance(exc, HubError | ServiceError):
                log.error("the province's copy not fetched", exc_info=exc)
            if not self._closed:
                self._table.fetch_failed(row, offer.sha256, str(exc))

        self._province.worker.run(partial(self._province.copies.fetch, offer), kept, failed)
