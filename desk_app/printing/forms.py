"""Numbers, titles and citations of the official slips (and of the counter's own documents),
read from resources/forms.json: dated sets, the one in force chosen by `core.forms`.

They are data because regulations renumber them (Circular 01/2018/TT-VPCP, then
03/2025/TT-VPCP); a new circular is a new set in that file, not a change to the renderers. The
file is read on every call: it is tiny, and an edited file then takes effect without a restart.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from desk_app.core.forms import (
    FormInfo,
    FormNotInForce,
    FormsDataError,
    FormSets,
    form_in_force,
    parse_form_sets,
)
from desk_app.core.slips import SlipKind
from desk_app.paths import resource
from desk_app.printing import PrintingError

__all__ = ["FormInfo", "form_info", "forms_file", "load_forms"]

OFFICIAL_FORM_KEYS = (SlipKind.RECEIPT, SlipKind.SUPPLEMENT, SlipKind.REFUSAL, SlipKind.APOLOGY,
                      SlipKind.CONTROL, "ledger")
# Forms a set may lack: the stop notice came with the 2025 set.
LATER_FORM_KEYS = ("stop_notice",)
# The counter's own documents: no circular numbers them, so their number may be empty.
OWN_DOCUMENT_KEYS = (SlipKind.HANDOVER_LIST, "end_of_day", "reconciliation")


def forms_file() -> Path:
    return resource("forms.json")


def load_forms(path: Path) -> FormSets:
    try:
        return parse_form_sets(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, FormsDataError) as exc:
        raise PrintingError(
            f"Tệp danh mục biểu mẫu «{path}» bị thiếu hoặc sai cấu trúc ({exc!r})."
        ) from exc


def form_info(key: str, day: date, sets: FormSets | None = None) -> FormInfo:
    """The form `key` as printed for an event of `day` (in Vietnam's time): from `sets` (the
    forms file with the sets the province published, as the services know them), else from
    the forms file alone."""
    path = forms_file()
    try:
        return form_in_force(load_forms(path) if sets is None else sets, key, day)
    except FormNotInForce:
        raise PrintingError(
            f"Tệp danh mục biểu mẫu «{path}» không có mẫu «{key}» áp dụng ngày "
            f"{day:%d/%m/%Y}."
        ) from None
