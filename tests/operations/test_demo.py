from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from cadis.apps.accounts.models import User
from cadis.apps.operations.demo_accounts import DEMO_PASSWORD
from cadis.platform.roles import Role

pytestmark = pytest.mark.django_db


def test_the_demo_creates_a_user_of_every_role_in_every_country_and_prints_them(refdata):
    out = StringIO()
    call_command("demo", "--no-serve", stdout=out)
    for code in ("kz", "kg", "tj", "tm", "uz"):
        focal = User.objects.get(username=f"{code}_focal")
        assert focal.role == Role.FOCAL_POINT and focal.organisation.country.code == code.upper()
        assert User.objects.filter(username=f"{code}_analyst", role=Role.ANALYST).exists()
    assert User.objects.get(username="regional").role == Role.REGIONAL_ANALYST
    assert User.objects.get(username="admin").check_password(DEMO_PASSWORD)
    assert "kg_focal" in out.getvalue() and DEMO_PASSWORD in out.getvalue()


def test_running_the_demo_twice_creates_nothing_new(refdata):
    call_command("demo", "--no-serve", stdout=StringIO())
    users = User.objects.count()
    call_command("demo", "--no-serve", stdout=StringIO())
    assert User.objects.count() == users


def test_the_demo_refuses_the_production_profile_and_touches_nothing(tmp_path):
    from tests.test_settings import _cadis

    database = tmp_path / "db.sqlite3"
    result = _cadis(["demo", "--no-serve"], CADIS_PROFILE="production", CADIS_VAR_DIR=str(tmp_path),
                    SECRET_KEY="production-secret-key-for-the-demo-test-0123456789-abcdefghij",
                    ALLOWED_HOSTS="cadis.example.org", DATABASE_URL=f"sqlite:///{database}")
    assert result.returncode == 1
    assert "cadis demo refuses to run with CADIS_PROFILE=production" in result.stderr
    assert not database.exists() or database.stat().st_size == 0
