"""The locked counter: the page the main window shows instead of the dossiers, and the windows
the clerks had open, kept aside for them.

Locking never throws away what a clerk typed. The windows open at that moment (a receive form
half filled in, a dossier's detail, a preview) are hidden, not closed, and belong to the clerk
who had them open: they come back when that clerk logs in again, and stay hidden while someone
else works, so a form is never saved under another clerk's name. The lock page says whose work
is waiting, so that the next clerk knows that logging in loses nothing.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.accounts import Account
from desk_app.ui.field_errors import WARNING_COLOUR
from desk_app.ui.login_form import LoginForm
from desk_app.ui.widgets import make_heading

# Windows that wait on a nested event loop for an answer: hiding one answers it with its safe
# choice (No, Cancel), so it is not kept to be shown again. Named for Qt's `inherits`, so that
# the start need not load QtPrintSupport (the print preview loads it when a clerk prints).
_ANSWERED_BY_HIDING = ("QMessageBox", "QFileDialog", "QPrintDialog")
# The windows a clerk works in; not menus, tooltips or a field's pop-up list.
_WORK_WINDOWS = (Qt.WindowType.Dialog, Qt.WindowType.Window)


def _kept(window: QWidget) -> bool:
    """Whether a hidden window is kept to be shown again to its clerk."""
    return (window.windowType() in _WORK_WINDOWS
            and not any(window.inherits(kind) for kind in _ANSWERED_BY_HIDING))


class HeldWindows(QObject):
    """The open windows of `main`'s clerks while someone else, or nobody, is logged in.

    A window opened later over a held one is held with it: a save that finishes after the lock
    opens the citizen's receipt over its form, which must not show over the lock page."""

    def __init__(self, main: QWidget) -> None:
        super().__init__(main)
        self._main = main
        self._held: dict[str, list[QWidget]] = {}  # username → hidden windows
        self._names: dict[str, str] = {}  # username → full name, for the lock page

    def hold(self, owner: Account) -> None:
        """Hide every window open over the main window, kept for `owner`."""
        kept = []
        for window in QApplication.topLevelWidgets():
            if not window.isVisible() or not self._opened_over_main(window):
                continue
            window.hide()
            if _kept(window):
                kept.append(window)
        if kept:
            self._held.setdefault(owner.username, []).extend(kept)
            self._names[owner.username] = owner.full_name
            # Only while something is held: every event of the app passes through the filter.
            QApplication.instance().installEventFilter(self)

    def _opened_over_main(self, window: QWidget) -> bool:
        if window.windowType() not in _WORK_WINDOWS:
            return False
        parent = window.parentWidget()
        while parent is not None and parent is not self._main:
            parent = parent.parentWidget()
        return parent is self._main

    def give_back(self, owner: str) -> None:
        """Show `owner`'s windows again, as they were left; the last one opened on top."""
        windows = [w for w in self._held.pop(owner, []) if shiboken6.isValid(w)]
        if not self:
            QApplication.instance().removeEventFilter(self)
        for window in windows:
            self._hide_late(window)  # held as it was shown, and its hiding not done yet
            window.show()
        if windows:
            windows[-1].raise_()
            windows[-1].activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow()):
            owner = self._owner_of_ancestor(watched)
            if owner is not None:
                self._hold_late(watched, owner)
        return False

    def _owner_of_ancestor(self, window: QWidget) -> str | None:
        """Whose held window `window` was opened over, if it was."""
        parent = window.parentWidget()
        while parent is not None:
            for owner, windows in self._held.items():
                if parent in windows:
                    return owner
            parent = parent.parentWidget()
        return None

    def _hold_late(self, window: QWidget, owner: str) -> None:
        # Qt shows the window on screen right after this Show event, and hiding it during the
        # event leaves it there: keep it off the screen, then hide it once the show is done.
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        QTimer.singleShot(0, window, lambda: self._hide_late(window))
        if _kept(window):
            self._held[owner].append(window)

    @staticmethod
    def _hide_late(window: QWidget) -> None:
        """Finish holding a window held as it was shown; once (give_back may come first)."""
        if window.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
            window.hide()
            window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)

    def waiting(self) -> list[tuple[str, str, list[str]]]:
        """(username, full name, window titles) of each clerk whose windows are kept."""
        return [
            (owner, self._names[owner],
             [w.windowTitle() for w in windows if shiboken6.isValid(w)])
            for owner, windows in self._held.items()
        ]

    def __bool__(self) -> bool:
        return any(self._held.values())


class LockPage(QWidget):
    """Nothing of the dossiers: who may come in (the login form) and whose work waits."""

    def __init__(self, services, worker, held: HeldWindows,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="lock_page")
        self._held = held
        title = make_heading(QLabel(self.tr("Màn hình đã khóa"), objectName="lock_title"), 1.6)
        hint = QLabel(self.tr(
            "Hồ sơ được ẩn khi không có ai đăng nhập. Chọn tên của bạn và nhập mật khẩu để "
            "làm việc; đồng bộ và sao lưu vẫn tiếp tục chạy."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.held_note = QLabel(objectName="held_note")
        self.held_note.setWordWrap(True)
        self.held_note.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.held_note.hide()
        self.form = LoginForm(services, worker, self)
        self.form.chosen.connect(self._explain_held)

        panel = QFrame(objectName="lock_panel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(560)
        column = QVBoxLayout(panel)
        column.setContentsMargins(24, 24, 24, 24)
        column.setSpacing(12)
        column.addWidget(title)
        column.addWidget(hint)
        column.addWidget(self.form)
        column.addWidget(self.held_note)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(panel, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def show_locked(self, select: str = "") -> None:
        """Read who may log in, the clerk `select` (who just locked) highlighted, if given."""
        self.form.load(select)
        self._explain_held(select)

    def _explain_held(self, username: str) -> None:
        lines = []
        for owner, name, titles in self._held.waiting():
            windows = ", ".join(f"«{title}»" for title in titles)
            if owner == username:
                lines.append(self.tr(
                    "Các cửa sổ bạn đang làm dở ({windows}) sẽ hiện lại đúng như lúc khóa khi "
                    "bạn đăng nhập.").format(windows=windows))
            else:
                lines.append(self.tr(
                    "{name} đang làm dở {windows}. Nội dung đó được giữ nguyên và chỉ hiện lại "
                    "khi {name} đăng nhập; cán bộ khác đăng nhập không làm mất nó.").format(
                    name=name, windows=windows))
        self.held_note.setText("\n".join(lines))
        self.held_note.setVisible(bool(lines))
