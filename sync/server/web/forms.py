"""What the web's forms share: a refused field's message, collecting them, and the password
policy (passwords.password_problem) said in Vietnamese next to the field."""

from __future__ import annotations

from collections.abc import Callable

from sync.server.web.passwords import MAX_LENGTH, MIN_LENGTH


class Invalid(Exception):
    """A field's value is refused; the message goes next to that field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def attempt(errors: dict[str, str], action: Callable[[], object]) -> object | None:
    """Run `action`; an Invalid goes into `errors` at its field instead."""
    try:
        return action()
    except Invalid as exc:
        errors[exc.field] = exc.message
        return None


def new_password(form: dict[str, str]) -> str:
    """The new password typed in `password` and again in `again`."""
    password = form.get("password", "")
    if len(password) < MIN_LENGTH:
        raise Invalid("password", f"Mật khẩu cần ít nhất {MIN_LENGTH} ký tự.")
    if len(password) > MAX_LENGTH:
        raise Invalid("password", f"Mật khẩu dài tối đa {MAX_LENGTH} ký tự.")
    if any(ord(ch) < 32 or ch == "\x7f" for ch in password):
        raise Invalid("password", "Mật khẩu không được có ký tự điều khiển.")
    if form.get("again", "") != password:
        raise Invalid("again", "Hai lần nhập mật khẩu không giống nhau.")
    return password
