"""The chip ID card (docs/domain.md, "The ID card QR line"), as a scanner types it and as it
reads."""

from datetime import date

from desk_app.core.citizen_id import CardData
from desk_app.core.model import Sex

LINE = (
    "001090012345|123456789|Nguyễn Văn An|15031990|Nam|"
    "Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ|20042021"
)
CARD = CardData(
    id_number="001090012345",
    old_id="123456789",
    name="Nguyễn Văn An",
    birth_date=date(1990, 3, 15),
    sex=Sex.MALE,
    address="Số 12, thôn Đông, xã Tân Lập, tỉnh Phú Thọ",
    issue_date=date(2021, 4, 20),
)
