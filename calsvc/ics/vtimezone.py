"""VTIMEZONE components in the RRULE shape desktop Outlook reads, limited to the years needed.

icalendar's add_missing_timezones() writes comma-separated RDATE lists, which Mozilla's
ical.js and vobject misread by an hour. Here each yearly transition becomes one
STANDARD or DAYLIGHT rule (FREQ=YEARLY;BYMONTH=3;BYDAY=2SU), checked against pytz with
dateutil's rrule; a transition that fits no yearly rule is written on its own.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import pytz
from dateutil import rrule
from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

_WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
_EPOCH = datetime(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class _Transition:
    local: datetime  # wall-clock time of the change, in the offset before it
    utc: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool


def _transitions(zone: pytz.BaseTzInfo, first_year: int, last_year: int) -> list[_Transition]:
    times: Sequence[datetime] = getattr(zone, "_utc_transition_times", [])
    infos: Sequence[tuple[timedelta, timedelta, str]] = getattr(zone, "_transition_info", [])
    found = []
    for index in range(1, len(times)):
        utc = times[index]
        if first_year <= utc.year <= last_year:
            before, (offset, dst, name) = infos[index - 1][0], infos[index]
            found.append(_Transition(utc + before, utc, before, offset, name, bool(dst)))
    return found


def _byday(moments: list[datetime]) -> str | None:
    """'2SU' or '-1SU' when every moment is the same weekday of its month, else None."""
    weekdays = {m.weekday() for m in moments}
    if len(weekdays) != 1:
        return None
    code = _WEEKDAY_CODES[weekdays.pop()]
    nths = {(m.day - 1) // 7 + 1 for m in moments}
    if len(nths) == 1 and (nth := nths.pop()) < 5:
        return f"{nth}{code}"
    if all(m.day + 7 > calendar.monthrange(m.year, m.month)[1] for m in moments):
        return f"-1{code}"
    return None


def _yearly_rule(group: list[_Transition]) -> dict[str, object] | None:
    """An RRULE that yields exactly these transitions, one a year, or None."""
    locals_ = [t.local for t in group]
    years = [m.year for m in locals_]
    if years != list(range(years[0], years[0] + len(years))) or len(group) < 2:
        return None
    byday = _byday(locals_)
    if byday is None:
        return None
    # UNTIL at the year's end, not at the last onset: vobject drops an onset equal to UNTIL.
    rule = {
        "freq": "yearly",
        "bymonth": locals_[0].month,
        "byday": byday,
        "until": datetime(years[-1], 12, 31, 23, 59, 59, tzinfo=UTC),
    }
    expected = list(
        rrule.rrulestr(
            f"FREQ=YEARLY;BYMONTH={locals_[0].month};BYDAY={byday};UNTIL={years[-1]}1231T235959",
            dtstart=locals_[0],
        )
    )
    return rule if expected == locals_ else None


def _observance(first: _Transition) -> TimezoneStandard | TimezoneDaylight:
    component = TimezoneDaylight() if first.daylight else TimezoneStandard()
    component.add("dtstart", first.local)
    component.add("tzoffsetfrom", first.offset_from)
    component.add("tzoffsetto", first.offset_to)
    component.add("tzname", first.name)
    return component


@lru_cache(maxsize=256)
def vtimezone(name: str, first_year: int, last_year: int) -> Timezone:
    """The VTIMEZONE for an IANA zone, covering first_year to last_year (and the year before)."""
    zone = pytz.timezone(name)
    timezone = Timezone()
    timezone.add("tzid", name)
    found = _transitions(zone, first_year - 1, last_year)
    if not found:
        reference = datetime(first_year, 1, 1)
        offset = zone.utcoffset(reference) or timedelta(0)
        steady = _Transition(_EPOCH, _EPOCH, offset, offset, zone.tzname(reference) or name, False)
        timezone.add_component(_observance(steady))
        return timezone
    groups: dict[tuple[object, ...], list[_Transition]] = {}
    for transition in found:
        key = (
            transition.daylight,
            transition.local.month,
            transition.local.time(),
            transition.offset_from,
            transition.offset_to,
            transition.name,
        )
        groups.setdefault(key, []).append(transition)
    for group in sorted(groups.values(), key=lambda g: g[0].utc):
        rule = _yearly_rule(group)
        if rule is not None:
            component = _observance(group[0])
            component.add("rrule", rule)
            timezone.add_component(component)
        else:
            for transition in group:
                timezone.add_component(_observance(transition))
    return timezone
