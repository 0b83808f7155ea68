"""A default DHIS2 mapping addressed by codes (DHIS2's CODE id scheme), editable in the admin.

Org units are the ISO 3166 country codes, data elements our indicator codes, category option
combinations SEX_F/SEX_M/SEX_U and AGE_<band>, the default combination DHIS2's "default" UID.
A ministry replaces them with its own instance's codes or UIDs.
"""

from __future__ import annotations

from django.db import migrations

COUNTRIES = ("KZ", "KG", "TJ", "TM", "UZ")
INDICATORS = (
    "TDI_CLIENTS",
    "DRD_CASES",
    "DRID_HIV_CASES",
    "DRID_HIV_TESTED",
    "DRID_HCV_CASES",
    "DRID_HCV_TESTED",
    "DRID_HBV_CASES",
    "DRID_HBV_TESTED",
)
SEXES = (("female", "F"), ("male", "M"), ("not_known", "U"))
AGES = (
    ("<15", "Y_LT15"),
    ("15-19", "Y15T19"),
    ("20-24", "Y20T24"),
    ("25-29", "Y25T29"),
    ("30-34", "Y30T34"),
    ("35-39", "Y35T39"),
    ("40-44", "Y40T44"),
    ("45-49", "Y45T49"),
    ("50-54", "Y50T54"),
    ("55-59", "Y55T59"),
    ("60-64", "Y60T64"),
    ("65+", "Y_GE65"),
    ("unknown", "Y_UNK"),
)


def seed(apps, schema_editor):
    instance_model = apps.get_model("reference", "Dhis2Instance")
    instance, created = instance_model.objects.get_or_create(
        code="cadis",
        defaults={
            "name": "Default mapping (CODE id scheme)",
            "data_set": "CADIS_DRUGS",
            "notes": "Codes as identifiers; replace them with the instance's own (admin).",
        },
    )
    if not created:
        return
    apps.get_model("reference", "Dhis2OrgUnit").objects.bulk_create(
        apps.get_model("reference", "Dhis2OrgUnit")(instance=instance, iso_code=c, dhis2_id=c)
        for c in COUNTRIES
    )
    element = apps.get_model("reference", "Dhis2DataElement")
    element.objects.bulk_create(
        element(instance=instance, indicator=i, dhis2_id=i) for i in INDICATORS
    )
    combo = apps.get_model("reference", "Dhis2Combo")
    rows = [
        combo(instance=instance, kind="category", ours="", dhis2_id="HllvX50cXC0", adx=""),
        combo(instance=instance, kind="attribute", ours="", dhis2_id="HllvX50cXC0", adx=""),
    ]
    rows += [
        combo(instance=instance, kind="category", ours=f"sex={s}", dhis2_id=f"SEX_{c}", adx=f"SEX={c}")
        for s, c in SEXES
    ]
    rows += [
        combo(instance=instance, kind="category", ours=f"age={a}", dhis2_id=f"AGE_{c}", adx=f"AGE={c}")
        for a, c in AGES
    ]
    combo.objects.bulk_create(rows)


def unseed(apps, schema_editor):
    apps.get_model("reference", "Dhis2Instance").objects.filter(code="cadis").delete()


class Migration(migrations.Migration):
    dependencies = [("reference", "0003_dhis2_mapping")]
    operations = [migrations.RunPython(seed, unseed)]
