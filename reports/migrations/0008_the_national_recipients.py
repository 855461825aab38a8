"""The two national bodies every published report goes to within seven days (Working Together to Safeguard Children
2018; the 2019 partnership arrangements). Their addresses are left empty for the business manager to fill in."""

from django.db import migrations

NATIONAL = ["Child Safeguarding Practice Review Panel", "Foundations (the What Works Centre)"]


def add_the_national_recipients(apps, schema_editor):
    ReportRecipient = apps.get_model("reports", "ReportRecipient")
    for name in NATIONAL:
        ReportRecipient.objects.get_or_create(name=name, defaults={"national": True, "active": True})


def remove_them_if_unused(apps, schema_editor):
    ReportRecipient = apps.get_model("reports", "ReportRecipient")
    ReportRecipient.objects.filter(name__in=NATIONAL, duties__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0007_report_recipients_and_duties"),
    ]

    operations = [migrations.RunPython(add_the_national_recipients, remove_them_if_unused)]
