"""A dossier action whose only input is a reason (or a note): refusal, withdrawal, stop,
receiving a supplement. What differs between them is said by the caller."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QWidget

from desk_app.core.model import DossierRow
from desk_app.ui.action_dialog import ActionDialog, reason_edit, text_of


class ReasonDialog(ActionDialog):
    """`act(text)` records the action (on the worker). An empty `required` message makes the
    text optional, a note rather than a reason."""

    def __init__(self, services, worker, rows: Sequence[DossierRow], *, name: str, title: str,
                 submit_text: str, label: str, placeholder: str, required: str,
                 act: Callable[[str], object], key: str = "reason",
                 parent: QWidget | None = None) -> None:
        super().__init__(services, worker, rows, name=name, title=title,
                         submit_text=submit_text, parent=parent)
        self._act = act
        self._key = key
        self.reason = self.add_field(key, label, reason_edit(key, placeholder),
                                     required=required)
        self.reason.setFocus()

    def action(self) -> Callable[[], object]:
        text = text_of(self.reason)
        return lambda: self._act(text)
