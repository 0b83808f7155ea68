"""Units as a reader sees them: the symbol of a unit code in the active language ("кг" and
"шт." on Russian pages, "kg" and "units" on English ones), and the conversion rule of a
normalised quantity ("t->kg x1000", as the units engine records it) as words.

Codes are what records hold: the normalised units ``kg`` and ``count``, the units engine's
canonical codes (``t``, ``g``, ``l``, ``tablet`` …) and the units of precursor records. A page
shows a unit through ``unit_label`` (``{% load units %}`` … ``{{ code|unit_label }}``), never
the code itself.
"""

from __future__ import annotations

from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from cadis.engines.units.normalise import CONVERSION_RULES

_COUNT = pgettext_lazy("unit symbol", "units")

UNIT_SYMBOLS = {
    "t": pgettext_lazy("unit symbol", "t"),
    "kg": _("kg"),
    "g": _("g"),
    "mg": _("mg"),
    "l": pgettext_lazy("unit symbol", "l"),
    "ml": _("ml"),
    "count": _COUNT,
    "unit": _COUNT,
    "tablet": pgettext_lazy("unit symbol", "tablets"),
    "dose": pgettext_lazy("unit symbol", "doses"),
    "plant": pgettext_lazy("unit symbol", "plants"),
}

# The engine's rules (``CONVERSION_RULES``, keyed by the unit converted) as sentences.
RULE_WORDS = {
    "t": _("tonnes converted to kg (× 1000)"),
    "kg": _("in kg as written"),
    "g": _("grams converted to kg (× 0.001)"),
    "mg": _("milligrams converted to kg (× 0.000001)"),
    "l": _("litres converted to kg at 1 kg per litre (UNODC)"),
    "ml": _("millilitres converted to kg at 1 kg per litre (UNODC)"),
    "tablet": _("tablets counted as units"),
    "dose": _("doses counted as units"),
    "plant": _("plants counted as units"),
    "unit": _("counted in units as written"),
}
_UNIT_OF_RULE = {rule: code for code, rule in CONVERSION_RULES.items()}


def unit_label(code: str | None) -> str:
    """The symbol of a unit code in the active language; an unknown code as it is.

    >>> from django.utils.translation import override
    >>> with override("en"):
    ...     unit_label("kg"), unit_label("count"), unit_label("bags")
    ('kg', 'units', 'bags')
    """
    code = code or ""
    return str(UNIT_SYMBOLS.get(code, code))


def conversion_rule_label(rule: str | None) -> str:
    """A stored conversion rule ("t->kg x1000", "tablets counted as units (form: tablets)") in
    words of the active language; a rule this table does not know as it is stored."""
    rule = rule or ""
    base, _sep, form = rule.partition(" (form: ")
    code = _UNIT_OF_RULE.get(base)
    if code is None:
        return rule
    words = str(RULE_WORDS[code])
    if form:
        return gettext("%(rule)s (form: %(form)s)") % {"rule": words, "form": form.rstrip(")")}
    return words
