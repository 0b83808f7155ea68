from __future__ import annotations

import re
from functools import lru_cache

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cadis.apps.ews.choices import Category

register = template.Library()
_LABELS = dict(Category.choices)


@register.filter
def category_label(code: str | None) -> str:
    """The translated name of an NPS category code (the code itself when unknown)."""
    return str(_LABELS.get(code or "", code or "—"))


@register.filter
def rule_label(rule: str | None) -> str:
    """Words for the library's own classification rules; "" for a structural family rule,
    whose identifier the template shows as code (chemists trace it in the rule catalogue)."""
    from django.utils.translation import gettext

    rule = rule or ""
    if rule == "library.exact_match":
        return gettext("exact match in the substance library")
    if rule.startswith("library.nearest_neighbour:"):
        name = rule.split(":", 1)[1]
        return gettext("nearest known substance: %(name)s") % {"name": name}
    return ""


@register.filter
def p_value(value: float | None) -> str:
    """A signal test's p-value as people read it: 0.032, 0.0013, 2.4e-07, "—" when absent."""
    if value is None:
        return "—"
    if value >= 0.001:
        return f"{value:.2g}" if value < 0.01 else f"{value:.3f}".rstrip("0").rstrip(".")
    return f"{value:.1e}" if value > 0 else "< 1e-300"


@register.filter
def explanation(result: dict) -> str:
    """Why the substance got its category and status, in the reader's language."""
    from cadis.apps.ews.identify import explanation_text

    return explanation_text(result or {})


@register.simple_tag(takes_context=True)
def ews_unread(context) -> int:
    """Unread in-app alert notifications of the signed-in user."""
    from cadis.apps.ews.selectors import unread_count

    request = context.get("request")
    return unread_count(request.user) if request is not None else 0


@register.filter
def confidence(detection) -> dict:
    """The detection's identification confidence (SWGDRUG scheme) with its translated label."""
    from cadis.apps.ews.confidence import categories_in_words, compute_grade, grade_label

    result = compute_grade(detection)
    return {
        **result,
        "label": grade_label(result["grade"]),
        "category_words": categories_in_words(result["categories"]),
    }


@register.filter
def status_items(status: dict | None) -> list[tuple[str, str]]:
    """(jurisdiction, status code) pairs of a legal-status answer, for compact hit tables."""
    return [(code, (value or {}).get("status", "")) for code, value in (status or {}).items()]


@register.filter
def substance_name(entry: dict | None) -> str:
    """A substance of a stored classification (``known``, a neighbour) named in the reader's
    language: its Russian name on Russian pages when the library has one."""
    from cadis.apps.ews.identify import substance_name_in_language

    return substance_name_in_language(entry or {})


@lru_cache(maxsize=1)
def _jurisdictions() -> dict:
    from cadis.engines.chem.legal import load_jurisdictions  # the shipped list names

    return load_jurisdictions()


_SCHEDULE = re.compile(r"^(1961|1971) Schedule (I|II|III|IV)(?:\+(I|II|III|IV))?$")
_IMPLEMENTS = re.compile(r"^(?P<list>.+) \(implements (?P<schedule>\d{4} Schedule [IV+]+)\)$")


@register.filter
def schedule_label(text: str) -> str:
    """"1971 Schedule II" in the reader's words: "Список II Конвенции 1971 г."; a substance in
    two schedules ("1961 Schedule I+IV"): "Списки I и IV Конвенции 1961 г."."""
    found = _SCHEDULE.match(text or "")
    if not found:
        return text
    year, number, second = found.groups()
    if second:
        return _("Schedules %(first)s and %(second)s of the %(year)s Convention") % {
            "first": number,
            "second": second,
            "year": year,
        }
    return _("Schedule %(number)s of the %(year)s Convention") % {"number": number, "year": year}


@register.filter
def legal_list(text: str | None, jurisdiction: str) -> str:
    """The list of a stored legal-status answer (the chemistry engine writes it in English) in
    the reader's language: a convention schedule, a national list, or a national list that
    implements a schedule."""
    text = text or ""
    found = _IMPLEMENTS.match(text)
    listed = found.group("list") if found else text
    held = _jurisdictions().get(jurisdiction)
    if held is not None and listed == held.list_name_en and get_language() == "ru":
        listed = held.list_name_ru or listed
    if found:
        return _("%(list)s (implements %(schedule)s)") % {
            "list": listed,
            "schedule": schedule_label(found.group("schedule")),
        }
    return schedule_label(listed)
