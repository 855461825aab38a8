"""The data set's spreadsheet in the admin: observations out as CSV or Excel on the shared framework
(lscp/spreadsheets), and in through the data set's own import (`audits.services.dataset_import`, docs/imports.md
"Observations (the data set)"), which this resource hands the admin's file to and whose outcome it shows in the
admin's preview (each row New, Update or Skipped) and message. The columns are the import's: an export imports back.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from import_export import widgets
from import_export.results import Error, RowResult

from lscp.spreadsheets import ByKey, Column, SpreadsheetError, SpreadsheetResource, Text, sheet_of
from partnership.resources import BoroughCode

from .models import Indicator, Observation
from .services.dataset_import import (
    BOROUGH,
    CATEGORY,
    ENGLAND,
    EXAMPLE,
    INDICATOR,
    LONDON,
    NO_SUCH_INDICATOR,
    PERIOD,
    SOURCE,
    VALUE,
    import_observations,
    period_cell,
)


class Number(widgets.Widget):
    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"
        return value if kwargs.get("force_native_type") else text


class CategoryName(widgets.Widget):
    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value.name


class ObservationResource(SpreadsheetResource):
    indicator = Column("indicator", INDICATOR, ByKey(Indicator, "name", NO_SUCH_INDICATOR), required=True)
    borough = Column("borough", BOROUGH, BoroughCode(), required=True)
    period = Column("period_start", PERIOD, Text(), required=True)
    category = Column("category", CATEGORY, CategoryName())
    value = Column("value", VALUE, Number(), required=True)
    london = Column("london", LONDON, Number())
    england = Column("england", ENGLAND, Number())
    source = Column("source", SOURCE, Text())

    export_select_related = ("indicator", "borough", "category")
    example = EXAMPLE

    class Meta(SpreadsheetResource.Meta):
        model = Observation
        name = "Observations (the data set)"
        fields = ("id", "indicator", "borough", "period", "category", "value", "london", "england", "source")

    # Import: the data set's own, whose outcome is put in the shape the admin's preview and message read.

    def import_data(self, dataset, dry_run=False, raise_errors=False, use_transactions=None, **kwargs):
        outcome = import_observations(sheet=sheet_of(dataset), by=kwargs.get("user"), dry_run=dry_run, preview=True)
        result = self.get_result_class()()
        result.total_rows = len(dataset)
        result.diff_headers = [field.column_name for field in self.get_export_fields()]
        by_row = {}
        for problem in outcome.problems:
            if problem.row is None:
                result.append_base_error(Error(SpreadsheetError(problem.message)))
            else:
                by_row.setdefault(problem.row, {}).setdefault(problem.column or NON_FIELD_ERRORS, []).append(
                    problem.message
                )
        for row, errors in by_row.items():
            result.append_invalid_row(row - 1, {}, ValidationError(errors))
        for _number, kind, cells in outcome.rows:
            row_result = self.get_row_result_class()()
            row_result.import_type = {"new": RowResult.IMPORT_TYPE_NEW, "update": RowResult.IMPORT_TYPE_UPDATE}.get(
                kind, RowResult.IMPORT_TYPE_SKIP
            )
            row_result.diff = cells
            result.append_row_result(row_result)
            result.increment_row_result_total(row_result)
        return result

    # Export.

    def dehydrate_period(self, observation):
        return period_cell(observation.period_kind, observation.period_start)
