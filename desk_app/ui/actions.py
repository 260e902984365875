"""Every action of the main window and of a dossier, in one table: its name (the QAction's
objectName), its text, its keys, the permission it needs, the dossier event it records (whose
states decide when it applies), its handler, and where it is shown.

The menus, the toolbar, the detail window's buttons and the shortcuts are all built from this
table by `build_action`, which also sets the shortcut context in one place; adding an action is
adding a row. Texts keep the translation context they had when each window built its own
(`MainWindow`, `DossierActions`), so the English translations still apply.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desk_app.core.accounts import Permission
from desk_app.core.lifecycle import EventKind
from desk_app.ui.shortcuts import Keys

MAIN = "MainWindow"
DOSSIER = "DossierActions"


@dataclass(frozen=True)
class ActionSpec:
    name: str
    context: str  # the translation context of `text` and `toolbar_text`
    text: str  # Vietnamese, as in the menu (with its & mnemonic)
    keys: tuple[Keys, ...]
    permission: Permission
    handler: str  # the method of the host that runs it
    menu: str = ""  # objectName of the menu it is in, "" for none
    section: int = 0  # a separator in the menu between sections
    toolbar: int = 0  # position on the main toolbar, 0 for not there
    toolbar_text: str = ""  # the toolbar's shorter text, with the key for clerks learning it
    kind: EventKind | None = None  # a dossier action: applies where core allows this event
    many: bool = False  # a dossier action on several selected dossiers at once

    def translated(self, text: str) -> str:
        return QCoreApplication.translate(self.context, text)


def _dossier(name: str, text: str, key: str, permission: Permission, handler: str,
             kind: EventKind, *, toolbar: int = 0, toolbar_text: str = "",
             many: bool = False) -> ActionSpec:
    return ActionSpec(name, DOSSIER, text, (key,), permission, handler, "dossier_menu", 1,
                      toolbar, toolbar_text, kind, many)


# What can be done to the selected dossier(s) after the receipt: in the main window (menu,
# toolbar, the list's context menu) and in the detail window (its buttons).
DOSSIER_ACTIONS = (
    _dossier("handover_action", QT_TRANSLATE_NOOP(DOSSIER, "Bàn &giao cho đơn vị xử lý…"),
             "Ctrl+G", Permission.HAND_OVER, "hand_over", EventKind.HANDED_OVER, many=True,
             toolbar=4, toolbar_text=QT_TRANSLATE_NOOP(MAIN, "Bàn giao (Ctrl+G)")),
    _dossier("result_ready_action", QT_TRANSLATE_NOOP(DOSSIER, "Nhận kết &quả từ đơn vị xử lý…"),
             "Ctrl+K", Permission.HAND_OVER, "record_result_ready", EventKind.RESULT_READY,
             toolbar=5, toolbar_text=QT_TRANSLATE_NOOP(MAIN, "Nhận kết quả (Ctrl+K)")),
    _dossier("supplement_action", QT_TRANSLATE_NOOP(DOSSIER, "Yêu cầu &bổ sung hồ sơ…"),
             "Ctrl+B", Permission.HAND_OVER, "request_supplement",
             EventKind.SUPPLEMENT_REQUESTED,
             toolbar=6, toolbar_text=QT_TRANSLATE_NOOP(MAIN, "Yêu cầu bổ sung (Ctrl+B)")),
    _dossier("supplemented_action", QT_TRANSLATE_NOOP(DOSSIER, "Nhận hồ sơ bổ s&ung…"),
             "Ctrl+Shift+B", Permission.HAND_OVER, "receive_supplement", EventKind.SUPPLEMENTED),
    _dossier("refuse_action", QT_TRANSLATE_NOOP(DOSSIER, "Từ &chối tiếp nhận…"),
             "Ctrl+Shift+R", Permission.REFUSE, "refuse", EventKind.REFUSED),
    _dossier("apology_action", QT_TRANSLATE_NOOP(DOSSIER, "Xin lỗi, &hẹn lại…"),
             "Ctrl+H", Permission.APOLOGISE, "apologise", EventKind.RESCHEDULED),
    _dossier("return_action", QT_TRANSLATE_NOOP(DOSSIER, "T&rả kết quả…"),
             "Ctrl+T", Permission.RETURN, "return_result", EventKind.RETURNED,
             toolbar=7, toolbar_text=QT_TRANSLATE_NOOP(MAIN, "Trả kết quả (Ctrl+T)")),
    _dossier("withdraw_action", QT_TRANSLATE_NOOP(DOSSIER, "Rút hồ &sơ…"),
             "Ctrl+R", Permission.RETURN, "withdraw", EventKind.WITHDRAWN),
    _dossier("stop_action", QT_TRANSLATE_NOOP(DOSSIER, "&Dừng xử lý…"),
             "Ctrl+D", Permission.RETURN, "stop", EventKind.STOPPED),
)

# The main window's own actions; the dossier actions go in the dossier menu's section 1.
WINDOW_ACTIONS = (
    ActionSpec("receive_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "&Tiếp nhận hồ sơ mới…"),
               ("F2",), Permission.RECEIVE, "open_receive", "dossier_menu", 0,
               1, QT_TRANSLATE_NOOP(MAIN, "Tiếp nhận hồ sơ mới (F2)")),
    ActionSpec("detail_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "&Xem chi tiết"),
               ("Ctrl+O",), Permission.LOOK_UP, "open_detail", "dossier_menu", 2,
               2, QT_TRANSLATE_NOOP(MAIN, "Xem chi tiết (Ctrl+O)")),
    ActionSpec("reprint_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "&In lại phiếu tiếp nhận…"),
               (QKeySequence.StandardKey.Print,), Permission.LOOK_UP, "reprint", "dossier_menu",
               2, 3, QT_TRANSLATE_NOOP(MAIN, "In lại phiếu (Ctrl+P)")),
    ActionSpec("refresh_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "&Làm mới danh sách"),
               ("F5",), Permission.LOOK_UP, "refresh", "dossier_menu", 3,
               8, QT_TRANSLATE_NOOP(MAIN, "Làm mới (F5)")),
    ActionSpec("find_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "T&ìm"),
               (QKeySequence.StandardKey.Find,), Permission.LOOK_UP, "find", "dossier_menu", 3),
    # The clerk's own actions (ui.session) go in before quitting, in a section of their own.
    ActionSpec("quit_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "Th&oát"),
               ("Ctrl+Q",), Permission.LOOK_UP, "close", "dossier_menu", 4),
    ActionSpec("list_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "&Danh sách hồ sơ"),
               ("Ctrl+1",), Permission.LOOK_UP, "show_list", "reports_menu", 0),
    ActionSpec("board_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "&Bảng theo dõi hôm nay"),
               ("Ctrl+2",), Permission.LOOK_UP, "show_board", "reports_menu", 0),
    ActionSpec("ledger_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "&Sổ theo dõi hồ sơ…"),
               ("Ctrl+L",), Permission.LEDGER, "open_ledger", "reports_menu", 1),
    ActionSpec("end_of_day_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "&Tổng kết cuối ngày…"),
               ("Ctrl+E",), Permission.END_OF_DAY, "open_end_of_day", "reports_menu", 1),
    ActionSpec("settings_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "&Cài đặt…"),
               ("Ctrl+,",), Permission.SETTINGS, "open_settings", "settings_menu", 0),
    ActionSpec("setup_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "&Thông tin quầy…"),
               ("Ctrl+Shift+T",), Permission.SETTINGS, "open_setup", "settings_menu", 0),
    ActionSpec("units_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "Đơn &vị xử lý hồ sơ…"),
               ("Ctrl+Shift+U",), Permission.SETTINGS, "open_units", "settings_menu", 0),
    ActionSpec("catalogue_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "&Danh mục thủ tục…"),
               ("Ctrl+Shift+P",), Permission.CATALOGUE, "open_catalogue", "settings_menu", 0),
    ActionSpec("restore_action", MAIN,
               QT_TRANSLATE_NOOP(MAIN, "&Khôi phục dữ liệu từ bản sao lưu…"),
               ("Ctrl+Shift+K",), Permission.BACKUPS, "open_restore", "settings_menu", 1),
    ActionSpec("verify_action", MAIN, QT_TRANSLATE_NOOP(MAIN, "Kiểm tra &toàn vẹn nhật ký"),
               ("Ctrl+Shift+J",), Permission.VERIFY_JOURNAL, "verify_journal",
               "settings_menu", 1),
)

ALL_ACTIONS = (*WINDOW_ACTIONS, *DOSSIER_ACTIONS)
# The permission each action needs, by objectName (the session gates the window's by it).
PERMISSIONS = {spec.name: spec.permission for spec in ALL_ACTIONS}


def build_action(spec: ActionSpec, host: QObject, slot: Callable[[], object]) -> QAction:
    """The QAction for `spec` on `host`: its keys work anywhere in host's window (the context
    is set here, for every action of the table), and it calls `slot()`."""
    action = QAction(spec.translated(spec.text), host, objectName=spec.name)
    action.setShortcuts([QKeySequence(keys) for keys in spec.keys])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    host.addAction(action)
    return action


def build_actions(specs: tuple[ActionSpec, ...], host: QObject,
                  handlers: object) -> dict[str, QAction]:
    """The actions of `specs` on `host`, each running `handlers.<spec.handler>()`."""
    return {spec.name: build_action(spec, host, getattr(handlers, spec.handler))
            for spec in specs}


def fill_menu(menu: QMenu, name: str, actions: dict[str, QAction]) -> None:
    """Add to `menu` the table's actions that go in the menu called `name`, by section, with
    a separator between sections."""
    section = None
    for spec in sorted((s for s in ALL_ACTIONS if s.menu == name), key=lambda s: s.section):
        if section is not None and spec.section != section:
            menu.addSeparator()
        section = spec.section
        menu.addAction(actions[spec.name])
