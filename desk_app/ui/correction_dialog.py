"""Correcting a mistake: reverse the dossier's last action of the day (docs/domain.md,
"Correcting a mistake"). The dialog says which action goes and what state the dossier returns
to, asks for the reason (kept in the journal and printed on the void slips) and for an explicit
confirmation, since the correction is recorded and synced like any action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from desk_app.core import validation
from desk_app.core.lifecycle import Reversal
from desk_app.core.model import DossierRow
from desk_app.core.validation import Issue
from desk_app.ui.action_dialog import ActionDialog, reason_edit, text_of
from desk_app.ui.labels import date_time_text, event_kind_label, state_label


class CorrectionDialog(ActionDialog):
    def __init__(self, services, worker, row: DossierRow, undo: Reversal,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, worker, [row], name="correction_dialog",
                         title=self.tr("Đính chính: hủy thao tác cuối của hồ sơ"),
                         submit_text=self.tr("Hủy thao tác và ghi nhận đính chính"),
                         parent=parent)
        action = undo.reversed
        self.what = QLabel(self.tr(
            "Thao tác bị hủy: «{kind}» lúc {at}, do {clerk} ghi nhận.\n"
            "Sau khi đính chính, hồ sơ trở lại trạng thái «{state}». Thao tác cũ vẫn lưu trong "
            "nhật ký; phiếu đã in của thao tác đó được in lại có dấu ĐÃ HỦY.").format(
                kind=event_kind_label(action.kind), at=date_time_text(action.device_time),
                clerk=action.clerk, state=state_label(undo.restored)),
            objectName="reversed_action")
        self.what.setWordWrap(True)
        self.form.addRow(self.what)
        self.reason = self.add_field(
            "reason", self.tr("&Lý do đính chính"),
            reason_edit("reason", self.tr("Ví dụ: bấm nhầm hồ sơ, giao nhầm đơn vị")),
            required=self.tr("Nhập lý do đính chính: lý do được lưu và in trên phiếu đã hủy."))
        self.confirm = self.add_field(
            "confirm", "", QCheckBox(self.tr("Tôi &xác nhận hủy thao tác trên"),
                                     objectName="confirm_correction"))
        self._row = row
        self.reason.setFocus()

    def local_issues(self) -> list[Issue]:
        issues = super().local_issues()
        if not self.confirm.isChecked():
            issues.append(validation.error(
                "confirm", self.tr("Đánh dấu xác nhận để hủy thao tác này.")))
        return issues

    def action(self) -> Callable[[], object]:
        reason, uuid = text_of(self.reason), self._row.uuid
        return lambda: self.services.correct_last_action(uuid, reason)
