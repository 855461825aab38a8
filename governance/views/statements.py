"""Agency statements: partner representatives write their own agency's statement; the business manager
lists every agency's for a year and accepts or returns each one.

A partner reaches their statement only through "our statement" pages, whose agency comes from their own
record, never from the address; the business manager's pages take the agency from the address.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Min, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from lscp.financial_year import FinancialYear
from lscp.forms import add_service_errors
from lscp.roles import RoleRequiredMixin
from partnership.models import Agency
from reports.markdown import render_markdown

from .. import permissions, selectors
from ..forms.statements import (
    MAX_INSPECTIONS,
    DecisionForm,
    InspectionFormSet,
    StatementForm,
    StatementRequestForm,
)
from ..models import AgencyStatement, Inspection, StatementStatus, statement_progress
from ..services import statements as services

NO_STATEMENT = "none"
STATUS_FILTERS = [(NO_STATEMENT, "No statement")] + list(StatementStatus.choices)
INSPECTIONS_PREFIX = "inspections"


def reporting_year():
    """The year the statements pages open on: the year of the report being put together (the latest draft), else
    the last financial year. Statements are written after the year they describe: the annual report looks back."""
    return selectors.reporting_year()


def first_statement_year():
    """The first year the statements pages go back to: the earliest year with a statement, or in which the
    partnership's registry has members (a partnership starting to use the system writes its first statements
    for the years it has records of), and never later than the reporting year. Before it there is nothing to
    read or write: no page, and no "previous" link."""
    from partnership.models import Membership

    # One query: the statements' earliest year rides along the memberships' aggregate as a subquery (its Min
    # over the membership rows is the subquery's own value), and is asked for alone only when there is no member.
    # The year the pages open on (the latest draft report's) rides along the same way.
    earliest_statement = AgencyStatement.objects.order_by("year").values("year")[:1]
    year_field = AgencyStatement._meta.get_field("year")
    earliest = Membership.objects.aggregate(
        member=Min("start"),
        statement=Min(Subquery(earliest_statement), output_field=year_field),
        report=Min(Subquery(selectors.latest_draft_report_year()), output_field=year_field),
    )
    if earliest["member"] is None:
        earliest |= AgencyStatement.objects.aggregate(
            statement=Min("year"),
            report=Min(Subquery(selectors.latest_draft_report_year()), output_field=year_field),
        )
        if earliest["statement"] is None:  # no row to carry the subquery: a partnership with no records yet
            earliest["report"] = selectors.latest_draft_report_year().first()
    current = FinancialYear.current()
    found = [current.previous]
    if earliest["report"] is not None and earliest["report"] <= current:
        found.append(earliest["report"])
    if earliest["statement"] is not None:
        found.append(earliest["statement"])
    if earliest["member"] is not None:
        found.append(FinancialYear.for_stored_date(earliest["member"]))
    return min(found)


def inspections_of(statement):
    if statement.pk is None:
        return Inspection.objects.none()
    return Inspection.objects.filter(statement=statement).select_related("borough").order_by("-date", "id")


class StatementYearsMixin:
    """The years a statements page can show: from the first year with records to the current one."""

    def first_year(self):
        if not hasattr(self, "_first_year"):
            self._first_year = first_statement_year()
        return self._first_year

    def statement_year(self, year):
        """The year from the address, if it has records or statements can be written for it yet."""
        if year > FinancialYear.current():
            raise Http404("That financial year has not begun.")
        if year < self.first_year():
            raise Http404("The partnership has no records for that year.")
        return year

    def year_links(self, year):
        following = year.next
        return {
            "previous_year": year.previous if year > self.first_year() else None,
            "next_year": following if following is not None and following <= FinancialYear.current() else None,
        }


class StatementsIndexView(RoleRequiredMixin, View):
    """/statements/: the business manager's list, or a partner's own statement, for the reporting year."""

    def has_role(self, roles):
        return permissions.can_use_statements(roles)

    def get(self, request):
        name = (
            "governance:statement_list" if permissions.can_review_statements(self.roles) else "governance:our_statement"
        )
        return redirect(name, year=reporting_year())


# The partner representative's pages.


class OurStatementView(StatementYearsMixin, RoleRequiredMixin, View):
    """The partner's own agency's statement for a year: a form while it is with them, read-only otherwise."""

    form_template = "governance/statements/statement_form.html"
    detail_template = "governance/statements/statement_detail.html"
    confirm_template = "governance/statements/statement_confirm_submit.html"

    def has_role(self, roles):
        return permissions.can_write_statements(roles)

    def get_statement(self):
        year = self.statement_year(self.kwargs["year"])
        statement = (
            AgencyStatement.objects.filter(agency_id=self.roles.agency_id, year=year)
            .select_related("agency", "submitted_by", "decided_by")
            .first()
        )
        return statement or AgencyStatement(agency=self.roles.person.agency, year=year)

    def build(self, statement, data=None):
        form = StatementForm(data, instance=statement, prefix="statement")
        formset = InspectionFormSet(
            data, instance=statement, prefix=INSPECTIONS_PREFIX, queryset=inspections_of(statement)
        )
        return form, formset

    def render_form(self, statement, form, formset, *, preview=None, service_errors=()):
        return render(
            self.request,
            self.form_template,
            {
                "statement": statement,
                "form": form,
                "formset": formset,
                "preview": preview,
                "service_errors": service_errors,
                "can_add_inspection": len(formset.forms) < MAX_INSPECTIONS,
                **self.year_links(statement.year),
            },
        )

    def get(self, request, year):
        statement = self.get_statement()
        if permissions.can_edit_statement(self.roles, statement):
            return self.render_form(statement, *self.build(statement))
        return render(
            request,
            self.detail_template,
            {
                "statement": statement,
                "inspections": list(inspections_of(statement)),
                "text_html": render_markdown(statement.text),
                **self.year_links(statement.year),
            },
        )

    def post(self, request, year):
        statement = self.get_statement()
        data = request.POST
        if "add_inspection" in data:
            data = self.with_one_more_row(data)
        form, formset = self.build(statement, data)
        if "preview" in data or "add_inspection" in data:
            preview = render_markdown(data.get(form.add_prefix("text"), "")) if "preview" in data else None
            if "add_inspection" in data and formset.forms:
                # The keyboard's focus goes to the row just added, not back to the top of the page.
                new_row = formset.forms[-1]
                first = next(iter(new_row.visible_fields()), None)
                if first is not None:
                    first.field.widget.attrs["autofocus"] = True
            return self.render_form(statement, form, formset, preview=preview)
        if not permissions.can_edit_statement(self.roles, statement):
            # Sent from a page opened before the statement was submitted: keep what was typed, say why.
            return self.render_form(statement, form, formset, service_errors=[services.not_editable_message(statement)])
        if not (form.is_valid() and formset.is_valid()):
            return self.render_form(statement, form, formset)
        submitting = "submit" in data
        # Submitting cannot be undone: the first press checks everything and asks; only the confirmation sends.
        asking = submitting and "confirmed" not in data
        try:
            with transaction.atomic():
                saved = services.save_statement_draft(
                    agency=statement.agency,
                    year=statement.year,
                    text=form.cleaned_data["text"],
                    inspections=formset.kept_inspections(),
                    by=request.user,
                )
                if submitting:
                    services.submit_statement(statement=saved, by=request.user)
                if asking:
                    transaction.set_rollback(True)  # a rehearsal: nothing is kept, no e-mail goes
        except ValidationError as error:
            rest = add_service_errors(form, error, fields={"text": "text"}, others_on_form=False)
            return self.render_form(statement, form, formset, service_errors=rest)
        if asking:
            return render(
                request,
                self.confirm_template,
                {
                    "statement": statement,
                    "form": form,
                    "formset": formset,
                    "text_html": render_markdown(form.cleaned_data["text"]),
                    "inspection_count": len(formset.kept_inspections()),
                },
            )
        if submitting:
            messages.success(
                request,
                f"Your statement for {statement.year} was sent to the business manager. "
                "You will hear by e-mail when it is accepted or returned.",
            )
        else:
            messages.success(request, f"Your draft statement for {statement.year} was saved.")
        return redirect("governance:our_statement", year=statement.year)

    @staticmethod
    def with_one_more_row(data):
        data = data.copy()
        key = f"{INSPECTIONS_PREFIX}-TOTAL_FORMS"
        try:
            total = int(data.get(key, ""))
        except ValueError:
            return data  # a broken management form: the formset reports it
        data[key] = str(min(total + 1, MAX_INSPECTIONS))
        return data


# The business manager's pages.


def agencies_with_statement_status(year):
    """Active agencies, and any other with a statement for `year`, each with `statement_status`
    ("none" when it has not started one)."""
    status = AgencyStatement.objects.filter(agency=OuterRef("pk"), year=year).values("status")[:1]
    return Agency.objects.annotate(statement_status=Coalesce(Subquery(status), Value(NO_STATEMENT))).filter(
        Q(active=True) | ~Q(statement_status=NO_STATEMENT)
    )


class StatementListView(StatementYearsMixin, RoleRequiredMixin, View):
    template_name = "governance/statements/statement_list.html"

    def has_role(self, roles):
        return permissions.can_review_statements(roles)

    def get(self, request, year):
        year = self.statement_year(year)
        agencies = agencies_with_statement_status(year)
        counts = dict(agencies.order_by().values_list("statement_status").annotate(n=Count("pk")))
        chosen = request.GET.get("status", "")
        if chosen not in dict(STATUS_FILTERS):
            chosen = ""
        rows = agencies.filter(statement_status=chosen) if chosen else agencies
        rows = rows.order_by("name").prefetch_related(
            Prefetch(
                "statements",
                queryset=AgencyStatement.objects.filter(year=year)
                .select_related("submitted_by", "decided_by")
                .annotate(inspection_count=Count("inspections")),
                to_attr="statements_for_year",
            )
        )
        return render(
            request,
            self.template_name,
            {
                "year": year,
                "rows": [(agency, next(iter(agency.statements_for_year), None)) for agency in rows],
                "filters": [(value, label, counts.get(value, 0)) for value, label in STATUS_FILTERS],
                "chosen": chosen,
                "total": sum(counts.values()),
                **self.year_links(year),
            },
        )


class StatementReviewView(StatementYearsMixin, RoleRequiredMixin, View):
    """One agency's statement for the business manager, with Accept and Return with comments."""

    template_name = "governance/statements/statement_review.html"

    def has_role(self, roles):
        return permissions.can_review_statements(roles)

    def get_objects(self):
        year = self.statement_year(self.kwargs["year"])
        agency = get_object_or_404(Agency, pk=self.kwargs["agency_pk"])
        statement = (
            AgencyStatement.objects.filter(agency=agency, year=year)
            .select_related("agency", "submitted_by", "decided_by")
            .first()
        )
        return year, agency, statement

    def render_page(self, year, agency, statement, form=None, service_errors=()):
        can_decide = statement is not None and permissions.can_decide_statement(self.roles, statement)
        return render(
            self.request,
            self.template_name,
            {
                "year": year,
                "agency": agency,
                "statement": statement,
                "inspections": list(inspections_of(statement)) if statement else [],
                "text_html": render_markdown(statement.text) if statement else "",
                "can_decide": can_decide,
                "form": form or (DecisionForm() if can_decide else None),
                "service_errors": service_errors,
            },
        )

    def get(self, request, year, agency_pk):
        return self.render_page(*self.get_objects())

    def post(self, request, year, agency_pk):
        year, agency, statement = self.get_objects()
        if statement is None:
            raise Http404("This agency has no statement for that year.")
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_page(year, agency, statement, form)
        decide = (
            services.accept_statement
            if form.cleaned_data["decision"] == DecisionForm.ACCEPT
            else services.return_statement
        )
        try:
            decided = decide(statement=statement, by=request.user, comments=form.cleaned_data["comments"])
        except ValidationError as error:
            rest = add_service_errors(form, error, fields={"manager_comments": "comments"}, others_on_form=False)
            return self.render_page(year, agency, statement, form, service_errors=rest)
        verb = "accepted" if decided.status == StatementStatus.ACCEPTED else "returned to the agency"
        messages.success(request, f"The statement of {agency} for {year} was {verb}; they have been told by e-mail.")
        return redirect(reverse("governance:statement_list", kwargs={"year": year}))


