from collections import Counter
from datetime import datetime

from desk_app.core.clock import VN_TZ
from desk_app.core.reports import BoardKey
from desk_app.core.states import DossierState
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_CLERKS, DEMO_PASSWORD, seed
from tests.clock import Clock

S = DossierState
TUESDAY_0900 = datetime(2026, 12, 1, 9, 0, tzinfo=VN_TZ)


def living_demo(path):
    services = Services(path, clock=Clock(TUESDAY_0900))
    seed(services, living=True)
    assert services.current_account() is None  # seeding is not a login
    services.login("lanhdao", DEMO_PASSWORD)
    return services


def story(services):
    """What happened, without the uuids and times drawn afresh on every run."""
    return [
        (row.code, row.status, [e.kind for e in services.history(row.uuid)])
        for row in services.dossier_rows()
    ]


def test_the_living_demo_counter_has_seen_every_kind_of_day(tmp_path):
    # How long it takes is bench/demo_seed.py's figure, not a test's.
    services = living_demo(tmp_path / "a")
    states = Counter(row.status for row in services.dossier_rows())
    assert sum(states.values()) == 36
    assert {S.RECEIVED, S.PROCESSING, S.SUPPLEMENT, S.RESULT_READY, S.RETURNED,
            S.REFUSED} <= set(states)
    assert states[S.RETURNED] > states[S.RECEIVED]
    kinds = Counter(k for row in services.dossier_rows()
                    for k in (e.kind for e in services.history(row.uuid)))
    assert kinds["refused"] == 1 and kinds["rescheduled"] == 1
    assert kinds["supplement_requested"] >= 2 and kinds["supplemented"] >= 1
    returns = [e for row in services.dossier_rows() for e in services.history(row.uuid)
               if e.kind == "returned"]
    assert {e.payload["satisfaction_label"] for e in returns} >= {"Rất hài lòng", "Hài lòng"}
    # The newest dossier is still on the clerk's desk.
    assert services.dossier_rows(limit=1)[0].status is S.RECEIVED
    board = services.board()
    assert board.count(BoardKey.READY_TO_RETURN) and board.count(BoardKey.WAITING_SUPPLEMENT)
    assert {line.timeliness for line in services.ledger(datetime(2026, 11, 1).date(),
                                                         TUESDAY_0900.date())} >= {
        "Trước hạn", "Đúng hạn", "Quá hạn"}
    services.close()


def test_the_living_demo_is_the_same_every_time(tmp_path):
    first = living_demo(tmp_path / "a")
    second = living_demo(tmp_path / "b")
    assert story(first) == story(second)
    first.close()
    second.close()


def test_the_plain_demo_only_receives(tmp_path):
    services = Services(tmp_path, clock=Clock(TUESDAY_0900))
    seed(services)
    services.login("quantri", DEMO_PASSWORD)
    assert {row.status for row in services.dossier_rows()} == {S.RECEIVED}
    assert services.outbox_counts()["pending"] == 36
    services.close()


def test_the_demo_clerks_did_the_demo_counter_s_work(tmp_path):
    services = living_demo(tmp_path)
    names = {a.username: a.full_name for a in services.login_choices()}
    assert set(names) == {"quantri", "lanhdao", *DEMO_CLERKS}
    clerks = {names[username] for username in DEMO_CLERKS}
    recorders = {e.clerk for row in services.dossier_rows() for e in services.history(row.uuid)}
    assert {row.clerk for row in services.dossier_rows()} == clerks
    assert recorders == clerks
    services.close()
