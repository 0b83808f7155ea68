from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cadis.apps.accounts.models import Confidentiality
from cadis.apps.documents import records
from cadis.apps.reference.models import Agency, Country, Substance


class IngestForm(forms.Form):
    file = forms.FileField(label=_("File (.txt, .html, .pdf, .docx)"))
    title = forms.CharField(
        label=_("Title"),
        max_length=500,
        required=False,
        help_text=_("Left empty, the title is taken from the file."),
    )
    publisher = forms.CharField(label=_("Publisher"), max_length=300, required=False)
    published_on = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Relative periods such as 'since the start of the year' count from it."),
    )
    url = forms.URLField(label=_("URL"), required=False, assume_scheme="https")
    confidentiality = forms.ChoiceField(
        label=_("Access level"), choices=Confidentiality.choices, initial=Confidentiality.RESTRICTED
    )

    def metadata(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "publisher": data["publisher"],
            "published_on": data["published_on"],
            "url": data["url"],
        }


def _codes(model, **filters):
    return [("", "—")] + [(o.code, str(o)) for o in model.objects.filter(**filters)]


class FactEditForm(forms.Form):
    """The record a fact becomes, prefilled from the fact; only the kind's fields are used."""

    FIELDS = {
        records.SEIZURE: (
            "date",
            "date_precision",
            "substance",
            "substance_as_written",
            "quantity_as_written",
            "unit_as_written",
        ),
        records.STATISTIC: (
            "indicator",
            "substance",
            "value",
            "unit",
            "period_start",
            "period_end",
            "source_text",
        ),
        records.CASE: (
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
    kind = forms.ChoiceField(label=_("Record as"), choices=list(records.RECORD_KINDS.items()))
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
        from cadis.apps.supply.models import PeriodStatistic

        self.fields["country"].choices = _codes(Country)
        self.fields["agency"].choices = _codes(Agency)
        self.fields["substance"].choices = _codes(Substance)
        self.fields["indicator"].choices = PeriodStatistic.Indicator.choices

    def values(self) -> dict:
        """Plain values (codes, ISO dates) of the chosen kind, as ``records.proposal`` gives."""
        data = self.cleaned_data
        kind = data["kind"]
        out = {"kind": kind, "country": data["country"], "agency": data["agency"] or ""}
        for name in self.FIELDS[kind]:
            value = data.get(name)
            if hasattr(value, "isoformat"):
                value = value.isoformat()
            out[name] = "" if value is None else value
        return out
