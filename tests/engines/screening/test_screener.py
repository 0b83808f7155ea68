from __future__ import annotations

import pytest

from cadis.engines.screening import (
    ControlledSubstance,
    ControlList,
    EvidenceKind,
    Screener,
    WarningCode,
)

from .conftest import cas_of

ACETIC_ANHYDRIDE = "108-24-7"
EPHEDRINE = "299-42-3"
PSEUDOEPHEDRINE = "90-82-4"
ACETONE = "67-64-1"
PERMANGANATE = "7722-64-7"
SULPHURIC_ACID = "7664-93-9"
HYDROCHLORIC_ACID = "7647-01-0"


@pytest.mark.parametrize(
    ("description", "cas"),
    [
        ("Ангидрид уксусной к-ты техн., бочки 200 л", ACETIC_ANHYDRIDE),
        ("Acetic anhydride 99% min", ACETIC_ANHYDRIDE),
        ("uksusnyy angidrid", ACETIC_ANHYDRIDE),
        ("Калий марганцовокислый х.ч.", PERMANGANATE),
        ("Permanganate of potash, crystals", PERMANGANATE),
        ("Кислота серная аккумуляторная, р-р 37%", SULPHURIC_ACID),
        ("Acid, sulphuric, 98%", SULPHURIC_ACID),
        ("Sernaya kislota tekhnicheskaya", SULPHURIC_ACID),
        ("Диэтиловый эфир для наркоза", "60-29-7"),
        ("Метилэтилкетон (МЭК)", "78-93-3"),
        ("MEK, 200 l drums", "78-93-3"),
        ("P-2-P", "103-79-7"),
        ("3,4-MDP-2-P in cans", "4676-39-5"),
        ("BMK methyl glycidate powder", "80532-66-7"),
        ("ГБЛ техн.", "96-48-0"),
        ("Гексагидропиридин", "110-89-4"),
        ("Фосфор красный", "7723-14-0"),
        ("Бутандиол-1,4", "110-63-4"),
    ],
)
def test_it_finds_controlled_names_in_any_language_or_word_order(screener, description, cas):
    assert cas in cas_of(screener, description)


@pytest.mark.parametrize(
    "description",
    [
        "Уксусная кислота ледяная 99,8%",
        "Acetic acid glacial",
        "Acetonitrile HPLC grade",
        "Ацетонитрил",
        "Piperazine anhydrous",
        "Пиперазин гексагидрат",
        "o-Toluidine",
        "Толуидин",
        "Manganese dioxide",
        "Двуокись марганца",
        "Potassium manganate",
        "Калия манганат",
        "Sulphur, granulated",
        "Сера техническая комовая",
        "Ephedra herb, dried",
        "Эфедра хвощевая, трава",
        "L-Phenylalanine",
        "Фенилаланин",
        "Sodium chloride",
        "Ammonium sulphate fertiliser",
        "Аммоний сернокислый",
        "Ethyl acetate",
        "Этиловый эфир уксусной кислоты",
        "n-Butanol",
        "Пропанол-2",
        "Toluene diisocyanate (TDI)",
        "Acetone cyanohydrin",
        "Nitromethane",
        "Drotaverine HCl",
        "Sodium permanganate 40% solution",
        "Benzene",
        "Мапа региона",
    ],
)
def test_hard_negatives_stay_clear(screener, description):
    assert cas_of(screener, description) == []


@pytest.mark.parametrize(
    ("description", "cas"),
    [
        ("Эфедрина гидрохлорид", EPHEDRINE),
        ("Ephedrine sulphate BP", EPHEDRINE),
        ("Pseudoephedrine sulfate", PSEUDOEPHEDRINE),
        ("Псевдоэфедрина гидрохлорид субстанция", PSEUDOEPHEDRINE),
        ("Эргометрина малеат", "60-79-7"),
        ("Sodium phenylacetate", "103-82-2"),
        ("Фенилацетат натрия", "103-82-2"),
        ("Methylamine hydrochloride", "74-89-5"),
    ],
)
def test_salts_of_listed_substances_map_to_the_parent(screener, description, cas):
    assert cas_of(screener, description) == [cas]


def test_pseudoephedrine_is_not_also_reported_as_ephedrine(screener):
    assert cas_of(screener, "pseudo-ephedrine HCl") == [PSEUDOEPHEDRINE]


def test_a_salt_cas_number_maps_to_the_parent(screener):
    hits = screener.screen_line("Химический реактив", cas="134-72-5")  # ephedrine sulphate
    assert [hit.cas for hit in hits] == [EPHEDRINE]
    assert "salt" in hits[0].evidence[0].note


