"""The procedure catalogue: loaded from a versioned JSON document, read as core Procedures."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import sqlite_utils

from desk_app.core.clock import iso, now_vn
from desk_app.core.model import Procedure, ProcessingTime, RequiredDocument, TimeUnit
from desk_app.core.text import clean, fold


class CatalogueError(ValueError):
    pass


def parse(document: dict[str, Any]) -> tuple[str, list[Procedure]]:
    """Validate a catalogue document; returns (version, procedures)."""
    try:
        version = clean(document["version"])
        procedures = [
            Procedure(
                code=clean(item["code"]),
                name=clean(item["name"]),
                field=clean(item["field"]),
                time=ProcessingTime(int(item["time"]["value"]), TimeUnit(item["time"]["unit"])),
                fee=int(item.get("fee", 0)),
                fee_note=clean(item.get("fee_note", "")),
                documents=tuple(
                    RequiredDocument(
                        name=clean(doc["name"]),
                        mandatory=bool(doc.get("mandatory", True)),
                        originals=int(doc.get("originals", 0)),
                        certified=int(doc.get("certified", 0)),
                        copies=int(doc.get("copies", 0)),
                    )
                    for doc in item.get("documents", [])
                ),
            )
            for item in document["procedures"]
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise CatalogueError(f"Danh mục thủ tục không hợp lệ: {exc!r}") from exc
    codes = [p.code for p in procedures]
    if len(set(codes)) != len(codes):
        raise CatalogueError("Danh mục thủ tục có mã thủ tục bị trùng.")
    return version, procedures


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


def replace(db: sqlite_utils.Database, document: dict[str, Any]) -> str:
    """Replace the catalogue with `document`. Dossiers keep the name and time they were received
    under, so replacing procedures never changes an existing dossier."""
    version, procedures = parse(document)
    db.execute("DELETE FROM procedures")
    for procedure in procedures:
        db.execute(
            "INSERT INTO procedures (code, name, field, time_value, time_unit, fee, fee_note, "
            "documents, search_key, catalogue_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                procedure.code,
                procedure.name,
                procedure.field,
                procedure.time.value,
                procedure.time.unit.value,
                procedure.fee,
                procedure.fee_note,
                json.dumps([asdict(doc) for doc in procedure.documents], ensure_ascii=False),
                fold(f"{procedure.code} {procedure.name} {procedure.field}"),
                version,
            ],
        )
    db.execute(
        "INSERT OR REPLACE INTO catalogue_versions (version, source, loaded_at) VALUES (?, ?, ?)",
        [version, clean(document.get("source", "")), iso(now_vn())],
    )
    return version


def _procedure(row: tuple) -> Procedure:
    code, name, field, value, unit, fee, fee_note, documents = row
    return Procedure(
        code=code,
        name=name,
        field=field,
        time=ProcessingTime(value, TimeUnit(unit)),
        fee=fee,
        fee_note=fee_note,
        documents=tuple(RequiredDocument(**doc) for doc in json.loads(documents)),
    )


_COLUMNS = "code, name, field, time_value, time_unit, fee, fee_note, documents"


def all_procedures(db: sqlite_utils.Database) -> list[Procedure]:
    rows = db.execute(f"SELECT {_COLUMNS} FROM procedures ORDER BY field, code")
    return [_procedure(row) for row in rows]


def procedure(db: sqlite_utils.Database, code: str) -> Procedure | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM procedures WHERE code = ?", [code]).fetchone()
    return _procedure(row) if row else None
