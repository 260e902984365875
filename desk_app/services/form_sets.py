"""The sets of official forms a slip may be printed on: the ones shipped in
resources/forms.json, with those the province published through the hub (kept in the settings
table), so a province can announce the next circular's forms before the day they take effect."""

from __future__ import annotations

from typing import Any

from desk_app.core.forms import FormSets, parse_form_set, with_published
from desk_app.printing.forms import forms_file, load_forms
from desk_app.services.context import Context
from desk_app.store import settings

PUBLISHED_KEY = "province_form_sets"  # {set name: the set as the province published it}


def _published(ctx: Context) -> dict[str, Any]:
    stored = settings.load(ctx.db).get(PUBLISHED_KEY)
    return stored if isinstance(stored, dict) else {}


def form_sets(ctx: Context) -> FormSets:
    """What every slip is printed from. A published set that no longer reads (written by a
    newer release) is left out rather than stopping the printing."""
    published = []
    for raw in _published(ctx).values():
        try:
            published.append(parse_form_set(raw))
        except ValueError:
            continue
    return with_published(load_forms(forms_file()), published)


def apply_province(ctx: Context, raw: dict[str, Any]) -> None:
    """Keep a set the province published, replacing one of the same name; raises ValueError
    (FormsDataError) for a set that does not read or would start on the day of another."""
    form_set = parse_form_set(raw)
    sets = {**_published(ctx), form_set.name: raw}
    with_published(load_forms(forms_file()), [parse_form_set(s) for s in sets.values()])
    settings.save(ctx.db, {PUBLISHED_KEY: sets})