def test_hcl_counts_as_hydrochloric_acid_only_as_the_product(screener):
    assert cas_of(screener, "HCl 35%, technical") == [HYDROCHLORIC_ACID]
    assert cas_of(screener, "Pseudoephedrine HCl") == [PSEUDOEPHEDRINE]


@pytest.mark.parametrize(
    ("description", "cas"),
    [
        ("Potassium permangnate", PERMANGANATE),
        ("Пермангант калия", PERMANGANATE),
        ("Pseudoephedirne sulfate", PSEUDOEPHEDRINE),
        ("Ангидрид уксусной кисоты", ACETIC_ANHYDRIDE),
        ("Metyhl ethyl ketone", "78-93-3"),
    ],
)
def test_typos_are_caught_by_fuzzy_matching(screener, description, cas):
    hits = screener.screen_line(description)
    assert [hit.cas for hit in hits] == [cas]
    assert any(e.kind is EvidenceKind.FUZZY for e in hits[0].evidence)


def test_typos_in_the_ending_of_a_name_are_not_guessed(screener):
    # butanol/butanone and propanol/propanone differ only in the last letter.
    assert cas_of(screener, "Butanol") == []
    assert cas_of(screener, "Пропанол") == []


def test_a_valid_cas_number_alone_is_evidence(screener):
    assert cas_of(screener, "Химическая продукция", cas="67-64-1") == [ACETONE]


def test_a_cas_number_inside_the_description_is_evidence(screener):
    assert cas_of(screener, "Chemical product (CAS 108-24-7)") == [ACETIC_ANHYDRIDE]


def test_a_wrong_check_digit_is_a_warning_and_not_evidence(screener):
    result = screener.screen("Химическая продукция", cas="67-64-2")
    assert result.hits == []
    assert [w.code for w in result.warnings] == [WarningCode.CAS_CHECK_DIGIT]


def test_a_malformed_cas_is_a_warning(screener):
    result = screener.screen("Reagent", cas="67-6A-1")
    assert [w.code for w in result.warnings] == [WarningCode.CAS_MALFORMED]


def test_a_cas_column_may_carry_labels_or_omit_the_hyphens(screener):
    assert cas_of(screener, "Reagent", cas="CAS No. 67-64-1") == [ACETONE]
    assert cas_of(screener, "Reagent", cas="67641") == [ACETONE]
    assert screener.screen("Reagent", cas="67642").warnings[0].code is WarningCode.CAS_CHECK_DIGIT


def test_goods_described_as_free_of_a_substance_are_clear(screener):
    assert cas_of(screener, "Жидкость для снятия лака без ацетона") == []
    assert cas_of(screener, "Acetone-free nail polish remover") == []


def test_an_hs_column_may_hold_a_label_and_several_codes(screener):
    assert cas_of(screener, "Goods", hs_code="ТН ВЭД 2914 11 000 0") == [ACETONE]
    assert sorted(cas_of(screener, "Goods", hs_code="2914.11; 2902.30")) == ["108-88-3", ACETONE]


def test_a_named_hs_subheading_alone_is_evidence_in_any_national_notation(screener):
    assert cas_of(screener, "Goods", hs_code="2841 61 000 0") == [PERMANGANATE]
    assert cas_of(screener, "Goods", hs_code="2915240000") == [ACETIC_ANHYDRIDE]


def test_a_residual_hs_subheading_alone_is_not_enough(screener):
    assert cas_of(screener, "Organic chemical", hs_code="2933.39") == []


def test_a_residual_hs_subheading_strengthens_a_name(screener):
    plain = screener.screen_line("4-piperidone")[0].score
    with_code = screener.screen_line("4-piperidone", hs_code="2933.39")[0].score
    assert with_code > plain


def test_an_hs_code_written_in_the_description_counts_after_its_label(screener):
    assert cas_of(screener, "Товар, код ТН ВЭД 2914110000") == [ACETONE]
    assert cas_of(screener, "Batch 291411 of goods") == []


def test_scores_combine_evidence_and_stay_between_zero_and_one(screener):
    name_only = screener.screen_line("Acetone")[0].score
    everything = screener.screen_line("Acetone", hs_code="2914.11", cas="67-64-1")[0].score
    assert 0 < name_only < everything <= 1


