"""Who may see and change what: the one place that decides country scope.

Every selector, view and API endpoint asks this module; nothing else compares countries,
organisations or confidentiality levels (``tests/test_scope_in_one_place.py`` scans for it).

Reading a record, by its level:

- public: everyone, anonymous visitors included;
- restricted: signed-in users of the record's country, regional analysts, its organisation;
- confidential: its organisation and the focal point of its country;
- signed-in (discussions): every signed-in user;
- administrators read everything.

Changing: administrators anything; a focal point records of their country; a data provider
records of their own organisation in their country; analysts nothing.

A model says where its owner is with an ``Owner`` declaration (``OWNER = Owner(...)`` on the
model; every ``ScopedRecord`` has the default: ``country``, ``organisation``, ``confidentiality``).
The declaration can also say that the record has a fixed level (jobs and import files are
confidential), who else reads it (its creator; the importing country of a pre-export
notification), that its audience depends on its state (a recommendation in draft or in
consultation), and that a parent record must be visible too (an implementation and its
recommendation; a discussion and its target).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from cadis.platform.errors import PermissionDenied, ValidationError
from cadis.platform.records import Confidentiality
from cadis.platform.roles import Role

PUBLIC = Confidentiality.PUBLIC
RESTRICTED = Confidentiality.RESTRICTED
CONFIDENTIAL = Confidentiality.CONFIDENTIAL
SIGNED_IN = "signed_in"  # a level for records every signed-in user reads (discussions)


@dataclass(frozen=True)
class Scope:
    """What a user is, reduced to the facts access decisions need."""

    authenticated: bool
    role: str | None
    country_id: int | None
    organisation_id: int | None
    is_admin: bool
    user_id: int | None = None

    @property
    def is_regional(self) -> bool:
        return self.role == Role.REGIONAL_ANALYST

    @property
    def is_focal_point(self) -> bool:
        return self.role == Role.FOCAL_POINT

    @property
    def can_write(self) -> bool:
        return self.is_admin or self.role in (Role.FOCAL_POINT, Role.DATA_PROVIDER)


ANONYMOUS = Scope(
    authenticated=False, role=None, country_id=None, organisation_id=None, is_admin=False
)


def scope_of(user: Any) -> Scope:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    organisation = user.organisation if user.organisation_id else None
    return Scope(
        authenticated=True,
        role=user.role,
        country_id=organisation.country_id if organisation else None,
        organisation_id=user.organisation_id,
        is_admin=user.is_superuser or user.role == Role.ADMINISTRATOR,
        user_id=user.pk,
    )


# --- owner declarations ------------------------------------------------------------------


@dataclass(frozen=True)
class Stage:
    """While a record matches ``when`` (field -> value), it has this level and these countries."""

    when: Mapping[str, Any]
    level: str
    country: str


@dataclass(frozen=True)
class Owner:
    """Where a model keeps its owner; paths are Django lookups relative to the model.

    - ``country``, ``organisation``: the owning country and organisation (None: none);
    - ``level``: the confidentiality field, or None for a record always at ``fixed_level``;
    - ``creator``: the user who made it reads it too;
    - ``readers``: countries whose signed-in users read it whatever its level;
    - ``stages``: audiences that depend on the record's state;
    - ``within``: parent records the user must be able to read as well;
    - ``target``: a generic relation whose target, when it has an owner, must be readable.
    """

    country: str | None = "country"
    organisation: str | None = "organisation"
    level: str | None = "confidentiality"
    fixed_level: str = CONFIDENTIAL
    creator: str | None = None
    readers: tuple[str, ...] = ()
    stages: tuple[Stage, ...] = ()
    within: tuple[str, ...] = ()
    target: str | None = None


RECORD = Owner()


def owner_of(model: Any) -> Owner:
    """The model's declaration (``OWNER``), or the ``ScopedRecord`` default."""
    declared = getattr(model, "OWNER", None)
    return declared if isinstance(declared, Owner) else RECORD


ALL = ~Q(pk__in=[])  # matches every row (an empty Q() would vanish when OR-ed)
NONE = Q(pk__in=[])


