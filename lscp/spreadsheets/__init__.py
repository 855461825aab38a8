"""The spreadsheet framework every app's imports and exports share (built on django-import-export).

Columns carry the partnership's own names, and a link to another record is written the way a person would
write it (an agency by its name, a person by their work e-mail); an app's resources declare them with
`Column` and the strict cell widgets here. The one number is a record's own "ID": an export carries it so
that a re-imported row updates its record instead of adding a copy; a row without one adds a new record.

An import is all or nothing. Every row is checked by the model's own rules (`full_clean`), each row is saved
inside one transaction so that later rows are checked against earlier ones, and the transaction is rolled
back if any row fails, both at the preview and at the confirmed import. Rows are numbered as the
spreadsheet numbers them: the heading row is row 1, so the first record is row 2. Problems come back
row-numbered (`SpreadsheetResult.problems()`).

Exports escape cells a spreadsheet would run as a formula. The admin side is `lscp.spreadsheets.admin`.
"""

import csv
import io
import math
import re
import struct
import zipfile
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

import tablib
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from import_export import resources, widgets
from import_export.fields import Field
from import_export.formats import base_formats
from import_export.results import Result, RowResult

from lscp.dates import DATE_IN_FUTURE, check_day
from lscp.financial_year import FinancialYear
from lscp.validators import describe_size

ID_COLUMN = "ID"

REQUIRED = "This cell is empty, and the column must be filled in."
NOT_A_DATE = "“%(value)s” is not a date: write dates as 2023-03-31 or 31/03/2023."
NOT_AN_AMOUNT = (
    "“%(value)s” is not an amount in pounds and pence: write it as a plain number such as 1611.21, "
    "with no £ sign, no commas and at most two decimal places."
)
NOT_A_WHOLE_NUMBER = "“%(value)s” is not a whole number (0, 1, 2 …)."
NOT_YES_OR_NO = "“%(value)s” is neither yes nor no."
NOT_A_YEAR = "“%(value)s” is not a financial year. %(rule)s"
NOT_A_CHOICE = "“%(value)s” is not a %(noun)s: use one of %(choices)s."
AMBIGUOUS = "More than one %(noun)s matches “%(value)s” when capitals are ignored: write it exactly as in the admin."
NOT_AN_ID = "“%(value)s” is not an ID: keep the ID from an export, or leave it empty to add a new record."
NO_SUCH_ID = "There is no %(noun)s with ID %(id)s to update: leave the ID empty to add a new one."
ID_TWICE = "ID %(id)s is also on row %(row)s: a record can appear only once in a file."
SAVE_FAILED = "This row could not be saved: %(error)s"
FORMULA = (
    "This cell holds a formula (%(formula)s), which is not imported: type the figure itself, or paste the cells "
    "as values."
)

NO_HEADINGS = "The first row of the file must hold the column headings, and it is empty."
NO_ROWS = "The file has its headings but no rows to import."
UNNAMED_COLUMN = "Column %(letter)s has values but no heading."
COLUMN_TWICE = "The column “%(column)s” appears twice."
UNKNOWN_COLUMNS = "These columns are not part of the %(what)s import: %(columns)s."
MISSING_COLUMNS = "These columns are required and missing: %(columns)s."
SEMICOLONS = "The cells seem to be separated by semicolons: save the file as CSV with commas."
EXPECTED_COLUMNS = "The columns are: %(columns)s (the import page offers a template with them)."
TOO_MANY_CELLS = "Row %(row)s has %(count)s cells but there are only %(width)s column headings."
NOT_UTF8 = (
    "This file is not CSV text in UTF-8. If it is an Excel workbook, choose the xlsx format; if it is a "
    "CSV file, save it again as “CSV UTF-8 (comma delimited)”."
)
UNREADABLE = (
    "This file could not be read as %(format)s. Check that the format chosen matches the file: csv for a "
    "CSV file, xlsx for an Excel workbook."
)
TOO_MANY_ROWS = (
    "This file has more than %(limit)s rows below its headings: an import takes at most %(limit)s rows at a time. "
    "Split it into smaller files and import each in turn (and delete any empty rows below the last record)."
)
TOO_BIG = (
    "This file is %(size)s: an import takes at most %(limit)s. Split it into smaller files and import each in turn."
)
TOO_BIG_UNPACKED = (
    "This workbook is %(size)s, but its contents come to %(unpacked)s once unzipped: an import takes at most "
    "%(limit)s. Split it into smaller files and import each in turn."
)
TOO_MANY_COLUMNS = (
    "This file has cells as far as column %(letter)s: an import has at most %(limit)s columns. Check that the first "
    "sheet is the one to import, and delete the cells to the right of the records."
)
# No import has more than a dozen columns: a file wider than this is not one, and reading it could make a few bytes
# into millions of empty cells (every row is padded to the widest).
MAX_COLUMNS = 50