# Asking an agency for its statement (who writes it, by when) and chasing the writer: the business manager's, from
# the statement's page or from a row of the annual report's contributions board, which posts here.


def _back(request, default):
    """Where to go after a post: the page it came from (`next`, the contributions board), if it is one of ours."""
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


class StatementRequestView(StatementYearsMixin, RoleRequiredMixin, View):
    """Who writes an agency's statement of a year and by when: asking for it, or changing who and when."""

    template_name = "governance/statements/statement_request.html"

    def has_role(self, roles):
        return permissions.can_request_statements(roles)

    def get_objects(self):
        year = self.statement_year(self.kwargs["year"])
        agency = get_object_or_404(Agency, pk=self.kwargs["agency_pk"])
        return year, agency, selectors.statement_request_for(agency_id=agency.pk, year=year)

    def render_page(self, year, agency, asked, form, service_errors=()):
        statement = AgencyStatement.objects.filter(agency=agency, year=year).only("status", "text").first()
        today = timezone.localdate()
        return render(
            self.request,
            self.template_name,
            {
                "year": year,
                "agency": agency,
                "asked": asked,
                "progress": statement_progress(statement, due_on=asked.due_on if asked else None, today=today),
                "form": form,
                "service_errors": service_errors,
                "next": _back(self.request, ""),
            },
        )

    def get(self, request, year, agency_pk):
        year, agency, asked = self.get_objects()
        initial = {"assigned_to": asked.assigned_to_id, "due_on": asked.due_on} if asked else {}
        return self.render_page(year, agency, asked, StatementRequestForm(initial=initial, agency=agency))

    def post(self, request, year, agency_pk):
        year, agency, asked = self.get_objects()
        form = StatementRequestForm(request.POST, agency=agency)
        if not form.is_valid():
            return self.render_page(year, agency, asked, form)
        try:
            saved = services.request_statement(
                agency=agency,
                year=year,
                assigned_to=form.cleaned_data["assigned_to"],
                due_on=form.cleaned_data["due_on"],
                by=request.user,
            )
        except ValidationError as error:
            rest = add_service_errors(form, error, fields={"assigned_to": "assigned_to", "due_on": "due_on"})
            return self.render_page(year, agency, asked, form, service_errors=rest)
        who = (
            saved.assigned_to.get_full_name() or saved.assigned_to.username
            if saved.assigned_to
            else "its partner representatives"
        )
        messages.success(
            request,
            f"The statement of {agency} for {year} is asked of {who}, due {saved.due_on:%-d %B %Y}. They are reminded "
            "before it is due, on the day and once it is late.",
        )
        default = reverse("governance:statement_review", kwargs={"year": year, "agency_pk": agency.pk})
        return redirect(_back(request, default))


class StatementChaseView(StatementYearsMixin, RoleRequiredMixin, View):
    """Chase: one e-mail from the business manager to the statement's writer, each press."""

    http_method_names = ["post"]

    def has_role(self, roles):
        return permissions.can_request_statements(roles)

    def post(self, request, year, agency_pk):
        year = self.statement_year(year)
        agency = get_object_or_404(Agency, pk=agency_pk)
        try:
            _, to = services.chase_statement(agency=agency, year=year, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"A reminder about the statement of {agency} was e-mailed to {', '.join(to)}.")
        default = reverse("governance:statement_request", kwargs={"year": year, "agency_pk": agency.pk})
        return redirect(_back(request, default))
