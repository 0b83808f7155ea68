from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cadis.apps.knowledge import choices as c
from cadis.apps.knowledge.models import TreatmentService
from cadis.apps.reference.models import Country, Subdivision
from cadis.platform.records import Confidentiality


class DocumentUploadForm(forms.Form):
    file = forms.FileField(label=_("File (.txt, .html, .pdf, .docx)"), required=False)
    title = forms.CharField(
        label=_("Title"),
        max_length=500,
        required=False,
        help_text=_("Left empty, the title is taken from the file."),
    )
    doc_type = forms.ChoiceField(label=_("Type"), choices=c.DocumentType.choices)
    language = forms.ChoiceField(label=_("Language"), choices=c.Language.choices)
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries concerned"),
        required=False,
        to_field_name="code",
        queryset=Country.objects.filter(is_central_asia=True),
        widget=forms.CheckboxSelectMultiple,
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        choices=c.Topic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    published_on = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    publisher = forms.CharField(label=_("Publisher"), max_length=300, required=False)
    url = forms.URLField(label=_("URL"), required=False, assume_scheme="https")
    confidentiality = forms.ChoiceField(
        label=_("Access level"), choices=Confidentiality.choices, initial=Confidentiality.RESTRICTED
    )

    def metadata(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "doc_type": data["doc_type"],
            "language": data["language"],
            "countries": [x.code for x in data["countries"]],
            "topics": data["topics"],
            "published_on": data["published_on"],
            "publisher": data["publisher"],
            "url": data["url"],
        }


class ServiceForm(forms.ModelForm):
    modalities = forms.MultipleChoiceField(
        label=_("Modalities"), choices=c.Modality.choices, widget=forms.CheckboxSelectMultiple
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = TreatmentService
        fields = [
            "name_ru",
            "name_en",
            "subdivision",
            "city",
            "address",
            "modalities",
            "capacity",
            "serves_women",
            "serves_young_people",
            "phone",
            "email",
            "website",
            "confidentiality",
        ]

    def __init__(self, *args, country_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subdivision"].queryset = Subdivision.objects.filter(country_id=country_id)
