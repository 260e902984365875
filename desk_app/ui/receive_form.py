"""The receive form (tiếp nhận hồ sơ): one citizen's dossier, typed in the order of the paper slip.

Checks run as the clerk leaves each field and show beside it; a field the clerk has not reached
yet stays quiet until the first save attempt. Saving receives the dossier and renders its
receipt in one worker job, then clears the form for the next citizen but keeps the procedure,
because a counter often receives the same procedure several times in a row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QHideEvent, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import drafts, validation
from desk_app.core.calendar import WorkCalendar
from desk_app.core.changes import Changes
from desk_app.core.citizen_id import CardData
from desk_app.core.model import Dossier, DossierRow, Procedure
from desk_app.core.slips import SlipKind
from desk_app.core.states import DossierState
from desk_app.core.validation import Issue, MissingChoice, Severity, validate_draft
from desk_app.services.app import Services
from desk_app.services.errors import ServiceError, ValidationFailed
from desk_app.ui.ask import choose_missing, confirm, warn
from desk_app.ui.field_errors import WARNING_COLOUR
from desk_app.ui.reason_dialog import ReasonDialog, refusal_texts
from desk_app.ui.receive_fields import HINT_STYLE, ReceiveFields
from desk_app.ui.receive_scans import FormScans
from desk_app.ui.reuse_offers import ProvinceAccess, ReuseOffers
from desk_app.ui.scanner import ScannerCatcher
from desk_app.ui.shortcuts import make_shortcut
from desk_app.ui.widgets import error_label, open_size

log = logging.getLogger(__name__)

OK_COLOUR = "#2e7d32"
REFRESH_DUE_MS = 60_000  # the "due if received now" time moves with the clock
# Leaving a field because another window or a popup took the focus is not leaving it.
_NOT_LEAVING = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)
_CARD_FIELDS = {
    "applicant.name", "applicant.id_number", "applicant.birth_date", "applicant.address"
}
_POSTAL_FIELDS = {"delivery.recipient", "delivery.phone", "delivery.address"}


@dataclass(frozen=True)
class _Saved:
    """What the save job did: the dossier is stored; the receipt may have failed to render."""

    dossier: Dossier
    receipt: Path | None
    print_error: str = ""


class ReceiveDialog(QDialog):
    """Signals: `received(uuid, receipt_pdf_path)` once a dossier is saved and its receipt
    rendered; `saved(uuid)` whenever a dossier is saved, even if its receipt failed;
    `refused(uuid, refusal_pdf_path)` once it is refused at the counter (Ctrl+Shift+R)."""

    received = Signal(str, str)
    saved = Signal(str)
    # (uuid, refusal_pdf_path): the dossier was refused at the counter (form 03), never received.
    refused = Signal(str, str)

    def __init__(self, services: Services, worker, parent: QWidget | None = None, *,
                 province: ProvinceAccess | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._worker = worker
        self._busy = False
        self._focus_before_save: QWidget | None = None
        self._procedure: Procedure | None = None
        self._touched: set[str] = set()
        self._show_all = False
        self._scan_issue: Issue | None = None
        self._card_said = False  # the footer names the card last read
        # Loaded once through the worker: the checks and the due time shown while the clerk
        # types are pure core calls on these, so typing never waits on the disk.
        self._procedures: dict[str, Procedure] = {}
        self._calendar: WorkCalendar | None = None

        self.setWindowTitle(self.tr("Tiếp nhận hồ sơ"))
        self.setObjectName("receive_dialog")
        self._form = ReceiveFields()
        self._scans = FormScans(self, services, worker, self._form.documents,
                                lambda text: self._say(text, WARNING_COLOUR))
        self._offers = ReuseOffers(
            self, services, worker, self._form.documents, self._scans,
            lambda: drafts.normalise(self._form.draft()).applicant.id_number, province)
        self._leftovers_asked = False
        self._build()
        self._connect()
        self._clear_form()
        worker.run(services.procedures, self._procedures_loaded)  # the calendar: on show

        self._scanner = ScannerCatcher(self, self)
        self._scanner.scanned.connect(self._on_scanned)
        self._scanner.scan_failed.connect(self._on_scan_failed)
        self._due_timer = QTimer(self)
        self._due_timer.setInterval(REFRESH_DUE_MS)
        self._due_timer.timeout.connect(self._show_processing_time)
        self._fit_screen()

    def _build(self) -> None:
        scroll = QScrollArea()
        scroll.setWidget(self._form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # it scrolls to the focused field itself

        self._result = QLabel()
        self._result.setObjectName("result_label")
        self._result.setWordWrap(True)
        self._form_error = error_label()  # for an issue about no field of the form
        self._save_button = QPushButton(self.tr("Lưu và in phiếu (Ctrl+S)"))
        self._save_button.setObjectName("save_button")
        self._refuse_button = QPushButton(self.tr("Từ chối tiếp nhận (Ctrl+Shift+R)"))
        self._refuse_button.setObjectName("refuse_button")
        self._clear_button = QPushButton(self.tr("Làm mới (Ctrl+N)"))
        self._clear_button.setObjectName("clear_button")
        self._close_button = QPushButton(self.tr("Đóng (Esc)"))
        self._close_button.setObjectName("close_button")

        status = QVBoxLayout()
        status.addWidget(self._form_error)
        status.addWidget(self._result)
        buttons = QHBoxLayout()
        buttons.addLayout(status, 1)
        for button in (self._save_button, self._refuse_button, self._clear_button,
                       self._close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        chain = [
            *self._form.tab_chain(), self._save_button, self._refuse_button, self._clear_button,
            self._close_button,
        ]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self._field_keys = {widget: key for key, widget in self._form.fields.items()}
        for widget in self._field_keys:
            widget.installEventFilter(self)

    def _connect(self) -> None:
        form = self._form
        form.procedure.currentIndexChanged.connect(self._on_procedure_changed)
        for combo in (form.applicant_type, form.sex, form.channel, form.delivery):
            combo.currentIndexChanged.connect(self._revalidate)
        form.documents.changed.connect(self._on_documents_changed)
        form.documents.scan_requested.connect(self._scans.open_panel)
        form.id_number.textEdited.connect(self._forget_scan)
        form.copy_applicant.clicked.connect(self._deliver_to_applicant)
        self._save_button.clicked.connect(self._save)
        self._refuse_button.clicked.connect(self._refuse)
        self._clear_button.clicked.connect(self._start_over)
        self._close_button.clicked.connect(self.reject)
        for keys, slot in (
            (QKeySequence.StandardKey.Save, self._save),
            (QKeySequence.StandardKey.New, self._start_over),
            (QKeySequence("Ctrl+D"), self._deliver_to_applicant),
            (QKeySequence("Ctrl+Shift+R"), self._refuse),
        ):
            make_shortcut(keys, self, slot)

    def _fit_screen(self) -> None:
        open_size(self, 1320, 740)

    # --- checks ------------------------------------------------------------------------------

    def _form_issues(self) -> list[Issue]:
        """The services' checks, plus what only the form can know (a date that is not one,
        procedure text that names no single procedure), which replaces them for that field."""
        own = []
        if problem := self._form.procedure.problem():
            own.append(validation.error("procedure", problem))
        if problem := self._form.birth_date.problem():
            own.append(validation.error("applicant.birth_date", problem))
        own_fields = {issue.field for issue in own}
        draft = drafts.normalise(self._form.draft())
        procedure = self._procedures.get(draft.procedure_code)
        checked = [
            issue for issue in validate_draft(draft, procedure, self._services.now().date())
            if issue.field not in own_fields
        ]
        order = list(self._form.fields)
        return sorted(
            own + checked,
            key=lambda i: order.index(i.field) if i.field in order else len(order),
        )

    def _revalidate(self) -> list[Issue]:
        issues = self._form_issues()
        self._show(issues)
        return issues

    def _show(self, issues: list[Issue]) -> None:
        shown = issues if self._show_all else [i for i in issues if i.field in self._touched]
        if self._scan_issue is not None:
            shown = [self._scan_issue, *shown]
        homeless = self._form.messages.show(shown)
        self._form_error.setText("\n".join(issue.message for issue in homeless))
        self._form_error.setVisible(bool(homeless))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in self._field_keys:
            focus_event: QFocusEvent = event  # type: ignore[assignment]
            if focus_event.reason() not in _NOT_LEAVING:
                self._left_field(self._field_keys[watched])
        return super().eventFilter(watched, event)

    def _left_field(self, key: str) -> None:
        if key == "procedure":
            self._form.procedure.resolve_typed()
        self._touched.add(key)
        self._revalidate()
        if key == "applicant.id_number":
            self._look_for_reuse()

    def _focus_field(self, key: str) -> None:
        widget = self._form.fields[key]
        if widget.isEnabled():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say(self, text: str, colour: str) -> None:
        self._card_said = False
        self._result.setText(text)
        self._result.setStyleSheet(f"color: {colour}; font-weight: bold;")

    # --- reacting to the clerk ---------------------------------------------------------------

    def _on_procedure_changed(self) -> None:
        code = self._form.procedure.code()
        procedure = self._procedures.get(code) if code else None
        self._procedure = procedure
        self._scans.drop()  # the lines are made again: their scans would name no line
        self._form.documents.set_documents(procedure.documents if procedure else ())
        self._form.fee.setValue(procedure.fee if procedure else 0)
        self._form.fee_note.setText(procedure.fee_note if procedure else "")
        self._show_processing_time()
        self._show_documents_summary()
        self._revalidate()
        self._look_for_reuse()

    def _show_processing_time(self) -> None:
        label, procedure = self._form.processing_time, self._procedure
        calendar = self._calendar
        if procedure is None or calendar is None:
            label.setText(self.tr("Chọn thủ tục để xem thời hạn giải quyết và ngày hẹn trả."))
            label.setStyleSheet(HINT_STYLE)
            return
        due = calendar.due_time(self._services.now(), procedure.time)
        label.setText(self.tr("Thời hạn giải quyết: {0}. Hẹn trả: {1}").format(
            procedure.time.text(), self._spoken_time(due)
        ))
        label.setStyleSheet("font-weight: bold;")

    def _spoken_time(self, moment: datetime) -> str:
        """As the slips say it: '16 giờ 25 phút, ngày 02/12/2026'."""
        return self.tr("{0} giờ {1} phút, ngày {2}").format(
            f"{moment:%H}", f"{moment:%M}", f"{moment:%d/%m/%Y}"
        )

    def _show_documents_summary(self) -> None:
        label = self._form.documents_summary
        if self._procedure is None:
            label.clear()
            return
        missing = self._form.documents.missing_mandatory()
        if missing:
            text, colour = self.tr("Thiếu %n giấy tờ bắt buộc", "", missing), WARNING_COLOUR
        else:
            text, colour = self.tr("Đã đủ giấy tờ bắt buộc"), OK_COLOUR
        label.setText(text)
        label.setStyleSheet(f"color: {colour}; font-weight: bold;")

    def _on_documents_changed(self) -> None:
        self._touched.add("documents")
        self._show_documents_summary()
        self._revalidate()

    def _deliver_to_applicant(self) -> None:
        self._form.deliver_to_applicant()
        self._touched.update(_POSTAL_FIELDS)
        self._revalidate()

    def _on_scanned(self, card: CardData) -> None:
        if self._busy:
            self._say(self.tr("Đang lưu hồ sơ trước; quét lại thẻ khi lưu xong."), WARNING_COLOUR)
            return
        self._form.fill_from_card(card)
        self._scan_issue = None
        self._touched.update(_CARD_FIELDS)
        self._say(self.tr("Đã đọc CCCD của {0}.").format(card.name), OK_COLOUR)
        self._card_said = True
        self._revalidate()
        self._look_for_reuse()
        # The one thing a card does not carry.
        self._form.phone.setFocus(Qt.FocusReason.OtherFocusReason)
        self._form.phone.selectAll()

    def _on_scan_failed(self, message: str) -> None:
        self._scan_issue = validation.error(
            "applicant.id_number", self.tr("Không đọc được mã QR trên CCCD. {0}").format(message))
        self._result.clear()
        self._revalidate()

    def _forget_scan(self) -> None:
        """The ID number typed by hand: what the last scan said no longer describes it."""
        if self._card_said:
            self._result.clear()
            self._card_said = False
        if self._scan_issue is not None:
            self._scan_issue = None
            self._revalidate()

    # --- digitisation ------------------------------------------------------------------------

    def _look_for_reuse(self) -> None:
        """Offer, on each document line, the applicant's file of that document digitised
        before, here or at another counter of the commune (ui.reuse_offers)."""
        draft = drafts.normalise(self._form.draft())
        self._offers.look_up(draft.applicant.id_number, [d.name for d in draft.documents])

    def digitise_line(self, row: int, make_pdf: Callable[[], bytes], pages: int) -> None:
        """The hook the scan panel's Xong ends in (receive_scans.FormScans.digitise_line)."""
        self._scans.digitise_line(row, make_pdf, pages)

    # --- saving ------------------------------------------------------------------------------

    def _save(self) -> None:
        if self._busy:
            return  # a second Ctrl+S or Enter while the first save runs
        if not self._form.has_input():
            # Nothing typed (often a key pressed twice just after a save): nothing to say.
            self._focus_field("applicant.name" if self._procedure else "procedure")
            return
        if not self._scans.ready_to_save(self._save):
            return
        self._form.procedure.resolve_typed()
        self._show_all = True
        issues = self._revalidate()
        errors = [issue for issue in issues if issue.severity is Severity.ERROR]
        if errors:
            self._focus_field(errors[0].field)
            return
        warnings = [issue for issue in issues if issue.severity is Severity.WARNING]
        draft, services, accept = self._form.draft(), self._services, bool(warnings)
        listed = "\n".join("• " + issue.message for issue in warnings)
        missing = None
        if validation.missing_mandatory(draft.documents, self._procedure):
            # Never a normal receipt in silence: form 02, or a recorded, printed override.
            answer = choose_missing(
                self, self.tr("Hồ sơ thiếu giấy tờ bắt buộc"), listed,
                detail=self.tr("Yêu cầu bổ sung (in phiếu mẫu 02), hay vẫn tiếp nhận và ghi "
                               "việc thiếu giấy tờ trên giấy tiếp nhận?"))
            if answer is None:
                return
            missing = MissingChoice(answer)
        elif warnings and not confirm(
            self, self.tr("Hồ sơ cần lưu ý"), listed,
            detail=self.tr("Vẫn tiếp nhận hồ sơ?"),
        ):
            return
        self._set_busy(True)
        discard_scans = self._scans.saved_job()

        def receive_and_print() -> _Saved:
            dossier = services.receive(draft, accept_warnings=accept, missing=missing)
            try:
                discard_scans()  # at once: after a cut now, saved pages are not offered back
            except Exception:  # noqa: BLE001 - the dossier is saved; the next start tidies
                log.exception("scans of %s not discarded", dossier.code)
            try:
                receipt = (services.slip_pdf(dossier.uuid, SlipKind.SUPPLEMENT)
                           if missing is MissingChoice.SUPPLEMENT
                           else services.receipt_pdf(dossier.uuid))
            except Exception as exc:  # noqa: BLE001 - whatever broke the slip, the dossier is saved
                log.exception("receipt of %s not rendered", dossier.code)
                return _Saved(dossier, None, str(exc))
            return _Saved(dossier, receipt)

        self._worker.run(receive_and_print, self._on_saved, self._on_save_failed)

    def _refuse(self) -> None:
        """Refuse at the counter (form 03): no code, ledger line or due time is issued. The
        reason dialog records it; the form is cleared for the next citizen and the slip shown."""
        if self._busy:
            return
        self._form.procedure.resolve_typed()
        draft, services = self._form.draft(), self._services
        procedure = self._procedure
        now = services.now()
        row = DossierRow(
            "", self.tr("Chưa cấp mã"), draft.applicant.name,
            procedure.name if procedure else "", now, now, DossierState.REGISTERED, "")
        dialog = ReasonDialog(
            services, self._worker, [row], name="counter_refusal_dialog", **refusal_texts(),
            act=lambda reason: services.refuse_at_counter(draft, reason), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.performed.connect(self._on_refused)
        dialog.open()

    def _on_refused(self, dossier: Dossier) -> None:
        self._clear_form()
        self._focus_field("applicant.name")
        self.saved.emit(dossier.uuid)
        self._say(self.tr("Đã từ chối tiếp nhận hồ sơ của {0}").format(
            dossier.applicant.name), OK_COLOUR)
        services = self._services
        self._worker.run(lambda: services.slip_pdf(dossier.uuid, SlipKind.REFUSAL),
                         lambda path: self.refused.emit(dossier.uuid, str(path)),
                         lambda exc: warn(self, self.tr("Chưa in được phiếu"), str(exc)))

    def _set_busy(self, busy: bool) -> None:
        """While saving, the form is locked: what is typed now would be cleared by the reset
        that follows a successful save."""
        self._busy = busy
        if busy:
            self._focus_before_save = QApplication.focusWidget()
        self._form.setEnabled(not busy)
        self._save_button.setEnabled(not busy)
        self._save_button.setText(
            self.tr("Đang lưu…") if busy else self.tr("Lưu và in phiếu (Ctrl+S)")
        )

    def _on_saved(self, outcome: _Saved) -> None:
        self._set_busy(False)
        dossier = outcome.dossier
        self._scans.reset()  # discarded by the save's job
        self._clear_form()
        self._focus_field("applicant.name")
        self.saved.emit(dossier.uuid)
        if outcome.receipt is None:
            message = self.tr(
                "Hồ sơ đã được lưu với mã {0}, nhưng chưa in được phiếu: {1} "
                "Có thể in lại từ danh sách."
            ).format(dossier.code, outcome.print_error)
            self._say(message, WARNING_COLOUR)
            warn(self, self.tr("Chưa in được phiếu"), message)
            return
        self._say(self.tr("Đã tiếp nhận hồ sơ {0}").format(dossier.code), OK_COLOUR)
        self.received.emit(dossier.uuid, str(outcome.receipt))

    def _on_save_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if self._focus_before_save is not None:
            self._focus_before_save.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(error, ValidationFailed):
            self._show_all = True
            self._show(error.issues)
            if error.errors:
                self._focus_field(error.errors[0].field)
            message = str(error)
        elif isinstance(error, ServiceError):
            message = str(error)
        else:
            log.error("receiving failed", exc_info=error)
            message = self.tr("Lỗi không lường trước: {0}").format(error)
        warn(
            self, self.tr("Chưa tiếp nhận được hồ sơ"),
            self.tr("{0}\n\nNội dung đã nhập vẫn còn nguyên.").format(message),
        )

    # --- starting over and closing -----------------------------------------------------------

    def _clear_form(self) -> None:
        """Empty the form for the next citizen; the procedure stays chosen."""
        self._touched.clear()
        self._show_all = False
        self._scan_issue = None
        # Nothing said about the last dossier or card stays under the next one's empty form;
        # a save or a refusal says its outcome after this.
        self._result.clear()
        self._card_said = False
        self._form.clear()
        self._on_procedure_changed()  # a fresh checklist and the procedure's default fee

    def _start_over(self) -> None:
        if self._busy:
            return
        if self._form.has_input() and not confirm(
            self, self.tr("Làm mới"), self.tr("Xóa nội dung đang nhập để tiếp nhận hồ sơ mới?")
        ):
            return
        self._clear_form()
        self._focus_field("procedure")

    def reject(self) -> None:
        if self._busy:
            return  # the save must finish and report before the form goes away
        if self._form.has_input() and not confirm(
            self, self.tr("Đóng cửa sổ tiếp nhận"),
            self.tr("Nội dung đang nhập chưa được lưu. Bỏ nội dung này và đóng cửa sổ?"),
        ):
            return
        self._scans.drop()  # closed on purpose: nothing scanned for it is offered back
        super().reject()

    def done(self, result: int) -> None:
        self._scans.close_panel()  # its run stops, its threads end, before the form goes
        self._offers.close()
        super().done(result)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter moves on to the next field, as on the paper form; on a button it presses it.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not isinstance(
            self.focusWidget(), QPushButton
        ):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def _procedures_loaded(self, procedures: list[Procedure]) -> None:
        """The list came (the form opened, or the catalogue changed): the clerk's choice and
        typing stay; the checklist and fee follow only if the chosen procedure itself changed."""
        self._procedures = {p.code: p for p in procedures}
        self._form.procedure.set_procedures(procedures)
        code = self._form.procedure.code()
        if self._procedures.get(code) != self._procedure:
            self._on_procedure_changed()

    def data_changed(self, changes: Changes) -> None:
        """Due times follow the hours and days off, the list the catalogue, while the form
        stays open for the next citizen."""
        if changes.touches("catalogue"):
            self._worker.run(self._services.procedures, self._procedures_loaded)
        if changes.touches("calendar", "settings"):
            self._load_calendar()

    def _load_calendar(self) -> None:
        """Again each time the form shows: the hours or days off may have changed meanwhile."""
        self._worker.run(self._services.calendar, self._calendar_loaded)

    def _calendar_loaded(self, calendar: WorkCalendar) -> None:
        self._calendar = calendar
        self._show_processing_time()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._load_calendar()
        self._scanner.start()
        self._due_timer.start()
        self._show_processing_time()
        if not self._leftovers_asked:
            self._leftovers_asked = True
            # After the form is up, so the question comes over it.
            QTimer.singleShot(0, self._scans.look_for_leftovers)
        if self._procedure is None:
            self._focus_field("procedure")

    def hideEvent(self, event: QHideEvent) -> None:
        self._scanner.stop()
        self._due_timer.stop()
        super().hideEvent(event)
