"""A Russian name for a DHIS2 instance, and the default mapping's one (it is read in both)."""

from django.db import migrations, models

DEFAULT_NAME_EN = "Default mapping (CODE id scheme)"
DEFAULT_NAME_RU = "Сопоставление по умолчанию (коды вместо идентификаторов DHIS2)"


def name_the_default(apps, schema_editor):
    apps.get_model("reference", "Dhis2Instance").objects.filter(
        code="cadis", name=DEFAULT_NAME_EN, name_ru=""
    ).update(name_ru=DEFAULT_NAME_RU)


class Migration(migrations.Migration):
    dependencies = [
        ("reference", "0005_import_mappings"),
    ]

    operations = [
        migrations.AddField(
            model_name="dhis2instance",
            name="name_ru",
            field=models.CharField(
                blank=True,
                help_text="Empty: the name above.",
                max_length=200,
                verbose_name="name (Russian)",
            ),
        ),
        migrations.RunPython(name_the_default, migrations.RunPython.noop),
    ]
