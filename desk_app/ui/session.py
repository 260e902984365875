"""Who works in the main window right now: logging in and out at a shared counter PC.

"Đổi cán bộ" and "Khóa màn hình" log the clerk out in the services and put the lock page in
front of the dossiers; so does a while without input (the commune's idle-lock setting). After
every login the window shows the new clerk, enables only what their role allows (the services
refuse the rest anyway), and reloads the list and the board for them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QToolBar, QToolButton

from desk_app.core.accounts import Account, AccountPolicy, Permission
from desk_app.ui.account_fields import role_label
from desk_app.ui.actions import PERMISSIONS, Owner, build_actions, part, spec_named
from desk_app.ui.ask import confirm
from desk_app.ui.lock_page import HeldWindows, LockPage
from desk_app.ui.lock_watch import LockWatch
from desk_app.ui.messages import show_error
from desk_app.ui.password_dialog import ChangePasswordDialog
from desk_app.ui.setup_dialog import FirstAdminDialog

LOCK_KEY = spec_named("lock_action").keys[0]
MS_PER_MINUTE = 60_000


class CounterSession(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._services = window.services
        self._worker = window.worker
        self.account: Account | None = None
        self.granted: frozenset[Permission] = frozenset()

        self.held = HeldWindows(window)
        self.lock_page = LockPage(self._services, self._worker, self.held)
        self.lock_page.form.logged_in.connect(self.start)
        self.stack = QStackedWidget(objectName="main_stack")
        self.stack.addWidget(window.takeCentralWidget())
        self.stack.addWidget(self.lock_page)
        window.setCentralWidget(self.stack)

        self.watch = LockWatch(QKeySequence(LOCK_KEY), window)
        self.watch.idle.connect(self.lock)
        self.watch.lock_pressed.connect(self.lock)
        self._build_actions()
        window.installEventFilter(self)  # actions added later (sync) get their permission too
        # After the window's own handlers have enabled what the selection's states allow:
        window.dossier_list.selection_changed.connect(self.update_actions)
        window.tabs.currentChanged.connect(self.update_actions)
        # The idle time and whether refusals need a leader are settings: apply them at once.
        window.settings_saved.connect(lambda _settings: self._account_may_have_changed())

        account = self._services.current_account()
        if account is not None:
            self.start(account)
        else:
            self._show_lock("")

    def _build_actions(self) -> None:
        """The session's part of the action table (ui.actions), which says where each goes:
        the window's menus take them from `actions`; switching and locking also get a button
        beside the clerk's name, here."""
        self.actions = build_actions(part(Owner.SESSION), self.window, self)
        for name, action in self.actions.items():
            setattr(self, name, action)  # session.lock_action…
        for spec in part(Owner.SESSION):
            if not spec.status_bar:
                continue
            made = self.actions[spec.name]
            made.setIconText(spec.translated(spec.toolbar_text))
            button = QToolButton(objectName=spec.name.replace("_action", "_button"))
            button.setDefaultAction(made)
            button.setAutoRaise(True)
            self.window.statusBar().addPermanentWidget(button)

    # --- logging in and out ----------------------------------------------------------------

    def start(self, account: Account) -> None:
        """`account` has just logged in: show it the dossiers and what it left open."""
        self.stack.setCurrentIndex(0)
        self.window.menuBar().setEnabled(True)
        self.window.findChild(QToolBar, "main_toolbar").show()
        self._show_account(account)
        self.window.refresh()
        self.window.dossier_list.table.setFocus()
        self.held.give_back(account.username)

    def _show_account(self, account: Account) -> None:
        """Who is logged in, in the status bar, and what they may use (read on the worker)."""
        self.account = account
        self.window.clerk_label.setText(self.tr("Cán bộ: {name} ({role})").format(
            name=account.full_name, role=role_label(account.role)))
        self._worker.run(lambda: (self._services.permissions(),
                                  self._services.account_policy()),
                         self._apply, lambda exc: show_error(self.window, exc))

    def _account_may_have_changed(self) -> None:
        """After the account dialog (the admin may have renamed themself or left the role) or
        the settings: show the account and its rights again."""
        def reread(account: Account | None) -> None:
            if account is not None and self.account is not None:
                self._show_account(account)

        self._worker.run(self._services.current_account, reread)

    def _apply(self, granted_and_policy: tuple[frozenset[Permission], AccountPolicy]) -> None:
        self.granted, policy = granted_and_policy
        self.update_actions()
        self.watch.set_idle_ms(policy.idle_lock_minutes * MS_PER_MINUTE)

    def lock(self) -> None:
        """Hide everything until someone logs in; the clerk's open windows wait for them."""
        self._leave(select_again=True)

    def switch_clerk(self) -> None:
        """Another clerk takes the counter: as a lock, with nobody pre-chosen."""
        self._leave(select_again=False)

    def _leave(self, *, select_again: bool) -> None:
        if self.account is None:
            return
        leaving = self.account
        self.held.hold(leaving)
        self.account = None
        self.granted = frozenset()
        self._worker.run(self._services.logout, None, lambda exc: show_error(self.window, exc))
        self._show_lock(leaving.username if select_again else "")

    def restored(self) -> None:
        """The data was replaced by a backup: the services logged everyone out, and the backup
        has its own accounts, none at all if it is from before accounts. The lock page, and
        then over it the dialog creating the first admin."""
        self._leave(select_again=True)
        self._worker.run(self._first_admin_name, self._offer_first_admin,
                         lambda exc: show_error(self.window, exc))

    def _first_admin_name(self) -> str | None:
        """(On the worker.) The name to prefill for the first admin; None if there are
        accounts to log in with."""
        if self._services.has_accounts():
            return None
        return self._services.suggested_admin_name()

    def _offer_first_admin(self, suggested_name: str | None) -> None:
        if suggested_name is None:
            return
        dialog = FirstAdminDialog(self._services, self._worker, suggested_name, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self.start)
        # As at the start: without an admin nobody can log in, so the app closes (the next
        # start asks again).
        dialog.rejected.connect(self.window.close)
        dialog.open()

    def _show_lock(self, select: str) -> None:
        self.watch.disarm()
        self.stack.setCurrentWidget(self.lock_page)
        self.window.menuBar().setEnabled(False)
        self.window.findChild(QToolBar, "main_toolbar").hide()
        self.window.clerk_label.setText(self.tr("Đã khóa"))
        self.update_actions()
        self.lock_page.show_locked(select)

    # --- what the account may use ----------------------------------------------------------

    def update_actions(self) -> None:
        """While locked only quitting; else what the permissions allow, and of the dossier
        actions, what the selected dossiers' states also allow."""
        actions = self.window.actions()
        for action in actions:
            action.setEnabled(True)
        self.window.dossier_actions.update()
        for action in actions:
            self._gate(action)

    def _gate(self, action: QAction) -> None:
        needed = PERMISSIONS.get(action.objectName())
        allowed = self.account is not None and (needed is None or needed in self.granted)
        if not allowed and action is not self.window.quit_action:
            action.setEnabled(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.ActionAdded:
            self._gate(event.action())
        return False

    # --- the clerk's own -------------------------------------------------------------------

    def open_accounts(self) -> None:
        from desk_app.ui.accounts_dialog import open_accounts

        open_accounts(self._services, self._worker, self.window, self._account_may_have_changed)

    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self._services, self._worker, parent=self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.window.statusBar().showMessage(
            self.tr("Đã đổi mật khẩu."), 5000))
        dialog.locked_out.connect(self._locked_out)
        dialog.open()

    def _locked_out(self, message: str) -> None:
        self.lock()
        self.lock_page.form.say_refused(message)

    def may_close(self) -> bool:
        """Closing the app loses the windows kept for clerks away from the counter: ask."""
        if not self.held:
            return True
        names = ", ".join(name for _owner, name, _titles in self.held.waiting())
        return confirm(self.window, self.tr("Thoát ứng dụng"), self.tr(
            "{names} còn cửa sổ đang làm dở, chưa lưu. Thoát bây giờ sẽ mất nội dung đó. "
            "Vẫn thoát?").format(names=names))
