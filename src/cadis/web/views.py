from __future__ import annotations

import logging

from django.http import HttpResponseServerError
from django.shortcuts import render

from cadis.platform import modules

log = logging.getLogger(__name__)


def home(request):
    """The overview: what is happening (map, trend, latest alerts), what waits for me, the figures."""
    user = request.user
    context = {
        "panels": modules.home_panels(user),
        "waiting": modules.waiting_for(user),
        "figures": modules.home_figures(user),
    }
    return render(request, "web/home.html", context)


def server_error(request):
    """The 500 page in the active language, with the site's header; plain text if that fails too."""
    try:
        return render(request, "500.html", status=500)
    except Exception:  # the page of last resort must not fail in turn
        log.exception("the 500 page could not be rendered")
        return HttpResponseServerError("<h1>500</h1>", content_type="text/html")
