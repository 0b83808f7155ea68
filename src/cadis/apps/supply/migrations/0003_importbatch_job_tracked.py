# ImportBatch takes the platform's JobTracked base: `committed_at` becomes `finished_at`
# (kept: the time the batch reached a final state), the job reference gets its label.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0001_initial"),
        ("supply", "0002_seizurerollup"),
    ]

    operations = [
        migrations.RenameField(model_name="importbatch", old_name="committed_at", new_name="finished_at"),
        migrations.AlterField(
            model_name="importbatch",
            name="finished_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="finished at"),
        ),
        migrations.AlterField(
            model_name="importbatch",
            name="job",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="jobs.job",
                verbose_name="job",
            ),
        ),
    ]
