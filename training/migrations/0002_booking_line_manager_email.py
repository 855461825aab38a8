"""Each booking keeps the line manager given with it, who approves it; bookings made before keep the one their
delegate's record had when this migration ran (the one their approval e-mails went to)."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

HELP_TEXT = "The line manager given with this booking: where the course needs approval, the approval link goes to them."


def copy_the_records_line_manager(apps, schema_editor):
    Booking = apps.get_model("training", "Booking")
    Delegate = apps.get_model("training", "Delegate")
    Booking.objects.filter(line_manager_email="").update(
        line_manager_email=Subquery(
            Delegate.objects.filter(pk=OuterRef("delegate_id")).values("line_manager_email")[:1]
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="booking",
            name="line_manager_email",
            field=models.EmailField(blank=True, help_text=HELP_TEXT, max_length=254),
        ),
        migrations.AddField(
            model_name="historicalbooking",
            name="line_manager_email",
            field=models.EmailField(blank=True, help_text=HELP_TEXT, max_length=254),
        ),
        migrations.RunPython(copy_the_records_line_manager, migrations.RunPython.noop),
    ]
