"""The NPS library is loaded once into the test database (under every test's rollback)."""

from __future__ import annotations

import datetime as dt

import pytest

from cadis.engines.spectra import write_msp
from cadis.engines.spectra.synthetic import perturb, synthetic_spectrum


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from cadis.apps.ews.library import profiles_load

    with django_db_blocker.unblock():
        profiles_load()


@pytest.fixture
def library(db):
    """The seed library (transactional tests, which flush the database, reload it)."""
    from cadis.apps.ews.library import profiles_load
    from cadis.apps.ews.models import SubstanceProfile
    from cadis.apps.ews.rules import ensure_default_rules

    if not SubstanceProfile.objects.filter(in_library=True).exists():
        profiles_load()
    ensure_default_rules()


MEPHEDRONE = "CNC(C)C(=O)c1ccc(C)cc1"
NEW_CATHINONE = (
    "CNC(C)C(=O)c1ccc(CC)cc1"  # 4-EMC: not in the seed library, derivative of mephedrone
)


def detection_data(**overrides) -> dict:
    data = {
        "detected_on": dt.date(2026, 3, 1),
        "sample_type": "powder",
        "methods": ["gc_ms"],
        "reported_name": "",
        "structure_input": MEPHEDRONE,
        "intoxications": 0,
        "deaths": 0,
        "confidentiality": "restricted",
    }
    data.update(overrides)
    return data


@pytest.fixture
def report(personas, library):
    """report(user, **fields) -> (detection, alert) through the service."""
    from cadis.apps.ews.services import detection_create

    def _report(user, **fields):
        org = user.organisation
        return detection_create(
            actor=user, country=org.country, organisation=org, data=detection_data(**fields)
        )

    return _report


# --- analytical evidence: a forensic laboratory persona and a small regional library --------
# The spectra are made by cadis itself (`cadis.engines.spectra.synthetic`: deterministic EI-like
# spectra from the structure; `perturb` adds noise, drops peaks and shifts intensities); no
# third-party spectral library is used.

REFERENCE_SUBSTANCES = ("Mephedrone", "3-MMC", "alpha-PVP", "MDMA", "Ketamine", "Etizolam")


@pytest.fixture
def lab(personas):
    """A KG forensic laboratory with a data provider (the 'laboratory' persona)."""
    from cadis.apps.accounts.models import Organisation, User
    from cadis.platform.roles import Role
    from tests.conftest import PASSWORD

    org = Organisation.objects.create(
        name_en="KG forensic laboratory",
        name_ru="Лаборатория КР",
        kind=Organisation.Kind.FORENSIC_LABORATORY,
        country=personas.kg_org.country,
    )
    user = User(username="kg_lab", organisation=org, role=Role.DATA_PROVIDER)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def reference_library(lab, library):
    """Synthetic reference spectra of a few catalogue substances, contributed by the KG lab."""
    from cadis.apps.ews.evidence import reference_contribute
    from cadis.apps.ews.models import SubstanceProfile

    refs = []
    for name in REFERENCE_SUBSTANCES:
        profile = SubstanceProfile.objects.get(name_en=name, in_library=True)
        text = write_msp([synthetic_spectrum(profile.smiles, name)])
        refs.append(
            reference_contribute(
                actor=lab, profile=profile, text=text, file_name=f"{name}.msp",
                data={"laboratory": "KG lab", "confidentiality": "restricted"},
            )
        )  # fmt: skip
    return refs


def measured_msp(smiles: str, seed: int = 7, name: str = "unknown") -> str:
    """A 'measured' spectrum: the synthetic spectrum with noise, dropped and extra peaks."""
    return write_msp([perturb(synthetic_spectrum(smiles, name), seed)])
