"""A demo commune with a few dozen realistic dossiers, so a newcomer sees a living app."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta

from desk_app.core.accounts import Account, Role
from desk_app.core.clock import VN_TZ
from desk_app.core.counter import CounterSetup
from desk_app.core.model import (
    Applicant,
    DeliveryMethod,
    DocumentLine,
    DossierDraft,
    Procedure,
    ResultDelivery,
    Sex,
)
from desk_app.services import accounts, setup
from desk_app.services.app import Services
from desk_app.services.demo_life import bring_to_life
from desk_app.store import accounts as account_store

DEMO_SETUP = CounterSetup(
    commune_name="UBND xã Tân Lập",
    unit_name="Trung tâm Phục vụ hành chính công xã Tân Lập",
    agency_code="000.17.22.H56",
    counter_number=1,
    place_name="Tân Lập",
)

# The demo's accounts (README lists them), all with the one documented password.
DEMO_PASSWORD = "motcua2026"
DEMO_ACCOUNTS = (
    ("quantri", "Hoàng Văn Nam", Role.ADMIN),
    ("lanhdao", "Phạm Minh Đức", Role.LEADER),
    ("lan.nt", "Nguyễn Thị Lan", Role.CLERK),
    ("hung.tv", "Trần Văn Hùng", Role.CLERK),
)
# The two clerks take the counter on alternate days and receive that day's dossiers.
DEMO_CLERKS = ("lan.nt", "hung.tv")

_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
           "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
_MIDDLE_M = ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Công"]
_MIDDLE_F = ["Thị", "Thu", "Ngọc", "Thanh", "Bích", "Mỹ"]
_GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Lộc", "Nghĩa", "Phúc",
            "Quang", "Sơn", "Thắng", "Tuấn", "Việt", "Ước"]
_GIVEN_F = ["Anh", "Ánh", "Châu", "Diệp", "Hằng", "Hương", "Lan", "Loan", "Mai", "Nga",
            "Nhung", "Oanh", "Phượng", "Thảo", "Trang", "Yến"]
_HAMLETS = ["thôn Đông", "thôn Đoài", "thôn Thượng", "thôn Hạ", "xóm Mới", "khu Đồng Lạc",
            "thôn Phú Hữu", "xóm Gò Đình"]
_REQUESTS = {
    "1.001193": "Đăng ký khai sinh cho con",
    "1.000656": "Đăng ký khai tử cho người thân",
    "1.000894": "Đăng ký kết hôn",
    "1.004222": "Đăng ký thường trú tại địa chỉ mới",
    "1.004194": "Đăng ký tạm trú",
    "2.000815": "Chứng thực bản sao giấy tờ",
    "2.000884": "Chứng thực chữ ký trên giấy ủy quyền",
    "2.000908": "Cấp bản sao trích lục khai sinh",
}
_PHONE_PREFIXES = ["091", "094", "098", "097", "086", "096", "083", "035", "038", "070"]


def demo_id_number(rng: random.Random, birth: date, sex: Sex) -> str:
    """A 12-digit number consistent with the birth year and sex (025 = Phú Thọ)."""
    century_digit = {19: 0, 20: 2}[birth.year // 100] + (1 if sex is Sex.FEMALE else 0)
    return f"025{century_digit}{birth.year % 100:02d}{rng.randrange(10**6):06d}"


def demo_applicant(rng: random.Random) -> Applicant:
    sex = rng.choice([Sex.MALE, Sex.FEMALE])
    middle, given = (_MIDDLE_M, _GIVEN_M) if sex is Sex.MALE else (_MIDDLE_F, _GIVEN_F)
    birth = date(rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28))
    return Applicant(
        name=f"{rng.choice(_FAMILY)} {rng.choice(middle)} {rng.choice(given)}",
        id_number=demo_id_number(rng, birth, sex),
        birth_date=birth,
        sex=sex,
        phone=rng.choice(_PHONE_PREFIXES) + f"{rng.randrange(10**7):07d}",
        address=f"Số {rng.randint(1, 120)}, {rng.choice(_HAMLETS)}, xã Tân Lập, tỉnh Phú Thọ",
    )


def demo_draft(rng: random.Random, procedure: Procedure) -> DossierDraft:
    applicant = demo_applicant(rng)
    by_post = rng.random() < 0.15
    return DossierDraft(
        procedure_code=procedure.code,
        applicant=applicant,
        request=_REQUESTS.get(procedure.code, procedure.name),
        documents=tuple(
            DocumentLine(
                name=doc.name, mandatory=doc.mandatory,
                provided=doc.mandatory or rng.random() < 0.3,
                originals=doc.originals, certified=doc.certified, copies=doc.copies,
            )
            for doc in procedure.documents
        ),
        delivery=ResultDelivery(
            DeliveryMethod.POST, applicant.name, applicant.phone, applicant.address
        ) if by_post else ResultDelivery(),
        fee=procedure.fee,
    )


def seed(
    services: Services, *, count: int = 36, days: int = 12, seed_value: int = 2026,
    living: bool = False,
) -> int:
    """Set up the demo counter and its accounts if needed and receive `count` dossiers over
    the last `days` working days (today included), at plausible counter hours, each by the
    demo clerk on duty that day. `living` then moves the older ones on through their lives
    (demo_life), so the board and the ledger look like a real counter's; without it every
    dossier is just received. Whoever was logged in before still is. Returns how many were
    made."""
    set_up_demo_counter(services)
    rng = random.Random(seed_value)
    now = services.now()
    with on_duty(services, now):
        procedures = ([p for p in services.procedures() if p.code in _REQUESTS]
                      or services.procedures())
        calendar = services.calendar()
    working_days: list[date] = []
    day = now.date()
    while len(working_days) < days + 1:
        if calendar.is_working_day(day):
            working_days.append(day)
        day -= timedelta(days=1)
    moments = []
    for _ in range(count):
        minute = rng.randrange(7 * 60 + 15, 16 * 60 + 45)
        if 11 * 60 + 30 <= minute < 13 * 60 + 30:
            minute += 2 * 60
        index = rng.randrange(len(working_days))
        moment = datetime.combine(working_days[index], time(minute // 60, minute % 60), VN_TZ)
        if moment > now:  # later today: make it the same hour on the previous working day
            moment = datetime.combine(working_days[index + 1], moment.time(), VN_TZ)
        moments.append(moment)
    received = []
    for moment in sorted(moments):
        draft = demo_draft(rng, rng.choice(procedures))
        with on_duty(services, moment):
            received.append(services.receive(draft, accept_warnings=True, received_at=moment))
    if living:
        with on_duty(services, now):  # planning reads the calendar
            bring_to_life(services, received, random.Random(seed_value + 1),
                          lambda moment: on_duty(services, moment))
    return count


def set_up_demo_counter(services: Services) -> None:
    """The demo commune's setup (unless the counter has one) and the demo accounts it lacks,
    in one transaction. Nobody is logged in by it: seeding is not a login."""
    ctx = services.ctx
    with ctx.lock, ctx.db.atomic():
        if ctx.counter_setup() is None:
            setup.store_setup(ctx, DEMO_SETUP)
        for username, full_name, role in DEMO_ACCOUNTS:
            if account_store.get(ctx.db, username) is None:
                accounts.add_account(ctx, "demo", username, full_name, role, DEMO_PASSWORD)


def log_in_to_demo(services: Services, username: str = "quantri") -> Account:
    """The demo counter (set up if needed) with one of its accounts logged in: for benchmarks
    and scripts that drive the services."""
    set_up_demo_counter(services)
    return services.login(username, DEMO_PASSWORD)


@contextmanager
def on_duty(services: Services, moment: datetime) -> Iterator[None]:
    """The services act as the demo clerk on duty on `moment`'s day, then return to whoever
    was logged in. The demo's history is written by its clerks as the real counter's would
    be, without typing their passwords (which would cost a slow hash for every switch)."""
    username = DEMO_CLERKS[moment.date().toordinal() % len(DEMO_CLERKS)]
    ctx = services.ctx
    with ctx.lock:
        before = ctx.account
        ctx.account = account_store.get(ctx.db, username)
        try:
            yield
        finally:
            ctx.account = before
