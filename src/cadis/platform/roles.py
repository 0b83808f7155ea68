"""The roles a user can hold; ``scope`` decides what each may see and change."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    FOCAL_POINT = "focal_point", _("Focal point")
    DATA_PROVIDER = "data_provider", _("Data provider")
    ANALYST = "analyst", _("Analyst")
    REGIONAL_ANALYST = "regional_analyst", _("Regional analyst")
