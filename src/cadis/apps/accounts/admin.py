from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from cadis.apps.accounts.models import ApiToken, AuditEntry, Organisation, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_ru", "kind", "country")
    list_filter = ("kind", "country")
    search_fields = ("name_en", "name_ru")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("cadis"), {"fields": ("organisation", "role", "preferred_language")}),
    )
    list_display = ("username", "email", "organisation", "role", "is_active")
    list_filter = ("role", "organisation__country", "is_active")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "access", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "key_hash", "created_at", "last_used_at")


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = (
        "at",
        "actor_repr",
        "action",
        "object_type",
        "object_repr",
        "country",
        "source_kind",
    )
    list_filter = ("action", "object_type", "source_kind", "country")
    search_fields = ("object_repr", "actor_repr", "object_id")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
