"""Page: the generic-control simulator for focal points."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from cadis.apps.ews import simulate
from cadis.apps.ews.forms.evidence import SimulatorForm
from cadis.platform.views import shown_on


@login_required
def simulator(request):
    simulate.require_simulator(request.user)
    form = SimulatorForm(request.POST or None)
    rows = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with shown_on(form):
            if data["mode"] == "country":
                rows = simulate.run_country_rule(
                    user=request.user, jurisdiction=data.get("jurisdiction") or ""
                )
            else:
                rows = simulate.run_generic(
                    user=request.user,
                    core=data.get("core") or "",
                    positions=simulate.parse_positions(data.get("positions") or ""),
                )
    return render(
        request,
        "ews/simulator.html",
        {
            "form": form,
            "rows": rows,
            "summary": simulate.summary(rows) if rows is not None else None,
        },
    )
