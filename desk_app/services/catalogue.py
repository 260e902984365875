"""The procedure catalogue: what the counter looks up to receive (procedures, their versions, the
working calendar), and what the commune edits (issue 5): versions, the override that keeps the
commune's version when the province publishes another, and the catalogue as a JSON file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desk_app.core.accounts import Permission
from desk_app.core.calendar import WorkCalendar
from desk_app.core.catalogue import (
    CatalogueEntry,
    ProcedureVersion,
    VersionSource,
    cleaned,
    procedure_issues,
    same_content,
)
from desk_app.core.changes import CATALOGUE
from desk_app.core.model import Procedure
from desk_app.core.text import fold
from desk_app.printing.atomic import atomic_output
from desk_app.services.context import Context, use_case
from desk_app.services.errors import ServiceError, ValidationFailed
from desk_app.store import catalogue, dossiers

EXPORT_SOURCE = "Danh mục thủ tục xuất từ quầy"


@dataclass(frozen=True)
class ImportSummary:
    added: int
    changed: int
    unchanged: int


# --- looking up ----------------------------------------------------------------------------


@use_case(Permission.LOOK_UP)
def procedures(ctx: Context) -> list[Procedure]:
    return catalogue.all_procedures(ctx.db)


@use_case(Permission.LOOK_UP)
def procedure(ctx: Context, code: str) -> Procedure | None:
    return catalogue.procedure(ctx.db, code)


@use_case(Permission.LOOK_UP)
def calendar(ctx: Context) -> WorkCalendar:
    return ctx.calendar()


@use_case(Permission.LOOK_UP)
def catalogue_entries(ctx: Context, text: str = "") -> list[CatalogueEntry]:
    """Every procedure, withdrawn ones too, with how the commune keeps it."""
    return catalogue.entries(ctx.db, text)


@use_case(Permission.LOOK_UP)
def procedure_versions(ctx: Context, code: str) -> list[ProcedureVersion]:
    """Newest first."""
    return catalogue.versions(ctx.db, code)


@use_case(Permission.LOOK_UP)
def procedure_at(ctx: Context, code: str, version: int) -> Procedure | None:
    """The procedure as that version said it: what a dossier received under it promised."""
    return catalogue.at_version(ctx.db, code, version)


# --- editing -------------------------------------------------------------------------------


@use_case(Permission.CATALOGUE, changes=CATALOGUE)
def save_procedure(ctx: Context, procedure: Procedure, *, local_override: bool = True
                   ) -> Procedure:
    """Save what the editor holds (version 0 for a new procedure, else the version it started
    from). `procedure.version` is the version the admin started from
    (0 for a new procedure): if someone else saved another meanwhile, nothing is saved. A new
    version is made only when something changed; returns the current version."""
    procedure = cleaned(procedure)
    known = catalogue.entry(ctx.db, procedure.code)
    new = procedure.version == 0
    issues = procedure_issues(procedure, catalogue.codes(ctx.db) if new else ())
    if issues:
        raise ValidationFailed(issues)
    if known is None and not new:
        raise ServiceError(f"Không tìm thấy thủ tục {procedure.code} trong danh mục.")
    if known is not None and not new and known.procedure.version != procedure.version:
        raise ServiceError(
            f"Thủ tục {procedure.code} vừa được cập nhật lên phiên bản "
            f"{known.procedure.version} trong lúc bạn sửa. Hãy mở lại thủ tục và sửa lại "
            "trên phiên bản mới nhất.")
    if known is None or not same_content(known.procedure, procedure):
        saved = catalogue.add_version(ctx.db, procedure, VersionSource.LOCAL, "",
                                      ctx.now(), ctx.clerk_name(), current=True)
        catalogue.offer(ctx.db, procedure.code, local_override=local_override)
        return saved
    # Only the override changed (or nothing): unticking it takes the province's version.
    catalogue.offer(ctx.db, procedure.code, local_override=local_override)
    if not local_override:
        _take_province_version(ctx, known)
    return _entry(ctx, procedure.code).procedure


@use_case(Permission.CATALOGUE, changes=CATALOGUE)
def set_local_override(ctx: Context, code: str, on: bool) -> CatalogueEntry:
    """Turning the override off takes the newest province version kept aside meanwhile."""
    known = _entry(ctx, code)
    catalogue.set_override(ctx.db, code, on)
    if not on:
        _take_province_version(ctx, known)
    return _entry(ctx, code)


def _take_province_version(ctx: Context, known: CatalogueEntry) -> None:
    if known.newer_province_version is not None:
        catalogue.make_current(ctx.db, known.procedure.code, known.newer_province_version)


def _entry(ctx: Context, code: str) -> CatalogueEntry:
    known = catalogue.entry(ctx.db, code)
    if known is None:
        raise ServiceError(f"Không tìm thấy thủ tục {code} trong danh mục.")
    return known


@use_case(Permission.CATALOGUE)
def export_catalogue(ctx: Context, path: Path) -> int:
    """Every current procedure, withdrawn ones too, as a catalogue document; returns how
    many."""
    procedures = [e.procedure for e in catalogue.entries(ctx.db)]
    document = catalogue.document(
        catalogue.loaded_version(ctx.db) or "0", EXPORT_SOURCE, procedures)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        with atomic_output(Path(path)) as stream:
            stream.write(text.encode("utf-8"))
    except OSError as exc:
        raise ServiceError(f"Không ghi được tệp {path}: {exc.strerror or exc}.") from exc
    return len(procedures)


@use_case(Permission.CATALOGUE, changes=CATALOGUE)
def import_catalogue(ctx: Context, path: Path) -> ImportSummary:
    """Read a catalogue document as the commune's own edit: each new or changed procedure gets
    a version and the override. Everything is checked first; on any error nothing changes.
    Procedures the file does not list stay as they are."""
    try:
        document = json.loads(Path(path).read_text("utf-8"))
    except OSError as exc:
        raise ServiceError(f"Không đọc được tệp {path}: {exc.strerror or exc}.") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ServiceError(f"Tệp {Path(path).name} không phải tệp danh mục JSON: {exc}.") from exc
    try:
        _, procedures = catalogue.parse(document)
    except catalogue.CatalogueError as exc:
        raise ServiceError(str(exc)) from exc
    known_codes = {fold(code): code for code in catalogue.codes(ctx.db)}
    for procedure in procedures:
        # The file's code updates the procedure of exactly that code; the same code with other
        # capitals would be a second procedure the editor could never have made.
        known = known_codes.get(fold(procedure.code))
        issues = procedure_issues(procedure, [known] if known not in (None, procedure.code)
                                  else [])
        if issues:
            raise ServiceError(
                f"Thủ tục {procedure.code or '(không mã)'} trong tệp chưa hợp lệ: "
                + " ".join(issue.message for issue in issues))
    added = changed = 0
    at, clerk = ctx.now(), ctx.clerk_name()
    for procedure in procedures:
        known = catalogue.entry(ctx.db, procedure.code)
        if known is not None and same_content(known.procedure, procedure):
            continue
        catalogue.add_version(ctx.db, procedure, VersionSource.IMPORT, "", at, clerk,
                              current=True)
        catalogue.offer(ctx.db, procedure.code, local_override=True)
        added += known is None
        changed += known is not None
    return ImportSummary(added, changed, len(procedures) - added - changed)


@use_case(Permission.HAND_OVER)
def suggested_unit(ctx: Context, dossier_uuids: list[str]) -> str:
    """The processing unit the dossiers' procedures go to (as received), if they share one."""
    units = set()
    for uuid in dossier_uuids:
        dossier = dossiers.get(ctx.db, uuid)
        if dossier is None:
            return ""
        procedure = catalogue.at_version(ctx.db, dossier.draft.procedure_code,
                                         dossier.procedure_version)
        units.add(procedure.unit if procedure else "")
    return units.pop() if len(units) == 1 else ""
