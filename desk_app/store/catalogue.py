"""The procedure catalogue: every version of every procedure, the current one of each, and the
JSON document the province publishes (resources/catalogue/procedures.json), read and written.

`procedure_versions` keeps all versions; `procedures` holds the current one of each code, for
the fast reads of the receive form, with the flags the admin sets on it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import datetime
from typing import Any

import sqlite_utils

from desk_app.core.catalogue import CatalogueEntry, ProcedureVersion, VersionSource, same_content
from desk_app.core.clock import iso, parse_iso
from desk_app.core.model import Procedure, ProcessingTime, RequiredDocument, TimeUnit
from desk_app.core.text import clean, fold


class CatalogueError(ValueError):
    pass


# --- the JSON document --------------------------------------------------------------------


def parse(document: Any) -> tuple[str, list[Procedure]]:
    """Validate a catalogue document's shape; returns (version, procedures). The message of a
    CatalogueError names the procedure and the field that is wrong. A procedure's "version" in
    the document (an export's) is not kept: the catalogue numbers its own versions."""
    if not isinstance(document, dict):
        raise CatalogueError("Danh mục thủ tục không hợp lệ: tệp không phải một danh mục.")
    version = document.get("version")
    if not isinstance(version, str | int) or not clean(str(version)):
        raise CatalogueError("Danh mục thủ tục không hợp lệ: thiếu số phiên bản danh mục.")
    items = document.get("procedures")
    if not isinstance(items, list):
        raise CatalogueError("Danh mục thủ tục không hợp lệ: thiếu danh sách thủ tục.")
    procedures = [_procedure_item(position, item) for position, item in enumerate(items, 1)]
    seen: set[str] = set()
    for procedure in procedures:
        if fold(procedure.code) in seen:
            raise CatalogueError(f"Danh mục thủ tục không hợp lệ: mã thủ tục {procedure.code} "
                                 "bị trùng.")
        seen.add(fold(procedure.code))
    return clean(str(version)), procedures


class _Field(Exception):
    """A field of one procedure is missing or of the wrong kind; the message says which."""


def _procedure_item(position: int, item: Any) -> Procedure:
    where = f"thủ tục thứ {position}"
    try:
        if not isinstance(item, dict):
            raise _Field("không phải một thủ tục")
        code = _text(item, "code", "mã thủ tục")
        where = f"thủ tục {code}" if code else where
        time = item.get("time")
        if not isinstance(time, dict):
            raise _Field("thiếu thời hạn giải quyết")
        try:
            unit = TimeUnit(time.get("unit"))
        except ValueError:
            raise _Field(f"đơn vị thời hạn «{time.get('unit')}» không có") from None
        value = _count(time, "value", "thời hạn giải quyết")
        try:
            processing_time = ProcessingTime(value, unit)
        except ValueError:
            raise _Field("thủ tục «trong ngày» phải có thời hạn 0") from None
        return Procedure(
            code=code,
            name=_text(item, "name", "tên thủ tục"),
            field=_text(item, "field", "lĩnh vực"),
            time=processing_time,
            fee=_count(item, "fee", "lệ phí", default=0),
            fee_note=_text(item, "fee_note", "ghi chú lệ phí", default=""),
            unit=_text(item, "unit", "đơn vị xử lý", default=""),
            documents=_documents(item.get("documents", [])),
        )
    except _Field as problem:
        raise CatalogueError(f"Danh mục thủ tục không hợp lệ — {where}: {problem}.") from None


def _documents(items: Any) -> tuple[RequiredDocument, ...]:
    if not isinstance(items, list):
        raise _Field("danh sách giấy tờ không đúng dạng")
    documents = []
    for row, doc in enumerate(items, 1):
        if not isinstance(doc, dict):
            raise _Field(f"giấy tờ thứ {row} không đúng dạng")
        mandatory = doc.get("mandatory", True)
        if not isinstance(mandatory, bool):
            raise _Field(f"giấy tờ thứ {row}: «mandatory» phải là true hoặc false")
        documents.append(RequiredDocument(
            name=_text(doc, "name", f"tên giấy tờ thứ {row}"),
            mandatory=mandatory,
            originals=_count(doc, "originals", f"số bản chính giấy tờ thứ {row}", default=0),
            certified=_count(doc, "certified", f"số bản sao chứng thực giấy tờ thứ {row}",
                             default=0),
            copies=_count(doc, "copies", f"số bản photo giấy tờ thứ {row}", default=0),
        ))
    return tuple(documents)


def _text(item: dict, key: str, label: str, default: str | None = None) -> str:
    value = item.get(key, default)
    if value is None:
        raise _Field(f"thiếu {label}")
    if not isinstance(value, str):
        raise _Field(f"{label} phải là chữ")
    return clean(value)


def _count(item: dict, key: str, label: str, default: int | None = None) -> int:
    value = item.get(key, default)
    if value is None:
        raise _Field(f"thiếu {label}")
    # bool is an int in Python, and "true" is no count.
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Field(f"{label} phải là số nguyên")
    if value < 0:
        raise _Field(f"{label} không được âm")
    return value


def document(version: str, source: str, procedures: list[Procedure]) -> dict[str, Any]:
    """A catalogue document `parse` reads back, with each procedure's unit and version."""
    return {
        "version": version,
        "source": source,
        "procedures": [
            {
                "code": p.code, "name": p.name, "field": p.field,
                "time": {"value": p.time.value, "unit": p.time.unit.value},
                "fee": p.fee, "fee_note": p.fee_note, "unit": p.unit, "version": p.version,
                "documents": [asdict(d) for d in p.documents],
            }
            for p in procedures
        ],
    }


# --- province catalogues ------------------------------------------------------------------


def loaded_version(db: sqlite_utils.Database) -> str | None:
    row = db.execute(
        "SELECT version FROM catalogue_versions ORDER BY loaded_at DESC, rowid DESC LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def is_newer(version: str, than: str | None) -> bool:
    """Catalogue versions are dotted numbers ("2026.11.1"), compared part by part."""
    if than is None:
        return True
    return tuple(int(p) for p in version.split(".")) > tuple(int(p) for p in than.split("."))


def apply_province(db: sqlite_utils.Database, document: dict[str, Any], at: datetime) -> bool:
    """Take a province catalogue (the bundled one, or one pulled from the hub) if it is newer
    than the one in use; returns whether it was. Each changed procedure gets a new version,
    made current unless the commune overrides it; a procedure the province no longer lists is
    withdrawn from new dossiers unless the commune keeps its own, never deleted."""
    version, procedures = parse(document)
    if not is_newer(version, loaded_version(db)):
        return False
    listed = set()
    for procedure in procedures:
        listed.add(procedure.code)
        known = entry(db, procedure.code)
        if known is None:
            add_version(db, procedure, VersionSource.PROVINCE, version, at, "", current=True)
            continue
        if known.local_override:
            latest = latest_province_version(db, procedure.code)
            if latest is None or not same_content(latest, procedure):
                add_version(db, procedure, VersionSource.PROVINCE, version, at, "",
                            current=False)
        elif not same_content(known.procedure, procedure):
            add_version(db, procedure, VersionSource.PROVINCE, version, at, "", current=True)
        db.execute("UPDATE procedures SET withdrawn = 0 WHERE code = ?", [procedure.code])
    for kept in entries(db):
        code = kept.procedure.code
        if code not in listed and not kept.local_only and not kept.local_override:
            db.execute("UPDATE procedures SET withdrawn = 1 WHERE code = ?", [code])
    db.execute(
        "INSERT OR REPLACE INTO catalogue_versions (version, source, loaded_at) VALUES (?, ?, ?)",
        [version, clean(str(document.get("source", ""))), iso(at)],
    )
    return True


# --- versions -----------------------------------------------------------------------------

_VERSION_COLUMNS = ("code, name, field, time_value, time_unit, fee, fee_note, documents, unit, "
                    "version")


def add_version(
    db: sqlite_utils.Database, procedure: Procedure, source: VersionSource,
    catalogue_version: str, at: datetime, by: str, *, current: bool,
) -> Procedure:
    """Keep `procedure` as the next version of its code, and make it the current one if asked
    (a new code always is); returns it with its version number."""
    last = db.execute("SELECT MAX(version) FROM procedure_versions WHERE code = ?",
                      [procedure.code]).fetchone()[0]
    numbered = replace(procedure, version=(last or 0) + 1)
    documents = json.dumps([asdict(d) for d in numbered.documents], ensure_ascii=False)
    values = [numbered.code, numbered.name, numbered.field, numbered.time.value,
              numbered.time.unit.value, numbered.fee, numbered.fee_note, documents,
              numbered.unit, numbered.version]
    db.execute(
        f"INSERT INTO procedure_versions ({_VERSION_COLUMNS}, source, catalogue_version, "
        "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [*values, source.value, catalogue_version, iso(at), by],
    )
    if current or last is None:
        make_current(db, numbered.code, numbered.version)
    return numbered


def make_current(db: sqlite_utils.Database, code: str, version: int) -> None:
    """Offer `version` of `code` for new dossiers; the flags on the procedure stay."""
    db.execute(
        f"""INSERT INTO procedures ({_VERSION_COLUMNS}, search_key, catalogue_version)
            SELECT {_VERSION_COLUMNS}, '', catalogue_version
            FROM procedure_versions WHERE code = ? AND version = ?
            ON CONFLICT (code) DO UPDATE SET
                name = excluded.name, field = excluded.field,
                time_value = excluded.time_value, time_unit = excluded.time_unit,
                fee = excluded.fee, fee_note = excluded.fee_note,
                documents = excluded.documents, unit = excluded.unit,
                version = excluded.version, catalogue_version = excluded.catalogue_version""",
        [code, version],
    )
    current = procedure(db, code, offered_only=False)
    assert current is not None
    db.execute("UPDATE procedures SET search_key = ? WHERE code = ?",
               [fold(f"{current.code} {current.name} {current.field}"), code])


def set_override(db: sqlite_utils.Database, code: str, on: bool) -> None:
    db.execute("UPDATE procedures SET local_override = ? WHERE code = ?", [int(on), code])


def offer(db: sqlite_utils.Database, code: str, *, local_override: bool) -> None:
    """The commune offers `code` for new dossiers, whatever the province said, with or without
    the override."""
    db.execute("UPDATE procedures SET local_override = ?, withdrawn = 0 WHERE code = ?",
               [int(local_override), code])


def versions(db: sqlite_utils.Database, code: str) -> list[ProcedureVersion]:
    """Every version of `code`, newest first."""
    current = db.execute("SELECT version FROM procedures WHERE code = ?", [code]).fetchone()
    rows = db.execute(
        f"SELECT {_VERSION_COLUMNS}, source, catalogue_version, created_at, created_by "
        "FROM procedure_versions WHERE code = ? ORDER BY version DESC", [code])
    return [
        ProcedureVersion(
            procedure=_procedure(row[:10]), source=VersionSource(row[10]),
            catalogue_version=row[11], created_at=parse_iso(row[12]), created_by=row[13],
            current=current is not None and row[9] == current[0],
        )
        for row in rows
    ]


def at_version(db: sqlite_utils.Database, code: str, version: int) -> Procedure | None:
    row = db.execute(
        f"SELECT {_VERSION_COLUMNS} FROM procedure_versions WHERE code = ? AND version = ?",
        [code, version]).fetchone()
    return _procedure(row) if row else None


def latest_province_version(db: sqlite_utils.Database, code: str) -> Procedure | None:
    row = db.execute(
        f"SELECT {_VERSION_COLUMNS} FROM procedure_versions WHERE code = ? AND source = ? "
        "ORDER BY version DESC LIMIT 1", [code, VersionSource.PROVINCE.value]).fetchone()
    return _procedure(row) if row else None


# --- the current catalogue ----------------------------------------------------------------

_CURRENT_COLUMNS = ", ".join(f"p.{c.strip()}" for c in _VERSION_COLUMNS.split(","))
_ENTRY_SELECT = f"""
    SELECT {_CURRENT_COLUMNS}, p.local_override, p.withdrawn,
           MAX(CASE WHEN v.source = 'province' THEN v.version END)
    FROM procedures p LEFT JOIN procedure_versions v ON v.code = p.code"""


def entries(db: sqlite_utils.Database, text: str = "") -> list[CatalogueEntry]:
    """Every procedure in the catalogue, withdrawn ones too, by field and code; `text` narrows
    them to those whose code, name or field holds it, without diacritics."""
    rows = db.execute(
        f"{_ENTRY_SELECT} WHERE instr(p.search_key, ?) GROUP BY p.code "
        "ORDER BY p.field, p.code", [fold(text)])
    return [_catalogue_entry(row) for row in rows]


def entry(db: sqlite_utils.Database, code: str) -> CatalogueEntry | None:
    row = db.execute(f"{_ENTRY_SELECT} WHERE p.code = ? GROUP BY p.code", [code]).fetchone()
    return _catalogue_entry(row) if row else None


def _catalogue_entry(row: tuple) -> CatalogueEntry:
    current = _procedure(row[:10])
    local_override = bool(row[10])
    province = row[12]
    # Compared by identity, not by number: the commune may have edited its own version again
    # after the province's newest was kept aside, numbering its edit above the province's.
    aside = local_override and province is not None and province != current.version
    return CatalogueEntry(
        procedure=current, local_override=local_override, withdrawn=bool(row[11]),
        local_only=province is None,
        newer_province_version=province if aside else None,
    )


def all_procedures(db: sqlite_utils.Database) -> list[Procedure]:
    """The procedures offered for new dossiers, current versions."""
    rows = db.execute(
        f"SELECT {_VERSION_COLUMNS} FROM procedures WHERE withdrawn = 0 ORDER BY field, code")
    return [_procedure(row) for row in rows]


def procedure(
    db: sqlite_utils.Database, code: str, *, offered_only: bool = True
) -> Procedure | None:
    """The current version of `code`; None when it is withdrawn, unless `offered_only` is
    False."""
    withdrawn = " AND withdrawn = 0" if offered_only else ""
    row = db.execute(f"SELECT {_VERSION_COLUMNS} FROM procedures WHERE code = ?{withdrawn}",
                     [code]).fetchone()
    return _procedure(row) if row else None


def codes(db: sqlite_utils.Database) -> list[str]:
    return [row[0] for row in db.execute("SELECT code FROM procedures")]


def _procedure(row: tuple) -> Procedure:
    code, name, field, value, unit, fee, fee_note, documents, processing_unit, version = row
    return Procedure(
        code=code,
        name=name,
        field=field,
        time=ProcessingTime(value, TimeUnit(unit)),
        fee=fee,
        fee_note=fee_note,
        documents=tuple(RequiredDocument(**doc) for doc in json.loads(documents)),
        unit=processing_unit,
        version=version,
    )
