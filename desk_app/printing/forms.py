"""Numbers and titles of the official slips (and of the counter's own documents), read from
resources/forms.json.

They are data because regulations renumber them (Circular 01/2018/TT-VPCP now, 03/2025/TT-VPCP
next); a new circular means editing that file, not the renderers. The file is read on every
call: it is tiny, and an edited file then takes effect without a restart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desk_app.core.slips import SlipKind
from desk_app.paths import resource
from desk_app.printing import PrintingError

OFFICIAL_FORM_KEYS = (SlipKind.RECEIPT, SlipKind.SUPPLEMENT, SlipKind.REFUSAL, SlipKind.APOLOGY,
                      SlipKind.CONTROL, "ledger")
# The counter's own documents: no circular numbers them, so their number may be empty.
OWN_DOCUMENT_KEYS = (SlipKind.HANDOVER_LIST, "end_of_day", "reconciliation")


@dataclass(frozen=True)
class FormInfo:
    key: str
    number: str  # "Mẫu số 01"; empty for the counter's own documents
    title: str  # upper case, on one line
    regulation: str  # "Ban hành kèm theo Thông tư số 01/2018/TT-VPCP"; empty with the number
    # Where a title too long for one line should break, written as a line break in the file:
    # "PHIẾU TỪ CHỐI TIẾP NHẬN / GIẢI QUYẾT HỒ SƠ", never "… TIẾP / NHẬN …".
    title_lines: tuple[str, ...] = ()


def forms_file() -> Path:
    return resource("forms.json")


def load_forms(path: Path) -> dict[str, FormInfo]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {
            key: FormInfo(
                key,
                entry["number"],
                " ".join(entry["title"].split()),
                entry["regulation"],
                tuple(line.strip() for line in entry["title"].splitlines()),
            )
            for key, entry in raw.items()
            if not key.startswith("_")
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise PrintingError(
            f"Tệp danh mục biểu mẫu «{path}» bị thiếu hoặc sai cấu trúc ({exc!r})."
        ) from exc


def form_info(key: str) -> FormInfo:
    path = forms_file()
    forms = load_forms(path)
    if key not in forms:
        raise PrintingError(f"Tệp danh mục biểu mẫu «{path}» không có mẫu «{key}».")
    return forms[key]
