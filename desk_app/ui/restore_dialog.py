"""Putting a backup back: the offer made at start when the database is damaged, and the restore
dialog (Cài đặt menu) listing every backup with its date and dossier count."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.backups import BackupInfo, BackupKind
from desk_app.ui.ask import confirm
from desk_app.ui.messages import show_error


def kind_label(kind: str) -> str:
    labels = {
        BackupKind.START: QCoreApplication.translate("RestoreDialog", "Khi mở phần mềm"),
        BackupKind.PERIODIC: QCoreApplication.translate("RestoreDialog", "Định kỳ"),
        BackupKind.PRE_MIGRATION: QCoreApplication.translate(
            "RestoreDialog", "Trước khi nâng cấp dữ liệu"),
        BackupKind.PRE_RESTORE: QCoreApplication.translate("RestoreDialog", "Trước khi khôi phục"),
    }
    return labels.get(kind, kind)


def describe(info: BackupInfo) -> str:
    return QCoreApplication.translate(
        "RestoreDialog", "bản sao lưu lúc {time} ngày {day}, {count} hồ sơ (mã cuối: {code})"
    ).format(time=f"{info.made_at:%H:%M}", day=f"{info.made_at:%d/%m/%Y}",
             count=info.dossiers, code=info.last_code or "—")


def offer_restore(problem: str, newest: BackupInfo, *, quit_label: bool = True) -> bool:
    """Ask whether to put the newest good backup back: when the data cannot be opened
    (declining quits), or when it opens lacking what was issued (`quit_label` False:
    declining goes on with the data as it is)."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("RestoreDialog", "Dữ liệu bị hỏng"), problem)
    box.setInformativeText(QCoreApplication.translate(
        "RestoreDialog",
        "Có thể khôi phục {backup}. Tệp hỏng được giữ lại bên cạnh (đổi tên), không bị xóa. "
        "Hồ sơ tiếp nhận sau thời điểm sao lưu cần nhập lại; mã của chúng không bị cấp lại.",
    ).format(backup=describe(newest)))
    restore = box.addButton(QCoreApplication.translate("RestoreDialog", "&Khôi phục"),
                            QMessageBox.ButtonRole.AcceptRole)
    leave = box.addButton(
        QCoreApplication.translate("RestoreDialog", "&Thoát") if quit_label
        else QCoreApplication.translate("RestoreDialog", "&Dùng dữ liệu hiện tại"),
        QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setEscapeButton(leave)
    box.exec()
    return box.clickedButton() is restore


class RestoreDialog(QDialog):
    """Every backup, newest first; the chosen one is restored after a confirmation, with a
    backup of the current state made first (services.restore)."""

    def __init__(self, services, worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services, self._worker = services, worker
        self._backups: list[BackupInfo] = []
        self.restored: BackupInfo | None = None
        self.setWindowTitle(self.tr("Khôi phục dữ liệu từ bản sao lưu"))
        self.resize(720, 420)
        headers = [self.tr("Thời điểm"), self.tr("Loại"), self.tr("Số hồ sơ"),
                   self.tr("Mã hồ sơ cuối")]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = QLabel(self.tr("Chưa có bản sao lưu nào."))
        self.empty.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        self.restore_button = QPushButton(self.tr("&Khôi phục bản đã chọn"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Trước khi khôi phục, dữ liệu hiện tại được sao lưu thêm một bản, nên có thể quay "
            "lại. Mã hồ sơ đã cấp không bao giờ bị cấp lại.")))
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self._worker.run(self._services.list_backups, on_done=self._show,
                         on_error=lambda exc: show_error(self, exc))

    def _show(self, backups: list[BackupInfo]) -> None:
        self._backups = backups
        self.table.setRowCount(len(backups))
        for row, info in enumerate(backups):
            cells = (f"{info.made_at:%d/%m/%Y %H:%M}", kind_label(info.kind),
                     str(info.dossiers), info.last_code)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not backups)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows else None

    def _restore(self) -> None:
        chosen = self.selected()
        if chosen is None or not confirm(
            self, self.tr("Khôi phục dữ liệu"),
            self.tr("Thay dữ liệu hiện tại bằng {backup}?").format(backup=describe(chosen)),
            detail=self.tr("Hồ sơ tiếp nhận sau thời điểm đó sẽ không còn trong danh sách (bản "
                       "sao lưu trước khi khôi phục vẫn giữ chúng)."),
        ):
            return
        self.restore_button.setEnabled(False)
        self._worker.run(lambda: self._services.restore(chosen),
                         on_done=lambda _before: self._restored(chosen),
                         on_error=self._failed)

    def _restored(self, chosen: BackupInfo) -> None:
        self.restored = chosen
        QMessageBox.information(self, self.tr("Đã khôi phục"), self.tr(
            "Đã khôi phục {backup}.").format(backup=describe(chosen)))
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.restore_button.setEnabled(True)
        show_error(self, exc)
