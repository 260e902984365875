"""The receive form's reuse offers from the province (issue 16, "What a clerk can do" 6): with
a valid ID number typed, the lines offer the documents another counter of the commune
digitised for the citizen, after this counter's own; F4 fetches the chosen one and the line
reuses it only once it is kept here; a failed fetch and an unreachable hub are said on the
lines, with a scan offered. Real keys, two real counters, the real hub on loopback."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import update

from desk_app.core.model import Digitisation
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_SETUP
from desk_app.services.province_copies import ProvinceCopies
from desk_app.services.sync import SyncService, SyncState
from desk_app.store import file_queue, files
from desk_app.ui.documents_table import DIGITISED
from desk_app.ui.receive_form import ReceiveDialog
from desk_app.ui.reuse_offers import ProvinceAccess
from desk_app.ui.worker import InlineWorker
from sync.server.tables import file_chunks
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD
from tests.services.factories import digitised, full_draft, pdf_bytes
from tests.ui.sync_hub import running_hub
from tests.ui.test_receive_form import digitisation_cell, fill, w

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
CITIZEN = "025190012345"  # factories.full_draft's applicant


@pytest.fixture
def hub(tmp_path):
    with running_hub(tmp_path) as running:
        yield running


@pytest.fixture
def other_counter(tmp_path, hub):
    """Counter 2 of the commune, which received the citizen's dossier with its first two
    documents scanned and synced it, files and all."""
    services = Services(tmp_path / "quay-2")
    services.first_run(replace(DEMO_SETUP, counter_number=2), ADMIN_USERNAME, ADMIN_NAME,
                       PASSWORD)
    sync = SyncService(services)
    sync.enroll(hub.url, hub.code(), "Quầy 2")
    dossier = services.receive(digitised(services, full_draft(services),
                                         [pdf_bytes(2, "Tờ khai"), pdf_bytes(1, "Chỗ ở")]))
    assert sync.sync_now().state is SyncState.SYNCED
    yield services.dossier(dossier.uuid)
    sync.close()
    services.close()


@pytest.fixture
def province(services, hub):
    """This counter (counter 1) enrolled with the same commune, and its province copies."""
    sync = SyncService(services)
    sync.enroll(hub.url, hub.code(), "Quầy 1")
    copies = ProvinceCopies(services)
    yield ProvinceAccess(copies, InlineWorker())
    copies.close()
    sync.close()


@pytest.fixture
def form(activate, services, worker, province):
    dialog = ReceiveDialog(services, worker, province=province)
    activate(dialog)
    yield dialog
    dialog.done(QDialog.DialogCode.Rejected)
    dialog.deleteLater()


def type_applicant(dialog, keyboard, id_number: str = CITIZEN) -> None:
    fill(dialog, keyboard, "procedure", "1.004222")
    fill(dialog, keyboard, "applicant_name", "Đặng Thị Ánh Tuyết")
    fill(dialog, keyboard, "id_number", id_number)


def to_row(keyboard, dialog, row: int) -> None:
    w(dialog, "documents").setFocus()
    w(dialog, "documents").setCurrentCell(0, 0)
    for _ in range(row):
        keyboard.press(Key.Key_Down)


def test_the_provinces_copy_is_offered_after_this_counters_own_and_reused_once_fetched(
        form, keyboard, services, other_counter, message_boxes):
    # message_boxes: a question or warning would answer itself; none is expected.
    theirs = other_counter.code
    second = other_counter.draft.documents[1]
    # This counter holds the first document itself, from an earlier dossier of its own.
    draft = full_draft(services)
    own = services.receive(digitised(services, draft, [pdf_bytes(1, "Của quầy này")]))

    type_applicant(form, keyboard)

    assert digitisation_cell(form, 0) == f"Chưa số hóa – có bản điện tử ({own.code}): F4"
    assert digitisation_cell(form, 1) == (
        f"Chưa số hóa – có bản điện tử của tỉnh ({theirs}): F4")
    assert files.pages_of(services.db, second.file) is None  # nothing fetched for an offer
    to_row(keyboard, form, 1)
    for _ in range(3):  # past shown only and exempt, to the province's copy
        keyboard.press(Key.Key_F4)

    assert digitisation_cell(form, 1) == f"Tái sử dụng ({theirs})"
    assert files.read(services.data_dir, second.file)  # kept here, its hash checked
    keyboard.press(Key.Key_Space)  # the papers were handed in too
    keyboard.press(Key.Key_Up)
    keyboard.press(Key.Key_Space)
    for name, text in (("birth_date", "15031990"), ("phone", "0912345678"),
                       ("address", "Số 12, thôn Đông, xã Tân Lập"),
                       ("request", "Đăng ký thường trú")):
        fill(form, keyboard, name, text)
    keyboard.press(Key.Key_S, CTRL)
    assert message_boxes.shown == []
    row = next(r for r in services.dossier_rows() if r.uuid != own.uuid)
    [event] = services.history(row.uuid)
    assert event.payload["files"] == [second.file]
    assert event.payload["documents"][1]["reused_from"] == theirs
    assert event.payload["documents"][0]["digitisation"] == ""  # the own offer not taken
    assert file_queue.state_of(services.db, second.file) == file_queue.SENT


def test_an_unreachable_hub_is_said_on_the_lines_with_a_scan_offered(
        form, keyboard, services):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{closed.getsockname()[1]}"
    with services.ctx.lock, services.db.atomic():
        services.db.execute("UPDATE sync_state SET hub_url = ?", [nowhere])

    type_applicant(form, keyboard)

    cells = [digitisation_cell(form, row) for row in range(3)]
    assert cells == ["Chưa số hóa – chưa tra được bản điện tử của tỉnh: F3 để quét"] * 3
    tip = w(form, "documents").item(0, DIGITISED).toolTip()
    assert "từ chối kết nối" in tip
    # Typing goes on; another state chosen by F4 says what it is, as before.
    to_row(keyboard, form, 0)
    keyboard.press(Key.Key_F4)
    assert digitisation_cell(form, 0) == "Chỉ xuất trình"
    # In sight: the column within the table, wrapped, each row as tall as its text.
    table = w(form, "documents")
    QApplication.processEvents()  # the header lays its sections out on the next turn
    assert (table.columnViewportPosition(DIGITISED) + table.columnWidth(DIGITISED)
            <= table.viewport().width())
    assert all(table.rowHeight(row) >= table.sizeHintForRow(row) for row in range(3))


def test_a_copy_whose_bytes_come_back_wrong_is_refused_and_the_line_stays(
        form, keyboard, services, other_counter, hub):
    first = other_counter.draft.documents[0]
    with hub.admin.engine.begin() as connection:
        connection.execute(update(file_chunks).where(file_chunks.c.sha256 == first.file)
                           .values(data=pdf_bytes(2, "Giả mạo")))
    type_applicant(form, keyboard)
    to_row(keyboard, form, 0)

    for _ in range(3):
        keyboard.press(Key.Key_F4)

    assert digitisation_cell(form, 0) == (
        f"Không phải số hóa – không tải được bản của tỉnh ({other_counter.code}): F3 để quét")
    assert "mã băm không khớp" in w(form, "documents").item(0, DIGITISED).toolTip()
    assert w(form, "documents").lines()[0].digitisation is Digitisation.EXEMPT
    assert files.pages_of(services.db, first.file) is None
    assert not files.path_of(services.data_dir, first.file).exists()


def test_another_id_number_withdraws_the_provinces_offer(form, keyboard, other_counter):
    type_applicant(form, keyboard)
    assert "của tỉnh" in digitisation_cell(form, 0)

    fill(form, keyboard, "id_number", "001090012345")

    assert digitisation_cell(form, 0) == "Chưa số hóa"


def test_the_main_windows_receive_form_asks_the_province_once_sync_is_installed(
        qtbot, services, worker, province, other_counter, keyboard):
    from tests.ui.conftest import wait_active
    from tests.ui.sync_hub import install_sync

    controller = install_sync(qtbot, services, worker, province=province)
    try:
        dialog = wait_active(qtbot, controller.window.open_receive())
        type_applicant(dialog, keyboard)
        assert "của tỉnh" in digitisation_cell(dialog, 0)
        dialog.done(QDialog.DialogCode.Rejected)
    finally:
        controller.shutdown()


@pytest.fixture
def held_form(activate, services, worker, held_worker, province):
    """The form with the province asked on a worker whose jobs wait for the test's release."""
    dialog = activate(ReceiveDialog(services, worker, province=ProvinceAccess(
        province.copies, held_worker)))
    yield dialog
    dialog.done(QDialog.DialogCode.Rejected)
    dialog.deleteLater()


