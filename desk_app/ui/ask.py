"""Modal questions and warnings with Vietnamese buttons.

Built from a QMessageBox instance (not the static helpers) so the buttons say "Có"/"Không"
without Qt's own translations installed, and the safe answer is the default for Enter and Esc.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def confirm(parent: QWidget | None, title: str, text: str, *, detail: str = "") -> bool:
    """Ask a yes/no question whose default answer is No."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, Button.Yes | Button.No, parent)
    box.setInformativeText(detail)
    box.button(Button.Yes).setText(QCoreApplication.translate("Ask", "&Có"))
    box.button(Button.No).setText(QCoreApplication.translate("Ask", "&Không"))
    box.setDefaultButton(Button.No)
    box.setEscapeButton(Button.No)
    return Button(box.exec()) == Button.Yes


def warn(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, Button.Ok, parent)
    box.button(Button.Ok).setText(QCoreApplication.translate("Ask", "Đã hiểu"))
    box.exec()


def choose_missing(parent: QWidget | None, title: str, text: str, *, detail: str = ""):
    """For a dossier missing mandatory documents: "supplement" (form 02), "override" (receive
    it as it is, the gap printed on the receipt) or None (back to the form, the default)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      Button.Apply | Button.Yes | Button.No, parent)
    box.setInformativeText(detail)
    box.button(Button.Apply).setText(
        QCoreApplication.translate("Ask", "Yêu cầu &bổ sung (in mẫu 02)"))
    box.button(Button.Yes).setText(
        QCoreApplication.translate("Ask", "&Vẫn tiếp nhận, ghi thiếu trên phiếu"))
    box.button(Button.No).setText(QCoreApplication.translate("Ask", "&Quay lại"))
    box.setDefaultButton(Button.No)
    box.setEscapeButton(Button.No)
    answer = Button(box.exec())
    return {Button.Apply: "supplement", Button.Yes: "override"}.get(answer)
