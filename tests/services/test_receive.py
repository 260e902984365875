import sqlite3
import subprocess
import unicodedata
from datetime import datetime

import pytest

from desk_app.core.clock import VN_TZ
from desk_app.core.model import Applicant, DossierDraft
from desk_app.core.states import DossierState
from desk_app.core.validation import MissingChoice
from desk_app.services.app import Services
from desk_app.services.errors import NotSetUp, ValidationFailed
from desk_app.store import events as events_store
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD, log_in_again
from tests.services.factories import full_draft


def test_receive_writes_dossier_event_and_outbox_in_one_go(services):
    dossier = services.receive(full_draft(services))
    assert dossier.code == "000.17.22.H56-261120-1001"
    assert dossier.status is DossierState.RECEIVED
    # Friday 16:55 + 7 working days, skipping the weekend and 24/11 (Ngày Văn hóa Việt Nam).
    assert dossier.due_at == datetime(2026, 12, 2, 16, 55, tzinfo=VN_TZ)
    assert dossier.ledger.book == 2026 and dossier.ledger.number == 1
    assert dossier.applicant.phone == "0912345678"
    stored = services.dossier(dossier.uuid)
    assert stored == dossier
    [event] = services.history(dossier.uuid)
    assert event.kind == "received" and event.device_seq == 1
    assert event.payload["code"] == dossier.code
    assert event.payload["due_at"] == "2026-12-02T16:55:00+07:00"
    assert services.outbox_counts() == {"pending": 1, "sent": 0, "quarantined": 0}


def test_codes_and_ledger_lines_follow_each_other(services):
    codes = [services.receive(full_draft(services)).code for _ in range(3)]
    assert [c[-4:] for c in codes] == ["1001", "1002", "1003"]
    ledger = [services.dossier(r.uuid).ledger.number for r in services.dossier_rows()]
    assert sorted(ledger) == [1, 2, 3]


