"""What the tests of every import share (no tests here): each way a spreadsheet comes in, found where it is declared
(every admin with `SpreadsheetAdminMixin`, and the two import pages outside the admin), a file submitted to it as a
person would, and what the page then says.

The admin's imports show a preview before anything is saved; the pages check and import in one step."""

import io
import re
import struct
import zipfile
from typing import NamedTuple

import openpyxl
from django.apps import apps
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lscp.spreadsheets.admin import SpreadsheetAdminMixin

ADMIN_FORMATS = {"csv": "0", "xlsx": "1"}  # each format's place in the admin's import form


class ImportPoint(NamedTuple):
    name: str  # for the tests' ids
    url_name: str
    model: str  # "app_label.ModelName": the records it adds
    in_admin: bool

    @property
    def url(self):
        return reverse(self.url_name)

    @property
    def records(self):
        return apps.get_model(self.model)._default_manager


def _admin_imports():
    found = []
    for model, model_admin in admin.site._registry.items():
        if isinstance(model_admin, SpreadsheetAdminMixin):
            label = f"admin:{model._meta.app_label}_{model._meta.model_name}_import"
            found.append(ImportPoint(f"admin {model._meta.label}", label, model._meta.label, True))
    return sorted(found)


PAGE_IMPORTS = [
    ImportPoint("data set page", "audits:import_observations", "audits.Observation", False),
    ImportPoint("training attendance page", "training:import_attendance", "training.Booking", False),
]
EVERY_IMPORT = _admin_imports() + PAGE_IMPORTS


def submit(client, point, content, file_format):
    """Posts the file to the import as its form would (the first step, in the admin: the preview)."""
    upload = SimpleUploadedFile(f"records.{file_format}", content)
    if point.in_admin:
        data = {"import_file": upload, "format": ADMIN_FORMATS[file_format], "resource": "0"}
    elif point.url_name == "training:import_attendance":
        data = {"file": upload, "file_format": file_format}
    else:
        data = {"file": upload}
    return client.post(point.url, data)


def messages_on(response):
    """What the page says is wrong: its form's errors and the problems it lists, each as text."""
    assert response.status_code == 200, response.status_code
    context = response.context
    found, forms = [], []
    for name in ("form", "f"):
        form = context.get(name)
        if hasattr(form, "errors") and all(form is not seen for seen in forms):  # crispy names the page's form again
            forms.append(form)
            found += [str(message) for messages in form.errors.values() for message in messages]
    result = context.get("result")
    if result is not None:
        found += [problem.message for problem in result.problems()]
    found += [problem.message for problem in context.get("problems") or []]
    return found


def workbook(rows):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite_sheet(content, change):
    """The workbook with its first sheet's XML changed by `change` (text to text)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = change(data.decode()).encode()
            target.writestr(info.filename, data)
    return buffer.getvalue()


def declaring_rows(content, last_row):
    """The workbook with a sheet that says (in its dimension) it runs to row `last_row`, whatever it holds."""
    return rewrite_sheet(
        content, lambda xml: re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="A1:G{last_row}"', xml)
    )


def without_dimension(content):
    """The workbook with a sheet that does not say how many rows it has: they can only be counted."""
    return rewrite_sheet(content, lambda xml: re.sub(r"<dimension [^>]*/>", "", xml))


def declaring_unpacked_size(content, size):
    """The workbook, its first sheet declared (in the zip's central directory) to unzip to `size` bytes: what a small
    workbook of a million repeated rows declares. Opening it would find the declaration false; it must not be opened."""
    data = bytearray(content)
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + name_length]) == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<L", data, at + 24, size)
            return bytes(data)
        at += 4
    raise AssertionError("The workbook has no first sheet.")
