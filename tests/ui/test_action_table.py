"""The action table (ui.actions) is where the main window's and the detail window's actions come
from: every action has a permission and keys no other action of its window has, and the menus,
the toolbar and the detail's buttons are made of the table's actions."""

from PySide6.QtWidgets import QMenu, QToolBar

from desk_app.core.accounts import Permission
from desk_app.ui.actions import ALL_ACTIONS, DOSSIER_ACTIONS, WINDOW_ACTIONS
from desk_app.ui.dossier_detail import DossierDetailDialog
from desk_app.ui.i18n import LANGUAGES

# Built beside the table, by the session (the clerk's own); the languages are a submenu.
SESSION = {"switch_clerk_action", "lock_action", "change_password_action", "accounts_action"}


def menu_actions(menu: QMenu) -> set[str]:
    names = set()
    for action in menu.actions():
        if action.menu() is not None:
            names |= menu_actions(action.menu())
        elif not action.isSeparator():
            names.add(action.objectName())
    return names


def test_every_action_has_a_permission_a_handler_and_keys_of_its_own():
    for window in (ALL_ACTIONS, DOSSIER_ACTIONS):
        keys = [key for spec in window for key in spec.keys]
        assert len(keys) == len(set(keys)), "two actions of one window share keys"
    assert len({spec.name for spec in ALL_ACTIONS}) == len(ALL_ACTIONS)
    for spec in ALL_ACTIONS:
        assert isinstance(spec.permission, Permission) and spec.keys and spec.handler


def test_the_main_windows_keys_are_each_one_action(counter_window):
    keys = [key.toString() for action in counter_window.actions() for key in action.shortcuts()]
    assert len(keys) == len(set(keys))


def test_menus_and_toolbar_are_built_from_the_table(counter_window):
    in_menus = set()
    for action in counter_window.menuBar().actions():
        in_menus |= menu_actions(action.menu())
    languages = {f"language_{code}" for code in LANGUAGES}
    assert in_menus - SESSION - languages == {spec.name for spec in ALL_ACTIONS}
    toolbar = counter_window.findChild(QToolBar, "main_toolbar")
    assert [action.objectName() for action in toolbar.actions()] == [
        spec.name for spec in sorted((s for s in ALL_ACTIONS if s.toolbar),
                                     key=lambda s: s.toolbar)]
    for spec in WINDOW_ACTIONS:
        assert getattr(counter_window, spec.name) is counter_window.table_actions[spec.name]


def test_the_detail_buttons_are_the_tables_dossier_actions(qtbot, counter_window):
    uuid = counter_window.dossier_list.model.dossier_row(0).uuid
    detail = DossierDetailDialog(counter_window.services, counter_window.worker, uuid)
    qtbot.addWidget(detail)
    bar = detail.findChild(QToolBar, "detail_actions")
    assert [action.objectName() for action in bar.actions()] == [
        spec.name for spec in DOSSIER_ACTIONS]
