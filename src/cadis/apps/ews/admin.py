"""The library is extended here; every save is audited (the reference admin's pattern)."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import gettext as _

from cadis.apps.ews.models import Alert, AlertRule, Detection, Subscription, SubstanceProfile
from cadis.apps.reference.admin import AuditedAdmin
from cadis.engines.chem import ChemError, parse_input, standardise


class SubstanceProfileForm(forms.ModelForm):
    class Meta:
        model = SubstanceProfile
        fields = (
            "name_en",
            "name_ru",
            "synonyms",
            "smiles",
            "category",
            "international",
            "national",
            "substance",
            "in_library",
        )

    def clean_smiles(self):
        try:
            std = standardise(parse_input(self.cleaned_data["smiles"], use_opsin=False).mol)
        except ChemError as exc:
            raise forms.ValidationError(
                _("The structure is not valid: %(e)s") % {"e": exc.message}
            ) from exc
        clash = (
            SubstanceProfile.objects.filter(inchikey=std.inchikey)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if clash is not None:
            raise forms.ValidationError(
                _("This structure is already in the library as %(n)s.") % {"n": clash}
            )
        self.instance.inchikey, self.instance.formula = std.inchikey, std.formula
        return std.smiles


@admin.register(SubstanceProfile)
class SubstanceProfileAdmin(AuditedAdmin):
    form = SubstanceProfileForm
    list_display = (
        "name_en",
        "name_ru",
        "category",
        "international",
        "national",
        "in_library",
        "source",
    )
    list_filter = ("category", "in_library", "source")
    search_fields = ("name_en", "name_ru", "synonyms", "inchikey")
    readonly_fields = ("inchikey", "formula", "source", "source_file")


@admin.register(AlertRule)
class AlertRuleAdmin(AuditedAdmin):
    list_display = ("name", "kind", "threshold", "window_days", "active")


@admin.register(Detection)
class DetectionAdmin(AuditedAdmin):
    list_display = ("detected_on", "country", "organisation", "profile", "category", "deaths")
    list_filter = ("country", "category", "sample_type")
    readonly_fields = ("inchikey", "classification")


@admin.register(Alert)
class AlertAdmin(AuditedAdmin):
    list_display = ("title", "status", "country", "rule_kind", "issued_at")
    list_filter = ("status", "country")


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("user", "in_app", "email")
