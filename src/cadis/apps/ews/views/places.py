"""Detections whose place the geocoder was unsure of: the review queue."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.urls import reverse
from django.utils.translation import gettext as _

from cadis.apps.ews import selectors, services
from cadis.apps.reference.geo_review import review_page


@login_required
def place_review(request):
    return review_page(
        request,
        records=selectors.detection_list(user=request.user).select_related("geo_place"),
        title=_("Detection places to review"),
        describe=lambda d: f"{d.detected_on:%d.%m.%Y} {d.country.code} {d.reported_name}",
        detail_url=lambda d: reverse("ews:detection_detail", args=[d.pk]),
        resolve=services.detection_place_resolve,
        nav_template="ews/_nav.html",
    )
