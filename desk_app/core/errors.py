"""The store's failures, as the types the rest of the program catches.

They live in core, not in store, because the UI catches them (a damaged or read-only database
must stop the app cleanly) and the UI imports nothing from the store; an exception type holds
no SQL, so core stays pure. Re-raising them through services.errors instead would give the
same failure two names. The store makes them (store.errors.explain reads sqlite3's errors).
"""

from __future__ import annotations


class StoreError(Exception):
    """The data could not be read or written; the message (Vietnamese) says what to do."""


class DatabaseCorrupt(StoreError):
    pass


class DatabaseReadOnly(StoreError):
    pass
