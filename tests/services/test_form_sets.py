"""A province publishes the next set of forms through the hub; the counter prints the slips of
events from its first day on it, and the older ones as they were."""

from __future__ import annotations

from desk_app.services import form_sets, province_events
from desk_app.store import sync_state
from tests.printing.pdf_checks import page_texts
from tests.services.factories import full_draft

CODE = "1.004222"


def form_set(name="2026", effective_from="2026-11-20", citation="Thông tư số 09/2026/TT-VPCP"):
    return {
        "name": name,
        "effective_from": effective_from,
        "regulation": f"Ban hành kèm theo {citation}",
        "sources": [citation],
        "forms": {"receipt": {"number": "Mẫu số 1A", "title": "GIẤY BIÊN NHẬN HỒ SƠ"}},
    }


def pull(services, *sets):
    with services.ctx.lock:
        province_events.apply_page(
            services.ctx,
            [{"seq": n, "type": "form_set", "data": data} for n, data in enumerate(sets, 1)],
            len(sets),
        )


def receipt_text(services):
    dossier = services.receive(full_draft(services, CODE))
    return " ".join(page_texts(services.receipt_pdf(dossier.uuid)))


def test_a_set_published_for_today_prints_todays_receipt(services):
    assert "Thông tư số 03/2025/TT-VPCP" in receipt_text(services)
    pull(services, form_set())
    text = receipt_text(services)
    assert "Mẫu số 1A (Ban hành kèm theo Thông tư số 09/2026/TT-VPCP)" in text
    assert "GIẤY BIÊN NHẬN HỒ SƠ" in text
    assert sync_state.problems(services.db) == []


def test_a_future_set_waits_for_its_day(services):
    pull(services, form_set(effective_from="2026-12-01"))
    assert "Thông tư số 03/2025/TT-VPCP" in receipt_text(services)
    with services.ctx.reading():
        sets = form_sets.form_sets(services.ctx)
    assert [s.name for s in sets.sets] == ["2018", "2025", "2026"]


def test_a_set_published_again_under_its_name_replaces_the_first(services):
    pull(services, form_set(effective_from="2026-12-01"), form_set(citation="TT sửa"))
    assert "Ban hành kèm theo TT sửa" in receipt_text(services)


def test_a_set_that_does_not_read_is_a_sync_problem_and_changes_nothing(services):
    undated = {**form_set(), "effective_from": None}
    same_day_as_2025 = form_set(name="other", effective_from="2025-09-15")
    pull(services, undated, same_day_as_2025)
    assert len(sync_state.problems(services.db)) == 2
    assert "Thông tư số 03/2025/TT-VPCP" in receipt_text(services)