def _audience_q(
    scope: Scope,
    *,
    level_field: str | None,
    fixed_level: str,
    country: str | None,
    organisation: str | None,
) -> Q:
    """Who reads a record: its level is in ``level_field`` or always ``fixed_level``."""

    def at(value: str) -> Q:
        if level_field:
            return Q(**{level_field: value})
        return ALL if fixed_level == value else NONE

    q = at(PUBLIC)
    if not scope.authenticated:
        return q
    q |= at(SIGNED_IN)
    if organisation and scope.organisation_id:
        q |= Q(**{organisation: scope.organisation_id})
    if scope.is_regional:
        q |= at(RESTRICTED)
    elif scope.country_id and country:
        q |= at(RESTRICTED) & Q(**{country: scope.country_id})
        if scope.is_focal_point:
            q |= at(CONFIDENTIAL) & Q(**{country: scope.country_id})
    return q


def _readable_q(user: Any, model: Any, owner: Owner) -> Q:
    scope = scope_of(user)
    if scope.is_admin:
        return Q()
    own = _audience_q(
        scope,
        level_field=owner.level,
        fixed_level=owner.fixed_level,
        country=owner.country,
        organisation=owner.organisation,
    )
    if owner.stages:
        staged, not_staged = NONE, ALL
        for stage in owner.stages:
            when = Q(**dict(stage.when))
            staged |= when & _audience_q(
                scope,
                level_field=None,
                fixed_level=stage.level,
                country=stage.country,
                organisation=owner.organisation,
            )
            not_staged &= ~when
        own = (not_staged & own) | staged
    if scope.authenticated:
        if owner.creator:
            own |= Q(**{owner.creator: scope.user_id})
        if scope.country_id:
            for path in owner.readers:
                own |= Q(**{path: scope.country_id})
    for path in owner.within:
        parent = model._meta.get_field(path).related_model
        own &= Q(**{f"{path}__in": visible(parent._default_manager.all(), user).values("pk")})
    if owner.target:
        own &= _target_q(user, model, owner.target)
    return own


def _target_q(user: Any, model: Any, name: str) -> Q:
    from django.contrib.contenttypes.models import ContentType

    relation = model._meta.get_field(name)
    ct_field, id_field = relation.ct_field, relation.fk_field
    used = model._default_manager.exclude(**{f"{ct_field}__isnull": True}).values_list(
        ct_field, flat=True
    )
    owned = [
        ct
        for ct in ContentType.objects.filter(pk__in=used.distinct())
        if ct.model_class() is not None and _has_owner(ct.model_class())
    ]
    q = ~Q(**{f"{ct_field}__in": owned}) | Q(**{f"{ct_field}__isnull": True})
    for ct in owned:
        target_model = ct.model_class()
        assert target_model is not None
        readable = visible(target_model._default_manager.all(), user).values("pk")
        q |= Q(**{ct_field: ct, f"{id_field}__in": readable})
    return q


def _has_owner(model: Any) -> bool:
    from cadis.platform.records import ScopedRecord

    return isinstance(getattr(model, "OWNER", None), Owner) or issubclass(model, ScopedRecord)


def _to_many(model: Any, owner: Owner) -> bool:
    paths = [owner.country, *owner.readers, *(stage.country for stage in owner.stages)]
    for path in filter(None, paths):
        current = model
        for part in path.split("__"):
            relation = current._meta.get_field(part)
            if relation.many_to_many or relation.one_to_many:
                return True
            if not relation.is_relation:
                break
            current = relation.related_model
    return False


def visible_q(user: Any, model: Any, *, owner: Owner | None = None) -> Q:
    """A filter for the records of ``model`` the user may read."""
    return _readable_q(user, model, owner or owner_of(model))


def visible(queryset: QuerySet[Any], user: Any, *, owner: Owner | None = None) -> QuerySet[Any]:
    """The records of ``queryset`` the user may read (by the model's ``Owner`` unless given)."""
    model = queryset.model
    owner = owner or owner_of(model)
    q = _readable_q(user, model, owner)
    if _to_many(model, owner):
        # A many-to-many owner path (a recommendation's target countries) would repeat rows.
        return queryset.filter(pk__in=model._default_manager.filter(q).values("pk"))
    return queryset.filter(q)


