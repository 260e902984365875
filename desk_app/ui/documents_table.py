"""The checklist of a procedure's documents: ticked when handed in, with how many of each kind,
and how each was digitised (docs/domain.md, "Digitisation").

Keyboard: arrows move, Space ticks the current row whatever column it is in, F2 (or a double
click) edits a count, F4 changes the row's digitisation (not digitised, scanned, shown only,
not to be digitised, reused: only the states the row can take), F3 asks for the scan panel
(`scan_requested`). Tab leaves the table, so the form's tab order is not trapped in it.

A reuse offer may be the province's copy, digitised at another counter of the commune: F4
reaching "reused" then asks for it to be fetched (`fetch_requested`), and the row becomes
reused only once the form hands back the file kept here (`offer_fetched`); a failure is said
on the row (`fetch_failed`), which stays as it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desk_app.core.digitisation import Reusable, state_text
from desk_app.core.model import Digitisation, DocumentLine, RequiredDocument

TICK, NAME, ORIGINALS, CERTIFIED, COPIES, DIGITISED = range(6)
COUNT_COLUMNS = (ORIGINALS, CERTIFIED, COPIES)
MAX_COUNT = 99
MIN_VISIBLE_ROWS = 3
NAME_ROLE = Qt.ItemDataRole.UserRole
MANDATORY_ROLE = Qt.ItemDataRole.UserRole + 1
# On a row's digitisation item: its state, its scan (sha256, pages) once made, and the earlier
# file of the applicant offered for reuse (core.digitisation.Reusable), if any.
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
SCAN_ROLE = Qt.ItemDataRole.UserRole + 3
OFFER_ROLE = Qt.ItemDataRole.UserRole + 4
# A province offer being fetched for the row (True), or why fetching it failed (text).
FETCH_ROLE = Qt.ItemDataRole.UserRole + 5
# The order F4 goes through a row's states; a state that needs a file the row lacks is skipped.
CYCLE = (Digitisation.PENDING, Digitisation.SCANNED, Digitisation.SHOWN, Digitisation.EXEMPT,
         Digitisation.REUSED)


class CountDelegate(QStyledItemDelegate):
    """Edits a count of copies with a spin box from 0 to MAX_COUNT."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QSpinBox(parent)
        editor.setRange(0, MAX_COUNT)
        editor.setFrame(False)
        return editor


