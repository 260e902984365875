"""The login at the start of the app, before the main window shows anything."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from desk_app.core.accounts import Account
from desk_app.core.counter import CounterSetup
from desk_app.ui.login_form import LoginForm


class LoginDialog(QDialog):
    """Accepted once someone has logged in (`account`); Esc closes it, and with it the app."""

    def __init__(self, services, worker, setup: CounterSetup | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="login_dialog")
        self.setWindowTitle(self.tr("Đăng nhập"))
        self.account: Account | None = None
        where = QLabel(setup.unit_name if setup else "", objectName="login_where")
        where.setWordWrap(True)
        self.form = LoginForm(services, worker, self)
        self.form.logged_in.connect(self._logged_in)
        layout = QVBoxLayout(self)
        layout.addWidget(where)
        layout.addWidget(self.form)
        self.setMinimumWidth(480)
        self.form.load()

    def _logged_in(self, account: Account) -> None:
        self.account = account
        self.accept()
