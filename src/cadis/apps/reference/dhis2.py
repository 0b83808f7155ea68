"""The engine's DHIS2 mapping of one instance, read from the editable reference tables.

Both directions use it: the export (``reports.dhis2``) and the import of aggregates
(``treatment.dhis2_import``).
"""

from __future__ import annotations

from cadis.apps.reference.models import Dhis2Combo, Dhis2Instance
from cadis.engines.dhis2 import DEFAULT_COMBO, Combo, Dhis2Mapping


def _combo(row: Dhis2Combo) -> Combo:
    adx = dict(pair.split("=", 1) for pair in row.adx.split(";") if pair)
    return Combo(Dhis2Combo.split(row.ours), row.dhis2_id, adx)


def mapping_for(instance: Dhis2Instance) -> Dhis2Mapping:
    """The engine's mapping from the reference tables (the default combination is implied)."""
    combos: dict[str, list[Combo]] = {Dhis2Combo.Kind.CATEGORY: [], Dhis2Combo.Kind.ATTRIBUTE: []}
    for row in instance.combos.all():
        combos[row.kind].append(_combo(row))
    for found in combos.values():
        if not any(c.ours == () for c in found):
            found.insert(0, DEFAULT_COMBO)
    return Dhis2Mapping(
        org_units={o.iso_code: o.dhis2_id for o in instance.org_units.all()},
        data_elements={d.indicator: d.dhis2_id for d in instance.data_elements.all()},
        combos=tuple(combos[Dhis2Combo.Kind.CATEGORY]),
        attribute_combos=tuple(combos[Dhis2Combo.Kind.ATTRIBUTE]),
        data_set=instance.data_set,
    )
