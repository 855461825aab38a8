"""Every import (each of the admin's, the data set page and the training attendance page) refuses a file bigger than
it reads before reading it: a workbook whose contents unzip to more than IMPORT_MAX_UNPACKED_BYTES is refused from
the sizes its zip directory declares, without being opened (a 2 MB workbook of a million repeated rows unzips to
481 MB, and reading it held a server for minutes); an upload bigger than the limit, CSV or workbook, is refused by
the form before it is read. Each time with a message that says what to do, and nothing imported."""

import openpyxl
import pytest

from lscp.spreadsheets import ExcelFile, SpreadsheetError, read_spreadsheet
from lscp.testing import sign_in
from lscp.tests.every_import import EVERY_IMPORT, declaring_unpacked_size, messages_on, submit, workbook
from lscp.validators import describe_size

pytestmark = pytest.mark.django_db

# What a small workbook of a million repeated rows says it unzips to.
BOMB_BYTES = 481 * 1024 * 1024
ROWS = [["Name", "Sector"], *[["Kids Company", "Voluntary and community sector"]] * 50]


@pytest.fixture
def never_opened(monkeypatch):
    """A workbook refused for its declared size is never handed to openpyxl."""

    def opened(*args, **kwargs):
        raise AssertionError("The workbook was opened.")

    monkeypatch.setattr(openpyxl, "load_workbook", opened)


@pytest.mark.parametrize("point", EVERY_IMPORT, ids=lambda point: point.name)
def test_a_workbook_that_unzips_to_more_than_the_limit_is_refused_unopened(point, client, manager, never_opened):
    bomb = declaring_unpacked_size(workbook(ROWS), BOMB_BYTES)

    found = messages_on(submit(sign_in(client, manager), point, bomb, "xlsx"))

    assert len(found) == 1, found
    assert found[0].startswith("This workbook is ")
    assert "but its contents come to 481.1\xa0MB once unzipped: an import takes at most 150\xa0MB." in found[0]
    assert point.records.count() == 0


@pytest.mark.parametrize("point", EVERY_IMPORT, ids=lambda point: point.name)
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_upload_bigger_than_the_limit_is_refused_by_the_form(point, file_format, client, manager, settings):
    settings.IMPORT_MAX_UNPACKED_BYTES = 1000
    content = workbook(ROWS) if file_format == "xlsx" else b"Name,Sector\n" + b"Kids Company,Voluntary\n" * 60

    found = messages_on(submit(sign_in(client, manager), point, content, file_format))

    size = describe_size(len(content))
    assert found == [f"This file is {size}: an import takes at most 1000\xa0bytes. Split it into smaller files and "
                     "import each in turn."]  # fmt: skip
    assert point.records.count() == 0


def test_the_reader_checks_the_declared_size_whoever_calls_it(never_opened):
    bomb = declaring_unpacked_size(workbook(ROWS), BOMB_BYTES)

    for read in (lambda: read_spreadsheet(bomb, "xlsx"), lambda: ExcelFile().create_dataset(bomb)):
        with pytest.raises(SpreadsheetError, match="once unzipped: an import takes at most 150"):
            read()


def test_a_workbook_under_the_limit_is_read(settings):
    content = workbook(ROWS)
    settings.IMPORT_MAX_UNPACKED_BYTES = len(content) * 20

    sheet = read_spreadsheet(content, "xlsx")

    assert sheet.headings == ["Name", "Sector"] and len(sheet.rows) == 50


def test_a_csv_file_bigger_than_the_limit_is_refused_by_the_reader_too(settings):
    settings.IMPORT_MAX_UNPACKED_BYTES = 1000
    content = b"Name,Sector\n" + b"Kids Company,Voluntary\n" * 60

    with pytest.raises(SpreadsheetError, match="an import takes at most 1000"):
        read_spreadsheet(content, "csv")
