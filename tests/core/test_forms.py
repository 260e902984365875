from datetime import date

import pytest

from desk_app.core.forms import (
    FormNotInForce,
    FormsDataError,
    form_in_force,
    parse_form_set,
    parse_form_sets,
    set_in_force,
    with_published,
)


def _set(name, start, **forms):
    return {
        "name": name,
        "effective_from": start,
        "regulation": f"Ban hành kèm theo Thông tư {name}",
        "forms": {key: {"number": number, "title": key.upper()} for key, number in forms.items()},
    }


SETS = parse_form_sets(
    {
        # Out of order on purpose: the file's order does not matter, the dates do.
        "sets": [
            _set("2025", "2025-09-15", receipt="Mẫu số 01", control="Mẫu số 06",
                 stop_notice="Mẫu số 05"),
            _set("2018", None, receipt="Mẫu số 01", control="Mẫu số 05"),
        ],
        "own_documents": {"end_of_day": {"number": "", "title": "BÁO CÁO", "regulation": ""}},
    }
)


def test_sets_are_kept_oldest_first():
    assert [s.name for s in SETS.sets] == ["2018", "2025"]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 1, 1), "2018"),
        (date(2025, 6, 30), "2018"),
        (date(2025, 9, 14), "2018"),
        (date(2025, 9, 15), "2025"),
        (date(2026, 12, 4), "2025"),
    ],
)
def test_the_set_in_force_is_the_newest_started_by_that_day(day, expected):
    assert set_in_force(SETS, day).name == expected
    assert form_in_force(SETS, "receipt", day).set_name == expected


def test_a_renumbered_form_follows_the_date():
    assert form_in_force(SETS, "control", date(2024, 5, 2)).number == "Mẫu số 05"
    assert form_in_force(SETS, "control", date(2025, 10, 1)).number == "Mẫu số 06"
    assert form_in_force(SETS, "control", date(2025, 10, 1)).regulation.endswith("2025")


def test_a_form_new_in_a_set_is_not_found_before_it():
    assert form_in_force(SETS, "stop_notice", date(2025, 9, 15)).number == "Mẫu số 05"
    with pytest.raises(FormNotInForce):
        form_in_force(SETS, "stop_notice", date(2025, 9, 14))


def test_own_documents_do_not_depend_on_the_date():
    for day in (date(2001, 1, 1), date(2030, 1, 1)):
        assert form_in_force(SETS, "end_of_day", day).title == "BÁO CÁO"


def test_a_future_set_takes_over_on_its_day():
    future = parse_form_sets({"sets": [_set("2018", None, receipt="1"),
                                       _set("2031", "2031-01-01", receipt="A")]})
    assert form_in_force(future, "receipt", date(2030, 12, 31)).number == "1"
    assert form_in_force(future, "receipt", date(2031, 1, 1)).number == "A"


def test_without_an_undated_set_nothing_is_in_force_before_the_first():
    only = parse_form_sets({"sets": [_set("2025", "2025-09-15", receipt="01")]})
    assert set_in_force(only, date(2025, 1, 1)) is None
    with pytest.raises(FormNotInForce):
        form_in_force(only, "receipt", date(2025, 1, 1))


def test_a_form_may_cite_another_regulation_than_its_set():
    sets = parse_form_sets({"sets": [{"name": "x", "effective_from": None, "regulation": "A",
                                      "forms": {"r": {"number": "1", "title": "T",
                                                      "regulation": "B"}}}]})
    assert form_in_force(sets, "r", date(2020, 1, 1)).regulation == "B"


@pytest.mark.parametrize(
    "raw",
    [
        [],
        {"sets": []},
        {"sets": [_set("a", None), _set("b", None)]},
        {"sets": [_set("a", "2025-01-01"), _set("b", "2025-01-01")]},
        {"sets": [_set("a", "1 July")]},
        {"sets": [{"name": "a", "effective_from": None, "regulation": "",
                   "forms": {"r": {"number": 1, "title": "T"}}}]},
    ],
)
def test_malformed_data_is_refused(raw):
    with pytest.raises(FormsDataError):
        parse_form_sets(raw)


def test_a_published_set_is_added_or_replaces_the_one_of_its_name():
    corrected = parse_form_set(_set("2025", "2025-10-01", receipt="Mẫu 01 mới"))
    added = parse_form_set(_set("2031", "2031-01-01", receipt="A"))
    sets = with_published(SETS, [corrected, added])
    assert [(s.name, str(s.effective_from)) for s in sets.sets] == [
        ("2018", "None"), ("2025", "2025-10-01"), ("2031", "2031-01-01")]
    assert form_in_force(sets, "receipt", date(2025, 9, 20)).set_name == "2018"
    assert form_in_force(sets, "end_of_day", date(2031, 1, 1)).title == "BÁO CÁO"


def test_a_published_set_must_be_dated_and_not_clash():
    with pytest.raises(FormsDataError):
        parse_form_set(_set("x", None, receipt="1"))
    with pytest.raises(FormsDataError):
        with_published(SETS, [parse_form_set(_set("x", "2025-09-15", receipt="1"))])
