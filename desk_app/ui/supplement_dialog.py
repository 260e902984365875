"""Asking the applicant to complete the dossier (form 2): what is missing, why, whom to ask."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from desk_app.core import validation
from desk_app.core.model import DossierRow, RequiredDocument
from desk_app.core.text import clean
from desk_app.core.validation import Issue
from desk_app.ui.action_dialog import ActionDialog, fit_rows, reason_edit, text_of

CHECKLIST_VISIBLE_ROWS = 7


def checklist(name: str, items: Sequence[tuple[str, str, bool]]) -> QListWidget:
    """A list of documents to tick with Space: (shown text, document name, ticked)."""
    listing = QListWidget(objectName=name)
    for text, document, ticked in items:
        item = QListWidgetItem(text, listing)
        item.setData(Qt.ItemDataRole.UserRole, document)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        item.setToolTip(document)
    fit_rows(listing, min(listing.count(), CHECKLIST_VISIBLE_ROWS))
    if listing.count():
        listing.setCurrentRow(0)
    return listing


def ticked(listing: QListWidget) -> list[str]:
    return [item.data(Qt.ItemDataRole.UserRole)
            for item in map(listing.item, range(listing.count()))
            if item.checkState() == Qt.CheckState.Checked]


class SupplementDialog(ActionDialog):
    """Mandatory documents of the procedure not handed in at the receipt come ticked. A dossier at a
    processing unit is being sent back by that unit (`from_unit`): who brings it is asked too,
    for the control slip."""

    def __init__(self, services, worker, row: DossierRow,
                 documents: Sequence[RequiredDocument], provided: Collection[str],
                 contact: str, from_unit: str = "", parent: QWidget | None = None) -> None:
        super().__init__(services, worker, [row], name="supplement_dialog",
                         title=self.tr("Yêu cầu bổ sung, hoàn thiện hồ sơ"),
                         submit_text=self.tr("Ghi nhận và in phiếu"), parent=parent)
        # Ticked: what the law asks for and the applicant did not bring; an optional document
        # ("nếu có") is asked for only when the clerk ticks it.
        self.checklist = checklist("missing", [
            (document.name + (" *" if document.mandatory else ""), document.name,
             document.mandatory and document.name not in provided)
            for document in documents])
        hint = QLabel(self.tr("Phím cách: đánh dấu / bỏ đánh dấu. (*) giấy tờ bắt buộc."))
        hint.setStyleSheet("color: #555;")
        self.add_field("missing", self.tr("&Giấy tờ cần bổ sung"), self.checklist, note=hint)
        self.others = self.add_field(
            "others", self.tr("Giấy tờ &khác"),
            reason_edit("others", self.tr("Mỗi dòng một giấy tờ không có trong danh sách trên")))
        self.reason = self.add_field(
            "reason", self.tr("&Lý do"),
            reason_edit("reason", self.tr("Ví dụ: bản sao chưa được chứng thực")),
            required=self.tr("Nhập lý do cần bổ sung: lý do được in trên phiếu."))
        self.contact = self.add_field(
            "contact", self.tr("Liên &hệ"), QLineEdit(contact, objectName="contact"))
        self.giver = QLineEdit(objectName="giver_name")
        if from_unit:
            self.giver.setPlaceholderText(self.tr("người của {unit}").format(unit=from_unit))
            self.add_field("giver_name", self.tr("Người giao lạ&i"), self.giver)
        (self.checklist if self.checklist.count() else self.others).setFocus()

    def missing(self) -> list[str]:
        typed = [line for line in map(clean, text_of(self.others).splitlines()) if line]
        return ticked(self.checklist) + typed

    def local_issues(self) -> list[Issue]:
        issues = super().local_issues()
        if not self.missing():
            issues.insert(0, validation.error("missing", self.tr(
                "Đánh dấu hoặc gõ ít nhất một giấy tờ cần bổ sung.")))
        return issues

    def action(self) -> Callable[[], object]:
        uuid, missing = self.rows[0].uuid, self.missing()
        reason, contact, giver = text_of(self.reason), text_of(self.contact), text_of(self.giver)
        return lambda: self.services.request_supplement(
            uuid, missing, reason, contact, giver_name=giver)


class SupplementReceivedDialog(ActionDialog):
    """The applicant brought the documents: ticked from those the request asked for
    (`requested`; all ticked, the clerk unticks what is still missing), printed on the
    receipt of the supplement. A dossier the unit had sent back goes back to that unit
    (`back_to_unit`): who takes it there is asked too, for the control slip."""

    def __init__(self, services, worker, row: DossierRow, requested: Sequence[str],
                 back_to_unit: str = "", parent: QWidget | None = None) -> None:
        super().__init__(services, worker, [row], name="supplemented_dialog",
                         title=self.tr("Nhận hồ sơ bổ sung"),
                         submit_text=self.tr("Ghi nhận và in giấy tiếp nhận"), parent=parent)
        self.brought = checklist("brought", [(name, name, True) for name in requested])
        hint = QLabel(self.tr("Phím cách: đánh dấu / bỏ đánh dấu giấy tờ đã nộp."))
        hint.setStyleSheet("color: #555;")
        if self.brought.count():
            self.add_field("brought", self.tr("&Giấy tờ đã nộp bổ sung"), self.brought,
                           note=hint)
        self.note = self.add_field("note", self.tr("Ghi &chú"), reason_edit(
            "note", self.tr("Giấy tờ khác hoặc điều cần ghi lại (không bắt buộc)")))
        self.receiver = QLineEdit(objectName="receiver_name")
        if back_to_unit:
            self.receiver.setPlaceholderText(self.tr("người của {unit}").format(unit=back_to_unit))
            self.add_field("receiver_name", self.tr("Người &nhận lại"), self.receiver)
        (self.brought if self.brought.count() else self.note).setFocus()

    def local_issues(self) -> list[Issue]:
        issues = super().local_issues()
        if self.brought.count() and not ticked(self.brought):
            issues.insert(0, validation.error("brought", self.tr(
                "Đánh dấu giấy tờ công dân đã nộp bổ sung.")))
        return issues

    def action(self) -> Callable[[], object]:
        uuid, note, receiver = self.rows[0].uuid, text_of(self.note), text_of(self.receiver)
        brought = ticked(self.brought)
        return lambda: self.services.receive_supplement(
            uuid, note, brought=brought, receiver_name=receiver)
