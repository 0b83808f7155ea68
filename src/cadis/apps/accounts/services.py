"""Writes for accounts: organisations, users, API tokens. Each is audited."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone

from cadis.apps.accounts import tokens
from cadis.apps.accounts.models import ApiToken, Organisation, User
from cadis.platform import audit
from cadis.platform.errors import PermissionDenied
from cadis.platform.records import SourceKind
from cadis.platform.scope import scope_of


@transaction.atomic
def organisation_upsert(
    *,
    actor,
    name_en: str,
    name_ru: str,
    kind: str,
    country=None,
    agency=None,
    source_kind: str = SourceKind.SYSTEM,
) -> Organisation:
    org = Organisation.objects.filter(name_en=name_en, country=country).first()
    if org is None:
        org = Organisation.objects.create(
            name_en=name_en, name_ru=name_ru, kind=kind, country=country, agency=agency
        )
        audit.record_create(actor=actor, obj=org, source_kind=source_kind)
        return org
    before = audit.snapshot(org)
    org.name_ru, org.kind, org.agency = name_ru, kind, agency
    org.save()
    audit.record_update(actor=actor, obj=org, before=before, source_kind=source_kind)
    return org


@transaction.atomic
def user_create(
    *,
    actor,
    username: str,
    password: str,
    organisation: Organisation | None,
    role: str,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    is_superuser: bool = False,
    source_kind: str = SourceKind.SYSTEM,
) -> User:
    user = User(
        username=username,
        email=email,
        first_name=first_name,
        last_name=last_name,
        organisation=organisation,
        role=role,
        is_superuser=is_superuser,
        is_staff=is_superuser,
    )
    validate_password(password, user)
    user.set_password(password)
    user.save()
    audit.record_create(actor=actor, obj=user, source_kind=source_kind)
    return user


@transaction.atomic
def api_token_create(
    *, actor, user: User, name: str, access: str = ApiToken.Access.READ
) -> tuple[ApiToken, str]:
    """Create a token for ``user``; returns the record and the clear token, shown only once."""
    if actor.pk != user.pk and not scope_of(actor).is_admin:
        raise PermissionDenied("Only the user or an administrator may create this user's tokens.")
    raw, prefix, key_hash = tokens.generate()
    token = ApiToken.objects.create(
        user=user, name=name, prefix=prefix, key_hash=key_hash, access=access
    )
    audit.record_create(actor=actor, obj=token)
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    if actor.pk != token.user_id and not scope_of(actor).is_admin:
        raise PermissionDenied("Only the owner or an administrator may revoke this token.")
    if token.revoked_at is None:
        before = audit.snapshot(token)
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record_update(actor=actor, obj=token, before=before)
    return token