# A cell starting with one of these is taken as a formula when a CSV file is opened in a spreadsheet program:
# a CSV export puts an apostrophe before it (the programs' own mark for "text") and an import takes it off.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """The one escape every CSV the project writes goes through: text a spreadsheet program would run as a
    formula (an agency called =HYPERLINK(…), say) gets an apostrophe in front. Numbers, dates and other
    values are left alone: a negative amount is a number, not a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvWriter:
    """`csv.writer` whose every cell goes through `escape_formula`; use it for any CSV download."""

    def __init__(self, stream, **kwargs):
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row):
        return self._writer.writerow([escape_formula(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(stream, **kwargs):
    return SafeCsvWriter(stream, **kwargs)


class SpreadsheetError(ValueError):
    """A file that cannot be imported as a whole: its message says why, for the person who uploaded it."""


def sheet_row(number):
    """django-import-export counts the records from 1; a spreadsheet counts its heading row as row 1."""
    return number + 1


def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a number typed into a text column of a workbook
    text = str(value).strip()
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_STARTS:
        text = text[1:]
    return text


def _heading_key(text):
    """Headings match whatever their capitals, spaces and punctuation: "Work e-mail" is "work email"."""
    return re.sub(r"[^a-z0-9]", "", cell_text(text).lower())


def listing(items):
    items = [str(item) for item in items]
    return ", ".join(items[:-1]) + " or " + items[-1] if len(items) > 1 else "".join(items)


# Widgets: what a cell may hold, read strictly, with a message a business manager can act on.


class Text(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return cell_text(value)

    def render(self, value, obj=None, **kwargs):
        text = "" if value is None else str(value)
        # A workbook keeps such text as a text cell (ExcelFile); only CSV needs the apostrophe.
        return text if kwargs.get("force_native_type") else escape_formula(text)


class Choice(widgets.Widget):
    """One of a model field's choices, by its label ("On track") or its stored value ("on_track")."""

    def __init__(self, choices, noun, *, labels=None):
        self.noun = noun
        self.labels = dict(labels or choices)
        self.lookup = {}
        for value, label in choices:
            self.lookup[self._key(value)] = value
            self.lookup[self._key(label)] = value
        for value, label in self.labels.items():
            self.lookup[self._key(label)] = value
        super().__init__()

    @staticmethod
    def _key(text):
        return " ".join(str(text).replace("’", "'").lower().split())

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return ""
        try:
            return self.lookup[self._key(text)]
        except KeyError:
            choices = listing(f"“{label}”" for label in self.labels.values())
            raise ValueError(NOT_A_CHOICE % {"value": text, "noun": self.noun, "choices": choices}) from None

    def render(self, value, obj=None, **kwargs):
        return str(self.labels.get(value, value or ""))


class YesNo(widgets.Widget):
    YES = {"yes", "y", "true", "1"}
    NO = {"no", "n", "false", "0"}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = cell_text(value).lower()
        if not text:
            return None
        if text in self.YES:
            return True
        if text in self.NO:
            return False
        raise ValueError(NOT_YES_OR_NO % {"value": cell_text(value)})

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else ("yes" if value else "no")


def _whole_number(value):
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise ValueError(NOT_A_WHOLE_NUMBER % {"value": value})
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    text = cell_text(value)
    if re.fullmatch(r"\d{1,18}(\.0+)?", text):
        return int(text.split(".")[0])
    raise ValueError(NOT_A_WHOLE_NUMBER % {"value": text})


class WholeNumber(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        return _whole_number(value)

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value if kwargs.get("force_native_type") else str(value)


_AMOUNT = re.compile(r"-?\d{1,10}(\.\d{1,2})?")
_PENNY = Decimal("0.01")


class Money(widgets.Widget):
    """Pounds and pence as a plain number: "1611.21", or a number cell of a workbook. Anything else (a £ sign,
    a decimal comma, thousands separators, fractions of a penny) is refused rather than guessed at."""

    def clean(self, value, row=None, **kwargs):
        if _blank(value):
            return None
        if isinstance(value, bool):
            raise ValueError(NOT_AN_AMOUNT % {"value": value})
        if isinstance(value, int):
            return Decimal(value)
        if isinstance(value, float | Decimal):
            return self._from_number(value)
        text = cell_text(value)
        if not _AMOUNT.fullmatch(text):
            raise ValueError(NOT_AN_AMOUNT % {"value": text})
        return Decimal(text)

    @staticmethod
    def _from_number(value):
        # A workbook stores 1611.21 as the nearest binary fraction: take it back to the penny, but refuse a
        # figure that really has fractions of a penny (1611.215).
        try:
            if isinstance(value, float) and not math.isfinite(value):
                raise InvalidOperation
            exact = Decimal(repr(value)) if isinstance(value, float) else value
            pennies = exact.quantize(_PENNY)
        except InvalidOperation:
            raise ValueError(NOT_AN_AMOUNT % {"value": value}) from None
        if abs(pennies - exact) > Decimal("0.000001"):
            raise ValueError(NOT_AN_AMOUNT % {"value": value})
        return pennies

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value if kwargs.get("force_native_type") else f"{value:.2f}"


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


class Day(widgets.Widget):
    """A date as 2023-03-31 or 31/03/2023 (day first, as in England), or a date cell of a workbook, within the range
    the partnership's records may hold (lscp.dates: 1 January 1990 to five years ahead by default); `past` for the
    date of something that has happened (up to today), with the model field's own message for a date to come."""

    def __init__(self, *, past=False, future_message=DATE_IN_FUTURE, **kwargs):
        self.past, self.future_message = past, future_message
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        day = self.parse(value)
        if day is not None:
            message = check_day(day, past=self.past, future_message=self.future_message)
            if message:
                raise ValueError(message)
        return day

    @staticmethod
    def parse(value):
        """The date a cell holds, whatever its year (None for an empty cell); ValueError if it holds no date."""
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = cell_text(value)
        if not text:
            return None
        if match := _ISO_DATE.fullmatch(text):
            year, month, day = match.groups()
        elif match := _UK_DATE.fullmatch(text):
            day, month, year = match.groups()
        else:
            raise ValueError(NOT_A_DATE % {"value": text})
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(NOT_A_DATE % {"value": text}) from None

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value if kwargs.get("force_native_type") else value.isoformat()


class Year(widgets.Widget):
    """A financial year, written 2022/23."""

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        try:
            return FinancialYear.parse(text)
        except ValueError as error:
            raise ValueError(NOT_A_YEAR % {"value": text, "rule": error}) from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else FinancialYear.parse(value).label


class ByKey(widgets.Widget):
    """Another record by what people call it (an agency's name, a person's work e-mail), whatever the capitals."""

    def __init__(self, model, key, missing):
        self.model, self.key, self.missing = model, key, missing
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        matches = list(self.model._default_manager.filter(**{f"{self.key}__iexact": text}))
        if len(matches) > 1:
            matches = [match for match in matches if getattr(match, self.key) == text]
            if len(matches) != 1:
                raise ValueError(AMBIGUOUS % {"noun": self.model._meta.verbose_name, "value": text})
        if not matches:
            raise ValueError(self.missing_message(text))
        return matches[0]

    def missing_message(self, text):
        return self.missing % {"value": text}

    def render(self, value, obj=None, **kwargs):
        text = "" if value is None else str(getattr(value, self.key))
        return text if kwargs.get("force_native_type") else escape_formula(text)


class Column(Field):
    """A column of the spreadsheet; `required` ones must be in the file and filled in on every row."""

    def __init__(self, attribute, column_name, widget=None, *, required=False, **kwargs):
        super().__init__(attribute=attribute, column_name=column_name, widget=widget or Text(), **kwargs)
        self.required = required

    def clean(self, row, **kwargs):
        value = super().clean(row, **kwargs)
        if self.required and (value is None or value == "" or value == []):
            raise ValueError(REQUIRED)
        return value


class Problem(NamedTuple):
    row: int | None  # as the spreadsheet numbers it; None for the file as a whole
    column: str
    message: str


def _message(error):
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    if isinstance(error, SpreadsheetError):
        return str(error)
    return SAVE_FAILED % {"error": str(error).strip() or type(error).__name__}


class SpreadsheetResult(Result):
    def problems(self):
        """Everything wrong with the file, in row order, for the import page."""
        found = [Problem(None, "", _message(error.error)) for error in self.base_errors]
        for row in self.error_rows:
            found += [Problem(sheet_row(row.number), "", _message(error.error)) for error in row.errors]
        for row in self.invalid_rows:
            for column, messages in row.error_dict.items():
                column = "" if column == NON_FIELD_ERRORS else column
                found += [Problem(sheet_row(row.number), column, str(message)) for message in messages]
        return sorted(found, key=lambda problem: problem.row or 0)


class SpreadsheetResource(resources.ModelResource):
    """What every import here shares: the ID column, tolerant headings, strict cells, all or nothing."""

    id = Column("id", ID_COLUMN, WholeNumber(), readonly=True)

    # Related records the export reads for every row, fetched with the rows so that an export costs a few
    # queries whatever its length.
    export_select_related = ()
    export_prefetch_related = ()

    # The model's constraints are checked row by row with a query each; a resource that checks them itself against
    # what it loaded once (a large import) turns this off.
    validate_constraints = True
    # Links (foreign keys) whose records the cells' widgets read from the database: not looked up again row by row.
    checked_links = ()

    class Meta:
        use_transactions = True
        clean_model_instances = True  # the model's own rules, as in the admin's forms
        skip_unchanged = True
        report_skipped = True

    @classmethod
    def get_result_class(cls):
        return SpreadsheetResult

    # The file as a whole.

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None, **kwargs):
        try:
            dataset = self.tidy(dataset)
        except SpreadsheetError as error:
            result = self.get_result_class()()
            result.total_rows = len(dataset)
            result.append_base_error(self.get_error_result_class()(error))
            return result
        self._row_number = None
        self._first_row_of_id = {}
        self._first_row_with = {}
        kwargs["rollback_on_validation_errors"] = True  # all or nothing, whoever calls
        return super().import_data(dataset, dry_run=dry_run, raise_errors=raise_errors, use_transactions=True, **kwargs)

    def tidy(self, dataset):
        """The dataset with its headings put in this resource's words, or a SpreadsheetError saying what is
        wrong with the columns. Empty trailing rows (a workbook's formatted but empty lines) are dropped."""
        headings = list(dataset.headers or [])
        rows = [list(row) for row in dataset]
        if not any(not _blank(heading) for heading in headings):
            raise SpreadsheetError(NO_HEADINGS)
        known = {_heading_key(field.column_name): field.column_name for field in self.fields.values()}
        keep, names, unknown = [], [], []
        for index, heading in enumerate(headings):
            if _blank(heading):
                if any(not _blank(row[index]) for row in rows):
                    raise SpreadsheetError(UNNAMED_COLUMN % {"letter": column_letter(index)})
                continue
            name = known.get(_heading_key(heading))
            if name is None:
                unknown.append(f"“{cell_text(heading)}”")
            elif name in names:
                raise SpreadsheetError(COLUMN_TWICE % {"column": name})
            else:
                keep.append(index)
                names.append(name)
        problems = []
        if len(headings) == 1 and ";" in str(headings[0]):
            problems.append(SEMICOLONS)
        elif unknown:
            problems.append(
                UNKNOWN_COLUMNS % {"what": self._meta.model._meta.verbose_name, "columns": ", ".join(unknown)}
            )
        missing = [
            field.column_name for field in self.fields.values() if field.required and field.column_name not in names
        ]
        if missing and not problems:
            problems.append(MISSING_COLUMNS % {"columns": ", ".join(missing)})
        if problems:
            columns = ", ".join(field.column_name for field in self.get_import_fields())
            raise SpreadsheetError(" ".join([*problems, EXPECTED_COLUMNS % {"columns": columns}]))
        while rows and all(_blank(value) for value in rows[-1]):
            rows.pop()
        if not rows:
            raise SpreadsheetError(NO_ROWS)
        tidy = tablib.Dataset(headers=names)
        for row in rows:
            tidy.append([row[index] for index in keep])
        # A workbook's formula cells (ExcelFile), at their places among the kept columns.
        tidy.formulas = {
            (number, keep.index(index)): formula
            for (number, index), formula in getattr(dataset, "formulas", {}).items()
            if index in keep and number <= len(rows)
        }
        return tidy

    # One row.

    def import_row(self, row, instance_loader, **kwargs):
        self._row_number = kwargs.get("row_number")
        if all(_blank(value) for value in row.values()):
            # An empty line between records: nothing to import, and the rows after it keep their numbers.
            row_result = self.get_row_result_class()()
            row_result.import_type = RowResult.IMPORT_TYPE_SKIP
            return row_result
        return super().import_row(row, instance_loader, **kwargs)

    def get_instance(self, instance_loader, row):
        """The record the row's ID names; none for a row without an ID (a new record). An ID that matches
        nothing is refused: it must not become the number of a new record."""
        value = row.get(ID_COLUMN)
        if _blank(value):
            return None
        try:
            pk = _whole_number(value)
        except ValueError:
            raise ValidationError({ID_COLUMN: NOT_AN_ID % {"value": cell_text(value)}}) from None
        first = self._first_row_of_id.setdefault(pk, self._row_number)
        if first != self._row_number:
            raise ValidationError({ID_COLUMN: ID_TWICE % {"id": pk, "row": sheet_row(first)}})
        try:
            return self.get_queryset().get(pk=pk)
        except self._meta.model.DoesNotExist:
            noun = self._meta.model._meta.verbose_name
            raise ValidationError({ID_COLUMN: NO_SUCH_ID % {"noun": noun, "id": pk}}) from None

    def import_instance(self, instance, row, **kwargs):
        # The many-to-many columns are only written after the record is saved: read them now, so that a
        # bad cell there is reported with the others and stops the row before anything is saved.
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row, **kwargs)
                except ValueError as error:
                    errors.setdefault(field.attribute, []).append(ValidationError(str(error)))
        if errors:
            raise ValidationError(errors)

    def once_in_file(self, instance):
        """(attribute, key, message, params) for a value that may be on only one row of a file, or None.
        The message gets the params and the number of the row that had the value first."""
        return None

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        once = self.once_in_file(instance)
        if once is not None:
            attribute, key, message, params = once
            first = self._first_row_with.setdefault((attribute, key), self._row_number)
            if first != self._row_number:
                params = {**params, "row": sheet_row(first)}
                errors.setdefault(attribute, []).append(ValidationError(message, params=params))
        if self._meta.clean_model_instances:
            try:
                instance.full_clean(
                    exclude=[*errors.keys(), *self.checked_links],
                    validate_unique=validate_unique,
                    validate_constraints=self.validate_constraints,
                )
            except ValidationError as error:
                errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(self.by_column(ValidationError(errors)))

    def by_column(self, error):
        """The row's errors keyed by the spreadsheet's column headings instead of the model's field names."""
        columns = {field.attribute: field.column_name for field in self.fields.values() if field.attribute}
        model = self._meta.model
        keyed = {}
        for key, messages in error.message_dict.items():
            if key in columns:
                keyed.setdefault(columns[key], []).extend(messages)
            elif key in (NON_FIELD_ERRORS, ID_COLUMN) or key in columns.values():
                keyed.setdefault(key, []).extend(messages)
            else:
                try:
                    label = str(model._meta.get_field(key).verbose_name).capitalize()
                except FieldDoesNotExist:
                    label = key
                keyed.setdefault(NON_FIELD_ERRORS, []).extend(f"{label}: {message}" for message in messages)
        return keyed

    # Export.

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related(*self.export_select_related).prefetch_related(*self.export_prefetch_related)


# Bounds. A file is measured before it is read (its size; a workbook's contents as its zip directory declares them;
# a workbook's own count of its rows), and read no further than an import takes, so that no file holds a server for
# minutes or fills its memory: a 2 MB workbook of repeated rows can unzip to half a gigabyte.


def too_many_rows():
    limit = settings.IMPORT_MAX_ROWS
    return SpreadsheetError(TOO_MANY_ROWS % {"limit": f"{limit:,}"})


def check_size(size):
    """Refuses a file bigger than an import reads (a CSV file, or a workbook as it is uploaded)."""
    limit = settings.IMPORT_MAX_UNPACKED_BYTES
    if size > limit:
        raise SpreadsheetError(TOO_BIG % {"size": describe_size(size), "limit": describe_size(limit, limit=True)})


def validate_import_file(upload):
    """An import form's file field validator: the uploaded file's size, known before a byte of it is read into
    memory (Django keeps a large upload in a temporary file)."""
    try:
        check_size(upload.size)
    except SpreadsheetError as error:
        raise ValidationError(str(error), code="file_size") from None


# A workbook's zip directory: a dozen entries or so, a few kilobytes. Its size is read from the zip's end record
# first, as listing a directory of millions of entries would itself take the memory this guards.
MAX_ZIP_DIRECTORY_BYTES = 1024 * 1024
_ZIP_END = b"PK\x05\x06"


def check_unpacked_size(content):
    """Refuses a workbook whose contents unzip to more than an import reads, from the sizes its zip directory declares,
    before openpyxl opens it. A declared size is a bound: Python's zip reader never unpacks a part beyond it (a part
    that holds more fails its check, and the file is unreadable)."""
    check_size(len(content))
    end = content.rfind(_ZIP_END, max(0, len(content) - 22 - 65535))
    if end >= 0 and len(content) >= end + 22:
        (directory_bytes,) = struct.unpack_from("<L", content, end + 12)
        if directory_bytes > MAX_ZIP_DIRECTORY_BYTES:
            raise SpreadsheetError(UNREADABLE % {"format": "xlsx"})
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    limit = settings.IMPORT_MAX_UNPACKED_BYTES
    if unpacked > limit:
        raise SpreadsheetError(
            TOO_BIG_UNPACKED
            % {
                "size": describe_size(len(content)),
                "unpacked": describe_size(unpacked),
                "limit": describe_size(limit, limit=True),
            }
        )


def _bounded_width(row, blank):
    """The row, refused if it has cells beyond MAX_COLUMNS (empty cells there are dropped)."""
    if len(row) > MAX_COLUMNS:
        row = list(row)
        while len(row) > MAX_COLUMNS and blank(row[-1]):
            row.pop()
        if len(row) > MAX_COLUMNS:
            letter = column_letter(len(row) - 1)
            raise SpreadsheetError(TOO_MANY_COLUMNS % {"letter": letter, "limit": MAX_COLUMNS})
    return row


def _text_lines(content, encoding):
    """A CSV file's lines as text, decoded as they are read (a StringIO would hold four bytes a character)."""
    if isinstance(content, bytes):
        return io.TextIOWrapper(io.BytesIO(content), encoding=encoding, newline="")
    return _lines_of(content)


def _lines_of(text):
    start, size = 0, len(text)
    while start < size:
        end = text.find("\n", start)
        end = size if end < 0 else end + 1
        yield text[start:end]
        start = end


def csv_rows(content, encoding="utf-8-sig"):
    """The rows of a CSV file (bytes, or text), headings first. The file is read as a stream twice: first to count its
    rows without keeping any, so that a file with more rows than an import takes is refused having cost no more than
    its own bytes, and stops being read there; then row by row, for the import."""
    check_size(len(content))
    limit = settings.IMPORT_MAX_ROWS
    for count, _row in enumerate(csv.reader(_text_lines(content, encoding))):
        if count > limit:
            raise too_many_rows()
    return csv.reader(_text_lines(content, encoding))


def workbook_rows(content):
    """The rows of a workbook's first sheet (its cells' values), headings first. Refused before openpyxl opens it when
    its contents unzip to more than an import reads, before a row is read when the sheet says it has more rows than an
    import takes (its dimension), and otherwise when the reader gets past that many. Rows are as the file has them,
    not padded to the size the sheet declares (which could be any)."""
    import openpyxl

    check_unpacked_size(content)
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        limit = settings.IMPORT_MAX_ROWS
        if (sheet.max_row or 0) > limit + 1:
            raise too_many_rows()
        sheet.reset_dimensions()
        rows = []
        for row in sheet.iter_rows(values_only=True):
            if len(rows) > limit:  # the headings and as many rows as an import takes are read already
                raise too_many_rows()
            rows.append(list(_bounded_width(row, _blank)))
        return rows
    finally:
        book.close()


# File formats: CSV and Excel workbooks only, read so that the row numbers in messages are the spreadsheet's.


class CSVFile(base_formats.CSV):
    def create_dataset(self, in_stream, **kwargs):
        lines = csv_rows(in_stream, self.encoding or "utf-8-sig")
        dataset = tablib.Dataset()
        headings = next(lines, None)
        if headings is None:
            return dataset
        # tablib drops empty lines, which would shift the numbers of the rows after them: keep every line.
        if not any(cell.strip() for cell in headings):
            raise SpreadsheetError(NO_HEADINGS)
        headings = _bounded_width(headings, _blank)
        width = len(headings)
        dataset.headers = headings
        for number, row in enumerate(lines, start=2):
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                raise SpreadsheetError(TOO_MANY_CELLS % {"row": number, "count": len(row), "width": width})
            dataset.append((row + [""] * width)[:width])
        return dataset


class ExcelFile(base_formats.XLSX):
    def create_dataset(self, in_stream, *, formulas=True):
        rows = workbook_rows(in_stream)
        dataset = tablib.Dataset()
        if not rows:
            return dataset
        dataset.formulas = self._formulas(in_stream, len(rows)) if formulas else {}
        width = max(1, *(len(row) for row in rows))
        dataset.headers = (rows[0] + [None] * width)[:width]
        for row in rows[1:]:
            dataset.append((row + [None] * width)[:width])
        return dataset

    @staticmethod
    def _formulas(in_stream, rows_read):
        """{(record number, column index): formula} of the first sheet (the values above are what the formulas
        last worked out: a resource that refuses formulas needs to know which cells they were), in the rows read."""
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(in_stream), read_only=True, data_only=False)
        try:
            sheet = book.worksheets[0]
            sheet.reset_dimensions()
            return {
                (number, index): str(cell.value)
                for number, row in enumerate(sheet.iter_rows(min_row=2, max_row=rows_read), 1)
                for index, cell in enumerate(row[:MAX_COLUMNS])
                if getattr(cell, "data_type", None) == "f"
            }
        finally:
            book.close()

    def export_data(self, dataset, **kwargs):
        from openpyxl import Workbook
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        book = Workbook()
        sheet = book.active
        bold = Font(bold=True)
        for number, heading in enumerate(dataset.headers or [], start=1):
            sheet.cell(row=1, column=number, value=heading).font = bold
        sheet.freeze_panes = "A2"
        widths = [len(str(heading)) for heading in dataset.headers or []]
        for row_number, row in enumerate(dataset, start=2):
            for number, value in enumerate(row, start=1):
                if isinstance(value, str):
                    value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell = sheet.cell(row=row_number, column=number, value=value)
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"  # text that looks like a formula stays text
                widths[number - 1] = max(widths[number - 1], len(str(value)))
        for number, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = min(max(width, 8) + 2, 60)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()


SPREADSHEET_FORMATS = [CSVFile, ExcelFile]


# Reading a whole sheet for an import that checks its rows itself (a dedicated row loop, for files of tens of
# thousands of rows: training attendance, the data set), without tablib or django-import-export's per-row work.


class Sheet(NamedTuple):
    """A file's first sheet as read: its headings, its rows (every line kept, so that row numbers hold, each padded
    to the headings' width) and its formula cells, {(record number from 1, column index): formula} (a workbook's;
    a CSV file's cells starting with "=" are text, which an import that refuses formulas checks itself)."""

    headings: list
    rows: list
    formulas: dict


FILE_FORMATS = {"csv": "CSV", "xlsx": "Excel workbook"}


def _csv_sheet(content):
    lines = csv_rows(content)
    headings = next(lines, None)
    if headings is None:
        raise SpreadsheetError(NO_HEADINGS)
    headings = _bounded_width(headings, _blank)
    width = len(headings)
    rows = []
    for number, row in enumerate(lines, start=2):
        if len(row) != width:
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                raise SpreadsheetError(TOO_MANY_CELLS % {"row": number, "count": len(row), "width": width})
            row = (row + [""] * width)[:width]
        rows.append(row)
    return Sheet(headings, rows, {})


def _workbook_sheet(content, *, formulas):
    dataset = ExcelFile().create_dataset(content, formulas=formulas)
    return sheet_of(dataset)


def read_spreadsheet(content, file_format, *, formulas=True):
    """The `Sheet` of a CSV file ("csv") or of an Excel workbook's first sheet ("xlsx"), or a SpreadsheetError whose
    message tells the person who uploaded it what to do. `formulas=False` skips the second pass over a workbook that
    finds its formula cells, for an import that does not refuse them."""
    try:
        if file_format == "csv":
            return _csv_sheet(content)
        return _workbook_sheet(content, formulas=formulas)
    except SpreadsheetError:
        raise
    except Exception as error:  # noqa: BLE001 - a file that is not of its format: the shared message says what to do
        raise SpreadsheetError(unreadable_file_message(error, file_format.upper())) from error


def sheet_of(dataset):
    """The `Sheet` of a tablib Dataset read by CSVFile or ExcelFile (the admin's import reads files that way)."""
    return Sheet(list(dataset.headers or []), [list(row) for row in dataset], dict(getattr(dataset, "formulas", {})))


def match_columns(sheet, *, columns, required, what):
    """The sheet's headings in the import's own words (`columns`; None for an empty column without a heading), and
    its rows without the empty ones at the end; or a SpreadsheetError saying what is wrong with the columns, as
    `SpreadsheetResource.tidy` says it."""
    headings, rows = sheet.headings, list(sheet.rows)
    if not any(not _blank(heading) for heading in headings):
        raise SpreadsheetError(NO_HEADINGS)
    known = {_heading_key(column): column for column in columns}
    names, unknown = [], []
    for index, heading in enumerate(headings):
        if _blank(heading):
            if any(index < len(row) and not _blank(row[index]) for row in rows):
                raise SpreadsheetError(UNNAMED_COLUMN % {"letter": column_letter(index)})
            names.append(None)
            continue
        name = known.get(_heading_key(heading))
        if name is None:
            unknown.append(f"“{cell_text(heading)}”")
        elif name in names:
            raise SpreadsheetError(COLUMN_TWICE % {"column": name})
        names.append(name)
    problems = []
    if len(headings) == 1 and ";" in str(headings[0]):
        problems.append(SEMICOLONS)
    elif unknown:
        problems.append(UNKNOWN_COLUMNS % {"what": what, "columns": ", ".join(unknown)})
    missing = [column for column in required if column not in names]
    if missing and not problems:
        problems.append(MISSING_COLUMNS % {"columns": ", ".join(missing)})
    if problems:
        raise SpreadsheetError(" ".join([*problems, EXPECTED_COLUMNS % {"columns": ", ".join(columns)}]))
    while rows and all(_blank(value) for value in rows[-1]):
        rows.pop()
    if not rows:
        raise SpreadsheetError(NO_ROWS)
    return names, rows


def fast_text(value):
    """`cell_text`, with a fast path for the plain strings of a CSV file (most of a large import's cells)."""
    if type(value) is str and not value.startswith("'"):
        return value.strip()
    return cell_text(value)


def remembered(parse):
    """`parse` remembered per cell value: a large file repeats its dates, periods and names thousands of times.
    Returns (value, None), or (None, message) for a ValueError or ValidationError."""
    seen = {}

    def parsed(value):
        key = (type(value), value)
        if key not in seen:
            try:
                seen[key] = (parse(value), None)
            except (ValueError, ValidationError) as error:
                seen[key] = (None, error.messages[0] if isinstance(error, ValidationError) else str(error))
        return seen[key]

    return parsed


def unreadable_file_message(error, format_title):
    """What to tell the person whose file could not be read at all."""
    if isinstance(error, SpreadsheetError):
        return str(error)
    if isinstance(error, UnicodeDecodeError):
        return NOT_UTF8
    return UNREADABLE % {"format": format_title}
