"""Who may see and change what: the one place that decides country scope.

Every selector, view and API endpoint asks this module; nothing else compares
countries or confidentiality levels.

- anonymous visitors see public records only;
- every signed-in user of a country sees public records, restricted records of their
  country, and confidential records of their own organisation;
- a focal point also sees every confidential record of their country;
- a regional analyst sees restricted records of all countries (and confidential
  records of their own organisation);
- administrators see everything.

Changes: administrators anything; a focal point records of their country; a data
provider records of their own organisation; analysts nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Model, Q, QuerySet

from cadis.apps.accounts.models import Confidentiality, Role

PUBLIC = Confidentiality.PUBLIC
RESTRICTED = Confidentiality.RESTRICTED
CONFIDENTIAL = Confidentiality.CONFIDENTIAL


@dataclass(frozen=True)
class Scope:
    """What a user is, reduced to the facts access decisions need."""

    authenticated: bool
    role: str | None
    country_id: int | None
    organisation_id: int | None
    is_admin: bool

    @property
    def is_regional(self) -> bool:
        return self.role == Role.REGIONAL_ANALYST

    @property
    def is_focal_point(self) -> bool:
        return self.role == Role.FOCAL_POINT

    @property
    def can_write(self) -> bool:
        return self.is_admin or self.role in (Role.FOCAL_POINT, Role.DATA_PROVIDER)


ANONYMOUS = Scope(authenticated=False, role=None, country_id=None, organisation_id=None, is_admin=False)


def scope_of(user) -> Scope:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    organisation = user.organisation if user.organisation_id else None
    return Scope(
        authenticated=True,
        role=user.role,
        country_id=organisation.country_id if organisation else None,
        organisation_id=user.organisation_id,
        is_admin=user.is_superuser or user.role == Role.ADMINISTRATOR,
    )


def visible_q(
    user,
    *,
    country: str = "country",
    organisation: str = "organisation",
    level: str = "confidentiality",
) -> Q:
    """A filter for records the user may read; field names are given relative to the model."""
    scope = scope_of(user)
    if scope.is_admin:
        return Q()
    q = Q(**{level: PUBLIC})
    if not scope.authenticated:
        return q
    if scope.organisation_id:
        q |= Q(**{organisation: scope.organisation_id})
    if scope.is_regional:
        q |= Q(**{level: RESTRICTED})
    elif scope.country_id:
        q |= Q(**{level: RESTRICTED, country: scope.country_id})
        if scope.is_focal_point:
            q |= Q(**{level: CONFIDENTIAL, country: scope.country_id})
    return q


def visible(queryset: QuerySet, user, **fields: str) -> QuerySet:
    return queryset.filter(visible_q(user, **fields))


def can_view(user, record: Model) -> bool:
    scope = scope_of(user)
    if scope.is_admin or record.confidentiality == PUBLIC:
        return True
    if not scope.authenticated:
        return False
    if scope.organisation_id and record.organisation_id == scope.organisation_id:
        return True
    if record.confidentiality == RESTRICTED:
        return scope.is_regional or (scope.country_id is not None and record.country_id == scope.country_id)
    return scope.is_focal_point and record.country_id == scope.country_id


def can_create_in(user, *, country_id: int | None, organisation_id: int | None) -> bool:
    """May the user create a record owned by this organisation in this country?"""
    scope = scope_of(user)
    if scope.is_admin:
        return True
    if scope.role == Role.FOCAL_POINT:
        return country_id is not None and country_id == scope.country_id
    if scope.role == Role.DATA_PROVIDER:
        return organisation_id == scope.organisation_id and country_id == scope.country_id
    return False


def can_change(user, record: Model) -> bool:
    return can_create_in(user, country_id=record.country_id, organisation_id=record.organisation_id)


def can_see_audit_of_country(user, country_id: int | None) -> bool:
    scope = scope_of(user)
    return scope.is_admin or (scope.is_focal_point and country_id is not None and country_id == scope.country_id)


def countries_readable_restricted(user) -> str | int | None:
    """``"all"`` for regional readers, the user's country id, or None (public only)."""
    scope = scope_of(user)
    if scope.is_admin or scope.is_regional:
        return "all"
    return scope.country_id
