"""The evidence bundle a draft alert carries (``Alert.evidence``).

```
{"signal_keys": [...],                      # series|frequency|period of every signal attached
 "signals": [{"series": {...}, "freq", "period", "tests": [{"method", "observed",
              "expected", "threshold", "score", "p_value"}], "baseline": {"periods", "counts"}}],
 "records": [{"type": "ews.detection", "id", "date"}],
 "map": <Vega-Lite point map of the records that have a point>,
 "identification": {"basis", "rule", "known", "known_ru", "similarity", "category"},
 "trigger": {"kind": "signal" | rule kind, "detection", "reported_at"},
 "drafted_at": ISO time}
```
"""

from __future__ import annotations

from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _

from cadis.apps.ews.choices import RuleKind
from cadis.apps.ews.drafting import in_both_languages
from cadis.apps.ews.models import Alert, Detection
from cadis.apps.reference.models import Country
from cadis.engines.geo import TOPOLOGY_STATIC_PATH, MapPoint, MapView, point_map
from cadis.platform import audit
from cadis.platform.records import Confidentiality, SourceKind

MAX_RECORDS = 200


def identification(detection: Detection | None) -> dict | None:
    """How sure the identification of the substance is: a library match (InChIKey), a
    structural family rule, or the nearest known substance (Tanimoto similarity)."""
    if detection is None or not detection.classification:
        return None
    info = detection.classification
    nearest = (info.get("nearest") or [{}])[0]
    rule = info.get("rule") or ""
    if info.get("known"):
        basis = "library_match"
    elif rule.startswith("library.nearest_neighbour"):
        basis = "nearest_neighbour"
    else:
        basis = "structural_rule" if rule else "unidentified"
    return {
        "basis": basis,
        "rule": rule,
        "known": (info.get("known") or {}).get("name"),
        "known_ru": (info.get("known") or {}).get("name_ru") or "",
        "similarity": 1.0 if basis == "library_match" else nearest.get("similarity"),
        "nearest": nearest.get("name"),
        "category": info.get("category"),
    }


def _map(points: list[MapPoint]) -> dict:
    """The records' points; the page titles the map and names its legends in its language."""
    return point_map(
        points,
        topology_url=static(TOPOLOGY_STATIC_PATH),
        view=MapView(labels={"quantity": _("records"), "group": _("source")}),
    )


def _series_json(found: dict) -> dict:
    key = found["key"]
    return {
        "source": key.source,
        "dimension": key.dimension,
        "item": key.item,
        "label": key.item_label,
        "country": key.country,
        "area": key.area,
    }


def _significant(value: float) -> float | None:
    """A p-value to 3 significant digits (they span many orders of magnitude); None if absent."""
    return float(f"{value:.3g}") if value == value else None


def signal_evidence(found: dict) -> dict:
    key = found["key"]
    events = found["events"][:MAX_RECORDS]
    detections = [e.record[1] for e in events if e.record[0] == "ews.detection"]
    latest = (
        Detection.objects.filter(pk__in=detections).order_by("-created_at").first()
        if detections
        else None
    )
    points = [
        MapPoint(e.lat, e.lon, e.weight, key.source, key.area)
        for e in events
        if e.lat is not None and e.lon is not None
    ]
    signal_key = f"{key.text}|{found['freq']}|{found['period'].isoformat()}"
    return {
        "signal_key": signal_key,
        "signal": {
            "series": _series_json(found),
            "freq": found["freq"],
            "period": found["period"].isoformat(),
            "tests": [
                {
                    "method": t.method,
                    "observed": t.observed,
                    "expected": round(t.expected, 4) if t.expected == t.expected else None,
                    "threshold": round(t.threshold, 4) if t.threshold == t.threshold else None,
                    "score": round(t.score, 4) if t.score == t.score else None,
                    "p_value": _significant(t.p_value),
                }
                for t in found["tests"]
            ],
            "baseline": {"periods": found["periods"], "counts": found["baseline"]},
        },
        "records": [
            {"type": e.record[0], "id": e.record[1], "date": e.date.isoformat()} for e in events
        ],
        "map": _map(points),
        "identification": identification(latest),
        "detection": latest,
    }


