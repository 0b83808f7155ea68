from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cadis.apps.reference.import_pages import TableImportForm
from cadis.apps.reference.models import Dhis2Instance, TdiDrug
from cadis.apps.treatment import choices as c
from cadis.apps.treatment.models import AGE_BAND_CHOICES, SEX_ALL_CHOICES
from cadis.apps.treatment.services import CODED_FIELDS, FIRST_FIELDS
from cadis.apps.treatment.validation import episode_problems
from cadis.platform.records import Confidentiality

CHOICE_CLASSES = {
    "centre_type": c.CentreType,
    "treatment_status": c.TreatmentStatus,
    "sex": c.Sex,
    "nationality": c.Nationality,
    "referral": c.Referral,
    "living_with": c.LivingWith,
    "living_with_children": c.YesNo,
    "living_where": c.LivingWhere,
    "education": c.Education,
    "labour_status": c.LabourStatus,
    "route": c.Route,
    "frequency": c.Frequency,
    "polydrug": c.YesNo,
    "injecting": c.Injecting,
    "needle_sharing": c.NeedleSharing,
    "hiv_testing": c.Testing,
    "hiv_result": c.TestResult,
    "hcv_testing": c.Testing,
    "hcv_result": c.TestResult,
    "ost": c.Ost,
}
FIELD_LABELS = {
    "centre_type": _("Centre type"),
    "treatment_status": _("Treatment status"),
    "sex": _("Sex"),
    "nationality": _("Nationality"),
    "referral": _("Referral source"),
    "living_with": _("Living with"),
    "living_with_children": _("Living with children"),
    "living_where": _("Living where"),
    "education": _("Education"),
    "labour_status": _("Labour status"),
    "route": _("Usual route"),
    "frequency": _("Frequency of use (last 30 days)"),
    "polydrug": _("Polydrug problem"),
    "injecting": _("Injecting"),
    "needle_sharing": _("Needle sharing"),
    "hiv_testing": _("HIV testing"),
    "hiv_result": _("HIV test result"),
    "hcv_testing": _("HCV testing"),
    "hcv_result": _("HCV test result"),
    "ost": _("Opioid substitution treatment"),
}


def _drug_choices(with_alcohol: bool = False):
    choices = [(d.code, f"{d.number} {d.name}") for d in TdiDrug.objects.order_by("code")]
    if with_alcohol:
        choices.append((c.ALCOHOL, _("Alcohol")))
    return choices


