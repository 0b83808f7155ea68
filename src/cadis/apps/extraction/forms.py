from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cadis.platform.records import Confidentiality


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
