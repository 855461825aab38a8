"""A template to start an import from: a workbook (or a CSV file) whose first row holds exactly the columns the import
reads, and whose second is an example of a row, ready to be overwritten. Every import offers one on its page, and
every import in the admin on its import page: built here from the import's columns and example row, so that the
headings cannot drift from what the import accepts (each app's tests import its templates back)."""

import io
from typing import NamedTuple

import tablib
from django.http import Http404, HttpResponse

from . import ExcelFile, csv_writer

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_FORMATS = {"xlsx": "Excel workbook (.xlsx)", "csv": "CSV file (.csv)"}


class ImportTemplate(NamedTuple):
    name: str  # the file's name, without its extension: "agencies-template"
    columns: list  # the headings, in the import's own words and order
    example: dict  # {heading: an example cell}; a heading left out is an empty cell

    def rows(self):
        return [list(self.columns), [self.example.get(column, "") for column in self.columns]]


def resource_template(resource, name):
    """The template of an admin import (a `SpreadsheetResource`): its import columns, and its `example` row."""
    columns = [field.column_name for field in resource.get_import_fields()]
    return ImportTemplate(name, columns, dict(getattr(resource, "example", {})))


def template_workbook(template):
    """The template as an .xlsx workbook: the headings in bold on a frozen first row, the example below them."""
    dataset = tablib.Dataset(headers=template.columns)
    dataset.append(template.rows()[1])
    return ExcelFile().export_data(dataset)


def template_csv(template):
    """The template as CSV, saved as UTF-8 with the mark that makes Excel read it so."""
    buffer = io.StringIO()
    csv_writer(buffer).writerows(template.rows())
    return buffer.getvalue().encode("utf-8-sig")


def template_response(template, file_format):
    """The template as a download, in the format the URL names ("xlsx" or "csv")."""
    if file_format == "xlsx":
        response = HttpResponse(template_workbook(template), content_type=XLSX_TYPE)
    elif file_format == "csv":
        response = HttpResponse(template_csv(template), content_type="text/csv; charset=utf-8")
    else:
        raise Http404("No such format.")
    response["Content-Disposition"] = f'attachment; filename="{template.name}.{file_format}"'
    return response


def template_links(url_of):
    """[(format's label, URL)] for an import page's links; `url_of(file_format)` gives each URL."""
    return [(label, url_of(file_format)) for file_format, label in TEMPLATE_FORMATS.items()]
