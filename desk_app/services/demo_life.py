"""What happens to the demo dossiers after their receipt, so the demo counter looks lived in:
hand-overs, results (mostly in time, a few late), returns with the citizens' satisfaction, a
few supplements, a refusal and an apology.

Every action is planned first, with its time, then done in time order through the ordinary use
cases, so the demo's history is one the real counter could have written. Nothing is planned
after `now`: today's dossiers are still at the counter.
"""

from __future__ import annotations

import functools
import random
from collections import defaultdict
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from desk_app.core.clock import VN_TZ
from desk_app.core.lifecycle import ResultReturn, Satisfaction
from desk_app.core.model import DeliveryMethod, Dossier, TimeUnit

if TYPE_CHECKING:
    from desk_app.services.app import Services

CIVIL_STATUS_UNIT = "Công chức Tư pháp - Hộ tịch"
POLICE_UNIT = "Công an xã"
UNIT_OFFICERS = {CIVIL_STATUS_UNIT: "Lê Văn Hùng", POLICE_UNIT: "Phạm Văn Công"}
ON_DESK = 2
BATCH_TIME = time(16, 45)  # the police collect the day's residence dossiers before closing
SATISFACTION_WEIGHTS = {
    Satisfaction.VERY_SATISFIED: 6, Satisfaction.SATISFIED: 3, Satisfaction.DISSATISFIED: 1,
}


@dataclass
class _Plan:
    services: Services
    rng: random.Random
    now: datetime
    on_duty: Callable[[datetime], AbstractContextManager]  # the clerk at the counter then
    steps: list[tuple[datetime, int, Callable[[], object]]] = field(default_factory=list)

    def at(self, moment: datetime, action: Callable, *args, **kwargs) -> bool:
        """Plan `action(*args, **kwargs)` at `moment` unless that is still to come; says
        whether it was planned."""
        if moment > self.now:
            return False
        self.steps.append((moment, len(self.steps), functools.partial(action, *args, **kwargs)))
        return True

    def after(self, moment: datetime, hours: float) -> datetime:
        return self.services.calendar().add_working_time(moment, timedelta(hours=hours))

    def run(self) -> None:
        for moment, _, action in sorted(self.steps, key=lambda step: step[:2]):
            with self.on_duty(moment):
                action()

    # The dossier's usual life

    def settle_at_counter(self, dossier: Dossier, start: datetime) -> None:
        """A certification: done while the applicant waits, or nearly."""
        s = self.services
        done = self.after(start, self.rng.uniform(0.2, 0.6))
        unit = s.required_setup().unit_name
        if self.at(done, s.record_result_ready, dossier.uuid, unit, "", at=done):
            self.give_back(dossier, self.after(done, self.rng.uniform(0.1, 0.5)))

    def through_unit(self, dossier: Dossier, unit: str, done: datetime) -> None:
        s = self.services
        officer = UNIT_OFFICERS[unit]
        if self.at(done, s.record_result_ready, dossier.uuid, unit, officer, at=done):
            self.give_back(dossier, self.after(done, self.rng.uniform(0.5, 12)))

    def give_back(self, dossier: Dossier, moment: datetime) -> None:
        # One citizen in eight comes days later, or not yet: the result waits at the counter.
        if self.rng.random() < 0.125:
            return
        satisfaction = self.rng.choices(
            list(SATISFACTION_WEIGHTS), weights=list(SATISFACTION_WEIGHTS.values())
        )[0]
        delivery = dossier.draft.delivery
        by_post = delivery.method is DeliveryMethod.POST
        ret = ResultReturn(
            at=moment,
            collector_name="Bưu điện xã Tân Lập" if by_post else dossier.applicant.name,
            by_post=by_post,
            tracking_number=f"EB{self.rng.randrange(10**9):09d}VN" if by_post else "",
            satisfaction=None if by_post else satisfaction,
        )
        self.at(moment, self.services.return_result, dossier.uuid, ret)


