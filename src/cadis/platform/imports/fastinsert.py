"""Many rows in one ``executemany`` per table.

Django's ``bulk_create`` on SQLite is limited to 999 parameters per statement (about 25
seizures), which makes 100,000-row imports slow; one prepared statement run over all rows
is many times faster on SQLite and PostgreSQL alike. Values go through each field's
``pre_save`` and ``get_db_prep_save``, exactly as Django would prepare them, except where
that is provably the identity (below).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.db import connection, models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models.base import ModelState
from django.utils import timezone

# Field classes (exactly these, not subclasses) whose pre_save reads the attribute and whose
# database preparation returns a value of the listed Python types unchanged. For a million
# values, skipping the generic path saves seconds; any other value or field goes through
# Django's own preparation.
_PLAIN_FIELDS: dict[type, tuple[type, ...]] = {
    models.CharField: (str,),
    models.TextField: (str,),
    models.SlugField: (str,),
    models.IntegerField: (int,),
    models.BigIntegerField: (int,),
    models.SmallIntegerField: (int,),
    models.PositiveIntegerField: (int,),
    models.PositiveBigIntegerField: (int,),
    models.PositiveSmallIntegerField: (int,),
    models.BooleanField: (bool,),
    models.FloatField: (float, int),
}


_MISSING = object()


def _preparer(field: Any, now: Any) -> Callable[[Any], Any]:
    """A function of a model object that returns the field's value ready for the database.

    Values are read from the instance's ``__dict__`` (where a field's value lives) rather than
    through the field's descriptor: for a foreign key's id the descriptor costs a call per
    value. ``now`` is the one time of this insert for ``auto_now``/``auto_now_add`` fields.
    """
    attname = field.attname
    if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
        prepared = field.get_db_prep_save(now, connection)

        def stamp(obj: Any) -> Any:
            obj.__dict__[attname] = now  # as the field's pre_save would set it
            return prepared

        return stamp
    if _json_as_text(field):
        return _json_preparer(field)
    plain = _PLAIN_FIELDS.get(type(field))
    if plain is None and isinstance(field, models.ForeignKey):
        plain = _PLAIN_FIELDS.get(type(field.target_field))
        if type(field.target_field) in (models.AutoField, models.BigAutoField):
            plain = (int,)
    if plain is None:
        return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), connection)
    types = (*plain, type(None))

    def prepare(obj: Any) -> Any:
        value = obj.__dict__.get(attname, _MISSING)
        if type(value) in types:
            return value
        return field.get_db_prep_save(field.pre_save(obj, True), connection)

    return prepare


def _json_as_text(field: Any) -> bool:
    """A JSON field that this database stores as the text ``json.dumps`` makes (SQLite, with
    Django's default encoder): PostgreSQL gets its own adapter object, so it keeps Django's path."""
    return (
        type(field) is models.JSONField
        and field.encoder is None
        and type(connection.ops).adapt_json_value is BaseDatabaseOperations.adapt_json_value
        and type(field).get_prep_value is models.JSONField.get_prep_value
    )


def _json_preparer(field: Any) -> Callable[[Any], Any]:
    attname = field.attname

    def prepare(obj: Any) -> Any:
        value = obj.__dict__.get(attname, _MISSING)
        if value is None:
            return None  # SQL NULL, as Django's get_db_prep_save
        if type(value) in _JSON_PLAIN:
            return json.dumps(value)  # what adapt_json_value returns, without four calls
        return field.get_db_prep_save(field.pre_save(obj, True), connection)

    return prepare


_JSON_PLAIN = (dict, list, str, int, float, bool)


def insert_many(model: Any, objects: list[Any], *, chunk: int = 5000) -> None:
    """INSERT the unsaved ``objects`` (ids are not read back)."""
    if not objects:
        return
    fields = [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key or getattr(objects[0], f.attname)
    ]
    now = timezone.now()
    preparers = [_preparer(f, now) for f in fields]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    with connection.cursor() as cursor:
        for start in range(0, len(objects), chunk):
            rows = [
                [prepare(obj) for prepare in preparers] for obj in objects[start : start + chunk]
            ]
            cursor.executemany(sql, rows)


class RowBuilder:
    """Unsaved instances of ``model`` for :func:`insert_many`, built without ``Model.__init__``.

    For 100,000 audit entries and link rows ``__init__`` (signals, descriptor checks) costs
    seconds; these instances carry every field's default and the given values, keyed by
    attribute name (``actor_id``, not ``actor``). They are for inserting, not for saving.
    """

    def __init__(self, model: Any) -> None:
        self.model = model
        self._static: dict[str, Any] = {}
        self._dynamic: list[Any] = []
        for field in model._meta.concrete_fields:
            if field.has_default() and callable(field.default):
                self._dynamic.append(field)
            else:
                self._static[field.attname] = field.get_default()
        self._names = {field.attname for field in model._meta.concrete_fields}

    def __call__(self, **values: Any) -> Any:
        unknown = values.keys() - self._names
        if unknown:
            raise TypeError(f"{self.model.__name__} has no field {sorted(unknown)}")
        obj = self.model.__new__(self.model)
        data = obj.__dict__
        data.update(self._static)
        for field in self._dynamic:
            data[field.attname] = field.get_default()
        data.update(values)
        data["_state"] = ModelState()
        return obj
