"""Every window of the app fits a 1024×768 screen (issue 14, defect 4): the main window, each
dialog its actions open, the dialogs those open, and the ones of the start-up; at 1024 pixels
the main window keeps every toolbar action, the lock button and the list's state and
timeliness in reach."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMenu,
    QPushButton,
    QToolBar,
    QToolButton,
    QWidget,
)

from desk_app.core.digitisation import Stage
from desk_app.core.states import DossierState
from desk_app.services.demo import DEMO_SETUP
from desk_app.ui.actions import ALL_ACTIONS, Owner
from desk_app.ui.dossier_table_model import Column
from desk_app.ui.labels import state_label
from desk_app.ui.login_dialog import LoginDialog
from desk_app.ui.main_window import MainWindow
from desk_app.ui.setup_dialog import FirstAdminDialog, SetupDialog
from desk_app.ui.sync_controller import SyncController
from desk_app.ui.widgets import FRAME
from desk_app.ui.worker import InlineWorker
from tests.services.factories import pdf_bytes

pytestmark = pytest.mark.usefixtures("message_boxes")

# A 1024×768 screen less a taskbar, and less a window's title bar and frame.
TASKBAR = 48
SCREEN = QSize(1024, 768 - TASKBAR) - FRAME

# What opens no window of its own: the window itself (lists, board, refresh, find, quit),
# a language (a message box), the lock and the clerk switch (pages of the main window,
# checked below), the journal check (a message box) and sync now (the status bar).
OPEN_NOTHING = {
    "refresh_action", "find_action", "quit_action", "list_action", "board_action",
    "lock_action", "switch_clerk_action", "verify_action", "sync_now_action",
    "language_vi", "language_en",
}


def too_big(widget: QWidget) -> str | None:
    """What of `widget` does not fit the screen: its smallest size or the size it opened at."""
    smallest = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    for what, size in (("smallest size", smallest), ("size", widget.size())):
        if size.width() > SCREEN.width() or size.height() > SCREEN.height():
            return f"{widget.objectName() or type(widget).__name__}: {what} {size.width()}×" \
                   f"{size.height()}"
    return None


def new_windows(seen: dict[int, QWidget]) -> list[QWidget]:
    """Top-level windows shown since `seen` was taken (menus and tooltips aside). `seen` keeps
    the wrappers alive, so that no new window gets the id of one gone."""
    shown = [w for w in QApplication.topLevelWidgets()
             if w.isVisible() and id(w) not in seen and not isinstance(w, QMenu)
             and w.windowType() != Qt.WindowType.ToolTip]
    seen.update((id(w), w) for w in shown)
    return shown


@pytest.fixture(autouse=True)
def small_screen(monkeypatch):
    """The screen the windows open on is 1024×768 with a taskbar (offscreen Qt has 800×800)."""
    monkeypatch.setattr(QScreen, "availableGeometry",
                        lambda _screen: QRect(0, 0, 1024, 768 - TASKBAR))


@pytest.fixture
def window(qtbot, services, worker, activate):
    from desk_app.services.demo import seed

    seed(services)
    main = MainWindow(services, worker)
    qtbot.addWidget(main)
    controller = SyncController.install(main, services, net_worker=InlineWorker())
    yield activate(main)
    controller.shutdown()


def test_every_window_fits_a_1024_by_768_screen(qtbot, window, services, worker):
    problems = []
    checked: list[str] = []

    def check(widgets: list[QWidget], opened_by: str) -> None:
        for widget in widgets:
            checked.append(widget.objectName() or type(widget).__name__)
            if (problem := too_big(widget)) is not None:
                problems.append(f"{opened_by} → {problem}")

    def close(widgets: list[QWidget]) -> None:
        for widget in reversed(widgets):
            if isinstance(widget, QDialog):
                widget.done(QDialog.DialogCode.Rejected)
            else:
                widget.close()

    seen = {id(w): w for w in QApplication.topLevelWidgets() if w.isVisible()}
    # The dossier the dossier actions act on: handed over, so that its last action can be
    # corrected too (the other actions open whatever its state allows: only sizes count here).
    first = window.dossier_list.model.dossier_row(0).uuid
    services.hand_over([first], "Công an xã", "Phạm Minh Đức")
    # A document digitised into it, for the detail's pages and their full view.
    services.digitise_document(first, "Giấy xác nhận thông tin về cư trú", Stage.SUPPLEMENT,
                               services.keep_pdf(pdf_bytes(2, "Xác nhận cư trú")))
    window.refresh()
    window.resize(SCREEN)
    check([window], "start")
    for spec in ALL_ACTIONS:
        if spec.name in OPEN_NOTHING:
            continue
        window.dossier_list.select_uuid(first)
        if spec.owner is Owner.DOSSIER:
            getattr(window.dossier_actions, spec.handler)()
        else:
            window.findChild(type(window.receive_action), spec.name).trigger()
        opened = new_windows(seen)
        assert opened, f"{spec.name} opened no window"
        check(opened, spec.name)
        if spec.name == "accounts_action":
            # Its own dialogs: a new account, an edit, a password reset.
            accounts = opened[0]
            for button in ("add_button", "edit_button", "reset_button"):
                accounts.findChild(QPushButton, button).click()
                sub = new_windows(seen)
                check(sub, button)
                close(sub)
        if spec.name == "detail_action":
            # Its digitised pages, opened, and a page in the full view.
            scans = opened[0].scans
            scans.open_selected()
            assert scans.thumbnails.count() == 2
            check(opened, "scan thumbnails")
            scans.full_view(1)
            sub = new_windows(seen)
            check(sub, "full_view_button")
            close(sub)
        close(opened)

    # Before the main window: the first run, the first admin, the login.
    for dialog in (SetupDialog(services, worker, None),
                   FirstAdminDialog(services, worker, "Nguyễn Thị Hoa"),
                   LoginDialog(services, worker, DEMO_SETUP)):
        dialog.show()
        check(new_windows(seen), type(dialog).__name__)
        close([dialog])

    # The main window locked shows the lock page in it: still no wider than the screen.
    window.findChild(type(window.receive_action), "lock_action").trigger()
    check([window], "locked")

    assert len(checked) > 30, checked
    assert not problems, "\n".join(problems)


def toolbar_reaches(toolbar: QToolBar) -> tuple[list[str], list[str]]:
    """The toolbar's actions shown as buttons, and those reached by its overflow button."""
    shown, overflow = [], []
    for action in toolbar.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        button = toolbar.widgetForAction(action)
        (shown if button is not None and button.isVisible() else overflow).append(
            action.objectName())
    return shown, overflow


