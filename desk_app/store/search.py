"""Finding dossiers as the clerk types: the full-text index and its ranked queries.

The index (`dossier_search`, made by migration 4 in store.migrations) is an FTS5 table with the `unicode61
remove_diacritics 2` tokenizer, so case and every Vietnamese tone and vowel mark (even the
double-marked ộ, ệ, ế) fold away inside SQLite. The one letter it cannot fold is đ/Đ (a letter of
its own, not a d with a mark), so the triggers that keep the index in step with `dossiers` turn
it into d, as `core.text.fold` does for the query. The index holds no copy of the text
(contentless): its rowid is the dossier's.

A query is split into words; each word becomes a phrase of its tokens with the last one a
prefix, so "ngu th" finds "Nguyễn Thị" and "261120-1003" finds that code. The index keeps
every word's first one to six letters as terms of their own (migration 12), so each keystroke
reads one list of the index, only as far as its page, rather than merge every word it begins. Results come in
tiers, each newest first (by rowid, the order dossiers were recorded): a whole code, ID number
or phone (or a code's last digits) equal to the query, then those fields starting with it, then
applicant names, then addresses and procedures.
"""

from __future__ import annotations

import re

from desk_app.core.text import fold

TABLE = "dossier_search"

# unicode61 keeps letters and digits together and splits on everything else.
_TOKEN = re.compile(r"[^\W_]+")
_GROUP_SEPARATORS = re.compile(r"[\s.\-]+")


def _phrases(text: str, *, prefix: bool) -> list[str]:
    star = "*" if prefix else ""
    phrases = []
    for word in fold(text).split():
        tokens = _TOKEN.findall(word)
        if tokens:
            phrases.append(f'"{" ".join(tokens)}"{star}')
    return phrases


def tiers(text: str) -> list[str]:
    """The FTS5 match expressions for `text`, best tier first; none for a blank query."""
    exact, prefixed = _phrases(text, prefix=False), _phrases(text, prefix=True)
    if not prefixed:
        return []
    every = " AND ".join(prefixed)
    by_name = ["name : (" + every + ")", every]
    if not any(ch.isdigit() for ch in text):
        # Codes, ID numbers and phones all have digits: a query without any cannot be one,
        # and asking would cost a pass over every dossier's name tokens for nothing.
        return by_name
    # A phone or ID number typed in groups ("0912 345 678", "0912.345.678") is one token in
    # the index: its digits together come first.
    grouped = _GROUP_SEPARATORS.sub("", text)
    whole = [f'ids : "{grouped}"*'] if grouped.isdigit() and len(exact) > 1 else []
    return [*whole, "ids : (" + " AND ".join(exact) + ")", "ids : (" + every + ")", *by_name]


