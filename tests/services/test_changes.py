"""Each use case announces what it changed once its transaction has committed, so the screens
reload from facts: nothing for a read, nothing for a refusal, the kinds it declared otherwise."""

import pytest

from desk_app.core.changes import ACCOUNTS, DOSSIERS, EVERYTHING, Changes
from desk_app.core.lifecycle import EventKind
from desk_app.services.errors import ValidationFailed
from tests.services.factories import full_draft


@pytest.fixture
def heard(services):
    heard: list[Changes] = []
    stop = services.on_change(heard.append)
    yield heard
    stop()


def test_a_receipt_announces_dossiers_after_its_commit(services, heard):
    seen_from_inside = []
    services.on_change(lambda _changes: seen_from_inside.append(
        services.db.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0]))
    services.receive(full_draft(services))
    assert heard == [DOSSIERS]
    assert seen_from_inside == [1]  # the listener reads what was committed


def test_reads_and_refusals_announce_nothing(services, heard):
    services.dossier_rows()
    services.board()
    with pytest.raises(ValidationFailed):
        services.refuse(services.receive(full_draft(services)).uuid, reason="")
    assert heard == [DOSSIERS]  # the receipt's, not the refusal's


def test_what_each_kind_of_use_case_changes(services, heard):
    dossier = services.receive(full_draft(services))
    services.hand_over([dossier.uuid], "Công an xã", "Trần Văn Bình")
    services.create_account("binh.tv", "Trần Thanh Bình", "clerk", "Mat-khau-2026")
    assert heard == [DOSSIERS, DOSSIERS, ACCOUNTS]
    assert services.history(dossier.uuid)[-1].kind == EventKind.HANDED_OVER


def test_a_restore_changes_everything(services, heard):
    made = services.back_up_now()
    services.restore(made)
    assert heard[-1] == EVERYTHING


def test_a_listener_that_fails_does_not_undo_the_use_case(services, heard):
    def broken(_changes):
        raise RuntimeError("a window already closed")

    services.on_change(broken)
    dossier = services.receive(full_draft(services))
    assert services.dossier(dossier.uuid).code == dossier.code
    assert heard == [DOSSIERS]


def test_changes_combine_and_say_what_they_touch():
    both = DOSSIERS | ACCOUNTS
    assert both.touches("accounts") and both.touches("dossiers")
    assert not both.touches("calendar")
    assert EVERYTHING.touches("calendar")
    assert not Changes()


def test_work_left_for_after_the_commit_runs_only_when_the_use_case_commits(services):
    """How a receipt removes the scan without the dossier code: after its commit, never when
    the receipt is undone (the draft still names that file)."""
    from desk_app.core.accounts import Permission
    from desk_app.services.context import use_case

    ran: list[int] = []

    @use_case(Permission.RECEIVE)
    def leave(ctx, fail: bool) -> None:
        ctx.after_commit(lambda: ran.append(
            ctx.db.execute("SELECT COUNT(*) FROM dossiers").fetchone()[0]))
        services.receive(full_draft(services))  # a use case inside: one transaction
        if fail:
            raise ValidationFailed([])

    with pytest.raises(ValidationFailed):
        leave(services.ctx, True)
    assert ran == [] and services.dossier_rows() == []
    leave(services.ctx, False)
    assert ran == [1]  # once, after the commit, seeing what was committed
