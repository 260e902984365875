"""The one way to make a keyboard shortcut in the UI.

PySide6 6.11 drops the `context=` keyword when `QShortcut` is also given a callable: the
shortcut ends up window-wide, so a Down meant for the search field took Down from the whole
window, and a Delete meant for the documents table deleted documents from anywhere in the
catalogue editor (issue 14, defect 1). Setting the context after construction works; this
helper does that and checks it, so no shortcut can silently widen again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

Keys = QKeySequence | QKeySequence.StandardKey | Qt.Key | str


def make_shortcut(keys: Keys, parent: QWidget, slot: Callable[[], object],
                  context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QShortcut:
    """A shortcut on `parent` that calls `slot()` when `keys` are pressed in `context`:
    WidgetShortcut for `parent` alone, WidgetWithChildrenShortcut for it and its children,
    WindowShortcut (the default, as Qt's) anywhere in its window."""
    shortcut = QShortcut(QKeySequence(keys), parent)
    shortcut.setContext(context)
    shortcut.activated.connect(lambda: slot())
    if shortcut.context() != context:
        raise RuntimeError(f"shortcut {shortcut.key().toString()} has context "
                           f"{shortcut.context()}, not {context}")
    return shortcut
