"""Digitisation at reception (docs/domain.md, "Digitisation"): what a document line's state
must carry, the files a dossier names, and the counts the reports show.

Decree 118/2025 Art. 17.1(c) makes the counter copy every paper it keeps into electronic form
when it receives a dossier; the Decision 766/QĐ-TTg index counts documents digitised, reused
and results digitised. Files are named by their SHA-256 (store.files keeps them)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import datetime
from enum import StrEnum

from desk_app.core.model import Digitisation, DocumentLine

_SHA256 = re.compile(r"[0-9a-f]{64}")


class Stage(StrEnum):
    """When a file joined its dossier: at reception, as a supplement brought later, or as the
    dossier's result (kết quả giải quyết)."""

    RECEIVED = "received"
    SUPPLEMENT = "supplement"
    RESULT = "result"

    @property
    def label(self) -> str:
        return {"received": "Khi tiếp nhận", "supplement": "Hồ sơ bổ sung",
                "result": "Kết quả giải quyết"}[self.value]


class FileUse(StrEnum):
    """What someone did with a dossier's file, kept in its record of use: scans of ID cards and
    personal papers are sensitive personal data (Decree 356/2025/NĐ-CP), and printing one or
    saving a copy takes them out of the app, so those are recorded as well as viewing."""

    VIEW = "view"
    PRINT = "print"
    COPY = "copy"


def is_sha256(text: str) -> bool:
    return bool(_SHA256.fullmatch(text))


def line_problem(line: DocumentLine) -> str:
    """What is inconsistent in a line's digitisation ("" when nothing): a scanned or reused line
    names its file and page count, a reused one the dossier it came from, any other none."""
    if line.digitisation.has_file:
        if not is_sha256(line.file) or line.pages < 1:
            return f"«{line.name}»: {line.digitisation.label.lower()} nhưng chưa có tệp số hóa."
        if line.digitisation is Digitisation.REUSED and not line.reused_from:
            return f"«{line.name}»: tái sử dụng nhưng không rõ từ hồ sơ nào."
        return ""
    if line.file or line.pages or line.reused_from:
        return f"«{line.name}»: {line.digitisation.label.lower()} nhưng lại có tệp số hóa."
    return ""


def undigitised(line: DocumentLine) -> DocumentLine:
    """The line as brought, without its digitisation: what a dossier refused at the counter
    records (it was not received, the papers go back with the applicant, so no scan of them
    is kept with it or sent to the province)."""
    return replace(line, digitisation=Digitisation.PENDING, file="", pages=0, reused_from="")


def files_of(lines: Iterable[DocumentLine]) -> list[str]:
    """The files a dossier's lines name, each once, in line order: a received event's
    top-level "files" (the sync uploads exactly these)."""
    return list(dict.fromkeys(line.file for line in lines if line.file))


def state_text(line: DocumentLine) -> str:
    """A line's digitisation as the form, the detail and the reports write it."""
    if line.digitisation is Digitisation.SCANNED:
        return f"Đã quét {line.pages} trang"
    if line.digitisation is Digitisation.REUSED:
        return f"Tái sử dụng ({line.reused_from})" if line.reused_from else "Tái sử dụng"
    return line.digitisation.label


@dataclass(frozen=True)
class DigitisationTally:
    """Documents handed in or shown, by how they were digitised, and the dossiers received
    without complete digitisation (a handed-in document left PENDING)."""

    dossiers: int = 0
    scanned: int = 0
    reused: int = 0
    shown: int = 0
    exempt: int = 0
    pending: int = 0
    incomplete: int = 0  # dossiers with at least one pending document

    def __add__(self, other: DigitisationTally) -> DigitisationTally:
        return DigitisationTally(**{f.name: getattr(self, f.name) + getattr(other, f.name)
                        for f in fields(self)})

    @property
    def documents(self) -> int:
        return self.scanned + self.reused + self.shown + self.exempt + self.pending

    def text(self) -> str:
        """One dossier's or a day's tally in one line, for a ledger cell or a report row: the
        kinds it has, so a ledger line stays short."""
        parts = [("quét", self.scanned), ("tái sử dụng", self.reused),
                 ("xuất trình", self.shown), ("miễn", self.exempt),
                 ("chưa số hóa", self.pending)]
        return ", ".join(f"{what} {n}" for what, n in parts if n)


_TALLY_FIELD = {
    Digitisation.SCANNED: "scanned",
    Digitisation.REUSED: "reused",
    Digitisation.SHOWN: "shown",
    Digitisation.EXEMPT: "exempt",
    Digitisation.PENDING: "pending",
}


def dossier_tally(lines: Iterable[DocumentLine]) -> DigitisationTally:
    """One dossier's tally. A document neither handed in nor digitised another way (not
    provided, PENDING) is not counted: there was nothing to digitise."""
    counts = dict.fromkeys(_TALLY_FIELD.values(), 0)
    for line in lines:
        if line.provided or line.digitisation is not Digitisation.PENDING:
            counts[_TALLY_FIELD[line.digitisation]] += 1
    return DigitisationTally(dossiers=1, incomplete=int(counts["pending"] > 0), **counts)


def total(tallies: Iterable[DigitisationTally]) -> DigitisationTally:
    return sum(tallies, DigitisationTally())


@dataclass(frozen=True)
class DossierFile:
    """One version of one document's file in a dossier (store.files' `dossier_files`)."""

    document: str
    stage: Stage
    sha256: str
    version: int  # 1, 2, ... per document and stage: earlier versions are kept
    pages: int
    clerk: str
    at: datetime


@dataclass(frozen=True)
class Reusable:
    """An earlier digitised document of the same applicant that a new line may reuse: kept
    here, or `from_province`: held by the province for another counter of the commune, to be
    fetched before a line may name it."""

    sha256: str
    pages: int
    document: str
    dossier_code: str
    received_at: datetime
    from_province: bool = False


# Documents whose scan is a picture more than text: an ID card's photo and a portrait lose
# what identifies them in black-and-white (issue 16: greyscale for photos and ID cards).
_PICTURE_WORDS = ("căn cước", "cccd", "cmnd", "chứng minh nhân dân", "hộ chiếu", "ảnh")


def scan_mode(document: str) -> str:
    """The scan panel's first mode for a document line: "gray" for ID cards and photos,
    "bw" (the smallest file) for text pages. The clerk may change it in the panel."""
    name = document.casefold()
    return "gray" if any(word in name for word in _PICTURE_WORDS) else "bw"
