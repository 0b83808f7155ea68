"""Gazetteer models: populated places, districts, border crossing points, airports and
subdivision centroids, with their names. Loaded from the geo engine's data by
`cadis refdata load` (see `gazetteer_loader`); GeoNames data, CC BY 4.0 (docs/geo.md).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cadis.apps.reference.models.core import (
    Coded,
    Country,
    MultilingualName,
    NationalLanguageNames,
    Subdivision,
)

# Shown wherever places or maps appear (the site footer carries it): GeoNames asks for credit.
GAZETTEER_CREDITS = _(
    "Place names and coordinates: GeoNames (geonames.org), CC BY 4.0. "
    "Country boundaries: Natural Earth (public domain)."
)


class Place(Coded, MultilingualName, NationalLanguageNames):
    class Kind(models.TextChoices):
        POPULATED_PLACE = "place", _("Populated place")
        DISTRICT = "district", _("District (centre)")
        CROSSING = "crossing", _("Border crossing point")
        AIRPORT = "airport", _("Airport")
        SUBDIVISION = "subdivision", _("Subdivision centroid")

    code = models.CharField(_("gazetteer code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="places")
    # Subdivisions of the five countries are reference rows; elsewhere only the ISO code is kept.
    subdivision = models.ForeignKey(
        Subdivision, on_delete=models.PROTECT, null=True, blank=True, related_name="places"
    )
    subdivision_code = models.CharField(
        _("ISO 3166-2 code"), max_length=10, blank=True, db_index=True
    )
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    population = models.PositiveIntegerField(_("population"), default=0)
    source = models.CharField(_("source"), max_length=40)

    class Meta:
        ordering = ["country__code", "subdivision_code", "name_en"]
        verbose_name = _("place")
        verbose_name_plural = _("places")


class PlaceName(models.Model):
    """Every name a place is known by (GeoNames alternates carry no language: `lang` is empty)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(_("name"), max_length=200)
    lang = models.CharField(_("language"), max_length=10, blank=True)

    class Meta:
        ordering = ["place", "name"]
        constraints = [models.UniqueConstraint(fields=["place", "name"], name="unique_place_name")]
        verbose_name = _("place name")
        verbose_name_plural = _("place names")

    def __str__(self) -> str:
        return self.name


class GeoStatus(models.TextChoices):
    NONE = "", _("no place given")
    AUTOMATIC = "auto", _("geocoded")
    REVIEW = "review", _("to review")
    RESOLVED = "resolved", _("chosen by a person")


class Geocoded(models.Model):
    """Where a record happened, read from its place as written by the geocoder.

    ``geo_country``/``geo_subdivision`` are ISO codes (a seizure in Afghanistan has no reference
    subdivision row); ``geo_place`` is the gazetteer place when the mention named one. A result
    below the geocoder's review threshold is ``review`` until a person picks a place.
    """

    geo_place = models.ForeignKey(
        Place,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("place in the gazetteer"),
    )
    geo_country = models.CharField(_("country (geocoded)"), max_length=2, blank=True)
    geo_subdivision = models.CharField(_("subdivision (geocoded)"), max_length=10, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    geo_confidence = models.FloatField(_("geocoding confidence"), null=True, blank=True)
    geo_status = models.CharField(
        _("geocoding"), max_length=10, choices=GeoStatus.choices, blank=True, db_index=True
    )

    class Meta:
        abstract = True

    @property
    def has_point(self) -> bool:
        return self.latitude is not None and self.longitude is not None
