from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from cadis.web.navigation import MODULES, home_figures


def home(request):
    return render(request, "web/home.html", {"figures": home_figures(request.user)})


def module_coming(request, key: str):
    module = next((m for m in MODULES if m.key == key), None)
    if module is None:
        raise Http404
    return render(request, "web/module_coming.html", {"module": module})
