"""The demo's records for the journeys, loaded once per test process and copied back for each later journey.

A journey runs against a live server, so its records are committed and emptied from every table after it; loading
the demo again for each (`manage.py load_demo`: seven thousand statements) took longer than most journeys. The
first journey in a process loads it as `make demo` does; its tables' rows are then kept in memory (PostgreSQL's
COPY) with the files it stored, and each later journey has them written back, identical, in a fraction of a second."""

import io
import shutil

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction


class DemoSnapshot:
    def __init__(self, folder):
        self.folder = folder  # the demo's stored files
        self.rows = None  # table name -> its rows, as COPY writes them

    def load(self, media_root):
        """The demo's records in the (empty) test database and its files in `media_root`."""
        if self.rows is None:
            call_command("load_demo", "--allow-without-debug", stdout=io.StringIO())
            self._keep(media_root)
        else:
            self._put_back(media_root)

    @staticmethod
    def _tables():
        return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))

    def _keep(self, media_root):
        rows = {}
        with connection.cursor() as cursor:
            for table in self._tables():
                out = io.StringIO()
                cursor.copy_expert(f"COPY {connection.ops.quote_name(table)} TO STDOUT", out)
                rows[table] = out.getvalue()
        if media_root.exists():
            shutil.copytree(media_root, self.folder, dirs_exist_ok=True)
        self.rows = rows

    def _put_back(self, media_root):
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            # Emptying the tables after the last journey wrote the content types and permissions afresh, with other
            # ids: every table goes back to the demo's rows (foreign keys are checked at the commit).
            cursor.execute("TRUNCATE " + ", ".join(quote(table) for table in self.rows))
            for table, rows in self.rows.items():
                if rows:
                    cursor.copy_expert(f"COPY {quote(table)} FROM STDIN", io.StringIO(rows))
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models(include_auto_created=True)):
                cursor.execute(statement)
        ContentType.objects.clear_cache()
        shutil.copytree(self.folder, media_root, dirs_exist_ok=True)
