"""Static files built the production way: collectstatic with WhiteNoise's manifest storage, the
deploy check that refuses a missing or incomplete manifest, and every navigation page rendered
with the production settings against the collected files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.urls import reverse

from cadis.platform.modules import navigation

PRODUCTION_ENV = {
    "CADIS_PROFILE": "production",
    "SECRET_KEY": "production-secret-key-for-the-static-test-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "cadis.example.org",
}


def _cadis(args, var_dir, **extra) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CADIS_", "SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"))}
    env.update(PRODUCTION_ENV, CADIS_VAR_DIR=str(var_dir), DATABASE_URL=f"sqlite:///{var_dir / 'db.sqlite3'}")
    env.update(extra)
    return subprocess.run([sys.executable, "-m", "cadis.cli", *args], env=env, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """One `cadis collectstatic --no-input` with the production profile (compression included)."""
    var_dir = tmp_path_factory.mktemp("production-var")
    result = _cadis(["collectstatic", "--no-input"], var_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return var_dir


def test_collectstatic_writes_a_manifest_naming_the_vendored_bundles(collected):
    paths = json.loads((collected / "static" / "staticfiles.json").read_text())["paths"]
    for name in ("vendor/vega-lite-6.4.3.min.js", "vendor/vega-embed-7.3.0.min.js", "cadis/cadis.css"):
        assert (collected / "static" / paths[name]).is_file()


def test_the_deploy_check_passes_once_static_files_are_collected(collected):
    result = _cadis(["check", "--deploy", "--fail-level", "WARNING"], collected)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_fails_without_a_manifest(tmp_path):
    result = _cadis(["check", "--deploy"], tmp_path)
    assert result.returncode == 1
    assert "cadis.E001" in result.stderr


def test_the_deploy_check_fails_when_the_manifest_lacks_a_file(collected, tmp_path):
    static = tmp_path / "static"
    static.mkdir()
    manifest = json.loads((collected / "static" / "staticfiles.json").read_text())
    del manifest["paths"]["cadis/charts.js"]
    (static / "staticfiles.json").write_text(json.dumps(manifest))
    result = _cadis(["check", "--deploy"], tmp_path, STATIC_ROOT=str(static))
    assert result.returncode == 1
    assert "cadis.E002" in result.stderr and "cadis/charts.js" in result.stderr


@pytest.fixture
def production_static(collected, settings):
    """This process's settings switched to the production static storage over the collected files."""
    settings.DEBUG = False
    settings.STATIC_ROOT = collected / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
    settings.WHITENOISE_USE_FINDERS = False
    assert staticfiles_storage.manifest_strict  # a name missing from the manifest raises
    return collected


@pytest.mark.django_db
def test_every_navigation_page_renders_with_the_production_static_storage(production_static, client_of, personas):
    urls = ["/", "/api/v1/docs"] + [reverse(config.nav_url_name) for config in navigation()]
    for user in (None, personas.kg_analyst):
        for url in urls + ([reverse("accounts:login")] if user is None else []):
            response = client_of(user).get(url)
            assert response.status_code == 200, (url, user, response.status_code)
            body = response.content.decode()
            if url != "/api/v1/docs":
                assert "/static/cadis/cadis." in body and "/static/cadis/cadis.css" not in body, url
