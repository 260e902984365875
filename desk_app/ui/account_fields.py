"""The fields that make an account: full name, login name, role, and a new password typed twice.

One piece for every place an account is made or a password set: the first-run setup, the first
admin of a database from before accounts, the account administration, a password reset and the
clerk's own password change. The services check the rules; these fields only add the one check
they cannot make, that both typings of the password agree.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QComboBox, QLineEdit

from desk_app.core import validation
from desk_app.core.accounts import Role
from desk_app.core.text import clean, fold, nfc
from desk_app.ui.field_form import FieldForm

REPEAT_KEY = "password_repeat"


def password_edit(name: str) -> QLineEdit:
    edit = QLineEdit(objectName=name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def role_label(role: Role) -> str:
    return {
        Role.CLERK: QCoreApplication.translate("AccountFields", "Cán bộ tiếp nhận"),
        Role.LEADER: QCoreApplication.translate("AccountFields", "Lãnh đạo"),
        Role.ADMIN: QCoreApplication.translate("AccountFields", "Quản trị"),
    }[role]


def role_combo(current: Role = Role.CLERK) -> QComboBox:
    combo = QComboBox(objectName="role")
    for role in Role:
        combo.addItem(role_label(role), role)
    combo.setCurrentIndex(list(Role).index(current))
    return combo


def suggested_username(full_name: str) -> str:
    """The usual login name for a Vietnamese name: given name, then the initials of the family
    and middle names: 'Nguyễn Thị Lan' → 'lan.nt'."""
    words = [w for w in fold(full_name).split() if w.isascii() and w.isalnum()]
    if len(words) < 2:
        return "".join(words)
    return f"{words[-1]}.{''.join(w[0] for w in words[:-1])}"


class NewPassword(QObject):
    """A new password and its repeat, as two rows of `form`."""

    def __init__(self, form: FieldForm, label: str | None = None) -> None:
        super().__init__(form)
        self._form = form
        self.password = password_edit("password")
        self.password.setPlaceholderText(self.tr("ít nhất 8 ký tự"))
        self.repeat = password_edit(REPEAT_KEY)
        form.row(label or self.tr("Mật &khẩu"), "password", self.password)
        form.row(self.tr("&Nhập lại mật khẩu"), REPEAT_KEY, self.repeat)

    def typed(self) -> str | None:
        """The password, or None after saying beside the repeat that the two differ."""
        password = nfc(self.password.text())
        if password != nfc(self.repeat.text()):
            self._form.show_issues([validation.error(
                REPEAT_KEY, self.tr("Hai lần nhập mật khẩu không giống nhau: hãy nhập lại."))])
            self.repeat.clear()
            return None
        return password

    def clear(self) -> None:
        self.password.clear()
        self.repeat.clear()


class AccountFields(QObject):
    """Full name, login name (suggested from the name until the admin types one), an optional
    role, and the password: rows of `form`, in the order they are typed."""

    def __init__(self, form: FieldForm, *, with_role: bool = False) -> None:
        super().__init__(form)
        self.full_name = QLineEdit(objectName="full_name")
        self.full_name.setPlaceholderText(self.tr("in trên phiếu và sổ, ví dụ Nguyễn Thị Lan"))
        self.username = QLineEdit(objectName="username")
        self.username.setPlaceholderText(self.tr("gõ khi đăng nhập, ví dụ lan.nt"))
        self._suggested = ""
        self.full_name.textChanged.connect(self._suggest)
        form.row(self.tr("&Họ và tên"), "full_name", self.full_name)
        form.row(self.tr("&Tên đăng nhập"), "username", self.username)
        self.role: QComboBox | None = None
        if with_role:
            self.role = role_combo()
            form.row(self.tr("&Vai trò"), "role", self.role)
        self.new_password = NewPassword(form)

    def _suggest(self, full_name: str) -> None:
        # Only while the login name is still the suggestion: never overwrite what was typed.
        if self.username.text() == self._suggested:
            self._suggested = suggested_username(full_name)
            self.username.setText(self._suggested)

    def chosen_role(self) -> Role:
        return Role(self.role.currentData()) if self.role is not None else Role.ADMIN

    def typed(self) -> tuple[str, str, str] | None:
        """(username, full name, password), or None when the password typings differ."""
        password = self.new_password.typed()
        if password is None:
            return None
        return clean(self.username.text()), clean(self.full_name.text()), password
