"""Reference data is edited here; every save is audited like any other change."""

from __future__ import annotations

from django.contrib import admin

from cadis.apps.reference import models as ref
from cadis.platform import audit


class AuditedAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        before = audit.snapshot(type(obj).objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        if change:
            audit.record_update(actor=request.user, obj=obj, before=before)
        else:
            audit.record_create(actor=request.user, obj=obj)

    def delete_model(self, request, obj):
        before = audit.snapshot(obj)
        audit.record_delete(actor=request.user, obj=obj, before=before)
        super().delete_model(request, obj)


class SynonymInline(admin.TabularInline):
    model = ref.SubstanceSynonym
    extra = 1


class EntryInline(admin.TabularInline):
    model = ref.ControlListEntry
    extra = 0


@admin.register(ref.Country)
class CountryAdmin(AuditedAdmin):
    list_display = ("code", "name_en", "name_ru", "is_central_asia")
    list_filter = ("is_central_asia",)
    search_fields = ("code", "name_en", "name_ru")


@admin.register(ref.Subdivision)
class SubdivisionAdmin(AuditedAdmin):
    list_display = ("code", "name_en", "name_ru", "country", "kind")
    list_filter = ("country",)
    search_fields = ("code", "name_en", "name_ru")


@admin.register(ref.Agency)
class AgencyAdmin(AuditedAdmin):
    list_display = ("code", "name_en", "name_ru", "abbr_ru", "country", "kind")
    list_filter = ("country", "kind")
    search_fields = ("code", "name_en", "name_ru", "abbr_ru", "abbr_en")


@admin.register(ref.Substance)
class SubstanceAdmin(AuditedAdmin):
    list_display = ("code", "name_en", "name_ru", "kind", "group", "nps_category", "tdi_code")
    list_filter = ("kind", "group", "nps_category")
    search_fields = ("code", "name_en", "name_ru", "synonyms__synonym")
    inlines = [SynonymInline]


@admin.register(ref.ControlList)
class ControlListAdmin(AuditedAdmin):
    list_display = ("name", "kind", "country", "version", "effective_from", "effective_to")
    list_filter = ("kind", "country")
    inlines = [EntryInline]


for model in (
    ref.SubstanceGroup,
    ref.NpsCategory,
    ref.TdiDrug,
    ref.Unit,
    ref.ConcealmentMethod,
    ref.TransportMode,
    ref.DrugForm,
    ref.ChemicalSynonym,
    ref.SubstanceSynonym,
    ref.ControlListEntry,
):
    admin.site.register(model, AuditedAdmin)


class Dhis2OrgUnitInline(admin.TabularInline):
    model = ref.Dhis2OrgUnit
    extra = 0


class Dhis2DataElementInline(admin.TabularInline):
    model = ref.Dhis2DataElement
    extra = 0


class Dhis2ComboInline(admin.TabularInline):
    model = ref.Dhis2Combo
    extra = 0


@admin.register(ref.Dhis2Instance)
class Dhis2InstanceAdmin(AuditedAdmin):
    """The mapping of one DHIS2 instance, edited as a whole (see docs/exchange.md, DHIS2)."""

    list_display = ("code", "name", "name_ru", "data_set")
    inlines = (Dhis2OrgUnitInline, Dhis2DataElementInline, Dhis2ComboInline)
