"""Units as a reader sees them: in the active language, never as the codes the records hold
(issue #14)."""

from __future__ import annotations

from django.utils.translation import override

from cadis.apps.reference.unit_labels import conversion_rule_label, unit_label
from cadis.engines.units.normalise import CONVERSION_RULES, normalise


def test_a_unit_code_has_a_symbol_in_each_language():
    with override("ru"):
        assert [unit_label(c) for c in ("kg", "count", "unit", "g", "t", "l")] == [
            "кг",
            "шт.",
            "шт.",
            "г",
            "т",
            "л",
        ]
    with override("en"):
        assert [unit_label(c) for c in ("kg", "count", "unit", "g", "t", "l")] == [
            "kg",
            "units",
            "units",
            "g",
            "t",
            "l",
        ]
    assert unit_label("bags") == "bags"  # not a unit code: shown as it was written
    assert unit_label(None) == ""


def test_every_conversion_rule_of_the_units_engine_reads_as_words():
    for code, rule in CONVERSION_RULES.items():
        with override("ru"):
            words = conversion_rule_label(rule)
        assert words != rule and "kg" not in words, code
    with override("ru"):
        assert conversion_rule_label(normalise(1.5, "t").rule) == "тонны переведены в кг (× 1000)"
        assert conversion_rule_label(normalise(2, "кг").rule) == "в кг, как написано"
        assert conversion_rule_label("tablets counted as units (form: tablets)") == (
            "таблетки учтены в штуках (форма: tablets)"
        )
    with override("en"):
        assert conversion_rule_label(normalise(3, "литра").rule) == (
            "litres converted to kg at 1 kg per litre (UNODC)"
        )
    assert conversion_rule_label("a rule of another version") == "a rule of another version"
