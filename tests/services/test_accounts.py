import socket
from dataclasses import replace
from datetime import timedelta

import pytest
from pypdf import PdfReader

from desk_app.core.accounts import AccountPolicy, Permission, Role
from desk_app.core.options import LEGACY_CLERK_KEY
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_SETUP
from desk_app.services.errors import (
    LoginRefused,
    MustChangePassword,
    NotLoggedIn,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from desk_app.store import settings, sync_state
from tests.accounts import ADMIN_NAME, ADMIN_USERNAME, PASSWORD, log_in_again, login_as
from tests.services.factories import full_draft


def wrong_logins(services, username, times):
    for _ in range(times):
        with pytest.raises(LoginRefused):
            services.login(username, "sai-mat-khau")


# --- first run -------------------------------------------------------------------------------

def test_the_first_run_sets_up_the_counter_and_logs_its_admin_in(tmp_path, clock):
    services = Services(tmp_path, clock=clock)
    assert not services.has_accounts() and services.login_choices() == []
    admin = services.first_run(DEMO_SETUP, " Quantri ", " Hoàng  Văn Nam ", "motcua2026")
    assert (admin.username, admin.full_name, admin.role) == ("quantri", "Hoàng Văn Nam",
                                                            Role.ADMIN)
    assert services.current_account() == admin and services.counter_setup() == DEMO_SETUP
    assert services.permissions() == frozenset(Permission)
    with pytest.raises(ServiceError, match="đã có tài khoản"):
        services.first_run(DEMO_SETUP, "khac", "Người Khác", "motcua2026")
    with pytest.raises(ServiceError, match="đã có tài khoản"):
        services.create_first_admin("khac", "Người Khác", "motcua2026")
    services.close()


def test_a_refused_first_run_keeps_nothing(tmp_path, clock):
    services = Services(tmp_path, clock=clock)
    with pytest.raises(ValidationFailed) as failure:
        services.first_run(DEMO_SETUP, "a b", "", "ngan")
    assert {i.field for i in failure.value.issues} == {"username", "full_name", "password"}
    assert services.counter_setup() is None and not services.has_accounts()
    assert services.current_account() is None
    services.close()


def test_a_first_run_reports_the_counter_and_the_account_problems_together(tmp_path, clock):
    services = Services(tmp_path, clock=clock)
    with pytest.raises(ValidationFailed) as failure:
        services.first_run(replace(DEMO_SETUP, agency_code="sai"), "a b", "Người Thử",
                           "motcua2026")
    assert {i.field for i in failure.value.issues} == {"agency_code", "username"}
    services.close()


def test_a_counter_from_before_accounts_gets_its_admin_with_the_old_clerk_suggested(
        tmp_path, clock):
    services = Services(tmp_path, clock=clock)
    # What an older version stored, after the settings upgrade kept the clerk's name aside.
    with services.db.atomic():
        settings.save(services.db, {
            "counter_setup": {**DEMO_SETUP.__dict__, "clerk_name": "Nguyễn Thị Hoa"},
            LEGACY_CLERK_KEY: "Nguyễn Thị Hoa",
        })
    assert services.counter_setup() == DEMO_SETUP
    assert services.suggested_admin_name() == "Nguyễn Thị Hoa"
    admin = services.create_first_admin("hoa.nt", services.suggested_admin_name(), PASSWORD)
    assert services.current_account() == admin
    assert services.receive(full_draft(services), accept_warnings=True).clerk == "Nguyễn Thị Hoa"
    services.close()


def test_without_an_old_clerk_nothing_is_suggested(services):
    assert services.suggested_admin_name() == ""


# --- login and lock-out ------------------------------------------------------------------------

def test_login_logout_and_the_session(services):
    services.logout()
    assert services.current_account() is None and services.permissions() == frozenset()
    assert not services.can(Permission.LOOK_UP)
    with pytest.raises(NotLoggedIn, match="chưa đăng nhập"):
        services.dossier_rows()
    account = services.login(" HOA.NT ", PASSWORD)
    assert account.username == ADMIN_USERNAME and services.current_account() == account
    assert services.can(Permission.ACCOUNTS)


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(services):
    with pytest.raises(LoginRefused) as wrong_password:
        services.login(ADMIN_USERNAME, "sai-mat-khau")
    with pytest.raises(LoginRefused) as unknown:
        services.login("khong.co", "sai-mat-khau")
    assert str(wrong_password.value) == str(unknown.value)
    assert wrong_password.value.retry_after is None and unknown.value.retry_after is None
    assert services.current_account() is None  # a failed switch leaves nobody logged in


def test_an_unknown_name_costs_a_hash_too(services, monkeypatch):
    from desk_app.core import passwords

    checked = []
    real_verify = passwords.verify
    monkeypatch.setattr(passwords, "verify",
                        lambda password, stored: checked.append(stored) or real_verify(
                            password, stored))
    with pytest.raises(LoginRefused):
        services.login("khong.co", "sai-mat-khau")
    assert len(checked) == 1 and not passwords.needs_rehash(checked[0])


def test_lock_out_backs_off_on_the_clock_and_survives_a_restart(services, clock):
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    wrong_logins(services, "lan.nt", 4)  # typing slips cost nothing
    with pytest.raises(LoginRefused) as fifth:
        services.login("lan.nt", "sai-mat-khau")
    assert fifth.value.retry_after == timedelta(seconds=30)
    assert "30 giây" in str(fifth.value)
    # Locked: even the right password waits, and says how long is left.
    clock.now += timedelta(seconds=10)
    with pytest.raises(LoginRefused) as locked:
        services.login("lan.nt", PASSWORD)
    assert locked.value.retry_after == timedelta(seconds=20)

    restarted = Services(services.data_dir, clock=clock)
    try:
        with pytest.raises(LoginRefused) as still:
            restarted.login("lan.nt", PASSWORD)
        assert still.value.retry_after == timedelta(seconds=20)
        clock.now += timedelta(seconds=20)
        with pytest.raises(LoginRefused) as sixth:
            restarted.login("lan.nt", "sai-mat-khau")
        assert sixth.value.retry_after == timedelta(minutes=1)  # doubled
        clock.now += timedelta(minutes=1)
        assert restarted.login("lan.nt", PASSWORD).locked_until is None
        # Success forgets the failures: four more slips cost nothing again.
        wrong_logins(restarted, "lan.nt", 4)
        assert restarted.login("lan.nt", PASSWORD).username == "lan.nt"
    finally:
        restarted.close()
    log_in_again(services)
    log = services.account_log()
    assert [e.action for e in log if e.username == "lan.nt"][:2] == ["locked_out", "locked_out"]


def test_a_lock_set_while_the_clock_was_ahead_ends_once_the_clock_is_put_right(services, clock):
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    right_time = clock.now
    clock.now = right_time + timedelta(days=365)
    wrong_logins(services, "lan.nt", 5)
    clock.now = right_time
    # Five failures earn 30 seconds: a lock a year away says the clock moved, not a guesser.
    assert services.login("lan.nt", PASSWORD).locked_until is None


def test_a_lock_the_clock_jumped_over_still_counts_its_failures(services, clock):
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    wrong_logins(services, "lan.nt", 5)
    clock.now -= timedelta(minutes=5)
    # The lock is over, but not the failures: the next wrong password backs off further.
    with pytest.raises(LoginRefused) as sixth:
        services.login("lan.nt", "sai-mat-khau")
    assert sixth.value.retry_after == timedelta(minutes=1)


def test_an_admin_unlocks_a_locked_account(services):
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    wrong_logins(services, "lan.nt", 5)
    log_in_again(services)
    [lan] = [a for a in services.accounts() if a.username == "lan.nt"]
    assert lan.locked_until is not None
    services.unlock_account("lan.nt")
    assert services.login("lan.nt", PASSWORD).username == "lan.nt"


def test_an_inactive_account_cannot_log_in_and_is_not_offered(services):
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    log_in_again(services)
    services.update_account("lan.nt", active=False)
    assert "lan.nt" not in {a.username for a in services.login_choices()}
    with pytest.raises(LoginRefused, match="không đúng"):
        services.login("lan.nt", PASSWORD)


def test_login_works_offline_with_an_unreachable_hub(services, monkeypatch):
    with services.db.atomic():
        sync_state.enrolled(
            services.db, hub_url="https://dongbo.invalid", ca_bundle=None, hub_device_id=7,
            device_name="Quầy 1", commune_name=DEMO_SETUP.commune_name,
            agency_code=DEMO_SETUP.agency_code, token="t" * 40, at=services.now())

    def no_network(*args, **kwargs):
        raise AssertionError("login touched the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    services.logout()
    assert services.login(ADMIN_USERNAME, PASSWORD).username == ADMIN_USERNAME
    assert services.receive(full_draft(services), accept_warnings=True).clerk == ADMIN_NAME


def test_a_legacy_hash_is_upgraded_at_the_next_login(services):
    from desk_app.core import passwords

    salt = b"0123456789abcdef"
    older = "$".join(["scrypt", "4096", "8", "1", passwords._b64(salt),
                      passwords._b64(passwords._scrypt(PASSWORD, salt, 4096, 8, 1))])
    with services.db.atomic():
        services.db.execute("UPDATE accounts SET password_hash = ?", [older])
    services.login(ADMIN_USERNAME, PASSWORD)
    stored = services.db.execute("SELECT password_hash FROM accounts").fetchone()[0]
    assert stored.startswith("scrypt$16384$8$1$") and passwords.verify(PASSWORD, stored)


# --- passwords -----------------------------------------------------------------------------------

def test_an_admin_reset_replaces_the_password_and_asks_for_a_new_one(services):
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    log_in_again(services)
    services.reset_password("lan.nt", "tam-thoi-2026")
    with pytest.raises(LoginRefused):
        services.login("lan.nt", PASSWORD)
    lan = services.login("lan.nt", "tam-thoi-2026")
    assert lan.must_change_password
    # The admin knows this password: it lets nobody act in Lan's name until she changes it.
    assert services.permissions() == frozenset()
    with pytest.raises(MustChangePassword, match="đổi mật khẩu"):
        services.receive(full_draft(services), accept_warnings=True)
    with pytest.raises(ValidationFailed, match="hiện tại không đúng"):
        services.change_password("sai-mat-khau", "moi-cua-lan-2026")
    with pytest.raises(ValidationFailed, match="khác mật khẩu hiện tại"):
        services.change_password("tam-thoi-2026", "tam-thoi-2026")
    changed = services.change_password("tam-thoi-2026", "moi-cua-lan-2026")
    assert not changed.must_change_password and services.current_account() == changed
    assert services.receive(full_draft(services), accept_warnings=True).clerk == "Nguyễn Thị Lan"
    assert not services.login("lan.nt", "moi-cua-lan-2026").must_change_password
    log_in_again(services)
    assert [(e.actor, e.action) for e in services.account_log()[:2]] == [
        ("lan.nt", "password_changed"), (ADMIN_USERNAME, "password_reset")]


def test_wrong_current_passwords_count_like_failed_logins_and_end_the_session(
        services, clock):
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    for _ in range(4):
        with pytest.raises(ValidationFailed, match="hiện tại không đúng"):
            services.change_password("sai-mat-khau", "moi-cua-lan-2026")
    assert services.current_account().username == "lan.nt"
    with pytest.raises(LoginRefused, match="tạm khóa") as fifth:
        services.change_password("sai-mat-khau", "moi-cua-lan-2026")
    assert fifth.value.retry_after == timedelta(seconds=30)
    # Whoever was guessing at Lan's open session loses it, and cannot log back in for now.
    assert services.current_account() is None
    with pytest.raises(NotLoggedIn):
        services.dossier_rows()
    with pytest.raises(LoginRefused, match="tạm khóa"):
        services.login("lan.nt", PASSWORD)
    clock.now += timedelta(seconds=30)
    services.login("lan.nt", PASSWORD)
    services.change_password(PASSWORD, "moi-cua-lan-2026")
    assert services.login("lan.nt", "moi-cua-lan-2026").username == "lan.nt"


def test_a_session_whose_account_got_locked_elsewhere_cannot_change_its_password(
        services, clock):
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    other = Services(services.data_dir, clock=clock)  # a second window on the same counter
    try:
        wrong_logins(other, "lan.nt", 5)
    finally:
        other.close()
    with pytest.raises(LoginRefused, match="tạm khóa"):
        services.change_password(PASSWORD, "moi-cua-lan-2026")
    assert services.current_account() is None


def test_a_reset_password_is_checked_like_any_other(services):
    with pytest.raises(ValidationFailed, match="8 ký tự"):
        services.reset_password(ADMIN_USERNAME, "ngan")
    with pytest.raises(ServiceError, match="Không có tài khoản"):
        services.reset_password("khong.co", "du-dai-roi")


def test_no_password_is_ever_in_the_database_file_in_clear(services):
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    log_in_again(services)
    services.reset_password("lan.nt", "DatLaiRoi-77")
    services.close()
    raw = b"".join(p.read_bytes() for p in services.data_dir.glob("desk.db*"))
    assert b"hoa.nt" in raw  # the file is what was written
    for secret in (PASSWORD, "DatLaiRoi-77"):
        assert secret.encode() not in raw and secret.encode("utf-16-le") not in raw


# --- the admin's side ----------------------------------------------------------------------------

def test_accounts_are_created_with_unique_names_and_logins(services):
    lan = services.create_account("lan.nt", "Nguyễn Thị Lan", Role.CLERK, PASSWORD)
    assert lan.active and not lan.must_change_password
    with pytest.raises(ValidationFailed, match="đã có") as same_login:
        services.create_account("LAN.NT", "Người Khác", Role.CLERK, PASSWORD)
    assert [i.field for i in same_login.value.issues] == ["username"]
    with pytest.raises(ValidationFailed, match="lan.nt") as same_name:
        services.create_account("lan2", "NGUYEN THI LAN", Role.CLERK, PASSWORD)
    assert [i.field for i in same_name.value.issues] == ["full_name"]
    assert [a.username for a in services.accounts()] == [ADMIN_USERNAME, "lan.nt"]
    assert services.account_log()[0].label == "Tạo tài khoản"


def test_updates_are_logged_and_the_last_admin_is_protected(services):
    with pytest.raises(ServiceError, match="tự khóa"):
        services.update_account(ADMIN_USERNAME, active=False)
    with pytest.raises(ServiceError, match="quản trị cuối cùng"):
        services.update_account(ADMIN_USERNAME, role=Role.LEADER)
    services.create_account("nam.hv", "Hoàng Văn Nam", Role.CLERK, PASSWORD)
    services.update_account("nam.hv", role=Role.ADMIN)
    # Now there is another admin: this one may step down, and loses the admin's rights at once.
    me = services.update_account(ADMIN_USERNAME, role=Role.LEADER, full_name="Nguyễn Thị  Hoà")
    assert services.current_account() == me and me.full_name == "Nguyễn Thị Hoà"
    assert not services.can(Permission.ACCOUNTS)
    with pytest.raises(PermissionDenied, match="quản lý tài khoản"):
        services.accounts()
    services.login("nam.hv", PASSWORD)
    with pytest.raises(ServiceError, match="quản trị cuối cùng"):
        services.update_account("nam.hv", role=Role.CLERK)
    assert "vai trò: Quản trị → Lãnh đạo" in services.account_log()[0].detail


def test_an_account_that_received_a_dossier_keeps_its_name(services):
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    services.receive(full_draft(services), accept_warnings=True)
    log_in_again(services)
    with pytest.raises(ValidationFailed, match="không đổi được họ tên") as refused:
        services.update_account("lan.nt", full_name="Nguyễn Thị Lan Anh")
    assert [i.field for i in refused.value.issues] == ["full_name"]
    # Even a change of accents only: the board and the ledger match the name as written.
    with pytest.raises(ValidationFailed, match="không đổi được họ tên"):
        services.update_account("lan.nt", full_name="Nguyễn Thị Lân")
    # Everything else may still change.
    assert services.update_account("lan.nt", full_name="Nguyễn Thị Lan",
                                   role=Role.LEADER).role is Role.LEADER
    assert services.login_choices()[-1].full_name == "Nguyễn Thị Lan"


def test_an_account_that_only_handed_over_or_printed_keeps_its_name_too(services):
    login_as(services, Role.CLERK, "Trần Văn Hùng", username="hung.tv")
    dossier = services.receive(full_draft(services), accept_warnings=True)
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    services.hand_over([dossier.uuid], "Công an xã", "Phạm Văn Công")  # an event, no dossier
    login_as(services, Role.CLERK, "Lê Thị Mai", username="mai.lt")
    services.receipt_pdf(dossier.uuid)  # a slip, no event
    log_in_again(services)
    for username in ("lan.nt", "mai.lt"):
        with pytest.raises(ValidationFailed, match="không đổi được họ tên"):
            services.update_account(username, full_name="Người Khác")
    # An account that recorded nothing may be renamed.
    services.create_account("nam.hv", "Hoàng Văn Nam", Role.CLERK, PASSWORD)
    assert services.update_account("nam.hv", full_name="Hoàng Văn Nam Anh").full_name == (
        "Hoàng Văn Nam Anh")


def test_a_name_on_another_account_s_records_cannot_be_taken(services):
    from desk_app.store import accounts as account_store

    lan = login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    services.receive(full_draft(services), accept_warnings=True)
    log_in_again(services)
    # Renamed by the release before this rule: her dossier still carries her old name.
    with services.db.atomic():
        account_store.update(services.db, replace(lan, full_name="Nguyễn Thị Lan Anh"),
                             services.now())
    for name in ("Nguyễn Thị Lan", "NGUYEN THI LAN"):
        with pytest.raises(ValidationFailed, match="hồ sơ, sự kiện hoặc phiếu") as refused:
            services.create_account("lan2", name, Role.CLERK, PASSWORD)
        assert [i.field for i in refused.value.issues] == ["full_name"]
    services.create_account("nam.hv", "Hoàng Văn Nam", Role.CLERK, PASSWORD)
    with pytest.raises(ValidationFailed, match="hồ sơ, sự kiện hoặc phiếu"):
        services.update_account("nam.hv", full_name="Nguyễn Thị Lan")


def test_the_clerk_from_before_accounts_may_get_the_name_on_their_records(tmp_path, clock):
    services = Services(tmp_path, clock=clock)
    with services.db.atomic():
        settings.save(services.db, {"counter_setup": DEMO_SETUP.__dict__,
                                    LEGACY_CLERK_KEY: "Nguyễn Thị Hoa"})
    services.create_first_admin("quantri", "Hoàng Văn Nam", PASSWORD)
    dossier = services.receive(full_draft(services), accept_warnings=True)
    with services.db.atomic():  # as the release before accounts received it
        services.db.execute("UPDATE dossiers SET clerk = ? WHERE uuid = ?",
                            ["Nguyễn Thị Hoa", dossier.uuid])
    assert services.create_account("hoa.nt", "Nguyễn Thị Hoa", Role.CLERK,
                                   PASSWORD).full_name == "Nguyễn Thị Hoa"
    services.close()


def test_a_restore_logs_everyone_out(services):
    made = services.back_up_now()
    services.restore(made)
    assert services.current_account() is None
    with pytest.raises(NotLoggedIn):
        services.dossier_rows()


# --- who did it ----------------------------------------------------------------------------------

def test_events_carry_the_clerk_logged_in_after_a_switch(services):
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    first = services.receive(full_draft(services), accept_warnings=True)
    services.logout()
    login_as(services, Role.CLERK, "Trần Văn Hùng", username="hung.tv")
    second = services.receive(full_draft(services), accept_warnings=True)
    assert (first.clerk, second.clerk) == ("Nguyễn Thị Lan", "Trần Văn Hùng")
    assert services.history(second.uuid)[-1].clerk == "Trần Văn Hùng"
    services.hand_over([first.uuid], "Công an xã", "Phạm Văn Công")
    handed = services.history(first.uuid)[-1]
    assert handed.clerk == "Trần Văn Hùng" and handed.payload["giver_name"] == "Trần Văn Hùng"
    # Lan prints Hùng's receipt: it names Hùng, who received; the record says Lan printed it.
    login_as(services, Role.CLERK, "Nguyễn Thị Lan")
    text = "".join(p.extract_text() for p in PdfReader(services.receipt_pdf(second.uuid)).pages)
    assert "Trần Văn Hùng" in text and "Nguyễn Thị Lan" not in text
    assert [s.clerk for s in services.printed_slips(second.uuid)] == ["Nguyễn Thị Lan"]


def test_a_clerk_s_board_shows_their_own_dossiers_and_a_leader_s_the_counter_s(services):
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    services.receive(full_draft(services), accept_warnings=True)
    login_as(services, Role.CLERK, "Trần Văn Hùng", username="hung.tv")
    services.receive(full_draft(services), accept_warnings=True)
    services.receive(full_draft(services), accept_warnings=True)

    def on_board():
        return sorted(row.clerk for c in services.board().categories for row in c.rows)

    assert on_board() == ["Trần Văn Hùng", "Trần Văn Hùng"]
    login_as(services, Role.LEADER, "Phạm Minh Đức")
    assert on_board() == ["Nguyễn Thị Lan", "Trần Văn Hùng", "Trần Văn Hùng"]


def test_when_the_leader_approves_a_clerk_cannot_refuse_but_the_leader_can(services):
    services.save_account_policy(AccountPolicy(leader_approves=True))
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    dossier = services.receive(full_draft(services), accept_warnings=True)
    assert not services.can(Permission.REFUSE)
    with pytest.raises(PermissionDenied) as denied:
        services.refuse(dossier.uuid, "Không thuộc thẩm quyền")
    assert str(denied.value) == "Tài khoản của bạn không có quyền từ chối hồ sơ."
    with pytest.raises(PermissionDenied, match="xin lỗi"):
        services.apologise(dossier.uuid, "Cần thêm thời gian", extra_working_days=1)
    login_as(services, Role.LEADER, "Phạm Minh Đức")
    refusal = services.refuse(dossier.uuid, "Không thuộc thẩm quyền")
    assert refusal.reason == "Không thuộc thẩm quyền"
    assert services.history(dossier.uuid)[-1].clerk == "Phạm Minh Đức"


# --- the policy ----------------------------------------------------------------------------------

def test_the_account_policy_is_read_before_login_and_saved_by_settings_only(services):
    assert services.account_policy() == AccountPolicy(idle_lock_minutes=10,
                                                      leader_approves=False)
    services.save_account_policy(AccountPolicy(idle_lock_minutes=0, leader_approves=True))
    with pytest.raises(ValidationFailed, match="0 .* 240 phút"):
        services.save_account_policy(AccountPolicy(idle_lock_minutes=-5))
    login_as(services, Role.LEADER, "Phạm Minh Đức")
    with pytest.raises(PermissionDenied, match="cài đặt"):
        services.save_account_policy(AccountPolicy())
    services.logout()
    assert services.account_policy() == AccountPolicy(0, True)


def test_a_malformed_stored_policy_does_not_stop_the_permission_checks(services):
    with services.db.atomic():
        settings.save(services.db, {"account_policy": {"idle_lock_minutes": None,
                                                       "leader_approves": "false"}})
    assert services.account_policy() == AccountPolicy()
    login_as(services, Role.CLERK, "Nguyễn Thị Lan", username="lan.nt")
    assert services.can(Permission.REFUSE)  # "false" is not a yes
    assert services.dossier_rows() is not None
