"""What a use case changed, so the screens refresh from facts instead of guesses.

In the spirit of Anki's `OpChanges`: each use case says which kinds of data it may write; after
its transaction commits, the services announce them to whoever listens (the main window, the
board, an open dialog), and each listener reloads only what it shows of those kinds.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    dossiers: bool = False  # a dossier, its events, slips or documents
    accounts: bool = False  # who may log in, with which role (the session too)
    settings: bool = False  # the typed options, the counter's set-up, processing units
    catalogue: bool = False  # procedures and their versions
    calendar: bool = False  # days off and swapped days, working hours
    data: bool = False  # the whole database was replaced (a restore): everything

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name)
                          for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def touches(self, *kinds: str) -> bool:
        """True when anything of `kinds` (field names) changed, or the whole database did."""
        return self.data or any(getattr(self, kind) for kind in kinds)


NOTHING = Changes()
DOSSIERS = Changes(dossiers=True)
ACCOUNTS = Changes(accounts=True)
SETTINGS = Changes(settings=True)
CATALOGUE = Changes(catalogue=True)
CALENDAR = Changes(calendar=True)
EVERYTHING = Changes(data=True)
