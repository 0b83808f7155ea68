"""Reference data models: vocabularies (core) and the gazetteer (places)."""

from __future__ import annotations

from cadis.apps.reference.models.core import (
    CENTRAL_ASIA,
    Agency,
    ChemicalSynonym,
    Coded,
    CodedQuerySet,
    ConcealmentMethod,
    ControlList,
    ControlListEntry,
    Country,
    DrugForm,
    MultilingualName,
    NationalLanguageNames,
    NpsCategory,
    Subdivision,
    Substance,
    SubstanceGroup,
    SubstanceSynonym,
    TdiDrug,
    TransportMode,
    Unit,
)
from cadis.apps.reference.models.dhis2 import (
    Dhis2Combo,
    Dhis2DataElement,
    Dhis2Instance,
    Dhis2OrgUnit,
)
from cadis.apps.reference.models.mappings import ImportMapping
from cadis.apps.reference.models.places import (
    GAZETTEER_CREDITS,
    Geocoded,
    GeoStatus,
    Place,
    PlaceName,
)

__all__ = [
    "Agency",
    "CENTRAL_ASIA",
    "ChemicalSynonym",
    "Coded",
    "CodedQuerySet",
    "ConcealmentMethod",
    "ControlList",
    "ControlListEntry",
    "Country",
    "Dhis2Combo",
    "Dhis2DataElement",
    "Dhis2Instance",
    "Dhis2OrgUnit",
    "DrugForm",
    "GAZETTEER_CREDITS",
    "GeoStatus",
    "Geocoded",
    "ImportMapping",
    "MultilingualName",
    "NationalLanguageNames",
    "NpsCategory",
    "Place",
    "PlaceName",
    "Subdivision",
    "Substance",
    "SubstanceGroup",
    "SubstanceSynonym",
    "TdiDrug",
    "TransportMode",
    "Unit",
]
