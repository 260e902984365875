"""Pages captured but not saved survive the app ending (a power cut) and are offered back."""

from __future__ import annotations

import dataclasses
import os
import time

from desk_app.scanning.pages import STALE_HELD_SECONDS, HeldBytes, page_from_image
from desk_app.scanning.spool import (
    DOSSIER_SPOOLS,
    FORM_SPOOLS,
    HELD,
    Spool,
    leftovers,
    spool_folder,
)
from tests.scanning.pictures import paper


def three_pages():
    return [page_from_image(paper(mode), 200, kind)
            for mode, kind in (("1", "bw"), ("L", "gray"), ("RGB", "color"))]


def test_pages_written_as_they_arrive_come_back_after_a_restart(tmp_path):
    pages = three_pages()
    spool = Spool(spool_folder(tmp_path, FORM_SPOOLS, "draft/1"))
    for page in pages:
        spool.add(page)
    # A new process: only the folder is left.
    [found] = leftovers(tmp_path, FORM_SPOOLS)
    assert found.spool.key == "draft_1"
    assert found.pages == Spool(found.spool.folder).pages() == pages


def test_the_spool_follows_reorder_rotate_and_delete(tmp_path):
    first, second, third = three_pages()
    spool = Spool(spool_folder(tmp_path, FORM_SPOOLS, "H56-0001"))
    for page in (first, second, third):
        spool.add(page)
    turned = dataclasses.replace(third, rotation=270, sticky_note=True)
    spool.replace([turned, first])
    assert Spool(spool.folder).pages() == [turned, first]
    assert len(list(spool.folder.iterdir())) == 3  # the index and two pages: the deleted one went


def test_a_cut_while_writing_leaves_the_last_complete_list(tmp_path):
    pages = three_pages()
    spool = Spool(spool_folder(tmp_path, FORM_SPOOLS, "draft"))
    spool.add(pages[0])
    # The power went while the next index was being written: only its temp file is there.
    (spool.folder / "index.json.tmp").write_bytes(b'[{"file": "half')
    assert Spool(spool.folder).pages() == [pages[0]]


def test_saved_or_thrown_away_pages_are_not_offered_again(tmp_path):
    spool = Spool(spool_folder(tmp_path, FORM_SPOOLS, "draft"))
    spool.add(three_pages()[0])
    emptied = Spool(spool_folder(tmp_path, FORM_SPOOLS, "emptied"))
    emptied.add(three_pages()[1])
    emptied.replace([])  # every page deleted: nothing left on the disk either
    assert not emptied.folder.exists()
    assert [left.spool.key for left in leftovers(tmp_path, FORM_SPOOLS)] == ["draft"]
    spool.discard()
    assert leftovers(tmp_path, FORM_SPOOLS) == []
    assert leftovers(tmp_path / "never-used", FORM_SPOOLS) == []


def test_each_place_finds_only_its_own_spools(tmp_path):
    Spool(spool_folder(tmp_path, FORM_SPOOLS, "draft-0")).add(three_pages()[0])
    Spool(spool_folder(tmp_path, DOSSIER_SPOOLS, "dossier")).add(three_pages()[1])
    assert [left.spool.key for left in leftovers(tmp_path, FORM_SPOOLS)] == ["draft-0"]
    assert [left.spool.key for left in leftovers(tmp_path, DOSSIER_SPOOLS)] == ["dossier"]


def test_a_spool_says_what_its_pages_are_of_after_a_restart(tmp_path):
    spool = Spool(spool_folder(tmp_path, FORM_SPOOLS, "draft-0"), "Giấy khai sinh (bản sao)")
    first, second, _ = three_pages()
    spool.add(first)
    spool.replace([second])  # the note stays through a change of the pages
    [found] = leftovers(tmp_path, FORM_SPOOLS)
    assert found.document == found.spool.document() == "Giấy khai sinh (bản sao)"
    assert found.pages == [second]
    assert found.changed_at is not None
    assert Spool(spool_folder(tmp_path, FORM_SPOOLS, "other")).document() == ""


def test_held_pages_stay_readable_whatever_the_spool_does_until_no_page_needs_them(tmp_path):
    """The scan panel holds a run's pages in files of their own (Page.held); the receive form
    or the digitise-later dialog holds them after Xong while the spool follows the panel (a
    page deleted, the spool emptied or moved to another stage's)."""
    pages = three_pages()
    held = [page.held() for page in pages]
    assert held == pages and all(isinstance(page.source, HeldBytes) for page in held)
    assert [page.data for page in held] == [page.data for page in pages]
    spool = Spool(spool_folder(tmp_path, FORM_SPOOLS, "draft-0"))
    spool.replace(held)
    assert Spool(spool.folder).pages() == pages
    spool.replace([])  # every page deleted in the panel: the spool is gone...
    assert not spool.folder.exists()
    assert held[0].data == pages[0].data  # ...and the pages the form still holds are not
    file = held[0].source.path
    turned = dataclasses.replace(held[0], rotation=90)  # shares the file
    del held[0]
    assert file.exists() and turned.data == pages[0].data
    del turned
    assert not file.exists()  # no page refers to it any more


def test_pages_held_for_a_data_folder_s_windows_stay_in_it_and_stale_ones_go(tmp_path):
    """Held pages are citizens' papers: kept under the counter's data folder (its access rights,
    nowhere else), not in the system's temp folder where a power cut would leave them for
    ever; there, what an app could not remove is removed once stale."""
    held_root = tmp_path / "scan_spool" / HELD
    left = held_root / "desk-app-pages-left-by-a-power-cut"
    left.mkdir(parents=True)
    (left / "page").write_bytes(b"CCCD")
    week_ago = time.time() - STALE_HELD_SECONDS - 60
    os.utime(left, (week_ago, week_ago))
    recent = held_root / "desk-app-pages-of-another-running-app"
    recent.mkdir()

    spool_folder(tmp_path, FORM_SPOOLS, "draft-0")
    page = three_pages()[0].held()

    assert page.source.path.parent.parent == held_root
    assert not left.exists() and recent.exists()
    assert not leftovers(tmp_path, FORM_SPOOLS)  # held pages are no spool to offer back