class DocumentsTable(QTableWidget):
    # The clerk ticked a document, changed a count or a digitisation; not set_documents().
    changed = Signal()
    scan_requested = Signal(int)  # F3 on a row: open the scan panel for that document
    fetch_requested = Signal(int)  # F4 chose a row's province offer: fetch its file

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setHorizontalHeaderLabels([
            self.tr("Đã nhận"), self.tr("Tên giấy tờ"), self.tr("Bản chính"),
            self.tr("Bản sao CT"), self.tr("Bản chụp"), self.tr("Số hóa"),
        ])
        self.horizontalHeaderItem(CERTIFIED).setToolTip(self.tr("Bản sao có chứng thực"))
        self.horizontalHeaderItem(DIGITISED).setToolTip(self.tr(
            "F4: đổi cách số hóa (chưa số hóa, đã quét, chỉ xuất trình, không phải số hóa, "
            "tái sử dụng). F3: quét giấy tờ."))
        self.setToolTip(self.tr(
            "Phím cách: đánh dấu đã nhận giấy tờ ở dòng đang chọn. F2: sửa số bản. "
            "F3: quét giấy tờ. F4: đổi cách số hóa."
        ))
        header = self.horizontalHeader()
        # The name and the digitisation share what the other columns leave, each wrapped:
        # sized to its contents, a line's offer or the reason the province's copies could not
        # be had ran past the table's edge, out of sight.
        for column in (NAME, DIGITISED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (TICK, *COUNT_COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *_: self.resizeRowsToContents())
        self.verticalHeader().hide()
        self.setWordWrap(True)
        self.setTabKeyNavigation(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # No editing on plain typing: a scanner's digits must not land in a count.
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        delegate = CountDelegate(self)
        for column in COUNT_COLUMNS:
            self.setItemDelegateForColumn(column, delegate)
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self._province_note = ""  # why the province's copies could not be looked up

    def set_documents(self, documents: Sequence[RequiredDocument]) -> None:
        self.blockSignals(True)
        self.setRowCount(0)
        self.setRowCount(len(documents))
        for row, document in enumerate(documents):
            tick = QTableWidgetItem()
            tick.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            tick.setCheckState(Qt.CheckState.Unchecked)
            self.setItem(row, TICK, tick)

            label = f"{document.name} *" if document.mandatory else document.name
            name = QTableWidgetItem(label)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            name.setData(NAME_ROLE, document.name)
            name.setData(MANDATORY_ROLE, document.mandatory)
            if document.mandatory:
                font = name.font()
                font.setBold(True)
                name.setFont(font)
                name.setToolTip(self.tr("Giấy tờ bắt buộc"))
            self.setItem(row, NAME, name)

            counts = (document.originals, document.certified, document.copies)
            for column, count in zip(COUNT_COLUMNS, counts, strict=True):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.EditRole, count)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(row, column, item)

            digitised = QTableWidgetItem()
            digitised.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            digitised.setData(STATE_ROLE, Digitisation.PENDING.value)
            self.setItem(row, DIGITISED, digitised)
            self._show_digitisation(row)
        self.blockSignals(False)
        self.resizeRowsToContents()

    def line(self, row: int) -> DocumentLine:
        digitised = self.item(row, DIGITISED)
        state = Digitisation(digitised.data(STATE_ROLE))
        scan, offer = digitised.data(SCAN_ROLE), digitised.data(OFFER_ROLE)
        file, pages, reused_from = "", 0, ""
        if state is Digitisation.SCANNED:
            file, pages = scan
        elif state is Digitisation.REUSED:
            file, pages, reused_from = offer.sha256, offer.pages, offer.dossier_code
        return DocumentLine(
            name=self.item(row, NAME).data(NAME_ROLE),
            mandatory=bool(self.item(row, NAME).data(MANDATORY_ROLE)),
            provided=self.item(row, TICK).checkState() == Qt.CheckState.Checked,
            originals=int(self.item(row, ORIGINALS).data(Qt.ItemDataRole.EditRole)),
            certified=int(self.item(row, CERTIFIED).data(Qt.ItemDataRole.EditRole)),
            copies=int(self.item(row, COPIES).data(Qt.ItemDataRole.EditRole)),
            digitisation=state, file=file, pages=pages, reused_from=reused_from,
        )

    def lines(self) -> tuple[DocumentLine, ...]:
        return tuple(self.line(row) for row in range(self.rowCount()))

    # --- digitisation ----------------------------------------------------------------------

    def _available(self, row: int) -> list[Digitisation]:
        digitised = self.item(row, DIGITISED)
        has = {Digitisation.SCANNED: digitised.data(SCAN_ROLE) is not None,
               Digitisation.REUSED: digitised.data(OFFER_ROLE) is not None}
        return [state for state in CYCLE if has.get(state, True)]

    def set_digitisation(self, row: int, state: Digitisation) -> None:
        """Put a row in `state`; a state that needs a file the row lacks is refused. A fetch
        of the province's copy under way for the row no longer makes it reused (the clerk
        chose otherwise meanwhile, a scan for one)."""
        if state not in self._available(row):
            raise ValueError(f"row {row} has no file for {state!r}")
        self.item(row, DIGITISED).setData(FETCH_ROLE, None)
        self.item(row, DIGITISED).setData(STATE_ROLE, state.value)  # itemChanged: `changed`
        self._show_digitisation(row)

    def cycle_digitisation(self, row: int) -> None:
        """The row's next state (F4): a scan or a reuse offer is kept when the clerk goes
        past it, so F4 round to it again gives it back. The province's copy is fetched first:
        the row stays as it is meanwhile; F4 again gives up waiting and goes on from there."""
        digitised = self.item(row, DIGITISED)
        available = self._available(row)
        fetching = digitised.data(FETCH_ROLE) is True
        current = (Digitisation.REUSED if fetching
                   else Digitisation(digitised.data(STATE_ROLE)))
        following = available[(available.index(current) + 1) % len(available)]
        offer = digitised.data(OFFER_ROLE)
        digitised.setData(FETCH_ROLE, None)
        if following is Digitisation.REUSED and offer.from_province:
            digitised.setData(FETCH_ROLE, True)
            self._show_digitisation(row)
            self.fetch_requested.emit(row)
            return
        self.set_digitisation(row, following)

    def offer_fetched(self, row: int, kept: Reusable) -> None:
        """The province's copy offered on `row` is kept here now as `kept`: the row offers
        that, and reuses it if it was waiting for it (not if the clerk went on meanwhile)."""
        if not self._offers(row, kept.sha256):
            return
        digitised = self.item(row, DIGITISED)
        waiting = digitised.data(FETCH_ROLE) is True
        digitised.setData(FETCH_ROLE, None)
        digitised.setData(OFFER_ROLE, kept)
        if waiting:
            self.set_digitisation(row, Digitisation.REUSED)
        else:
            self._show_digitisation(row)

    def fetch_failed(self, row: int, sha256: str, reason: str) -> None:
        """Fetching the province's copy offered on `row` failed: said on the row, whose state
        stays as it was; F4 round to the offer tries again, F3 scans instead."""
        if self._offers(row, sha256):
            self.item(row, DIGITISED).setData(FETCH_ROLE, reason)
            self._show_digitisation(row)

    def _offers(self, row: int, sha256: str) -> bool:
        if not 0 <= row < self.rowCount():
            return False
        offer = self.item(row, DIGITISED).data(OFFER_ROLE)
        return offer is not None and offer.sha256 == sha256

    def offer(self, row: int) -> Reusable | None:
        return self.item(row, DIGITISED).data(OFFER_ROLE)

    def set_province_note(self, reason: str) -> None:
        """Why the province's copies of the applicant's documents could not be looked up
        ("" once they could): said on the rows offered nothing, with a scan instead."""
        self._province_note = reason
        for row in range(self.rowCount()):
            self._show_digitisation(row)

    def set_scanned(self, row: int, sha256: str, pages: int) -> None:
        """The hook for the scan panel: the row's document was scanned into the kept file
        `sha256` (services.keep_pdf) of `pages` pages. A scanned paper was handed in: ticked."""
        self.item(row, DIGITISED).setData(SCAN_ROLE, (sha256, pages))
        self.item(row, TICK).setCheckState(Qt.CheckState.Checked)
        self.set_digitisation(row, Digitisation.SCANNED)

    def offer_reuse(self, offers: dict[str, Reusable]) -> None:
        """The applicant's earlier files, by document name (the newest of each): the rows of
        those names may be set to REUSED; a row whose offer went or changed (another ID
        number) and that was reusing it goes back to not digitised. Not the clerk's change:
        `changed` only when a row's state had to go."""
        dropped = False
        self.blockSignals(True)
        for row in range(self.rowCount()):
            digitised = self.item(row, DIGITISED)
            old = digitised.data(OFFER_ROLE)
            new = offers.get(self.item(row, NAME).data(NAME_ROLE))
            same = old is not None and new is not None and old.sha256 == new.sha256
            if same and not old.from_province:
                new = old  # the province's copy fetched meanwhile stays the one offered
            if not same:
                digitised.setData(FETCH_ROLE, None)  # a fetch under way no longer applies
            digitised.setData(OFFER_ROLE, new)
            state = Digitisation(digitised.data(STATE_ROLE))
            if state not in self._available(row) or (state is Digitisation.REUSED
                                                     and not same):
                digitised.setData(STATE_ROLE, Digitisation.PENDING.value)
                dropped = True
            self._show_digitisation(row)
        self.blockSignals(False)
        if dropped:
            self.changed.emit()

    def _show_digitisation(self, row: int) -> None:
        item, line = self.item(row, DIGITISED), self.line(row)
        text, tip = state_text(line), ""
        offer = item.data(OFFER_ROLE)
        if offer is not None and line.digitisation is not Digitisation.REUSED:
            text, tip = self._offered(text, offer, item.data(FETCH_ROLE))
        elif offer is None and self._province_note and line.digitisation is Digitisation.PENDING:
            text = self.tr("{state} – chưa tra được bản điện tử của tỉnh: F3 để quét").format(
                state=text)
            tip = self._province_note
        item.setText(text)
        item.setToolTip(tip or text)  # whole, where a narrow column cut a dossier code short
        self.resizeRowToContents(row)  # the text wraps: the row as tall as it needs
        self.updateGeometry()

    def _offered(self, state: str, offer: Reusable, fetch: bool | str | None) -> tuple[str, str]:
        """A row's text and tooltip with its reuse offer: kept here, the province's, being
        fetched, or failed to fetch (`fetch`: why)."""
        code = offer.dossier_code
        if fetch is True:
            return self.tr("{state} – đang tải bản điện tử của tỉnh ({code})…").format(
                state=state, code=code), ""
        if fetch:
            return self.tr("{state} – không tải được bản của tỉnh ({code}): F3 để quét").format(
                state=state, code=code), fetch
        if offer.from_province:
            return self.tr("{state} – có bản điện tử của tỉnh ({code}): F4").format(
                state=state, code=code), ""
        return self.tr("{state} – có bản điện tử ({code}): F4").format(
            state=state, code=code), ""

    def missing_mandatory(self) -> int:
        return sum(1 for line in self.lines() if line.mandatory and not line.provided)

    def any_ticked(self) -> bool:
        return any(line.provided for line in self.lines())

    def toggle(self, row: int) -> None:
        tick = self.item(row, TICK)
        ticked = tick.checkState() == Qt.CheckState.Checked
        tick.setCheckState(Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked)

    def sizeHint(self) -> QSize:
        # Just tall enough for its rows: the default asks for 192 px, which pushes the receive
        # form into scrolling on a 768-pixel-high screen.
        rows = sum(self.rowHeight(row) for row in range(self.rowCount()))
        empty_rows = max(0, MIN_VISIBLE_ROWS - self.rowCount())
        rows += empty_rows * self.verticalHeader().defaultSectionSize()
        height = self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth()
        return QSize(super().sizeHint().width(), height)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() == Qt.Key.Key_Space
            and self.state() != QAbstractItemView.State.EditingState
            and self.currentRow() >= 0
        ):
            self.toggle(self.currentRow())
            event.accept()
            return
        if event.key() in (Qt.Key.Key_F3, Qt.Key.Key_F4) and self.currentRow() >= 0:
            if event.key() == Qt.Key.Key_F4:
                self.cycle_digitisation(self.currentRow())
            else:
                self.scan_requested.emit(self.currentRow())
            event.accept()
            return
        super().keyPressEvent(event)