def test_at_1024_pixels_every_toolbar_action_and_the_lock_stay_in_reach(qtbot, window):
    # A long reason from the hub ends in "…" (whole in its tooltip), not past the screen.
    reason = "Đồng bộ lỗi: " + "máy chủ tỉnh từ chối yêu cầu, " * 6
    window.sync_status.setText(reason)
    assert window.sync_status.toolTip() == reason
    window.resize(SCREEN)
    qtbot.waitUntil(lambda: window.size() == SCREEN)
    toolbar = window.findChild(QToolBar, "main_toolbar")
    shown, overflow = toolbar_reaches(toolbar)
    assert "receive_action" in shown
    if overflow:
        # Qt's overflow button (») at the toolbar's end opens the hidden ones.
        extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert extension is not None and extension.isVisible()
        extension.click()
        qtbot.waitUntil(lambda: not toolbar_reaches(toolbar)[1])
    assert len(toolbar_reaches(toolbar)[0]) == len(shown) + len(overflow)

    assert window.minimumSizeHint().width() <= SCREEN.width()
    clerk = window.clerk_label
    assert clerk.width() >= clerk.fontMetrics().horizontalAdvance(clerk.text())  # not cut
    for name in ("lock_button", "switch_clerk_button"):
        button = window.statusBar().findChild(QToolButton, name)
        assert button.isVisible()
        right = button.mapTo(window, button.rect().topRight()).x()
        assert right <= window.width(), name


def test_at_1024_pixels_the_list_keeps_state_and_timeliness_and_hides_by_priority(
        qtbot, window):
    table = window.dossier_list.table
    window.resize(SCREEN)
    qtbot.waitUntil(lambda: window.size() == SCREEN)
    header = table.horizontalHeader()
    for column in (Column.CODE, Column.APPLICANT, Column.STATE, Column.TIMELINESS):
        assert not table.isColumnHidden(column)
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right <= table.viewport().width(), column.name
    assert table.isColumnHidden(Column.RECEIVED)  # the first to go

    # The header's right-click menu brings a hidden column back, and the clerk's choice stays.
    received = window.dossier_list.column_actions[Column.RECEIVED]
    assert received in header.actions() and not received.isChecked()
    received.trigger()
    assert not table.isColumnHidden(Column.RECEIVED)
    window.resize(1366 - FRAME.width(), SCREEN.height())
    qtbot.waitUntil(lambda: window.width() == 1366 - FRAME.width())
    assert all(not table.isColumnHidden(c) for c in Column)  # a wide screen shows them all


def test_the_state_column_shows_the_longest_state_whole(window):
    """Issue 14, item 11: "Yêu cầu thực hiện nghĩa vụ tài chính" was cut off in the list."""
    table = window.dossier_list.table
    cell_margins = 12
    for state in DossierState:
        needed = table.fontMetrics().horizontalAdvance(state_label(state)) + cell_margins
        assert needed <= table.columnWidth(Column.STATE), state_label(state)
