"""Spreadsheets in and out of the admin for the governance records: the finance lines and actions
(docs/imports.md)."""

from import_export import widgets

from lscp.spreadsheets import (
    ByKey,
    Choice,
    Column,
    Day,
    Money,
    SpreadsheetResource,
    WholeNumber,
    Year,
    cell_text,
    listing,
)
from partnership.models import Agency, Body, Person
from partnership.resources import NO_SUCH_AGENCY, NO_SUCH_BODY, NO_SUCH_PERSON, BoroughCode

from . import action_sources
from .models import (
    ACTION_COMPLETED_IN_FUTURE,
    Action,
    ActionStatus,
    Contribution,
    ExpenditureCategory,
    ExpenditureLine,
    Rag,
    ReservesBroughtForward,
)

NO_SUCH_SOURCE_KIND = "Actions cannot be raised from “%(value)s”: use %(kinds)s."


class SourceKind(widgets.Widget):
    """The kind of record an action comes from, by the name its app registered it under: "priority activity"
    (`governance.action_sources`)."""

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            return None
        kinds = action_sources.content_types()
        for source, kind in kinds:
            names = {source.kind, kind.name, kind.model, f"{kind.app_label}.{kind.model}"}
            if text.casefold() in {name.casefold() for name in names}:
                return kind
        listed = listing(f"“{source.kind}”" for source, _ in kinds)
        raise ValueError(NO_SUCH_SOURCE_KIND % {"value": text, "kinds": listed})

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        source = action_sources.source_for(value)
        return source.kind if source is not None else value.name


class FinanceLineResource(SpreadsheetResource):
    year = Column("year", "Year", Year(), required=True)
    borough = Column("borough", "Borough code", BoroughCode(), required=True)
    amount = Column("amount", "Amount", Money(), required=True)

    export_select_related = ("borough",)


class ContributionResource(FinanceLineResource):
    agency = Column("agency", "Agency", ByKey(Agency, "name", NO_SUCH_AGENCY))
    label = Column("label", "Label")
    order = Column("order", "Order", WholeNumber(), default=0)

    export_select_related = ("borough", "agency")
    # The template's example row (lscp.spreadsheets.template), as docs/imports.md has it.
    example = {
        "Year": "2023/24",
        "Borough code": "RBKC",
        "Label": "LSCP training",
        "Amount": "1611.21",
        "Order": "1",
    }

    class Meta(SpreadsheetResource.Meta):
        model = Contribution
        name = "Contributions (income)"
        fields = ("id", "year", "borough", "agency", "label", "amount", "order")


class ExpenditureLineResource(FinanceLineResource):
    category = Column("category", "Category", Choice(ExpenditureCategory.choices, "category"), required=True)
    note = Column("note", "Note")

    example = {
        "Year": "2023/24",
        "Borough code": "WCC",
        "Category": "Other",
        "Note": "TASP membership fee",
        "Amount": "250.00",
    }

    class Meta(SpreadsheetResource.Meta):
        model = ExpenditureLine
        name = "Expenditure lines"
        fields = ("id", "year", "borough", "category", "note", "amount")


class ReservesBroughtForwardResource(FinanceLineResource):
    example = {"Year": "2023/24", "Borough code": "RBKC", "Amount": "-2500.75"}

    class Meta(SpreadsheetResource.Meta):
        model = ReservesBroughtForward
        name = "Reserves brought forward"
        fields = ("id", "year", "borough", "amount")


class ActionResource(SpreadsheetResource):
    title = Column("title", "Title", required=True)
    description = Column("description", "Description")
    source_type = Column("source_type", "Comes from (kind)", SourceKind())
    source_id = Column("source_id", "Comes from (number)", WholeNumber())
    owner_agency = Column("owner_agency", "Owner agency", ByKey(Agency, "name", NO_SUCH_AGENCY), required=True)
    owner_person = Column("owner_person", "Owner person (work e-mail)", ByKey(Person, "email", NO_SUCH_PERSON))
    lead_body = Column("lead_body", "Lead body", ByKey(Body, "name", NO_SUCH_BODY))
    due_date = Column("due_date", "Due date", Day(), required=True)
    status = Column("status", "Status", Choice(ActionStatus.choices, "status"), default=ActionStatus.NOT_STARTED)
    # The seed's meanings are long: the sheet says just Green, Amber or Red (the full labels are read too).
    rag = Column(
        "rag", "RAG rating", Choice(Rag.choices, "RAG rating", labels=[(r.value, r.name.title()) for r in Rag])
    )
    completed_on = Column("completed_on", "Completed on", Day(past=True, future_message=ACTION_COMPLETED_IN_FUTURE))

    export_select_related = ("source_type", "owner_agency", "owner_person", "lead_body")
    example = {
        "Title": "Refresh the neglect toolkit",
        "Description": "Bring the toolkit in line with the new national guidance.",
        "Owner agency": "Metropolitan Police",
        "Owner person (work e-mail)": "dana.officer@met.police.uk",
        "Lead body": "Case Review Subgroup",
        "Due date": "31/03/2027",
        "Status": "On track",
        "RAG rating": "Amber",
    }

    class Meta(SpreadsheetResource.Meta):
        model = Action
        name = "Actions"
        fields = (
            "id",
            "title",
            "description",
            "source_type",
            "source_id",
            "owner_agency",
            "owner_person",
            "lead_body",
            "due_date",
            "status",
            "rag",
            "completed_on",
        )
