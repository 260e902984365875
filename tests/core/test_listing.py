import pytest

from desk_app.core.listing import searches_every_day


@pytest.mark.parametrize("text", [
    "000.17.22.H56-250805-1007", "250805-1007", "025190012345", "025 190 012345", "123456789",
    "0912 345 678", "+84912345678",
])
def test_a_code_an_id_number_or_a_phone_is_searched_on_every_day(text):
    assert searches_every_day(text)


@pytest.mark.parametrize("text", ["nguyen", "Nguyễn Văn An", "1.004194", "2025", "  "])
def test_a_name_or_a_fragment_is_searched_within_the_period(text):
    assert not searches_every_day(text)
