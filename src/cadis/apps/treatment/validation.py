"""Validation rules of a treatment episode: ages, dates and consistent codes.

``episode_problems`` takes plain values (already parsed) and returns (field, message)
pairs; forms and the importer both use it, so the rules hold however data arrives.
"""

from __future__ import annotations

import datetime as dt
import re

from django.utils import timezone
from django.utils.translation import gettext as _

from cadis.apps.treatment import choices as c
from cadis.engines.tdi.tables import episode_problems as tdi_item_problems

EARLIEST_START = dt.date(1990, 1, 1)
MAX_AGE = 110
MAX_SECONDARY = 3


def age_on(birth_date: dt.date, day: dt.date) -> int:
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def episode_problems(
    values: dict, *, tdi_codes: set[str], birth_date: dt.date | None = None
) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    start = values.get("start_date")
    today = timezone.localdate()
    if start is not None:
        if start > today:
            problems.append(("start_date", _("The treatment start date is in the future.")))
        elif start < EARLIEST_START:
            problems.append(("start_date", _("The treatment start date is before 1990.")))
    age, first = values.get("age"), values.get("age_first_use")
    if age is not None and not 0 <= age <= MAX_AGE:
        problems.append(("age", _("The age must be between 0 and 110.")))
    if first is not None and not 0 <= first <= MAX_AGE:
        problems.append(("age_first_use", _("The age at first use must be between 0 and 110.")))
    if age is not None and first is not None and first > age:
        problems.append(
            ("age_first_use", _("The age at first use is higher than the age at treatment entry."))
        )
    if birth_date is not None and start is not None:
        if birth_date > start:
            problems.append(
                ("birth_date", _("The date of birth is after the treatment start date."))
            )
        elif age is not None and abs(age_on(birth_date, start) - age) > 1:
            problems.append(("age", _("The age does not match the date of birth.")))
    primary = values.get("primary_drug_code")
    if primary is not None and primary not in tdi_codes:
        problems.append(("primary_drug", _("Unknown TDI drug code.")))
    secondary = values.get("secondary_drugs") or []
    if len(secondary) > MAX_SECONDARY:
        problems.append(("secondary_drugs", _("At most three secondary drugs.")))
    for code in secondary:
        if code != c.ALCOHOL and code not in tdi_codes:
            problems.append(("secondary_drugs", _("Unknown secondary drug code.")))
            break
    if primary is not None and primary in secondary:
        problems.append(("secondary_drugs", _("The primary drug cannot also be a secondary drug.")))
    if len(set(secondary)) != len(secondary):
        problems.append(("secondary_drugs", _("A secondary drug is repeated.")))
    injecting = values.get("injecting")
    if values.get("route") == c.Route.INJECT and injecting == c.Injecting.NEVER:
        problems.append(
            ("injecting", _("The usual route is injecting but the client never injected."))
        )
    if injecting == c.Injecting.NEVER and values.get("needle_sharing") not in (
        None,
        c.NeedleSharing.NEVER,
        c.NOT_KNOWN,
    ):
        problems.append(
            ("needle_sharing", _("Needle sharing is reported for a client who never injected."))
        )
    if (
        values.get("frequency") == c.Frequency.NOT_USED
        and injecting == c.Injecting.LAST_30D
        and values.get("route") == c.Route.INJECT
    ):
        problems.append(
            ("frequency", _("Not used in the last 30 days, yet injected in the last 30 days."))
        )
    problems.extend(first_injection_and_ost_problems(values))
    return problems


# The TDI 3.0 items' own checks live in the engine (engines.tdi.tables.episode_problems);
# its English messages name the item first and say what is wrong; here they are translated.
_ENGINE_MESSAGES = (
    (re.compile(r"is not a code$"), lambda: _("Unknown code.")),
    (re.compile(r"is after the episode year"), lambda: _("The year is after the treatment year.")),
    (
        re.compile(r"is before the client's birth"),
        lambda: _("The year is before the client's birth."),
    ),
    (
        re.compile(r"is above the age at entry"),
        lambda: _("The age at first injection is higher than the age at treatment entry."),
    ),
)
EARLIEST_YEAR = 1900


def first_injection_and_ost_problems(values: dict) -> list[tuple[str, str]]:
    """The TDI 3.0 items added for the EUDA tables on first injection, OST history and tests."""
    problems: list[tuple[str, str]] = []
    start = values.get("start_date")
    year = start.year if start is not None else None
    for name in ("year_first_injection", "year_first_ost"):
        value = values.get(name)
        if value is not None and not EARLIEST_YEAR <= value <= timezone.localdate().year:
            problems.append((name, _("Not a plausible year.")))
    first_age = values.get("age_first_injection")
    if first_age is not None and not 0 <= first_age <= MAX_AGE:
        problems.append(("age_first_injection", _("The age must be between 0 and 110.")))
    if problems:
        return problems
    for message in tdi_item_problems({**values, "year": year}):
        field = re.split(r"[: ]", message, maxsplit=1)[0]
        text = next((t() for pattern, t in _ENGINE_MESSAGES if pattern.search(message)), message)
        problems.append((field, text))
    injected = values.get("age_first_injection") is not None or (
        values.get("year_first_injection") is not None
    )
    if injected and values.get("injecting") == c.Injecting.NEVER:
        problems.append(
            (
                "year_first_injection",
                _("A first injection is recorded for a client who never injected."),
            )
        )
    if values.get("year_first_ost") is not None and values.get("ost") == c.Ost.NEVER:
        problems.append(
            ("year_first_ost", _("A first OST year is recorded for a client never in OST."))
        )
    return problems
