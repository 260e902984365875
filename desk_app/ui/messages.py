"""Telling the clerk that something went wrong: in Vietnamese, with what to do, never a
traceback. Errors the services and store raise already carry such a message; anything else
is a bug, logged in full for support and shown in plain words."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desk_app.core.errors import StoreError
from desk_app.services.errors import ServiceError
from desk_app.ui.ask import warn

log = logging.getLogger(__name__)


class ClerkError(Exception):
    """A failure in the interface whose message is already written for the clerk."""


def error_text(exc: BaseException) -> str:
    if isinstance(exc, ServiceError | StoreError | ClerkError):
        return str(exc)
    log.error("unexpected error", exc_info=exc)
    return QCoreApplication.translate(
        "Messages",
        "Đã xảy ra lỗi không mong muốn: {error}\n"
        "Những gì đã lưu trước đó vẫn còn nguyên. Nếu lỗi lặp lại, hãy báo cán bộ CNTT.",
    ).format(error=exc)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    warn(parent, QCoreApplication.translate("Messages", "Không thực hiện được"), error_text(exc))


def install_excepthook() -> None:
    """An exception escaping a slot would otherwise print to a console the clerk never sees
    and leave the action silently undone."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        QMessageBox.critical(
            None, QCoreApplication.translate("Messages", "Lỗi"), error_text(exc)
        )

    sys.excepthook = hook
