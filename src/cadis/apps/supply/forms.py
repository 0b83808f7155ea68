from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cadis.apps.reference import models as ref
from cadis.apps.reference.import_pages import owning_organisation_field
from cadis.apps.reference.unit_labels import UNIT_SYMBOLS
from cadis.apps.supply.models import Case, LabDismantled, PeriodStatistic, Seizure
from cadis.apps.supply.services import normalise_quantity
from cadis.engines.units import UnitsError, parse_date
from cadis.platform.i18n import SelectInTheirLanguage
from cadis.platform.records import Confidentiality


class SeizureForm(forms.ModelForm):
    date_text = forms.CharField(
        label=_("Date"),
        max_length=40,
        help_text=_(
            "DD.MM.YYYY or YYYY-MM-DD; a month (05.2024) or a year (2024) if that is "
            "all that is known."
        ),
    )

    class Meta:
        model = Seizure
        fields = [
            "subdivision",
            "place",
            "agency",
            "substance",
            "substance_as_written",
            "form",
            "quantity_as_written",
            "unit_as_written",
            "purity",
            "concealment_methods",
            "transport_mode",
            "departure_country",
            "transit_countries",
            "destination_country",
            "producing_country",
            "case",
            "confidentiality",
            "notes",
        ]
        widgets = {
            "concealment_methods": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 3}),
            # Cases are named as their agencies wrote the operation's name.
            "case": SelectInTheirLanguage,
        }
        help_texts = {
            "quantity_as_written": _('As reported, e.g. "1 300,5" or "15 t 106 kg 549 g".'),
            "unit_as_written": _("Leave empty when the quantity holds its unit."),
        }

    def __init__(self, *args, country=None, cases=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["substance_as_written"].required = False
        if country is not None:
            self.fields["subdivision"].queryset = ref.Subdivision.objects.filter(country=country)
        self.fields["case"].queryset = cases if cases is not None else Case.objects.none()
        if self.instance.pk:
            self.fields["date_text"].initial = self.instance.date.strftime("%d.%m.%Y")

    def clean_date_text(self):
        try:
            day, precision = parse_date(self.cleaned_data["date_text"])
        except UnitsError:
            raise forms.ValidationError(_("This is not a date.")) from None
        self.cleaned_data["date"], self.cleaned_data["date_precision"] = day, str(precision)
        return self.cleaned_data["date_text"]

    def clean(self):
        data = super().clean()
        if data.get("quantity_as_written"):
            try:
                normalise_quantity(data["quantity_as_written"], data.get("unit_as_written") or "")
            except Exception as error:  # noqa: BLE001 - the service's ValidationError carries the reason
                self.add_error("quantity_as_written", getattr(error, "message", str(error)))
        if not data.get("substance") and not data.get("substance_as_written"):
            self.add_error("substance_as_written", _("Choose a substance or write it as reported."))
        return data

    def service_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        data["date"], data["date_precision"] = (
            self.cleaned_data["date"],
            self.cleaned_data["date_precision"],
        )
        data["concealment_methods"] = list(self.cleaned_data.get("concealment_methods") or [])
        data["transit_countries"] = list(self.cleaned_data.get("transit_countries") or [])
        return data


class CaseForm(forms.ModelForm):
    lab_kind = forms.ChoiceField(
        label=_("Laboratory dismantled (type)"),
        required=False,
        choices=[("", "—"), *LabDismantled.Kind.choices],
    )
    lab_products = forms.CharField(
        label=_("What the laboratory produced"), required=False, max_length=300
    )

    class Meta:
        model = Case
        fields = [
            "reference",
            "date_start",
            "date_end",
            "agencies",
            "operation_name",
            "groups_dismantled",
            "group_members",
            "persons_arrested",
            "persons_prosecuted",
            "women",
            "minors",
            "foreigners",
            "summary",
            "confidentiality",
        ]
        widgets = {
            "date_start": forms.DateInput(attrs={"type": "date"}),
            "date_end": forms.DateInput(attrs={"type": "date"}),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        if (
            data.get("date_start")
            and data.get("date_end")
            and data["date_end"] < data["date_start"]
        ):
            self.add_error("date_end", _("The case ends before it starts."))
        arrested = data.get("persons_arrested") or 0
        for name in ("women", "minors", "foreigners"):
            if (data.get(name) or 0) > arrested + (data.get("persons_prosecuted") or 0):
                self.add_error(name, _("More than the persons arrested and prosecuted."))
        return data

    def service_data(self) -> dict:
        data = {name: self.cleaned_data.get(name) for name in self.Meta.fields}
        data["agencies"] = list(self.cleaned_data.get("agencies") or [])
        if self.cleaned_data.get("lab_kind"):
            data["labs"] = [
                {
                    "kind": self.cleaned_data["lab_kind"],
                    "products": self.cleaned_data.get("lab_products") or "",
                }
            ]
        return data


class PeriodStatisticForm(forms.ModelForm):
    unit = forms.ChoiceField(
        label=_("Unit"),
        choices=[(code, UNIT_SYMBOLS[code]) for code in ("count", "kg")],
        initial="count",
        help_text=_("Kilograms for quantities; units for numbers of events, groups or persons."),
    )

    class Meta:
        model = PeriodStatistic
        fields = [
            "indicator",
            "substance",
            "substance_group",
            "value",
            "unit",
            "period_start",
            "period_end",
            "agency",
            "source_text",
            "confidentiality",
        ]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}),
            "period_end": forms.DateInput(attrs={"type": "date"}),
            "source_text": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        data = super().clean()
        if (
            data.get("period_start")
            and data.get("period_end")
            and data["period_end"] < data["period_start"]
        ):
            self.add_error("period_end", _("The period ends before it starts."))
        if data.get("value") is not None and data["value"] < 0:
            self.add_error("value", _("The value must be zero or more."))
        return data


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality of the rows (unless a column says)"),
        choices=Confidentiality.choices,
        initial=Confidentiality.RESTRICTED,
    )
    def __init__(self, *args, admin: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if admin:  # the same choice as on every import page: a national organisation
            self.fields = {"organisation": owning_organisation_field(), **self.fields}
