"""The commune's procedure catalogue as the admin edits it: what makes a procedure fit to be
offered, and the records of its versions.

Every change to a procedure is a new version; a dossier names the version it was received
under, so what it promised the applicant never changes afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from desk_app.core.model import Procedure, ProcessingTime, RequiredDocument, TimeUnit
from desk_app.core.text import clean, fold
from desk_app.core.validation import Issue, Severity

# National codes look like "1.001193"; a commune's own procedures may use letters ("XA-01").
# At most 40 characters, as the province hub accepts.
_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,39}")
# No legal processing time comes near this; a bigger number is a typing slip.
MAX_TIME = 365
MAX_COUNT = 99


class VersionSource(StrEnum):
    PROVINCE = "province"  # the bundled catalogue or one pulled from the hub
    LOCAL = "local"  # typed in the catalogue editor
    IMPORT = "import"  # read from a JSON file by an admin


@dataclass(frozen=True)
class ProcedureVersion:
    """One version of a procedure as the catalogue kept it."""

    procedure: Procedure
    source: VersionSource
    catalogue_version: str  # the province catalogue it came from; "" for a local one
    created_at: datetime
    created_by: str  # "" for the province's
    current: bool  # the version offered for new dossiers


@dataclass(frozen=True)
class CatalogueEntry:
    """A procedure as the editor lists it: its current version and how it is kept."""

    procedure: Procedure
    local_override: bool  # the province's versions do not replace the commune's
    withdrawn: bool  # no longer offered for new dossiers; old dossiers still point at it
    local_only: bool  # the commune's own: the province never published it
    # The province's newest version when the override keeps another one current: what
    # dropping the override takes.
    newer_province_version: int | None


def same_content(a: Procedure, b: Procedure) -> bool:
    """Whether two procedures say the same, whatever their version numbers."""
    return replace(a, version=0) == replace(b, version=0)


def cleaned(procedure: Procedure) -> Procedure:
    """The procedure with every text NFC, trimmed and single-spaced."""
    return replace(
        procedure,
        code=clean(procedure.code),
        name=clean(procedure.name),
        field=clean(procedure.field),
        fee_note=clean(procedure.fee_note),
        unit=clean(procedure.unit),
        documents=tuple(replace(d, name=clean(d.name)) for d in procedure.documents),
    )


def procedure_issues(procedure: Procedure, existing_codes: Iterable[str] = ()) -> list[Issue]:
    """What is wrong with a procedure before it may be saved. `existing_codes` are the codes it
    must not take, nor spelled with other capitals (the others in the catalogue, for a new
    procedure). Field keys: code, name, field, time, fee, documents."""
    issues: list[Issue] = []

    def error(field: str, message: str) -> None:
        issues.append(Issue(field, message, Severity.ERROR))

    code = clean(procedure.code)
    taken = {fold(c): c for c in existing_codes}.get(fold(code))
    if not code:
        error("code", "Nhập mã thủ tục (ví dụ 1.001193).")
    elif not _CODE.fullmatch(code):
        error("code", "Mã thủ tục chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang hoặc "
                      "gạch dưới, không có khoảng trắng, tối đa 40 ký tự (ví dụ 1.001193).")
    elif taken == code:
        error("code", f"Mã thủ tục {code} đã có trong danh mục: hãy sửa thủ tục đó, hoặc "
                      "dùng mã khác.")
    elif taken is not None:
        error("code", f"Mã thủ tục {taken} đã có trong danh mục, chỉ khác {code} ở chữ hoa, "
                      f"chữ thường: hãy ghi đúng {taken} để sửa thủ tục đó, hoặc dùng mã khác.")
    if not clean(procedure.name):
        error("name", "Nhập tên thủ tục.")
    if not clean(procedure.field):
        error("field", "Nhập lĩnh vực của thủ tục (ví dụ Hộ tịch).")
    issues.extend(Issue("time", m, Severity.ERROR) for m in time_problems(procedure.time))
    if procedure.fee < 0:
        error("fee", "Lệ phí không được âm; thủ tục miễn phí thì nhập 0.")
    issues.extend(Issue("documents", m, Severity.ERROR)
                  for m in document_problems(procedure.documents))
    return issues


def time_problems(time: ProcessingTime) -> list[str]:
    if not isinstance(time.unit, TimeUnit):
        return ["Chọn đơn vị của thời hạn giải quyết."]
    if time.unit is TimeUnit.SAME_DAY:
        return []  # ProcessingTime itself refuses a same-day time with a value
    if time.value <= 0:
        return ["Thời hạn giải quyết phải lớn hơn 0; thủ tục giải quyết ngay thì chọn "
                "«Trong ngày»."]
    if time.value > MAX_TIME:
        return [f"Thời hạn giải quyết quá dài (tối đa {MAX_TIME}); hãy kiểm tra lại số đã nhập."]
    return []


def document_problems(documents: Iterable[RequiredDocument]) -> list[str]:
    """One message per problem, naming the row (1-based) of the documents table."""
    problems = []
    seen: dict[str, int] = {}
    for row, document in enumerate(documents, start=1):
        name = clean(document.name)
        if not name:
            problems.append(f"Giấy tờ dòng {row}: nhập tên giấy tờ, hoặc xoá dòng trống.")
        elif (first := seen.setdefault(fold(name), row)) != row:
            problems.append(f"Giấy tờ dòng {row}: trùng tên với dòng {first}.")
        counts = (document.originals, document.certified, document.copies)
        if any(c < 0 for c in counts):
            problems.append(f"Giấy tờ dòng {row}: số bản không được âm.")
        elif any(c > MAX_COUNT for c in counts):
            problems.append(f"Giấy tờ dòng {row}: số bản tối đa là {MAX_COUNT}.")
    return problems
