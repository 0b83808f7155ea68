"""``{% load units %}`` … ``{{ seizure.normalised_unit|unit_label }}``: units in the reader's
language (``cadis.apps.reference.unit_labels``)."""

from __future__ import annotations

from django import template

from cadis.apps.reference import unit_labels

register = template.Library()


@register.filter
def unit_label(code: str | None) -> str:
    return unit_labels.unit_label(code)


@register.filter
def conversion_rule_label(rule: str | None) -> str:
    return unit_labels.conversion_rule_label(rule)
