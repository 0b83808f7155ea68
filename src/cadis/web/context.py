from __future__ import annotations

from django.conf import settings

from cadis.web.navigation import nav_items


def navigation(request):
    items = [
        {
            "key": item.key,
            "label": item.label,
            "url": item.url,
            "description": item.description,
            "active": request.path.startswith(item.url),
        }
        for item in nav_items(getattr(request, "user", None))
    ]
    return {"nav_modules": items, "cadis_demo": settings.CADIS_DEMO}