def _merge(alert: Alert, bundle: dict) -> dict:
    data = dict(alert.evidence or {})
    data.setdefault("signal_keys", [])
    data.setdefault("signals", [])
    data.setdefault("records", [])
    if bundle["signal_key"] in data["signal_keys"]:  # the same signal, tested again: newer numbers
        at = data["signal_keys"].index(bundle["signal_key"])
        data["signals"][at] = bundle["signal"]
    else:
        data["signal_keys"].append(bundle["signal_key"])
        data["signals"].append(bundle["signal"])
    seen = {(r["type"], r["id"]) for r in data["records"]}
    data["records"] += [r for r in bundle["records"] if (r["type"], r["id"]) not in seen]
    data["map"] = bundle["map"]
    if bundle["identification"] and not data.get("identification"):
        data["identification"] = bundle["identification"]
    return data


def attach(alert: Alert, bundle: dict) -> Alert:
    """A signal's evidence added to an open draft (a first detection drafted by the rules, or
    the draft of the same signal tested again after a new report)."""
    before = audit.snapshot(alert)
    alert.evidence = _merge(alert, bundle)
    alert.save(update_fields=["evidence", "updated_at"])
    if bundle["detection"] is not None:
        alert.detections.add(bundle["detection"])
    audit.record_update(
        actor=None,
        obj=alert,
        before=before,
        source_kind=SourceKind.SYSTEM,
        source_detail={"signal": bundle["signal_key"]},
    )
    return alert


def create_signal_draft(country: Country, found: dict, bundle: dict) -> Alert:
    key = found["key"]
    detection: Detection | None = bundle["detection"]
    organisation = detection.organisation if detection is not None else None
    if organisation is None:
        organisation = _owner_organisation(country)
    evidence_json = _merge(Alert(evidence={}), bundle)
    evidence_json["trigger"] = {
        "kind": RuleKind.SIGNAL,
        "detection": detection.pk if detection else None,
        "reported_at": detection.created_at.isoformat() if detection else None,
    }
    evidence_json["drafted_at"] = timezone.now().isoformat()
    alert = Alert.objects.create(
        country=country,
        organisation=organisation,
        confidentiality=Confidentiality.RESTRICTED,
        source_kind=SourceKind.SYSTEM,
        source_ref={"signal": bundle["signal_key"]},
        profile_id=int(key.item.split(":")[1]) if key.item.startswith("profile:") else None,
        category=detection.category if detection is not None else "",
        rule_kind=RuleKind.SIGNAL,
        countries=[country.code],
        event_date=found["period"],
        event_place=key.area,
        evidence=evidence_json,
        **in_both_languages(lambda: _signal_texts(found)),
    )
    if detection is not None:
        alert.detections.add(
            *Detection.objects.filter(
                pk__in=[r["id"] for r in bundle["records"] if r["type"] == "ews.detection"]
            )
        )
    audit.record_create(
        actor=None,
        obj=alert,
        source_kind=SourceKind.SYSTEM,
        source_detail={"signal": bundle["signal_key"]},
    )
    return alert


def _signal_texts(found: dict) -> dict[str, str]:
    """The title and text of a signal's draft, in the active language."""
    key = found["key"]
    first = found["tests"][0]
    return {
        "title": (
            _("Signal: %(series)s (%(period)s)")
            % {"series": key.text, "period": found["period"].isoformat()}
        )[:300],
        "other_information": _(
            "Statistical signal (%(tests)s): %(n)s in the period against %(e)s expected."
        )
        % {
            "tests": ", ".join(t.method for t in found["tests"]),
            "n": f"{first.observed:g}",
            "e": f"{first.expected:.2f}",
        },
    }


def _owner_organisation(country: Country):
    """A signal from seizures or facts alone: the country's national organisation owns it."""
    from cadis.apps.accounts.models import Organisation

    return Organisation.objects.filter(country=country).order_by("pk").first()


def rule_evidence(detection: Detection, rule_kind: str) -> dict:
    """The bundle of a draft a rule created (first detection, any death, N in M days)."""
    points = []
    if detection.latitude is not None and detection.longitude is not None:
        points.append(
            MapPoint(detection.latitude, detection.longitude, 1.0, "detections", detection.place)
        )
    return {
        "signal_keys": [],
        "signals": [],
        "records": [
            {"type": "ews.detection", "id": detection.pk, "date": detection.detected_on.isoformat()}
        ],
        "map": _map(points),
        "identification": identification(detection),
        "trigger": {
            "kind": rule_kind,
            "detection": detection.pk,
            "reported_at": detection.created_at.isoformat(),
        },
        "drafted_at": timezone.now().isoformat(),
    }
