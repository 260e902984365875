"""core.digitisation: what a line's state must carry, the files a dossier names, the counts."""

import pytest

from desk_app.core.digitisation import dossier_tally, files_of, line_problem, total, undigitised
from desk_app.core.model import Digitisation as D
from desk_app.core.model import DocumentLine

SHA = "ab" * 32


@pytest.mark.parametrize(("line", "problem"), [
    (DocumentLine("Tờ khai", digitisation=D.SCANNED, file=SHA, pages=2), ""),
    (DocumentLine("Tờ khai", digitisation=D.SCANNED), "chưa có tệp số hóa"),
    (DocumentLine("Tờ khai", digitisation=D.SCANNED, file="ab", pages=1), "chưa có tệp số hóa"),
    (DocumentLine("Tờ khai", digitisation=D.SCANNED, file=SHA.upper(), pages=1),
     "chưa có tệp số hóa"),
    (DocumentLine("Tờ khai", digitisation=D.REUSED, file=SHA, pages=1), "không rõ từ hồ sơ nào"),
    (DocumentLine("Tờ khai", digitisation=D.REUSED, file=SHA, pages=1, reused_from="X-1"), ""),
    (DocumentLine("Tờ khai", digitisation=D.SHOWN), ""),
    (DocumentLine("Tờ khai", digitisation=D.SHOWN, file=SHA, pages=1), "lại có tệp số hóa"),
    (DocumentLine("Tờ khai", pages=3), "lại có tệp số hóa"),
])
def test_a_line_carries_a_file_exactly_when_its_state_needs_one(line, problem):
    found = line_problem(line)
    assert (problem in found and bool(found)) if problem else found == ""


def test_the_files_a_dossier_names_each_once_in_line_order():
    other = "cd" * 32
    lines = [DocumentLine("a", digitisation=D.SCANNED, file=other, pages=1),
             DocumentLine("b"),
             DocumentLine("c", digitisation=D.REUSED, file=SHA, pages=1, reused_from="X"),
             DocumentLine("d", digitisation=D.SCANNED, file=other, pages=1)]
    assert files_of(lines) == [other, SHA]


def test_a_dossier_s_tally_counts_what_was_handed_in_or_digitised_another_way():
    lines = [DocumentLine("a", provided=True, digitisation=D.SCANNED, file=SHA, pages=1),
             DocumentLine("b", provided=True),  # handed in, not digitised
             DocumentLine("c"),  # neither handed in nor digitised: nothing to count
             DocumentLine("d", digitisation=D.SHOWN),  # shown in VNeID, not handed in
             DocumentLine("e", provided=True, digitisation=D.EXEMPT)]
    tally = dossier_tally(lines)
    assert (tally.dossiers, tally.scanned, tally.shown, tally.exempt, tally.pending,
            tally.incomplete, tally.documents) == (1, 1, 1, 1, 1, 1, 4)
    assert tally.text() == "quét 1, xuất trình 1, miễn 1, chưa số hóa 1"
    complete = dossier_tally(lines[:1])
    assert complete.incomplete == 0 and complete.text() == "quét 1"
    both = total([tally, complete])
    assert (both.dossiers, both.scanned, both.incomplete) == (2, 2, 1)
    assert total([]).text() == ""


def test_a_line_without_its_digitisation_keeps_what_was_brought():
    line = DocumentLine("a", True, True, 1, 0, 2, D.REUSED, SHA, 3, "X-1")
    assert undigitised(line) == DocumentLine("a", True, True, 1, 0, 2)
