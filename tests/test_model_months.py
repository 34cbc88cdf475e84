"""Month arithmetic (sourcetrace/model/months.py), the one place every reader counts months in."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcetrace.model import months


def test_add_crosses_years_both_ways():
    assert months.add(2024, 11, 3) == (2025, 2)
    assert months.add(2024, 1, -1) == (2023, 12)
    assert months.add(2024, 1, 12) == (2025, 1)
    assert months.add(2023, 1, 13 - 1) == (2024, 1)  # month 13 is January of the next year


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(-2000, 2000))
def test_add_agrees_with_shift_and_counts_back(year, month, n):
    later = months.add(year, month, n)
    assert 1 <= later[1] <= 12
    assert months.add(*later, -n) == (year, month)
    if 1 <= later[0] <= 9999:
        assert months.shift(f"{year:04d}-{month:02d}", n) == f"{later[0]:04d}-{later[1]:02d}"


def test_end_of_is_the_last_day():
    assert months.end_of(2024, 2) == date(2024, 2, 29)
    assert months.end_of(2023, 2) == date(2023, 2, 28)
    assert months.end_of(9999, 12) == date(9999, 12, 31)
    with pytest.raises(ValueError):
        months.end_of(0, 12)  # outside the calendar: the caller gives no period
