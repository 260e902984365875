"""The receive form's scans (docs/domain.md, "Digitisation"): F3 on a document line opens the
scan panel for it; on Xong the pages become the line's PDF/A file, assembled and kept on the
worker. The pages are spooled under `<data>/scan_spool/forms/<form key>-<row>/` as they arrive, so
a power cut loses none: pages a run left unsaved are offered back when the form next opens.

The panel is modeless: a feeder run takes minutes and the issue wants the clerk typing the
form meanwhile. The keyboard moves between the two with F3 (on a line of the form: to the
panel; in the panel: back to the form, the run going on), and the form's save waits for both
the panel (closed with Xong or Hủy) and the files still being made, so no page is left out of
a saved dossier in silence.

Files kept for a form that never becomes a dossier (cleared, closed, a line scanned again,
refused) are removed: scans of personal papers are not left in the data folder with nothing
naming them (Decree 356/2025/NĐ-CP; services.discard_files removes only such files).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desk_app.core.digitisation import scan_mode
from desk_app.scanning.pages import Page
from desk_app.scanning.spool import FORM_SPOOLS, Leftover, Spool, leftovers, spool_folder
from desk_app.services.app import Services
from desk_app.ui.ask import offer_leftovers, warn
from desk_app.ui.documents_table import DocumentsTable
from desk_app.ui.messages import error_text
from desk_app.ui.receive_fields import HINT_STYLE
from desk_app.ui.scan_panel import ScanPanel
from desk_app.ui.shortcuts import make_shortcut
from sync.protocol import MAX_FILE_BYTES

log = logging.getLogger(__name__)


def find_leftovers(data_dir, own_key: str) -> list[Leftover]:
    """Spooled pages of forms other than this one (the disk is read: on the worker)."""
    return [left for left in leftovers(data_dir, FORM_SPOOLS)
            if not left.spool.key.startswith(own_key)]


class FormScans(QObject):
    """The scans of one receive form's document lines, from F3 to the kept files."""

    def __init__(self, form: QWidget, services: Services, worker, table: DocumentsTable,
                 say: Callable[[str], None]) -> None:
        super().__init__(form)
        self._form, self._services, self._worker, self._table = form, services, worker, table
        self._say = say  # a warning under the form's buttons
        self.key = uuid.uuid4().hex  # this draft's spools; a new one for the next citizen
        self._pages: dict[int, list[Page]] = {}  # each scanned line's accepted pages
        self._spooled: set[int] = set()
        self._kept: list[str] = []  # files kept for this draft, none named by a dossier yet
        self._panel: ScanPanel | None = None
        self._panel_row = -1
        # Where the clerk was in the form when the panel came up: where F3 goes back to (the
        # panel is a child of the form, so Qt's own memory of the form's focus follows it).
        self._return_to: QWidget | None = None
        self._making = 0  # files being assembled and kept on the worker
        self._after_made: Callable[[], None] | None = None
        self._recovered: list[Leftover] = []

    # --- what the form asks ------------------------------------------------------------------

    def ready_to_save(self, save: Callable[[], None]) -> bool:
        """Whether the form may save now. An open panel is brought up (its pages are not the
        line's until Xong); files still being made hold the save, which `save` resumes."""
        if self._panel is not None:
            self._say(self.tr("Cửa sổ quét «{0}» còn mở: bấm Xong (Ctrl+Enter) để đưa các "
                              "trang vào hồ sơ, hoặc Hủy (Esc), rồi lưu.").format(
                                  self._panel_name()))
            self._bring_up_panel()
            return False
        if self._making:
            self._after_made = save
            self._say(self.tr("Đang tạo tệp số hóa; hồ sơ sẽ được lưu ngay khi xong."))
            return False
        return True

    def saved_job(self) -> Callable[[], None]:
        """For the save's worker job, after the dossier is received: the draft's spools and
        its files no dossier named (the copies before the code, lines scanned again) go."""
        folders = [self._folder(row) for row in self._spooled]
        kept, discard_files = list(self._kept), self._services.discard_files

        def discard() -> None:
            for folder in folders:
                Spool(folder).discard()
            if kept:
                discard_files(kept)

        return discard

    def adopt(self, sha256: str) -> None:
        """A file kept for this draft another way (the province's copy fetched for a line):
        removed with the draft's scans unless its dossier names it."""
        self._kept.append(sha256)

    def drop(self) -> None:
        """The draft is gone (saved, cleared, closed, refused, another procedure's lines):
        its panel closes, its spools and unnamed files are removed, a new key for the next."""
        self.close_panel()
        if self._spooled or self._kept:
            self._worker.run(self.saved_job(), None,
                             lambda exc: log.warning("scans not discarded: %s", exc))
        self.reset()

    def reset(self) -> None:
        """After `saved_job` ran: nothing of the last draft is left here."""
        self.key = uuid.uuid4().hex
        self._pages.clear()
        self._spooled.clear()
        self._kept.clear()
        self._after_made = None

    def close_panel(self) -> None:
        if self._panel is not None:
            self._panel.reject()

    # --- the panel ---------------------------------------------------------------------------

    def open_panel(self, row: int) -> None:
        """F3 on a line: its panel, with the pages it has (to add, rescan, reorder); pages
        offered back after a cut go into the first line without pages that asks."""
        if self._panel is not None:
            if row != self._panel_row:
                self._say(self.tr("Đang quét «{0}»: bấm Xong (Ctrl+Enter) hoặc Hủy (Esc) trong "
                                  "cửa sổ quét trước khi quét giấy tờ khác.").format(
                                      self._panel_name()))
            self._bring_up_panel()
            return
        name = self._table.line(row).name
        pages = self._pages.get(row, [])
        recovered = None
        if not pages and self._recovered:
            recovered = next((r for r in self._recovered if r.document == name),
                             self._recovered[0])
            pages = recovered.pages
        self._spooled.add(row)
        panel = ScanPanel(name, spool=Spool(self._folder(row), name), pages=pages,
                          mode=scan_mode(name), parent=self._form)
        panel.setObjectName("scan_panel")
        panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Under the panel's heading: how to get back to the form without stopping the run.
        hint = QLabel(self.tr("F3: về biểu mẫu tiếp nhận để gõ tiếp trong khi quét; F3 trên dòng "
                              "giấy tờ này để quay lại đây."), objectName="scan_form_hint")
        hint.setStyleSheet(HINT_STYLE)
        panel.layout().insertWidget(1, hint)
        make_shortcut("F3", panel, self._back_to_form)
        panel.accepted.connect(partial(self._accepted, row, panel, recovered))
        panel.rejected.connect(partial(self._rejected, row))
        panel.finished.connect(self._closed)
        self._panel, self._panel_row = panel, row
        self._return_to = QApplication.focusWidget()
        panel.show()
        self._bring_up_panel()

    @property
    def panel(self) -> ScanPanel | None:
        return self._panel

    def _panel_name(self) -> str:
        return self._table.line(self._panel_row).name

    def _bring_up_panel(self) -> None:
        self._panel.raise_()
        self._panel.activateWindow()

    def _back_to_form(self) -> None:
        """F3 in the panel: the form again (where the clerk was), the run going on."""
        self._form.raise_()
        self._form.activateWindow()
        if self._return_to is not None:
            self._return_to.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _folder(self, row: int):
        return spool_folder(self._services.data_dir, FORM_SPOOLS, f"{self.key}-{row}")

    def _accepted(self, row: int, panel: ScanPanel, recovered: Leftover | None) -> None:
        pages = panel.pages()
        if not pages:
            self._rejected(row)  # nothing to keep: the line stays as it was
            return
        self._pages[row] = pages
        if recovered is not None:
            self._recovered.remove(recovered)
            self._worker.run(recovered.spool.discard)  # its pages are this line's spool's now
        account = self._services.current_account()
        name, clerk = self._table.line(row).name, account.full_name if account else ""
        now = self._services.now()

        def make_pdf() -> bytes:  # on the worker: pikepdf and img2pdf are loaded there, once
            from desk_app.scanning.pdfa import PdfMeta, assemble

            # No dossier code yet: receiving stamps it in (services.digitisation.stamp_scans).
            return assemble(pages, PdfMeta(dossier_code="", document_name=name, clerk=clerk,
                                           created_at=now))

        self.digitise_line(row, make_pdf, len(pages))

    def _rejected(self, row: int) -> None:
        """Hủy: the line keeps the pages it had; its spool says so again."""
        self._worker.run(partial(Spool(self._folder(row)).replace, self._pages.get(row, [])))

    def _closed(self) -> None:
        self._panel, self._panel_row = None, -1
        self._back_to_form()
        self._return_to = None

    # --- the file ----------------------------------------------------------------------------

    def digitise_line(self, row: int, make_pdf: Callable[[], bytes], pages: int) -> None:
        """`make_pdf` (assembling the document's PDF/A) and keeping it run on the worker, then
        the line shows it scanned with its `pages`. A failure (a full disk) is said; the form
        and the captured pages stay (spooled, F3 opens them again). A file over the province's
        limit is kept too (the dossier needs its scan), and said now, not found at upload."""
        services, table, key = self._services, self._table, self.key
        name = table.line(row).name

        def keep() -> tuple[str, int]:
            pdf = make_pdf()
            return services.keep_pdf(pdf), len(pdf)

        def kept(made: tuple[str, int]) -> None:
            sha, size = made
            if key == self.key:
                self._kept.append(sha)
                table.set_scanned(row, sha, pages)
            else:  # the draft went meanwhile: the file is nobody's
                self._worker.run(partial(services.discard_files, [sha]))
            self._made(True)
            if key == self.key and size > MAX_FILE_BYTES:
                warn(self._form, self.tr("Tệp số hóa quá lớn để gửi lên tỉnh"), self.tr(
                    "«{0}»: tệp PDF nặng {1} MB, quá {2} MB mà cổng dịch vụ công của tỉnh nhận "
                    "cho một tệp. Tệp vẫn được lưu ở máy này cùng hồ sơ nhưng sẽ không được gửi "
                    "lên tỉnh. Bấm F3 trên dòng giấy tờ để quét lại: trang chữ đen trắng 200 dpi, "
                    "hoặc bớt trang rồi số hóa phần còn lại thành giấy tờ khác; các trang đã quét "
                    "vẫn giữ.").format(name, f"{size / 2**20:.1f}", MAX_FILE_BYTES // 2**20))

        def failed(exc: Exception) -> None:
            self._made(False)
            warn(self._form, self.tr("Chưa lưu được bản số hóa"),
                 self.tr("«{0}»: {1}").format(name, error_text(exc)))

        self._making += 1
        self._worker.run(keep, kept, failed)

    def _made(self, ok: bool) -> None:
        self._making -= 1
        if not self._making:
            then, self._after_made = self._after_made, None
            if then is not None and ok:
                then()

    # --- pages left by a run that ended before saving ----------------------------------------

    def look_for_leftovers(self) -> None:
        self._worker.run(partial(find_leftovers, self._services.data_dir, self.key),
                         self._offer, lambda exc: log.warning("no leftover scans: %s", exc))

    def _offer(self, found: Sequence[Leftover]) -> None:
        if not found:
            return
        answer = offer_leftovers(
            self._form, found,
            self.tr("Có trang đã quét nhưng chưa được lưu vào hồ sơ nào (lần làm việc trước "
                    "bị ngắt giữa chừng, ví dụ mất điện):\n{0}"),
            detail=self.tr("Dùng lại: chọn thủ tục, đến dòng giấy tờ rồi bấm F3 để mở các trang "
                           "trong cửa sổ quét. Bỏ: xóa hẳn các trang này. Để sau: hỏi lại lần "
                           "mở biểu mẫu tới."))
        if answer == "open":
            self._recovered = list(found)
            self._say(self.tr("Đã giữ %n trang quét dở: đến dòng giấy tờ và bấm F3 để mở.", "",
                              sum(len(left.pages) for left in found)))
        elif answer == "discard":
            spools = [left.spool for left in found]
            self._worker.run(lambda: [spool.discard() for spool in spools])
