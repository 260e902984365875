"""`province-hub user …` and `province-hub commune contact`: web accounts and the office's
contact from the command line, every bad input one line and exit 1 (2 for argparse)."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from sync.server.cli import main
from sync.server.tables import commune_web
from sync.server.web import accounts
from tests.sync.web_support import PASSWORD


@pytest.fixture
def hub(hub_db_url, capsys, monkeypatch):
    """Run `province-hub ARGS --db <test database>` with `stdin`: (status, stdout, stderr)."""

    def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            status = main([*args, "--db", hub_db_url])
        except SystemExit as exit_:  # argparse
            status = exit_.code
        out, err = capsys.readouterr()
        return status, out, err

    return run


def test_users_are_added_listed_given_a_password_and_disabled(hub, hub_engine):
    hub("commune", "create", "--name", "Xã Hoà Bình", "--agency-code", "000.01.22.H56")
    assert hub("user", "add", "--username", "QuanTri", "--name", "  Nguyễn  Văn Quản ",
               "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n") == (
        0, "user quantri (1) added\n", "")
    assert hub("user", "add", "--username", "ld.hoabinh", "--name", "Lê Thị Hoà",
               "--role", "leader", "--commune", "1", "--password-stdin", stdin=PASSWORD)[0] == 0
    status, out, _ = hub("user", "list")
    assert status == 0 and out == (
        "ld.hoabinh\tLê Thị Hoà\tleader\t1 Xã Hoà Bình\tactive\n"
        "quantri\tNguyễn Văn Quản\tadmin\t-\tactive\n")
    now = accounts.clock.now()
    assert accounts.authenticate(hub_engine, "quantri", PASSWORD, now).role == "admin"

    assert hub("user", "passwd", "quantri", "--password-stdin",
               stdin="một-mật-khẩu-mới-khác\n")[0] == 0
    with pytest.raises(accounts.LoginRefused):
        accounts.authenticate(hub_engine, "quantri", PASSWORD, now)
    assert accounts.authenticate(hub_engine, "quantri", "một-mật-khẩu-mới-khác", now)

    assert hub("user", "disable", "quantri")[0] == 0
    assert hub("user", "list")[1].splitlines()[1].endswith("\tdisabled")
    with pytest.raises(accounts.LoginRefused):
        accounts.authenticate(hub_engine, "quantri", "một-mật-khẩu-mới-khác", now)


def test_bad_input_gets_one_line_with_the_reason(hub):
    hub("commune", "create", "--name", "Xã Hoà Bình", "--agency-code", "000.01.22.H56")
    hub("user", "add", "--username", "ql", "--name", "Quản", "--role", "admin",
        "--password-stdin", stdin=PASSWORD)
    add = ("user", "add", "--name", "Ai Đó", "--password-stdin")
    cases = [
        ((*add, "--username", "ql", "--role", "admin"), PASSWORD, "user ql already exists"),
        ((*add, "--username", "Tên có dấu", "--role", "admin"), PASSWORD, "a user name is"),
        ((*add, "--username", "a", "--role", "admin"), PASSWORD, "a user name is"),
        ((*add, "--username", "x1", "--role", "admin"), "ngắn", "at least 12 characters"),
        ((*add, "--username", "x1", "--role", "admin"), "", "at least 12 characters"),
        ((*add, "--username", "x1", "--role", "leader"), PASSWORD, "needs a commune id"),
        ((*add, "--username", "x1", "--role", "leader", "--commune", "7"), PASSWORD,
         "no commune with id 7"),
        ((*add, "--username", "x1", "--role", "viewer", "--commune", "1"), PASSWORD,
         "only a commune leader"),
        (("user", "add", "--username", "x1", "--name", "  ", "--role", "admin",
          "--password-stdin"), PASSWORD, "a user needs a name"),
        (("user", "passwd", "khong-co", "--password-stdin"), PASSWORD, "no user khong-co"),
        (("user", "disable", "khong-co"), "", "no user khong-co"),
        (("commune", "contact", "--commune", "1", "--phone", "gọi tôi"), "",
         "is not a phone number"),
        (("commune", "contact", "--commune", "5", "--phone", "0236 3821 234"), "",
         "no commune with id 5"),
    ]
    for args, stdin, reason in cases:
        status, out, err = hub(*args, stdin=stdin)
        assert (status, out) == (1, ""), args
        assert err.startswith("province-hub: ") and reason in err and err.count("\n") == 1, err
    for args in (("user", "add", "--username", "x", "--name", "A", "--role", "king"),
                 ("user", "add", "--username", "x", "--name", "A", "--role", "leader",
                  "--commune", "abc"),
                 ("commune", "contact", "--commune", "-1", "--phone", "1")):
        status, _, err = hub(*args)
        assert status == 2 and "Traceback" not in err and err.splitlines()[-1].startswith(
            "province-hub "), err


def test_the_password_is_asked_twice_on_a_terminal_and_never_taken_as_an_argument(tmp_path):
    # A real process without a terminal: getpass falls back to standard input, twice.
    db = f"sqlite:///{tmp_path / 'hub.db'}"
    differ = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "user", "add", "--db", db, "--username", "ql",
         "--name", "Quản", "--role", "admin"],
        input=f"{PASSWORD}\nkhác-hẳn-mật-khẩu\n", capture_output=True, text=True, timeout=60)
    assert differ.returncode == 1 and "the two passwords differ" in differ.stderr
    assert "Traceback" not in differ.stderr
    same = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "user", "add", "--db", db, "--username", "ql",
         "--name", "Quản", "--role", "admin"],
        input=f"{PASSWORD}\n{PASSWORD}\n", capture_output=True, text=True, timeout=60)
    assert same.returncode == 0, same.stderr


def test_the_contact_shows_on_the_lookup(hub, hub_engine):
    hub("commune", "create", "--name", "Xã Hoà Bình", "--agency-code", "000.01.22.H56")
    assert hub("commune", "contact", "--commune", "1", "--phone", " 0236  3821 234",
               "--address", "12 Lê Lợi")[0] == 0
    with hub_engine.connect() as connection:
        row = connection.execute(commune_web.select()).one()
    assert (row.phone, row.address, len(row.lookup_key)) == ("0236 3821 234", "12 Lê Lợi", 64)
