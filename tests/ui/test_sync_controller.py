"""Sync in the main window: the menu and F6, the status bar through offline → syncing →
synced / failed (why), the backoff and its health probe, the clock skew, syncing after saves
and at the end of the day, and the reconciliation slip."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desk_app.core.accounts import Role
from desk_app.core.clock import VN_TZ
from desk_app.services.sync import SyncService, SyncState
from desk_app.ui.enroll_dialog import EnrollDialog
from desk_app.ui.print_preview import PrintPreviewDialog
from desk_app.ui.worker import Worker
from sync.backoff import Backoff
from sync.server import registry
from tests.sync.counter_side import Clock, digitise, hub_events, new_counter, receive
from tests.sync.live_hub import free_port
from tests.ui.sync_hub import install_sync, running_hub


@pytest.fixture
def install(qtbot, worker):
    """install_sync, with every controller shut down at the end of the test."""
    made = []

    def make(services, **options):
        made.append(install_sync(qtbot, services, worker, **options))
        return made[-1]

    yield make
    for controller in made:
        controller.shutdown()


@pytest.fixture
def hub(tmp_path):
    with running_hub(tmp_path) as running:
        yield running


@pytest.fixture
def counter(tmp_path):
    """A set-up counter on real time (the GUI tests' pinned clock is days off the hub's)."""
    services = new_counter(tmp_path / "counter", Clock())
    yield services
    services.close()


def label(controller, name: str) -> str:
    return controller.window.findChild(QLabel, name).text()


def enrolled(counter, hub) -> SyncService:
    sync = SyncService(counter)
    sync.enroll(hub.url, hub.code(), "Quầy 1")
    return sync


def point_at(counter, url: str) -> None:
    with counter.ctx.lock, counter.db.atomic():
        counter.db.execute("UPDATE sync_state SET hub_url = ?", [url])


def test_install_adds_the_menu_f6_and_says_not_enrolled(qtbot, install, counter, worker):
    controller = install(counter)
    window = controller.window

    menus = [a.text() for a in window.menuBar().actions()]
    assert menus.index("Đồ&ng bộ") == menus.index("&Cài đặt") - 1
    assert controller.sync_now_action.shortcut().toString() == "F6"
    assert [a.objectName() for a in controller.menu.actions() if a.objectName()] == [
        "sync_now_action", "quarantine_action", "reconciliation_action", "enroll_action"]
    assert label(controller, "sync_status") == "Chưa đăng ký đồng bộ với tỉnh"
    assert not controller.retry_timer.isActive()  # nothing to retry before enrollment


def test_f6_before_enrolment_says_what_to_do_and_offers_the_enrolment(
        qtbot, install, counter, activate, message_boxes):
    """Issue 14, item 11: F6 on a PC not yet enrolled did nothing visible."""
    controller = install(counter)
    window = activate(controller.window)
    message_boxes.answers = [QMessageBox.StandardButton.No]  # the default: Esc, Enter

    qtbot.keyClick(window, Qt.Key.Key_F6)

    [said] = message_boxes.shown
    assert said.startswith("Máy này chưa được đăng ký với máy chủ tỉnh")
    assert "Mở hộp Đăng ký máy với tỉnh ngay?" in said
    message_boxes.answers = [QMessageBox.StandardButton.Yes]
    qtbot.keyClick(window, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: window.findChild(EnrollDialog) is not None)
    assert window.findChild(EnrollDialog).isVisible()


def test_f6_before_enrolment_sends_a_clerk_to_the_admin(
        qtbot, install, counter, activate, message_boxes):
    controller = install(counter)
    window = activate(controller.window)
    counter.create_account("lan.nt", "Nguyễn Thị Lan", Role.CLERK, "motcua2026")
    counter.logout()
    counter.login("lan.nt", "motcua2026")

    qtbot.keyClick(window, Qt.Key.Key_F6)

    [said] = message_boxes.shown
    assert "Hãy nhờ quản trị viên đăng ký máy" in said


def test_f6_syncs_and_the_status_bar_goes_syncing_then_synced(qtbot, install, counter, worker, hub):
    controller = install(counter, sync=enrolled(counter, hub))
    receive(counter, 2)
    window = controller.window
    window.refresh_outbox()
    assert label(controller, "outbox_count") == "2 sự kiện chờ đồng bộ"
    seen = []
    controller.status_changed.connect(lambda status: seen.append(status.state))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    qtbot.keyClick(window, Qt.Key.Key_F6)

    assert seen == [SyncState.SYNCING, SyncState.SYNCED]
    assert label(controller, "sync_status") == f"Đã đồng bộ lúc {counter.now():%H:%M}"
    assert label(controller, "outbox_count") == "0 sự kiện chờ đồng bộ"
    assert len(hub_events(hub.admin.engine)) == 2
    assert controller.retry_timer.isActive()  # the next look for the province's news
    assert "Lần đồng bộ thành công gần nhất" in window.sync_status.toolTip()


def test_offline_backs_off_probes_and_syncs_when_the_hub_is_back(qtbot, install, counter, worker, hub):
    sync = enrolled(counter, hub)
    point_at(counter, f"http://127.0.0.1:{free_port()}")
    receive(counter, 1)
    controller = install(counter, sync=sync, probing=Backoff(cap=120, rng=random.Random(1)))

    controller.sync_now()

    assert controller.status.state is SyncState.OFFLINE
    assert label(controller, "sync_status") == (
        "Mất kết nối với máy chủ tỉnh · chưa đồng bộ lần nào")
    assert 12_000 <= controller.retry_timer.interval() <= 15_000
    assert "Tự thử lại lúc" in controller.window.sync_status.toolTip()
    assert "từ chối kết nối" in controller.window.sync_status.toolTip()

    for wait in (30, 60, 120, 120):  # still down: the probe fails, the wait doubles, up to 2 min
        controller.retry_timer.timeout.emit()
        assert wait * 800 <= controller.retry_timer.interval() <= wait * 1000

    point_at(counter, hub.url)
    controller.retry_timer.timeout.emit()

    assert controller.status.state is SyncState.SYNCED
    assert controller.probing.failures == 0
    assert len(hub_events(hub.admin.engine)) == 1


def test_a_revoked_counter_fails_and_says_why(qtbot, install, counter, worker, hub):
    sync = enrolled(counter, hub)
    registry.revoke_device(hub.admin.engine, sync.connection().hub_device_id)
    controller = install(counter, sync=sync)

    controller.sync_now()

    text = label(controller, "sync_status")
    assert text.startswith("Đồng bộ lỗi: Máy này đã bị thu hồi quyền đồng bộ")
    assert text.endswith("…")  # the whole reason is in the tooltip
    assert "xin mã đăng ký mới" in controller.window.sync_status.toolTip()
    assert "#b71c1c" in controller.window.sync_status.styleSheet()
    # Refusals back off on the long schedule (up to 10 min), not the offline probing.
    assert (controller.backoff.failures, controller.probing.failures) == (1, 0)


def test_a_clock_an_hour_fast_is_shown(qtbot, install, tmp_path, worker, hub):
    counter = new_counter(tmp_path / "fast", Clock(offset=timedelta(hours=1)))
    controller = install(counter, sync=enrolled(counter, hub))

    controller.sync_now()

    assert controller.status.state is SyncState.SYNCED
    assert label(controller, "sync_status").endswith(
        " · Đồng hồ máy nhanh 60 phút so với máy chủ tỉnh")
    counter.close()


def test_a_save_is_pushed_a_moment_later(qtbot, install, counter, worker, hub):
    controller = install(counter, sync=enrolled(counter, hub))
    controller.sync_now()
    receive(counter, 1)

    controller.window.refresh()  # what a save does to the list

    assert controller.save_timer.isActive()
    controller.save_timer.timeout.emit()
    assert len(hub_events(hub.admin.engine)) == 1
    assert label(controller, "outbox_count") == "0 sự kiện chờ đồng bộ"


def test_the_end_of_day_sync_is_armed_for_today_or_tomorrow(qtbot, install, tmp_path, worker):
    pinned = Clock(pinned=datetime(2026, 11, 24, 16, 44, tzinfo=VN_TZ))
    counter = new_counter(tmp_path / "pinned", pinned)
    controller = install(counter)

    assert controller.day_end_timer.interval() == 60_000  # 16:45 by default
    pinned.pinned = datetime(2026, 11, 24, 17, 0, tzinfo=VN_TZ)
    controller.sync.set_end_of_day(time(16, 30))
    controller.arm_end_of_day(controller.sync.end_of_day())
    assert controller.day_end_timer.interval() == (23 * 60 + 30) * 60_000
    counter.close()


def test_files_waiting_show_beside_the_events_until_they_are_sent(
        qtbot, install, counter, worker, hub):
    sync = enrolled(counter, hub)
    controller = install(counter, sync=sync)
    (dossier,) = receive(counter, 1)
    digitise(counter, dossier, bytes(1_500_000))
    sync.push()  # the events went; their file waits for the next round
    window = controller.window
    window.refresh_outbox()
    controller.refresh_status()

    assert label(controller, "outbox_count") == "0 sự kiện chờ đồng bộ · 1 tệp chờ gửi (1,5 MB)"
    assert "Tệp số hóa chờ gửi: 1 (1,5 MB)" in window.sync_status.toolTip()

    controller.sync_now()
    window.refresh_outbox()

    assert label(controller, "outbox_count") == "0 sự kiện chờ đồng bộ"
    assert "Tệp số hóa chờ gửi: 0 (0,0 MB)" in window.sync_status.toolTip()


def test_the_reconciliation_slip_opens_in_the_preview(qtbot, install, counter, worker, hub):
    controller = install(counter, sync=enrolled(counter, hub))
    receive(counter, 2)
    controller.sync_now()

    controller.reconciliation_action.trigger()

    preview = controller.window.findChild(PrintPreviewDialog)
    assert preview is not None and preview.isVisible()
    slips = list((counter.data_dir / "phieu").rglob("doi-chieu-dong-bo-*.pdf"))
    assert len(slips) == 1


def test_on_the_real_network_thread_the_gui_hears_back(qtbot, install, counter, hub):
    controller = install(counter, sync=enrolled(counter, hub), net_worker=Worker(name="net"))
    receive(counter, 3)

    controller.sync_now_action.trigger()

    qtbot.waitUntil(lambda: controller.status is not None
                    and controller.status.state is SyncState.SYNCED, timeout=10_000)
    assert controller.worker is not controller.window.worker
    assert len(hub_events(hub.admin.engine)) == 3
