"""The counter's identity, set once at first run: who issues codes and slips from this PC."""

from __future__ import annotations

from dataclasses import dataclass

from desk_app.core.codes import agency_code_error
from desk_app.core.model import Office
from desk_app.core.text import clean
from desk_app.core.validation import Issue, Severity, phone_error


@dataclass(frozen=True)
class CounterSetup:
    commune_name: str  # "UBND xã Tân Lập"
    unit_name: str  # "Trung tâm Phục vụ hành chính công xã"
    agency_code: str  # "000.17.22.H56"
    counter_number: int  # 1–9, the first digit of every code this PC issues
    place_name: str  # "Tân Lập", as in "Tân Lập, ngày … tháng … năm …"
    phone: str = ""  # the office's phone, printed on the slips; optional

    def cleaned(self) -> CounterSetup:
        return CounterSetup(
            commune_name=clean(self.commune_name),
            unit_name=clean(self.unit_name),
            agency_code=clean(self.agency_code).upper(),
            counter_number=self.counter_number,
            place_name=clean(self.place_name),
            phone=clean(self.phone),
        )

    @property
    def office(self) -> Office:
        return Office(self.commune_name, self.unit_name, self.place_name, self.phone)


def setup_issues(setup: CounterSetup) -> list[Issue]:
    issues = []

    def error(field: str, message: str) -> None:
        issues.append(Issue(field, message, Severity.ERROR))

    if not setup.commune_name:
        error("commune_name", "Nhập tên xã, phường (ví dụ: UBND xã Tân Lập).")
    if not setup.unit_name:
        error("unit_name", "Nhập tên bộ phận tiếp nhận.")
    message = agency_code_error(setup.agency_code)
    if message:
        error("agency_code", message)
    if not 1 <= setup.counter_number <= 9:
        error("counter_number", "Số quầy phải từ 1 đến 9.")
    if not setup.place_name:
        error("place_name", "Nhập địa danh ghi trên phiếu (ví dụ: Tân Lập).")
    if problem := phone_error(setup.phone):
        error("phone", problem)
    return issues