def test_a_late_answer_for_an_earlier_id_number_is_ignored_and_a_late_copy_not_kept(
        held_form, held_worker, services, other_counter, keyboard):
    first = other_counter.draft.documents[0]
    type_applicant(held_form, keyboard)
    fill(held_form, keyboard, "id_number", "001090012345")  # before the province answered
    held_worker.release()  # the answer for the citizen's number comes now
    assert digitisation_cell(held_form, 0) == "Chưa số hóa"
    held_worker.release()  # and the one for the number on the form
    assert digitisation_cell(held_form, 0) == "Chưa số hóa"

    fill(held_form, keyboard, "id_number", CITIZEN)
    held_worker.release()
    assert "của tỉnh" in digitisation_cell(held_form, 0)
    to_row(keyboard, held_form, 0)
    for _ in range(3):
        keyboard.press(Key.Key_F4)
    assert "đang tải bản điện tử của tỉnh" in digitisation_cell(held_form, 0)
    assert w(held_form, "documents").lines()[0].digitisation is Digitisation.EXEMPT
    held_form.done(QDialog.DialogCode.Rejected)  # closed while the file is on its way
    held_worker.release()

    # Fetched after the form had gone: not kept with nothing naming it.
    assert files.pages_of(services.db, first.file) is None
    assert not files.path_of(services.data_dir, first.file).exists()


def test_a_scan_made_while_the_copy_is_on_its_way_is_not_replaced_by_it(
        held_form, held_worker, other_counter, keyboard):
    first = other_counter.draft.documents[0]
    type_applicant(held_form, keyboard)
    held_worker.release()
    to_row(keyboard, held_form, 0)
    for _ in range(3):
        keyboard.press(Key.Key_F4)
    held_form.digitise_line(0, lambda: pdf_bytes(1, "Quét lại"), 1)  # the scan panel's Xong

    held_worker.release()  # the copy arrives after the scan

    assert digitisation_cell(held_form, 0) == (
        f"Đã quét 1 trang – có bản điện tử ({other_counter.code}): F4")
    assert w(held_form, "documents").lines()[0].file != first.file
