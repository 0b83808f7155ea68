"""The import vocabulary built from the reference tables in a handful of queries."""

from __future__ import annotations

from collections.abc import Hashable, Mapping

from cadis.apps.reference import everyday
from cadis.apps.reference import models as ref
from cadis.apps.supply.importing.vocabulary import Vocabulary, key
from cadis.platform.imports.matcher import Entry, Matcher, entries_from_rows

NAMES = ("code", "name_ru", "name_en")
NATIONAL = ("name_kk", "name_ky", "name_tg", "name_tk", "name_uz")


def top_group_ids() -> dict[int, int]:
    """substance group id -> id of its top-level group."""
    return {
        gid: (parent or gid)
        for gid, parent in ref.SubstanceGroup.objects.values_list("id", "parent_id")
    }


def _matcher(table, vocabulary: str, mappings, scope=None) -> Matcher:
    rows = table.objects.values("id", *NAMES)
    entries = entries_from_rows(
        rows, names=NAMES, label="name_ru", synonyms=everyday.BY_VOCABULARY.get(vocabulary)
    )
    return Matcher(entries, scope=scope, mappings=mappings.get(vocabulary, {}))


def form_matcher(mappings: Mapping[str, Mapping[str, Hashable]] | None = None) -> Matcher:
    """Drug forms: codes, Russian and English names, everyday words (``everyday.DRUG_FORM``)."""
    return _matcher(ref.DrugForm, "form", mappings or {})


def substance_matcher(
    mappings: Mapping[str, Mapping[str, Hashable]] | None = None,
    *,
    groups: dict[int, int | None] | None = None,
    substances=None,
) -> Matcher:
    """The substance vocabulary of the imports: codes, Russian, English and national names and
    the reference synonyms (``SubstanceSynonym``: inflections, street words), labelled in
    English, with the organisation's ``substance`` mappings. ``groups`` (when given) receives
    substance id -> id of its top-level group; ``substances`` narrows the entries (a queryset
    of ``Substance``)."""
    mappings = mappings or {}
    tops = top_group_ids() if groups is not None else {}
    synonyms: dict[int, list[str]] = {}
    for sid, synonym in ref.SubstanceSynonym.objects.values_list("substance_id", "synonym"):
        synonyms.setdefault(sid, []).append(synonym)
    entries = []
    table = ref.Substance.objects.all() if substances is None else substances
    for row in table.values("id", "group_id", *NAMES, *NATIONAL):
        if groups is not None:
            groups[row["id"]] = tops.get(row["group_id"])
        entries.append(
            Entry(
                row["id"],
                row["name_en"],
                names=tuple(row[n] for n in (*NAMES, *NATIONAL) if row[n]),
                synonyms=tuple(synonyms.get(row["id"], ())),
            )
        )
    return Matcher(entries, mappings=mappings.get("substance", {}))


def build_vocabulary(
    *,
    case_country_ids=None,
    country_id: int | None = None,
    mappings: Mapping[str, Mapping[str, Hashable]] | None = None,
) -> Vocabulary:
    """``country_id``: the importer's country (its agencies win); ``mappings``: the
    organisation's remembered mappings, vocabulary -> key(value as written) -> entry id."""
    mappings = mappings or {}
    vocab = Vocabulary()
    for row in ref.Country.objects.values("id", "code", "alpha3", "name_ru", "name_en"):
        for name in ("code", "alpha3", "name_ru", "name_en"):
            vocab.countries.setdefault(key(row[name]), row["id"])
        vocab.country_labels[row["id"]] = row["name_en"]
    for row in ref.Subdivision.objects.values("id", "code", "name_ru", "name_en", "country_id"):
        for name in ("code", "name_ru", "name_en"):
            vocab.subdivisions.setdefault(key(row[name]), (row["id"], row["country_id"]))
    agencies = ref.Agency.objects.values(
        "id", "code", "name_ru", "name_en", "abbr_ru", "abbr_en", "country_id"
    )
    vocab.agencies = Matcher(
        entries_from_rows(
            agencies,
            names=("code", "name_ru", "name_en", "abbr_ru", "abbr_en"),
            label="name_ru",
            synonyms=everyday.AGENCY,
            scope="country_id",
        ),
        scope=country_id,
        mappings=mappings.get("agency", {}),
    )
    vocab.forms = form_matcher(mappings)
    vocab.concealments = _matcher(ref.ConcealmentMethod, "concealment", mappings)
    vocab.transports = _matcher(ref.TransportMode, "transport", mappings)
    vocab.substances = substance_matcher(mappings, groups=vocab.substance_groups)
    from cadis.apps.supply.models import Case

    cases = Case.objects.all()
    if case_country_ids is not None:
        cases = cases.filter(country_id__in=case_country_ids)
    for cid, country_id_, reference in cases.values_list("id", "country_id", "reference"):
        vocab.cases[(country_id_, key(reference))] = cid
    return vocab
