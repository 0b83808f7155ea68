"""TDI 3.0 additions: code lists and the standard tables computed from plain episodes."""

from __future__ import annotations

import doctest

from hypothesis import given
from hypothesis import strategies as st

from cadis.engines.tdi import codes, tables
from cadis.engines.tdi.codes import REFUSED, VARIABLES
from cadis.engines.tdi.tables import (
    STANDARD_TABLES,
    compute_standard_tables,
    compute_table,
    episode_problems,
    first_injection_age,
)


def _episode(**fields):
    base = {
        "year": 2024,
        "age": 30,
        "sex": "male",
        "primary_drug": "1.1",
        "treatment_status": "previously",
        "injecting": "last_30d",
        "ost": "never",
    }
    base.update(fields)
    return base


def test_the_missing_items_and_refusal_codes_exist():
    for item in ("nationality", "hiv_result", "hcv_result"):
        assert item in VARIABLES
    for item in ("injecting", "needle_sharing", "hiv_testing", "hcv_testing"):
        assert REFUSED in VARIABLES[item].codes
    assert all(v.label(c).ru and v.label(c).en for v in VARIABLES.values() for c in v.codes)


def test_the_codes_match_what_the_treatment_app_stores():
    # The app's choices use these slugs; the engine must not rename them.
    assert VARIABLES["centre_type"].codes[:3] == ("outpatient", "inpatient", "prison")
    assert VARIABLES["frequency"].codes[1] == "4_6_week"
    assert VARIABLES["ost"].codes == ("never", "ever_not_now", "currently", "not_known")


def test_first_injection_age_is_recorded_or_derived_from_the_year():
    assert first_injection_age(_episode(age_first_injection=17)) == 17
    assert first_injection_age(_episode(year_first_injection=2010)) == 16
    assert first_injection_age(_episode(year_first_injection=2030)) is None
    assert first_injection_age(_episode()) is None


def test_the_first_injection_table_counts_only_people_who_ever_injected():
    episodes = (
        [_episode(age_first_injection=17)] * 6
        + [_episode(age_first_injection=22, sex="female")] * 7
        + [_episode(injecting="never", age_first_injection=19)] * 9  # not in the population
        + [_episode(injecting=REFUSED)] * 3
    )
    table = compute_table(STANDARD_TABLES["TDI_FIRST_INJECTION_AGE_SEX"], episodes)
    assert table.population == 13
    assert table.value("15-19", "male") == 6
    assert table.value("20-24", "female") == 7
    assert table.value("_T", "_T") == 13
    assert table.value("<15", "male") == 0


def test_small_cells_are_suppressed_with_their_complements():
    episodes = [_episode(age_first_injection=17)] * 3 + [_episode(age_first_injection=22)] * 20
    table = compute_table(STANDARD_TABLES["TDI_FIRST_INJECTION_AGE_SEX"], episodes)
    assert table.value("15-19", "male") is None
    flags = {(r["row"], r["column"]): r["flag"] for r in table.records()}
    assert flags[("15-19", "male")] == "primary"
    # its complement in the row goes too; the grand total stays
    assert (table.value("20-24", "male"), table.value("_T", "_T")) == (None, 23)


def test_years_since_first_ost_and_the_ost_history_of_opioid_clients():
    episodes = (
        [_episode(ost="currently", year_first_ost=2024)] * 5
        + [_episode(ost="ever_not_now", year_first_ost=2016)] * 5
        + [_episode(ost="currently")] * 5  # year unknown
        + [_episode(primary_drug="7.1", ost="never")] * 8  # cannabis: not an opioid client
    )
    since = compute_table(STANDARD_TABLES["TDI_YEARS_SINCE_FIRST_OST"], episodes)
    assert (since.value("0", "male"), since.value("6-10", "male")) == (5, 5)
    assert since.value("not_known", "male") == 5
    history = compute_table(STANDARD_TABLES["TDI_OST_HISTORY"], episodes)
    assert history.population == 15
    assert history.value("currently", "previously") == 10


def test_every_category_is_kept_even_when_empty():
    table = compute_table(STANDARD_TABLES["TDI_HIV_RESULT"], [_episode(hiv_result="negative")] * 6)
    assert [r["row"] for r in table.records() if r["column"] == "_T"][:-1] == list(
        VARIABLES["hiv_result"].codes
    )


def test_unknown_codes_fall_into_not_known_rather_than_vanishing():
    table = compute_table(STANDARD_TABLES["TDI_NATIONALITY"], [_episode(nationality="mars")] * 5)
    assert table.value("not_known", "male") == 5


def test_episode_problems_name_bad_codes_and_impossible_years():
    assert episode_problems(_episode()) == []
    problems = episode_problems(
        _episode(injecting="sometimes", year_first_injection=1990, age_first_injection=40)
    )
    assert problems == [
        "injecting: 'sometimes' is not a code",
        "year_first_injection 1990 is before the client's birth",
        "age_first_injection 40 is above the age at entry 30",
    ]


code_of = {item: st.sampled_from([*v.codes, None]) for item, v in VARIABLES.items()}
episodes = st.lists(
    st.fixed_dictionaries(
        {
            "year": st.just(2024),
            "age": st.none() | st.integers(10, 80),
            "primary_drug": st.sampled_from(["1.1", "1.5.tramadol", "3.2", "7.1", "99", None]),
            "age_first_injection": st.none() | st.integers(8, 60),
            "year_first_injection": st.none() | st.integers(1970, 2030),
            "year_first_ost": st.none() | st.integers(1990, 2030),
            **code_of,
        }
    ),
    max_size=60,
)


@given(episodes)
def test_unsuppressed_tables_add_up_to_their_population(batch):
    for table in compute_standard_tables(batch, threshold=0).values():
        assert table.table.total == table.population
        assert table.population == sum(table.spec.population.includes(e) for e in batch)


@given(episodes)
def test_no_published_inner_cell_is_a_small_count(batch):
    for table in compute_standard_tables(batch).values():
        for row in table.table.cells:
            assert all(v is None or v == 0 or v >= 5 for v in row)


def test_docstring_examples_hold():
    for module in (codes, tables):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__
