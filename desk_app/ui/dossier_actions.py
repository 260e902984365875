"""What a clerk can do to the selected dossier(s) after the receipt, as actions shared by the
main window (menu, toolbar, context menu) and the dossier detail (its buttons); which actions
there are, their keys and permissions, is ui.actions' table.

Each action is enabled only when every selected dossier's state allows it (the same rule the
services apply, from core), so impossible actions are greyed out rather than refused. Each one
reads what its dialog needs on the worker, opens the dialog, and once the services have recorded
the action, renders the slip the action produces and opens its preview. The dialogs and the
preview are imported when first opened: the main window starts without them (issue 13).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from desk_app.core.accounts import Permission
from desk_app.core.lifecycle import EventKind, later_stages, state_after
from desk_app.core.model import Dossier, DossierRow
from desk_app.core.payloads import requested_by, resume_in, supplement_request
from desk_app.core.slips import SlipKind
from desk_app.core.states import DossierState, InvalidTransition
from desk_app.ui.actions import DOSSIER_ACTIONS, build_actions
from desk_app.ui.ask import warn
from desk_app.ui.messages import error_text, show_error

Selection = Callable[[], list[DossierRow]]


def allows(kind: EventKind | None, status: DossierState) -> bool:
    """Whether a dossier in `status` can go through `kind` (core's state machine decides);
    `kind` None: whether it can take a document digitised later."""
    if kind is None:
        return bool(later_stages(status))
    try:
        state_after(kind, status)
    except InvalidTransition:
        return False
    return True


class DossierActions(QObject):
    """The actions live in `host`'s window (so their shortcuts work there); `selection()` says
    which dossiers they act on. `done(uuids)` after the services recorded an action."""

    done = Signal(list)

    def __init__(self, services, worker, host: QWidget, selection: Selection, *,
                 hide_disabled: bool = False,
                 granted: Callable[[], frozenset[Permission]] | None = None) -> None:
        """`granted()`: what the logged-in account may do, when this host does not have its
        actions gated by the session (the detail dialog)."""
        super().__init__(host)
        self._services = services
        self._worker = worker
        self._host = host
        self._selection = selection
        self._hide_disabled = hide_disabled
        self._granted = granted
        self.actions = build_actions(DOSSIER_ACTIONS, host, self)
        for action in self.actions.values():
            # On buttons, the key is shown: clerks learn the shortcuts from them.
            plain = action.text().replace("&", "").removesuffix("…")
            action.setIconText(f"{plain} ({action.shortcut().toString()})")
        self.update()

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def update(self) -> None:
        """Enable what every selected dossier's state allows."""
        rows = self._selection()
        granted = self._granted() if self._granted else frozenset(Permission)
        for spec in DOSSIER_ACTIONS:
            enabled = bool(rows) and (spec.many or len(rows) == 1) and all(
                allows(spec.kind, row.status) for row in rows) and spec.permission in granted
            action = self.actions[spec.name]
            action.setEnabled(enabled)
            if self._hide_disabled:
                action.setVisible(enabled)

    # --- the flow every action shares ------------------------------------------------------

    def _one(self) -> DossierRow | None:
        rows = self._selection()
        return rows[0] if len(rows) == 1 else None

    def _open(self, read: Callable[[], object], build: Callable[[object], QDialog],
              slip: Callable[[object], Path] | None, rows: list[DossierRow]) -> None:
        """Read on the worker, build the dialog from what was read, and when the dialog has
        recorded the action, render `slip(result)` and preview it."""

        def opened(data: object) -> None:
            dialog = build(data)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.performed.connect(partial(self._performed, slip, rows))
            dialog.open()

        self._worker.run(read, opened, partial(show_error, self._host))

    def _performed(self, slip: Callable[[object], Path] | None, rows: list[DossierRow],
                   result: object) -> None:
        self.done.emit([row.uuid for row in rows])
        if slip is None:
            return
        self._worker.run(lambda: slip(result), self._preview, self._slip_failed)

    def _preview(self, path: Path | None) -> None:
        """`path` None: the action had no slip to show after all (a correction of an action
        that printed nothing)."""
        from desk_app.ui.print_preview import show_preview

        if path is not None:
            show_preview(path, self._worker, self._host, services=self._services)

    def _slip_failed(self, exc: Exception) -> None:
        warn(self._host, self.tr("Chưa in được phiếu"), self.tr(
            "Thao tác đã được ghi nhận, nhưng chưa tạo được phiếu: {error}\n"
            "Có thể in lại phiếu trong chi tiết hồ sơ (Ctrl+O).").format(error=error_text(exc)))

    def _reason(self, row: DossierRow, *, name: str, title: str, submit_text: str, label: str,
                placeholder: str, required: str, act: Callable[[str], object],
                slip: Callable[[object], Path] | None, question: str = "") -> None:
        from desk_app.ui.reason_dialog import ReasonDialog

        def build(_data: object) -> QDialog:
            return ReasonDialog(
                self._services, self._worker, [row], name=name, title=title,
                submit_text=submit_text, label=label, placeholder=placeholder,
                required=required, act=act, question=question, parent=self._host)

        self._open(lambda: None, build, slip, [row])

    # --- the actions -----------------------------------------------------------------------

    def hand_over(self) -> None:
        from desk_app.ui.handover_dialog import HandoverDialog

        rows = self._selection()
        if not rows:
            return
        services = self._services

        def slip(batch_uuid: object) -> Path:
            # A batch gets its list with one line per dossier; a single dossier its control slip.
            if len(rows) > 1:
                return services.handover_list_pdf(batch_uuid)
            return services.slip_pdf(rows[0].uuid, SlipKind.CONTROL)

        def read() -> tuple:
            uuids = [row.uuid for row in rows]
            return services.processing_units(), services.suggested_unit(uuids)

        self._open(
            read,
            lambda data: HandoverDialog(services, self._worker, rows, *data, parent=self._host),
            slip, rows)

    def record_result_ready(self) -> None:
        from desk_app.ui.handover_dialog import ResultReadyDialog

        if (row := self._one()) is None:
            return
        services = self._services
        def read() -> tuple:
            # Not handed over: the counter settled it itself (same-day procedures).
            setup = services.counter_setup()
            unit = services.current_unit(row.uuid) or (setup.unit_name if setup else "")
            return services.processing_units(), unit

        self._open(
            read,
            lambda data: ResultReadyDialog(services, self._worker, row, *data,
                                           parent=self._host),
            lambda _dossier: services.slip_pdf(row.uuid, SlipKind.CONTROL), [row])

    def request_supplement(self) -> None:
        from desk_app.ui.supplement_dialog import SupplementDialog

        if (row := self._one()) is None:
            return
        services = self._services

        def read() -> tuple:
            dossier = services.dossier(row.uuid)
            # The documents the procedure asked for when the dossier was received.
            procedure = services.procedure_at(dossier.draft.procedure_code,
                                              dossier.procedure_version)
            # Whoever asks for the supplement is who the citizen asks for when bringing it.
            setup, clerk = services.counter_setup(), services.current_account()
            contact = f"{clerk.full_name}, {setup.unit_name}" if setup and clerk else ""
            provided = {d.name for d in dossier.draft.documents if d.provided}
            at_unit = dossier.status is DossierState.PROCESSING
            from_unit = services.current_unit(row.uuid) if at_unit else ""
            return (procedure.documents if procedure else ()), provided, contact, from_unit

        self._open(
            read,
            lambda data: SupplementDialog(services, self._worker, row, *data, parent=self._host),
            lambda _request: services.slip_pdf(row.uuid, SlipKind.SUPPLEMENT), [row])

    def receive_supplement(self) -> None:
        from desk_app.ui.supplement_dialog import SupplementReceivedDialog

        if (row := self._one()) is None:
            return
        services = self._services

        def read() -> tuple[tuple[str, ...], str]:
            # What the request asked for, and back to the unit that sent it back for the
            # supplement, if it was at a unit then.
            requests = [e for e in services.history(row.uuid)
                        if e.kind == EventKind.SUPPLEMENT_REQUESTED]
            if not requests:
                return (), ""
            at_unit = resume_in(requests[-1]) is DossierState.PROCESSING
            return (supplement_request(requests[-1]).missing,
                    requested_by(requests[-1]) if at_unit else "")

        self._open(
            read,
            lambda data: SupplementReceivedDialog(services, self._worker, row, *data,
                                                  parent=self._host),
            lambda _dossier: services.receipt_pdf(row.uuid), [row])

    def digitise(self) -> None:
        from desk_app.ui.digitise_dialog import DigitiseDialog

        if (row := self._one()) is None:
            return
        services = self._services

        def read() -> tuple[Dossier, str, list]:
            return (services.dossier(row.uuid), services.current_account().full_name,
                    services.unsaved_scans(row.uuid))

        self._open(read, lambda data: DigitiseDialog(services, self._worker, row, *data,
                                                     parent=self._host), None, [row])

    def refuse(self) -> None:
        from desk_app.ui.reason_dialog import refusal_texts

        if (row := self._one()) is None:
            return
        services = self._services
        self._reason(
            row, name="refusal_dialog", **refusal_texts(),
            act=lambda reason: services.refuse(row.uuid, reason),
            slip=lambda _refusal: services.slip_pdf(row.uuid, SlipKind.REFUSAL))

    def apologise(self) -> None:
        from desk_app.ui.apology_dialog import ApologyDialog

        if (row := self._one()) is None:
            return
        services = self._services
        self._open(
            lambda: (services.calendar(), services.now()),
            lambda data: ApologyDialog(services, self._worker, row, *data, parent=self._host),
            lambda _apology: services.slip_pdf(row.uuid, SlipKind.APOLOGY), [row])

    def return_result(self) -> None:
        from desk_app.ui.return_dialog import ReturnDialog

        if (row := self._one()) is None:
            return
        services = self._services
        self._open(
            lambda: services.dossier(row.uuid),
            lambda dossier: ReturnDialog(services, self._worker, row, dossier,
                                         parent=self._host),
            None, [row])

    def withdraw(self) -> None:
        if (row := self._one()) is None:
            return
        services = self._services
        self._reason(
            row, name="withdraw_dialog",
            title=self.tr("Dừng giải quyết hồ sơ theo yêu cầu của công dân"),
            submit_text=self.tr("Ghi nhận và in thông báo dừng"), label=self.tr("&Lý do"),
            placeholder=self.tr("Ví dụ: công dân không còn nhu cầu, có đơn đề nghị dừng"),
            required=self.tr("Nhập lý do công dân rút hồ sơ."),
            question=self.tr("Dừng giải quyết hồ sơ của {name} theo yêu cầu của công dân?"),
            act=lambda reason: services.withdraw(row.uuid, reason),
            slip=lambda _dossier: services.slip_pdf(row.uuid, SlipKind.STOP_NOTICE))

    def stop(self) -> None:
        if (row := self._one()) is None:
            return
        services = self._services
        self._reason(
            row, name="stop_dialog", title=self.tr("Dừng xử lý hồ sơ"),
            submit_text=self.tr("Ghi nhận dừng xử lý"), label=self.tr("&Lý do"),
            placeholder=self.tr("Ví dụ: theo đề nghị của cơ quan giải quyết"),
            required=self.tr("Nhập lý do dừng xử lý hồ sơ."),
            act=lambda reason: services.stop_processing(row.uuid, reason), slip=None)

    def correct(self) -> None:
        """Ask the services what the correction would reverse: the dialog opens only when
        there is something to reverse, otherwise the reason why not is shown. After it, the
        first of the reversed action's slips, reprinted void, is previewed."""
        from desk_app.ui.correction_dialog import CorrectionDialog

        if (row := self._one()) is None:
            return
        services = self._services
        self._open(
            lambda: services.last_action_reversal(row.uuid),
            lambda undo: CorrectionDialog(services, self._worker, row, undo, parent=self._host),
            lambda done: next(iter(done.voided_slips), None), [row])
