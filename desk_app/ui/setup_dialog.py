"""First-run setup of the counter: who issues the codes and slips printed on this PC."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.counter import CounterSetup
from desk_app.core.text import nfc
from desk_app.services.app import Services
from desk_app.services.errors import ServiceError, ValidationFailed
from desk_app.ui.ask import warn
from desk_app.ui.field_errors import ERROR_COLOUR, FieldMessages


class SetupDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._messages = FieldMessages()
        self._fields: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("Thiết lập quầy tiếp nhận"))
        self.setObjectName("setup_dialog")

        intro = QLabel(self.tr(
            "Thông tin này in trên mọi phiếu và tạo nên mã hồ sơ. Nhập một lần cho máy này."
        ))
        intro.setWordWrap(True)
        self._commune = self._line_edit("commune_name", self.tr("ví dụ UBND xã Tân Lập"))
        self._unit = self._line_edit(
            "unit_name", self.tr("ví dụ Trung tâm Phục vụ hành chính công xã Tân Lập")
        )
        self._agency = self._line_edit("agency_code", self.tr("ví dụ 000.17.22.H56"))
        self._counter = QSpinBox()
        self._counter.setObjectName("counter_number")
        self._counter.setRange(1, 9)
        self._counter.setMaximumWidth(self._counter.fontMetrics().horizontalAdvance("0") * 10)
        counter_note = QLabel(self.tr(
            "Chữ số đầu của mỗi mã hồ sơ là số quầy, nên hai quầy của xã không bao giờ cấp "
            "trùng mã, kể cả khi mất mạng. Mỗi quầy (mỗi máy) cần một số khác nhau."
        ))
        counter_note.setObjectName("counter_note")
        counter_note.setWordWrap(True)
        counter_note.setStyleSheet("color: #555;")
        self._clerk = self._line_edit("clerk_name", self.tr("người ký trên phiếu tiếp nhận"))
        self._place = self._line_edit(
            "place_name", self.tr("ví dụ Tân Lập (in thành «Tân Lập, ngày … tháng … năm …»)")
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, self.tr("Tên &xã, phường"), "commune_name", self._commune)
        self._row(form, self.tr("&Bộ phận tiếp nhận"), "unit_name", self._unit)
        self._row(form, self.tr("&Mã định danh đơn vị"), "agency_code", self._agency)
        self._row(form, self.tr("&Số quầy"), "counter_number", self._counter, counter_note)
        self._row(form, self.tr("&Cán bộ tiếp nhận"), "clerk_name", self._clerk)
        self._row(form, self.tr("Đị&a danh ghi trên phiếu"), "place_name", self._place)

        self._general_error = QLabel()
        self._general_error.setObjectName("error_form")
        self._general_error.setWordWrap(True)
        self._general_error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self._general_error.hide()
        self._save_button = QPushButton(self.tr("Lưu (Ctrl+S)"))
        self._save_button.setObjectName("save_button")
        self._save_button.setDefault(True)
        self._save_button.clicked.connect(self._save)
        cancel = QPushButton(self.tr("Hủy (Esc)"))
        cancel.setObjectName("cancel_button")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self._save)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._save_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self._general_error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(640)

        if (current := services.counter_setup()) is not None:
            self._fill(current)

    def _line_edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _row(
        self, form: QFormLayout, text: str, key: str, field: QWidget, note: QLabel | None = None
    ) -> None:
        self._fields[key] = field
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(self._messages.label(key))
        if note is not None:
            column.addWidget(note)
        label = QLabel(text)
        label.setBuddy(field)
        form.addRow(label, box)

    def _fill(self, setup: CounterSetup) -> None:
        self._commune.setText(setup.commune_name)
        self._unit.setText(setup.unit_name)
        self._agency.setText(setup.agency_code)
        self._counter.setValue(setup.counter_number)
        self._clerk.setText(setup.clerk_name)
        self._place.setText(setup.place_name)

    def typed_setup(self) -> CounterSetup:
        return CounterSetup(
            commune_name=nfc(self._commune.text()),
            unit_name=nfc(self._unit.text()),
            agency_code=nfc(self._agency.text()),
            counter_number=self._counter.value(),
            clerk_name=nfc(self._clerk.text()),
            place_name=nfc(self._place.text()),
        )

    def _save(self) -> None:
        try:
            saved = self._services.save_counter_setup(self.typed_setup())
        except ValidationFailed as exc:
            homeless = self._messages.show(exc.issues)
            self._general_error.setText("\n".join(issue.message for issue in homeless))
            self._general_error.setVisible(bool(homeless))
            first = next((i.field for i in exc.issues if i.field in self._fields), None)
            if first is not None:
                self._fields[first].setFocus()
            return
        except ServiceError as exc:
            warn(self, self.tr("Chưa lưu được thiết lập"), str(exc))
            return
        self._fill(saved)  # as stored: trimmed, agency code in capitals
        self.accept()
