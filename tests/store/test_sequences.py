from datetime import date

from desk_app.store.db import connect
from desk_app.store.sequences import next_code_sequence, next_ledger_number
from tests.store.factories import insert_received_dossier, make_dossier

DAY = date(2026, 11, 24)
AGENCY = "000.17.22.H56"


def test_sequences_count_up_per_counter_and_day(tmp_path):
    db = connect(tmp_path / "desk.db")
    assert [next_code_sequence(db, AGENCY, DAY, 1) for _ in range(3)] == [1, 2, 3]
    assert next_code_sequence(db, AGENCY, DAY, 2) == 1
    assert next_code_sequence(db, AGENCY, date(2026, 11, 25), 1) == 1


def test_sequence_survives_reopening(tmp_path):
    db = connect(tmp_path / "desk.db")
    with db.atomic():
        next_code_sequence(db, AGENCY, DAY, 1)
    db.close()
    db = connect(tmp_path / "desk.db")
    assert next_code_sequence(db, AGENCY, DAY, 1) == 2


def test_sequence_never_reissues_a_code_already_in_the_ledger(tmp_path):
    # As after restoring an old copy of the sequence table: the dossiers still hold code 1007.
    db = connect(tmp_path / "desk.db")
    insert_received_dossier(db, make_dossier(f"{AGENCY}-261124-1007", ledger_number=41))
    db.execute("DELETE FROM code_sequences")
    db.execute("DELETE FROM ledger_sequences")
    assert next_code_sequence(db, AGENCY, DAY, 1) == 8
    assert next_code_sequence(db, AGENCY, DAY, 2) == 1  # another counter is independent
    assert next_ledger_number(db, 2026) == 42


def test_rolled_back_transaction_does_not_consume_a_number(tmp_path):
    db = connect(tmp_path / "desk.db")
    try:
        with db.atomic():
            next_code_sequence(db, AGENCY, DAY, 1)
            raise RuntimeError("power cut")
    except RuntimeError:
        pass
    assert next_code_sequence(db, AGENCY, DAY, 1) == 1


def test_the_sequence_runs_on_past_999(tmp_path):
    db = connect(tmp_path / "desk.db")
    db.execute("INSERT INTO code_sequences (agency, day, counter, last) VALUES (?, ?, 1, 998)",
               [AGENCY, DAY.isoformat()])
    assert [next_code_sequence(db, AGENCY, DAY, 1) for _ in range(3)] == [999, 1000, 1001]


def test_a_five_digit_code_in_the_table_is_read_as_the_highest(tmp_path):
    # As text -11003 sorts before -1999: the highest must be read as a number.
    db = connect(tmp_path / "desk.db")
    insert_received_dossier(db, make_dossier(f"{AGENCY}-261124-1999", ledger_number=1))
    insert_received_dossier(db, make_dossier(f"{AGENCY}-261124-11003", ledger_number=2))
    insert_received_dossier(db, make_dossier(f"{AGENCY}-261124-2999", ledger_number=3))
    db.execute("DELETE FROM code_sequences")
    assert next_code_sequence(db, AGENCY, DAY, 1) == 1004
    assert next_code_sequence(db, AGENCY, DAY, 2) == 1000
    assert next_code_sequence(db, AGENCY, DAY, 3) == 1
