"""The admin's settings dialog: every setting of the counter in one place, one tab per group,
saved together in one service call. A refused value is shown beside its field, on its tab, and
everything typed stays on screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import validation
from desk_app.core.accounts import MAX_IDLE_LOCK_MINUTES, AccountPolicy
from desk_app.core.options import AUTO_BUDGET_TIMES, MAX_BACKUP_BUDGET_GB, MAX_BACKUP_HOURS
from desk_app.core.validation import Issue
from desk_app.services.options import SettingsForm, SettingsView
from desk_app.ui.days_off_editor import DaysOffEditor
from desk_app.ui.field_form import FieldForm, with_button
from desk_app.ui.form_dialog import FormDialog
from desk_app.ui.i18n import LANGUAGES
from desk_app.ui.messages import show_error
from desk_app.ui.printer_settings import PrinterSettings
from desk_app.ui.processing_units_dialog import ProcessingUnitsEditor
from desk_app.ui.shortcuts import make_shortcut
from desk_app.ui.widgets import add_parts, open_size

HOURS = ("morning_start", "morning_end", "afternoon_start", "afternoon_end", "same_day_cutoff")


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


def _time_edit(name: str, value) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute), objectName=name)
    edit.setDisplayFormat("HH:mm")
    return edit


def _page(*parts: QWidget | FieldForm) -> QWidget:
    page = QWidget()
    add_parts(QVBoxLayout(page), *parts).addStretch(1)
    return page


class SettingsDialog(FormDialog):
    saved = Signal(object)  # the SettingsView as stored

    def __init__(self, services, worker, view: SettingsView, parent: QWidget | None = None,
                 *, enroll: Callable[[], None] | None = None) -> None:
        super().__init__(worker, parent)
        self._services = services
        self._view = view
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Cài đặt"))
        values = view.form.values
        self.tabs = QTabWidget(objectName="settings_tabs")
        self.forms: list[FieldForm] = []

        self._add_tab(self.tr("Đơn vị"), self._office_tab(values))
        self._add_tab(self.tr("Giờ làm việc"), self._hours_tab(values))
        self.days_off = DaysOffEditor(view.form.overrides)
        self._add_editor_tab(self.tr("Ngày nghỉ / làm bù"), "overrides", self.days_off)
        self.units = ProcessingUnitsEditor(view.form.units)
        self._add_editor_tab(self.tr("Đơn vị xử lý"), "units", self.units, _note(self.tr(
            "Các đơn vị nhận hồ sơ khi bàn giao. Đánh dấu «Liên thông» cho cơ quan cấp tỉnh "
            "hoặc cơ quan khác ngoài xã.")))
        self.printers = PrinterSettings(values)
        self.forms.append(self.printers.form)
        self.tabs.addTab(_page(self.printers), self.tr("Máy in"))
        self._add_tab(self.tr("Đồng bộ"), self._sync_tab(values, enroll))
        self._add_tab(self.tr("Sao lưu"), self._backup_tab(values))
        self._add_tab(self.tr("Ngôn ngữ"), self._language_tab(values))
        self._add_tab(self.tr("Tài khoản"), self._accounts_tab(view.form.account_policy))

        # Also here, not only in QTabWidget: a time or spin box would take Ctrl+Tab itself.
        make_shortcut(QKeySequence("Ctrl+Tab"), self, lambda: self._turn_tab(1))
        make_shortcut(QKeySequence("Ctrl+Shift+Tab"), self, lambda: self._turn_tab(-1))
        hint = _note(self.tr(
            "Ctrl+Tab, Ctrl+Shift+Tab: sang thẻ sau, thẻ trước; Ctrl+S: lưu mọi thẻ; Esc: hủy."))
        self._finish_layout(self.tabs, hint)
        # The tabs take the height, not the spacer FormDialog puts above the buttons.
        self.layout().setStretchFactor(self.tabs, 100)
        open_size(self, 900, 640)
        self.commune.setFocus()

    # --- tabs ------------------------------------------------------------------------------

    def _turn_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())
        page = self.tabs.currentWidget()
        first = next((w for w in page.findChildren(QWidget)
                      if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(page)
                      and w.isEnabled()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def _add_tab(self, title: str, form: FieldForm) -> None:
        self.forms.append(form)
        self.tabs.addTab(_page(form), title)

    def _add_editor_tab(self, title: str, key: str, editor: QWidget,
                        intro: QLabel | None = None) -> None:
        """A tab that is one table editor, as tall as the tab, with the message about it
        under it."""
        form = FieldForm()
        form.fields[key] = editor
        self.forms.append(form)
        page = QWidget()
        layout = QVBoxLayout(page)
        if intro is not None:
            layout.addWidget(intro)
        layout.addWidget(editor, 1)
        layout.addWidget(form.messages.label(key))
        self.tabs.addTab(page, title)

    def _line(self, name: str, value: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(value, objectName=name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _office_tab(self, values) -> FieldForm:
        form = self.form  # FormDialog's: the first tab
        self.commune = self._line("commune_name", values["counter_setup.commune_name"],
                                  self.tr("ví dụ UBND xã Tân Lập"))
        self.unit = self._line("unit_name", values["counter_setup.unit_name"],
                               self.tr("ví dụ Trung tâm Phục vụ hành chính công xã Tân Lập"))
        self.agency = self._line("agency_code", values["counter_setup.agency_code"],
                                 self.tr("ví dụ 000.17.22.H56"))
        # A merged commune's new code starts on a day; dossiers received before keep the old one.
        since = values["counter_setup.agency_code_since"] or date.today()
        self.agency_since = QDateEdit(QDate(since.year, since.month, since.day),
                                      objectName="agency_code_since")
        self.agency_since.setDisplayFormat("dd/MM/yyyy")
        self.agency_since.setCalendarPopup(True)
        self._since_shown = since
        self.counter = QSpinBox(objectName="counter_number")
        self.counter.setRange(1, 9)
        self.counter.setValue(values["counter_setup.counter_number"])
        self.place = self._line("place_name", values["counter_setup.place_name"],
                                self.tr("ví dụ Tân Lập (in thành «Tân Lập, ngày … tháng … năm …»)"))
        form.row(self.tr("Tên &xã, phường"), "counter_setup.commune_name", self.commune)
        form.row(self.tr("&Bộ phận tiếp nhận"), "counter_setup.unit_name", self.unit)
        form.row(self.tr("&Mã định danh đơn vị"), "counter_setup.agency_code", self.agency)
        form.row(self.tr("Mã áp dụng &từ ngày"), "counter_setup.agency_code_since",
                 self.agency_since, _note(self.tr(
                     "Khi đổi mã (sáp nhập xã), nhập ngày bắt đầu dùng mã mới. Hồ sơ nhận "
                     "trước ngày đó vẫn mang mã cũ; mã đã cấp không thay đổi.")))
        form.row(self.tr("&Số quầy"), "counter_setup.counter_number", self.counter, _note(self.tr(
            "Chữ số đầu của mỗi mã hồ sơ là số quầy: mỗi quầy (mỗi máy) cần một số khác nhau.")))
        self.phone = self._line("phone", values["counter_setup.phone"],
                                self.tr("ví dụ 0210 3856 123 (in trên giấy hẹn, phiếu bổ sung)"))
        form.row(self.tr("Đị&a danh ghi trên phiếu"), "counter_setup.place_name", self.place)
        form.row(self.tr("Số đ&iện thoại của bộ phận"), "counter_setup.phone", self.phone)
        return form

    def _hours_tab(self, values) -> FieldForm:
        form = FieldForm()
        self.hours = {name: _time_edit(f"working_hours_{name}", values[f"working_hours.{name}"])
                      for name in HOURS}
        labels = {
            "morning_start": self.tr("Buổi sáng bắt đầu"),
            "morning_end": self.tr("Buổi sáng kết thúc"),
            "afternoon_start": self.tr("Buổi chiều bắt đầu"),
            "afternoon_end": self.tr("Buổi chiều kết thúc"),
            "same_day_cutoff": self.tr("Giờ chốt hồ sơ trả trong ngày"),
        }
        for name in HOURS:
            note = None
            if name == "same_day_cutoff":
                note = _note(self.tr(
                    "Hồ sơ giải quyết trong ngày nhận sau giờ này được hẹn trả vào ngày làm "
                    "việc tiếp theo."))
            form.row(labels[name], f"working_hours.{name}", self.hours[name], note)
        form.addRow(_note(self.tr(
            "Giờ mới áp dụng cho hồ sơ tiếp nhận sau khi lưu; ngày hẹn của hồ sơ đã nhận "
            "không đổi.")))
        return form

    def _sync_tab(self, values, enroll: Callable[[], None] | None) -> FieldForm:
        form = FieldForm()
        self.hub_url = QLineEdit(self._view.hub_url or self.tr("(máy chưa đăng ký với tỉnh)"),
                                 objectName="hub_url")
        self.hub_url.setReadOnly(True)
        form.row(self.tr("Máy chủ đồng bộ của tỉnh"), "hub_url", self.hub_url)
        if enroll is not None:
            self.enroll_button = QPushButton(self.tr("Đăng &ký lại với tỉnh…"),
                                             objectName="enroll_button")
            self.enroll_button.setAutoDefault(False)
            self.enroll_button.clicked.connect(enroll)
            form.addRow("", self.enroll_button)
        self.end_of_day = _time_edit("sync_end_of_day", values["sync_end_of_day"])
        form.row(self.tr("Đồng bộ cuối ngày lúc"), "sync_end_of_day", self.end_of_day, _note(
            self.tr("Mỗi ngày vào giờ này, máy gửi mọi hồ sơ còn chờ lên tỉnh.")))
        return form

    def _backup_tab(self, values) -> FieldForm:
        form = FieldForm()
        folder = QLineEdit(str(self._view.backup_folder), objectName="backup_folder")
        folder.setReadOnly(True)
        form.row(self.tr("Thư mục sao lưu chính"), "backup_folder", folder)
        self.mirror = self._line("backup_mirror", values["backups.mirror"],
                                 self.tr("ví dụ E:\\ (ổ USB); để trống nếu không dùng"))
        choose = QPushButton(self.tr("&Chọn thư mục…"), objectName="choose_mirror_button")
        choose.clicked.connect(self._choose_mirror)
        mirror_row = with_button(self.mirror, choose)
        form.row(self.tr("Thư mục sao lưu thứ hai"), "backups.mirror", mirror_row, _note(
            self.tr("Mỗi bản sao lưu được chép thêm vào đây (ví dụ ổ USB cắm cố định).")))
        self.every_hours = QSpinBox(objectName="backup_every_hours")
        self.every_hours.setRange(1, MAX_BACKUP_HOURS)
        self.every_hours.setSuffix(self.tr(" giờ"))
        self.every_hours.setValue(values["backups.every_hours"])
        form.row(self.tr("Sao lưu tự động mỗi"), "backups.every_hours", self.every_hours)
        self.budget = QSpinBox(objectName="backup_budget_gb")
        self.budget.setRange(0, MAX_BACKUP_BUDGET_GB)
        self.budget.setSuffix(" GB")
        self.budget.setSpecialValueText(self.tr("Tự động (%n lần dung lượng dữ liệu)", "",
                                                AUTO_BUDGET_TIMES))
        self.budget.setValue(values["backups.budget_gb"])
        form.row(self.tr("Dung lượng dành cho sao lưu"), "backups.budget_gb", self.budget, _note(
            self.tr("Khi các bản sao lưu vượt quá mức này, bản cũ nhất bị xóa trước; bản mới "
                    "nhất và bản trước khi cập nhật luôn được giữ.")))
        return form

    def _choose_mirror(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Chọn thư mục sao lưu thứ hai"), self.mirror.text())
        if chosen:
            self.mirror.setText(chosen)

    def _language_tab(self, values) -> FieldForm:
        form = FieldForm()
        self.language = QComboBox(objectName="language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(values["language"])))
        form.row(self.tr("Ngôn ngữ giao diện"), "language", self.language, _note(self.tr(
            "Giao diện dùng ngôn ngữ mới từ lần mở ứng dụng tiếp theo. Phiếu in luôn bằng "
            "tiếng Việt.")))
        return form

    def _accounts_tab(self, policy: AccountPolicy) -> FieldForm:
        form = FieldForm()
        self.idle_lock = QSpinBox(objectName="idle_lock_minutes")
        self.idle_lock.setRange(0, MAX_IDLE_LOCK_MINUTES)
        self.idle_lock.setSuffix(self.tr(" phút"))
        self.idle_lock.setSpecialValueText(self.tr("Không tự khóa"))
        self.idle_lock.setValue(policy.idle_lock_minutes)
        form.row(self.tr("Tự khóa màn hình sau"), "idle_lock_minutes", self.idle_lock, _note(
            self.tr("Máy không được dùng trong khoảng này thì khóa lại, chờ đăng nhập.")))
        self.leader_approves = QCheckBox(
            self.tr("Lãnh đạo duyệt phiếu từ chối và phiếu xin lỗi"),
            objectName="leader_approves")
        self.leader_approves.setChecked(policy.leader_approves)
        form.row("", "leader_approves", self.leader_approves)
        self.leader_corrects = QCheckBox(
            self.tr("Chỉ lãnh đạo được đính chính (hủy thao tác cuối của hồ sơ)"),
            objectName="leader_corrects")
        self.leader_corrects.setChecked(self._view.form.values["corrections.leader_only"])
        form.row("", "corrections.leader_only", self.leader_corrects, _note(self.tr(
            "Khi không đánh dấu, cán bộ tiếp nhận tự hủy được thao tác nhầm của hồ sơ trong "
            "ngày, có ghi lý do.")))
        return form

    # --- saving ----------------------------------------------------------------------------

    def _agency_since(self, stored) -> date | None:
        """The day typed for a new code; the stored one while neither the code nor the day was
        changed (a counter with one code from the start keeps no day)."""
        typed = self.agency_since.date().toPython()
        same_code = self.agency.text().strip().upper() == stored["counter_setup.agency_code"]
        same_day = typed == (stored["counter_setup.agency_code_since"] or self._since_shown)
        return stored["counter_setup.agency_code_since"] if same_code and same_day else typed

    def settings_form(self) -> SettingsForm:
        """Everything as typed, for the services to check and save."""
        values = dict(self._view.form.values)
        values.update({
            "counter_setup.commune_name": self.commune.text(),
            "counter_setup.unit_name": self.unit.text(),
            "counter_setup.agency_code": self.agency.text(),
            "counter_setup.agency_code_since": self._agency_since(values),
            "counter_setup.counter_number": self.counter.value(),
            "counter_setup.place_name": self.place.text(),
            "counter_setup.phone": self.phone.text(),
            **{f"working_hours.{name}": edit.time().toPython()
               for name, edit in self.hours.items()},
            **self.printers.values(),
            "sync_end_of_day": self.end_of_day.time().toPython(),
            "backups.mirror": self.mirror.text(),
            "backups.every_hours": self.every_hours.value(),
            "backups.budget_gb": self.budget.value(),
            "language": self.language.currentData(),
            "corrections.leader_only": self.leader_corrects.isChecked(),
        })
        return SettingsForm(
            values=values,
            overrides=self.days_off.overrides(),
            units=tuple(self.units.units()),
            account_policy=AccountPolicy(self.idle_lock.value(),
                                         self.leader_approves.isChecked()),
        )

    def _job(self) -> Callable[[], object] | None:
        duplicate = self.units.duplicate_message()
        if duplicate:
            self.show_issues([validation.error("units", duplicate)])
            return None
        return partial(self._services.save_settings, self.settings_form(),
                       opened_from=self._view.form)

    def _succeeded(self, result: object) -> None:
        self.saved.emit(result)
        super()._succeeded(result)

    def _place_issues(self, issues: list[Issue]) -> list[Issue]:
        """Each issue beside its field on its tab; the first such tab is brought forward and
        the field focused."""
        placed: set[str] = set()
        for form in self.forms:
            form.show_issues(issues, focus=False)
            placed |= set(form.fields)
        first = next((i.field for i in issues if i.field in placed), None)
        if first is not None:
            form = next(f for f in self.forms if first in f.fields)
            self.tabs.setCurrentIndex(self.forms.index(form))
            form.fields[first].setFocus()
        return [i for i in issues if i.field not in placed]


def open_settings(services, worker, parent: QWidget, *,
                  enroll: Callable[[], None] | None = None,
                  saved: Callable[[SettingsView], None] | None = None) -> None:
    """Read every setting on the worker, then show the dialog (window-modal, not blocking)."""
    def opened(view: SettingsView) -> None:
        dialog = SettingsDialog(services, worker, view, parent, enroll=enroll)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if saved is not None:
            dialog.saved.connect(saved)
        dialog.open()

    worker.run(services.settings_view, opened, partial(show_error, parent))
