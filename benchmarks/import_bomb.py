"""Benchmark: spreadsheet imports refuse a file too big to read, at once and without the memory (issue 17, point 4).

A workbook of a million repeated rows is small once zipped (a few hundred kilobytes to a few megabytes) but unzips to
hundreds of megabytes: read whole, one such held a server for 148–272 s and 1.3 GB. This script writes such a workbook
(raw zip, the rows streamed into it, never held whole), and submits it as a business manager would to the imports that
read workbooks outside and inside the admin: the data set page, the training attendance page and the admin's
observations import (every admin import reads files the same way). Then it does the same with a small workbook whose
sheet says it has a million rows, and with a CSV file of a million rows (under the size limit, so its rows are counted
as they are read and the reading stops at IMPORT_MAX_ROWS).

Each request is handled in a process of its own, forked once the request's body is built, so that what is measured is
the server's work: how long the refusal took, the message, and the memory the request took (the growth of the
process's peak resident size, resource.getrusage). Refusing the workbooks should take well under a second and next to
no memory; the CSV file costs the reading of IMPORT_MAX_ROWS rows.

Run it with `make benchmark-import-bomb` (a throwaway PostgreSQL), or with any PostgreSQL DATABASE_URL: it creates and
drops its own test database, so it never touches real records.
"""

import argparse
import gc
import io
import json
import os
import re
import resource
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFUSAL_TARGET_SECONDS = 1

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Data set" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
HEADINGS = ["Indicator", "Borough code", "Period", "Category", "Value", "London", "England"]
ROW = ["Children in need", "RBKC", "Q4 2022/23", "", "726", "2120", ""]


def _cells(values):
    # No cell or row references (they are optional): every row the same, as compressible as a row can be.
    return "".join(f'<c t="inlineStr"><is><t>{value}</t></is></c>' for value in values)


def bomb(rows, *, declared_rows=None):
    """A workbook of `rows` repeated rows under the data set's headings, its sheet streamed into the zip a thousand
    rows at a time. `declared_rows`: what its dimension says instead (a small sheet that says it is huge)."""
    last = declared_rows or rows + 1
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f'<dimension ref="A1:G{last}"/><sheetData>'
                f"<row>{_cells(HEADINGS)}</row>".encode()
            )
            thousand = f"<row>{_cells(ROW)}</row>".encode() * 1000
            for start in range(0, rows, 1000):
                sheet.write(thousand if start + 1000 <= rows else thousand[: len(thousand) // 1000 * (rows - start)])
            sheet.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def csv_file(rows):
    line = ",".join(f'"{value}"' if " " in value else value for value in ROW) + "\n"
    return (",".join(HEADINGS) + "\n" + line * rows).encode()


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def _handled_apart(url, data, cookie):
    """(seconds, peak memory before and after in MB, status, page) of the request, handled in a process forked once
    its body is built (so that neither the building nor earlier requests count)."""
    from django.db import connections
    from django.test import RequestFactory
    from django.test.client import ClientHandler

    environ = RequestFactory().post(url, data, secure=True, HTTP_COOKIE=cookie).environ
    gc.collect()
    connections.close_all()  # each process opens its own
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        try:
            before = peak_mb()
            began = time.perf_counter()
            response = ClientHandler(enforce_csrf_checks=False)(environ)
            measured = [time.perf_counter() - began, before, peak_mb(), response.status_code]
            with os.fdopen(writer, "w") as out:
                json.dump([*measured, response.content.decode()], out)
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader) as result:
        outcome = json.load(result)
    os.waitpid(pid, 0)
    return outcome


def submit_everywhere(client, name, content, file_format, *, at_once=True):
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    ok = True
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    places = [
        ("data set page", reverse("audits:import_observations"), "file", {}),
        ("training attendance page", reverse("training:import_attendance"), "file", {"file_format": file_format}),
        (
            "admin's observations import",
            reverse("admin:audits_observation_import"),
            "import_file",
            {"format": "1" if file_format == "xlsx" else "0", "resource": "0"},
        ),
    ]
    for place, url, field, data in places:
        upload = SimpleUploadedFile(f"{name}.{file_format}", content)
        elapsed, before, after, status, page = _handled_apart(url, {field: upload, **data}, cookie)
        refused = re.search(r"This (?:file|workbook) (?:is|has) [^<]*?(?=</|$)", page)
        message = refused.group(0).strip() if refused else f"NOT REFUSED (status {status})"
        taken = f"{after - before:.0f} MB ({before:.0f} → {after:.0f} MB)"
        print(f"    {place}: refused in {elapsed:.2f} s, taking {taken}")
        print(f"        “{message[:150]}…”")
        if at_once:
            passed = refused is not None and elapsed < REFUSAL_TARGET_SECONDS
            print(f"        under {REFUSAL_TARGET_SECONDS} s: {'PASS' if passed else 'FAIL'}")
        else:
            passed = refused is not None
        ok = ok and passed
    return ok


def refusals(rows):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from lscp.roles import BUSINESS_MANAGERS_GROUP
    from lscp.roles_setup import ensure_role_groups

    ensure_role_groups()
    manager = get_user_model().objects.create(username="benchmark-manager", is_staff=True)
    manager.groups.add(Group.objects.get(name=BUSINESS_MANAGERS_GROUP))
    client = Client()
    client.force_login(manager)

    ok = True
    began = time.perf_counter()
    content = bomb(rows)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    print(
        f"(a) A workbook of {rows:,} repeated rows: {len(content) / 1e6:.1f} MB, {unpacked / 1e6:.0f} MB unzipped "
        f"(written in {time.perf_counter() - began:.1f} s)"
    )
    ok = submit_everywhere(client, "bomb", content, "xlsx") and ok

    content = bomb(3, declared_rows=rows + 1)
    print(f"(b) A workbook of 3 rows whose sheet says it runs to row {rows + 1:,}: {len(content) / 1e3:.1f} KB")
    ok = submit_everywhere(client, "declared", content, "xlsx") and ok

    content = csv_file(rows)
    print(f"(c) A CSV file of {rows:,} rows: {len(content) / 1e6:.1f} MB (read until the row limit)")
    ok = submit_everywhere(client, "long", content, "csv", at_once=False) and ok
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"    machine load average (1, 5, 15 min) after the refusals: {load}")
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscp.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    # The business manager is signed in by the test client, which types no two-factor code: what is measured is the
    # imports' refusals, not signing in.
    os.environ.setdefault("TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS", "false")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    if connection.vendor != "postgresql":
        raise SystemExit("The import bomb benchmark needs PostgreSQL: run it with `make benchmark-import-bomb`.")
    setup_test_environment()
    old_config = setup_databases(verbosity=0, interactive=False, keepdb=False)
    try:
        ok = refusals(args.rows)
    finally:
        connection.close()
        teardown_databases(old_config, verbosity=0)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
