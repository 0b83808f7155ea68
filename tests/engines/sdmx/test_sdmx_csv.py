"""SDMX-CSV 2.0 data read by sdmx1 with the published structure, then converted to pandas."""

from __future__ import annotations

import io
import math

import pytest
import sdmx

from cadis.engines.sdmx import (
    DuplicateKeyError,
    Observation,
    ObservationError,
    age_code,
    cadis_structures,
    check_observations,
    harms_dataflow,
    iter_sdmx_csv,
    merge_shared_margins,
    structure_message,
    tdi_code,
    tdi_dataflow,
    write_sdmx_csv,
)

FREE = {"OBS_STATUS": "A", "CONF_STATUS": "F", "UNIT_MEASURE": "PS"}
TDI = {"INDICATOR": "TDI_CLIENTS"}


def _tdi(area, value, attrs=None, time="2024", **dims):
    return Observation({"REF_AREA": area, **TDI, **dims}, time, value, {**FREE, **(attrs or {})})


SMALL_TDI = [
    _tdi("KZ", 120),
    _tdi("KZ", 71, SEX="M"),
    _tdi("KZ", None, {"CONF_STATUS": "C"}, SEX="F"),  # primary suppression
    _tdi("KZ", None, {"CONF_STATUS": "D"}, SEX="_U"),  # secondary suppression
    _tdi("KG", None, {"OBS_STATUS": "M"}),  # not reported
    _tdi("KG", 9, {"OBS_STATUS": "U"}, AGE=age_code("<15"), PRIMARY_DRUG=tdi_code("1.1")),
    _tdi("KG", 12, time="2023", INJECTING=tdi_code("refused")),
]


@pytest.fixture(scope="module")
def published():
    """The structure as a consumer gets it: our SDMX-ML parsed by sdmx1, not our objects."""
    xml = structure_message(cadis_structures(), prepared="2025-03-01T12:00:00")
    return sdmx.read_sdmx(io.BytesIO(xml))


def _read(published, flow_id: str, text: str):
    return sdmx.read_sdmx(
        io.BytesIO(text.encode()), format="csv", structure=published.dataflow[flow_id]
    )


def test_the_header_is_sdmx_csv_2_0():
    text = "".join(iter_sdmx_csv(tdi_dataflow(), SMALL_TDI))
    head = text.splitlines()[0].split(",")
    assert head[:4] == ["STRUCTURE", "STRUCTURE_ID", "ACTION", "REF_AREA"]
    assert text.splitlines()[1].startswith("dataflow,CADIS:DF_TDI(1.0),I,")


def test_sdmx1_reads_the_data_and_pandas_gets_the_values(published):
    message = _read(published, "DF_TDI", "".join(iter_sdmx_csv(tdi_dataflow(), SMALL_TDI)))
    frame = sdmx.to_pandas(message, attributes="o")
    assert len(frame) == len(SMALL_TDI)
    by_key = {
        (idx[0], idx[2], idx[3], idx[4], idx[10], idx[-1]): row for idx, row in frame.iterrows()
    }
    assert by_key[("KZ", "_T", "_T", "_T", "_T", "2024")]["value"] == 120.0
    assert by_key[("KZ", "M", "_T", "_T", "_T", "2024")]["value"] == 71.0
    suppressed = by_key[("KZ", "F", "_T", "_T", "_T", "2024")]
    assert math.isnan(suppressed["value"]) and suppressed["CONF_STATUS"] == "C"
    secondary = by_key[("KZ", "_U", "_T", "_T", "_T", "2024")]
    assert math.isnan(secondary["value"]) and secondary["CONF_STATUS"] == "D"
    missing = by_key[("KG", "_T", "_T", "_T", "_T", "2024")]
    assert math.isnan(missing["value"]) and missing["OBS_STATUS"] == "M"
    low = by_key[("KG", "_T", "Y_LT15", "1@1", "_T", "2024")]
    assert low["value"] == 9.0 and low["OBS_STATUS"] == "U"
    assert by_key[("KG", "_T", "_T", "_T", "refused", "2023")]["value"] == 12.0


def test_the_value_series_is_float_without_attributes(published):
    message = _read(published, "DF_TDI", "".join(iter_sdmx_csv(tdi_dataflow(), SMALL_TDI)))
    series = sdmx.to_pandas(message)
    assert str(series.dtype) == "float64"
    assert int(series.isna().sum()) == 3


