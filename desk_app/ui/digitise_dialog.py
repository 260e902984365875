"""Digitising a document after the dossier was received (issue 16, item 5): a document the
applicant brought later (a supplement) or the dossier's result, scanned or imported with the
scan panel, assembled into PDF/A with the dossier's code in its metadata, kept, and added to the
dossier as the next version of that document at that stage (earlier versions stay).

The assembly, the keeping and the recording run on the worker, one job: the GUI thread only
holds the pages the panel gave it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QWidget

from desk_app.core import validation
from desk_app.core.digitisation import Stage
from desk_app.core.lifecycle import later_stages
from desk_app.core.model import Dossier, DossierRow
from desk_app.core.validation import Issue
from desk_app.scanning.pages import Page
from desk_app.scanning.pdfa import PdfMeta, assemble
from desk_app.scanning.scanner import Scanner
from desk_app.ui.action_dialog import ActionDialog, text_of
from desk_app.ui.labels import stage_label
from desk_app.ui.scan_panel import ScanPanel
from desk_app.ui.shortcuts import make_shortcut


class DigitiseDialog(ActionDialog):
    """`scanner`: the back end the scan panel uses (its default when None)."""

    def __init__(self, services, worker, row: DossierRow, dossier: Dossier, clerk: str,
                 parent: QWidget | None = None, *, scanner: Scanner | None = None) -> None:
        super().__init__(services, worker, [row], name="digitise_dialog",
                         title=self.tr("Số hóa giấy tờ bổ sung, kết quả"),
                         submit_text=self.tr("Lưu bản số hóa"), parent=parent)
        self._code = dossier.code
        self._clerk = clerk
        self._scanner = scanner
        self._pages: list[Page] = []
        self.panel: ScanPanel | None = None

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
        """The result's usual name when the result is chosen; the clerk may type another."""
        if self.chosen_stage() is Stage.RESULT:
            self.document.setEditText(self.tr("Kết quả giải quyết hồ sơ"))
        elif self.document.count():
            self.document.setCurrentIndex(0)

    def chosen_stage(self) -> Stage:
        return Stage(self.stage.currentData())  # Qt gives the StrEnum back as its str

    def open_scan_panel(self) -> None:
        if self.panel is not None:
            return
        self.panel = ScanPanel(text_of(self.document), scanner=self._scanner,
                               pages=self._pages, parent=self)
        self.panel.finished.connect(self._panel_closed)
        self.panel.open()

    def _panel_closed(self, result: int) -> None:
        panel, self.panel = self.panel, None
        if result == ScanPanel.DialogCode.Accepted:
            self._pages = panel.pages()
            self._show_pages()
        panel.deleteLater()
        self.scan_button.setFocus()

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

        def digitise():
            pdf = assemble(pages, PdfMeta(dossier_code=code, document_name=document,
                                          clerk=clerk, created_at=services.now()))
            return services.digitise_document(uuid, document, stage, services.keep_pdf(pdf))

        return digitise
