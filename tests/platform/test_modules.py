"""The module registry: one registration (the app's AppConfig) feeds settings, URLs, API and web."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

import cadis.apps
from cadis.platform import modules as registry
from cadis.platform.roles import Role

MODULES = [
    "knowledge",
    "exchange",
    "supply",
    "extraction",
    "precursors",
    "ews",
    "treatment",
    "reports",
]


def test_settings_install_exactly_the_modules_their_configs_declare():
    discovered = registry.discover_modules(Path(cadis.apps.__file__).parent)
    assert discovered == [f"cadis.apps.{label}" for label in MODULES]
    assert settings.CADIS_MODULES == discovered
    assert [c.label for c in registry.modules()] == MODULES


def test_a_foundation_app_registers_figures_and_its_api_without_being_a_module():
    reference = next(c for c in registry.app_configs() if c.label == "reference")
    assert not reference.is_module and reference.api_router and reference.home_figures
    assert "reference" in [label for label, _router in registry.api_routers()]


def test_every_module_is_mounted_at_its_prefix():
    for config in registry.modules():
        assert reverse(config.nav_url_name).startswith(f"/{config.url_prefix}")


def test_every_declared_page_exists_and_the_landing_page_is_declared():
    for config in registry.modules():
        assert config.nav_url_name in config.pages, config.label
        for url_name, audience in config.pages.items():
            assert url_name.startswith(f"{config.label}:")
            assert reverse(url_name)
            assert audience <= registry.EVERYONE and audience


@pytest.mark.django_db
def test_who_may_use_a_page_follows_the_declared_audience(personas):
    assert registry.may_use(None, "supply:dashboard")
    assert not registry.may_use(None, "supply:import_upload")
    assert not registry.may_use(personas.kg_analyst, "supply:import_upload")
    assert registry.may_use(personas.kg_provider, "supply:import_upload")
    assert registry.audience_of(personas.admin) == Role.ADMINISTRATOR
    # A page no module declares is not restricted by the registry.
    assert registry.page_audience("web:home") is None and registry.may_use(None, "web:home")


def test_supply_receives_the_fact_types_it_turns_into_records():
    from cadis.apps.extraction import sinks
    from cadis.apps.supply.facts import SINK, proposals

    assert registry.fact_kinds_received() == set(proposals.RECORDABLE_TYPES)
    assert all(registry.fact_sink(kind) is SINK for kind in proposals.RECORDABLE_TYPES)
    assert registry.fact_sink("trafficking_route") is None and sinks.recordable_types() == set(
        proposals.RECORDABLE_TYPES
    )
