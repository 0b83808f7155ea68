from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cadis.apps.ews.choices import Category, Method, QuantityUnit, SampleType
from cadis.apps.ews.models import Alert
from cadis.apps.reference.models import CENTRAL_ASIA, Country, Subdivision
from cadis.platform.api import MAX_COUNT, MAX_ID, MAX_QUANTITY
from cadis.platform.records import Confidentiality


def _central_asian_countries() -> list[tuple[str, str]]:
    """(ISO code, name in the reader's language): the choices are evaluated per form."""
    names = Country.objects.filter(code__in=CENTRAL_ASIA).names()
    return [(code, names.get(code, code)) for code in CENTRAL_ASIA]


class IdentifyForm(forms.Form):
    structure = forms.CharField(
        label=_("Structure or name"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "CNC(C)C(=O)c1ccc(C)cc1"}),
        help_text=_("SMILES, InChI, MOL block or a name from the library."),
    )


class DetectionForm(forms.Form):
    detected_on = forms.DateField(
        label=_("Date of detection"), widget=forms.DateInput(attrs={"type": "date"})
    )
    laboratory = forms.CharField(label=_("Laboratory"), max_length=300, required=False)
    subdivision = forms.ModelChoiceField(
        label=_("Subdivision"), queryset=Subdivision.objects.none(), required=False
    )
    place = forms.CharField(label=_("Place"), max_length=300, required=False)
    sample_type = forms.ChoiceField(label=_("Sample type"), choices=SampleType.choices)
    methods = forms.MultipleChoiceField(
        label=_("Analytical methods"), choices=Method.choices, widget=forms.CheckboxSelectMultiple
    )
    reported_name = forms.CharField(
        label=_("Substance as reported"), max_length=300, required=False
    )
    structure_input = forms.CharField(
        label=_("Structure"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "SMILES, InChI or MOL block. Without a structure the reported name is looked up "
            "in the library."
        ),
    )
    quantity = forms.DecimalField(
        label=_("Quantity"), required=False, min_value=0, max_value=MAX_QUANTITY, max_digits=14,
        decimal_places=4,
    )
    quantity_unit = forms.ChoiceField(
        label=_("Unit"), choices=[("", "—"), *QuantityUnit.choices], required=False
    )
    purity = forms.FloatField(label=_("Purity, %"), required=False, min_value=0, max_value=100)
    seizure_ref = forms.IntegerField(
        label=_("Linked seizure number"), required=False, min_value=1, max_value=MAX_ID
    )
    intoxications = forms.IntegerField(
        label=_("Intoxications"), min_value=0, max_value=MAX_COUNT, initial=0
    )
    deaths = forms.IntegerField(label=_("Deaths"), min_value=0, max_value=MAX_COUNT, initial=0)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"),
        choices=Confidentiality.choices,
        initial=Confidentiality.RESTRICTED,
    )

    def __init__(self, *args, country=None, **kwargs):
        super().__init__(*args, **kwargs)
        if country is not None:
            self.fields["subdivision"].queryset = Subdivision.objects.filter(
                country=country
            ).order_by("code")

    def clean(self):
        data = super().clean()
        if (
            not (data.get("structure_input") or "").strip()
            and not (data.get("reported_name") or "").strip()
        ):
            raise forms.ValidationError(_("Enter the structure or at least the substance name."))
        if data.get("quantity") is not None and not data.get("quantity_unit"):
            self.add_error("quantity_unit", _("Choose the unit of the quantity."))
        return data


class AlertForm(forms.ModelForm):
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        choices=_central_asian_countries,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Alert
        fields = (
            "title",
            "category",
            "countries",
            "risk_type",
            "risk_origin",
            "event_date",
            "event_place",
            "exposure",
            "analytical_data",
            "toxicological_data",
            "identification_methods",
            "health_risks",
            "social_risks",
            "measures",
            "other_information",
        )
        widgets = {
            "event_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{
                f: forms.Textarea(attrs={"rows": 2})
                for f in (
                    "risk_type",
                    "risk_origin",
                    "exposure",
                    "analytical_data",
                    "toxicological_data",
                    "identification_methods",
                    "health_risks",
                    "social_risks",
                    "measures",
                    "other_information",
                )
            },
        }


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for withdrawal"), widget=forms.Textarea(attrs={"rows": 2})
    )


class SubscriptionForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=_("Categories (none: all)"),
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries (none: all)"),
        choices=_central_asian_countries,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    in_app = forms.BooleanField(
        label=_("Notify me in the application"), required=False, initial=True
    )
    email = forms.BooleanField(label=_("Notify me by e-mail"), required=False)
