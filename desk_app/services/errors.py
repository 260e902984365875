"""Errors a use case reports to the clerk."""

from __future__ import annotations

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
