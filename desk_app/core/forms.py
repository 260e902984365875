"""The official forms as data: numbered sets, each with the day it takes effect.

A circular renumbers and rewrites the forms (Circular 01/2018/TT-VPCP, then Circular
03/2025/TT-VPCP). A slip is printed under the set in force on the day of the event it records,
so a receipt of 2024 reprints on the form it was issued on and one of today on today's form.
The counter's own documents (the handover list, the end-of-day report…) belong to no circular
and do not change with the date.

Pure: the printing layer reads resources/forms.json and hands its content here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

# The set of Circular 01/2018/TT-VPCP, the first the app printed.
LEGACY_SET = "2018"


class FormsDataError(ValueError):
    """The forms data does not have the shape this module reads."""


class FormNotInForce(LookupError):
    """No form of that key in the set in force on that day (nor among the own documents)."""


@dataclass(frozen=True)
class FormInfo:
    key: str
    number: str  # "Mẫu số 01"; empty for the counter's own documents
    title: str  # upper case, on one line
    regulation: str  # "Ban hành kèm theo Thông tư số 01/2018/TT-VPCP"; empty with the number
    # Where a title too long for one line should break, written as a line break in the file:
    # "PHIẾU TỪ CHỐI TIẾP NHẬN / GIẢI QUYẾT HỒ SƠ", never "… TIẾP / NHẬN …".
    title_lines: tuple[str, ...] = ()
    # The set the form belongs to ("2018", "2025"); empty for the counter's own documents.
    set_name: str = ""
    # The form's own footnote (Ghi chú), printed at its foot when the form has one.
    footnote: str = ""

    @property
    def legacy(self) -> bool:
        """Under Circular 01/2018's set, whose slips keep printing as they always did; the
        content the 2025 set added (the office's phone, the control slip's header lines…) is
        printed under every later set."""
        return self.set_name == LEGACY_SET


@dataclass(frozen=True)
class FormSet:
    name: str
    # The first day the set is used; None for the oldest set, used for every day before the next.
    effective_from: date | None
    forms: Mapping[str, FormInfo] = field(default_factory=dict)


@dataclass(frozen=True)
class FormSets:
    sets: tuple[FormSet, ...]  # oldest first
    own: Mapping[str, FormInfo] = field(default_factory=dict)


def form_entry(key: str, raw: Mapping[str, Any], regulation: str, set_name: str) -> FormInfo:
    title = raw["title"]
    if not isinstance(title, str) or not isinstance(raw.get("number", ""), str):
        raise FormsDataError(f"form {key!r}: number and title must be text")
    return FormInfo(
        key=key,
        number=raw["number"],
        title=" ".join(title.split()),
        regulation=raw.get("regulation", regulation),
        title_lines=tuple(line.strip() for line in title.splitlines()),
        set_name=set_name,
        footnote=raw.get("footnote", ""),
    )


def parse_form_sets(raw: Any) -> FormSets:
    """The sets of a forms document ({"sets": [...], "own_documents": {...}}), oldest first.
    Raises FormsDataError when it has another shape."""
    try:
        sets = []
        for entry in raw["sets"]:
            start = entry.get("effective_from")
            sets.append(
                FormSet(
                    name=str(entry["name"]),
                    effective_from=None if start is None else date.fromisoformat(start),
                    forms={
                        key: form_entry(key, form, entry["regulation"], str(entry["name"]))
                        for key, form in entry["forms"].items()
                        if not key.startswith("_")
                    },
                )
            )
        own = {
            key: form_entry(key, form, "", "")
            for key, form in raw.get("own_documents", {}).items()
            if not key.startswith("_")
        }
    except FormsDataError:
        raise
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise FormsDataError(f"forms data: {exc!r}") from exc
    return FormSets(tuple(sorted_sets(sets)), own)


def sorted_sets(sets: Sequence[FormSet]) -> list[FormSet]:
    """Oldest first; only the oldest may have no start day, and no two share one."""
    undated = [s for s in sets if s.effective_from is None]
    dated = sorted((s for s in sets if s.effective_from is not None),
                   key=lambda s: s.effective_from or date.min)
    if len(undated) > 1:
        raise FormsDataError("only the oldest set may have no effective_from")
    starts = [s.effective_from for s in dated]
    if len(set(starts)) != len(starts):
        raise FormsDataError("two sets take effect on the same day")
    if not undated and not dated:
        raise FormsDataError("no form set")
    return undated + dated


def parse_form_set(raw: Any) -> FormSet:
    """One set as the province publishes it: dated, like every set but the counter's oldest."""
    (form_set,) = parse_form_sets({"sets": [raw]}).sets
    if form_set.effective_from is None:
        raise FormsDataError("a published form set needs its effective_from")
    return form_set


def with_published(base: FormSets, published: Sequence[FormSet]) -> FormSets:
    """The counter's sets with those the province published: one of the same name replaces the
    counter's (a corrected date or title), the others are added. Raises FormsDataError when two
    sets would then start on the same day."""
    names = {form_set.name for form_set in published}
    kept = [form_set for form_set in base.sets if form_set.name not in names]
    return FormSets(tuple(sorted_sets([*kept, *published])), base.own)


def set_in_force(sets: FormSets, day: date) -> FormSet | None:
    """The newest set that has taken effect on `day`; None before the first dated set when no
    set is undated."""
    found = None
    for form_set in sets.sets:
        if form_set.effective_from is None or form_set.effective_from <= day:
            found = form_set
    return found


def form_in_force(sets: FormSets, key: str, day: date) -> FormInfo:
    """The form `key` as printed for an event of `day`: from the set in force that day, or the
    counter's own document of that key."""
    if key in sets.own:
        return sets.own[key]
    form_set = set_in_force(sets, day)
    if form_set is None or key not in form_set.forms:
        raise FormNotInForce(key, day)
    return form_set.forms[key]
