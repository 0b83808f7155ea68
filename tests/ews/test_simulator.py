"""The generic-control simulator: personas (exact status codes), a drafted definition, a
country's rule, and detections counted only where the focal point may see them."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils.translation import override

from cadis.apps.ews import simulate
from cadis.apps.ews.models import SubstanceProfile
from cadis.platform.errors import PermissionDenied, ValidationError
from tests.ews.conftest import NEW_CATHINONE

pytestmark = pytest.mark.django_db

# N-alkyl cathinones: a phenyl free of other substituents except H or methyl at position 4,
# alpha-methyl, secondary amine with N-methyl or N-ethyl ([cH]: the ring carbon carries H).
CORE = "O=C(c1[cH][cH]c([*:1])[cH][cH]1)C([CH3])N([#1])[*:2]"
POSITIONS = "1: [#1], [CH3]\n2: [CH3], [CH2][CH3]"


def _rows(text: str) -> dict[str, str]:
    """{substance or detection link text: captured flag} from the simulator page."""
    found = re.findall(
        r'data-source="(\w+)" data-captured="(\d)">\s*<td>[^<]*</td>\s*<td><a href="[^"]+">([^<]+)</a>',
        text,
    )
    return {f"{source}:{name}": flag for source, flag, name in found}


def test_simulator_status_codes_per_persona(client_of, personas, lab, library):
    url = reverse("ews:simulator")
    assert client_of(None).get(url).status_code == 302
    assert client_of(personas.kg_analyst).get(url).status_code == 403
    assert client_of(personas.tj_analyst).get(url).status_code == 403
    assert client_of(lab).get(url).status_code == 403  # a laboratory is not a focal point
    assert client_of(personas.kg_focal).get(url).status_code == 200
    assert client_of(personas.tj_focal).get(url).status_code == 200


def test_a_drafted_definition_captures_and_misses_with_reasons(client_of, personas, library):
    with override("en"):
        rows = {r.name: r for r in simulate.run_generic(
            user=personas.kg_focal, core=CORE, positions=simulate.parse_positions(POSITIONS))
            if r.source == "catalogue"}  # fmt: skip
    assert rows["Mephedrone"].captured is True
    assert rows["alpha-PVP"].captured is False  # pyrrolidine: no N-H
    assert rows["alpha-PVP"].reason == "the core structure is not present"
    assert rows["3-MMC"].captured is False  # 3-methyl: the core asks for H there
    assert rows["3-MMC"].reason == "the core structure is not present"
    assert rows["Ketamine"].reason == "the core structure is not present"
    four_mec = rows.get("4-MEC")
    assert four_mec is not None and four_mec.captured is True  # N-ethyl is allowed


def test_the_page_lists_only_detections_the_focal_point_may_see(
    client_of, personas, report, library
):
    detection, _alert = report(personas.kg_provider, structure_input=NEW_CATHINONE,
                               confidentiality="restricted")  # fmt: skip
    post = {"mode": "country", "jurisdiction": "KG"}
    own = client_of(personas.kg_focal).post(reverse("ews:simulator"), post)
    other = client_of(personas.tj_focal).post(reverse("ews:simulator"), post)
    assert own.status_code == 200 and other.status_code == 200
    own_rows, other_rows = _rows(own.content.decode()), _rows(other.content.decode())
    key = next(k for k in own_rows if k.startswith(f"detection:#{detection.pk} "))
    assert own_rows[key] == "1"  # 4-EMC: a derivative of mephedrone under the KG model rule
    assert not any(k.startswith("detection:") for k in other_rows)
    assert other_rows["catalogue:Mephedrone"] == "1"


def test_a_country_without_a_derivative_rule_misses_the_new_cathinone(personas, report, library):
    detection, _alert = report(personas.kg_provider, structure_input=NEW_CATHINONE)
    by_code = {}
    for code in ("KG", "UZ"):
        with override("en"):
            rows = simulate.run_country_rule(user=personas.kg_focal, jurisdiction=code)
        by_code[code] = next(r for r in rows if r.source == "detection" and r.ref == detection.pk)
    assert by_code["KG"].captured is True and "Mephedrone" in by_code["KG"].reason
    assert by_code["UZ"].captured is False
    # UZ is modelled without a derivative rule and without a verified national list
    assert by_code["UZ"].reason == "unknown: no verified list held"


def test_bad_definitions_are_refused_with_the_reason(personas, library):
    with pytest.raises(ValidationError):
        simulate.parse_positions("1 [CH3]")
    with pytest.raises(ValidationError):
        simulate.parse_positions("1: [CH3")
    with pytest.raises(ValidationError):
        simulate.run_generic(user=personas.kg_focal, core="C(", positions={})
    with pytest.raises(ValidationError):
        simulate.run_generic(
            user=personas.kg_focal, core="c1ccccc1[*:1]", positions={2: ("[CH3]",)}
        )
    with pytest.raises(PermissionDenied):
        simulate.run_generic(user=personas.kg_provider, core="c1ccccc1", positions={})


def test_the_simulator_api_for_a_focal_point(client_of, personas, library):
    url = "/api/v1/ews/simulator"
    body = {"core": CORE, "positions": {"1": ["[#1]", "[CH3]"], "2": ["[CH3]", "[CH2][CH3]"]}}
    assert client_of(None).post(url, body, content_type="application/json").status_code == 401
    assert (
        client_of(personas.kg_analyst).post(url, body, content_type="application/json").status_code
        == 403
    )
    response = client_of(personas.kg_focal).post(url, body, content_type="application/json")
    assert response.status_code == 200
    mephedrone = SubstanceProfile.objects.get(name_en="Mephedrone", in_library=True)
    row = next(
        r for r in response.json() if r["source"] == "catalogue" and r["id"] == mephedrone.pk
    )
    assert row["captured"] is True
