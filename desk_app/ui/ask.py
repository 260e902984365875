"""Modal questions and warnings with Vietnamese buttons.

Built from a QMessageBox instance (not the static helpers) so the buttons say "Có"/"Không"
without Qt's own translations installed, and the safe answer is the default for Enter and Esc.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desk_app.core.clock import to_vn

if TYPE_CHECKING:  # every window asks questions; only those that scan load the scanning code
    from desk_app.scanning.spool import Leftover

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
    return _choose(parent, title, text, detail, {
        Button.Apply: (QCoreApplication.translate("Ask", "Yêu cầu &bổ sung (in mẫu 02)"),
                       "supplement"),
        Button.Yes: (QCoreApplication.translate("Ask", "&Vẫn tiếp nhận, ghi thiếu trên phiếu"),
                     "override"),
        Button.No: (QCoreApplication.translate("Ask", "&Quay lại"), None),
    })


def offer_leftovers(parent: QWidget | None, found: Sequence[Leftover], text: str, *,
                    detail: str = "", name: Callable[[Leftover], str] | None = None):
    """For pages scanned but never saved (`found`, listed where `text` says {0}, each by
    `name`, its document's name by default): "open" (put them back into this window), "discard"
    (throw them away) or None (later: they stay offered, the default, so nothing is lost by a
    key pressed too fast)."""
    unknown = QCoreApplication.translate("Ask", "giấy tờ không rõ tên")

    def line(left: Leftover) -> str:
        when = to_vn(left.changed_at) if left.changed_at else None
        # A plural: lupdate does not see it (its entry in the .ts is kept by hand).
        return "• " + QCoreApplication.translate("Ask", "«{0}»: %n trang{1}", "",
                                                 len(left.pages)).format(
            (name(left) if name else left.document) or unknown,
            QCoreApplication.translate("Ask", ", quét lúc {0} ngày {1}").format(
                f"{when:%H:%M}", f"{when:%d/%m/%Y}") if when else "")

    return _choose(parent, QCoreApplication.translate("Ask", "Còn trang đã quét chưa lưu"),
                   text.format("\n".join(line(left) for left in found)), detail, {
        Button.Open: (QCoreApplication.translate("Ask", "&Dùng lại các trang này"), "open"),
        Button.Discard: (QCoreApplication.translate("Ask", "&Bỏ các trang này"), "discard"),
        Button.No: (QCoreApplication.translate("Ask", "Để &sau"), None),
    })


def _choose(parent: QWidget | None, title: str, text: str, detail: str,
            buttons: dict[Button, tuple[str, str | None]]) -> str | None:
    """A question with the answers `buttons` name; the last one is the default for Enter
    and Esc."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, Button.NoButton, parent)
    box.setInformativeText(detail)
    for button, (label, _answer) in buttons.items():
        box.addButton(button).setText(label)
    safe = list(buttons)[-1]
    box.setDefaultButton(safe)
    box.setEscapeButton(safe)
    answer = Button(box.exec())
    return buttons.get(answer, (None, None))[1]