class EpisodeForm(forms.Form):
    """A treatment episode; identity fields only on creation and never stored."""

    national_id = forms.CharField(
        label=_("National identifier"),
        required=False,
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    full_name = forms.CharField(
        label=_("Full name"), required=False, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    birth_date = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "off"}),
    )
    start_date = forms.DateField(
        label=_("Treatment start date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    age = forms.IntegerField(
        label=_("Age at treatment entry"), required=False, min_value=0, max_value=110
    )
    age_first_use = forms.IntegerField(
        label=_("Age at first use"), required=False, min_value=0, max_value=110
    )
    age_first_injection = forms.IntegerField(
        label=_("Age at first injection"), required=False, min_value=0, max_value=110
    )
    year_first_injection = forms.IntegerField(
        label=_("Year of first injection"),
        required=False,
        min_value=1900,
        max_value=2100,
        help_text=_("Either the age or the year of first injection is enough."),
    )
    year_first_ost = forms.IntegerField(
        label=_("Year of first opioid substitution treatment"),
        required=False,
        min_value=1900,
        max_value=2100,
    )
    primary_drug = forms.ChoiceField(label=_("Primary drug"))
    secondary_drugs = forms.MultipleChoiceField(
        label=_("Secondary drugs (up to three)"), required=False
    )
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"),
        choices=Confidentiality.choices,
        initial=Confidentiality.CONFIDENTIAL,
    )

    def __init__(self, *args, with_identity: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.with_identity = with_identity
        if not with_identity:
            for name in ("national_id", "full_name", "birth_date"):
                del self.fields[name]
        self.fields["primary_drug"].choices = _drug_choices()
        self.fields["secondary_drugs"].choices = _drug_choices(with_alcohol=True)
        for name in CODED_FIELDS:
            self.fields[name] = forms.ChoiceField(
                label=FIELD_LABELS[name], choices=CHOICE_CLASSES[name].choices, initial=c.NOT_KNOWN
            )

    def clean(self):
        data = super().clean()
        if self.with_identity and not (
            data.get("national_id") or (data.get("full_name") and data.get("birth_date"))
        ):
            raise forms.ValidationError(
                _("Give the national identifier, or the name and date of birth.")
            )
        values = self.values()
        codes = {code for code, _label in self.fields["primary_drug"].choices}
        for field, message in episode_problems(
            values, tdi_codes=codes, birth_date=data.get("birth_date")
        ):
            self.add_error(field if field in self.fields else None, message)
        return data

    def values(self) -> dict:
        data = self.cleaned_data
        values = {
            name: data.get(name)
            for name in ("start_date", "age", "age_first_use", *FIRST_FIELDS, *CODED_FIELDS)
        }
        values["primary_drug_code"] = data.get("primary_drug")
        values["secondary_drugs"] = list(data.get("secondary_drugs") or [])
        values["confidentiality"] = data.get("confidentiality")
        return values

    def identity(self) -> dict:
        data = self.cleaned_data
        return {
            "national_id": data.get("national_id") or "",
            "full_name": data.get("full_name") or "",
            "birth_date": data.get("birth_date"),
        }


class ImportForm(TableImportForm):
    """The upload form of the treatment imports (the shared table import form)."""


class Dhis2ImportForm(forms.Form):
    file = forms.FileField(label=_("ADX (XML) or DHIS2 data value set (JSON) file"))
    file_format = forms.ChoiceField(
        label=_("Format"),
        choices=[
            ("", _("By the file name")),
            ("adx", "ADX (XML)"),
            ("json", _("DHIS2 data value set (JSON)")),
        ],
        required=False,
    )
    instance = forms.ModelChoiceField(
        label=_("DHIS2 instance (mapping)"),
        queryset=Dhis2Instance.objects.all(),
        to_field_name="code",
    )
    dry_run = forms.BooleanField(label=_("Check only (dry run)"), required=False, initial=True)
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality of new figures"),
        choices=Confidentiality.choices,
        initial=Confidentiality.PUBLIC,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".xml", ".adx", ".json")):
            raise forms.ValidationError(_("Upload a .xml, .adx or .json file."))
        return upload


class HarmForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Indicator"), choices=c.HarmIndicator.choices)
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    sex = forms.ChoiceField(label=_("Sex"), choices=SEX_ALL_CHOICES, initial="all")
    age_band = forms.ChoiceField(label=_("Age band"), choices=AGE_BAND_CHOICES, initial="all")
    substance = forms.ModelChoiceField(
        label=_("Substance"),
        queryset=TdiDrug.objects.order_by("code"),
        required=False,
        empty_label=_("All substances"),
    )
    cases = forms.IntegerField(label=_("Cases"), min_value=0)
    tested = forms.IntegerField(label=_("People tested (DRID)"), min_value=0, required=False)
    source = forms.CharField(label=_("Source"), max_length=300)
    data_quality = forms.ChoiceField(label=_("Data quality"), choices=c.DataQuality.choices)
    quality_note = forms.CharField(
        label=_("Data-quality note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"), choices=Confidentiality.choices, initial=Confidentiality.PUBLIC
    )

    def clean(self):
        data = super().clean()
        if data.get("indicator") == "drd" and data.get("tested") is not None:
            self.add_error("tested", _("Deaths have no 'people tested' denominator."))
        if (
            data.get("tested") is not None
            and data.get("cases") is not None
            and data["cases"] > data["tested"]
        ):
            self.add_error("cases", _("More positive cases than people tested."))
        return data
