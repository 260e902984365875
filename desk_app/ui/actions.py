"""Every action of the main window and of a dossier, in one table: its name (the QAction's
objectName), its text, its keys, the permission it needs, the dossier event it records (whose
states decide when it applies), who handles it and with which method, and where it is shown.

The menus, the toolbar, the list's context menu, the status bar's buttons, the detail window's
buttons and the shortcuts are all built from this table by `build_actions`, which also sets the
shortcut context in one place; adding an action is adding a row. Each owner builds its own part
(`part(owner)`) on its host, with itself as the handler: the main window, the clerk's session,
the sync controller (only when sync is installed) and the dossier actions. Texts keep the
translation context they had when each part built its own (`MainWindow`, `DossierActions`,
`CounterSession`, `SyncController`), so the English translations still apply.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desk_app.core.accounts import Permission
from desk_app.core.lifecycle import EventKind
from desk_app.ui.i18n import LANGUAGES
from desk_app.ui.shortcuts import Keys

# Translation contexts. lupdate sees only literal ones, so each QT_TRANSLATE_NOOP below spells
# its context out again (tests/ui/test_i18n.py finds every text's translation in its spec's).
MAIN = "MainWindow"
DOSSIER = "DossierActions"
SESSION = "CounterSession"
SYNC = "SyncController"


class Owner(Enum):
    """Who builds an action and whose method handles it."""

    WINDOW = "window"  # ui.main_window.MainWindow
    DOSSIER = "dossier"  # ui.dossier_actions.DossierActions, in the main and the detail window
    SESSION = "session"  # ui.session.CounterSession: the clerk's own
    SYNC = "sync"  # ui.sync_controller.SyncController, only when sync is installed


@dataclass(frozen=True)
class ActionSpec:
    name: str
    context: str  # the translation context of `text` and `toolbar_text`; "" for untranslated
    text: str  # Vietnamese, as in the menu (with its & mnemonic)
    keys: tuple[Keys, ...]
    permission: Permission | None  # None: every logged-in account
    handler: str  # the method of the owner that runs it
    menu: str = ""  # objectName of the menu it is in, "" for none
    section: int = 0  # a separator in the menu between sections
    toolbar: int = 0  # position on the main toolbar, 0 for not there
    toolbar_text: str = ""  # a button's shorter text, with the key for clerks learning it
    # A dossier action: applies where core allows this event; None, the one that records
    # no state change (digitising a document later), where core.lifecycle.later_stages has one.
    kind: EventKind | None = None
    many: bool = False  # a dossier action on several selected dossiers at once
    owner: Owner = Owner.WINDOW
    args: tuple[object, ...] = ()  # what the handler is called with
    group: str = ""  # checkable, one checked at a time among the actions of this group
    list_section: int = 0  # section of the dossier list's context menu, 0 for not there
    status_bar: bool = False  # a button (toolbar_text) beside the clerk's name

    def translated(self, text: str) -> str:
        return QCoreApplication.translate(self.context, text) if self.context else text


def _dossier(name: str, text: str, key: str, permission: Permission, handler: str,
             kind: EventKind | None, *, toolbar: int = 0, toolbar_text: str = "",
             many: bool = False) -> ActionSpec:
    return ActionSpec(name, DOSSIER, text, (key,), permission, handler, "dossier_menu", 1,
                      toolbar, toolbar_text, kind, many, Owner.DOSSIER, list_section=2)


# What can be done to the selected dossier(s) after the receipt: in the main window (menu,
# toolbar, the list's context menu) and in the detail window (its buttons).
_DOSSIER = (
    _dossier("handover_action", QT_TRANSLATE_NOOP("DossierActions", "Bàn &giao cho đơn vị xử lý…"),
             "Ctrl+G", Permission.HAND_OVER, "hand_over", EventKind.HANDED_OVER, many=True,
             toolbar=4, toolbar_text=QT_TRANSLATE_NOOP("DossierActions", "Bàn giao (Ctrl+G)")),
    _dossier("result_ready_action", QT_TRANSLATE_NOOP("DossierActions", "Nhận kết &quả từ đơn vị xử lý…"),
             "Ctrl+K", Permission.HAND_OVER, "record_result_ready", EventKind.RESULT_READY,
             toolbar=5, toolbar_text=QT_TRANSLATE_NOOP("DossierActions", "Nhận kết quả (Ctrl+K)")),
    _dossier("supplement_action", QT_TRANSLATE_NOOP("DossierActions", "Yêu cầu &bổ sung hồ sơ…"),
             "Ctrl+B", Permission.HAND_OVER, "request_supplement",
             EventKind.SUPPLEMENT_REQUESTED,
             toolbar=6, toolbar_text=QT_TRANSLATE_NOOP("DossierActions", "Yêu cầu bổ sung (Ctrl+B)")),
    _dossier("supplemented_action", QT_TRANSLATE_NOOP("DossierActions", "Nhận hồ sơ bổ s&ung…"),
             "Ctrl+Shift+B", Permission.HAND_OVER, "receive_supplement", EventKind.SUPPLEMENTED),
    # A document brought later or the result, scanned or imported into the dossier (issue 16).
    _dossier("digitise_action", QT_TRANSLATE_NOOP("DossierActions", "Số hóa giấy tờ bổ sung, &kết quả…"),
             "Ctrl+Shift+H", Permission.HAND_OVER, "digitise", None),
    _dossier("refuse_action", QT_TRANSLATE_NOOP("DossierActions", "Từ &chối tiếp nhận…"),
             "Ctrl+Shift+R", Permission.REFUSE, "refuse", EventKind.REFUSED),
    _dossier("apology_action", QT_TRANSLATE_NOOP("DossierActions", "Xin lỗi, &hẹn lại…"),
             "Ctrl+H", Permission.APOLOGISE, "apologise", EventKind.RESCHEDULED),
    _dossier("return_action", QT_TRANSLATE_NOOP("DossierActions", "T&rả kết quả…"),
             "Ctrl+T", Permission.RETURN, "return_result", EventKind.RETURNED,
             toolbar=7, toolbar_text=QT_TRANSLATE_NOOP("DossierActions", "Trả kết quả (Ctrl+T)")),
    _dossier("withdraw_action", QT_TRANSLATE_NOOP("DossierActions", "Rút hồ &sơ…"),
             "Ctrl+R", Permission.RETURN, "withdraw", EventKind.WITHDRAWN),
    _dossier("stop_action", QT_TRANSLATE_NOOP("DossierActions", "&Dừng xử lý…"),
             "Ctrl+D", Permission.RETURN, "stop", EventKind.STOPPED),
    # Reverses the dossier's last action of the day (docs/domain.md, "Correcting a mistake").
    _dossier("correct_action", QT_TRANSLATE_NOOP("DossierActions", "Đính chính: hủ&y thao tác cuối…"),
             "Ctrl+Z", Permission.CORRECT, "correct", EventKind.CORRECTED),
)

# The main window's own actions; the dossier actions go in the dossier menu's section 1.
_WINDOW = (
    ActionSpec("receive_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "&Tiếp nhận hồ sơ mới…"),
               ("F2",), Permission.RECEIVE, "open_receive", "dossier_menu", 0,
               1, QT_TRANSLATE_NOOP("MainWindow", "Tiếp nhận hồ sơ mới (F2)")),
    ActionSpec("detail_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "&Xem chi tiết"),
               ("Ctrl+O",), Permission.LOOK_UP, "open_detail", "dossier_menu", 2,
               2, QT_TRANSLATE_NOOP("MainWindow", "Xem chi tiết (Ctrl+O)"), list_section=1),
    ActionSpec("reprint_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "&In lại phiếu tiếp nhận…"),
               (QKeySequence.StandardKey.Print,), Permission.LOOK_UP, "reprint", "dossier_menu",
               2, 3, QT_TRANSLATE_NOOP("MainWindow", "In lại phiếu (Ctrl+P)"), list_section=1),
    ActionSpec("refresh_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "&Làm mới danh sách"),
               ("F5",), Permission.LOOK_UP, "refresh", "dossier_menu", 3,
               8, QT_TRANSLATE_NOOP("MainWindow", "Làm mới (F5)")),
    ActionSpec("find_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "T&ìm"),
               (QKeySequence.StandardKey.Find,), Permission.LOOK_UP, "find", "dossier_menu", 3),
    # The clerk's own actions (_SESSION) go in before quitting, in section 4.
    ActionSpec("quit_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "Th&oát"),
               ("Ctrl+Q",), Permission.LOOK_UP, "close", "dossier_menu", 5),
    ActionSpec("list_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "&Danh sách hồ sơ"),
               ("Ctrl+1",), Permission.LOOK_UP, "show_list", "reports_menu", 0),
    ActionSpec("board_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "&Bảng theo dõi hôm nay"),
               ("Ctrl+2",), Permission.LOOK_UP, "show_board", "reports_menu", 0),
    ActionSpec("ledger_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "&Sổ theo dõi hồ sơ…"),
               ("Ctrl+L",), Permission.LEDGER, "open_ledger", "reports_menu", 1),
    ActionSpec("end_of_day_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "&Tổng kết cuối ngày…"),
               ("Ctrl+E",), Permission.END_OF_DAY, "open_end_of_day", "reports_menu", 1),
    ActionSpec("settings_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "&Cài đặt…"),
               ("Ctrl+,",), Permission.SETTINGS, "open_settings", "settings_menu", 0),
    ActionSpec("setup_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "&Thông tin quầy…"),
               ("Ctrl+Shift+T",), Permission.SETTINGS, "open_setup", "settings_menu", 0),
    ActionSpec("units_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "Đơn &vị xử lý hồ sơ…"),
               ("Ctrl+Shift+U",), Permission.SETTINGS, "open_units", "settings_menu", 0),
    ActionSpec("catalogue_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "&Danh mục thủ tục…"),
               ("Ctrl+Shift+P",), Permission.CATALOGUE, "open_catalogue", "settings_menu", 0),
    ActionSpec("restore_action", MAIN,
               QT_TRANSLATE_NOOP("MainWindow", "&Khôi phục dữ liệu từ bản sao lưu…"),
               ("Ctrl+Shift+K",), Permission.BACKUPS, "open_restore", "settings_menu", 1),
    ActionSpec("verify_action", MAIN, QT_TRANSLATE_NOOP("MainWindow", "Kiểm tra &toàn vẹn nhật ký"),
               ("Ctrl+Shift+J",), Permission.VERIFY_JOURNAL, "verify_journal",
               "settings_menu", 1),
)

# The interface language, the whole counter's (as in the settings dialog): one checkable
# action per language, named in its own language.
_LANGUAGE = tuple(
    ActionSpec(f"language_{code}", "", name, (), Permission.SETTINGS, "choose_language",
               "language_menu", args=(code,), group="language")
    for code, name in LANGUAGES.items())

# The clerk's own (ui.session); switching and locking also beside the clerk's name, since the
# toolbar is full on a 1366-pixel screen. The lock key also works over an open form: the
# session's LockWatch catches it there.
_SESSION = (
    ActionSpec("switch_clerk_action", SESSION, QT_TRANSLATE_NOOP("CounterSession", "Đổi &cán bộ…"),
               ("Ctrl+Shift+D",), None, "switch_clerk", "dossier_menu", 4,
               toolbar_text=QT_TRANSLATE_NOOP("CounterSession", "Đổi cán bộ (Ctrl+Shift+D)"),
               owner=Owner.SESSION, status_bar=True),
    ActionSpec("lock_action", SESSION, QT_TRANSLATE_NOOP("CounterSession", "&Khóa màn hình"),
               ("Ctrl+Shift+L",), None, "lock", "dossier_menu", 4,
               toolbar_text=QT_TRANSLATE_NOOP("CounterSession", "Khóa (Ctrl+Shift+L)"),
               owner=Owner.SESSION, status_bar=True),
    ActionSpec("change_password_action", SESSION, QT_TRANSLATE_NOOP("CounterSession", "Đổi &mật khẩu…"),
               ("Ctrl+Shift+M",), None, "change_password", "dossier_menu", 4,
               owner=Owner.SESSION),
    ActionSpec("accounts_action", SESSION, QT_TRANSLATE_NOOP("CounterSession", "Tài &khoản…"),
               ("Ctrl+Shift+A",), Permission.ACCOUNTS, "open_accounts", "settings_menu", 2,
               owner=Owner.SESSION),
)

# Sync (ui.sync_controller), in its own menu; there only when sync is installed.
_SYNC = (
    ActionSpec("sync_now_action", SYNC, QT_TRANSLATE_NOOP("SyncController", "Đồng bộ &ngay"),
               ("F6",), None, "sync_asked", "sync_menu", 0, owner=Owner.SYNC),
    ActionSpec("quarantine_action", SYNC,
               QT_TRANSLATE_NOOP("SyncController", "Sự kiện, tệp bị &cách ly…"),
               (), Permission.SYNC_ADMIN, "open_quarantine", "sync_menu", 1, owner=Owner.SYNC),
    ActionSpec("reconciliation_action", SYNC,
               QT_TRANSLATE_NOOP("SyncController", "&In đối chiếu cuối ngày"),
               (), None, "print_reconciliation", "sync_menu", 1, owner=Owner.SYNC),
    ActionSpec("enroll_action", SYNC, QT_TRANSLATE_NOOP("SyncController", "Đăng &ký máy với tỉnh…"),
               (), Permission.SYNC_ADMIN, "open_enroll", "sync_menu", 2, owner=Owner.SYNC),
)

ALL_ACTIONS = (*_WINDOW, *_LANGUAGE, *_SESSION, *_SYNC, *_DOSSIER)


def part(owner: Owner) -> tuple[ActionSpec, ...]:
    """The actions `owner` builds."""
    return tuple(spec for spec in ALL_ACTIONS if spec.owner is owner)


def spec_named(name: str) -> ActionSpec:
    return next(spec for spec in ALL_ACTIONS if spec.name == name)


WINDOW_ACTIONS = part(Owner.WINDOW)
DOSSIER_ACTIONS = part(Owner.DOSSIER)
# The permission each action needs, by objectName (the session gates the window's by it); an
# action not named here, or named with None, is open to every logged-in account.
PERMISSIONS = {spec.name: spec.permission for spec in ALL_ACTIONS}


def build_action(spec: ActionSpec, host: QObject, slot: Callable[[], object]) -> QAction:
    """The QAction for `spec` on `host`: its keys work anywhere in host's window (the context
    is set here, for every action of the table), and it calls `slot()`."""
    action = QAction(spec.translated(spec.text), host, objectName=spec.name)
    action.setShortcuts([QKeySequence(keys) for keys in spec.keys])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    if spec.group:
        group = host.findChild(QActionGroup, spec.group)
        if group is None:
            group = QActionGroup(host)  # (PySide6 ignores objectName= here)
            group.setObjectName(spec.group)
        action.setCheckable(True)
        group.addAction(action)
    host.addAction(action)
    return action


def build_actions(specs: tuple[ActionSpec, ...], host: QObject,
                  handlers: object) -> dict[str, QAction]:
    """The actions of `specs` on `host`, each running `handlers.<spec.handler>(*spec.args)`."""
    return {spec.name: build_action(spec, host, partial(getattr(handlers, spec.handler),
                                                        *spec.args))
            for spec in specs}


def _by_section(specs, section: Callable[[ActionSpec], int]):
    """`specs` in order of `section(spec)` (table order within a section), and whether a
    separator goes before each."""
    before = None
    for spec in sorted(specs, key=section):
        yield spec, before is not None and section(spec) != before
        before = section(spec)


def fill_menu(menu: QMenu, name: str, actions: dict[str, QAction]) -> None:
    """Add to `menu` the table's actions that go in the menu called `name`, by section, with
    a separator between sections."""
    for spec, separate in _by_section((s for s in ALL_ACTIONS if s.menu == name),
                                      lambda s: s.section):
        if separate:
            menu.addSeparator()
        menu.addAction(actions[spec.name])


def fill_context_menu(widget: QWidget, actions: dict[str, QAction]) -> None:
    """Make `widget`'s right-click menu the table's actions for the dossier list's, by
    section."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    for spec, separate in _by_section((s for s in ALL_ACTIONS if s.list_section),
                                      lambda s: s.list_section):
        if separate:
            separator = QAction(widget)
            separator.setSeparator(True)
            widget.addAction(separator)
        widget.addAction(actions[spec.name])
