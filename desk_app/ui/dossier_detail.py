"""Everything recorded about one dossier: its fields, documents, history, hand-overs and the
slips printed for it (each one reprintable), with the actions its state allows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenuBar,
    QPushButton,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.accounts import Permission
from desk_app.core.digitisation import DossierFile
from desk_app.core.lifecycle import ControlRow
from desk_app.core.model import DeliveryMethod, Dossier, DossierRow, Event
from desk_app.core.timeliness import Timeliness, dossier_timeliness
from desk_app.ui.dossier_actions import DossierActions
from desk_app.ui.event_details import event_details
from desk_app.ui.labels import (
    applicant_type_label,
    channel_label,
    date_text,
    date_time_text,
    delivery_label,
    event_kind_label,
    money,
    processing_time_label,
    sex_label,
    slip_kind_label,
    state_label,
    timeliness_label,
)
from desk_app.ui.messages import error_text, show_error
from desk_app.ui.print_preview import show_preview
from desk_app.ui.scans_page import ScansPage
from desk_app.ui.tables import fill_table, on_activated, read_only_table
from desk_app.ui.widgets import make_heading, open_size


@dataclass(frozen=True)
class _Loaded:
    dossier: Dossier
    history: list[Event]
    slips: list  # SlipRecord: kind, path, created_at, clerk
    control: list[ControlRow]
    files: list[DossierFile]
    views: list | None  # FileView: who viewed which file when; None when not for this account
    now: datetime


def dossier_row(dossier: Dossier) -> DossierRow:
    """The dossier as the list would show it: what the actions need to know."""
    return DossierRow(
        uuid=dossier.uuid, code=dossier.code, applicant_name=dossier.applicant.name,
        procedure_name=dossier.procedure_name, received_at=dossier.received_at,
        due_at=dossier.due_at, status=dossier.status, clerk=dossier.clerk,
        procedure_code=dossier.draft.procedure_code, original_due_at=dossier.original_due_at,
        finished_at=dossier.finished_at, returned_at=dossier.returned_at)


def _value_label(text: str, name: str | None = None) -> QLabel:
    label = QLabel(text or "—")
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


class DossierDetailDialog(QDialog):
    """`changed(uuid)` after an action recorded from here, for the list to show it."""

    changed = Signal(str)

    def __init__(self, services, worker, uuid: str, parent: QWidget | None = None, *,
                 granted: Callable[[], frozenset[Permission]] | None = None) -> None:
        """`granted()`: what the logged-in clerk may do (the buttons show only that)."""
        super().__init__(parent, objectName="dossier_detail")
        self._services = services
        self._worker = worker
        self.uuid = uuid
        self.row: DossierRow | None = None
        self._slip_paths: list[Path] = []
        self._granted = granted
        self.setWindowTitle(self.tr("Chi tiết hồ sơ"))

        self.code = make_heading(_value_label("", "detail_code"), 1.4)
        self.state = _value_label("", "detail_state")
        self.timeliness = QLabel(objectName="detail_timeliness")
        self.status = QLabel(self.tr("Đang tải hồ sơ…"), objectName="detail_status")
        self.status.setWordWrap(True)

        self.reprint_button = QPushButton(
            self.tr("In lại phiếu tiếp nhận (Ctrl+P)"), objectName="reprint_button")
        self.reprint_button.setShortcut(QKeySequence.StandardKey.Print)
        self.reprint_button.setAutoDefault(False)
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self.reprint)
        close_button = QPushButton(self.tr("Đóng (Esc)"), objectName="close_button")
        close_button.setAutoDefault(False)
        close_button.clicked.connect(self.reject)

        self.actions = DossierActions(
            services, worker, self, lambda: [self.row] if self.row else [], hide_disabled=True,
            granted=granted)
        self.actions.done.connect(self._acted)
        self.action_bar = QToolBar(objectName="detail_actions")
        self.action_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.action_bar.setStyleSheet(
            "QToolButton { border: 1px solid #8a8f98; border-radius: 3px; padding: 3px 8px;"
            " margin-right: 4px; background: #f5f7fa; }"
            " QToolButton:hover, QToolButton:focus { background: #dde7f3; }"
            " QToolButton#qt_toolbar_ext_button { padding: 0; margin: 0; border: none; }")
        self.action_bar.addActions(list(self.actions.actions.values()))
        # What the width leaves out is behind the bar's overflow arrow, and always in the
        # labelled Thao tác menu (Alt+T). The arrow is an icon, in the 12 pixels Qt gives it:
        # as text, and padded like the buttons, it was a blank box.
        overflow = self.action_bar.findChild(QToolButton, "qt_toolbar_ext_button")
        overflow.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        overflow.setToolTip(self.tr("Các thao tác khác: menu Thao tác (Alt+T)"))

        header = QHBoxLayout()
        header.addWidget(self.code)
        header.addWidget(self.state)
        header.addWidget(self.timeliness)
        header.addStretch(1)
        header.addWidget(self.reprint_button)
        header.addWidget(close_button)

        self.dossier_form = QFormLayout()
        self.applicant_form = QFormLayout()
        self.delivery_form = QFormLayout()
        dossier_box = QGroupBox(self.tr("Hồ sơ"))
        dossier_box.setLayout(self.dossier_form)
        applicant_box = QGroupBox(self.tr("Người nộp hồ sơ"))
        applicant_box.setLayout(self.applicant_form)
        delivery_box = QGroupBox(self.tr("Nhận kết quả"))
        delivery_box.setLayout(self.delivery_form)
        right = QVBoxLayout()
        right.addWidget(applicant_box)
        right.addWidget(delivery_box)
        right.addStretch(1)
        fields = QHBoxLayout()
        fields.addWidget(dossier_box, 1)
        fields.addLayout(right, 1)

        self.documents_summary = QLabel(objectName="documents_summary")
        self.documents_table = read_only_table("documents_table", [
            self.tr("Tên giấy tờ"), self.tr("Bắt buộc"), self.tr("Đã nộp"), self.tr("Bản chính"),
            self.tr("Bản sao chứng thực"), self.tr("Bản photo"),
        ], stretch=0)
        documents_page = QWidget()
        documents_layout = QVBoxLayout(documents_page)
        documents_layout.addWidget(self.documents_summary)
        documents_layout.addWidget(self.documents_table)
        self.history_table = read_only_table("history_table", [
            self.tr("Thời gian"), self.tr("Nội dung"), self.tr("Chi tiết"), self.tr("Trạng thái"),
            self.tr("Cán bộ"),
        ], stretch=2)
        self.control_table = read_only_table("control_table", [
            self.tr("Bên giao"), self.tr("Bên nhận"), self.tr("Thời gian"), self.tr("Kết quả"),
            self.tr("Ghi chú"),
        ], stretch=4)
        self.slips_table = read_only_table("slips_table", [
            self.tr("Loại phiếu"), self.tr("Thời gian"), self.tr("Cán bộ"), self.tr("Tệp"),
        ], stretch=3)
        on_activated(self.slips_table, self._preview_slip)
        self.slip_button = QPushButton(
            self.tr("Xem và in lại phiếu đã chọn (Enter)"), objectName="slip_button")
        self.slip_button.setAutoDefault(False)
        self.slip_button.clicked.connect(self._preview_slip)
        slips_page = QWidget()
        slips_layout = QVBoxLayout(slips_page)
        slips_layout.addWidget(self.slips_table)
        slips_buttons = QHBoxLayout()
        slips_buttons.addWidget(self.slip_button)
        slips_buttons.addStretch(1)
        slips_layout.addLayout(slips_buttons)
        self.tabs = QTabWidget(objectName="detail_tabs")
        self.tabs.addTab(documents_page, self.tr("Thành phần hồ sơ"))
        self.tabs.addTab(self.history_table, self.tr("Quá trình xử lý"))
        self.tabs.addTab(self.control_table, self.tr("Kiểm soát, bàn giao"))
        self.tabs.addTab(slips_page, self.tr("Phiếu đã in"))
        self.scans = ScansPage(services, worker, uuid, self)
        self.scans.viewed.connect(self.load)
        self.scans.add_action(self.actions["digitise_action"])
        self.tabs.addTab(self.scans, self.tr("Bản số hóa"))

        layout = QVBoxLayout(self)
        layout.setMenuBar(self._build_menus(close_button))
        layout.addWidget(self.action_bar)
        layout.addLayout(header)
        layout.addWidget(self.status)
        layout.addLayout(fields)
        layout.addWidget(self.tabs, 1)
        open_size(self, 1100, 660)
        self.load()

    def _build_menus(self, close_button: QPushButton) -> QMenuBar:
        """Every action in a labelled menu (Alt+T), whatever of the button row the window's
        width shows; the tabs in another (Alt+X), each with its key: Alt+1…5, and Ctrl+Tab
        and Ctrl+Shift+Tab from anywhere in the window."""
        bar = QMenuBar(self, objectName="detail_menu_bar")
        actions_menu = bar.addMenu(self.tr("&Thao tác"))
        actions_menu.setObjectName("detail_actions_menu")
        actions_menu.addActions(list(self.actions.actions.values()))
        actions_menu.addSeparator()
        # The buttons keep their own keys; "\t" only shows them in the menu. (A click on a
        # disabled button, the reprint while it runs, does nothing.)
        for text, keys, button in (
                (self.tr("In lại phiếu tiếp nhận"), QKeySequence(QKeySequence.StandardKey.Print),
                 self.reprint_button),
                (self.tr("Đóng"), QKeySequence(Qt.Key.Key_Escape), close_button)):
            action = actions_menu.addAction(
                f"{text}\t{keys.toString(QKeySequence.SequenceFormat.NativeText)}")
            action.triggered.connect(button.click)

        tabs_menu = bar.addMenu(self.tr("&Xem"))
        tabs_menu.setObjectName("detail_tabs_menu")
        for index in range(self.tabs.count()):
            action = QAction(self.tabs.tabText(index), self, objectName=f"tab_{index + 1}")
            action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
            action.triggered.connect(partial(self._show_tab, index))
            tabs_menu.addAction(action)
            self.tabs.setTabToolTip(index, action.shortcut().toString(
                QKeySequence.SequenceFormat.NativeText))
        self.tab_actions = tabs_menu.actions()
        tabs_menu.addSeparator()
        for name, text, keys, step in (
                ("next_tab", self.tr("Thẻ sau"), ("Ctrl+Tab",), 1),
                # X11 sends Shift+Tab as Backtab; other platforms as Tab with Shift.
                ("previous_tab", self.tr("Thẻ trước"), ("Ctrl+Shift+Tab", "Ctrl+Shift+Backtab"),
                 -1)):
            action = QAction(text, self, objectName=name)
            action.setShortcuts([QKeySequence(key) for key in keys])
            action.triggered.connect(partial(self._step_tab, step))
            tabs_menu.addAction(action)
        return bar

    def _show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
        # The keyboard goes into the page: its table scrolls with the arrows at once.
        pages = (self.documents_table, self.history_table, self.control_table, self.slips_table,
                 self.scans.files_table)
        pages[index].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _step_tab(self, step: int) -> None:
        self._show_tab((self.tabs.currentIndex() + step) % self.tabs.count())

    def _set_tab_text(self, index: int, text: str) -> None:
        """A tab's title with its count, in the menu too."""
        self.tabs.setTabText(index, text)
        self.tab_actions[index].setText(text)

    def load(self) -> None:
        services, uuid = self._services, self.uuid
        # The view record is an audit of who saw personal data: for those who check the
        # journal (services.digitisation.file_views).
        views = (self._granted is None
                 or Permission.VERIFY_JOURNAL in self._granted())

        def fetch() -> _Loaded:
            return _Loaded(services.dossier(uuid), services.history(uuid),
                           services.printed_slips(uuid), services.control_rows(uuid),
                           services.dossier_files(uuid),
                           services.file_views(uuid) if views else None, services.now())

        self._worker.run(fetch, self._show, self._failed)

    def _failed(self, exc: Exception) -> None:
        self.status.setStyleSheet("color: #b71c1c;")
        self.status.setText(error_text(exc))
        self.status.show()

    def _show(self, loaded: _Loaded) -> None:
        dossier = loaded.dossier
        self.status.hide()
        self.reprint_button.setEnabled(True)
        code = dossier.code or self.tr("Chưa cấp mã (từ chối tại quầy)")
        self.setWindowTitle(self.tr("Chi tiết hồ sơ {code}").format(code=code))
        self.code.setText(code)
        self.state.setText(state_label(dossier.status))
        self._show_timeliness(dossier_timeliness(
            dossier.status, dossier.due_at, loaded.now, dossier.finished_at))
        self._show_fields(dossier)
        self._show_documents(dossier)
        fill_table(self.history_table, [
            [date_time_text(e.device_time), event_kind_label(e.kind), event_details(e),
             state_label(e.status), e.clerk]
            for e in loaded.history
        ])
        self._set_tab_text(1, self.tr("Quá trình xử lý ({count})").format(
            count=len(loaded.history)))
        self._show_control(loaded.control)
        self._show_slips(loaded.slips)
        self.scans.show_files(loaded.files, loaded.views)
        self._set_tab_text(4, self.tr("Bản số hóa ({count})").format(count=len(loaded.files)))
        self.row = dossier_row(dossier)
        self.actions.update()

    def _show_timeliness(self, value: Timeliness | None) -> None:
        self.timeliness.setText(timeliness_label(value))
        colour = ("#c62828" if value is not None and value.is_late
                  else "#e65100" if value is Timeliness.DUE_TODAY else None)
        self.timeliness.setStyleSheet(
            f"background: {colour}; color: white; font-weight: bold; padding: 2px 8px;"
            if colour else "padding: 2px 8px;")

    def _show_fields(self, dossier: Dossier) -> None:
        draft, applicant, delivery = dossier.draft, dossier.applicant, dossier.draft.delivery
        for form in (self.dossier_form, self.applicant_form, self.delivery_form):
            while form.rowCount():
                form.removeRow(0)
        rows = [
            # The catalogue version it was received under: what the admin finds in its history.
            (self.tr("Thủ tục"), self.tr("{name} ({code}, phiên bản {version})").format(
                name=dossier.procedure_name, code=draft.procedure_code,
                version=dossier.procedure_version), "detail_procedure"),
            (self.tr("Thời hạn giải quyết"), processing_time_label(dossier.processing_time), None),
            (self.tr("Nội dung yêu cầu"), draft.request, None),
            (self.tr("Số bộ hồ sơ"), str(draft.sets), None),
            (self.tr("Kênh tiếp nhận"), channel_label(draft.channel), None),
            (self.tr("Lệ phí đã thu"), money(draft.fee), None),
            (self.tr("Tiếp nhận lúc"), date_time_text(dossier.received_at), "detail_received"),
            (self.tr("Hẹn trả kết quả"), self._due_text(dossier), "detail_due"),
            (self.tr("Cán bộ tiếp nhận"), dossier.clerk, None),
            (self.tr("Sổ theo dõi"), self.tr("Sổ năm {book}, số thứ tự {number}").format(
                book=dossier.ledger.book, number=dossier.ledger.number)
             if dossier.ledger else self.tr("Không vào sổ (từ chối tại quầy)"), None),
            (self.tr("Ghi chú"), draft.notes, None),
        ]
        for label, value, name in rows:
            self.dossier_form.addRow(label, _value_label(value, name))
        for label, value, name in [
            (self.tr("Họ và tên"), applicant.name, "detail_applicant"),
            (self.tr("Đối tượng"), applicant_type_label(applicant.type), None),
            (self.tr("Số CCCD"), applicant.id_number, None),
            (self.tr("Ngày sinh"), date_text(applicant.birth_date), None),
            (self.tr("Giới tính"), sex_label(applicant.sex), None),
            (self.tr("Điện thoại"), applicant.phone, None),
            (self.tr("Thư điện tử"), applicant.email, None),
            (self.tr("Địa chỉ"), applicant.address, None),
        ]:
            self.applicant_form.addRow(label, _value_label(value, name))
        self.delivery_form.addRow(self.tr("Hình thức"), _value_label(delivery_label(delivery.method)))
        if delivery.method is DeliveryMethod.POST:
            self.delivery_form.addRow(self.tr("Người nhận"), _value_label(delivery.recipient))
            self.delivery_form.addRow(self.tr("Điện thoại"), _value_label(delivery.phone))
            self.delivery_form.addRow(self.tr("Địa chỉ nhận"), _value_label(delivery.address))

    def _due_text(self, dossier: Dossier) -> str:
        if dossier.refused_at_counter:
            return self.tr("Không có (từ chối tiếp nhận tại quầy)")
        due = date_time_text(dossier.due_at)
        first = dossier.original_due_at
        if first is None or first == dossier.due_at:
            return due
        return self.tr("{due} (đã hẹn lại; hẹn ban đầu {first})").format(
            due=due, first=date_time_text(first))

    def _show_control(self, rows: list[ControlRow]) -> None:
        def side(unit: str, name: str) -> str:
            return f"{unit} – {name}" if name else unit

        fill_table(self.control_table, [
            [side(r.giver_unit, r.giver_name), side(r.receiver_unit, r.receiver_name),
             date_time_text(r.at), r.result, r.note]
            for r in rows
        ])
        self._set_tab_text(2, self.tr("Kiểm soát, bàn giao ({count})").format(
            count=len(rows)))

    def _show_documents(self, dossier: Dossier) -> None:
        documents = dossier.draft.documents
        yes, no = self.tr("Có"), ""
        fill_table(self.documents_table, [
            [d.name, yes if d.mandatory else no, yes if d.provided else self.tr("Chưa"),
             str(d.originals or ""), str(d.certified or ""), str(d.copies or "")]
            for d in documents
        ])
        provided = sum(d.provided for d in documents)
        missing = sum(d.mandatory and not d.provided for d in documents)
        summary = self.tr("Đã nộp {provided}/%n giấy tờ.", "", len(documents)).format(
            provided=provided)
        if missing:
            summary += " " + self.tr("Thiếu %n giấy tờ bắt buộc.", "", missing)
        self.documents_summary.setText(summary)
        self._set_tab_text(0, self.tr("Thành phần hồ sơ ({count})").format(
            count=len(documents)))

    def _show_slips(self, slips: list) -> None:
        self._slip_paths = [Path(s.path) for s in slips]
        fill_table(self.slips_table, [
            [slip_kind_label(s.kind), date_time_text(s.created_at), s.clerk, str(s.path)]
            for s in slips
        ])
        self._set_tab_text(3, self.tr("Phiếu đã in ({count})").format(count=len(slips)))
        self.slip_button.setEnabled(bool(slips))
        if slips and self.slips_table.currentRow() < 0:
            self.slips_table.setCurrentCell(len(slips) - 1, 0)

    def _preview_slip(self) -> None:
        row = self.slips_table.currentRow()
        if 0 <= row < len(self._slip_paths):
            show_preview(self._slip_paths[row], self._worker, self,
                         services=self._services)

    def _acted(self) -> None:
        self.load()
        self.changed.emit(self.uuid)

    def reprint(self) -> None:
        services, uuid = self._services, self.uuid
        self.reprint_button.setEnabled(False)
        self._worker.run(lambda: services.receipt_pdf(uuid), self._reprinted, self._reprint_failed)

    def _reprinted(self, path: Path) -> None:
        self.reprint_button.setEnabled(True)
        self.load()
        show_preview(path, self._worker, self, services=self._services)

    def _reprint_failed(self, exc: Exception) -> None:
        self.reprint_button.setEnabled(True)
        show_error(self, exc)
