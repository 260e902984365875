"""Digitising a document after the dossier was received (issue 16, item 5): a document the
applicant brought later (a supplement) or the dossier's result, scanned or imported with the
scan panel, assembled into PDF/A with the dossier's code in its metadata, kept, and added to the
dossier as the next version of that document at that stage (earlier versions stay).

The assembly, the keeping and the recording run on the worker, one job: the GUI thread only
holds the pages the panel gave it. The pages are spooled as they arrive, under the dossier and
the stage (services.digitisation.later_spool), until the dialog saves them or the clerk cancels
it; pages a power cut left are offered back when the dialog next opens for that dossier.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from desk_app.core import validation
from desk_app.core.digitisation import Stage
from desk_app.core.lifecycle import later_stages
from desk_app.core.model import Dossier, DossierRow
from desk_app.core.validation import Issue
from desk_app.scanning.pages import Page
from desk_app.scanning.pdfa import PdfMeta, assemble
from desk_app.scanning.scanner import Scanner
from desk_app.scanning.spool import Spool
from desk_app.services.digitisation import UnsavedScan, later_spool
from desk_app.ui.action_dialog import ActionDialog, text_of
from desk_app.ui.ask import confirm, offer_leftovers
from desk_app.ui.labels import stage_label
from desk_app.ui.messages import error_text
from desk_app.ui.scan_panel import ScanPanel
from desk_app.ui.shortcuts import make_shortcut


class DigitiseDialog(ActionDialog):
    """`unsaved`: the dossier's pages a power cut left (services.unsaved_scans), offered back
    once the dialog shows; `scanner`: the back end the scan panel uses (its default when
    None)."""

    def __init__(self, services, worker, row: DossierRow, dossier: Dossier, clerk: str,
                 unsaved: Sequence[UnsavedScan] = (), parent: QWidget | None = None, *,
                 scanner: Scanner | None = None) -> None:
        super().__init__(services, worker, [row], name="digitise_dialog",
                         title=self.tr("Số hóa giấy tờ bổ sung, kết quả"),
                         submit_text=self.tr("Lưu bản số hóa"), parent=parent)
        self._code = dossier.code
        self._clerk = clerk
        self._scanner = scanner
        self._pages: list[Page] = []
        self.panel: ScanPanel | None = None
        self._unsaved = list(unsaved)
        self._draft = uuid.uuid4().hex  # this dialog's spool
        self._spooled_as: Stage | None = None  # the stage the spool holding the pages is under

        self.stage = QComboBox(objectName="stage")
        for stage in later_stages(dossier.status):
            self.stage.addItem(stage_label(stage), stage)
        # Back from the unit, the result is what comes to be digitised; before, a supplement.
        self.stage.setCurrentIndex(self.stage.count() - 1)
        self.add_field("stage", self.tr("&Giai đoạn"), self.stage)
        self.document = QComboBox(objectName="document")
        self.document.setEditable(True)
        self.document.addItems([line.name for line in dossier.draft.documents])
        self.document.setToolTip(self.tr("Chọn trong danh sách hoặc gõ tên giấy tờ"))
        self.add_field("document", self.tr("&Tên giấy tờ"), self.document,
                       required=self.tr("Nhập tên giấy tờ được số hóa."))
        self.stage.currentIndexChanged.connect(self._stage_chosen)
        self._stage_chosen()
        self.rejected.connect(self._discard_spool)  # cancelled: the clerk threw the pages away

        self.scan_button = QPushButton(self.tr("&Quét hoặc nhập tệp… (F4)"),
                                       objectName="scan_pages_button")
        self.scan_button.setAutoDefault(False)
        self.scan_button.clicked.connect(self.open_scan_panel)
        make_shortcut("F4", self, self.open_scan_panel)
        self.pages_label = QLabel(objectName="pages_label")
        self.add_field("pages", self.tr("Các trang"), self.scan_button, note=self.pages_label)
        self._show_pages()
        self.stage.setFocus()

    def _stage_chosen(self) -> None:
        """The result's usual name when the result is chosen; the clerk may type another. The
        pages held go to the spool of the stage now chosen."""
        if self.chosen_stage() is Stage.RESULT:
            self.document.setEditText(self.tr("Kết quả giải quyết hồ sơ"))
        elif self.document.count():
            self.document.setCurrentIndex(0)
        if self._spooled_as is not None and self._spooled_as is not self.chosen_stage():
            was, now, pages = self._spool(self._spooled_as), self._spool(), list(self._pages)
            self._spooled_as = self.chosen_stage()
            self._on_disk(lambda: (now.replace(pages), was.discard()))

    def chosen_stage(self) -> Stage:
        return Stage(self.stage.currentData())  # Qt gives the StrEnum back as its str

    def open_scan_panel(self) -> None:
        if self.panel is not None:
            return
        self._spooled_as = self.chosen_stage()
        self.panel = ScanPanel(text_of(self.document), scanner=self._scanner,
                               spool=self._spool(), pages=self._pages, parent=self)
        self.panel.finished.connect(self._panel_closed)
        self.panel.open()

    def _panel_closed(self, result: int) -> None:
        panel, self.panel = self.panel, None
        if result == ScanPanel.DialogCode.Accepted:
            self._pages = panel.pages()
            self._show_pages()
        else:  # Hủy: the dialog keeps the pages it had; the spool says so again
            self._on_disk(partial(self._spool(self._spooled_as).replace, list(self._pages)))
        panel.deleteLater()
        self.scan_button.setFocus()

    def reject(self) -> None:
        """Esc with pages taken asks first: one key must not throw away a feeder run."""
        if self._pages and not self._busy and not confirm(
            self, self.tr("Bỏ các trang đã quét"),
            self.tr("%n trang đã quét chưa được lưu vào hồ sơ. Bỏ các trang này và đóng cửa sổ?",
                    "", len(self._pages)),
        ):
            return
        super().reject()

    def _show_pages(self) -> None:
        self.pages_label.setText(
            self.tr("%n trang đã quét.", "", len(self._pages)) if self._pages
            else self.tr("Chưa có trang nào: bấm F4 để quét hoặc nhập tệp ảnh, PDF."))

    def local_issues(self) -> list[Issue]:
        issues = super().local_issues()
        if not self._pages:
            issues.append(validation.error("pages", self.tr(
                "Quét hoặc nhập ít nhất một trang (F4).")))
        return issues

    def action(self) -> Callable[[], object]:
        services, uuid, code, clerk = self.services, self.rows[0].uuid, self._code, self._clerk
        stage, document, pages = self.chosen_stage(), text_of(self.document), self._pages
        spool = self._spool()

        def digitise():
            pdf = assemble(pages, PdfMeta(dossier_code=code, document_name=document,
                                          clerk=clerk, created_at=services.now()))
            digitised = services.digitise_document(uuid, document, stage, services.keep_pdf(pdf))
            spool.discard()  # saved: nothing to offer back
            return digitised

        return digitise

    # --- the spool ---------------------------------------------------------------------------

    def _spool(self, stage: Stage | None = None) -> Spool:
        return later_spool(self.services.data_dir, self.rows[0].uuid,
                           stage or self.chosen_stage(), self._draft, text_of(self.document))

    def _on_disk(self, job: Callable[[], object]) -> None:
        """A change of the spool, on the worker; a failure (a full disk) is said above the
        buttons, the pages still held here."""
        self._worker.run(job, None, lambda exc: self.show_general(
            self.tr("Chưa ghi được các trang quét ra đĩa: {0}").format(error_text(exc))))

    def _discard_spool(self) -> None:
        if self._spooled_as is not None:
            self._worker.run(self._spool(self._spooled_as).discard)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._unsaved:
            # After the dialog is up, so the question comes over it; asked once.
            unsaved, self._unsaved = self._unsaved, []
            QTimer.singleShot(0, partial(self._offer, unsaved))

    def _offer(self, unsaved: list[UnsavedScan]) -> None:
        stage_of = {scan.leftover.spool.key: scan.stage for scan in unsaved}
        answer = offer_leftovers(
            self, [scan.leftover for scan in unsaved],
            self.tr("Hồ sơ này có trang đã quét nhưng chưa lưu (lần số hóa trước bị ngắt giữa "
                    "chừng, ví dụ mất điện):\n{0}"),
            detail=self.tr("Dùng lại: đưa các trang vào cửa sổ này để lưu. Bỏ: xóa hẳn các "
                           "trang này. Để sau: hỏi lại lần mở cửa sổ số hóa của hồ sơ này."),
            name=lambda left: f"{left.document} ({stage_label(stage_of[left.spool.key])})")
        if answer == "discard":
            spools = [scan.leftover.spool for scan in unsaved]
            self._on_disk(lambda: [spool.discard() for spool in spools])
        elif answer == "open":
            self._take_back(next((scan for scan in unsaved
                                  if scan.stage is self.chosen_stage()), unsaved[0]))

    def _take_back(self, scan: UnsavedScan) -> None:
        """The pages, the stage and the document's name as they were, in the spool they are
        in (others left for this dossier are offered again next time)."""
        self._draft, self._spooled_as = scan.draft, scan.stage
        self._pages = scan.leftover.pages
        # Their stage is one the dossier takes (opening the dialog removed the others); were
        # it gone meanwhile, the stage shown stays and the pages move to its spool.
        self.stage.setCurrentIndex(max(0, self.stage.findData(scan.stage.value)))
        if scan.leftover.document:
            self.document.setEditText(scan.leftover.document)
        self._show_pages()
        self.scan_button.setFocus()
