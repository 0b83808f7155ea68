"""The review queue of places the geocoder was unsure of, shared by the modules' pages.

A module's view passes the records to review (already limited to what the user may see) and
its service that stores a person's choice; only records the user may change are listed. Used
for seizures (supply), lab detections (ews) and accepted document facts (extraction).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cadis.apps.reference.geocoding import place_choices
from cadis.apps.reference.models import GeoStatus, Place
from cadis.platform.errors import NotFound, ValidationError
from cadis.platform.scope import can_change

QUEUE_LIMIT = 200


def to_review(queryset: QuerySet[Any]) -> QuerySet[Any]:
    """Records whose place the geocoder left for a person."""
    return queryset.filter(geo_status=GeoStatus.REVIEW)


def review_page(
    request,
    *,
    records: QuerySet[Any],
    title: str,
    describe: Callable[[Any], str],
    detail_url: Callable[[Any], str],
    resolve: Callable[..., Any],
    nav_template: str = "",
    place_text: Callable[[Any], str] = lambda record: record.place,
    country_of: Callable[[Any], str | None] | None = None,
    written_in: Callable[[Any], str] = lambda record: "",
):
    """GET: the queue, with gazetteer candidates for ``?record=&q=``; POST ``record``, ``place``:
    ``resolve(actor=, record=, place=)`` stores the choice.

    ``place_text``: the place as written (a ``place`` field by default); ``country_of``: the
    country to search the gazetteer in when the geocoder found none (the record's ``country``
    by default); ``written_in``: the language the place was written in, when the record knows it
    (the page marks the place with it; without it the text's letters decide)."""
    queue = [r for r in to_review(records)[: QUEUE_LIMIT * 2] if can_change(request.user, r)]
    queue = queue[:QUEUE_LIMIT]
    if request.method == "POST":
        record = next((r for r in queue if str(r.pk) == request.POST.get("record")), None)
        if record is None:
            raise NotFound(_("This record is not in your review queue."))
        place = Place.objects.filter(code=request.POST.get("place", "")).first()
        if place is None:
            raise ValidationError(_("Choose a place from the gazetteer."))
        resolve(actor=request.user, record=record, place=place)
        messages.success(request, _("Place saved: %(place)s.") % {"place": place.name_ru})
        return redirect(request.path)
    selected = request.GET.get("record", "")
    query = request.GET.get("q", "")
    rows = []
    for record in queue:
        searching = str(record.pk) == selected
        country = record.geo_country or (
            country_of(record)
            if country_of is not None
            else getattr(getattr(record, "country", None), "code", None)
        )
        rows.append(
            {
                "record": record,
                "label": describe(record),
                "url": detail_url(record),
                "place": place_text(record),
                "language": written_in(record),
                "searching": searching,
                "candidates": list(place_choices(query, country=country)) if searching else [],
            }
        )
    return render(
        request,
        "reference/geo_review.html",
        {"title": title, "rows": rows, "query": query, "nav_template": nav_template},
    )
