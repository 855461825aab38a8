"""Indexes the audit trail (lscp/audit_trail/) reads newest first by, on tables other packages own: django-axes'
sign-in logs and Django's admin log are not indexed by time, and a page would otherwise sort the whole of each.
Plain SQL that PostgreSQL and SQLite both take; it changes no model."""

from django.db import migrations

INDEXES = {
    "lscp_axes_accesslog_time": ("axes_accesslog", "attempt_time"),
    "lscp_axes_accessfailurelog_time": ("axes_accessfailurelog", "attempt_time"),
    "lscp_admin_log_time": ("django_admin_log", "action_time"),
}


class Migration(migrations.Migration):
    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({column})",
            reverse_sql=f"DROP INDEX IF EXISTS {name}",
        )
        for name, (table, column) in INDEXES.items()
    ]
