from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reports.demo import publish_last_year


class Command(BaseCommand):
    help = (
        "Takes the demo's 2022/23 annual report the rest of the way (after load_demo): approved at the Executive's "
        "meeting, built, published and sent to every recipient. Once: run again, it says so and changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--timeout", type=int, default=600, help="Seconds to wait for the build.")
        parser.add_argument(
            "--allow-without-debug",
            action="store_true",
            help="Run even when DEBUG is off (it e-mails the demo's recipients, whose addresses are fictional).",
        )

    def handle(self, *args, timeout=600, allow_without_debug=False, **options):
        if not settings.DEBUG and not allow_without_debug:
            raise CommandError(
                "This publishes the demo's report and e-mails its recipients; run it with DEBUG=true, "
                "or pass --allow-without-debug on a machine nobody else can reach."
            )
        if publish_last_year(stdout=self.stdout, timeout=timeout):
            self.stdout.write(self.style.SUCCESS("The demo's annual report 2022/23 is published and sent on."))
