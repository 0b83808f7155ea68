"""Forms of the precursor module (thin: services do the checks that matter)."""

from __future__ import annotations

import re

from django import forms
from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cadis.apps.precursors import selectors
from cadis.apps.precursors.models import (
    TRANSITIONS,
    NotificationIntermediary,
    NotificationStatus,
    PrecursorIncident,
    PreExportNotification,
)
from cadis.apps.precursors.screening import max_upload_bytes
from cadis.apps.reference.models import Country
from cadis.platform.scope import is_regional_user

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _countries():
    return Country.objects.order_by("-is_central_asia", "name_en")


class ScreeningUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Declarations file (CSV or XLSX)"),
        help_text=_("A header row is required; only the description column is mandatory."),
    )
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    screen_country = forms.ChoiceField(label=_("Also apply the national list of"), required=False)
    lists_on = forms.DateField(label=_("Control lists in force on"), required=False, widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        central = Country.objects.filter(is_central_asia=True).order_by("name_en")
        self.fields["screen_country"].choices = [("", _("no national list"))] + [
            (c.code, c.name) for c in central
        ]
        self.fields["file"].widget.attrs["accept"] = ".csv,.txt,.tsv,.xlsx,.xlsm"
        self.max_bytes = max_upload_bytes()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.max_bytes:
            raise forms.ValidationError(
                _("The file is too large: %(size)s MB; the limit is %(limit)s MB."),
                params={
                    "size": round(upload.size / 1048576, 1),
                    "limit": round(self.max_bytes / 1048576, 1),
                },
            )
        return upload


class NotificationForm(forms.ModelForm):
    class Meta:
        model = PreExportNotification
        fields = [
            "reference",
            "exporting_country",
            "exporting_authority",
            "importing_country",
            "importing_authority",
            "exporter",
            "importer",
            "consignee",
            "substance",
            "cas",
            "quantity",
            "unit",
            "trade_name",
            "hs_code",
            "concentration",
            "pure_quantity",
            "package_count",
            "package_type",
            "exit_point",
            "transit_countries",
            "entry_point",
            "transport_mode",
            "route",
            "expected_shipment",
            "expected_arrival",
            "export_permit",
            "import_permit",
            "response_days",
            "notes",
            "confidentiality",
        ]
        widgets = {
            "expected_shipment": DATE,
            "expected_arrival": DATE,
            "route": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "transit_countries": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("exporting_country", "importing_country", "transit_countries"):
            self.fields[name].queryset = _countries()

    def clean(self):
        data = super().clean()
        shipment, arrival = data.get("expected_shipment"), data.get("expected_arrival")
        if shipment and arrival and arrival < shipment:
            self.add_error("expected_arrival", _("The arrival cannot be before the shipment."))
        if data.get("exporting_country") and data.get("exporting_country") == data.get(
            "importing_country"
        ):
            self.add_error(
                "importing_country", _("The importing country must differ from the exporting one.")
            )
        return data


class IntermediaryForm(forms.ModelForm):
    class Meta:
        model = NotificationIntermediary
        fields = ["role", "name", "country", "address"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = _countries()


IntermediaryFormSet = forms.inlineformset_factory(
    PreExportNotification,
    NotificationIntermediary,
    form=IntermediaryForm,
    extra=2,
    max_num=10,
    validate_max=True,
    can_delete=True,
)


def intermediary_rows(formset) -> list[dict]:
    """The intermediaries a valid formset holds, in order (deleted and empty rows left out)."""
    return [
        {key: form.cleaned_data.get(key) for key in ("role", "name", "country", "address")}
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class ResponseForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    responded_on = forms.DateField(label=_("Date"), widget=DATE, initial=timezone.localdate)
    responder = forms.CharField(label=_("By (authority)"), max_length=200, required=False)
    text = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self,
        *args,
        notification: PreExportNotification,
        statuses: list[str] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        allowed = TRANSITIONS.get(notification.status, ()) if statuses is None else statuses
        self.fields["status"].choices = [(s, NotificationStatus(s).label) for s in allowed]


_IDS = re.compile(r"\d+")


class IncidentForm(forms.ModelForm):
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.none(),
        required=False,
        help_text=_("Only for users of regional organisations."),
    )
    result_ids = forms.CharField(
        label=_("Screening hits (result numbers)"),
        required=False,
        help_text=_("Numbers shown on the screening results page, separated by commas."),
    )
    supply_case_id = forms.IntegerField(
        label=_("Supply case (number)"), required=False, min_value=1
    )

    class Meta:
        model = PrecursorIncident
        fields = [
            "reference",
            "kind",
            "occurred_on",
            "place",
            "chemical",
            "cas",
            "quantity",
            "unit",
            "origin_country",
            "transit_countries",
            "destination_country",
            "modus_operandi",
            "companies",
            "description",
            "notifications",
            "supply_case_id",
            "confidentiality",
        ]
        widgets = {
            "occurred_on": DATE,
            "modus_operandi": forms.Textarea(attrs={"rows": 3}),
            "companies": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 3}),
            "transit_countries": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        for name in ("origin_country", "destination_country", "transit_countries"):
            self.fields[name].queryset = _countries()
        self.fields["notifications"].queryset = selectors.notification_list(actor=actor)
        self.fields["notifications"].required = False
        # A regional organisation says which country an incident belongs to.
        if is_regional_user(actor) and self.instance.pk is None:
            self.fields["country"].queryset = Country.objects.filter(is_central_asia=True)
            self.fields["country"].required = True
        else:
            del self.fields["country"]
        if not apps.is_installed("cadis.apps.supply"):
            del self.fields["supply_case_id"]
        if self.instance.pk and not self.is_bound:
            visible = selectors.linked_results(actor=actor, incident=self.instance)
            self.initial["result_ids"] = ", ".join(
                str(pk) for pk in visible.values_list("pk", flat=True)
            )

    def clean_result_ids(self):
        ids = sorted({int(x) for x in _IDS.findall(self.cleaned_data.get("result_ids") or "")})
        results = list(selectors.visible_results(actor=self.actor).filter(pk__in=ids))
        missing = sorted(set(ids) - {r.pk for r in results})
        if missing:
            raise forms.ValidationError(
                _("No screening result visible to you has the number %(ids)s."),
                params={"ids": ", ".join(map(str, missing))},
            )
        return results

    def clean_supply_case_id(self):
        case_id = self.cleaned_data.get("supply_case_id")
        if case_id and selectors.supply_case(actor=self.actor, case_id=case_id) is None:
            raise forms.ValidationError(_("No supply case visible to you has this number."))
        return case_id

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["screening_results"] = data.pop("result_ids", [])
        return data
