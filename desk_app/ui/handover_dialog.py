"""Dossiers crossing between the counter and a processing unit: handed over (one or a batch),
or brought back with the result. Both name the unit and the person on the other side."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from desk_app.core.lifecycle import ProcessingUnit
from desk_app.core.model import DossierRow
from desk_app.core.text import fold
from desk_app.ui.action_dialog import ActionDialog, text_of
from desk_app.ui.procedure_picker import SEARCH_ROLE, FoldingCompleter


class UnitPicker(QComboBox):
    """The configured processing units, found by typing a few words without diacritics
    ("cong an"); a unit missing from the list can still be typed in full."""

    def __init__(self, units: Sequence[ProcessingUnit], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="unit")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(36)
        model = QStandardItemModel(self)
        for unit in units:
            item = QStandardItem(unit.name)
            item.setData(fold(unit.name), SEARCH_ROLE)
            if unit.inter_agency:
                item.setToolTip(self.tr("Đơn vị liên thông"))
            model.appendRow(item)
        self.setModel(model)
        self.setCompleter(FoldingCompleter(model, self))
        self.lineEdit().setPlaceholderText(self.tr("Gõ vài chữ trong tên đơn vị, ví dụ: công an"))
        self.setCurrentIndex(-1)

    def set_unit(self, name: str) -> None:
        self.setCurrentIndex(self.findText(name))
        self.setEditText(name)


class UnitExchangeDialog(ActionDialog):
    """Unit, the person on the unit's side, a note. Subclasses say who the person is and what
    the services record."""

    person_key = ""

    def __init__(self, services, worker, rows: Sequence[DossierRow],
                 units: Sequence[ProcessingUnit], *, name: str, title: str, submit_text: str,
                 person_label: str, person_required: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, worker, rows, name=name, title=title,
                         submit_text=submit_text, parent=parent)
        self.unit = self.add_field(
            "unit", self.tr("Đơn &vị"), UnitPicker(units),
            required=self.tr("Chọn hoặc gõ tên đơn vị xử lý."))
        self.person = self.add_field(
            self.person_key, person_label, QLineEdit(objectName=self.person_key),
            required=person_required)
        self.note = self.add_field("note", self.tr("Ghi &chú"), QLineEdit(objectName="note"))
        self.unit.setFocus()

    def values(self) -> tuple[str, str, str]:
        return text_of(self.unit), text_of(self.person), text_of(self.note)


class HandoverDialog(UnitExchangeDialog):
    """The result is the batch's uuid, for the handover list."""

    person_key = "receiver_name"

    def __init__(self, services, worker, rows: Sequence[DossierRow],
                 units: Sequence[ProcessingUnit], suggested_unit: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(
            services, worker, rows, units, name="handover_dialog",
            title=self.tr("Bàn giao hồ sơ cho đơn vị xử lý"),
            submit_text=self.tr("Bàn giao và in phiếu"),
            person_label=self.tr("Người &nhận"),
            person_required=self.tr("Nhập họ tên người nhận hồ sơ ở đơn vị."),
            parent=parent)
        # The unit the dossiers' procedures go to (services.suggested_unit), when they share one.
        if suggested_unit:
            self.unit.set_unit(suggested_unit)
            self.person.setFocus()

    def action(self) -> Callable[[], object]:
        uuids = [row.uuid for row in self.rows]
        unit, receiver, note = self.values()
        return lambda: self.services.hand_over(uuids, unit, receiver, note)


class ResultReadyDialog(UnitExchangeDialog):
    person_key = "giver_name"

    def __init__(self, services, worker, row: DossierRow, units: Sequence[ProcessingUnit],
                 last_unit: str = "", parent: QWidget | None = None) -> None:
        super().__init__(
            services, worker, [row], units, name="result_ready_dialog",
            title=self.tr("Nhận kết quả từ đơn vị xử lý"),
            submit_text=self.tr("Ghi nhận kết quả"),
            person_label=self.tr("Người &giao"),
            person_required=self.tr("Nhập họ tên người của đơn vị giao lại kết quả."),
            parent=parent)
        if last_unit:
            self.unit.set_unit(last_unit)
            self.person.setFocus()

    def action(self) -> Callable[[], object]:
        uuid = self.rows[0].uuid
        unit, giver, note = self.values()
        return lambda: self.services.record_result_ready(uuid, unit, giver, note)
