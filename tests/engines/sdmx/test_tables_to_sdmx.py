"""A suppressed TDI table, end to end: engine table -> SDMX-CSV -> sdmx1 -> pandas."""

from __future__ import annotations

import doctest
import io
import math

import sdmx

from cadis.engines.sdmx import (
    cadis_structures,
    iter_sdmx_csv,
    merge_shared_margins,
    structure_message,
    table_observations,
    tables,
    tdi_dataflow,
)
from cadis.engines.sdmx.tables import dimension_code
from cadis.engines.tdi.tables import STANDARD_TABLES, compute_table


def _episodes():
    def ep(drug, injecting, n):
        return [{"year": 2024, "primary_drug": drug, "injecting": injecting}] * n

    return (
        ep("1.1", "last_30d", 40)
        + ep("1.1", "never", 12)
        + ep("3.2", "last_30d", 3)  # small: suppressed with complements
        + ep("3.2", "never", 25)
        + ep("7.1", "never", 60)
        + ep("7.1", "refused", 6)
    )


def test_a_suppressed_table_reaches_pandas_with_its_values_and_flags():
    table = compute_table(STANDARD_TABLES["TDI_INJECTING"], _episodes())
    records = table.records()
    observations = list(
        merge_shared_margins(
            table_observations(
                records,
                rows="injecting",
                columns="primary_drug_group",
                key={"REF_AREA": "UZ"},
                time="2024",
            ),
            tdi_dataflow().structure.dimension_ids,
        )
    )
    text = "".join(iter_sdmx_csv(tdi_dataflow(), observations))
    published = sdmx.read_sdmx(io.BytesIO(structure_message(cadis_structures())))
    message = sdmx.read_sdmx(
        io.BytesIO(text.encode()), format="csv", structure=published.dataflow["DF_TDI"]
    )
    frame = sdmx.to_pandas(message, attributes="o").reset_index()
    assert len(frame) == len(records)
    found = {
        (row.INJECTING, row.PRIMARY_DRUG): (row.value, row.CONF_STATUS)
        for row in frame.itertuples()
    }
    hidden = 0
    for record in records:
        value, status = found[
            (
                dimension_code("injecting", record["row"]),
                dimension_code("primary_drug_group", record["column"]),
            )
        ]
        if record["flag"]:
            hidden += 1
            assert (
                math.isnan(value) and status == {"primary": "C", "secondary": "D"}[record["flag"]]
            )
        else:
            assert value == record["value"] and status == "F"
    assert hidden >= 4  # the 3 stimulant injectors and their complements
    assert found[("_T", "_T")] == (146.0, "F")
    assert found[("refused", "7")] == (6.0, "F")


def test_docstring_examples_hold():
    result = doctest.testmod(tables)
    assert result.failed == 0 and result.attempted > 0
