"""What the processing control slip's header names, worked out from its rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desk_app.core.lifecycle import ControlRow, ProcessingUnit
from desk_app.core.text import fold


@dataclass(frozen=True)
class ControlHeader:
    """Circular 03/2025's form 06 heads the slip with the agency (or unit) that decides the
    dossier and the agencies that take part (one-stop inter-agency, liên thông)."""

    deciding: tuple[str, ...]
    coordinating: tuple[str, ...]


def control_header(
    rows: Sequence[ControlRow], counter_unit: str, units: Iterable[ProcessingUnit] = ()
) -> ControlHeader:
    """The units the dossier was handed to, in the order of the hand-overs, each once: those
    the counter's list marks inter-agency are the coordinating ones, the others decide. A hand-
    over back to the counter names no one; a unit not in the list (renamed, or one the province
    sent it on to) is taken to decide."""
    inter_agency = {fold(unit.name) for unit in units if unit.inter_agency}
    seen: set[str] = {fold(counter_unit)}
    deciding: list[str] = []
    coordinating: list[str] = []
    for row in rows:
        key = fold(row.receiver_unit)
        if not key or key in seen:
            continue
        seen.add(key)
        (coordinating if key in inter_agency else deciding).append(row.receiver_unit)
    return ControlHeader(tuple(deciding), tuple(coordinating))
