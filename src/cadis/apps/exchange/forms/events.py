from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cadis.apps.exchange.models import Event, Expert
from cadis.apps.knowledge.choices import Language, Topic
from cadis.apps.reference.models import Country


class EventForm(forms.ModelForm):
    participating_countries = forms.ModelMultipleChoiceField(
        label=_("Participating countries"),
        queryset=Country.objects.filter(is_central_asia=True),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    organisations_text = forms.CharField(
        label=_("Participating organisations (one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Event
        fields = [
            "title_ru",
            "title_en",
            "kind",
            "starts_on",
            "ends_on",
            "city",
            "venue",
            "organisers",
            "summary_ru",
            "summary_en",
            "outcomes_ru",
            "outcomes_en",
            "participating_countries",
            "confidentiality",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            **{
                f: forms.Textarea(attrs={"rows": 3})
                for f in ("summary_ru", "summary_en", "outcomes_ru", "outcomes_en")
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["organisations_text"].initial = "\n".join(
                self.instance.participating_organisations
            )

    def data_for_service(self) -> dict:
        data = {f: self.cleaned_data[f] for f in self.Meta.fields if f != "participating_countries"}
        data["participating_organisations"] = [
            x.strip() for x in self.cleaned_data["organisations_text"].splitlines() if x.strip()
        ]
        return data


class SessionForm(forms.Form):
    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=400, required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=400, required=False)
    speakers = forms.CharField(label=_("Speakers"), max_length=500, required=False)


class DelegationForm(forms.Form):
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.filter(is_central_asia=True),
        to_field_name="code",
    )
    head = forms.CharField(label=_("Head of delegation"), max_length=300, required=False)
    size = forms.IntegerField(label=_("Members"), min_value=0, max_value=1000, initial=0)
    organisations = forms.CharField(label=_("Organisations"), max_length=500, required=False)


class ExpertProfileForm(forms.ModelForm):
    expertise = forms.MultipleChoiceField(
        label=_("Expertise"),
        choices=Topic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Expert
        fields = [
            "full_name",
            "organisation_name",
            "expertise",
            "languages",
            "bio_ru",
            "bio_en",
            "email",
            "confidentiality",
        ]
        widgets = {
            "bio_ru": forms.Textarea(attrs={"rows": 3}),
            "bio_en": forms.Textarea(attrs={"rows": 3}),
        }
