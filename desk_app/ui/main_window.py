"""The counter's main window: the dossier list and today's board, the menus and the toolbar
with every action of the day, and the status bar."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from desk_app.core.changes import Changes
from desk_app.core.counter import CounterSetup
from desk_app.core.model import Dossier
from desk_app.core.states import DossierState
from desk_app.core.sync_records import FilesWaiting
from desk_app.core.text import megabytes
from desk_app.ui.actions import (
    ALL_ACTIONS,
    WINDOW_ACTIONS,
    build_actions,
    fill_context_menu,
    fill_menu,
)
from desk_app.ui.change_bus import ChangeBus
from desk_app.ui.dossier_actions import DossierActions
from desk_app.ui.dossier_list import DossierListWidget, Group
from desk_app.ui.i18n import LANGUAGES
from desk_app.ui.labels import state_label
from desk_app.ui.messages import show_error
from desk_app.ui.session import CounterSession
from desk_app.ui.today_board import TodayBoard
from desk_app.ui.widgets import ElidedLabel, open_size

STATUS_MESSAGE_MS = 5000

if TYPE_CHECKING:
    from desk_app.ui.dossier_detail import DossierDetailDialog
    from desk_app.ui.receive_form import ReceiveDialog
    from desk_app.ui.reuse_offers import ProvinceAccess


class MainWindow(QMainWindow):
    # The settings as saved in the settings dialog, for the parts that run on their own
    # (the backup timer, the end-of-day sync).
    settings_saved = Signal(object)

    def __init__(self, services, worker, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="main_window")
        self.services = services
        self.worker = worker

        self.dossier_list = DossierListWidget(services, worker, self)
        self.dossier_list.open_requested.connect(self.open_detail)
        self.dossier_list.loaded.connect(self.refresh_outbox)
        self.board = TodayBoard(services, worker, self)
        self.board.group_chosen.connect(self.show_group)
        self.tabs = QTabWidget(objectName="main_tabs")
        self.tabs.addTab(self.dossier_list, self.tr("Danh sách hồ sơ (Ctrl+1)"))
        self.tabs.addTab(self.board, self.tr("Bảng theo dõi hôm nay (Ctrl+2)"))
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Ctrl+1/Ctrl+2 switch; Tab stays inside
        self.setCentralWidget(self.tabs)

        self.dossier_actions = DossierActions(
            services, worker, self, self._selected_for_actions)
        self.dossier_actions.done.connect(self.after_action)
        self.dossier_list.selection_changed.connect(self.dossier_actions.update)
        self.tabs.currentChanged.connect(self.dossier_actions.update)
        self._build_actions()
        self._build_toolbar()
        self._build_status_bar()
        self.counter_setup: CounterSetup | None = None  # until the worker has read it
        # The province's copies for the receive form's reuse offers: set by ui.sync_controller
        # once sync is installed.
        self.province: ProvinceAccess | None = None
        self.changes = ChangeBus(services, self)
        self.changes.changed.connect(self._changed)
        worker.run(services.counter_setup, self.show_counter)
        open_size(self, 1280, 700)  # when not maximised: every column on a 1366 screen
        # Who is logged in: loads the list and the board for them, or shows the lock page.
        self.session = CounterSession(self)
        # The menus once every part of the table this window has is built (the session's too).
        self.table_actions.update(self.session.actions)
        self._build_menus()

    # --- building --------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.window_actions = build_actions(WINDOW_ACTIONS, self, self)
        # As attributes too (window.receive_action…): the session and the tests reach them so.
        for name, action in self.window_actions.items():
            setattr(self, name, action)
        self.table_actions = {**self.window_actions, **self.dossier_actions.actions}
        # One checkable action per language, by its code.
        self.language_actions: dict[str, QAction] = {
            spec.args[0]: self.window_actions[spec.name]
            for spec in WINDOW_ACTIONS if spec.group == "language"}
        self.worker.run(self.services.language,
                        lambda saved: self.language_actions[saved].setChecked(True))

    def _build_menus(self) -> None:
        menus = {}
        for name, text in (("dossier_menu", self.tr("&Hồ sơ")),
                           ("reports_menu", self.tr("&Báo cáo")),
                           ("settings_menu", self.tr("&Cài đặt"))):
            menus[name] = self.menuBar().addMenu(text)
            menus[name].setObjectName(name)
        menus["language_menu"] = menus["settings_menu"].addMenu(self.tr("&Ngôn ngữ"))
        menus["language_menu"].setObjectName("language_menu")
        for name, menu in menus.items():
            fill_menu(menu, name, self.table_actions)

        # Right click on the list: what can be done to the dossiers under the pointer.
        fill_context_menu(self.dossier_list.table, self.table_actions)

    def _build_toolbar(self) -> None:
        """The daily actions as buttons that show their keys, for clerks still learning them."""
        toolbar = self.addToolBar(self.tr("Thao tác"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.toggleViewAction().setVisible(False)  # nobody should lose it by a right click
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for spec in sorted((s for s in ALL_ACTIONS if s.toolbar), key=lambda s: s.toolbar):
            action = self.table_actions[spec.name]
            action.setIconText(spec.translated(spec.toolbar_text))
            toolbar.addAction(action)
        receive_button = toolbar.widgetForAction(self.receive_action)
        font = receive_button.font()
        font.setBold(True)
        receive_button.setFont(font)

    def _build_status_bar(self) -> None:
        def permanent(label: QLabel) -> QLabel:
            label.setContentsMargins(8, 0, 8, 0)
            self.statusBar().addPermanentWidget(label)
            return label

        # ui.sync_controller keeps this up to date once it is installed (ui.app does that).
        # The sync's reason and the clerk's name can be long: they end in "…" rather than
        # widen the window past a 1024-pixel screen (the tooltip has the whole text).
        self.sync_status = permanent(ElidedLabel(objectName="sync_status"))
        self.sync_status.setText(self.tr("Chưa kết nối máy chủ tỉnh"))
        self.outbox_count = permanent(QLabel(objectName="outbox_count"))
        # Who is logged in matters more than the sync's reason: a usual name stays whole.
        self.clerk_label = permanent(ElidedLabel(objectName="clerk_label", minimum=280))
        self.counter_label = permanent(QLabel(objectName="counter_label"))
        # ui.backup_timer sets it when a backup folder's disk is filling (hidden otherwise).
        self.disk_warning = permanent(ElidedLabel(objectName="disk_warning"))
        self.disk_warning.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.disk_warning.hide()

    def show_disk_warning(self, text: str) -> None:
        """Stays until a later check finds room again: the admin must see it, not a clerk's
        passing glance at a two-second message."""
        self.disk_warning.setText(text)
        self.disk_warning.setToolTip(text)
        self.disk_warning.setVisible(bool(text))

    # --- showing ---------------------------------------------------------------------------

    def present(self) -> None:
        """Show the window maximised and take the keyboard. Without a window manager (a bare
        X display, a kiosk session) nobody hands the focus on when the login dialog closes,
        and the keys went nowhere: the window asks for it itself."""
        self.showMaximized()
        self.raise_()
        self.activateWindow()

    def show_counter(self, setup: CounterSetup | None) -> None:
        self.counter_setup = setup  # kept: the enrolment dialog names the PC after it
        commune = setup.commune_name if setup else ""
        self.setWindowTitle(self.tr("Tiếp nhận và trả kết quả – {commune}").format(
            commune=commune))
        self.counter_label.setText(
            self.tr("Quầy số {number}").format(number=setup.counter_number) if setup else "")

    def refresh(self) -> None:
        self.dossier_list.refresh()
        self.board.refresh()

    def after_action(self, uuids: list[str]) -> None:
        """The acted-on dossiers stay selected, in their new state (the reload comes from the
        change the action announced), and the status bar says what they became: every action,
        from the list or the detail, ends here."""
        self.dossier_list.select_after_reload(*uuids)
        services = self.services
        self.worker.run(lambda: [services.dossier(uuid) for uuid in uuids], self._tell_done,
                        lambda _exc: self._tell(self.tr("Đã ghi nhận thao tác.")))

    def _tell_done(self, dossiers: list[Dossier]) -> None:
        by_state: dict[DossierState, list[str]] = {}
        for dossier in dossiers:
            by_state.setdefault(dossier.status, []).append(dossier.code)
        self._tell(self.tr("Đã ghi nhận: {outcome}").format(outcome="; ".join(
            self.tr("hồ sơ {codes} – {state}").format(codes=", ".join(codes),
                                                      state=state_label(state))
            for state, codes in by_state.items())))

    def _changed(self, changes: Changes) -> None:
        """Reload what shows data that changed: due times follow the hours, days off and
        procedures; a restore replaced everything. Nothing is read for nobody (locked)."""
        if self.session.account is None:  # locked: the services may not have logged out yet
            return
        if changes.touches("dossiers", "calendar", "catalogue", "settings"):
            self.refresh()
        if changes.touches("dossiers"):
            self.refresh_outbox()

    def show_list(self) -> None:
        self.tabs.setCurrentWidget(self.dossier_list)
        self.dossier_list.focus_table()

    def show_board(self) -> None:
        self.tabs.setCurrentWidget(self.board)
        next(iter(self.board.tiles.values())).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_group(self, group: Group) -> None:
        self.tabs.setCurrentWidget(self.dossier_list)
        self.dossier_list.show_group(group)

    def refresh_outbox(self) -> None:
        self.worker.run(self._waiting, self._show_outbox, self._outbox_failed)

    def _waiting(self) -> tuple[dict[str, int], FilesWaiting]:
        """On the database worker: the events and the files waiting for the hub."""
        return self.services.outbox_counts(), self.services.files_waiting()

    def _show_outbox(self, waiting: tuple[dict[str, int], FilesWaiting]) -> None:
        counts, files = waiting
        self.outbox_count.setStyleSheet("")
        text = self.tr("%n sự kiện chờ đồng bộ", "", counts.get("pending", 0))
        if files.count:
            text += " · " + self.tr("%n tệp chờ gửi ({size} MB)", "", files.count).format(
                size=megabytes(files.size))
        self.outbox_count.setText(text)

    def _outbox_failed(self, _exc: Exception) -> None:
        self.outbox_count.setStyleSheet("color: #b71c1c;")
        self.outbox_count.setText(self.tr("Không đọc được hàng chờ đồng bộ"))

    def _tell(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS)

    # --- actions ---------------------------------------------------------------------------

    def _selected_for_actions(self) -> list:
        # Actions on the list only: on the board, nothing shown is selected.
        if self.tabs.currentWidget() is not self.dossier_list:
            return []
        return self.dossier_list.selected_rows()

    def _selected_or_tell(self) -> str | None:
        uuid = self.dossier_list.selected_uuid()
        if uuid is None:
            self._tell(self.tr("Chọn một hồ sơ trong danh sách trước."))
        return uuid

    # The dialogs are imported when first opened: the start of the app shows only the list.

    def open_receive(self) -> ReceiveDialog:
        from desk_app.ui.print_preview import show_preview
        from desk_app.ui.receive_form import ReceiveDialog

        dialog = ReceiveDialog(self.services, self.worker, self, province=self.province)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # The form stays open for the next citizen; the preview opens over it.
        dialog.saved.connect(self.dossier_list.select_after_reload)
        self.changes.changed.connect(dialog.data_changed)
        for printed in (dialog.received, dialog.refused):
            printed.connect(
                lambda _uuid, pdf_path: show_preview(
                    Path(pdf_path), self.worker, dialog, services=self.services))
        dialog.open()
        return dialog

    def open_detail(self, uuid: str | None = None) -> DossierDetailDialog | None:
        uuid = uuid or self._selected_or_tell()
        if uuid is None:
            return None
        from desk_app.ui.dossier_detail import DossierDetailDialog

        dialog = DossierDetailDialog(self.services, self.worker, uuid, self,
                                     granted=lambda: self.session.granted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda uuid: self.after_action([uuid]))
        dialog.open()
        return dialog

    def reprint(self) -> None:
        uuid = self._selected_or_tell()
        if uuid is None:
            return
        self._tell(self.tr("Đang chuẩn bị phiếu tiếp nhận…"))
        self.worker.run(partial(self.services.receipt_pdf, uuid), self.open_preview,
                        partial(show_error, self))

    def open_preview(self, pdf_path: Path) -> None:
        from desk_app.ui.print_preview import show_preview

        self.statusBar().clearMessage()
        show_preview(pdf_path, self.worker, self, services=self.services)

    def find(self) -> None:
        self.dossier_list.focus_filter()

    def open_ledger(self) -> None:
        from desk_app.ui.ledger_dialog import open_ledger

        open_ledger(self.services, self.worker, self, self.session.granted)

    def open_end_of_day(self) -> None:
        from desk_app.ui.end_of_day_dialog import open_end_of_day

        open_end_of_day(self.services, self.worker, self)

    def open_units(self) -> None:
        from desk_app.ui.processing_units_dialog import open_processing_units

        open_processing_units(self.services, self.worker, self)

    def open_catalogue(self) -> None:
        from desk_app.ui.catalogue_dialog import open_catalogue

        open_catalogue(self.services, self.worker, self)

    def open_restore(self) -> None:
        from desk_app.ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.services, self.worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._restored)
        dialog.open()

    def _restored(self) -> None:
        """The restored data has its own accounts and maybe another counter's identity."""
        self.session.restored()
        self.worker.run(self.services.counter_setup, self.show_counter,
                        partial(show_error, self))

    def verify_journal(self) -> None:
        """The leader's check that no recorded event was altered, removed or re-ordered."""
        def report(check) -> None:
            box = QMessageBox.information if check.ok else QMessageBox.warning
            box(self, self.tr("Kiểm tra toàn vẹn nhật ký"), check.message)

        self.worker.run(self.services.verify_journal, report, partial(show_error, self))

    def open_setup(self) -> None:
        self.worker.run(self.services.counter_setup, self._open_setup,
                        partial(show_error, self))

    def _open_setup(self, current: CounterSetup | None) -> None:
        from desk_app.ui.setup_dialog import SetupDialog

        dialog = SetupDialog(self.services, self.worker, current, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.show_counter(dialog.typed_setup()))
        dialog.open()

    def open_settings(self) -> None:
        from desk_app.ui.settings_dialog import open_settings

        enroll = self.findChild(QAction, "enroll_action")  # added by the sync controller
        open_settings(self.services, self.worker, self,
                      enroll=enroll.trigger if enroll is not None else None,
                      saved=self._settings_saved)

    def _settings_saved(self, view) -> None:
        self.worker.run(self.services.counter_setup, self.show_counter)
        self.language_actions[view.form.values["language"]].setChecked(True)
        self.settings_saved.emit(view)

    def choose_language(self, code: str) -> None:
        def saved(_result: object) -> None:
            QMessageBox.information(
                self, self.tr("Ngôn ngữ giao diện"),
                self.tr("Đã lưu lựa chọn. Giao diện sẽ dùng {language} từ lần mở ứng dụng "
                        "tiếp theo.").format(language=LANGUAGES[code]))

        self.worker.run(partial(self.services.set_language, code), saved,
                        partial(show_error, self))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.session.may_close():
            event.ignore()
            return
        # A save still queued must reach the disk before the app goes away.
        self._tell(self.tr("Đang hoàn tất các thao tác lưu…"))
        self.statusBar().repaint()  # shown now: the wait below blocks the event loop
        self.worker.shutdown()
        super().closeEvent(event)
