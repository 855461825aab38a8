"""The data set's import: observations from a CSV file or an Excel workbook (columns in docs/imports.md,
"Observations (the data set)"), for the data set's import page and the admin's import (with its preview).

A row is one value: an indicator (by its name), a borough (by its code), a period (2022/23 · Q4 2022/23 · March
2023 · 31/03/2023), a category where the indicator has them, the value and the London and England comparators, the
value's source (the report prints it beside the figure; left empty, a new value takes its indicator's and a value
updated keeps its own), and optionally the ID of the record it updates (from an export). A row without an ID whose
indicator, borough, period and category already have a value **updates** that value (a re-import of a quarter
replaces its figures rather than adding a second set); a row that changes nothing is left alone and counted as
unchanged.

All or nothing, as every import here: every row is checked, and if any fails nothing is written and the problems
come back numbered as the spreadsheet numbers its rows (the heading row is row 1). A quarter's data set for every
borough is tens of thousands of rows (issue 12: 50,000 in under 30 s, `make benchmark-observations`), so it does
not go through django-import-export's row-by-row import: as training's attendance import, the file is read by the
shared reader (`lscp.spreadsheets`), the indicators, categories, boroughs and the values already recorded for the
file's indicators and periods are loaded once, each row is checked in Python against them and against the rows
above it, and the values are written in two statements with their history rows (`lscp.spreadsheets.bulk`).

The model's unique constraint (one value per indicator, borough, period and category) is checked here, row by row,
against what the database will hold: the observations table is locked against other writers for the import (reads
go on), so a check made here cannot be overtaken by another import, and a row that would break the constraint is
refused with its number instead of failing the file at the database.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.validators import DecimalValidator
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from lscp.dates import check_day, earliest, spoken
from lscp.financial_year import FIRST_YEAR, LAST_YEAR, FinancialYear
from lscp.spreadsheets import (
    AMBIGUOUS,
    FORMULA,
    ID_COLUMN,
    ID_TWICE,
    NO_SUCH_ID,
    NOT_AN_ID,
    REQUIRED,
    Day,
    Problem,
    SpreadsheetError,
    _whole_number,
    cell_text,
    fast_text,
    listing,
    match_columns,
    remembered,
)
from lscp.spreadsheets.bulk import chunks, insert_many_with_history, update_many_with_history
from partnership.models import LocalAuthority
from partnership.resources import NO_SUCH_BOROUGH

from ..models import (
    OBSERVATION_HAS_NO_CATEGORIES,
    OBSERVATION_NEEDS_CATEGORY,
    OBSERVATION_TWICE,
    Indicator,
    IndicatorCategory,
    Observation,
    PeriodKind,
    Unit,
    period_end_for,
)

INDICATOR = "Indicator"
BOROUGH = "Borough code"
PERIOD = "Period"
CATEGORY = "Category"
VALUE = "Value"
LONDON = "London"
ENGLAND = "England"
SOURCE = "Source"
COLUMNS = [ID_COLUMN, INDICATOR, BOROUGH, PERIOD, CATEGORY, VALUE, LONDON, ENGLAND, SOURCE]
REQUIRED_COLUMNS = [INDICATOR, BOROUGH, PERIOD, VALUE]
WHAT = "observation"
# The import template's example row (lscp.spreadsheets.template), as docs/imports.md has it.
EXAMPLE = {
    INDICATOR: "Children in need",
    BOROUGH: "RBKC",
    PERIOD: "Q4 2022/23",
    VALUE: "726",
    LONDON: "2120",
    SOURCE: "Children in need census 2023",
}

NO_SUCH_INDICATOR = "There is no indicator called “%(value)s”: add it in the admin first, or check its spelling."
NOT_A_PERIOD = (
    "“%(value)s” is not a period: write a year as 2022/23, a quarter as Q4 2022/23 (Q1 is April to June), a "
    "month as March 2023, or a date as 31/03/2023."
)
PERIOD_OUT_OF_RANGE = "“%(value)s” starts on %(start)s: a period must start between %(earliest)s and today."
NOT_A_CATEGORY = "“%(value)s” is not a category of “%(indicator)s”: use %(categories)s."
NOT_A_NUMBER = "“%(value)s” is not a number: write it as a plain number such as 726 or 9.9, with no commas."
TOO_PRECISE = "“%(value)s” has more than two decimal places."
NEGATIVE = "“%(indicator)s” cannot be negative."
OVER_100 = "“%(indicator)s” is a percentage: %(value)s is more than 100."
ROW_TWICE = "This indicator, borough, period and category are also on row %(row)s: a value can appear only once."
RECORD_TWICE = (
    "This indicator, borough, period and category are those of the value with ID %(id)s, which row %(row)s also "
    "changes: a value can appear only once in a file."
)
SOURCE_TOO_LONG = "The source is %(length)s characters long: write it in at most %(limit)s."
NOT_IMPORTED = (
    "Nothing was imported: the data set changed while the file was checked (%(error)s). Upload the file again."
)

# The columns an observation is written with, in this order (the ids of its links, its period, its figures).
WRITTEN = [
    "indicator_id",
    "borough_id",
    "period_kind",
    "period_start",
    "period_end",
    "category_id",
    "value",
    "london",
    "england",
    "source",
]
_SOURCE_LIMIT = Observation._meta.get_field("source").max_length

_QUARTER = re.compile(r"(?:q([1-4])\s+(\S+)|(\S+)\s+q([1-4]))")
_MONTH = re.compile(r"([a-z]+)\s+(\d{4})")
_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (date(2000, number, 1).strftime("%B").lower(), date(2000, number, 1).strftime("%b").lower())
}
_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_PENNY = Decimal("0.01")
# The model field's own limits (max_digits, decimal_places), with Django's messages.
_DIGITS = DecimalValidator(Observation._meta.get_field("value").max_digits, 2)


def parse_period(value):
    """(PeriodKind, first day) from a cell; ValueError with NOT_A_PERIOD otherwise."""
    if isinstance(value, datetime | date):
        return PeriodKind.DATE, value.date() if isinstance(value, datetime) else value
    text = cell_text(value)
    key = " ".join(text.lower().split())
    try:
        if match := _QUARTER.fullmatch(key):
            number = int(match.group(1) or match.group(4))
            year = FinancialYear.parse(match.group(2) or match.group(3))
            month = 4 + 3 * (number - 1)
            return PeriodKind.QUARTER, date(year.start_year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        if (match := _MONTH.fullmatch(key)) and match.group(1) in _MONTHS:
            return PeriodKind.MONTH, date(int(match.group(2)), _MONTHS[match.group(1)], 1)
        if "/" in key and len(key.split("/")) == 3 or key.count("-") == 2:
            return PeriodKind.DATE, Day.parse(text)
        return PeriodKind.YEAR, FinancialYear.parse(key).start
    except ValueError:
        raise ValueError(NOT_A_PERIOD % {"value": text}) from None


def parse_period_in_range(value):
    """`parse_period`, and the period must have started, on or after the records' first day (lscp.dates): a value is
    for a period that has begun, and a year-1 or 9999 period would belong to no financial year the reports can name.
    Its end may lie ahead (this quarter's figures so far), up to the records' last day."""
    kind, start = parse_period(value)
    text = cell_text(value) if not isinstance(value, datetime | date) else f"{start:%d/%m/%Y}"
    end = period_end_for(kind, start)
    if check_day(start, past=True) or check_day(end):
        raise ValueError(PERIOD_OUT_OF_RANGE % {"value": text, "start": spoken(start), "earliest": spoken(earliest())})
    return kind, start


def period_cell(kind, start):
    """How an export writes a period, so that it imports back (a start no financial year can hold, stored before the
    range rule, as its date)."""
    in_years = FIRST_YEAR < start.year < LAST_YEAR
    if kind == PeriodKind.YEAR and (start.month, start.day) == (4, 1) and in_years:
        return FinancialYear(start.year).label
    if kind == PeriodKind.QUARTER and start.day == 1 and start.month in (1, 4, 7, 10) and in_years:
        return f"Q{(start.month - 4) % 12 // 3 + 1} {FinancialYear.for_date(start).label}"
    if kind == PeriodKind.MONTH and start.day == 1:
        return f"{start:%B %Y}"
    return start.strftime("%d/%m/%Y")


def parse_number(value):
    """A plain number, or a number cell, to the penny; a percentage may carry its % sign ("9.9%"). None for an empty
    cell; ValueError otherwise."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(NOT_A_NUMBER % {"value": value})
    if isinstance(value, int | float | Decimal):
        try:
            number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            raise ValueError(NOT_A_NUMBER % {"value": value}) from None
        if not number.is_finite():
            raise ValueError(NOT_A_NUMBER % {"value": value})
    else:
        text = cell_text(value)
        if not text:
            return None
        bare = text[:-1].strip() if text.endswith("%") else text
        if not _NUMBER.fullmatch(bare):
            raise ValueError(NOT_A_NUMBER % {"value": text})
        number = Decimal(bare)
    if number != number.quantize(_PENNY):
        raise ValueError(TOO_PRECISE % {"value": cell_text(value)})
    number = number.quantize(_PENNY)
    _DIGITS(number)  # a ValidationError with the model field's own message
    return number


def _words(text):
    return " ".join(text.casefold().split())


class _ByName:
    """Records by what people call them (an indicator's name, a borough's code), whatever the capitals: one query."""

    def __init__(self, records, key, missing, noun):
        self.by_key, self.key, self.missing, self.noun = {}, key, missing, noun
        for record in records:
            self.by_key.setdefault(getattr(record, key).casefold(), []).append(record)

    def find(self, text):
        matches = self.by_key.get(text.casefold(), [])
        if len(matches) > 1:
            matches = [match for match in matches if getattr(match, self.key) == text]
            if len(matches) != 1:
                raise ValueError(AMBIGUOUS % {"noun": self.noun, "value": text})
        if not matches:
            raise ValueError(self.missing(text))
        return matches[0]


@dataclass
class ObservationImport:
    """What an import did (or, with `dry_run`, would do), or why it did nothing (`problems`, in row order).
    `rows` (when asked for, for the admin's preview): (row number, "new" | "update" | "skip", cells as read)."""

    problems: list = field(default_factory=list)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rows: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems


def import_observations(*, sheet, by=None, dry_run=False, preview=False, now=None):
    """Checks every row of the sheet (`lscp.spreadsheets.read_spreadsheet`, or `sheet_of` a dataset) and, if none
    fails, records its values: a new observation per new indicator, borough, period and category, the value already
    there updated otherwise, each change with its history row under `by`. `dry_run` checks and counts, then rolls
    everything back (the admin's preview); `preview` also lists each row with what it does."""
    now = now or timezone.now()
    try:
        names, rows = match_columns(sheet, columns=COLUMNS, required=REQUIRED_COLUMNS, what=WHAT)
    except SpreadsheetError as error:
        return ObservationImport(problems=[Problem(None, "", str(error))])
    formulas = _formulas(names, rows, sheet.formulas)
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                if not dry_run and connection.vendor == "postgresql":
                    # Other writers wait until this import is done, so that what is checked below is what the
                    # database holds when it is written; readers (the report, the exceptions page) do not wait.
                    with connection.cursor() as cursor:
                        table = connection.ops.quote_name(Observation._meta.db_table)
                        cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
                result = _import(names, rows, formulas, by=by, now=now, preview=preview, write=not dry_run)
                if result.problems or dry_run:
                    transaction.set_rollback(True)
            return result
        except IntegrityError as error:
            # Only a writer that does not take the lock (an edit in the admin between the lock and the checks
            # cannot happen; SQLite has no such lock) gets here: check the file again against what is there now,
            # which names the rows.
            if attempt == 2:
                message = NOT_IMPORTED % {"error": str(error).splitlines()[0]}
                return ObservationImport(problems=[Problem(None, "", message)])
    raise AssertionError("unreachable")


def _formulas(names, rows, workbook_formulas):
    """{row number: {column: formula}} of the formula cells, each refused by its row and column (its value is only what
    the formula last worked out, or nothing at all for a workbook written by a program), with the other problems of
    its row and of the rest of the file: the cell itself is not read."""
    found = {}
    for (number, index), formula in workbook_formulas.items():
        if index < len(names) and names[index] and number <= len(rows):
            found.setdefault(number, {})[index] = formula
    for number, row in enumerate(rows, 1):
        for index, value in enumerate(row):
            if isinstance(value, str) and names[index] and value.lstrip().startswith("="):
                found.setdefault(number, {})[index] = value.strip()
    return {
        number + 1: {names[index]: formula for index, formula in sorted(cells.items())}
        for number, cells in found.items()
    }


def _import(names, rows, formulas, *, by, now, preview, write):
    width = len(names)
    position = {name: index for index, name in enumerate(names) if name}
    order = [position.get(column, width) for column in COLUMNS]
    # Each row's cells in COLUMNS order (a column left out of the file reads as empty), as typed and as text.
    if all(type(value) is str for value in rows[0]):
        # A CSV file: every cell is text already (padded to the headings' width), so the cells read are the cells
        # typed, taken as they are unless one starts with an apostrophe (an export's escaped text).
        raw = [[row[i] for i in order] for row in [[*row, ""] for row in rows]]
        texts = [[text.strip() if not text.startswith("'") else cell_text(text) for text in cells] for cells in raw]
    else:
        raw = [[(row[i] if i < len(row) else None) if i < width else None for i in order] for row in rows]
        texts = [[fast_text(value) if value is not None else "" for value in cells] for cells in raw]
    i_id, i_indicator, i_borough, i_period, i_category, i_value, i_london, i_england, i_source = range(len(COLUMNS))

    indicators = _ByName(
        Indicator.objects.all(), "name", lambda text: NO_SUCH_INDICATOR % {"value": text}, Indicator._meta.verbose_name
    )
    boroughs = _ByName(LocalAuthority.objects.all(), "code", _no_such_borough, LocalAuthority._meta.verbose_name)
    categories, category_named = {}, {}
    for category in IndicatorCategory.objects.order_by("order", "name"):
        categories.setdefault(category.indicator_id, []).append(category)
        category_named.setdefault((category.indicator_id, _words(category.name)), category)
    read_indicator, read_borough = remembered(indicators.find), remembered(boroughs.find)
    read_period, read_number = remembered(parse_period_in_range), remembered(parse_number)

    # The rows' cells read, before the values already recorded are looked up for the indicators and periods named.
    problems, read = [], []
    for number, (cells, values) in enumerate(zip(texts, raw, strict=True), start=2):
        formula_in = formulas.get(number, {})
        if not any(cells) and not formula_in:
            continue  # an empty line: skipped, and the rows after it keep their numbers
        # A formula cell has its problem; it is not read (nor counted as empty), and the row's other cells are checked.
        found = [Problem(number, column, FORMULA % {"formula": formula}) for column, formula in formula_in.items()]
        pk = None
        if cells[i_id] and ID_COLUMN not in formula_in:
            try:
                pk = _whole_number(values[i_id])
            except ValueError:
                found.append(Problem(number, ID_COLUMN, NOT_AN_ID % {"value": cells[i_id]}))
        indicator = borough = period = category = None
        figures = {}
        for column, i, reader in (
            (INDICATOR, i_indicator, read_indicator),
            (BOROUGH, i_borough, read_borough),
            (PERIOD, i_period, read_period),
        ):
            if column in formula_in:
                continue
            if not cells[i]:
                found.append(Problem(number, column, REQUIRED))
                continue
            parsed, message = reader(cells[i] if column != PERIOD else values[i])
            if message:
                found.append(Problem(number, column, message))
            elif column == INDICATOR:
                indicator = parsed
            elif column == BOROUGH:
                borough = parsed
            else:
                period = parsed
        own = categories.get(indicator.pk, []) if indicator else []
        if indicator is not None and CATEGORY not in formula_in:
            if cells[i_category]:
                if not own:
                    found.append(Problem(number, CATEGORY, OBSERVATION_HAS_NO_CATEGORIES % {"indicator": indicator}))
                else:
                    category = category_named.get((indicator.pk, _words(cells[i_category])))
                    if category is None:
                        found.append(
                            Problem(
                                number,
                                CATEGORY,
                                NOT_A_CATEGORY
                                % {
                                    "value": cells[i_category],
                                    "indicator": indicator,
                                    "categories": listing(f"“{c.name}”" for c in own),
                                },
                            )
                        )
            elif own:
                message = OBSERVATION_NEEDS_CATEGORY % {
                    "indicator": indicator,
                    "categories": ", ".join(f"“{c.name}”" for c in own),
                }
                found.append(Problem(number, CATEGORY, message))
        for column, i in ((VALUE, i_value), (LONDON, i_london), (ENGLAND, i_england)):
            if column in formula_in:
                continue
            if not cells[i]:
                if column == VALUE:
                    found.append(Problem(number, column, REQUIRED))
                figures[column] = None
                continue
            figure, message = read_number(values[i])
            if message is None and figure is not None and indicator is not None:
                if figure < 0 and indicator.unit != Unit.MONEY:
                    message = NEGATIVE % {"indicator": indicator}
                elif indicator.unit == Unit.PERCENTAGE and figure > 100:
                    message = OVER_100 % {"indicator": indicator, "value": f"{figure.normalize():f}"}
            if message:
                found.append(Problem(number, column, message))
            figures[column] = figure
        source = " ".join(cells[i_source].split()) if SOURCE not in formula_in else ""
        if len(source) > _SOURCE_LIMIT:
            found.append(Problem(number, SOURCE, SOURCE_TOO_LONG % {"length": len(source), "limit": _SOURCE_LIMIT}))
        figures[SOURCE] = source
        read.append((number, found, pk, indicator, borough, period, category, figures, cells))

    # The values already recorded: those the IDs name, and those of the file's indicators and periods.
    ids = sorted({pk for _n, _f, pk, *_ in read if pk is not None})
    by_id = {}
    for chunk in chunks(ids, 10000):
        for values in Observation.objects.filter(pk__in=chunk).values_list("pk", *WRITTEN):
            by_id[values[0]] = values[1:]
    indicator_ids = {indicator.pk for _n, _f, _pk, indicator, *_ in read if indicator is not None}
    starts = {period[1] for _n, _f, _pk, _i, _b, period, *_ in read if period is not None}
    stored = dict(by_id)
    if indicator_ids and starts:
        for values in (
            Observation.objects.filter(indicator_id__in=indicator_ids, period_start__in=starts)
            .order_by()
            .values_list("pk", *WRITTEN)
        ):
            stored[values[0]] = values[1:]
    at_key = {_key_of(values): pk for pk, values in stored.items()}

    first_with_key, first_of_id, changed_by = {}, {}, {}
    new, updates, unchanged, shown = [], [], 0, []
    for number, found, pk, indicator, borough, period, category, figures, cells in read:
        if pk is not None:
            first = first_of_id.setdefault(pk, number)
            if first != number:
                found.append(Problem(number, ID_COLUMN, ID_TWICE % {"id": pk, "row": first}))
            elif pk not in by_id:
                found.append(Problem(number, ID_COLUMN, NO_SUCH_ID % {"noun": "observation", "id": pk}))
        complete = indicator is not None and borough is not None and period is not None
        if complete and not any(p.column == CATEGORY for p in found):
            key = (indicator.pk, borough.pk, period[0], period[1], category.pk if category else None)
            first = first_with_key.setdefault(key, number)
            holder = at_key.get(key)
            if first != number:
                found.append(Problem(number, PERIOD, ROW_TWICE % {"row": first}))
            elif pk is not None and pk in by_id and holder is not None and holder != pk:
                # A row with an ID moving its value onto another value's indicator, borough, period and category.
                found.append(Problem(number, PERIOD, OBSERVATION_TWICE))
            else:
                target = pk if pk is not None else holder
                if target is not None:
                    other = changed_by.setdefault(target, number)
                    if other != number:
                        found.append(Problem(number, PERIOD, RECORD_TWICE % {"id": target, "row": other}))
        if found:
            problems.extend(sorted(found, key=lambda p: COLUMNS.index(p.column) if p.column in COLUMNS else 0))
            continue
        if problems:
            continue  # nothing will be written: the rest is only checked
        key = (indicator.pk, borough.pk, period[0], period[1], category.pk if category else None)
        target = pk if pk is not None else at_key.get(key)
        # A row without a source: a value updated keeps its own, a new one takes its indicator's.
        source = figures[SOURCE] or (stored[target][-1] if target is not None else indicator.source)
        values = (
            indicator.pk,
            borough.pk,
            period[0],
            period[1],
            period_end_for(*period),
            category.pk if category else None,
            figures[VALUE],
            figures[LONDON],
            figures[ENGLAND],
            source,
        )
        if target is None:
            new.append(values)
            kind = "new"
        elif stored[target] == values:
            unchanged += 1
            kind = "skip"
        else:
            updates.append((target, *values))
            kind = "update"
        if preview:
            shown.append((number, kind, [str(target or "") if kind != "new" else "", *cells[1:]]))

    if problems:
        return ObservationImport(problems=problems)
    if write:
        # The updates first: a value whose ID moves it to a new indicator, borough, period or category frees its
        # old ones, which no new row can take (a row naming them updates that value, and is refused as a repeat).
        update_many_with_history(Observation, WRITTEN, updates, by=by, now=now)
        insert_many_with_history(Observation, WRITTEN, new, constants={}, by=by, now=now)
    return ObservationImport(new=len(new), updated=len(updates), unchanged=unchanged, rows=shown)


def _key_of(values):
    indicator_id, borough_id, period_kind, period_start, _end, category_id, *_ = values
    return (indicator_id, borough_id, period_kind, period_start, category_id)


def _no_such_borough(text):
    codes = listing(LocalAuthority.objects.order_by("code").values_list("code", flat=True)) or "none yet"
    return NO_SUCH_BOROUGH % {"value": text, "codes": codes}