def bring_to_life(
    services: Services, received: list[Dossier], rng: random.Random,
    on_duty: Callable[[datetime], AbstractContextManager],
) -> None:
    """`on_duty(moment)`: a context in which the services act as the clerk at the counter at
    `moment`, who records what happens then."""
    now = services.now()
    plan = _Plan(services, rng, now, on_duty)
    # Today's dossiers, and the last ones received before, still lie on the clerk's desk.
    on_desk = received[-ON_DESK:]
    past = [d for d in received if d.received_at.date() < now.date() and d not in on_desk]
    # The demo's procedures that take days are the residence ones, which go to the police.
    residence = [d for d in past if d.processing_time.unit is TimeUnit.WORKING_DAYS]
    same_day = [d for d in past if d not in residence]
    special = _specials(plan, same_day, residence)

    batches: dict[datetime, list[Dossier]] = defaultdict(list)
    for dossier in residence:
        if dossier.uuid not in special:
            batches[datetime.combine(dossier.received_at.date(), BATCH_TIME, VN_TZ)].append(dossier)
    for moment, batch in batches.items():
        _hand_over(plan, batch, POLICE_UNIT, moment)
        for dossier in batch:
            plan.through_unit(dossier, POLICE_UNIT, _result_time(plan, dossier, moment))
    for dossier in same_day:
        if dossier.uuid in special:
            continue
        if dossier.procedure_name.startswith("Chứng thực"):
            plan.settle_at_counter(dossier, dossier.received_at)
        else:
            handed = plan.after(dossier.received_at, 0.25)
            _hand_over(plan, [dossier], CIVIL_STATUS_UNIT, handed)
            plan.through_unit(dossier, CIVIL_STATUS_UNIT, plan.after(handed, rng.uniform(1, 3)))
    plan.run()


def _hand_over(plan: _Plan, batch: list[Dossier], unit: str, moment: datetime) -> None:
    uuids = [d.uuid for d in batch]
    plan.at(moment, plan.services.hand_over, uuids, unit, UNIT_OFFICERS[unit], at=moment)


def _result_time(plan: _Plan, dossier: Dossier, handed: datetime) -> datetime:
    """Most results come back comfortably in time; one in seven a few hours late."""
    if plan.rng.random() < 1 / 7:
        return plan.after(dossier.due_at, plan.rng.uniform(1, 6))
    span = plan.services.calendar().working_time_between(handed, dossier.due_at)
    return plan.after(handed, span.total_seconds() / 3600 * plan.rng.uniform(0.4, 0.95))


def _specials(plan: _Plan, same_day: list[Dossier], residence: list[Dossier]) -> set[str]:
    """Plan the dossiers whose life is not the usual one; returns their uuids."""
    s, special = plan.services, set()
    if len(same_day) >= 3:  # found incomplete at the counter; the applicant is yet to return
        waiting = same_day[-1]
        asked = plan.after(waiting.received_at, 0.1)
        plan.at(
            asked, s.request_supplement, waiting.uuid, ["Bản sao giấy tờ chứng minh nhân thân"],
            "Hồ sơ thiếu thành phần theo quy định", "", at=asked,
        )
        special.add(waiting.uuid)
    if len(same_day) >= 2:
        refused, completed = same_day[0], same_day[1]
        moment = plan.after(refused.received_at, 0.2)
        plan.at(
            moment, s.refuse, refused.uuid,
            "Yêu cầu không thuộc thẩm quyền giải quyết của UBND xã", at=moment,
        )
        asked = plan.after(completed.received_at, 0.1)
        back = plan.after(asked, 6)
        plan.at(
            asked, s.request_supplement, completed.uuid, ["Bản chính giấy tờ để đối chiếu"],
            "Chưa mang bản chính để đối chiếu", "", at=asked,
        )
        if plan.at(back, s.receive_supplement, completed.uuid, "Đã mang bản chính", at=back):
            plan.settle_at_counter(completed, back)
        special.update({refused.uuid, completed.uuid})
    if len(residence) >= 2:
        # The oldest residence dossiers: the police want one more document for one, and need
        # more time for the other.
        asked_back, late = residence[0], residence[1]
        officer = UNIT_OFFICERS[POLICE_UNIT]
        handed = datetime.combine(asked_back.received_at.date(), BATCH_TIME, VN_TZ)
        _hand_over(plan, [asked_back], POLICE_UNIT, handed)
        asked = plan.after(handed, 4)
        plan.at(
            asked, s.request_supplement, asked_back.uuid, ["Giấy xác nhận thông tin về cư trú"],
            "Thông tin nơi ở chưa khớp với Cơ sở dữ liệu quốc gia về dân cư",
            f"{officer}, {POLICE_UNIT}", giver_name=officer, at=asked,
        )
        handed = datetime.combine(late.received_at.date(), BATCH_TIME, VN_TZ)
        _hand_over(plan, [late], POLICE_UNIT, handed)
        # On the morning of the due day, the unit says it cannot make it.
        sorry = max(datetime.combine(late.due_at.date(), time(7, 30), VN_TZ),
                    plan.after(handed, 0.5))
        plan.at(
            sorry, s.apologise, late.uuid,
            f"{POLICE_UNIT} cần thêm thời gian xác minh nơi cư trú", extra_working_days=2,
            at=sorry,
        )
        special.update({asked_back.uuid, late.uuid})
    return special
