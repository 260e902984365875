"""The action table (ui.actions) is where the main window's and the detail window's actions come
from, whoever builds them (the window, the clerk's session, the sync controller, the dossier
actions): every action has keys no other action of its window has, a handler on its owner and
the permission it needs, and the menus, the toolbar, the list's context menu, the status bar's
buttons and the detail's buttons are made of the table's actions."""

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from desk_app.core.accounts import Permission
from desk_app.ui.actions import ALL_ACTIONS, DOSSIER_ACTIONS, WINDOW_ACTIONS, Owner, part
from desk_app.ui.dossier_actions import DossierActions
from desk_app.ui.dossier_detail import DossierDetailDialog
from desk_app.ui.i18n import LANGUAGES
from desk_app.ui.main_window import MainWindow
from desk_app.ui.session import CounterSession
from desk_app.ui.sync_controller import SyncController
from tests.ui.sync_hub import install_sync

OWNERS = {Owner.WINDOW: MainWindow, Owner.DOSSIER: DossierActions,
          Owner.SESSION: CounterSession, Owner.SYNC: SyncController}
# What every logged-in account may do, whatever its role.
OPEN_TO_ALL = {"switch_clerk_action", "lock_action", "change_password_action",
               "sync_now_action", "reconciliation_action"}


@pytest.fixture
def synced_window(qtbot, services, worker):
    """The main window with sync installed: every part of the table built."""
    from desk_app.services.demo import seed

    seed(services)
    controller = install_sync(qtbot, services, worker)
    yield controller.window
    controller.shutdown()


def sections(actions: list[QAction]) -> list[list[str]]:
    """The names of `actions` as a menu shows them, split at its separators (submenus left
    out: they are checked as menus of their own)."""
    split: list[list[str]] = [[]]
    for action in actions:
        if action.isSeparator():
            split.append([])
        elif action.menu() is None:
            split[-1].append(action.objectName())
    return [names for names in split if names]


def table_sections(specs, section) -> list[list[str]]:
    split: dict[int, list[str]] = {}
    for spec in specs:
        split.setdefault(section(spec), []).append(spec.name)
    return [split[key] for key in sorted(split)]


def test_every_action_has_keys_of_its_own_a_handler_and_a_permission():
    for window in (ALL_ACTIONS, DOSSIER_ACTIONS):
        keys = [key for spec in window for key in spec.keys]
        assert len(keys) == len(set(keys)), "two actions of one window share keys"
    assert len({spec.name for spec in ALL_ACTIONS}) == len(ALL_ACTIONS)
    for spec in ALL_ACTIONS:
        assert callable(getattr(OWNERS[spec.owner], spec.handler)), spec.name
        assert spec.keys or spec.menu, f"{spec.name} can be reached neither by keys nor menu"
        assert isinstance(spec.permission, Permission) or spec.name in OPEN_TO_ALL, spec.name
    assert {spec.name for spec in ALL_ACTIONS if spec.permission is None} == OPEN_TO_ALL


def test_the_languages_are_one_checkable_group_in_the_table():
    languages = [spec for spec in WINDOW_ACTIONS if spec.group == "language"]
    assert [spec.args for spec in languages] == [(code,) for code in LANGUAGES]
    assert {spec.permission for spec in languages} == {Permission.SETTINGS}


def test_every_action_of_the_main_window_comes_from_the_table(synced_window):
    in_window = [action.objectName() for action in synced_window.actions()]
    assert sorted(in_window) == sorted(spec.name for spec in ALL_ACTIONS)
    named = {action.objectName() for action in synced_window.findChildren(QAction)
             if action.objectName() and not action.objectName().startswith("_q_")}
    assert named == set(in_window)
    keys = [key.toString() for action in synced_window.actions() for key in action.shortcuts()]
    assert len(keys) == len(set(keys))
    group = synced_window.language_actions["vi"].actionGroup()
    assert group.isExclusive() and group.actions() == list(
        synced_window.language_actions.values())
    assert all(action.isCheckable() for action in group.actions())


def test_the_main_windows_keys_are_each_one_action(counter_window):
    keys = [key.toString() for action in counter_window.actions() for key in action.shortcuts()]
    assert len(keys) == len(set(keys))


def test_menus_and_toolbar_are_built_from_the_table(synced_window):
    menus = {menu.objectName(): menu for menu in synced_window.findChildren(QMenu)
             if menu.objectName()}
    in_menus = {spec.menu for spec in ALL_ACTIONS if spec.menu}
    assert in_menus <= set(menus)
    for name in in_menus:
        assert sections(menus[name].actions()) == table_sections(
            (s for s in ALL_ACTIONS if s.menu == name), lambda s: s.section), name
    toolbar = synced_window.findChild(QToolBar, "main_toolbar")
    assert [action.objectName() for action in toolbar.actions()] == [
        spec.name for spec in sorted((s for s in ALL_ACTIONS if s.toolbar),
                                     key=lambda s: s.toolbar)]
    buttons = synced_window.statusBar().findChildren(QToolButton)
    assert [button.defaultAction().objectName() for button in buttons] == [
        spec.name for spec in ALL_ACTIONS if spec.status_bar]
    for spec in WINDOW_ACTIONS:
        assert getattr(synced_window, spec.name) is synced_window.table_actions[spec.name]


def test_without_sync_the_window_has_every_part_but_the_syncs(counter_window):
    assert sorted(action.objectName() for action in counter_window.actions()) == sorted(
        spec.name for spec in ALL_ACTIONS if spec.owner is not Owner.SYNC)
    assert counter_window.findChild(QMenu, "sync_menu") is None
    for spec in part(Owner.SESSION):
        assert getattr(counter_window.session, spec.name).objectName() == spec.name


def test_the_lists_context_menu_is_the_tables_selection(counter_window):
    table = counter_window.dossier_list.table
    assert sections(table.actions()) == table_sections(
        (s for s in ALL_ACTIONS if s.list_section), lambda s: s.list_section)
    for action in table.actions():
        if not action.isSeparator():
            assert action is counter_window.table_actions[action.objectName()]


def test_the_detail_buttons_are_the_tables_dossier_actions(qtbot, counter_window):
    uuid = counter_window.dossier_list.model.dossier_row(0).uuid
    detail = DossierDetailDialog(counter_window.services, counter_window.worker, uuid)
    qtbot.addWidget(detail)
    bar = detail.findChild(QToolBar, "detail_actions")
    assert [action.objectName() for action in bar.actions()] == [
        spec.name for spec in DOSSIER_ACTIONS]
