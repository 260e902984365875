"""The procedure catalogue editor (admin): find a procedure, change it or add one, see its
versions, and move the whole catalogue in and out as a JSON file.

Saving makes a new version (services.save_procedure): dossiers already received keep the one
they were received under. The form is never cleared by a refused save: the messages go beside
the fields and the admin corrects what is there.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.catalogue import (
    MAX_TIME,
    CatalogueEntry,
    ProcedureVersion,
    VersionSource,
    same_content,
)
from desk_app.core.lifecycle import ProcessingUnit
from desk_app.core.model import Procedure, ProcessingTime, TimeUnit
from desk_app.core.text import fold
from desk_app.services.errors import ValidationFailed
from desk_app.ui.ask import confirm
from desk_app.ui.field_form import FieldForm
from desk_app.ui.handover_dialog import UnitPicker
from desk_app.ui.messages import error_text, show_error
from desk_app.ui.procedure_picker import CODE_ROLE
from desk_app.ui.required_documents_editor import RequiredDocumentsEditor
from desk_app.ui.shortcuts import make_shortcut
from desk_app.ui.tables import fill_table, read_only_table
from desk_app.ui.widgets import error_label, open_size

MAX_FEE = 100_000_000  # đồng; no commune fee comes near it
WITHDRAWN_COLOUR = "#777777"
JSON_FILTER = "JSON (*.json)"


class CatalogueDialog(QDialog):
    def __init__(self, services, worker, entries: Sequence[CatalogueEntry],
                 units: Sequence[ProcessingUnit], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="catalogue_dialog")
        self._services = services
        self._worker = worker
        self._entries: list[CatalogueEntry] = list(entries)
        # What the form was filled from: the version an edit starts from, None for a new one.
        self._loaded: CatalogueEntry | None = None
        self._versions: list[ProcedureVersion] = []  # the history table's rows
        self.setWindowTitle(self.tr("Danh mục thủ tục hành chính"))

        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("Tìm theo mã, tên hoặc lĩnh vực (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListWidget(objectName="procedure_list")
        self.list.currentItemChanged.connect(self._chosen)
        self.history = read_only_table("history_table", [
            self.tr("Phiên bản"), self.tr("Ngày"), self.tr("Nguồn"), self.tr("Người sửa"),
            self.tr("Tên thủ tục")], stretch=4)
        self.history.doubleClicked.connect(self.copy_version)
        self.copy_button = QPushButton(
            self.tr("Lấy nội dung phiên bản này (Ctrl+Shift+V)"), objectName="copy_version")
        self.copy_button.clicked.connect(self.copy_version)

        self.form = FieldForm()
        self.code = QLineEdit(objectName="code")
        self.code.setPlaceholderText(self.tr("ví dụ 1.001193"))
        self.name = QLineEdit(objectName="name")
        self.field = QComboBox(objectName="field")
        self.field.setEditable(True)
        self.field.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.time_value = QSpinBox(objectName="time_value")
        self.time_value.setRange(0, MAX_TIME)
        self.time_unit = QComboBox(objectName="time_unit")
        for unit, label in self._time_units().items():
            self.time_unit.addItem(label, unit)
        self.time_unit.currentIndexChanged.connect(self._unit_changed)
        self.fee = QSpinBox(objectName="fee")
        self.fee.setRange(0, MAX_FEE)
        self.fee.setSingleStep(1000)
        self.fee.setGroupSeparatorShown(True)
        self.fee.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        self.fee.setSuffix(" đ")
        self.fee_note = QLineEdit(objectName="fee_note")
        self.unit = UnitPicker(units)
        self.unit.lineEdit().setPlaceholderText(self.tr("Đơn vị nhận hồ sơ khi bàn giao"))
        self.local_override = QCheckBox(
            self.tr("&Giữ bản sửa của xã (không để danh mục tỉnh ghi đè)"),
            objectName="local_override")
        self.documents = RequiredDocumentsEditor()

        time_row = QWidget()
        time_layout = QHBoxLayout(time_row)
        time_layout.setContentsMargins(0, 0, 0, 0)
        time_layout.addWidget(self.time_value)
        time_layout.addWidget(self.time_unit, 1)
        self.form.row(self.tr("&Mã thủ tục"), "code", self.code)
        self.form.row(self.tr("&Tên thủ tục"), "name", self.name)
        self.form.row(self.tr("&Lĩnh vực"), "field", self.field)
        self.form.row(self.tr("T&hời hạn giải quyết"), "time", time_row)
        self.form.row(self.tr("Lệ &phí"), "fee", self.fee)
        self.form.row(self.tr("Ghi &chú lệ phí"), "fee_note", self.fee_note)
        self.form.row(self.tr("Đơn &vị xử lý"), "unit", self.unit)
        self.form.addRow("", self.local_override)
        self.form.row(self.tr("Giấy tờ phải &nộp"), "documents", self.documents)
        self.form.fields["time"] = self.time_value  # where a message about the time sends focus

        self.state = QLabel(objectName="state_label")
        self.state.setWordWrap(True)
        self.error = error_label()
        self.notice = QLabel(objectName="notice")
        self.notice.setWordWrap(True)

        self.new_button = QPushButton(self.tr("Thủ tục mới (Ctrl+N)"), objectName="new_button")
        self.save_button = QPushButton(self.tr("Lưu (Ctrl+S)"), objectName="save_button")
        self.import_button = QPushButton(self.tr("Nhập từ tệp… (Ctrl+I)"),
                                         objectName="import_button")
        self.export_button = QPushButton(self.tr("Xuất ra tệp… (Ctrl+Shift+E)"),
                                         objectName="export_button")
        close = QPushButton(self.tr("Đóng (Esc)"), objectName="close_button")
        for button, slot, keys in (
            (self.new_button, self.new_procedure, QKeySequence.StandardKey.New),
            (self.save_button, self.save, QKeySequence.StandardKey.Save),
            (self.import_button, self.import_catalogue, QKeySequence("Ctrl+I")),
            (self.export_button, self.export_catalogue, QKeySequence("Ctrl+Shift+E")),
            (self.copy_button, self.copy_version, QKeySequence("Ctrl+Shift+V")),
            (close, self.reject, None),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            if keys is not None:
                make_shortcut(keys, self, slot)
        make_shortcut(QKeySequence.StandardKey.Find, self, self._focus_search)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list, 3)
        left_layout.addWidget(QLabel(self.tr("Các phiên bản của thủ tục đang chọn")))
        left_layout.addWidget(self.history, 2)
        left_layout.addWidget(self.copy_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.state)
        right_layout.addLayout(self.form, 1)
        right_layout.addWidget(self.error)
        right_layout.addWidget(self.notice)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.import_button,
                       self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([440, 740])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        chain = [self.search, self.list, self.code, self.name, self.field, self.time_value,
                 self.time_unit, self.fee, self.fee_note, self.unit, self.local_override,
                 self.documents.table, self.save_button, self.history]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        open_size(self, 1200, 700)
        self._fill_list()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._show(None)
        self.search.setFocus()

    # --- the list --------------------------------------------------------------------------

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self._entries:
            p = entry.procedure
            text = f"{p.code} – {p.name}"
            item = QListWidgetItem(text + (self.tr(" (ngừng áp dụng)") if entry.withdrawn
                                           else ""))
            item.setData(CODE_ROLE, p.code)
            item.setToolTip(f"{p.field}\n{p.name}")
            if entry.withdrawn:
                item.setForeground(QBrush(QColor(WITHDRAWN_COLOUR)))
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        needle = fold(text)
        for row, entry in enumerate(self._entries):
            p = entry.procedure
            self.list.item(row).setHidden(needle not in fold(f"{p.code} {p.name} {p.field}"))

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def select(self, code: str) -> None:
        """Show `code` in the form (asking first if what is typed would be lost)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(CODE_ROLE) == code:
                self.list.setCurrentRow(row)
                return

    def _chosen(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if current is None:
            return
        code = current.data(CODE_ROLE)
        if self._loaded is not None and self._loaded.procedure.code == code:
            return
        if not self._may_discard():
            self.list.blockSignals(True)
            self.list.setCurrentItem(previous)
            self.list.blockSignals(False)
            return
        self._show(next(e for e in self._entries if e.procedure.code == code))

    # --- the form --------------------------------------------------------------------------

    def _time_units(self) -> dict[TimeUnit, str]:
        return {
            TimeUnit.WORKING_DAYS: self.tr("ngày làm việc"),
            TimeUnit.WORKING_HOURS: self.tr("giờ làm việc"),
            TimeUnit.CALENDAR_DAYS: self.tr("ngày (kể cả ngày nghỉ)"),
            TimeUnit.SAME_DAY: self.tr("Trong ngày"),
        }

    def _chosen_unit(self) -> TimeUnit:
        return TimeUnit(self.time_unit.currentData())  # Qt hands the enum back as a str

    def _unit_changed(self) -> None:
        same_day = self._chosen_unit() is TimeUnit.SAME_DAY
        if same_day:
            self.time_value.setValue(0)
        self.time_value.setEnabled(not same_day)

    def _show(self, entry: CatalogueEntry | None) -> None:
        """Fill the form with `entry`'s current version, or empty it for a new procedure."""
        self._loaded = entry
        p = entry.procedure if entry else None
        self.form.clear_issues()
        self._say("")
        self.code.setText(p.code if p else "")
        self.code.setReadOnly(p is not None)  # the code is what dossiers point at
        self.name.setText(p.name if p else "")
        self._fill_fields(p.field if p else "")
        self.time_unit.setCurrentIndex(
            self.time_unit.findData(p.time.unit if p else TimeUnit.WORKING_DAYS))
        self.time_value.setValue(p.time.value if p else 1)
        self._unit_changed()
        self.fee.setValue(p.fee if p else 0)
        self.fee_note.setText(p.fee_note if p else "")
        self.unit.set_unit(p.unit if p else "")
        self.local_override.setChecked(entry.local_override if entry else True)
        self.documents.set_documents(p.documents if p else ())
        self.state.setText(self._state_text(entry))
        self.history.setRowCount(0)
        self.copy_button.setEnabled(False)
        if entry is not None:
            self._worker.run(partial(self._services.procedure_versions, p.code),
                             partial(self._show_history, p.code),
                             partial(show_error, self))

    def _fill_fields(self, current: str) -> None:
        fields = sorted({e.procedure.field for e in self._entries}, key=fold)
        self.field.clear()
        self.field.addItems(fields)
        self.field.setCurrentIndex(-1)
        self.field.setEditText(current)

    def _state_text(self, entry: CatalogueEntry | None) -> str:
        if entry is None:
            return self.tr("Thủ tục mới: nhập mã, tên và các giấy tờ rồi bấm Lưu (Ctrl+S).")
        parts = [self.tr("Phiên bản đang áp dụng: {version}.").format(
            version=entry.procedure.version)]
        if entry.withdrawn:
            parts.append(self.tr("Đã ngừng áp dụng: danh mục tỉnh không còn thủ tục này; đánh "
                                 "dấu «Giữ bản sửa của xã» rồi Lưu để xã tiếp tục áp dụng."))
        if entry.local_only:
            parts.append(self.tr("Thủ tục riêng của xã."))
        if entry.newer_province_version is not None:
            parts.append(self.tr(
                "Tỉnh đã có phiên bản {version} nhưng xã đang giữ bản sửa của mình; bỏ đánh "
                "dấu «Giữ bản sửa của xã» rồi Lưu để áp dụng bản của tỉnh.").format(
                    version=entry.newer_province_version))
        return " ".join(parts)

    def _show_history(self, code: str, versions: list[ProcedureVersion]) -> None:
        if self._loaded is None or self._loaded.procedure.code != code:
            return  # another procedure was chosen meanwhile
        self._versions = versions
        fill_table(self.history, [
            [str(v.procedure.version), v.created_at.strftime("%d/%m/%Y %H:%M"),
             self._source_text(v), v.created_by or "—", v.procedure.name]
            for v in versions])
        for row, version in enumerate(versions):
            if version.current:  # the state line above the form says which one in words
                for column in range(self.history.columnCount()):
                    item = self.history.item(row, column)
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
        if versions:
            self.history.selectRow(0)
        self.copy_button.setEnabled(bool(versions))

    def _source_text(self, version: ProcedureVersion) -> str:
        if version.source is VersionSource.PROVINCE:
            return self.tr("Danh mục tỉnh {version}").format(version=version.catalogue_version)
        if version.source is VersionSource.IMPORT:
            return self.tr("Nhập từ tệp")
        return self.tr("Xã sửa")

    def copy_version(self) -> None:
        """Put the chosen version's content in the form (the admin then saves it as a new
        version): how an old version comes back."""
        row = self.history.currentRow()
        if self._loaded is None or row < 0 or not self.copy_button.isEnabled():
            return
        old = self._versions[row].procedure
        self._fill_from(old)
        self.notice.setText(self.tr(
            "Đã lấy nội dung phiên bản {version} vào biểu mẫu; bấm Lưu (Ctrl+S) để áp dụng.")
            .format(version=old.version))
        self.name.setFocus()

    def _fill_from(self, p: Procedure) -> None:
        self.name.setText(p.name)
        self.field.setEditText(p.field)
        self.time_unit.setCurrentIndex(self.time_unit.findData(p.time.unit))
        self.time_value.setValue(p.time.value)
        self.fee.setValue(p.fee)
        self.fee_note.setText(p.fee_note)
        self.unit.set_unit(p.unit)
        self.documents.set_documents(p.documents)

    def procedure(self) -> Procedure:
        """What the form holds, as typed; its version is the one the edit started from."""
        unit = self._chosen_unit()
        return Procedure(
            code=self.code.text(), name=self.name.text(), field=self.field.currentText(),
            time=ProcessingTime(0 if unit is TimeUnit.SAME_DAY else self.time_value.value(),
                                unit),
            fee=self.fee.value(), fee_note=self.fee_note.text(), unit=self.unit.currentText(),
            documents=self.documents.documents(),
            version=self._loaded.procedure.version if self._loaded else 0,
        )

    def is_dirty(self) -> bool:
        typed = self.procedure()
        if self._loaded is None:
            return bool(typed.code.strip() or typed.name.strip() or typed.documents)
        return (not same_content(typed, self._loaded.procedure)
                or self.local_override.isChecked() != self._loaded.local_override)

    def _may_discard(self) -> bool:
        return not self.is_dirty() or confirm(
            self, self.tr("Bỏ nội dung chưa lưu?"),
            self.tr("Thủ tục đang sửa có thay đổi chưa được lưu. Bỏ các thay đổi đó?"))

    def _say(self, text: str) -> None:
        """A message about no single field (or "" to clear it), and the last notice goes."""
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.notice.clear()

    # --- actions ---------------------------------------------------------------------------

    def new_procedure(self) -> None:
        if not self._may_discard():
            return
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._show(None)
        self.code.setFocus()

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return  # Ctrl+S again while the last save is still being written
        procedure = self.procedure()
        self.form.clear_issues()
        self._say("")
        self.save_button.setEnabled(False)
        self._worker.run(
            partial(self._services.save_procedure, procedure,
                    local_override=self.local_override.isChecked()),
            partial(self._saved, procedure), self._failed)

    def _saved(self, typed: Procedure, saved: Procedure) -> None:
        self.save_button.setEnabled(True)
        if typed.version == saved.version:
            message = self.tr("Không có thay đổi nội dung: vẫn là phiên bản {version}.")
        else:
            message = self.tr("Đã lưu thủ tục {code}, phiên bản {version}.")
        self._reload(saved.code, message.format(code=saved.code, version=saved.version))

    def _failed(self, exc: Exception) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationFailed):
            homeless = self.form.show_issues(exc.issues)
            self._say("\n".join(issue.message for issue in homeless))
        else:
            self._say(error_text(exc))

    def _reload(self, code: str, notice: str) -> None:
        """Read the catalogue again and show `code` as now stored."""

        def reloaded(entries: list[CatalogueEntry]) -> None:
            self._entries = entries
            self._loaded = None
            self._fill_list()
            self.list.blockSignals(True)
            self.select(code)
            self.list.blockSignals(False)
            chosen = next((e for e in entries if e.procedure.code == code), None)
            self._show(chosen)
            self.notice.setText(notice)

        self._worker.run(self._services.catalogue_entries, reloaded, partial(show_error, self))

    def import_catalogue(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Nhập danh mục thủ tục"), "", JSON_FILTER)
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        if not self._may_discard():
            return
        code = self._loaded.procedure.code if self._loaded else ""

        def imported(summary) -> None:
            self._reload(code, self.tr(
                "Đã nhập từ {file}: {added} thủ tục mới, {changed} thủ tục có phiên bản mới, "
                "{unchanged} thủ tục không đổi.").format(
                    file=path.name, added=summary.added, changed=summary.changed,
                    unchanged=summary.unchanged))

        self._say("")
        self._worker.run(partial(self._services.import_catalogue, path), imported,
                         lambda exc: self._say(error_text(exc)))

    def export_catalogue(self) -> None:
        default = f"danh-muc-thu-tuc-{QDate.currentDate().toString('yyyyMMdd')}.json"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Xuất danh mục thủ tục"), default, JSON_FILTER)
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        def exported(count: int) -> None:
            self.notice.setText(self.tr("Đã xuất %n thủ tục ra tệp {file}.", "", count).format(
                file=str(path)))

        self._say("")
        self._worker.run(partial(self._services.export_catalogue, path), exported,
                         lambda exc: self._say(error_text(exc)))

    def reject(self) -> None:
        if self._may_discard():
            super().reject()


def open_catalogue(services, worker, parent: QWidget) -> None:
    def read() -> tuple:
        return services.catalogue_entries(), services.processing_units()

    def opened(data: tuple) -> None:
        dialog = CatalogueDialog(services, worker, *data, parent=parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    worker.run(read, opened, partial(show_error, parent))
