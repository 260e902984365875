"""The lazy list over a generated ten-thousands database: quick first page, more on scroll."""

import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from desk_app.core.listing import ListFilter, Sort, SortKey
from desk_app.core.states import DossierState
from desk_app.core.text import fold
from desk_app.services.app import DB_FILE, Services
from desk_app.services.demo import log_in_to_demo
from desk_app.ui.lazy_dossier_model import PAGE_SIZE, SEARCH_PAGE_SIZE, LazyDossierModel
from tests.ui.conftest import NOW

DOSSIERS = 20_000
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    # In a process of its own: its worker processes have nothing to inherit from this one.
    folder = tmp_path_factory.mktemp("generated")
    subprocess.run(
        [sys.executable, str(REPO / "bench" / "generate.py"), "--dossiers", str(DOSSIERS),
         "--years", "2", "--now", NOW.isoformat(), "--db", str(folder / DB_FILE)],
        check=True, cwd=REPO, capture_output=True)
    return folder


@pytest.fixture
def big_services(generated, tmp_path):
    shutil.copy(generated / DB_FILE, tmp_path / DB_FILE)
    services = Services(tmp_path, clock=lambda: NOW)
    log_in_to_demo(services)
    yield services
    services.close()


@pytest.fixture
def view(qtbot, big_services, worker):
    table = QTableView()
    # Owned by the view, so it goes with it at the end of the test, not at some later
    # garbage collection in the middle of another test's event loop.
    model = LazyDossierModel(big_services, worker, table)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.resize(900, 400)
    qtbot.addWidget(table)
    table.show()
    return table, model


def test_the_first_page_appears_newest_first_and_scrolling_fetches_more(view, qtbot):
    table, model = view
    table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # received
    assert model.rowCount() == PAGE_SIZE
    received = [model.dossier_row(r).received_at for r in range(model.rowCount())]
    assert received == sorted(received, reverse=True) and received[0] < NOW
    table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > PAGE_SIZE)
    assert len({model.dossier_row(r).uuid for r in range(model.rowCount())}) == model.rowCount()
    received = [model.dossier_row(r).received_at for r in range(model.rowCount())]
    assert received == sorted(received, reverse=True)


def test_sorting_by_an_indexed_column_starts_over_in_that_order(view):
    table, model = view
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # code
    codes = [model.dossier_row(r).code for r in range(model.rowCount())]
    assert len(codes) == PAGE_SIZE and codes == sorted(codes)
    model.fetchMore()
    codes = [model.dossier_row(r).code for r in range(model.rowCount())]
    assert len(codes) == 2 * PAGE_SIZE and codes == sorted(codes)


def test_every_page_continues_where_the_last_ended(big_services):
    flt, sort = ListFilter(procedure_code="1.004194"), Sort(SortKey.DUE, descending=False)
    seen, after = [], None
    for _ in range(4):
        page = big_services.dossier_page(flt, sort, after, 50)
        seen += page.rows
        after = page.next
    assert len({r.uuid for r in seen}) == 200
    assert all(r.procedure_code == "1.004194" for r in seen)
    assert [r.due_at for r in seen] == sorted(r.due_at for r in seen)


def test_filters_by_state_date_clerk_and_overdue(big_services):
    def rows(**conditions):
        return big_services.dossier_page(ListFilter(**conditions), Sort(), None, 500).rows

    week_ago = NOW - timedelta(days=7)
    recent = rows(received_from=week_ago)
    assert recent and all(r.received_at >= week_ago for r in recent)
    returned = rows(states=frozenset({DossierState.RETURNED}))
    assert returned and {r.status for r in returned} == {DossierState.RETURNED}
    clerk = big_services.clerks()[-1]
    assert {r.clerk for r in rows(clerk=clerk)} == {clerk}
    by_code = big_services.dossier_page(
        ListFilter(states=frozenset({DossierState.RETURNED, DossierState.REFUSED})),
        Sort(SortKey.CODE), None, 300).rows
    assert {r.status for r in by_code} == {DossierState.RETURNED, DossierState.REFUSED}
    assert [r.code for r in by_code] == sorted((r.code for r in by_code), reverse=True)
    overdue = rows(overdue_at=NOW)
    assert all(r.due_at < NOW and r.status in {DossierState.RECEIVED, DossierState.PROCESSING}
               for r in overdue)


def test_typing_searches_the_same_model(view):
    _table, model = view
    model.set_query(ListFilter(text="nguyen thi"))
    assert model.rowCount() == SEARCH_PAGE_SIZE
    for row in range(model.rowCount()):
        words = fold(model.dossier_row(row).applicant_name).split()
        assert any(w.startswith("nguyen") for w in words)
        assert any(w.startswith("thi") for w in words)
