"""The processing units the counter hands dossiers to: a list the admin keeps in the settings,
with the commune's usual ones until then."""

from __future__ import annotations

import dataclasses

from desk_app.core.accounts import Permission
from desk_app.core.changes import SETTINGS
from desk_app.core.lifecycle import ProcessingUnit
from desk_app.core.text import clean, fold
from desk_app.core.validation import error
from desk_app.services.context import Context, use_case
from desk_app.services.errors import ValidationFailed
from desk_app.store import settings

UNITS_KEY = "processing_units"

DEFAULT_UNITS = (
    ProcessingUnit("Công chức Tư pháp - Hộ tịch"),
    ProcessingUnit("Công chức Văn phòng - Thống kê"),
    ProcessingUnit("Công chức Địa chính - Xây dựng"),
    ProcessingUnit("Công an xã"),
    ProcessingUnit("Phòng Kinh tế"),
    ProcessingUnit("Phòng Văn hóa - Xã hội"),
    ProcessingUnit("Sở Tư pháp (liên thông)", inter_agency=True),
)


@use_case(Permission.LOOK_UP)
def processing_units(ctx: Context) -> list[ProcessingUnit]:
    return configured(ctx)


def configured(ctx: Context) -> list[ProcessingUnit]:
    stored = settings.load(ctx.db).get(UNITS_KEY)
    if stored is None:
        return list(DEFAULT_UNITS)
    return [ProcessingUnit(u["name"], bool(u["inter_agency"])) for u in stored]


@use_case(Permission.SETTINGS, changes=SETTINGS)
def save_processing_units(ctx: Context, units: list[ProcessingUnit]) -> list[ProcessingUnit]:
    units = [ProcessingUnit(clean(u.name), u.inter_agency) for u in units]
    issues = []
    if not units:
        issues.append(error("units", "Cần ít nhất một đơn vị nhận hồ sơ để bàn giao."))
    if any(not u.name for u in units):
        issues.append(error("units", "Tên đơn vị không được để trống."))
    folded = [fold(u.name) for u in units if u.name]
    if len(set(folded)) != len(folded):
        issues.append(error("units", "Có tên đơn vị bị trùng: mỗi đơn vị chỉ ghi một lần."))
    if issues:
        raise ValidationFailed(issues)
    settings.save(ctx.db, {UNITS_KEY: [dataclasses.asdict(u) for u in units]})
    return units
