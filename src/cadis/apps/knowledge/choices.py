"""Controlled vocabularies of the knowledge module (values in English, labels translated)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    PREVENTION = "prevention", _("Prevention")
    TREATMENT = "treatment", _("Treatment")
    HARM_REDUCTION = "harm_reduction", _("Harm reduction")
    REINTEGRATION = "social_reintegration", _("Social reintegration")


class Level(models.TextChoices):
    UNIVERSAL = "universal", _("Universal")
    SELECTIVE = "selective", _("Selective")
    INDICATED = "indicated", _("Indicated")
    ENVIRONMENTAL = "environmental", _("Environmental")


class Setting(models.TextChoices):
    FAMILY = "family", _("Family")
    SCHOOL = "school", _("School")
    WORKPLACE = "workplace", _("Workplace")
    COMMUNITY = "community", _("Community")
    MEDIA = "media", _("Media")
    HEALTH = "health_services", _("Health services")
    PRISON = "prison", _("Prison")
    NIGHTLIFE = "nightlife", _("Nightlife")
    ONLINE = "online", _("Online")


class LifeStage(models.TextChoices):
    INFANCY = "infancy", _("Infancy and early childhood")
    CHILDHOOD = "middle_childhood", _("Middle childhood")
    ADOLESCENCE = "early_adolescence", _("Early adolescence")
    YOUTH = "adolescence", _("Adolescence")
    ADULTHOOD = "adulthood", _("Adulthood")


class Evidence(models.TextChoices):
    BENEFICIAL = "beneficial", _("Beneficial")
    LIKELY = "likely_beneficial", _("Likely to be beneficial")
    TRADE_OFF = "trade_off", _("Trade-off between benefits and harms")
    UNKNOWN = "unknown", _("Unknown effectiveness")
    UNLIKELY = "unlikely_beneficial", _("Unlikely to be beneficial")


class Standard(models.TextChoices):
    PREVENTION = (
        "unodc_who_prevention_2018",
        _("UNODC/WHO International Standards on Drug Use Prevention (2018)"),
    )
    TREATMENT = (
        "unodc_who_treatment_2020",
        _("UNODC/WHO International Standards for the Treatment of Drug Use Disorders (2020)"),
    )
    HIV_PWID = (
        "who_unodc_unaids_pwid_2012",
        _(
            "WHO/UNODC/UNAIDS Technical guide on HIV prevention, treatment and care for people who inject drugs"
        ),
    )
    OPIOID = (
        "who_opioid_2009",
        _(
            "WHO Guidelines for the psychosocially assisted pharmacological treatment of opioid dependence (2009)"
        ),
    )
    OVERDOSE = "who_overdose_2014", _("WHO Community management of opioid overdose (2014)")
    PRISON = (
        "unodc_prison_2013",
        _("UNODC/WHO/UNAIDS HIV prevention, treatment and care in prisons (2013)"),
    )


class ImplementationStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    PILOT = "pilot", _("Pilot")
    ROUTINE = "routine", _("Routine practice")
    DISCONTINUED = "discontinued", _("Discontinued")


class Modality(models.TextChoices):
    OAT = "opioid_agonist_treatment", _("Opioid agonist treatment")
    OUTPATIENT = "outpatient", _("Outpatient")
    INPATIENT = "inpatient", _("Inpatient")
    WITHDRAWAL = "withdrawal_management", _("Withdrawal management")
    REHABILITATION = "rehabilitation", _("Rehabilitation")
    LOW_THRESHOLD = "low_threshold", _("Low-threshold")
    PRISON = "prison_based", _("Prison-based")


class DocumentType(models.TextChoices):
    LAW = "law", _("Law or regulation")
    STRATEGY = "strategy", _("Strategy or programme")
    REPORT = "report", _("Report")
    GUIDELINE = "guideline", _("Guideline or standard")
    STUDY = "study", _("Study")
    PRESENTATION = "presentation", _("Presentation")
    PRESS_RELEASE = "press_release", _("Press release")
    MANUAL = "manual", _("Manual or training material")
    OTHER = "other", _("Other")


class Language(models.TextChoices):
    RU = "ru", _("Russian")
    EN = "en", _("English")
    KK = "kk", _("Kazakh")
    KY = "ky", _("Kyrgyz")
    TG = "tg", _("Tajik")
    TK = "tk", _("Turkmen")
    UZ = "uz", _("Uzbek")
    OTHER = "other", _("Other")


class Topic(models.TextChoices):
    PREVENTION = "prevention", _("Prevention")
    TREATMENT = "treatment", _("Treatment")
    HARM_REDUCTION = "harm_reduction", _("Harm reduction")
    SUPPLY_REDUCTION = "supply_reduction", _("Supply reduction")
    PRECURSORS = "precursors", _("Precursors")
    NPS = "nps", _("New psychoactive substances")
    POLICY = "policy", _("Drug policy")
    GENDER = "gender", _("Gender")
    MONITORING = "monitoring", _("Monitoring and data")
