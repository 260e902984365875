"""Today's board: its counts are the services' counts, and each opens its dossiers in the list."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from desk_app.core.reports import BoardKey
from desk_app.core.states import DossierState
from desk_app.ui.return_dialog import ReturnDialog
from tests.ui.conftest import NOW

pytestmark = pytest.mark.usefixtures("message_boxes")

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def busy_day(services, counter_window, clock):
    """Some dossiers handed over, one result ready, one waiting for a supplement, and the
    clock at mid-morning, so that every tile has something."""
    rows = services.dossier_rows()
    services.hand_over([r.uuid for r in rows[:4]], "Công an xã", "Phạm Minh Đức")
    services.record_result_ready(rows[0].uuid, "Công an xã", "Phạm Minh Đức")
    services.request_supplement(rows[5].uuid, ["Bản sao giấy khai sinh"], "Thiếu bản sao", "")
    clock.now = NOW + timedelta(hours=1)
    counter_window.refresh()
    return counter_window


def listed(window) -> set[str]:
    model = window.dossier_list.model
    return {model.dossier_row(r).uuid for r in range(model.rowCount())}


def test_the_tiles_show_the_services_counts(qtbot, busy_day, services):
    qtbot.keyClick(busy_day, Qt.Key.Key_2, CTRL)
    assert busy_day.tabs.currentWidget() is busy_day.board
    board = services.board()
    shown = {key: tile.count for key, tile in busy_day.board.tiles.items()}
    assert shown == {key: board.count(key) for key in BoardKey}
    assert shown[BoardKey.READY_TO_RETURN] == 1
    assert shown[BoardKey.WAITING_SUPPLEMENT] == 1
    assert shown[BoardKey.OVERDUE] > 0


def test_overdue_stands_out_in_red(busy_day):
    busy_day.show_board()
    overdue = busy_day.board.tiles[BoardKey.OVERDUE]
    assert "#c62828" in overdue.styleSheet()
    assert "#c62828" not in busy_day.board.tiles[BoardKey.READY_TO_RETURN].styleSheet()


def test_clicking_a_tile_lists_its_dossiers_and_esc_lists_all_again(
        qtbot, busy_day, services):
    busy_day.show_board()
    qtbot.mouseClick(busy_day.board.tiles[BoardKey.OVERDUE], Qt.MouseButton.LeftButton)
    assert busy_day.tabs.currentWidget() is busy_day.dossier_list
    overdue = {r.uuid for r in services.board().category(BoardKey.OVERDUE).rows}
    assert listed(busy_day) == overdue
    assert busy_day.dossier_list.group_label.text() == "Đang xem: Quá hạn"
    assert busy_day.dossier_list.table.hasFocus()

    qtbot.keyClick(busy_day.dossier_list.table, Qt.Key.Key_Escape)
    assert busy_day.dossier_list.group() is None
    assert busy_day.dossier_list.proxy.rowCount() == 36


def test_enter_on_a_focused_tile_opens_it(qtbot, busy_day, services):
    qtbot.keyClick(busy_day, Qt.Key.Key_2, CTRL)
    tile = busy_day.board.tiles[BoardKey.READY_TO_RETURN]
    tile.setFocus()
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    [ready] = services.board().category(BoardKey.READY_TO_RETURN).rows
    assert listed(busy_day) == {ready.uuid}
    # The only dossier listed is the current one: ready to be returned with Ctrl+T.
    assert busy_day.dossier_actions["return_action"].isEnabled()


def test_a_count_by_procedure_opens_those_dossiers(busy_day, services):
    busy_day.show_board()
    table = busy_day.board.by_procedure
    column = 1 + list(BoardKey).index(BoardKey.OVERDUE)
    row = next(r for r in range(table.rowCount()) if table.item(r, column).text())
    name = table.item(row, 0).text()
    table.cellActivated.emit(row, column)
    group = next(g for g in services.board().by_procedure if g.name == name)
    assert listed(busy_day) == {r.uuid for r in group.category(BoardKey.OVERDUE).rows}
    assert busy_day.dossier_list.group_label.text() == f"Đang xem: Quá hạn – {name}"


def test_the_filter_narrows_a_group(qtbot, busy_day, services):
    busy_day.board.open_tile(BoardKey.OVERDUE)
    one = services.board().category(BoardKey.OVERDUE).rows[0]
    busy_day.dossier_list.filter_text.setText(one.code)
    qtbot.waitUntil(lambda: listed(busy_day) == {one.uuid})


def test_an_action_updates_the_board(busy_day, services):
    busy_day.board.open_tile(BoardKey.READY_TO_RETURN)
    [ready] = busy_day.dossier_list.selected_rows()
    busy_day.dossier_actions.return_result()
    next(d for d in busy_day.findChildren(ReturnDialog) if d.isVisible()).submit()
    assert services.dossier(ready.uuid).status is DossierState.RETURNED
    assert busy_day.board.tiles[BoardKey.READY_TO_RETURN].count == 0
    assert listed(busy_day) == set()  # the group is reloaded: nothing left to return


def test_ctrl_1_and_ctrl_2_switch_between_the_list_and_the_board(qtbot, counter_window):
    qtbot.keyClick(counter_window, Qt.Key.Key_2, CTRL)
    assert counter_window.tabs.currentWidget() is counter_window.board
    assert counter_window.board.tiles[BoardKey.RECEIVED_TODAY].hasFocus()
    # Nothing on the board is selected, so no dossier action applies there.
    assert not any(a.isEnabled() for a in counter_window.dossier_actions.actions.values())
    qtbot.keyClick(counter_window, Qt.Key.Key_1, CTRL)
    assert counter_window.tabs.currentWidget() is counter_window.dossier_list
    assert counter_window.dossier_list.table.hasFocus()


def test_report_and_settings_actions_have_shortcuts(counter_window):
    for action in (counter_window.list_action, counter_window.board_action,
                   counter_window.ledger_action, counter_window.end_of_day_action,
                   counter_window.units_action):
        assert not action.shortcut().isEmpty(), action.objectName()


def test_a_listed_dossier_shows_its_extended_due_time_beside_the_first(qtbot, busy_day, services):
    from desk_app.ui.dossier_table_model import Column

    row = services.board().category(BoardKey.OVERDUE).rows[0]
    services.apologise(row.uuid, "Chờ xác minh", extra_working_days=30)
    busy_day.refresh()
    qtbot.keyClick(busy_day, Qt.Key.Key_2, CTRL)
    # No longer overdue; the list of every dossier (Esc from a tile) shows it.
    assert row.uuid not in {r.uuid for r in services.board().category(BoardKey.OVERDUE).rows}
    busy_day.board.open_tile(BoardKey.OVERDUE)
    qtbot.keyClick(busy_day.dossier_list.table, Qt.Key.Key_Escape)
    model = busy_day.dossier_list.model
    [index] = [r for r in range(model.rowCount()) if model.dossier_row(r).uuid == row.uuid]
    moved = services.dossier(row.uuid)
    text = model.data(model.index(index, Column.DUE))
    assert text == (f"{moved.due_at:%d/%m/%Y %H:%M} (gia hạn; hẹn đầu "
                    f"{moved.original_due_at:%d/%m/%Y %H:%M})")


def test_the_board_says_how_today_s_documents_were_digitised(qtbot, busy_day, services):
    from dataclasses import replace

    from desk_app.core.model import Digitisation
    from tests.services.factories import full_draft, pdf_bytes

    draft = full_draft(services)
    first, second, *rest = draft.documents
    services.receive(replace(draft, documents=(
        replace(first, digitisation=Digitisation.SCANNED, file=services.keep_pdf(pdf_bytes(2)),
                pages=2),
        replace(second, digitisation=Digitisation.SHOWN), *rest)))
    qtbot.keyClick(busy_day, Qt.Key.Key_2, CTRL)
    d = services.board_summary().digitisation
    assert (d.scanned, d.shown) == (1, 1)
    assert busy_day.board.digitisation.text() == (
        f"Số hóa giấy tờ của hồ sơ tiếp nhận hôm nay: quét 1, tái sử dụng 0, chỉ xuất trình 1, "
        f"không phải số hóa 0, chưa số hóa {d.pending}; {d.incomplete} hồ sơ chưa số hóa đủ.")
