"""The top navigation, read from the module registry (``cadis.platform.modules``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from cadis.platform import modules as registry


@dataclass(frozen=True)
class NavItem:
    key: str
    label: Any
    url: str
    description: Any


def nav_items(user: Any = None) -> list[NavItem]:
    """One entry per installed module with a navigation label, in navigation order.

    With ``user``, only the entries whose page that user may use (``registry.may_use``)."""
    return [
        NavItem(
            config.label, config.nav_label, reverse(config.nav_url_name), config.nav_description
        )
        for config in registry.navigation()
        if config.nav_url_name and (user is None or registry.may_use(user, config.nav_url_name))
    ]
