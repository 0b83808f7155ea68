from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from cadis.apps.accounts.models import Role, User
from cadis.apps.operations.demo_accounts import DEMO_PASSWORD

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
