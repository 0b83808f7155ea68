from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cadis.platform.modules import FOCAL_POINTS, SIGNED_IN, CadisAppConfig


class AccountsConfig(CadisAppConfig):
    """Not a module (no ``url_prefix``: mounted by the project); it declares who uses its pages."""

    name = "cadis.apps.accounts"
    label = "accounts"
    verbose_name = _("Accounts and access")
    pages = {"accounts:tokens": SIGNED_IN, "accounts:audit_log": FOCAL_POINTS}
