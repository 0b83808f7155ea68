"""``{% load cadis_nav %}`` … ``{% if user|may_use:"supply:import_upload" %}``: links a persona may follow.

The answer comes from the module registry's ``pages`` (``cadis.platform.modules.may_use``), so
a template shows a link only to those the page will not answer 403.
"""

from __future__ import annotations

from django import template

from cadis.platform.modules import may_use as registry_may_use

register = template.Library()


@register.filter
def may_use(user, url_name: str) -> bool:
    return registry_may_use(user, url_name)
