"""Periods as points on a time line, in fractional years.

A period stands for the instant it *ends*: "2021" is the end of 2021
(2022.0), "2021-06" the end of June 2021 (2021.5), "2021-12-31" the end of
that day (2022.0). So a year figure, its December figure and its 31 December
figure are the same point, a deadline "by 2021" means the end of 2021, and a
stock counted "at the end of 2021" and a flow summed "in 2021" both sit at
2022.0. Intervals between points are what the growth rates use.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

__all__ = ["period_end", "period_label", "to_date_str", "try_period_end"]

_PERIOD = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


def period_end(period: str | date | datetime) -> float:
    """The end of a period in fractional years.

    >>> period_end("2021"), period_end("2021-12"), period_end("2021-12-31")
    (2022.0, 2022.0, 2022.0)
    >>> period_end("2021-06")
    2021.5
    >>> round(period_end("2019-09-30"), 3)
    2019.748
    """
    if isinstance(period, datetime):
        period = period.date()
    if isinstance(period, date):
        y, m, d = period.year, period.month, period.day
    else:
        match = _PERIOD.match(str(period))
        if not match:
            raise ValueError(f"not a period (YYYY, YYYY-MM or YYYY-MM-DD): {period!r}")
        y = int(match.group(1))
        if match.group(2) is None:
            return float(y + 1)
        m = int(match.group(2))
        if not 1 <= m <= 12:
            raise ValueError(f"month out of range in period {period!r}")
        if match.group(3) is None:
            return y + m / 12
        d = int(match.group(3))
    days = 366 if calendar.isleap(y) else 365
    doy = date(y, m, d).timetuple().tm_yday
    return y + doy / days


def try_period_end(period: str | date | datetime | None) -> float | None:
    """:func:`period_end`, or None for a missing or unreadable period ("2016-2020", "").

    >>> try_period_end("2016-2020") is None, try_period_end("2020")
    (True, 2021.0)
    """
    if period is None:
        return None
    try:
        return period_end(period)
    except ValueError:
        return None


def period_label(period: str) -> str:
    """How a period reads in a sentence: "2021", "June 2021", "30 Sep 2019".

    >>> period_label("2021"), period_label("2017-07"), period_label("2019-09-30")
    ('2021', 'July 2017', '30 September 2019')
    """
    match = _PERIOD.match(str(period))
    if not match:
        return str(period)
    y, m, d = match.groups()
    if m is None:
        return y
    month = calendar.month_name[int(m)]
    return f"{month} {y}" if d is None else f"{int(d)} {month} {y}"


def to_date_str(value: str | date | datetime) -> str:
    """``YYYY-MM-DD`` for a date, or the period string unchanged."""
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, date) else str(value)
