import shutil
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lscp.financial_year import FinancialYear
from reports import services
from reports.models import AnnualReport, BuildStatus, ReportBuild


class Command(BaseCommand):
    help = "Builds the annual report PDF for a financial year (e.g. 2022/23), through the queue when there is one."

    def add_arguments(self, parser):
        parser.add_argument("year", help="The financial year, e.g. 2022/23.")
        parser.add_argument("--output", help="Also copy the PDF to this path.")
        parser.add_argument("--timeout", type=int, default=600, help="Seconds to wait for the worker.")
        parser.add_argument(
            "--if-missing", action="store_true", help="Do nothing if the report already has a finished PDF."
        )

    def handle(self, *args, year, output=None, timeout=600, if_missing=False, **options):
        try:
            year = FinancialYear.parse(year)
        except ValueError as error:
            raise CommandError(str(error)) from error
        report = AnnualReport.objects.filter(year=year).first()
        if report is None:
            report = services.create_report(year=year)
            self.stdout.write(f"Created the {report.display_title}.")
        if if_missing and report.builds.filter(status=BuildStatus.SUCCEEDED).exists():
            self.stdout.write(f"The {report.display_title} already has a PDF; nothing to do.")
            return
        build = services.request_build(report=report)
        mode = "in this process" if settings.CELERY_TASK_ALWAYS_EAGER else "by the Celery worker"
        build.refresh_from_db()
        if build.is_waiting_for_the_job_service:
            self.stdout.write(f"Build {build.pk} queued, but the job service (Redis) is not answering: it runs when")
            self.stdout.write("the job service is back (Celery beat sends it, or a worker as it starts).")
        else:
            self.stdout.write(f"Build {build.pk} queued; it runs {mode}.")
        deadline = time.monotonic() + timeout
        while True:
            build = ReportBuild.objects.get(pk=build.pk)
            if build.is_finished or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        if build.status == BuildStatus.FAILED:
            raise CommandError(f"Build {build.pk} failed: {build.error}")
        if build.status != BuildStatus.SUCCEEDED:
            raise CommandError(f"Build {build.pk} did not finish within {timeout} seconds (is a worker running?).")
        if output:
            with build.pdf.open("rb") as source, open(output, "wb") as target:
                shutil.copyfileobj(source, target)
        self.stdout.write(
            self.style.SUCCESS(
                f"Build {build.pk}: {build.page_count} pages, {build.file_size} bytes"
                + (f", written to {output}" if output else "")
            )
        )
