from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cadis.apps.exchange import choices as c
from cadis.apps.exchange.models import Recommendation
from cadis.apps.reference.models import Country
from cadis.platform.i18n import SelectMultipleInTheirLanguage
from cadis.platform.records import Confidentiality


class RecommendationForm(forms.ModelForm):
    target_countries = forms.ModelMultipleChoiceField(
        label=_("Target countries"),
        queryset=Country.objects.filter(is_central_asia=True),
        widget=forms.CheckboxSelectMultiple,
    )
    indicators_text = forms.CharField(
        label=_("Indicators (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Recommendation
        fields = [
            "title_ru",
            "title_en",
            "text_ru",
            "text_en",
            "pillar",
            "event",
            "target_countries",
            "programmes",
            "documents",
            "confidentiality",
        ]
        widgets = {
            "text_ru": forms.Textarea(attrs={"rows": 5}),
            "text_en": forms.Textarea(attrs={"rows": 5}),
            "programmes": forms.SelectMultiple(attrs={"size": 6}),
            # Documents keep their titles in the language they were written in.
            "documents": SelectMultipleInTheirLanguage,
        }

    def __init__(self, *args, events=None, documents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if events is not None:
            self.fields["event"].queryset = events
        if documents is not None:
            self.fields["documents"].queryset = documents
        self.fields["documents"].required = False
        self.fields["confidentiality"].initial = Confidentiality.PUBLIC
        self.fields["confidentiality"].label = _("Access level once adopted")
        if self.instance.pk:
            self.fields["indicators_text"].initial = "\n".join(self.instance.indicators)

    def data_for_service(self) -> dict:
        data = {
            f: self.cleaned_data[f]
            for f in (
                "title_ru",
                "title_en",
                "text_ru",
                "text_en",
                "pillar",
                "event",
                "confidentiality",
            )
        }
        data["indicators"] = [
            x.strip() for x in self.cleaned_data["indicators_text"].splitlines() if x.strip()
        ]
        return data


class CriteriaForm(forms.Form):
    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        current = {x.criterion: x for x in criteria}
        for value, label in c.Criterion.choices:
            row = current.get(value)
            self.fields[f"{value}_met"] = forms.BooleanField(
                label=label, required=False, initial=bool(row and row.met)
            )
            self.fields[f"{value}_why"] = forms.CharField(
                label=_("Justification"),
                required=False,
                initial=row.justification if row else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def values(self) -> dict[str, tuple[bool, str]]:
        return {
            v: (self.cleaned_data[f"{v}_met"], self.cleaned_data[f"{v}_why"])
            for v in c.Criterion.values
        }

    def rows(self):
        return [(self[f"{v}_met"], self[f"{v}_why"]) for v in c.Criterion.values]


class ImplementationForm(forms.Form):
    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.none(), to_field_name="code"
    )
    status = forms.ChoiceField(label=_("Status"), choices=c.ImplementationStatus.choices)
    responsible_body = forms.CharField(label=_("Responsible body"), max_length=300, required=False)
    indicator = forms.CharField(label=_("Indicator"), max_length=300, required=False)
    indicator_value = forms.CharField(label=_("Indicator value"), max_length=100, required=False)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    milestone = forms.CharField(label=_("New milestone"), max_length=300, required=False)
    milestone_due = forms.DateField(
        label=_("Milestone due on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, countries=None, **kwargs):
        super().__init__(*args, **kwargs)
        if countries is not None:
            self.fields["country"].queryset = countries
