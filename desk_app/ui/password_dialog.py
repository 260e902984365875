"""A clerk changes their own password: after an admin reset (before any work), or from the menu."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from desk_app.core.text import nfc
from desk_app.services.errors import LoginRefused
from desk_app.ui.account_fields import NewPassword, password_edit
from desk_app.ui.form_dialog import FormDialog


class ChangePasswordDialog(FormDialog):
    """`locked_out(message)`, then closed, when wrong current passwords locked the account:
    the services have logged it out, and whoever was guessing must not stay at the session."""

    locked_out = Signal(str)

    def __init__(self, services, worker, *, after_reset: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self._services = services
        self.setObjectName("change_password_dialog")
        self.setWindowTitle(self.tr("Đổi mật khẩu"))
        intro = QLabel(self.tr(
            "Quản trị đã đặt lại mật khẩu của bạn. Hãy đặt mật khẩu mới của riêng bạn trước "
            "khi làm việc.") if after_reset else self.tr(
            "Mật khẩu mới cần ít nhất 8 ký tự. Không ai khác, kể cả quản trị, xem được nó."))
        intro.setObjectName("password_intro")
        intro.setWordWrap(True)
        self.old_password = password_edit("old_password")
        self.form.row(self.tr("Mật khẩu &hiện tại"), "old_password", self.old_password)
        self.new_password = NewPassword(self.form, self.tr("Mật khẩu &mới"))
        self._finish_layout(intro, self.form)
        self.setMinimumWidth(480)

    def _job(self):
        new = self.new_password.typed()
        if new is None:
            return None
        return partial(self._services.change_password, nfc(self.old_password.text()), new)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, LoginRefused):
            self.reject()  # first: what the rejection says gives way to the lock-out's message
            self.locked_out.emit(str(exc))
            return
        super()._failed(exc)
