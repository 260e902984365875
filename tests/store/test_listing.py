"""The dossier list sorted by code: by the codes' numbers, page after page."""

import dataclasses

import pytest

from desk_app.core.lifecycle import OPEN_STATES
from desk_app.core.listing import ListFilter, Sort, SortKey
from desk_app.core.states import DossierState
from desk_app.store import dossiers, listing
from desk_app.store.db import connect
from tests.store.factories import make_dossier

PREFIX = "000.17.22.H56-261124-"
# Counter 1's 998th to 1,001st codes of the day and counter 2's first: as text, -11000 and
# -11001 came before -1998.
IN_ORDER = [PREFIX + tail for tail in ("1998", "1999", "11000", "11001", "2001")]


def _all_pages(db, flt: ListFilter, sort: Sort, limit: int = 2) -> list[str]:
    codes, after = [], None
    while True:
        page = listing.page(db, flt, sort, after, limit)
        codes.extend(row.code for row in page.rows)
        if page.next is None:
            return codes
        after = page.next


@pytest.fixture
def db(tmp_path):
    db = connect(tmp_path / "desk.db")
    with db.atomic():
        for number, code in enumerate([IN_ORDER[i] for i in (3, 0, 4, 2, 1)], start=1):
            dossiers.insert(db, make_dossier(code, ledger_number=number), "device-1")
    yield db
    db.close()


# Every dossier (the list walks the code index) and the open ones (found by state, then sorted).
FILTERS = [ListFilter(), ListFilter(states=OPEN_STATES)]


@pytest.mark.parametrize("flt", FILTERS)
def test_codes_sort_by_their_numbers_across_pages(db, flt):
    assert _all_pages(db, flt, Sort(SortKey.CODE, descending=False)) == IN_ORDER
    assert _all_pages(db, flt, Sort(SortKey.CODE, descending=True)) == IN_ORDER[::-1]


@pytest.mark.parametrize("descending", [False, True])
def test_the_cursor_holds_the_sort_text(db, descending):
    page = listing.page(db, ListFilter(), Sort(SortKey.CODE, descending), None, 2)
    (text,) = db.execute("SELECT code_sort FROM dossiers WHERE code = ?",
                         [page.rows[-1].code]).fetchone()
    assert page.next[0] == text


def test_refusals_without_a_code_and_other_codes_sort_too(db):
    refusal = dataclasses.replace(make_dossier(""), status=DossierState.REFUSED, ledger=None)
    central = make_dossier("000.17.22.H56-261124-AB1234", ledger_number=9)
    with db.atomic():
        dossiers.insert(db, refusal, "device-1")
        dossiers.insert(db, central, "device-1")
    expected = ["", *IN_ORDER, central.code]
    for limit in (1, 2, 3):
        assert _all_pages(db, ListFilter(), Sort(SortKey.CODE, False), limit) == expected
        assert _all_pages(db, ListFilter(), Sort(SortKey.CODE, True), limit) == expected[::-1]


def test_the_code_sort_walks_its_index(db):
    plan = " ".join(row[-1] for row in db.execute(
        "EXPLAIN QUERY PLAN SELECT rowid FROM dossiers "
        "ORDER BY code_sort DESC, rowid DESC LIMIT 50"))
    assert "dossiers_code_sort" in plan and "TEMP B-TREE" not in plan


@pytest.mark.parametrize("flt", FILTERS)
def test_dossiers_without_a_due_time_are_paged_past_too(db, flt):
    """Refused at the counter, a dossier has no due time; paging by due time must neither stop
    at it nor lose it (a row comparison with NULL is never true)."""
    refusals = [dataclasses.replace(make_dossier(""), status=DossierState.RECEIVED,
                                    ledger=None, due_at=None, original_due_at=None)
                for _ in range(2)]
    with db.atomic():
        for refusal in refusals:
            dossiers.insert(db, refusal, "device-1")
    everything = len(IN_ORDER) + 2 if flt.states is None else None
    for limit in (1, 2, 3):
        for descending in (False, True):
            uuids, after = [], None
            while True:
                page = listing.page(db, flt, Sort(SortKey.DUE, descending), after, limit)
                uuids.extend(row.uuid for row in page.rows)
                if page.next is None:
                    break
                after = page.next
            assert len(uuids) == len(set(uuids))
            if everything is not None:
                assert len(uuids) == everything
            no_due = {r.uuid for r in refusals}
            ends = uuids[:2] if not descending else uuids[-2:]
            assert set(ends) == no_due


def test_the_clerks_to_filter_by_are_each_name_once_in_order(tmp_path):
    db = connect(tmp_path / "desk.db")
    assert dossiers.clerks(db) == []
    for number, clerk in enumerate(
            ["Trần Văn Bình", "Nguyễn Thị Hoa", "Trần Văn Bình", "Lê Thị Thu Hằng",
             "Nguyễn Thị Hoa", "Đỗ Văn An"], start=1):
        dossier = make_dossier(f"{PREFIX}{1000 + number}", ledger_number=number)
        with db.atomic():
            dossiers.insert(db, dataclasses.replace(dossier, clerk=clerk), "device-1")
    assert dossiers.clerks(db) == ["Lê Thị Thu Hằng", "Nguyễn Thị Hoa", "Trần Văn Bình",
                                   "Đỗ Văn An"]
    db.close()


def test_the_clerks_are_read_by_seeks_not_by_a_walk_over_every_dossier(tmp_path):
    db = connect(tmp_path / "desk.db")
    with db.atomic():
        dossiers.insert(db, make_dossier(f"{PREFIX}1001"), "device-1")
    columns = [r[1] for r in db.execute("PRAGMA table_info(dossiers)")]
    copied = {"uuid": "'u-' || n", "code": f"'{PREFIX}' || (2000 + n)", "code_sort": "n",
              "ledger_number": "n + 1", "clerk": "CASE n % 2 WHEN 0 THEN 'An' ELSE 'Bình' END"}
    with db.atomic():
        db.execute(
            "WITH RECURSIVE n(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM n WHERE n < 3000) "
            f"INSERT INTO dossiers ({', '.join(columns)}) "
            f"SELECT {', '.join(copied.get(c, c) for c in columns)} "
            "FROM n, (SELECT * FROM dossiers LIMIT 1)")
    thousands = []

    def count() -> int:
        thousands.append(1)
        return 0  # go on

    # SQLite's own count of the work done (virtual machine steps, in thousands): a walk over
    # the clerk index costs steps for each of the 3,001 dossiers, a seek per clerk a few.
    db.conn.set_progress_handler(count, 1000)
    assert dossiers.clerks(db) == ["An", "Bình", "Nguyễn Thị Hoa"]
    db.conn.set_progress_handler(None, 0)
    assert len(thousands) < 3
    db.close()
