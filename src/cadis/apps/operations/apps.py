from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "cadis.apps.operations"
    label = "operations"
    verbose_name = _("Operations: demo, backup and restore")
