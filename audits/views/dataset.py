"""The data set's pages: the quarterly exceptions report for the Quality Assurance subgroup (as a page and as a
tagged PDF), and the import of observations for the business manager and the subgroup's chairs.

Readers are checked before anything is looked up (403 for anyone else). The PDF is laid out by WeasyPrint from
the same rows as the page, with the annual report's options (PDF/UA-1, tagged, header cells scoped) and its
fetcher, which serves the project's static files and nothing else."""

import contextlib
import io

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views import View
from weasyprint import HTML

from lscp.roles import RoleRequiredMixin
from lscp.site import partnership_name
from lscp.spreadsheets import SpreadsheetError, read_spreadsheet, validate_import_file
from lscp.spreadsheets.template import ImportTemplate, template_links, template_response
from reports.pdf_scopes import scope_header_cells
from reports.rendering import DOCUMENT_BASE_URL, PDF_OPTIONS, StaticOnlyFetcher

from .. import permissions
from ..charts import TrendPair, trend_chart
from ..selectors.dataset import Quarter, format_change, format_value, quarterly_exceptions, quarters_with_observations
from ..services.dataset_import import COLUMNS, EXAMPLE, import_observations

NOT_A_SPREADSHEET = "Upload a CSV file (.csv, saved as CSV UTF-8) or an Excel workbook (.xlsx)."
IMPORTED = "Imported the observations: %(new)s new, %(updated)s updated, %(skipped)s unchanged."


def _report(request):
    """(the quarter asked for, or the latest with data; the quarters to choose from; the rows, formatted)."""
    quarters = quarters_with_observations()
    quarter = None
    with contextlib.suppress(ValueError):
        quarter = Quarter.parse(request.GET.get("quarter", ""))
    if quarter is None:
        quarter = quarters[0] if quarters else None
    rows = quarterly_exceptions(quarter=quarter) if quarter else []
    for row in rows:
        row.shown = {
            "value": format_value(row.value, row.unit),
            "year_earlier": format_value(row.year_earlier, row.unit),
            "change": format_change(row.change_percent, year_earlier=row.year_earlier),
            "london": format_value(row.london, row.unit),
            "england": format_value(row.england, row.unit),
        }
    charts = [chart for chart in map(_trend_chart, _by_name(rows).values()) if chart]
    if quarter is not None and quarter not in quarters:
        quarters = sorted([*quarters, quarter], key=lambda q: q.start, reverse=True)
    return {
        "quarter": quarter,
        "quarters": quarters,
        "rows": rows,
        "exceptions": sum(row.is_exception for row in rows),
        "charts": charts,
    }


def _by_name(rows):
    """{indicator (and category): its rows}, in the order the report lists them (exceptions first)."""
    groups = {}
    for row in rows:
        groups.setdefault(row.name, []).append(row)
    return groups


def _trend_chart(rows):
    """One chart an indicator: each borough's values against a year earlier; its periods named where the quarter
    holds more than one (its months, say)."""
    several_periods = len({row.period for row in rows}) > 1
    pairs = [
        TrendPair(f"{row.borough} ({row.period})" if several_periods else row.borough, row.value, row.year_earlier)
        for row in rows
    ]
    return trend_chart(title=rows[0].name, unit=rows[0].unit, pairs=pairs, period_start=rows[0].period_start)


class DataSetReaderMixin(RoleRequiredMixin):
    def has_role(self, roles):
        return permissions.can_see_data_set(roles)


class ExceptionsView(DataSetReaderMixin, View):
    """/data-set/exceptions/?quarter=2023-01-01: the quarter's observations against a year earlier, exceptions
    first."""

    def get(self, request):
        context = _report(request)
        context["can_import"] = permissions.can_import_data_set(self.roles)
        return render(request, "audits/dataset/exceptions.html", context)


class ExceptionsPdfView(DataSetReaderMixin, View):
    def get(self, request):
        context = {**_report(request), "partnership_name": partnership_name()}
        html = render_to_string("audits/dataset/exceptions_pdf.html", context)
        document = HTML(string=html, base_url=DOCUMENT_BASE_URL, url_fetcher=StaticOnlyFetcher())
        output = io.BytesIO()
        document.write_pdf(output, finisher=scope_header_cells, **PDF_OPTIONS)
        quarter = context["quarter"]
        name = f"exceptions-{quarter.slug if quarter else 'none'}.pdf"
        response = HttpResponse(output.getvalue(), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Spreadsheet",
        help_text="A CSV file or an Excel workbook (first sheet) with the columns Indicator, Borough code, Period, "
        "Category, Value, London and England.",
        validators=[validate_import_file],
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not name.endswith((".csv", ".xlsx")):
            raise forms.ValidationError(NOT_A_SPREADSHEET)
        return upload


class ImportObservationsView(RoleRequiredMixin, View):
    """/data-set/import/: the whole file is checked; if any row fails nothing is imported and every problem is listed
    by row; otherwise every row is imported (a period already there is updated) in one go."""

    template_name = "audits/dataset/import.html"

    def has_role(self, roles):
        return permissions.can_import_data_set(roles)

    def get(self, request):
        return render(request, self.template_name, self._context(ImportForm()))

    @staticmethod
    def _context(form, problems=()):
        links = template_links(lambda file_format: reverse("audits:import_observations_template", args=[file_format]))
        return {"form": form, "problems": problems, "template_links": links}

    def post(self, request):
        form = ImportForm(request.POST, request.FILES)
        problems = []
        if form.is_valid():
            upload = form.cleaned_data["file"]
            file_format = "xlsx" if upload.name.lower().endswith(".xlsx") else "csv"
            try:
                sheet = read_spreadsheet(upload.read(), file_format)
            except SpreadsheetError as error:  # whatever the file, the person is told it could not be read
                form.add_error("file", str(error))
            else:
                result = import_observations(sheet=sheet, by=request.user)
                problems = result.problems
                if result.ok:
                    messages.success(
                        request,
                        IMPORTED % {"new": result.new, "updated": result.updated, "skipped": result.unchanged},
                    )
                    return redirect(reverse("audits:exceptions"))
        return render(request, self.template_name, self._context(form, problems))


OBSERVATIONS_TEMPLATE = ImportTemplate("observations-template", COLUMNS, EXAMPLE)


class ObservationsTemplateView(RoleRequiredMixin, View):
    """/data-set/import/template.xlsx (or .csv): the import's columns and an example row, to start a file from."""

    def has_role(self, roles):
        return permissions.can_import_data_set(roles)

    def get(self, request, file_format):
        return template_response(OBSERVATIONS_TEMPLATE, file_format)
