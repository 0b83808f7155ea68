"""The form a reviewer edits a document fact in before it becomes a supply record."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cadis.apps.reference.models import Agency, Country, Substance
from cadis.apps.supply.facts.proposals import CASE, RECORD_KINDS, SEIZURE, STATISTIC
from cadis.apps.supply.models import PeriodStatistic


def _codes(model, **filters):
    return [("", "—")] + [(o.code, str(o)) for o in model.objects.filter(**filters)]


class FactEditForm(forms.Form):
    """The record a fact becomes, prefilled from the fact; only the kind's fields are used."""

    FIELDS = {
        SEIZURE: (
            "date",
            "date_precision",
            "substance",
            "substance_as_written",
            "quantity_as_written",
            "unit_as_written",
        ),
        STATISTIC: (
            "indicator",
            "substance",
            "value",
            "unit",
            "period_start",
            "period_end",
            "source_text",
        ),
        CASE: (
            "reference",
            "date_start",
            "date_end",
            "groups_dismantled",
            "group_members",
            "persons_arrested",
            "persons_prosecuted",
            "labs",
            "summary",
        ),
    }
    kind = forms.ChoiceField(label=_("Record as"), choices=list(RECORD_KINDS.items()))
    country = forms.ChoiceField(label=_("Country"))
    agency = forms.ChoiceField(label=_("Agency"), required=False)
    substance = forms.ChoiceField(label=_("Substance"), required=False)
    date = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_precision = forms.ChoiceField(
        label=_("Date precision"),
        required=False,
        choices=[("day", _("day")), ("month", _("month")), ("year", _("year"))],
    )
    substance_as_written = forms.CharField(
        label=_("Substance as written"), required=False, max_length=300
    )
    quantity_as_written = forms.CharField(label=_("Quantity"), required=False, max_length=100)
    unit_as_written = forms.CharField(
        label=_("Unit (kg, g, t, l, tablet, dose, plant, unit)"), required=False, max_length=50
    )
    indicator = forms.ChoiceField(label=_("Indicator"), required=False)
    value = forms.FloatField(label=_("Value"), required=False, min_value=0)
    unit = forms.ChoiceField(
        label=_("Unit"), required=False, choices=[("kg", "kg"), ("count", _("count"))]
    )
    period_start = forms.DateField(
        label=_("Period start"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    period_end = forms.DateField(
        label=_("Period end"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    source_text = forms.CharField(
        label=_("Source text"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reference = forms.CharField(label=_("Case reference"), required=False, max_length=100)
    date_start = forms.DateField(
        label=_("Start date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_end = forms.DateField(
        label=_("End date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    groups_dismantled = forms.IntegerField(
        label=_("Groups dismantled"), required=False, min_value=0
    )
    group_members = forms.IntegerField(
        label=_("Members of the groups"), required=False, min_value=0
    )
    persons_arrested = forms.IntegerField(label=_("Persons arrested"), required=False, min_value=0)
    persons_prosecuted = forms.IntegerField(
        label=_("Persons prosecuted"), required=False, min_value=0
    )
    labs = forms.IntegerField(label=_("Laboratories dismantled"), required=False, min_value=0)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    override_duplicate = forms.BooleanField(
        label=_("Record it although it looks like a figure already recorded"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _codes(Country)
        self.fields["agency"].choices = _codes(Agency)
        self.fields["substance"].choices = _codes(Substance)
        self.fields["indicator"].choices = PeriodStatistic.Indicator.choices

    def values(self) -> dict:
        """Plain values (codes, ISO dates) of the chosen kind, as ``proposal`` gives."""
        data = self.cleaned_data
        kind = data["kind"]
        out = {"kind": kind, "country": data["country"], "agency": data["agency"] or ""}
        for name in self.FIELDS[kind]:
            value = data.get(name)
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            out[name] = "" if value is None else value
        return out
