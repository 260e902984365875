"""Errors a use case reports to the clerk."""

from __future__ import annotations

from datetime import timedelta

from desk_app.core.accounts import Permission
from desk_app.core.validation import Issue, Severity


class ServiceError(Exception):
    """A use case could not be done; the message (Vietnamese) says why and what to do."""


class ValidationFailed(ServiceError):
    """The input has errors, or warnings the clerk has not yet accepted."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__("\n".join(issue.message for issue in issues))

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity is Severity.WARNING]


class NotSetUp(ServiceError):
    def __init__(self) -> None:
        super().__init__("Quầy chưa được thiết lập: hãy nhập thông tin đơn vị trước.")


class TransitionRefused(ServiceError):
    """The state machine refused the action (core's InvalidTransition), with its Vietnamese
    message; `codes` names the dossiers concerned, for a batch."""

    def __init__(self, message: str, codes: tuple[str, ...] = ()):
        super().__init__(message)
        self.codes = codes


class NotLoggedIn(ServiceError):
    def __init__(self) -> None:
        super().__init__("Bạn chưa đăng nhập: hãy đăng nhập để tiếp tục.")


class PermissionDenied(ServiceError):
    def __init__(self, permission: Permission) -> None:
        super().__init__(f"Tài khoản của bạn không có quyền {permission.label}.")
        self.permission = permission


class MustChangePassword(ServiceError):
    def __init__(self) -> None:
        super().__init__(
            "Mật khẩu của bạn do quản trị đặt lại: hãy đổi mật khẩu của riêng bạn trước khi "
            "làm việc.")


class LoginRefused(ServiceError):
    """Wrong name or password, or an account locked out for a while (`retry_after`)."""

    def __init__(self, message: str, retry_after: timedelta | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