def _values(obj: Any, path: str | None) -> set[Any]:
    """The values at ``path`` on an instance (ids for relations; several for many-to-many)."""
    if not path:
        return set()
    parts = path.split("__")
    for part in parts[:-1]:
        obj = getattr(obj, part, None)
        if obj is None:
            return set()
    last = parts[-1]
    meta = getattr(obj, "_meta", None)
    if meta is None:  # a plain object standing for a record (tests, reports)
        value = getattr(obj, f"{last}_id", getattr(obj, last, None))
    else:
        relation = meta.get_field(last)
        if relation.many_to_many or relation.one_to_many:
            return set(getattr(obj, last).values_list("pk", flat=True))
        value = getattr(obj, relation.attname if relation.is_relation else last)
    return set() if value is None else {value}


def _reads(scope: Scope, *, level: str, countries: set[Any], organisation_id: Any) -> bool:
    if level == PUBLIC:
        return True
    if not scope.authenticated:
        return False
    if level == SIGNED_IN:
        return True
    if scope.organisation_id and organisation_id == scope.organisation_id:
        return True
    if level == RESTRICTED:
        return scope.is_regional or (scope.country_id is not None and scope.country_id in countries)
    return level == CONFIDENTIAL and scope.is_focal_point and scope.country_id in countries


def can_view(user: Any, record: Any, *, owner: Owner | None = None) -> bool:
    """May the user read this record? The same rule as ``visible``, on one instance."""
    owner = owner or owner_of(type(record))
    scope = scope_of(user)
    if scope.is_admin:
        return True
    organisation_id = next(iter(_values(record, owner.organisation)), None)
    stored = next(iter(_values(record, owner.level)), None) if owner.level else owner.fixed_level
    level = str(stored) if stored is not None else CONFIDENTIAL  # no level read: the narrowest
    countries = _values(record, owner.country)
    for stage in owner.stages:
        if all(getattr(record, name) == value for name, value in stage.when.items()):
            level, countries = stage.level, _values(record, stage.country)
            break
    readable = _reads(scope, level=level, countries=countries, organisation_id=organisation_id)
    if not readable and scope.authenticated:
        if owner.creator and scope.user_id in _values(record, owner.creator):
            readable = True
        elif scope.country_id and any(
            scope.country_id in _values(record, p) for p in owner.readers
        ):
            readable = True
    if readable:
        for path in owner.within:
            parent = getattr(record, path)
            if parent is not None and not can_view(user, parent):
                return False
        if owner.target:
            target = getattr(record, owner.target)
            if target is not None and _has_owner(type(target)) and not can_view(user, target):
                return False
    return readable


# --- changing ------------------------------------------------------------------------------


def _id(value: Any) -> Any:
    return getattr(value, "pk", value)


def can_create_in(user: Any, *, country_id: int | None, organisation_id: int | None) -> bool:
    """May the user create a record owned by this organisation in this country?"""
    scope = scope_of(user)
    if scope.is_admin:
        return True
    if scope.role == Role.FOCAL_POINT:
        return country_id is not None and country_id == scope.country_id
    if scope.role == Role.DATA_PROVIDER:
        return organisation_id == scope.organisation_id and country_id == scope.country_id
    return False


def can_create_own(user: Any) -> bool:
    """May the user create records of their own organisation in their own country?"""
    scope = scope_of(user)
    return scope.can_write and can_create_in(
        user, country_id=scope.country_id, organisation_id=scope.organisation_id
    )


def can_create_own_in(user: Any, country: Any) -> bool:
    """May the user create a record of their own organisation in this country (or its id)?"""
    scope = scope_of(user)
    return can_create_in(user, country_id=_id(country), organisation_id=scope.organisation_id)


def can_change(user: Any, record: Any, *, owner: Owner | None = None) -> bool:
    owner = owner or owner_of(type(record))
    country_id = next(iter(_values(record, owner.country)), None)
    organisation_id = next(iter(_values(record, owner.organisation)), None)
    return can_create_in(user, country_id=country_id, organisation_id=organisation_id)


def can_edit(user: Any, record: Any = None) -> bool:
    """May the user open the form that creates a record (``record`` None) or changes this one?"""
    return scope_of(user).can_write and (record is None or can_change(user, record))


def is_focal_point_of(user: Any, country: Any) -> bool:
    """Is the user the focal point of this country (a Country or its id)?"""
    scope = scope_of(user)
    return scope.is_focal_point and country is not None and scope.country_id == _id(country)


