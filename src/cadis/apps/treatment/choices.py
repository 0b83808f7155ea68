"""TDI 3.0 reporting categories (EUDA protocol) and harms vocabularies.

Codes are short English slugs; labels are translated. "not_known" is always allowed. The
codes of every TDI item are those of ``cadis.engines.tdi.codes`` in the same order
(``tests/treatment/test_tdi_items.py`` fails when the two drift apart).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

NOT_KNOWN = "not_known"
REFUSED = "refused"  # "refuses to answer" (TDI 3.0, injecting, sharing and testing items)


class CentreType(models.TextChoices):
    OUTPATIENT = "outpatient", _("Outpatient")
    INPATIENT = "inpatient", _("Inpatient")
    PRISON = "prison", _("Prison")
    GENERAL_PRACTITIONER = "gp", _("General practitioner")
    LOW_THRESHOLD = "low_threshold", _("Low-threshold agency")
    OTHER = "other", _("Other")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class TreatmentStatus(models.TextChoices):
    NEVER = "never", _("Never previously treated")
    PREVIOUSLY = "previously", _("Previously treated")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class Referral(models.TextChoices):
    LEGAL = "legal", _("Court, probation or police")
    GP = "gp", _("General practitioner")
    OTHER_TREATMENT = "other_treatment", _("Other drug treatment centre")
    HEALTH_SOCIAL = "health_social", _("Other health or social services")
    EDUCATION = "education", _("Educational services")
    SELF = "self", _("Self, family or friends")
    OTHER = "other", _("Other")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class LivingWith(models.TextChoices):
    ALONE = "alone", _("Alone")
    FAMILY = "family", _("With parents or family")
    PARTNER = "partner", _("With a partner")
    FRIENDS = "friends", _("With friends")
    DETENTION = "detention", _("In detention")
    INSTITUTION = "institution", _("In an institution")
    OTHER = "other", _("Other")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class LivingWhere(models.TextChoices):
    STABLE = "stable", _("Stable accommodation")
    UNSTABLE = "unstable", _("Unstable accommodation or homeless")
    DETENTION = "detention", _("Prison or detention")
    OTHER = "other", _("Other")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class Education(models.TextChoices):
    NONE = "none", _("None or primary not completed")
    PRIMARY = "primary", _("Primary")
    SECONDARY = "secondary", _("Secondary")
    HIGHER = "higher", _("Higher")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class LabourStatus(models.TextChoices):
    OCCASIONAL = "occasional", _("Occasionally employed")
    REGULAR = "regular", _("Regularly employed")
    STUDENT = "student", _("Student")
    UNEMPLOYED = "unemployed", _("Unemployed")
    BENEFITS = "benefits", _("Receiving benefits, pensioner or housewife")
    OTHER = "other", _("Other")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class Route(models.TextChoices):
    INJECT = "inject", _("Inject")
    SMOKE = "smoke", _("Smoke or inhale")
    EAT = "eat", _("Eat or drink")
    SNIFF = "sniff", _("Sniff")
    OTHER = "other", _("Other")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    DAYS_4_6 = "4_6_week", _("4-6 days a week")
    DAYS_2_3 = "2_3_week", _("2-3 days a week")
    WEEKLY_OR_LESS = "weekly_or_less", _("Once a week or less")
    NOT_USED = "not_used", _("Not used in the last 30 days")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class Injecting(models.TextChoices):
    NEVER = "never", _("Never injected")
    EVER_NOT_12M = "ever_not_12m", _("Ever, not in the last 12 months")
    LAST_12M = "last_12m", _("In the last 12 months, not in the last 30 days")
    LAST_30D = "last_30d", _("In the last 30 days")
    REFUSED = REFUSED, _("Refuses to answer")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class NeedleSharing(models.TextChoices):
    NEVER = "never", _("Never shared")
    EVER_NOT_12M = "ever_not_12m", _("Ever, not in the last 12 months")
    LAST_12M = "last_12m", _("In the last 12 months, not in the last 30 days")
    LAST_30D = "last_30d", _("In the last 30 days")
    REFUSED = REFUSED, _("Refuses to answer")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class Testing(models.TextChoices):
    NEVER = "never", _("Never tested")
    EVER_NOT_12M = "ever_not_12m", _("Ever, not in the last 12 months")
    LAST_12M = "last_12m", _("In the last 12 months")
    REFUSED = REFUSED, _("Refuses to answer")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class TestResult(models.TextChoices):
    """The result of the last HIV or HCV test, as the client reports it (TDI 3.0)."""

    POSITIVE = "positive", _("Positive")
    NEGATIVE = "negative", _("Negative")
    NOT_TESTED = "not_tested", _("Not tested")
    RESULT_UNKNOWN = "result_unknown", _("Result not known to the client")
    REFUSED = REFUSED, _("Refuses to answer")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class Nationality(models.TextChoices):
    NATIONAL = "national", _("National")
    FOREIGN = "foreign", _("Citizen of another country")
    STATELESS = "stateless", _("Stateless")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


class Ost(models.TextChoices):
    NEVER = "never", _("Never")
    EVER_NOT_NOW = "ever_not_now", _("Ever, not currently")
    CURRENTLY = "currently", _("Currently")
    NOT_KNOWN = NOT_KNOWN, _("Not known")


ALCOHOL = "alcohol"  # allowed as a secondary drug only


class HarmIndicator(models.TextChoices):
    DRD = "drd", _("Drug-related deaths")
    DRID_HIV = "drid_hiv", _("HIV among people who inject drugs")
    DRID_HCV = "drid_hcv", _("HCV among people who inject drugs")
    DRID_HBV = "drid_hbv", _("HBV among people who inject drugs")


class DataQuality(models.TextChoices):
    GOOD = "good", _("Good: complete national coverage")
    PARTIAL = "partial", _("Partial: incomplete coverage or under-reporting likely")
    POOR = "poor", _("Poor: estimate or small sample")
