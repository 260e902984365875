"""A dossier action whose only input is a mandatory reason: refusal, withdrawal, stop. What
differs between them is said by the caller."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desk_app.core.model import DossierRow
from desk_app.ui.action_dialog import ActionDialog, reason_edit, text_of
from desk_app.ui.ask import confirm


class ReasonDialog(ActionDialog):
    """`act(reason)` is the service call (run on the worker); `required` what to say when the
    reason is left empty; `question`, if any, is asked before an action that cannot be undone
    ({name}: the applicant), No being the answer Enter and Esc give."""

    def __init__(self, services, worker, rows: Sequence[DossierRow], *, name: str, title: str,
                 submit_text: str, label: str, placeholder: str, required: str,
                 act: Callable[[str], object], question: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(services, worker, rows, name=name, title=title,
                         submit_text=submit_text, parent=parent)
        self._act = act
        self._question = question
        self.reason = self.add_field("reason", label, reason_edit("reason", placeholder),
                                     required=required)
        self.reason.setFocus()

    def _job(self) -> Callable[[], object] | None:
        job = super()._job()
        if job is None or not self._question:
            return job
        asked = self._question.format(name=self.rows[0].applicant_name)
        return job if confirm(self, self.windowTitle(), asked, detail=QCoreApplication.translate(
            "ReasonDialog", "Không hoàn tác được. Có: ghi nhận và in phiếu; Không (Enter, Esc): "
            "quay lại, lý do vẫn giữ.")) else None

    def action(self) -> Callable[[], object]:
        reason = text_of(self.reason)
        return lambda: self._act(reason)


def refusal_texts() -> dict[str, str]:
    """What the refusal's reason dialog says, the same whether the dossier was received first
    (the dossier actions) or is refused at the counter (the receive form)."""
    translate = QCoreApplication.translate
    return {
        "title": translate("ReasonDialog", "Từ chối tiếp nhận hồ sơ"),
        "submit_text": translate("ReasonDialog", "Từ chối và in phiếu"),
        "label": translate("ReasonDialog", "&Lý do từ chối"),
        "placeholder": translate(
            "ReasonDialog", "Ví dụ: thủ tục không thuộc thẩm quyền giải quyết của xã"),
        "required": translate(
            "ReasonDialog", "Nhập lý do từ chối: lý do được in trên phiếu từ chối."),
        "question": translate("ReasonDialog", "Từ chối tiếp nhận hồ sơ của {name}?"),
    }