def test_hits_explain_themselves_and_name_the_list_version(screener):
    hit = screener.screen_line("Ацетон технический", cas="67-64-1")[0]
    assert hit.list == "table_II"
    assert "Acetone" in hit.explanation and "Table II" in hit.explanation
    assert hit.list_version == screener.version
    name = next(e for e in hit.evidence if e.kind is EvidenceKind.NAME)
    assert name.span == (0, 6) and name.text == "Ацетон"


def test_national_lists_apply_only_for_their_country(screener):
    assert cas_of(screener, "Acetone 99%", country="KZ") == [ACETONE, ACETONE]
    assert [h.list for h in screener.screen_line("Acetone 99%", country="KZ")] == [
        "table_II",
        "national:KZ",
    ]
    assert [h.list for h in screener.screen_line("Acetone 99%")] == ["table_II"]


def test_national_thresholds_apply_when_a_concentration_is_stated(screener):
    result = screener.screen("Hydrochloric acid 10% solution", country="UZ")
    assert [h.list for h in result.hits] == ["table_II"]
    assert [w.code for w in result.warnings] == [WarningCode.BELOW_THRESHOLD]
    above = screener.screen_line("Соляная кислота 35%", country="UZ")
    assert "national:UZ" in [h.list for h in above]


def test_national_additions_without_threshold_need_their_country(screener):
    assert cas_of(screener, "Benzyl cyanide") == []
    assert cas_of(screener, "Benzyl cyanide", country="KZ") == ["140-29-4"]


def test_screen_many_returns_one_result_per_record(screener):
    records = [{"id": "a", "description": "Toluol"}, {"id": "b", "description": "Rice"}]
    results = list(screener.screen_many(records))
    assert [(r.id, r.flagged) for r in results] == [("a", True), ("b", False)]


def test_a_screener_can_be_built_from_a_control_list_made_elsewhere():
    ctrl = ControlList(
        version="db-7",
        entries=(
            ControlledSubstance(
                cas="120-58-1", name="Isosafrole", list="table_I", names_ru=("Изосафрол",)
            ),
        ),
    )
    hits = Screener.from_control_list(ctrl).screen_line("изосафрол техн.")
    assert [(h.cas, h.list_version) for h in hits] == [("120-58-1", "db-7")]


def test_empty_and_odd_lines_are_clear(screener):
    for text in ["", "   ", "%%%", "12345", "—"]:
        assert screener.screen_line(text) == []


@pytest.mark.parametrize(
    "description",
    [
        "Hydrofluoric acid 40%",
        "Diethyl ketone",
        "Диэтилкетон",
        "Butanone oxime",
        "Heliotropyl acetone",
        "N-methylephedrine",
        "N-benzyl-4-piperidone",
        "Methyl ethyl ether",
        "Phenylethanol",
        "Diethylene glycol diethyl ether",
    ],
)
def test_other_compounds_built_on_a_listed_name_stay_clear(screener, description):
    assert cas_of(screener, description) == []


def test_a_name_that_starts_with_a_substituent_is_still_found(screener):
    assert cas_of(screener, "Ethyl ether, anhydrous") == ["60-29-7"]
    assert cas_of(screener, "Phenyl acetone") == ["103-79-7"]


def test_mixed_case_formulae_keep_their_case(screener):
    assert cas_of(screener, "KMnO4 crystals") == [PERMANGANATE]


@pytest.mark.parametrize(
    "description",
    [
        "Piperidine-4-carboxylic acid",
        "Толуол-2,4-диизоцианат",
        "4-Methoxy phenylacetic acid",
        "Chloro acetone",
        "Этиловый эфир 4-нитробензойной кислоты",
    ],
)
def test_derivatives_named_with_locants_or_prefixes_stay_clear(screener, description):
    assert cas_of(screener, description) == []


@pytest.mark.parametrize(
    ("description", "cas"),
    [
        ("Бутанон-2 технический", "78-93-3"),
        ("Бутандиол-1,4", "110-63-4"),
        ("Күкірт қышқылы", SULPHURIC_ACID),
        ("Sulfat kislotasi 93%", SULPHURIC_ACID),
    ],
)
def test_locants_without_a_suffix_and_central_asian_names_are_found(screener, description, cas):
    assert cas_of(screener, description) == [cas]


def test_a_cas_number_of_an_unlisted_substance_outweighs_a_guess(screener):
    assert cas_of(screener, "Potassium permangnate") == [PERMANGANATE]
    assert cas_of(screener, "Potassium permangnate", cas="10294-64-1") == []
    assert cas_of(screener, "MEK", cas="108-10-1") == []
    # An exact name stays: the conflict is for the analyst to see.
    assert cas_of(screener, "Acetone", cas="67-63-0") == [ACETONE]
