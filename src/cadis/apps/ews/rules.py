"""Alert rules: evaluated after each detection, they create draft alerts for a focal point."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from cadis.apps.ews.choices import AlertStatus, RuleKind, SampleType
from cadis.apps.ews.confidence import detection_grade_line
from cadis.apps.ews.drafting import in_both_languages
from cadis.apps.ews.models import Alert, AlertRule, Detection
from cadis.apps.ews.signalling.evidence import rule_evidence
from cadis.apps.reference.models import Country
from cadis.platform import audit
from cadis.platform.records import Confidentiality, SourceKind

# The strongest reason first: one detection gives at most one draft alert.
PRIORITY = (
    RuleKind.ANY_DEATH,
    RuleKind.FIRST_IN_REGION,
    RuleKind.FIRST_IN_COUNTRY,
    RuleKind.N_WITHIN_DAYS,
)

DEFAULT_RULES = (
    ("Any death", RuleKind.ANY_DEATH, 1, 0),
    ("First detection in the region", RuleKind.FIRST_IN_REGION, 1, 0),
    ("First detection in a country", RuleKind.FIRST_IN_COUNTRY, 1, 0),
    ("3 detections within 30 days", RuleKind.N_WITHIN_DAYS, 3, 30),
)


def ensure_default_rules() -> None:
    """The four standard rules, created once (an administrator may edit or switch them off)."""
    if AlertRule.objects.exists():
        return
    for name, kind, threshold, window in DEFAULT_RULES:
        AlertRule.objects.create(name=name, kind=kind, threshold=threshold, window_days=window)


def _fires(rule: AlertRule, detection: Detection) -> bool:
    same = Detection.objects.filter(profile_id=detection.profile_id).exclude(pk=detection.pk)
    if rule.kind == RuleKind.ANY_DEATH:
        return detection.deaths > 0
    if rule.kind == RuleKind.FIRST_IN_REGION:
        return not same.exists()
    if rule.kind == RuleKind.FIRST_IN_COUNTRY:
        return not same.filter(country_id=detection.country_id).exists()
    if rule.kind == RuleKind.N_WITHIN_DAYS:
        since = detection.detected_on - dt.timedelta(days=rule.window_days)
        window = same.filter(detected_on__gte=since, detected_on__lte=detection.detected_on)
        if window.count() + 1 < rule.threshold:
            return False
        # Once per window: not again while an alert of this rule covers the period.
        return (
            not Alert.objects.filter(
                rule=rule, profile_id=detection.profile_id, event_date__gte=since
            )
            .exclude(status=AlertStatus.WITHDRAWN)
            .exists()
        )
    return False


def triggered_rules(detection: Detection) -> list[AlertRule]:
    if detection.profile_id is None:
        return []
    rules = [
        r
        for r in AlertRule.objects.filter(active=True)
        if not r.categories or detection.category in r.categories
    ]
    rules.sort(key=lambda r: PRIORITY.index(r.kind) if r.kind in PRIORITY else len(PRIORITY))
    return [r for r in rules if _fires(r, detection)]


def evaluate_detection(detection: Detection) -> Alert | None:
    """Create a draft alert when a rule fires (the strongest rule is the alert's rule)."""
    fired = triggered_rules(detection)
    if not fired:
        return None
    rule = fired[0]
    alert = Alert.objects.create(
        **draft_fields(detection, rule, fired), evidence=rule_evidence(detection, rule.kind)
    )
    alert.detections.add(detection)
    audit.record_create(
        actor=None,
        obj=alert,
        source_kind=SourceKind.SYSTEM,
        source_detail={"rule": rule.kind, "detection": detection.pk},
    )
    return alert


def draft_fields(detection: Detection, rule: AlertRule, fired: list[AlertRule]) -> dict:
    country = detection.country
    return {
        "country": country,
        "organisation": detection.organisation,
        "confidentiality": Confidentiality.RESTRICTED,
        "source_kind": SourceKind.DEMO if detection.is_synthetic else SourceKind.SYSTEM,
        "source_ref": {"detection": detection.pk, "rule": rule.kind},
        "profile": detection.profile,
        "category": detection.category,
        "rule": rule,
        "rule_kind": rule.kind,
        "countries": [country.code],
        "event_date": detection.detected_on,
        **in_both_languages(lambda: _draft_texts(detection, rule, fired)),
    }


def _draft_texts(detection: Detection, rule: AlertRule, fired: list[AlertRule]) -> dict[str, str]:
    """The title and texts of a rule's draft, in the active language."""
    country = detection.country
    info = detection.classification or {}
    status = info.get("status") or {}
    jurisdictions = Country.objects.filter(code__in=list(status)).names()
    jurisdictions["international"] = _("International (1961, 1971)")
    legal = "; ".join(
        f"{jurisdictions.get(code, code)}: {_legal_status(value.get('status'))}"
        + (f" ({value['parent']})" if value.get("parent") else "")
        for code, value in status.items()
    )
    methods = ", ".join(detection.method_labels())
    analytical = [methods]
    if detection.purity is not None:
        analytical.append(_("purity %(p)s%%") % {"p": detection.purity})
    if detection.quantity is not None:
        analytical.append(f"{detection.quantity.normalize()} {detection.quantity_unit}")
    return {
        "title": _("%(substance)s: %(reason)s (%(country)s)")
        % {
            "substance": detection.profile.name,
            "reason": rule.get_kind_display(),
            "country": country.name,
        },
        "risk_type": _("New psychoactive substance (%(category)s)")
        % {"category": detection.get_category_display()},
        "risk_origin": _("Detected by %(org)s")
        % {"org": detection.laboratory or detection.organisation},
        "event_place": ", ".join(
            p for p in (detection.place, str(detection.subdivision or ""), country.name) if p
        ),
        "exposure": str(dict(SampleType.choices).get(detection.sample_type, "")),
        "analytical_data": "; ".join(a for a in analytical if a),
        "toxicological_data": _("%(i)s intoxications, %(d)s deaths reported")
        % {"i": detection.intoxications, "d": detection.deaths},
        "identification_methods": "\n".join([methods, detection_grade_line(detection)]),
        "other_information": _("Rules triggered: %(rules)s. Legal status: %(legal)s.")
        % {"rules": ", ".join(str(r.get_kind_display()) for r in fired), "legal": legal},
    }


def _legal_status(status: str | None) -> str:
    """A national list status in words (the labels of ``ews/_classification.html``)."""
    labels = {
        "controlled": _("controlled by name"),
        "controlled_derivative": _("controlled as a derivative"),
        "not_listed": _("not listed"),
    }
    return labels.get(status or "", status or "—")
