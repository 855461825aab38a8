from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from lscp.registries import app_modules


class Command(BaseCommand):
    help = (
        "Loads the demo partnership (Kensington and Chelsea and Westminster, from the published reports' "
        "figures, with fictional people) and one demo login per role. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Load even when DEBUG is off (the demo logins have published passwords).",
        )

    def handle(self, *args, allow_without_debug=False, **options):
        if not settings.DEBUG and not allow_without_debug:
            raise CommandError(
                "The demo creates logins with published passwords; run it with DEBUG=true, "
                "or pass --allow-without-debug on a machine nobody else can reach."
            )
        # Each app that has demo data keeps it in its own demo.py, loaded in INSTALLED_APPS order.
        with transaction.atomic():
            for module in app_modules("demo"):
                module.load(stdout=self.stdout)
        from lscp.demo import DEMO_LOGINS, DEMO_PASSWORD

        self.stdout.write(
            self.style.SUCCESS(f"Demo partnership loaded. Demo logins (password for all: {DEMO_PASSWORD}):")
        )
        for username, description in DEMO_LOGINS:
            self.stdout.write(f"  {username:<10} {description}")
