"""The import vocabulary built from the reference tables in a handful of queries."""

from __future__ import annotations

from cadis.apps.reference import models as ref
from cadis.apps.supply.importing.vocabulary import Vocabulary, key


def top_group_ids() -> dict[int, int]:
    """substance group id -> id of its top-level group."""
    return {
        gid: (parent or gid)
        for gid, parent in ref.SubstanceGroup.objects.values_list("id", "parent_id")
    }


def _names(table, *extra: str) -> dict[str, int]:
    lookup: dict[str, int] = {}
    for row in table.objects.values("id", "code", "name_ru", "name_en", *extra):
        for field_name in ("code", "name_ru", "name_en", *extra):
            if row[field_name]:
                lookup.setdefault(key(row[field_name]), row["id"])
    return lookup


def build_vocabulary(*, case_country_ids=None) -> Vocabulary:
    vocab = Vocabulary()
    for row in ref.Country.objects.values("id", "code", "alpha3", "name_ru", "name_en"):
        for name in ("code", "alpha3", "name_ru", "name_en"):
            vocab.countries.setdefault(key(row[name]), row["id"])
        vocab.country_labels[row["id"]] = row["name_en"]
    for row in ref.Subdivision.objects.values("id", "code", "name_ru", "name_en", "country_id"):
        for name in ("code", "name_ru", "name_en"):
            vocab.subdivisions.setdefault(key(row[name]), (row["id"], row["country_id"]))
    for row in ref.Agency.objects.values(
        "id", "code", "name_ru", "name_en", "abbr_ru", "abbr_en", "country_id"
    ):
        for name in ("code", "name_ru", "name_en", "abbr_ru", "abbr_en"):
            if row[name]:
                vocab.agencies.setdefault(key(row[name]), (row["id"], row["country_id"]))
    vocab.forms = _names(ref.DrugForm)
    vocab.concealments = _names(ref.ConcealmentMethod)
    vocab.transports = _names(ref.TransportMode)
    tops = top_group_ids()
    names = ("code", "name_ru", "name_en", "name_kk", "name_ky", "name_tg", "name_tk", "name_uz")
    for row in ref.Substance.objects.values("id", "group_id", *names):
        entry = (row["id"], tops.get(row["group_id"]), row["name_en"])
        for name in names:
            if row[name]:
                vocab.substances.setdefault(key(row[name]), entry)
    for sid, gid, label, synonym in ref.SubstanceSynonym.objects.values_list(
        "substance_id", "substance__group_id", "substance__name_en", "synonym"
    ):
        vocab.synonyms.setdefault(key(synonym), (sid, tops.get(gid), label))
    from cadis.apps.supply.models import Case

    cases = Case.objects.all()
    if case_country_ids is not None:
        cases = cases.filter(country_id__in=case_country_ids)
    for cid, country_id, reference in cases.values_list("id", "country_id", "reference"):
        vocab.cases[(country_id, key(reference))] = cid
    return vocab
