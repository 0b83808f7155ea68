"""A declarative description of SDMX structures: code lists, concepts, DSDs, dataflows.

Only what cadis publishes is modelled: one maintenance agency (``CADIS``), coded
dimensions plus the time dimension, one primary measure (``OBS_VALUE``, a double) and
observation-level attributes, coded or free text. Names are bilingual (Russian first,
English second) because every structure is published in both languages.

>>> sex = Codelist("CL_SEX", Text("Пол", "Sex"), (Code("F", Text("Женский", "Female")),))
>>> sex.urn
'urn:sdmx:org.sdmx.infomodel.codelist.Codelist=CADIS:CL_SEX(1.0)'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from cadis.engines.sdmx.ids import is_ncname_id, is_sdmx_id, sdmx_id

AGENCY = "CADIS"
VERSION = "1.0"


class StructureError(ValueError):
    """A structure that SDMX would reject (bad id, unknown reference, duplicate code)."""


@dataclass(frozen=True)
class Text:
    """A bilingual name: Russian and English."""

    ru: str
    en: str

    def items(self) -> tuple[tuple[str, str], ...]:
        return (("ru", self.ru), ("en", self.en))


@dataclass(frozen=True)
class Code:
    id: str
    name: Text
    parent: str | None = None

    def __post_init__(self) -> None:
        if not is_sdmx_id(self.id):
            raise StructureError(f"code id {self.id!r} does not match the SDMX IDType pattern")


@dataclass(frozen=True)
class Codelist:
    id: str
    name: Text
    codes: tuple[Code, ...]
    agency: str = AGENCY
    version: str = VERSION

    def __post_init__(self) -> None:
        if not is_ncname_id(self.id):
            raise StructureError(f"code list id {self.id!r} must be an NCName id")
        seen: set[str] = set()
        for code in self.codes:
            if code.id in seen:
                raise StructureError(f"code {code.id!r} appears twice in {self.id}")
            seen.add(code.id)
        for code in self.codes:
            if code.parent is not None and code.parent not in seen:
                raise StructureError(f"{self.id}: parent {code.parent!r} of {code.id!r} unknown")

    @cached_property
    def ids(self) -> frozenset[str]:
        return frozenset(code.id for code in self.codes)

    @property
    def urn(self) -> str:
        return (
            f"urn:sdmx:org.sdmx.infomodel.codelist.Codelist={self.agency}:{self.id}({self.version})"
        )


@dataclass(frozen=True)
class Concept:
    id: str
    name: Text

    def __post_init__(self) -> None:
        if not is_ncname_id(self.id):
            raise StructureError(f"concept id {self.id!r} must be an NCName id")


@dataclass(frozen=True)
class Dimension:
    """A coded dimension; its id is also the id of its concept."""

    id: str
    codelist: Codelist


@dataclass(frozen=True)
class Attribute:
    """An observation-level attribute: coded when ``codelist`` is given, else free text."""

    id: str
    codelist: Codelist | None = None
    mandatory: bool = False


@dataclass(frozen=True)
class DataStructure:
    id: str
    name: Text
    dimensions: tuple[Dimension, ...]
    attributes: tuple[Attribute, ...]
    time_dimension: str = "TIME_PERIOD"
    measure: str = "OBS_VALUE"
    agency: str = AGENCY
    version: str = VERSION

    def __post_init__(self) -> None:
        ids = [d.id for d in self.dimensions] + [a.id for a in self.attributes]
        ids += [self.time_dimension, self.measure]
        for component in ids:
            if not is_ncname_id(component):
                raise StructureError(f"component id {component!r} must be an NCName id")
        if len(set(ids)) != len(ids):
            raise StructureError(f"{self.id}: a component id is used twice")

    @property
    def dimension_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.dimensions)

    @property
    def attribute_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.attributes)

    def codelists(self) -> list[Codelist]:
        found = [d.codelist for d in self.dimensions]
        found += [a.codelist for a in self.attributes if a.codelist is not None]
        return found


@dataclass(frozen=True)
class Dataflow:
    id: str
    name: Text
    structure: DataStructure
    agency: str = AGENCY
    version: str = VERSION

    def __post_init__(self) -> None:
        if not is_sdmx_id(self.id):
            raise StructureError(f"dataflow id {self.id!r} does not match IDType")

    @property
    def reference(self) -> str:
        """The ``AGENCY:ID(VERSION)`` form used in SDMX-CSV's STRUCTURE_ID column."""
        return f"{self.agency}:{self.id}({self.version})"


@dataclass(frozen=True)
class StructureSet:
    """Everything one structure message publishes, checked for consistency.

    Code lists and concepts are collected from the dataflows; two different code lists
    under one id are refused (they would shadow each other in a registry).
    """

    dataflows: tuple[Dataflow, ...]
    concepts: tuple[Concept, ...]
    concept_scheme_id: str = "CS_CADIS"
    concept_scheme_name: Text = field(default=Text("Понятия CADIS", "CADIS concepts"))

    def __post_init__(self) -> None:
        known = {c.id for c in self.concepts}
        for flow in self.dataflows:
            dsd = flow.structure
            needed = [*dsd.dimension_ids, dsd.time_dimension, dsd.measure, *dsd.attribute_ids]
            missing = [c for c in needed if c not in known]
            if missing:
                raise StructureError(f"{dsd.id}: no concept for {', '.join(missing)}")
        self.codelists()  # raises on clashes

    def codelists(self) -> list[Codelist]:
        by_id: dict[str, Codelist] = {}
        for flow in self.dataflows:
            for codelist in flow.structure.codelists():
                other = by_id.setdefault(codelist.id, codelist)
                if other != codelist:
                    raise StructureError(f"two different code lists are called {codelist.id}")
        return list(by_id.values())

    def data_structures(self) -> list[DataStructure]:
        by_id: dict[str, DataStructure] = {}
        for flow in self.dataflows:
            other = by_id.setdefault(flow.structure.id, flow.structure)
            if other != flow.structure:
                raise StructureError(f"two different structures are called {flow.structure.id}")
        return list(by_id.values())


def codelist_from_pairs(
    codelist_id: str,
    name: Text,
    rows: Iterable[tuple[str, str, str] | tuple[str, str, str, str | None]],
) -> Codelist:
    """A code list from (code, name_ru, name_en[, parent]) rows of *our* codes.

    Codes go through :func:`~cadis.engines.sdmx.ids.sdmx_id`, parents too.

    >>> cl = codelist_from_pairs("CL_X", Text("x", "x"), [("1", "а", "a"), ("1.1", "б", "b", "1")])
    >>> [(c.id, c.parent) for c in cl.codes]
    [('1', None), ('1@1', '1')]
    """
    codes = []
    for row in rows:
        code, ru, en, *rest = row
        parent = rest[0] if rest else None
        codes.append(Code(sdmx_id(code), Text(ru, en), sdmx_id(parent) if parent else None))
    return Codelist(codelist_id, name, tuple(codes))
