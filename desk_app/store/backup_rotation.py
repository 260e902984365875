"""Which backups to keep: generations like a grandfather-father-son tape rotation.

The 6 newest backups (a working day of backups every 4 hours, so this morning's stays when the
afternoon's is made), the newest of each of the last 7 days that have backups, of the last 4
ISO weeks and of the last 12 months (counted over days that have backups, as restic does, so a PC left off for a
month still keeps a week of history), plus every backup taken before a migration or a restore
for 30 days: those are the ones to go back to if an update or a restore went wrong.

Every backup is a full copy, so at a million dossiers (5.6 GB) those generations would fill an
old PC's disk (about 160 GB). A disk budget caps the kept set: over it, the oldest generations go
first, but never the newest copy nor a pre-migration copy (bench/README.md, "Backups at scale").
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import datetime, timedelta

from desk_app.core.backups import BackupInfo, BackupKind
from desk_app.store.backup import newest_first

LAST, DAILY, WEEKLY, MONTHLY = 6, 7, 4, 12
SAFETY_DAYS = 30


def _newest_per(backups: list[BackupInfo], period: Callable[[datetime], Hashable],
                count: int) -> set:
    kept, seen = set(), set()
    for info in newest_first(backups):
        key = period(info.made_at)
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.add(key)
        kept.add(info.path)
    return kept


def to_keep(backups: list[BackupInfo], now: datetime) -> set:
    """The paths of the backups to keep out of `backups`."""
    kept = {info.path for info in newest_first(backups)[:LAST]}
    kept |= _newest_per(backups, lambda t: t.date(), DAILY)
    kept |= _newest_per(backups, lambda t: t.isocalendar()[:2], WEEKLY)
    kept |= _newest_per(backups, lambda t: (t.year, t.month), MONTHLY)
    kept |= {
        b.path for b in backups
        if b.kind in (BackupKind.PRE_MIGRATION, BackupKind.PRE_RESTORE) and now - b.made_at < timedelta(SAFETY_DAYS)
    }
    return kept


def within_budget(backups: list[BackupInfo], keep: set, budget: int, *,
                  keep_newest: bool = True) -> set:
    """The paths of `keep` that fit in `budget` bytes, dropping the oldest first; the newest
    backup (unless a newer one is about to be added: `keep_newest` false) and the
    pre-migration copies stay even over the budget (the first is the one a restore needs, the
    others the way back from an update)."""
    if not backups:
        return set(keep)
    ordered = newest_first([b for b in backups if b.path in keep])
    protected = {b.path for b in ordered if b.kind == BackupKind.PRE_MIGRATION}
    if keep_newest:
        protected.add(newest_first(backups)[0].path)
    used = sum(b.size for b in ordered)
    kept = set(keep)
    for info in reversed(ordered):
        if used <= budget:
            break
        if info.path not in protected:
            kept.discard(info.path)
            used -= info.size
    return kept
