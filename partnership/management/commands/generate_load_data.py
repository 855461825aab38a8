import random
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from lscp.registries import app_modules
from partnership.models import Agency

SEED = 21


class Command(BaseCommand):
    help = (
        "Makes a large synthetic partnership to measure the site under load: at --scale 1, ten years of records "
        "with 200 agencies, 3,000 people, 1,000 meetings, 20,000 training sessions, 200,000 bookings, 2,000 "
        "reviews and 20,000 actions (everything times the scale). Every name is made up; the same scale always "
        "makes the same records."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="Multiplies every count (0.01 is a hundredth).")
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Run even when DEBUG is off (on a machine set up for measuring, never the live site).",
        )
        parser.add_argument(
            "--force", action="store_true", help="Add the records even though the database already has records."
        )

    def handle(self, *args, scale=1.0, allow_without_debug=False, force=False, **options):
        if not 0 < scale <= 100:
            raise CommandError("--scale must be above 0 and at most 100.")
        if not settings.DEBUG and not allow_without_debug:
            raise CommandError(
                "This fills the database with made-up records; run it with DEBUG=true, or pass "
                "--allow-without-debug on a machine that is not the live site."
            )
        # Each app that has synthetic records makes them in its own load_data.py, in INSTALLED_APPS order.
        modules = list(app_modules("load_data"))
        if not force and any(module.has_records() for module in modules):
            raise CommandError(
                "The database already has records: the synthetic ones would mix with them. Use an empty "
                "database, or pass --force."
            )
        # A second run (--force) adds a second partnership: its unique names and addresses carry the run's number.
        tag = f" r{Agency.objects.count()}" if force and any(module.has_records() for module in modules) else ""
        rng = random.Random(SEED)
        started = time.perf_counter()
        counts = {}
        with transaction.atomic():
            for module in modules:
                counts.update(module.generate(scale=scale, rng=rng, tag=tag))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics for the planner after the bulk inserts
        seconds = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Synthetic partnership at scale {scale:g} made in {seconds:.1f} s:"))
        for label, count in counts.items():
            self.stdout.write(f"  {count:>9,} {label}")
