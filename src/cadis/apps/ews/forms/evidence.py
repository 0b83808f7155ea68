"""Forms of the analytical evidence, the spectral library and the generic-control simulator."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cadis.apps.ews.choices import JURISDICTIONS
from cadis.apps.ews.confidence import technique_choices
from cadis.apps.ews.models import SubstanceProfile
from cadis.apps.reference.templatetags.countries import country_name
from cadis.engines.spectra import ADDUCTS
from cadis.platform.records import Confidentiality

ADDUCT_CHOICES = [("", _("any common adduct")), *((a, a) for a in ADDUCTS)]


class EvidenceForm(forms.Form):
    techniques = forms.MultipleChoiceField(
        label=_("Techniques (SWGDRUG category)"),
        choices=technique_choices,
        widget=forms.CheckboxSelectMultiple,
    )
    reference_standard = forms.BooleanField(
        label=_("Compared with a reference standard run in the laboratory"), required=False
    )
    reference_standard_note = forms.CharField(
        label=_("Reference standard (supplier, lot)"), max_length=300, required=False
    )
    retention_time = forms.FloatField(label=_("Retention time, min"), required=False, min_value=0)
    retention_index = forms.FloatField(label=_("Retention index"), required=False, min_value=0)


class SpectrumUploadForm(forms.Form):
    file = forms.FileField(label=_("Spectrum file (MSP, JCAMP-DX or MGF)"), required=False)
    precursor_mz = forms.FloatField(label=_("LC-HRMS precursor m/z"), required=False, min_value=0)
    adduct = forms.ChoiceField(label=_("Adduct"), choices=ADDUCT_CHOICES, required=False)


class SpectrumSearchForm(forms.Form):
    file = forms.FileField(label=_("EI spectrum file (MSP, JCAMP-DX or MGF)"), required=False)
    text = forms.CharField(
        label=_("or paste the spectrum"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "placeholder": "Name: unknown\n41 120\n58 999"}),
    )


class SuspectForm(forms.Form):
    mz = forms.FloatField(label=_("Measured precursor m/z"), min_value=0)
    adduct = forms.ChoiceField(label=_("Adduct"), choices=ADDUCT_CHOICES, required=False)
    ppm = forms.FloatField(label=_("Tolerance, ppm"), initial=5.0, min_value=0.1, max_value=50)


class ReferenceForm(forms.Form):
    profile = forms.ModelChoiceField(
        label=_("Catalogue substance"),
        queryset=SubstanceProfile.objects.filter(in_library=True).order_by("name_en"),
    )
    file = forms.FileField(label=_("EI spectrum file (MSP, JCAMP-DX or MGF)"))
    laboratory = forms.CharField(label=_("Laboratory"), max_length=300, required=False)
    instrument = forms.CharField(
        label=_("Instrument and conditions"), max_length=300, required=False
    )
    retention_index = forms.FloatField(label=_("Retention index"), required=False, min_value=0)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    confidentiality = forms.ChoiceField(
        label=_("Confidentiality"), choices=Confidentiality.choices, initial="restricted"
    )


class SimulatorForm(forms.Form):
    MODES = [("generic", _("Draft a generic definition")), ("country", _("A country's rule"))]
    mode = forms.ChoiceField(label=_("Simulate"), choices=MODES, initial="generic",
                             widget=forms.RadioSelect)  # fmt: skip
    core = forms.CharField(
        label=_("Core structure (SMARTS, variable positions as [*:1], [*:2], ...)"),
        required=False,
        max_length=2000,
        widget=forms.TextInput(attrs={"size": 70}),
    )
    positions = forms.CharField(
        label=_("Allowed substituents per position"),
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 4, "placeholder": "1: [CH3], [CH2][CH3]\n2: [#1], [CH3]"}
        ),
        help_text=_(
            "One line per position: number, colon, SMARTS groups separated by commas; "
            "[#1] allows hydrogen."
        ),
    )
    jurisdiction = forms.ChoiceField(label=_("Jurisdiction"), choices=(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jurisdiction"].choices = jurisdiction_choices()


def jurisdiction_choices() -> list[tuple[str, str]]:
    """The jurisdictions of the legal-status rules, named (not coded) in the reader's language."""
    return [
        (code, _("International (1961, 1971)") if code == "international" else country_name(code))
        for code in JURISDICTIONS
    ]
