"""Logging in at a shared counter PC: pick yourself from the list of the counter's clerks (typing
a few letters of the name, or the login name, finds you), type the password, Enter.

The same form serves the start of the app and the lock page of the main window. The password
check (scrypt, ~0.1 s on purpose) runs on the worker. A refusal is said beside the password,
which alone is cleared; a lock-out counts down until the account may try again.
"""

from __future__ import annotations

import time
from dataclasses import replace
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core import validation
from desk_app.core.accounts import Account
from desk_app.core.text import clean, fold, nfc
from desk_app.services.errors import LoginRefused
from desk_app.ui.account_fields import password_edit, role_label
from desk_app.ui.field_form import FieldForm
from desk_app.ui.messages import error_text
from desk_app.ui.password_dialog import ChangePasswordDialog

COUNTDOWN_MS = 1000
VISIBLE_ACCOUNTS = 6
_FOLDED_NAME = Qt.ItemDataRole.UserRole + 1  # what typing is matched against, with the login  # a commune counter has a handful of clerks; more scroll


def wait_text(seconds: float) -> str:
    """A wait as a clock shows it: 90 s → '1:30'."""
    minutes, rest = divmod(max(0, round(seconds)), 60)
    return f"{minutes}:{rest:02d}"


class LoginForm(QWidget):
    """`logged_in(account)` once the services have logged the account in (and its password
    was changed, if an admin had reset it); `chosen(username)` as the highlighted account
    changes ('' for none)."""

    logged_in = Signal(object)
    checking = Signal()  # the password went to the worker to be checked
    chosen = Signal(str)

    def __init__(self, services, worker, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="login_form")
        self._services = services
        self._worker = worker
        self._locked_until: dict[str, float] = {}  # username → time.monotonic() deadline
        self._busy = False

        self.search = QLineEdit(objectName="login_search")
        self.search.setPlaceholderText(self.tr("gõ vài chữ của họ tên hoặc tên đăng nhập"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.accounts = QListWidget(objectName="login_accounts")
        self.accounts.currentItemChanged.connect(self._current_changed)
        self.accounts.itemActivated.connect(lambda _item: self.password.setFocus())
        row = self.accounts.fontMetrics().height() + 4
        self.accounts.setMinimumHeight(row * 4)
        self.accounts.setMaximumHeight(row * VISIBLE_ACCOUNTS + 8)
        who = QWidget()
        column = QVBoxLayout(who)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.accounts)
        self.password = password_edit("login_password")
        self.password.returnPressed.connect(self.log_in)

        self.form = FieldForm()
        self.form.row(self.tr("&Cán bộ"), "username", who)
        self.form.row(self.tr("&Mật khẩu"), "password", self.password)
        self.login_button = QPushButton(self.tr("Đăng nhập (Enter)"), objectName="login_button")
        # Enter in the password logs in (returnPressed); as a dialog's default button it
        # would log in a second time.
        self.login_button.setAutoDefault(False)
        self.login_button.clicked.connect(self.log_in)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.login_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addLayout(buttons)

        self._countdown = QTimer(self, interval=COUNTDOWN_MS)
        self._countdown.timeout.connect(self._show_lockout)

    # --- the accounts ----------------------------------------------------------------------

    def load(self, select: str = "") -> None:
        """Read the accounts that may log in (on the worker); highlight `select` if given."""
        self._worker.run(self._services.login_choices,
                         lambda accounts: self.set_accounts(accounts, select),
                         partial(self._say, "username"))

    def set_accounts(self, accounts: list[Account], select: str = "") -> None:
        # A lock-out counted down here may have been lifted by an admin since: the services
        # say so again at the next try.
        self._locked_until.clear()
        self._countdown.stop()
        self.accounts.clear()
        for account in accounts:
            item = QListWidgetItem(f"{account.full_name} – {role_label(account.role)}")
            item.setData(Qt.ItemDataRole.UserRole, account.username)
            item.setData(_FOLDED_NAME, fold(account.full_name))
            item.setToolTip(account.username)
            self.accounts.addItem(item)
        self.search.clear()
        self.password.clear()
        self.form.clear_issues()
        if not (select and self._select(select)):
            self.accounts.setCurrentItem(None)
        # The account field, even with the clerk who locked highlighted (Enter goes on to the
        # password): the next clerk at a shared PC types their own name first, and with the
        # cursor in the password box that name was a failed attempt against the first clerk.
        self.search.setFocus()

    def _select(self, username: str) -> bool:
        for row in range(self.accounts.count()):
            item = self.accounts.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == username:
                self.accounts.setCurrentItem(item)
                return True
        return False

    def _filter(self, text: str) -> None:
        """Show the accounts whose name or login name contains what is typed; highlight the
        one whose login name it is, else the first shown."""
        typed = fold(text)
        shown = []
        for row in range(self.accounts.count()):
            item = self.accounts.item(row)
            username = item.data(Qt.ItemDataRole.UserRole)
            matches = typed in item.data(_FOLDED_NAME) or typed in username
            item.setHidden(not matches)
            if matches:
                shown.append(item)
        exact = next((i for i in shown if i.data(Qt.ItemDataRole.UserRole) == typed), None)
        self.accounts.setCurrentItem(exact or (shown[0] if shown else None))

    def username(self) -> str:
        """The highlighted account, else what was typed (a login name not in the list)."""
        item = self.accounts.currentItem()
        if item is not None and not item.isHidden():
            return item.data(Qt.ItemDataRole.UserRole)
        return clean(self.search.text()).lower()

    def _current_changed(self, *_items) -> None:
        self.form.clear_issues()
        self._show_lockout()
        self.chosen.emit(self.username())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up/Down in the search box walk the list; Enter goes on to the password.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._step(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.password.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _step(self, direction: int) -> None:
        rows = [r for r in range(self.accounts.count()) if not self.accounts.item(r).isHidden()]
        if not rows:
            return
        current = self.accounts.currentRow()
        index = rows.index(current) + direction if current in rows else 0
        self.accounts.setCurrentRow(rows[max(0, min(index, len(rows) - 1))])

    # --- logging in ------------------------------------------------------------------------

    def log_in(self) -> None:
        if self._busy:
            return
        username = self.username()
        if not username:
            self._say("username", self.tr("Chọn tên của bạn trong danh sách."))
            return
        if self._lockout_left(username) > 0:
            return
        password = nfc(self.password.text())
        if not password:
            self._say("password", self.tr("Nhập mật khẩu."))
            return
        self._set_busy(True)
        self._worker.run(partial(self._services.login, username, password),
                         self._accepted, self._refused)
        self.checking.emit()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.login_button.setEnabled(not busy and self._lockout_left(self.username()) <= 0)

    def _refused(self, exc: Exception) -> None:
        self._set_busy(False)
        self.password.clear()  # the one thing to type again; the chosen account stays
        if isinstance(exc, LoginRefused) and exc.retry_after is not None:
            self._locked_until[self.username()] = (
                time.monotonic() + exc.retry_after.total_seconds())
            self._show_lockout()
        else:
            self._say("password", error_text(exc))
        self.password.setFocus()

    def _accepted(self, account: Account) -> None:
        self._set_busy(False)
        self.password.clear()
        self.form.clear_issues()
        if not account.must_change_password:
            self.logged_in.emit(account)
            return
        dialog = ChangePasswordDialog(self._services, self._worker, after_reset=True,
                                      parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self.logged_in.emit(replace(account, must_change_password=False)))
        dialog.rejected.connect(self._password_not_changed)
        dialog.locked_out.connect(self.say_refused)
        dialog.open()

    def _password_not_changed(self) -> None:
        # Nobody works on a password an admin knows: back to the login.
        self._worker.run(self._services.logout)
        self._say("password", self.tr(
            "Bạn cần đặt mật khẩu mới trước khi làm việc. Hãy đăng nhập lại."))
        self.password.setFocus()

    def say_refused(self, message: str) -> None:
        """A refusal met elsewhere (the account got locked while changing its password)."""
        self.password.clear()
        self._say("password", message)
        self.password.setFocus()

    def _lockout_left(self, username: str) -> float:
        deadline = self._locked_until.get(username)
        return 0.0 if deadline is None else deadline - time.monotonic()

    def _show_lockout(self) -> None:
        """The wait left for the highlighted account, counting down; cleared when it is over."""
        username = self.username()
        left = self._lockout_left(username)
        if left > 0:
            self._say("password", self.tr(
                "Đăng nhập sai nhiều lần: tài khoản tạm khóa. Thử lại sau {wait} (hoặc nhờ "
                "quản trị mở khóa).").format(wait=wait_text(left)))
            self._countdown.start()
        elif username in self._locked_until:
            del self._locked_until[username]
            self.form.clear_issues()
        if not any(self._lockout_left(u) > 0 for u in self._locked_until):
            self._countdown.stop()
        self.login_button.setEnabled(not self._busy and left <= 0)

    def _say(self, field: str, message: object) -> None:
        text = message if isinstance(message, str) else error_text(message)
        self.form.show_issues([validation.error(field, text)])
