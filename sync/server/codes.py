"""Which dossier codes a commune may issue: `<agency code>-<YYMMDD>-<counter><sequence>`
(docs/domain.md, "Dossier codes") under one of its own agency codes.

A commune keeps every agency code it ever had (a merger gives it a new one from a day on,
`province-hub commune set-code`): codes already issued keep theirs, and a counter that has not
pulled the new code yet goes on issuing the old one, so an older code stays good after the new
one's day. A new code is good only from its day: no counter uses it earlier.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from sqlalchemy import Connection, insert, select

from sync.server.tables import commune_codes

_CODE = re.compile(r"^(?P<agency>[^-]+)-(?P<day>[0-9]{6})-[1-9](?:[0-9]{3}|[1-9][0-9]{3,})$")


def record(connection: Connection, commune_id: int, agency_code: str,
           since: date | None) -> None:
    """The commune uses `agency_code` from `since` on (None: from its start)."""
    connection.execute(insert(commune_codes).values(
        commune_id=commune_id, code=agency_code, since=since.isoformat() if since else None))


def owner(connection: Connection, agency_code: str) -> int | None:
    """The commune that has (or had) this agency code."""
    return connection.execute(select(commune_codes.c.commune_id)
                              .where(commune_codes.c.code == agency_code)).scalar()


class CommuneCodes:
    """A commune's agency codes, read once for a batch of events."""

    def __init__(self, connection: Connection, commune_id: int):
        self._since = {
            row.code: row.since for row in connection.execute(
                select(commune_codes.c.code, commune_codes.c.since)
                .where(commune_codes.c.commune_id == commune_id))
        }

    def refusal(self, code: str) -> str | None:
        """Why this commune may not issue the dossier code `code`, or None when it may."""
        match = _CODE.match(code)
        try:
            day = datetime.strptime(match["day"], "%y%m%d").date() if match else None
        except ValueError:
            day = None
        if match is None or day is None:
            return f"forbidden: {code!r} is not a dossier code (AGENCY-YYMMDD-NNNN)"
        agency = match["agency"]
        if agency not in self._since:
            return (f"forbidden: dossier code {code} carries agency code {agency}, which is not "
                    f"this commune's ({', '.join(sorted(self._since))})")
        since = self._since[agency]
        if since is not None and day.isoformat() < since:
            return (f"forbidden: dossier code {code} uses agency code {agency} before its first "
                    f"day {since}")
        return None


def history(connection: Connection, commune_id: int) -> list[tuple[str, str | None]]:
    """The commune's agency codes with the day each took effect (None: from its start)."""
    return connection.execute(
        select(commune_codes.c.code, commune_codes.c.since)
        .where(commune_codes.c.commune_id == commune_id)
        .order_by(commune_codes.c.since.is_not(None), commune_codes.c.since)).all()
