from django.db import migrations

RULES = (
    ("Any death", "any_death", 1, 0),
    ("First detection in the region", "first_in_region", 1, 0),
    ("First detection in a country", "first_in_country", 1, 0),
    ("3 detections within 30 days", "n_within_days", 3, 30),
)


def create_rules(apps, schema_editor):
    AlertRule = apps.get_model("ews", "AlertRule")
    if AlertRule.objects.exists():
        return
    for name, kind, threshold, window in RULES:
        AlertRule.objects.create(name=name, kind=kind, threshold=threshold, window_days=window)


class Migration(migrations.Migration):
    dependencies = [("ews", "0001_initial")]
    operations = [migrations.RunPython(create_rules, migrations.RunPython.noop)]
