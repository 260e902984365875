"""Shortcuts stay where they belong, tried with real key presses: a key meant for one widget
must not be taken from every other widget of the window (issue 14, defect 1)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from desk_app.ui.catalogue_dialog import CatalogueDialog
from desk_app.ui.shortcuts import make_shortcut

pytestmark = pytest.mark.usefixtures("message_boxes")


def test_make_shortcut_keeps_the_context_it_was_given(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    for context in Qt.ShortcutContext:
        shortcut = make_shortcut(QKeySequence("Ctrl+J"), host, lambda: None, context)
        assert shortcut.context() == context


def test_make_shortcut_runs_its_slot_only_within_its_widget(qtbot, activate, keyboard):
    window = QWidget()
    qtbot.addWidget(window)
    inside, outside = QLineEdit(window), QLineEdit(window)
    pressed = []
    make_shortcut(QKeySequence(Qt.Key.Key_Down), inside, lambda: pressed.append(True),
                  Qt.ShortcutContext.WidgetShortcut)
    activate(window)
    outside.setFocus()
    keyboard.press(Qt.Key.Key_Down)
    assert pressed == []
    inside.setFocus()
    keyboard.press(Qt.Key.Key_Down)
    assert pressed == [True]


def test_down_moves_through_the_dossier_list_row_by_row(counter_window, keyboard):
    dossiers = counter_window.dossier_list
    dossiers.table.setFocus()
    dossiers.table.setCurrentIndex(dossiers.proxy.index(0, 0))
    for row in (1, 2, 3):
        keyboard.press(Qt.Key.Key_Down)
        assert dossiers.table.currentIndex().row() == row
    assert QApplication.focusWidget() is dossiers.table


def test_down_in_the_filter_still_goes_to_the_table(counter_window, keyboard):
    dossiers = counter_window.dossier_list
    dossiers.filter_text.setFocus()
    keyboard.press(Qt.Key.Key_Down)
    assert QApplication.focusWidget() is dossiers.table


def test_delete_in_the_procedure_list_leaves_the_required_documents(
        qtbot, services, worker, activate, keyboard):
    dialog = CatalogueDialog(services, worker, services.catalogue_entries(),
                             services.processing_units())
    qtbot.addWidget(dialog)
    activate(dialog)
    before = dialog.documents.documents()
    assert before  # the first procedure asks for documents
    dialog.list.setFocus()
    keyboard.press(Qt.Key.Key_Delete)
    assert dialog.documents.documents() == before
    dialog.documents.table.setFocus()
    dialog.documents.table.setCurrentCell(0, 0)
    keyboard.press(Qt.Key.Key_Delete)  # in the table itself it still removes the row
    assert len(dialog.documents.documents()) == len(before) - 1
