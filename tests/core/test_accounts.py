from datetime import datetime, timedelta

import pytest

from desk_app.core.accounts import (
    LONGEST_LOCK,
    AccountPolicy,
    Permission,
    Role,
    full_name_issues,
    full_name_key,
    lock_remaining,
    lockout_delay,
    password_issues,
    permissions_for,
    policy_issues,
    username_issues,
)
from desk_app.core.clock import VN_TZ


@pytest.mark.parametrize("username", ["lan.nt", "hung_tv", "quantri", "a1", "  Lan.NT  "])
def test_usernames_that_are_accepted(username):
    assert username_issues(username) == []


@pytest.mark.parametrize("username", ["", "a", "lan nt", "lân.nt", ".lan", "x" * 33])
def test_usernames_that_are_refused_with_a_vietnamese_message(username):
    [issue] = username_issues(username)
    assert issue.field == "username" and "tên đăng nhập" in issue.message.lower()


def test_full_names_must_be_given_and_fold_to_one_key():
    assert full_name_issues("Nguyễn Thị Lan") == []
    assert [i.field for i in full_name_issues("   ")] == ["full_name"]
    assert full_name_key("Nguyễn  Thị Lan") == full_name_key("NGUYEN THI LAN") == "nguyen thi lan"


def test_passwords_need_eight_characters_and_not_the_username():
    assert password_issues("motcua2026", "lan.nt") == []
    [short] = password_issues("1234567", "lan.nt")
    assert short.field == "password" and "8 ký tự" in short.message
    [same] = password_issues("Quantri1", "quantri1")
    assert same.field == "password" and "tên đăng nhập" in same.message


def test_the_first_four_failures_cost_nothing_then_the_wait_doubles_up_to_15_minutes():
    assert [lockout_delay(n) for n in range(5)] == [timedelta(0)] * 5
    assert [lockout_delay(n).total_seconds() for n in range(5, 11)] == [
        30, 60, 120, 240, 480, 900]
    assert lockout_delay(11) == lockout_delay(10_000) == LONGEST_LOCK == timedelta(minutes=15)


def test_leader_approval_takes_refusals_and_apologies_from_clerks_only():
    clerk = permissions_for(Role.CLERK, leader_approves=True)
    assert Permission.REFUSE not in clerk and Permission.APOLOGISE not in clerk
    assert Permission.RECEIVE in clerk
    assert {Permission.REFUSE, Permission.APOLOGISE} <= permissions_for(
        Role.LEADER, leader_approves=True)


def test_the_policy_is_checked_and_read_back_from_settings():
    assert policy_issues(AccountPolicy()) == []
    assert policy_issues(AccountPolicy(idle_lock_minutes=0)) == []
    [issue] = policy_issues(AccountPolicy(idle_lock_minutes=-1))
    assert issue.field == "idle_lock_minutes"
    assert policy_issues(AccountPolicy(idle_lock_minutes=241))
    assert AccountPolicy.from_stored(None) == AccountPolicy()
    assert AccountPolicy.from_stored(
        {"idle_lock_minutes": 5, "leader_approves": True, "from_a_newer_version": 1}
    ) == AccountPolicy(5, True)


@pytest.mark.parametrize("stored", [
    {"idle_lock_minutes": None, "leader_approves": None},
    {"idle_lock_minutes": "5", "leader_approves": "false"},
    {"idle_lock_minutes": True, "leader_approves": 1},
    {"idle_lock_minutes": -5},
    {"idle_lock_minutes": 10_000},
    {"idle_lock_minutes": 2.5},
    [5, True],
    "hỏng",
])
def test_a_malformed_policy_reads_as_the_default_field_by_field(stored):
    assert AccountPolicy.from_stored(stored) == AccountPolicy()


def test_one_bad_field_does_not_lose_the_good_one():
    assert AccountPolicy.from_stored(
        {"idle_lock_minutes": "mười", "leader_approves": True}) == AccountPolicy(10, True)
    assert AccountPolicy.from_stored(
        {"idle_lock_minutes": 0, "leader_approves": "true"}) == AccountPolicy(0, False)


def test_a_lock_lasts_what_its_failures_earned_and_never_longer():
    locked_at = datetime(2026, 11, 20, 9, 0, tzinfo=VN_TZ)
    until = locked_at + lockout_delay(5)
    assert lock_remaining(until, 5, locked_at) == timedelta(seconds=30)
    assert lock_remaining(until, 5, locked_at + timedelta(seconds=20)) == timedelta(seconds=10)
    assert lock_remaining(until, 5, until) == timedelta(0)
    assert lock_remaining(None, 5, locked_at) == timedelta(0)
    # Set while the clock was a year ahead, then the clock was put right: over.
    assert lock_remaining(until + timedelta(days=365), 5, locked_at) == timedelta(0)
    assert lock_remaining(until, 5, locked_at - timedelta(seconds=1)) == timedelta(0)