def test_harms_figures_with_prevalence_round_trip(published):
    flow = harms_dataflow()
    pc = {**FREE, "UNIT_MEASURE": "PC", "DECIMALS": "2", "SOURCE_DETAIL": "Минздрав, 2024"}
    rows = [
        Observation({"REF_AREA": "TJ", "INDICATOR": "DRID_HIV_CASES"}, "2024", 31, FREE),
        Observation({"REF_AREA": "TJ", "INDICATOR": "DRID_HIV_TESTED"}, "2024", 400, FREE),
        Observation({"REF_AREA": "TJ", "INDICATOR": "DRID_HIV_PREV"}, "2024", 7.75, pc),
        Observation(
            {"REF_AREA": "TJ", "INDICATOR": "DRD_CASES", "SEX": "M", "AGE": "Y25T29"},
            "2024",
            4,
            {**FREE, "OBS_STATUS": "E"},
        ),
    ]
    frame = sdmx.to_pandas(
        _read(published, "DF_HARMS", "".join(iter_sdmx_csv(flow, rows))), attributes="o"
    )
    values = {idx[1]: row for idx, row in frame.iterrows()}
    assert values["DRID_HIV_PREV"]["value"] == 7.75
    assert values["DRID_HIV_PREV"]["SOURCE_DETAIL"] == "Минздрав, 2024"
    assert values["DRD_CASES"]["OBS_STATUS"] == "E"


def test_duplicate_series_keys_are_refused_with_the_key_named():
    rows = [_tdi("KG", 5), _tdi("KG", 5)]
    with pytest.raises(DuplicateKeyError, match="REF_AREA=KG.*TIME_PERIOD=2024"):
        "".join(iter_sdmx_csv(tdi_dataflow(), rows))


def test_the_same_key_in_another_period_is_not_a_duplicate():
    rows = [_tdi("KG", 5), _tdi("KG", 6, time="2023")]
    assert check_observations(tdi_dataflow(), rows) == 2


def test_shared_margins_merge_but_conflicts_do_not():
    dims = tdi_dataflow().structure.dimension_ids
    total = _tdi("KZ", 120)
    assert [
        o.value for o in merge_shared_margins([total, total, _tdi("KZ", 3, SEX="F")], dims)
    ] == [
        120,
        3,
    ]
    with pytest.raises(DuplicateKeyError, match="120 and 121"):
        list(merge_shared_margins([total, _tdi("KZ", 121)], dims))


@pytest.mark.parametrize(
    ("obs", "message"),
    [
        (_tdi("KZ", 4, {"CONF_STATUS": "C"}), "must not carry its value"),
        (_tdi("KZ", None), "needs OBS_STATUS M or CONF_STATUS C/D"),
        (_tdi("KZ", 4, SEX="U"), "'U' is not a code of SEX"),
        (_tdi("KZ", 4, PRIMARY_DRUG="1+outpatient"), "not a code of PRIMARY_DRUG"),
        (_tdi("XX", 4), "not a code of REF_AREA"),
        (_tdi("KZ", 4, time="2024/25"), "not an SDMX time period"),
        (_tdi("KZ", 4, {"OBS_STATUS": "•"}), "not a code of OBS_STATUS"),
        (_tdi("KZ", float("nan")), "not a publishable value"),
        (Observation({"REF_AREA": "KZ", **TDI}, "2024", 1, {"OBS_STATUS": "A"}), "mandatory"),
        (Observation({"REF_AREA": "KZ", **TDI, "BREAKDOWN": "x"}, "2024", 1, FREE), "no dimension"),
    ],
)
def test_observations_a_registry_would_reject_are_refused(obs, message):
    with pytest.raises(ObservationError, match=message):
        check_observations(tdi_dataflow(), [obs])


@pytest.mark.parametrize(
    "period", ["2024", "2024-Q1", "2024-01", "2024-W05", "2024-S2", "2024-01-31"]
)
def test_sdmx_time_periods_are_accepted(period):
    assert check_observations(tdi_dataflow(), [_tdi("KZ", 1, time=period)]) == 1


def test_the_writer_streams_in_chunks_and_counts_rows(tmp_path):
    rows = [_tdi("KZ", n, time=str(2000 + n)) for n in range(25)]
    chunks = list(iter_sdmx_csv(tdi_dataflow(), rows, chunk_rows=10))
    assert len(chunks) == 3
    path = tmp_path / "tdi.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        assert write_sdmx_csv(tdi_dataflow(), iter(rows), out) == 25
    assert path.read_bytes().decode("utf-8") == "".join(chunks)


def test_no_cell_carries_a_symbol():
    text = "".join(iter_sdmx_csv(tdi_dataflow(), SMALL_TDI))
    values = [line.split(",")[15] for line in text.splitlines()[1:]]
    assert all(v == "NaN" or v.replace(".", "").isdigit() for v in values)
