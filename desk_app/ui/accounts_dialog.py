"""The admin looks after the counter's accounts: adds clerks, changes a name or a role, stops or
reopens an account, sets a temporary password for one who forgot theirs (never shown, never
kept: the clerk must change it at the next login), ends a lock-out; and reads what was done."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.accounts import Account, AccountLogEntry, Role
from desk_app.core.text import clean
from desk_app.ui.account_fields import AccountFields, NewPassword, role_combo, role_label
from desk_app.ui.ask import confirm
from desk_app.ui.form_dialog import FormDialog
from desk_app.ui.labels import date_time_text
from desk_app.ui.messages import error_text, show_error
from desk_app.ui.shortcuts import make_shortcut
from desk_app.ui.tables import fill_table, read_only_table
from desk_app.ui.widgets import error_label, open_size

LOG_LIMIT = 200


@dataclass(frozen=True)
class AccountsView:
    """What the dialog shows, read in one worker job."""

    accounts: list[Account]
    log: list[AccountLogEntry]
    now: datetime


def read_view(services) -> AccountsView:
    return AccountsView(services.accounts(), services.account_log(LOG_LIMIT), services.now())


class NewAccountDialog(FormDialog):
    def __init__(self, services, worker, parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self._services = services
        self.setObjectName("new_account_dialog")
        self.setWindowTitle(self.tr("Thêm tài khoản"))
        intro = QLabel(self.tr(
            "Mỗi cán bộ một tài khoản: họ tên in trên phiếu của hồ sơ người đó làm. Báo mật "
            "khẩu cho cán bộ; họ có thể tự đổi sau khi đăng nhập."))
        intro.setWordWrap(True)
        self.fields = AccountFields(self.form, with_role=True)
        self._finish_layout(intro, self.form)
        self.setMinimumWidth(520)

    def _job(self):
        typed = self.fields.typed()
        if typed is None:
            return None
        username, full_name, password = typed
        return partial(self._services.create_account, username, full_name,
                       self.fields.chosen_role(), password)


class EditAccountDialog(FormDialog):
    def __init__(self, services, worker, account: Account,
                 parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self._services = services
        self._username = account.username
        self.setObjectName("edit_account_dialog")
        self.setWindowTitle(self.tr("Sửa tài khoản {username}").format(
            username=account.username))
        self.full_name = QLineEdit(account.full_name, objectName="full_name")
        self.role = role_combo(account.role)
        self.form.row(self.tr("&Họ và tên"), "full_name", self.full_name)
        self.form.row(self.tr("&Vai trò"), "role", self.role)
        self._finish_layout(self.form)
        self.setMinimumWidth(480)

    def _job(self):
        return partial(self._services.update_account, self._username,
                       full_name=clean(self.full_name.text()),
                       role=Role(self.role.currentData()))


class ResetPasswordDialog(FormDialog):
    def __init__(self, services, worker, account: Account,
                 parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self._services = services
        self._username = account.username
        self.setObjectName("reset_password_dialog")
        self.setWindowTitle(self.tr("Đặt lại mật khẩu"))
        intro = QLabel(self.tr(
            "Mật khẩu tạm cho {name} ({username}). Báo riêng cho người đó; khi đăng nhập lần "
            "sau, họ phải đặt mật khẩu mới của mình. Việc này cũng mở khóa tài khoản.").format(
            name=account.full_name, username=account.username))
        intro.setWordWrap(True)
        self.new_password = NewPassword(self.form, self.tr("Mật khẩu &tạm"))
        self._finish_layout(intro, self.form)
        self.setMinimumWidth(480)

    def _job(self):
        password = self.new_password.typed()
        if password is None:
            return None
        return partial(self._services.reset_password, self._username, password)


class AccountsDialog(QDialog):
    def __init__(self, services, worker, view: AccountsView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="accounts_dialog")
        self._services = services
        self._worker = worker
        self._view = view
        self.setWindowTitle(self.tr("Tài khoản"))

        self.table = read_only_table("accounts_table", [
            self.tr("Tên đăng nhập"), self.tr("Họ tên"), self.tr("Vai trò"),
            self.tr("Trạng thái"), self.tr("Khóa đến")], stretch=1)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _item: self.edit_account())
        self.log_table = read_only_table("account_log_table", [
            self.tr("Thời gian"), self.tr("Người làm"), self.tr("Tài khoản"),
            self.tr("Việc"), self.tr("Chi tiết")], stretch=4)
        self.tabs = QTabWidget(objectName="accounts_tabs")
        self.tabs.addTab(self.table, self.tr("Tài khoản"))
        self.tabs.addTab(self.log_table, self.tr("Nhật ký tài khoản"))
        self.error = error_label()

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, keys, slot in (
            ("add_button", self.tr("Thêm (Insert)"), "Insert", self.add_account),
            ("edit_button", self.tr("Sửa (F4)"), "F4", self.edit_account),
            ("active_button", self.tr("Ngừng sử dụng (Ctrl+D)"), "Ctrl+D", self.toggle_active),
            ("reset_button", self.tr("Đặt lại mật khẩu (Ctrl+R)"), "Ctrl+R",
             self.reset_password),
            ("unlock_button", self.tr("Mở khóa (Ctrl+U)"), "Ctrl+U", self.unlock),
        ):
            button = QPushButton(text, objectName=name)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            make_shortcut(QKeySequence(keys), self, slot)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Đóng (Esc)"), objectName="close_button")
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        row.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)
        open_size(self, 900, 520)
        self.show_view(view)
        self.table.setFocus()

    # --- showing ---------------------------------------------------------------------------

    def show_view(self, view: AccountsView, select: str | None = None) -> None:
        select = select or self.selected_username()
        self._view = view
        fill_table(self.table, [self._account_row(a, view.now) for a in view.accounts])
        fill_table(self.log_table, [
            [date_time_text(e.at), e.actor, e.username, self._action_label(e), e.detail]
            for e in view.log])
        self.select(select)

    def select(self, username: str | None) -> None:
        """Make `username`'s row (else the first) the current, selected one."""
        usernames = [a.username for a in self._view.accounts]
        row = usernames.index(username) if username in usernames else 0
        # Not selectRow(): it picks the column under the header's left edge, none before the
        # dialog is laid out.
        self.table.selectionModel().setCurrentIndex(
            self.table.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self._update_buttons()

    def _account_row(self, account: Account, now: datetime) -> list[str]:
        locked = account.locked_until is not None and account.locked_until > now
        if not account.active:
            state = self.tr("Ngừng sử dụng")
        elif locked:
            state = self.tr("Tạm khóa")
        elif account.must_change_password:
            state = self.tr("Chờ đổi mật khẩu")
        else:
            state = self.tr("Đang dùng")
        until = date_time_text(account.locked_until) if locked else ""
        return [account.username, account.full_name, role_label(account.role), state, until]

    def _action_label(self, entry: AccountLogEntry) -> str:
        return {
            "created": self.tr("Tạo tài khoản"),
            "updated": self.tr("Sửa tài khoản"),
            "password_reset": self.tr("Đặt lại mật khẩu"),
            "password_changed": self.tr("Đổi mật khẩu"),
            "locked_out": self.tr("Tạm khóa do nhập sai mật khẩu"),
            "unlocked": self.tr("Mở khóa"),
        }.get(entry.action, entry.action)

    def selected(self) -> Account | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        return self._view.accounts[rows.pop()]

    def selected_username(self) -> str | None:
        account = self.selected()
        return account.username if account else None

    def _update_buttons(self) -> None:
        account = self.selected()
        for name in ("edit_button", "active_button", "reset_button"):
            self.buttons[name].setEnabled(account is not None)
        locked = account is not None and account.locked_until is not None \
            and account.locked_until > self._view.now
        self.buttons["unlock_button"].setEnabled(locked)
        self.buttons["active_button"].setText(
            self.tr("Mở lại (Ctrl+D)") if account is not None and not account.active
            else self.tr("Ngừng sử dụng (Ctrl+D)"))

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # --- acting ----------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        self._worker.run(partial(read_view, self._services),
                         lambda view: self.show_view(view, select), self._failed)

    def _failed(self, exc: Exception) -> None:
        self._say(error_text(exc))

    def _open(self, dialog: QDialog, select: str | None = None) -> None:
        """Open a form over this one; reload when it has saved."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.reload(select))
        dialog.open()

    def add_account(self) -> None:
        dialog = NewAccountDialog(self._services, self._worker, self)
        dialog.accepted.connect(
            lambda: self.reload(clean(dialog.fields.username.text()).lower()))
        self._open(dialog)

    def edit_account(self) -> None:
        if (account := self.selected()) is not None:
            self._open(EditAccountDialog(self._services, self._worker, account, self))

    def reset_password(self) -> None:
        if (account := self.selected()) is not None:
            self._open(ResetPasswordDialog(self._services, self._worker, account, self))

    def toggle_active(self) -> None:
        account = self.selected()
        if account is None:
            return
        if account.active and not confirm(
            self, self.tr("Ngừng sử dụng tài khoản"),
            self.tr("Ngừng tài khoản {username} ({name})? Người đó sẽ không đăng nhập được "
                    "nữa; hồ sơ và nhật ký vẫn giữ tên họ.").format(
                username=account.username, name=account.full_name)):
            return
        self._change(partial(self._services.update_account, account.username,
                             active=not account.active))

    def unlock(self) -> None:
        if (account := self.selected()) is not None:
            self._change(partial(self._services.unlock_account, account.username))

    def _change(self, job) -> None:
        self._say("")
        self._worker.run(job, lambda _result: self.reload(), self._failed)


def open_accounts(services, worker, parent: QWidget,
                  closed: Callable[[], None] | None = None) -> None:
    """`closed()` when the dialog closes: the admin may have changed their own account."""
    def opened(view: AccountsView) -> None:
        dialog = AccountsDialog(services, worker, view, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if closed is not None:
            dialog.finished.connect(lambda _result: closed())
        dialog.open()

    worker.run(partial(read_view, services), opened, partial(show_error, parent))
