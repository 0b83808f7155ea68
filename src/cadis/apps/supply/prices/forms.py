from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cadis.apps.reference import models as ref
from cadis.apps.supply.prices.models import PriceRecord
from cadis.apps.supply.prices.services import PRICE_FIELDS, record_problems

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PriceRecordForm(forms.ModelForm):
    class Meta:
        model = PriceRecord
        fields = list(PRICE_FIELDS)
        widgets = {
            "period_start": DATE,
            "period_end": DATE,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"currency": _("ISO 4217: KZT, KGS, TJS, TMT, UZS, USD...")}

    def __init__(self, *args, country=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["substance"].queryset = ref.Substance.objects.exclude(
            kind=ref.Substance.Kind.PRECURSOR
        ).order_by("name_en")
        if country is not None:
            self.fields["subdivision"].queryset = ref.Subdivision.objects.filter(country=country)

    def clean(self):
        data = super().clean()
        if not self.errors:
            draft = PriceRecord(**{k: data.get(k) for k in PRICE_FIELDS if k in data})
            draft.currency = (draft.currency or "").upper()
            for field, message in record_problems(draft):
                self.add_error(field if field in self.fields else None, message)
        return data

    def service_data(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in PRICE_FIELDS}
