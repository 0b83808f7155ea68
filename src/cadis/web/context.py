from __future__ import annotations

from django.conf import settings

from cadis.web.navigation import MODULES, module_url


def navigation(request):
    items = []
    for module in MODULES:
        url, available = module_url(module)
        items.append({"key": module.key, "label": module.label, "url": url, "available": available,
                      "description": module.description,
                      "active": request.path.startswith(url) and available})
    return {"nav_modules": items, "cadis_demo": settings.CADIS_DEMO}
