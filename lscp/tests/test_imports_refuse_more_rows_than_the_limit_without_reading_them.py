"""Every import refuses a file with more rows below its headings than IMPORT_MAX_ROWS, without reading the rows past
the limit: a workbook whose sheet says it has more (its dimension) before a row is read; a workbook that does not
say, and a CSV file, when the reader gets past the limit, with the rows after it left unread (here a row further on
that would have been refused for another reason). The message says what to do, and nothing is imported. A file of
exactly the limit is read."""

import pytest

from lscp.spreadsheets import SpreadsheetError, read_spreadsheet
from lscp.testing import sign_in
from lscp.tests.every_import import (
    EVERY_IMPORT,
    declaring_rows,
    messages_on,
    rewrite_sheet,
    submit,
    without_dimension,
    workbook,
)

pytestmark = pytest.mark.django_db

TOO_MANY = (
    "This file has more than %s rows below its headings: an import takes at most %s rows at a time. Split it into "
    "smaller files and import each in turn (and delete any empty rows below the last record)."
)
HEADINGS = ["Name", "Sector"]
ROW = ["Kids Company", "Voluntary and community sector"]
# A row that, read, would be refused for itself: a cell in column BZ of a workbook, a third cell in a CSV file.
BEYOND_THE_COLUMNS = [*ROW, *[None] * 75, "a note"]


def _csv(rows):
    return "".join(",".join(cell or "" for cell in row) + "\n" for row in rows).encode()


@pytest.mark.parametrize("point", EVERY_IMPORT, ids=lambda point: point.name)
def test_a_workbook_whose_sheet_says_it_has_more_rows_is_refused_before_they_are_read(point, client, manager):
    # Three rows, but the sheet says it runs to row 300,001: only what it says can refuse it.
    content = declaring_rows(workbook([HEADINGS, ROW, ROW]), 300_001)

    found = messages_on(submit(sign_in(client, manager), point, content, "xlsx"))

    assert found == [TOO_MANY % ("200,000", "200,000")]
    assert point.records.count() == 0


@pytest.mark.parametrize("point", EVERY_IMPORT, ids=lambda point: point.name)
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_file_with_more_rows_is_refused_when_the_reader_passes_the_limit(
    point, file_format, client, manager, settings
):
    settings.IMPORT_MAX_ROWS = 5
    rows = [HEADINGS, *[ROW] * 6, BEYOND_THE_COLUMNS]
    content = without_dimension(workbook(rows)) if file_format == "xlsx" else _csv(rows)

    found = messages_on(submit(sign_in(client, manager), point, content, file_format))

    assert found == [TOO_MANY % ("5", "5")]
    assert point.records.count() == 0


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_file_of_exactly_the_limit_is_read_and_one_row_more_is_not(file_format, settings):
    settings.IMPORT_MAX_ROWS = 5

    def content(rows):
        return without_dimension(workbook(rows)) if file_format == "xlsx" else _csv(rows)

    sheet = read_spreadsheet(content([HEADINGS, *[ROW] * 5]), file_format)
    assert len(sheet.rows) == 5
    with pytest.raises(SpreadsheetError) as refused:
        read_spreadsheet(content([HEADINGS, *[ROW] * 6]), file_format)
    assert str(refused.value) == TOO_MANY % ("5", "5")


def test_a_sheet_that_says_it_is_huge_is_not_padded_to_that_size(settings):
    # openpyxl pads every row to the size a sheet declares: a few bytes could declare 16,384 columns per row.
    huge = rewrite_sheet(
        workbook([HEADINGS, ROW]), lambda xml: xml.replace('<dimension ref="A1:B2"', '<dimension ref="A1:XFD3"')
    )

    sheet = read_spreadsheet(huge, "xlsx")

    assert sheet.headings == HEADINGS and sheet.rows == [ROW]


def test_a_workbook_with_cells_far_to_the_right_is_refused_by_its_column():
    with pytest.raises(SpreadsheetError) as refused:
        read_spreadsheet(workbook([HEADINGS, BEYOND_THE_COLUMNS]), "xlsx")

    assert str(refused.value).startswith("This file has cells as far as column BZ: an import has at most 50 columns.")
