"""Vocabularies of the early-warning module (codes stable, labels translated)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

JURISDICTIONS = ("international", "KZ", "KG", "TJ", "TM", "UZ")


class Category(models.TextChoices):
    SYNTHETIC_CANNABINOID = "synthetic_cannabinoid", _("Synthetic cannabinoid")
    SYNTHETIC_CATHINONE = "synthetic_cathinone", _("Synthetic cathinone")
    PHENETHYLAMINE = "phenethylamine", _("Phenethylamine")
    TRYPTAMINE = "tryptamine", _("Tryptamine")
    OPIOID = "opioid", _("Opioid")
    BENZODIAZEPINE = "benzodiazepine", _("Benzodiazepine")
    ARYLCYCLOHEXYLAMINE = "arylcyclohexylamine", _("Arylcyclohexylamine")
    PIPERAZINE = "piperazine", _("Piperazine")
    AMINOINDANE = "aminoindane", _("Aminoindane")
    PLANT_BASED = "plant_based", _("Plant-based")
    SEMI_SYNTHETIC_CANNABINOID = "semi_synthetic_cannabinoid", _("Semi-synthetic cannabinoid")
    OTHER = "other", _("Other")


class SampleType(models.TextChoices):
    SMOKING_MIXTURE = "smoking_mixture", _("Smoking mixture")
    POWDER = "powder", _("Powder")
    CRYSTALS = "crystals", _("Crystals")
    TABLET = "tablet", _("Tablet")
    BLOTTER = "blotter", _("Blotter")
    E_LIQUID = "e_liquid", _("E-liquid")
    HERBAL = "herbal", _("Herbal material")
    BIOLOGICAL = "biological", _("Biological sample")
    OTHER = "other", _("Other")


class Method(models.TextChoices):
    GC_MS = "gc_ms", "GC-MS"
    LC_MS = "lc_ms", "LC-MS/MS"
    LC_HRMS = "lc_hrms", "LC-HRMS"
    FTIR = "ftir", "FTIR"
    NMR = "nmr", _("NMR")
    RAMAN = "raman", _("Raman")
    TLC = "tlc", _("Thin-layer chromatography")
    COLOUR_TEST = "colour_test", _("Colour test")
    IMMUNOASSAY = "immunoassay", _("Immunoassay")


class QuantityUnit(models.TextChoices):
    G = "g", _("g")
    MG = "mg", _("mg")
    KG = "kg", _("kg")
    ML = "ml", _("ml")
    UNITS = "units", _("units (tablets, blotters)")


class AlertStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    DISMISSED = "dismissed", _("Dismissed")


class RuleKind(models.TextChoices):
    FIRST_IN_COUNTRY = "first_in_country", _("First detection in a country")
    FIRST_IN_REGION = "first_in_region", _("First detection in the region")
    N_WITHIN_DAYS = "n_within_days", _("N detections within M days")
    ANY_DEATH = "any_death", _("Any death")
    SIGNAL = "signal", _("Statistical signal")


class ProfileSource(models.TextChoices):
    SEED = "seed", _("Starter library")
    ADMIN = "admin", _("Entered in the admin")
    IMPORT = "import", _("Imported file")
    DETECTION = "detection", _("First seen in a detection")