def test_codes_stay_unique_after_a_crash_and_reopen(tmp_path, clock):
    from desk_app.services.demo import DEMO_SETUP

    first = Services(tmp_path, clock=clock)
    first.first_run(DEMO_SETUP, ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
    code1 = first.receive(full_draft(first)).code
    first.db.conn.close()  # no orderly shutdown
    second = Services(tmp_path, clock=clock)
    log_in_again(second)
    code2 = second.receive(full_draft(second)).code
    second.close()
    assert code1 != code2 and code2.endswith("-1002")


def test_decomposed_input_is_stored_composed(services):
    nfd = unicodedata.normalize("NFD", "  Nguyễn   Thị  Ánh ")
    dossier = services.receive(full_draft(services, name=nfd))
    assert dossier.applicant.name == "Nguyễn Thị Ánh"
    assert unicodedata.is_normalized("NFC", services.dossier(dossier.uuid).applicant.name)
    [row] = services.dossier_rows("nguyen thi anh")
    assert row.uuid == dossier.uuid


def test_errors_block_and_nothing_is_written(services):
    draft = full_draft(services)
    bad = DossierDraft(**{**draft.__dict__, "applicant": Applicant(name="", phone="09123")})
    with pytest.raises(ValidationFailed) as failure:
        services.receive(bad, accept_warnings=True)
    fields = {issue.field for issue in failure.value.errors}
    assert {"applicant.name", "applicant.phone"} <= fields
    assert services.dossier_rows() == []
    assert services.outbox_counts()["pending"] == 0


def test_missing_mandatory_documents_need_the_clerks_confirmation(services):
    draft = full_draft(services, provide_all=False)
    with pytest.raises(ValidationFailed) as failure:
        services.receive(draft)
    assert [w.field for w in failure.value.warnings] == ["documents"]
    assert services.dossier_rows() == []
    # Accepting the warnings is not enough: the clerk says what to do about the gap.
    with pytest.raises(ValidationFailed, match="Chọn yêu cầu bổ sung") as unchosen:
        services.receive(draft, accept_warnings=True)
    assert [e.field for e in unchosen.value.errors] == ["documents"]
    assert services.dossier_rows() == []
    dossier = services.receive(draft, accept_warnings=True, missing=MissingChoice.OVERRIDE)
    [event] = services.history(dossier.uuid)
    assert event.payload["missing_documents"]
    override = event.payload["missing_override"]
    assert override["clerk"] == services.current_account().full_name
    assert override["documents"] == event.payload["missing_documents"]
    text = " ".join(subprocess.run(
        ["pdftotext", str(services.receipt_pdf(dossier.uuid)), "-"],
        capture_output=True, text=True, check=True).stdout.split())
    assert (f"Tiếp nhận khi còn thiếu giấy tờ bắt buộc: {'; '.join(override['documents'])} "
            f"(cán bộ tiếp nhận {override['clerk']} xác nhận).") in text


def test_missing_mandatory_documents_may_be_asked_for_at_once(services):
    draft = full_draft(services, provide_all=False)
    dossier = services.receive(draft, accept_warnings=True, missing=MissingChoice.SUPPLEMENT)
    assert dossier.status is DossierState.SUPPLEMENT
    received, asked = services.history(dossier.uuid)
    assert "missing_override" not in received.payload
    assert asked.kind == "supplement_requested"
    assert asked.payload["missing"] == received.payload["missing_documents"]
    assert services.slip_pdf(dossier.uuid, "supplement").exists()


def test_a_complete_dossier_needs_no_choice(services):
    dossier = services.receive(full_draft(services))
    assert "missing_override" not in services.history(dossier.uuid)[0].payload


def test_a_failure_inside_the_transaction_leaves_no_trace(services, monkeypatch):
    def broken_append(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(events_store, "append", broken_append)
    with pytest.raises(sqlite3.OperationalError):
        services.receive(full_draft(services))
    monkeypatch.undo()
    assert services.dossier_rows() == []
    # The code the failed attempt would have had is issued to the next dossier instead.
    assert services.receive(full_draft(services)).code.endswith("-1001")


def test_receiving_needs_the_counter_set_up(tmp_path, clock):
    bare = Services(tmp_path, clock=clock)
    bare.create_first_admin(ADMIN_USERNAME, ADMIN_NAME, PASSWORD)
    with pytest.raises(NotSetUp):
        bare.receive(full_draft(bare))
    bare.close()


def test_same_day_procedure_after_the_cutoff_is_due_next_working_day(services, clock):
    clock.now = datetime(2026, 11, 20, 15, 30, tzinfo=VN_TZ)  # Friday after 15:00
    dossier = services.receive(full_draft(services, code="2.000884"))
    assert dossier.due_at == datetime(2026, 11, 23, 17, 0, tzinfo=VN_TZ)


def _near_the_thousandth(services, last: int) -> None:
    """As if this counter had already issued `last` codes today (receiving 999 dossiers one by
    one would prove nothing more)."""
    services.db.execute(
        "INSERT INTO code_sequences (agency, day, counter, last) VALUES (?, ?, 1, ?)",
        ["000.17.22.H56", "2026-11-20", last])


def test_the_thousandth_dossier_of_a_day_gets_a_longer_code(services):
    _near_the_thousandth(services, 998)
    codes = [services.receive(full_draft(services), accept_warnings=True).code
             for _ in range(3)]
    assert codes == ["000.17.22.H56-261120-1999", "000.17.22.H56-261120-11000",
                     "000.17.22.H56-261120-11001"]
    assert {row.code for row in services.dossier_rows("11000")} == {codes[1]}
    # The numbers in the database alone: the stored sequence lost, the longer code still counts.
    services.db.execute("DELETE FROM code_sequences")
    (services.data_dir / "ma-ho-so.json").unlink()
    assert services.receive(full_draft(services), accept_warnings=True).code.endswith("-11002")


def test_the_witness_file_keeps_a_four_digit_sequence_across_a_restore(services):
    _near_the_thousandth(services, 999)
    made = services.back_up_now()
    lost = [services.receive(full_draft(services), accept_warnings=True).code
            for _ in range(2)]
    assert lost[-1].endswith("-11001")
    services.restore(made)  # the database forgets both; the witness file does not
    log_in_again(services)
    assert services.receive(full_draft(services), accept_warnings=True).code.endswith("-11002")


def test_a_kept_receipt_with_a_longer_code_is_a_witness_too(services):
    _near_the_thousandth(services, 999)
    made = services.back_up_now()
    later = services.receive(full_draft(services), accept_warnings=True)
    services.receipt_pdf(later.uuid)
    (services.data_dir / "ma-ho-so.json").unlink()
    services.restore(made)
    log_in_again(services)
    assert services.receive(full_draft(services), accept_warnings=True).code.endswith("-11001")
