"""Run the signal tests over a country's daily and weekly count series; draft alerts from them.

A signal in the latest period (this week, today) drafts an alert restricted to the country,
with its evidence bundle (``evidence.signal_evidence``); a draft already open for the same
substance and country (a first detection drafted by the rules) takes the signal's evidence
instead of a second draft. One draft per series and period: running again adds nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np
from django.db import transaction
from django.utils import timezone

from cadis.apps.ews.choices import AlertStatus, RuleKind
from cadis.apps.ews.models import Alert
from cadis.apps.ews.signalling import evidence
from cadis.apps.ews.signalling.events import Event, SeriesKey, country_events
from cadis.apps.reference.models import Country
from cadis.engines.stats.signals import FarringtonParameters, count_series, detect

# The tests that may draft an alert: EARS C3 raises 9-14 % false alarms (docs/signals.md).
DRAFTING_METHODS = ("farrington", "ears_c1", "ears_c2", "cusum")
# A period with fewer events than this never drafts an alert (one case is the rules' business:
# first detection, any death).
MIN_OBSERVED = 3
FREQUENCIES = ("W", "D")


def _series(events: list[Event], freq: str, today: dt.date):
    keys = sorted({e.key for e in events}, key=lambda k: (k.source, k.dimension, k.item, k.area))
    index = {key: i for i, key in enumerate(keys)}
    dates = np.array([e.date for e in events], dtype="datetime64[D]")
    codes = np.array([index[e.key] for e in events], dtype=np.int64)
    weights = np.array([e.weight for e in events], dtype=float)
    table = count_series(
        dates,
        codes,
        n_keys=len(keys),
        freq=freq,
        end=np.datetime64(today, "D"),
        weights=weights,
    )
    return keys, table


def country_signals(country: str, today: dt.date) -> list[dict]:
    """Every drafting signal of the country's series in the latest day and week.

    One dict per (series, frequency) that alarms: ``key``, ``freq``, ``period`` (first day),
    ``tests`` (one per method that alarmed), ``baseline`` (the counts before), ``events``."""
    events = country_events(country, today)
    if not events:
        return []
    found = []
    for freq in FREQUENCIES:
        keys, table = _series(events, freq, today)
        params = FarringtonParameters.daily() if freq == "D" else FarringtonParameters()
        signals = detect(
            table.counts, keys, methods=DRAFTING_METHODS, last=1, farrington_params=params
        )
        by_key: dict[SeriesKey, list] = defaultdict(list)
        for signal in signals:
            if signal.observed >= MIN_OBSERVED:
                by_key[signal.label].append(signal)
        period_start = table.periods[-1].astype(dt.date)
        period_end = period_start + dt.timedelta(days=6 if freq == "W" else 0)
        for key, alarms in by_key.items():
            row = keys.index(key)
            found.append(
                {
                    "key": key,
                    "freq": freq,
                    "period": period_start,
                    "tests": alarms,
                    "baseline": table.counts[row, -27:-1].tolist(),
                    "periods": [p.astype(dt.date).isoformat() for p in table.periods[-27:-1]],
                    "events": [
                        e for e in events if e.key == key and period_start <= e.date <= period_end
                    ],
                }
            )
    return found


def _open_draft(country: Country, key: SeriesKey) -> Alert | None:
    if not key.item.startswith("profile:"):
        return None
    return (
        Alert.objects.filter(
            country=country, status=AlertStatus.DRAFT, profile_id=int(key.item.split(":")[1])
        )
        .order_by("-created_at")
        .first()
    )


@transaction.atomic
def draft_from_signal(found: dict) -> tuple[Alert, bool]:
    """The draft alert of a signal (created, or an open draft given the evidence); True if new.

    A signal already drafted keeps its one alert: a draft takes the newer numbers and records,
    an issued or dismissed alert is left as it was decided."""
    key: SeriesKey = found["key"]
    country = Country.objects.get(code=key.country)
    bundle = evidence.signal_evidence(found)
    # Alerts of one country are few; JSON containment is not portable to SQLite.
    existing = next(
        (
            a
            for a in Alert.objects.filter(country=country).exclude(evidence={})
            if bundle["signal_key"] in a.evidence.get("signal_keys", [])
        ),
        None,
    )
    if existing is not None:
        if existing.status == AlertStatus.DRAFT:
            evidence.attach(existing, bundle)
        return existing, False
    draft = _open_draft(country, key)
    if draft is not None:
        evidence.attach(draft, bundle)
        return draft, False
    return evidence.create_signal_draft(country, found, bundle), True


def run_country(country: str, *, today: dt.date | None = None) -> dict:
    """Test every series of a country and draft alerts from the signals; a summary."""
    today = today or timezone.localdate()
    found = country_signals(country, today)
    created = updated = 0
    for item in found:
        _alert, new = draft_from_signal(item)
        created += new
        updated += not new
    return {
        "country": country,
        "signals": len(found),
        "drafts_created": created,
        "drafts_updated": updated,
    }


__all__ = ["DRAFTING_METHODS", "MIN_OBSERVED", "RuleKind", "country_signals", "run_country"]
