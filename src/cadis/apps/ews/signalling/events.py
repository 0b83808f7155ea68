"""The events the signal tests count, per source, as plain rows.

Sources: lab detections (per substance × subdivision and per category × country), harms
reported with detections (intoxications and deaths, per category × country), seizures (per
substance × subdivision and per drug group × country; when the supply module is installed) and
accepted document facts (per fact type × country; when extraction is installed).

Only records every reader of the country's restricted data may read are counted
(``scope.shared_with_country``): a signal is a restricted record of one country, so it never
carries a count of another country's records nor of one organisation's confidential ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.apps import apps

from cadis.apps.ews.models import Detection
from cadis.platform.scope import shared_with_country

HISTORY_DAYS = 6 * 366  # Farrington's weekly baseline needs five years and its window


@dataclass(frozen=True)
class SeriesKey:
    """One count series: ``source`` (detections, harms, seizures, facts), ``dimension``
    (substance × subdivision or category × country), ``item`` (a substance, category, group
    or fact type: ``item_label`` for people), ``area`` (a subdivision or country ISO code)."""

    source: str
    dimension: str
    item: str
    item_label: str
    country: str
    area: str

    @property
    def text(self) -> str:
        return f"{self.source}: {self.item_label} × {self.area}"


@dataclass(frozen=True)
class Event:
    key: SeriesKey
    date: dt.date
    weight: float
    record: tuple[str, int]  # ("ews.detection", pk)
    lat: float | None
    lon: float | None


def _since(today: dt.date) -> dt.date:
    return today - dt.timedelta(days=HISTORY_DAYS)


def detection_events(country: str, today: dt.date) -> list[Event]:
    rows = (
        shared_with_country(Detection.objects.filter(country__code=country))
        .filter(detected_on__gte=_since(today), detected_on__lte=today)
        .values_list(
            "pk",
            "detected_on",
            "profile_id",
            "profile__name_en",
            "category",
            "geo_subdivision",
            "subdivision__code",
            "intoxications",
            "deaths",
            "latitude",
            "longitude",
        )
    )
    events = []
    for pk, day, profile, name, category, geo_sub, sub, intox, deaths, lat, lon in rows:
        record = ("ews.detection", pk)
        area = geo_sub or sub or country
        if profile is not None:
            key = SeriesKey(
                "detections",
                "substance_subdivision",
                f"profile:{profile}",
                name or "",
                country,
                area,
            )
            events.append(Event(key, day, 1.0, record, lat, lon))
        if category:
            key = SeriesKey("detections", "category_country", category, category, country, country)
            events.append(Event(key, day, 1.0, record, lat, lon))
            if intox + deaths:
                key = SeriesKey("harms", "category_country", category, category, country, country)
                events.append(Event(key, day, float(intox + deaths), record, lat, lon))
    return events


def seizure_events(country: str, today: dt.date) -> list[Event]:
    if not apps.is_installed("cadis.apps.supply"):
        return []
    from cadis.apps.supply.models import Seizure

    rows = (
        shared_with_country(Seizure.objects.filter(country__code=country))
        .filter(date__gte=_since(today), date__lte=today)
        .values_list(
            "pk",
            "date",
            "substance__code",
            "substance__name_en",
            "substance_group__code",
            "substance_group__name_en",
            "geo_subdivision",
            "subdivision__code",
            "latitude",
            "longitude",
        )
    )
    events = []
    for pk, day, code, name, group, group_name, geo_sub, sub, lat, lon in rows:
        record = ("supply.seizure", pk)
        if code:
            area = geo_sub or sub or country
            key = SeriesKey(
                "seizures", "substance_subdivision", f"substance:{code}", name, country, area
            )
            events.append(Event(key, day, 1.0, record, lat, lon))
        if group:
            key = SeriesKey(
                "seizures", "category_country", f"group:{group}", group_name, country, country
            )
            events.append(Event(key, day, 1.0, record, lat, lon))
    return events


def fact_events(country: str, today: dt.date) -> list[Event]:
    if not apps.is_installed("cadis.apps.extraction"):
        return []
    from cadis.apps.extraction.models import Fact

    rows = (
        shared_with_country(
            Fact.objects.filter(status__in=(Fact.Status.ACCEPTED, Fact.Status.EDITED))
        )
        .filter(document__country__code=country)
        .values_list("pk", "type", "document__published_on", "reviewed_at", "latitude", "longitude")
    )
    events = []
    for pk, fact_type, published, reviewed, lat, lon in rows:
        day = published or (reviewed.date() if reviewed else None)
        if day is None or not _since(today) <= day <= today:
            continue
        key = SeriesKey(
            "facts", "category_country", f"fact:{fact_type}", fact_type, country, country
        )
        events.append(Event(key, day, 1.0, ("extraction.fact", pk), lat, lon))
    return events


def country_events(country: str, today: dt.date) -> list[Event]:
    return [
        *detection_events(country, today),
        *seizure_events(country, today),
        *fact_events(country, today),
    ]
