"""The Decision 766 scorecard of a month, a quarter or a year, per commune and for the province,
read from the monthly sums (tables.scorecard_months, kept by sync.server.scorecard) and, for
the dossiers still open past their due time, from the dossier view (index dossiers_status_due).
How each figure is computed and which criterion it serves: README, "The scorecard".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Engine, func, select

from desk_app.core.listing import OVERDUE_STATES
from sync.server.database import reading
from sync.server.scorecard import COUNTS
from sync.server.tables import communes, dossiers, scorecard_months
from sync.server.web.views import vn_stamp

MONTH, QUARTER, YEAR = "thang", "quy", "nam"
KINDS = {MONTH: "Tháng", QUARTER: "Quý", YEAR: "Năm"}
_OVERDUE_CODES = sorted(int(s) for s in OVERDUE_STATES)


@dataclass(frozen=True)
class Period:
    kind: str  # MONTH, QUARTER or YEAR
    year: int
    number: int  # the month (1–12) or quarter (1–4); 1 for a year

    @property
    def month_numbers(self) -> range:
        if self.kind == MONTH:
            return range(self.number, self.number + 1)
        if self.kind == QUARTER:
            return range(3 * self.number - 2, 3 * self.number + 1)
        return range(1, 13)

    @property
    def months(self) -> list[str]:
        return [f"{self.year:04d}-{m:02d}" for m in self.month_numbers]

    @property
    def label(self) -> str:
        if self.kind == YEAR:
            return f"Năm {self.year}"
        return f"{KINDS[self.kind]} {self.number}/{self.year}"

    @property
    def query(self) -> str:
        return f"ky={self.kind}&nam={self.year}&so={self.number}"


def period(kind: str, year: str, number: str, today: date) -> Period:
    """The period a query string asks for; anything unknown falls back to this month."""
    if kind not in KINDS or not year.isdigit() or not 2000 <= int(year) <= 2100:
        return Period(MONTH, today.year, today.month)
    top = {MONTH: 12, QUARTER: 4, YEAR: 1}[kind]
    n = int(number) if number.isdigit() and 1 <= int(number) <= top else 1
    return Period(kind, int(year), n)


@dataclass
class Figures:
    """The sums of one commune or of the province over some months, and the rates from them
    (None where there is nothing to divide by, or no data)."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    overdue_open: int = 0

    def add(self, other: Figures) -> None:
        for name in COUNTS:
            self.counts[name] += other.counts[name]
        self.overdue_open += other.overdue_open

    @staticmethod
    def _rate(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def judged(self) -> int:
        """Dossiers with a verdict on time: finished, or still open past their due time."""
        return self.counts["finished"] + self.overdue_open

    @property
    def on_time_rate(self) -> float | None:
        return self._rate(self.counts["finished_on_time"], self.judged)

    @property
    def to_digitise(self) -> int:
        """Documents with digitisation data that were to be digitised (not only shown, not
        exempt)."""
        c = self.counts
        return c["documents_with_data"] - c["documents_shown"] - c["documents_exempt"]

    @property
    def digitisation_rate(self) -> float | None:
        c = self.counts
        return self._rate(c["documents_scanned"] + c["documents_reused"], self.to_digitise)

    @property
    def reuse_rate(self) -> float | None:
        return self._rate(self.counts["documents_reused"], self.to_digitise)

    @property
    def satisfaction_rate(self) -> float | None:
        return self._rate(self.counts["satisfied"], self.counts["rated"])

    def channel_share(self, name: str) -> float | None:
        return self._rate(self.counts[name], self.counts["received"])


@dataclass(frozen=True)
class Line:
    commune_id: int | None  # None: the province
    name: str
    figures: Figures


@dataclass(frozen=True)
class Scorecard:
    period: Period
    communes: list[Line]
    total: Line | None  # the province's figures (province staff only)
    by_month: list[tuple[str, Figures]]  # the year's months, for the scope shown


def scorecard(engine: Engine, chosen: Period, now: datetime,
              commune_ids: list[int] | None = None) -> Scorecard:
    """The period's figures per commune (`commune_ids`: only those; None: every commune and
    the province), and the figures of each month of its year for the same scope. The database
    adds the monthly rows up (per commune over the period, per month over the year's
    communes): at 100 communes, building a year's 1,200 rows in Python took most of the time."""
    year = Period(YEAR, chosen.year, 1).months
    s = scorecard_months.c
    summed = [func.sum(s[name]) for name in COUNTS]
    per_commune = (select(s.commune_id, *summed)
                   .where(s.month >= chosen.months[0], s.month <= chosen.months[-1])
                   .group_by(s.commune_id))
    per_month = (select(s.month, *summed).where(s.month >= year[0], s.month <= year[-1])
                 .group_by(s.month))
    d = dossiers.c
    overdue_month = func.substr(d.due_at, 1, 7)
    overdue = (select(d.commune_id, overdue_month, func.count())
               .where(d.status.in_(_OVERDUE_CODES), d.due_at < vn_stamp(now),
                      d.due_at >= f"{year[0]}-01", d.due_at < f"{chosen.year + 1:04d}-01")
               .group_by(d.commune_id, overdue_month))
    listed = select(communes.c.id, communes.c.name).order_by(communes.c.name, communes.c.id)
    if commune_ids is not None:
        per_commune = per_commune.where(s.commune_id.in_(commune_ids))
        per_month = per_month.where(s.commune_id.in_(commune_ids))
        overdue = overdue.where(d.commune_id.in_(commune_ids))
        listed = listed.where(communes.c.id.in_(commune_ids))
    with reading(engine) as connection:
        names = connection.execute(listed).all()
        figures = {key: Figures(dict(zip(COUNTS, map(int, sums), strict=True)))
                   for key, *sums in connection.execute(per_commune)}
        by_month = {month: Figures() for month in year}
        for month, *sums in connection.execute(per_month):
            by_month[month] = Figures(dict(zip(COUNTS, map(int, sums), strict=True)))
        in_period = set(chosen.months)
        for commune_id, month, count in connection.execute(overdue):
            by_month[month].overdue_open += count
            if month in in_period:
                figures.setdefault(commune_id, Figures()).overdue_open += count
    lines = [Line(commune_id, name, figures.get(commune_id, Figures()))
             for commune_id, name in names]
    total = Figures()
    for line in lines:
        total.add(line.figures)
    return Scorecard(chosen, lines,
                     Line(None, "Toàn tỉnh", total) if commune_ids is None else None,
                     list(by_month.items()))


def percent(rate: float | None) -> str:
    """A rate as the pages write it: 87,5 %; no data: «chưa có dữ liệu»."""
    if rate is None:
        return NO_DATA
    # A no-break space: a narrow column never leaves the % alone on a line.
    return f"{rate * 100:.1f}".replace(".", ",") + "\u00a0%"


NO_DATA = "chưa có dữ liệu"


@dataclass(frozen=True)
class Column:
    key: str  # the cell's id on the page, the test's handle
    head: str
    value: object  # Figures -> int | float | None
    is_rate: bool = False


def _count(name: str):
    return lambda figures: figures.counts[name]


# The scorecard's columns, in the order of the page and of the Excel sheet.
COLUMNS = (
    Column("received", "Tiếp nhận", _count("received")),
    Column("counter", "Trực tiếp", lambda f: f.channel_share("channel_counter"), True),
    Column("online", "Trực tuyến", lambda f: f.channel_share("channel_online"), True),
    Column("post", "Bưu chính", lambda f: f.channel_share("channel_post"), True),
    Column("finished", "Đã giải quyết", _count("finished")),
    Column("finished_on_time", "Trong đó đúng, trước hạn", _count("finished_on_time")),
    Column("overdue_open", "Quá hạn chưa giải quyết", lambda f: f.overdue_open),
    Column("on_time", "Tỷ lệ đúng hạn", lambda f: f.on_time_rate, True),
    Column("returned", "Đã trả kết quả", _count("returned")),
    Column("rated", "Được đánh giá", _count("rated")),
    Column("satisfaction", "Tỷ lệ hài lòng", lambda f: f.satisfaction_rate, True),
    Column("digitisation", "Tỷ lệ số hóa", lambda f: f.digitisation_rate, True),
    Column("reuse", "Tỷ lệ tái sử dụng", lambda f: f.reuse_rate, True),
    Column("results_digitised", "Kết quả được số hóa", _count("results_digitised")),
    Column("refused", "Từ chối", _count("refused")),
    Column("supplements", "Yêu cầu bổ sung", _count("supplements")),
)


def shown(column: Column, figures: Figures) -> str:
    value = column.value(figures)
    return percent(value) if column.is_rate else str(value)