def speaks_for(user: Any, country: Any) -> bool:
    """May the user act in the name of the country (release its tables, issue its alerts,
    edit its report texts)? Its focal point and administrators; for the region (None),
    regional analysts and administrators."""
    scope = scope_of(user)
    if scope.is_admin:
        return True
    if country is None:
        return scope.is_regional
    return is_focal_point_of(user, country)


def home_country_id(user: Any) -> int | None:
    """The user's own country (their organisation's), for defaults such as a form's country."""
    return scope_of(user).country_id


def national_organisation(user: Any) -> Any:
    """The user's organisation when it belongs to a country (None for regional ones)."""
    organisation = getattr(user, "organisation", None) if scope_of(user).authenticated else None
    return organisation if organisation is not None and organisation.country_id else None


def own_writable_organisation(user: Any) -> Any:
    """The user's national organisation when the user may record its data, else None."""
    organisation = national_organisation(user)
    if organisation is None or not can_create_in(
        user, country_id=organisation.country_id, organisation_id=organisation.pk
    ):
        return None
    return organisation


def is_regional_user(user: Any) -> bool:
    """A signed-in user whose organisation is regional or international (no country)."""
    scope = scope_of(user)
    return scope.authenticated and scope.organisation_id is not None and scope.country_id is None


def creatable_countries(user: Any, organisation: Any) -> frozenset[int] | None:
    """The countries where the user may create records owned by ``organisation``: None for
    any country (administrators), else the user's own country when allowed, else nothing."""
    scope = scope_of(user)
    if scope.is_admin:
        return None
    if scope.country_id is not None and can_create_in(
        user, country_id=scope.country_id, organisation_id=_id(organisation)
    ):
        return frozenset({scope.country_id})
    return frozenset()


def owner_for(
    actor: Any,
    *,
    country: Any = None,
    organisation: Any = None,
    regional_country: Any = None,
    missing: str = "Say which country and organisation own this record.",
    denied: str = "You may not create records for this country or organisation.",
) -> tuple[Any, Any]:
    """``(country, organisation)`` that own a record the actor creates.

    The organisation is the one given or the actor's own; the country the one given, else the
    organisation's, else (a regional organisation) ``regional_country``. A national
    organisation owns records of its own country only. PermissionDenied when there is no
    organisation or the actor may not create there; ValidationError when no country is known.
    """
    organisation = organisation or getattr(actor, "organisation", None)
    if organisation is None:
        raise PermissionDenied(denied)
    # A role that never writes is refused before it is asked for a country.
    if actor is not None and not scope_of(actor).can_write:
        raise PermissionDenied(denied)
    if country is None:
        country = organisation.country if organisation.country_id else regional_country
    if country is None:
        raise ValidationError(missing, details={"field": "country"})
    if organisation.country_id not in (None, country.pk):
        raise PermissionDenied(denied)
    # No actor at all is the system itself (demo loaders, commands), which may write anywhere;
    # an anonymous visitor is a user object and is refused like any other.
    if actor is not None and not can_create_in(
        actor, country_id=country.pk, organisation_id=organisation.pk
    ):
        raise PermissionDenied(denied)
    return country, organisation


def can_see_audit_of_country(user: Any, country_id: int | None) -> bool:
    scope = scope_of(user)
    return scope.is_admin or is_focal_point_of(user, country_id)


def countries_readable_restricted(user: Any) -> str | int | None:
    """``"all"`` for regional readers, the user's country id, or None (public only)."""
    scope = scope_of(user)
    if scope.is_admin or scope.is_regional:
        return "all"
    return scope.country_id


def may_read_restricted_of(user: Any, country_id: int) -> bool:
    """Does the user read the country's restricted data (its users, regional readers)?"""
    readable = countries_readable_restricted(user)
    return readable == "all" or readable == country_id


def shared_with_country(queryset: QuerySet[Any], *, owner: Owner | None = None) -> QuerySet[Any]:
    """The records every reader of a restricted record of the same country may read (public,
    signed-in and restricted ones; not the confidential records of one organisation).

    What is computed from them (counts of a statistical signal) may then be shown in a record
    restricted to that country without telling anyone more than they could read already."""
    owner = owner or owner_of(queryset.model)
    if not owner.level:
        return queryset.none() if owner.fixed_level == CONFIDENTIAL else queryset
    return queryset.filter(**{f"{owner.level}__in": [PUBLIC, SIGNED_IN, RESTRICTED]})
