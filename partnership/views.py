from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView, UpdateView, View

from lscp.dates import long_date
from lscp.downloads import file_download
from lscp.financial_year import FinancialYear
from lscp.pagination import ForgivingPaginationMixin
from lscp.roles import BusinessManagerRequiredMixin, RoleRequiredMixin
from lscp.spreadsheets import csv_writer

from . import permissions, selectors, services
from .forms import BodyDetailsForm, MeetingForm, register_formset
from .models import Agency, Attendance, AttendanceStatus, Body, Meeting, MeetingStatus, Membership
from .permissions import PartnershipViewerRequiredMixin


class AgencyListView(ForgivingPaginationMixin, PartnershipViewerRequiredMixin, ListView):
    template_name = "partnership/agency_list.html"
    context_object_name = "agencies"
    paginate_by = 50

    def get_queryset(self):
        # NUL cannot reach PostgreSQL in a string literal; nobody types it on purpose.
        search = self.request.GET.get("q", "").replace("\x00", "").strip()[:100]
        return selectors.agency_directory(search=search)


class AgencyDetailView(PartnershipViewerRequiredMixin, DetailView):
    model = Agency
    template_name = "partnership/agency_detail.html"
    context_object_name = "agency"

    def get_queryset(self):
        today = timezone.localdate()
        return Agency.objects.prefetch_related(
            "boroughs",
            Prefetch(
                "memberships",
                queryset=Membership.objects.current(on=today).select_related("person", "body").order_by("body__name"),
                to_attr="current_memberships",
            ),
        )


class BodyListView(PartnershipViewerRequiredMixin, TemplateView):
    template_name = "partnership/body_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(bodies=selectors.body_tree(), **kwargs)


class BodyDetailView(PartnershipViewerRequiredMixin, DetailView):
    model = Body
    template_name = "partnership/body_detail.html"
    context_object_name = "body"

    def get_queryset(self):
        return Body.objects.select_related("parent", "borough").prefetch_related("children")

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        now = timezone.now()
        body = self.object
        members = list(
            Membership.objects.current(on=today)
            .filter(body=body)
            .select_related("person", "agency")
            .order_by("person__name")
        )
        meetings = Meeting.objects.filter(Q(body=body) | Q(joint_with=body)).select_related("body", "joint_with")
        return super().get_context_data(
            members=members,
            chairs=[m for m in members if m.is_chair],
            coming_meetings=list(meetings.filter(starts_at__gte=now).order_by("starts_at")[:10]),
            past_meetings=list(meetings.filter(starts_at__lt=now).order_by("-starts_at")[:20]),
            can_edit=permissions.can_edit_body(self.roles, body),
            **kwargs,
        )


class BodyChairRequiredMixin(RoleRequiredMixin):
    """The body's own chairs (and the business manager) only."""

    def get_body(self):
        if not hasattr(self, "_body"):
            self._body = get_object_or_404(Body, pk=self.kwargs["body_pk"])
        return self._body

    def has_role(self, roles):
        return permissions.can_edit_body(roles, self.get_body())


class BodyEditView(BodyChairRequiredMixin, UpdateView):
    form_class = BodyDetailsForm
    template_name = "partnership/body_form.html"

    def get_object(self, queryset=None):
        return self.get_body()

    def form_valid(self, form):
        messages.success(self.request, f"The details of {self.object} were saved.")
        return super().form_valid(form)


class MeetingRegisterMixin(BodyChairRequiredMixin):
    """Records a meeting and its whole register in one form.

    The register lists the members current on the meeting date. When the chair changes the date,
    "Update the register" redraws it for that date, keeping everything typed so far.
    """

    template_name = "partnership/meeting_form.html"
    meeting = None
    register_date_note = ""

    def register_date(self, form):
        raw = (form.data.get("date") or "").strip() if form.is_bound else ""
        if raw:
            try:
                return date.fromisoformat(raw)
            except ValueError:
                pass
        if self.meeting is not None:
            on = self.meeting.date
        else:
            try:
                on = date.fromisoformat(self.request.GET.get("date", ""))
            except ValueError:
                on = timezone.localdate()
        if raw:
            # Never redraw the register for another day without saying so.
            self.register_date_note = (
                f"“{raw[:40]}” is not a date, so the register below is still for {on:%-d %B %Y}. "
                "Correct the date, then update the register."
            )
        return on

    def typed_lines(self, data, formset_class, form_kwargs):
        """What was typed on the posted register, by membership, for the members still on it."""
        typed = formset_class(data, prefix="register", form_kwargs={**form_kwargs, "require_status": False})
        kept = {}
        if not typed.management_form.is_valid():
            return kept
        for line in typed.forms:
            line.is_valid()
            value = line.cleaned_data.get("membership") if hasattr(line, "cleaned_data") else None
            if value is not None:
                kept[value.pk] = {k: line.cleaned_data.get(k) for k in ("status", "deputy_name", "deputy_agency")}
        return kept

    def build(self, data=None, files=None):
        body = self.get_body()
        form = MeetingForm(data, files, body=body, instance=self.meeting or Meeting(body=body))
        on = self.register_date(form)
        members = list(services.expected_members(body=body, on=on))
        lookup = {m.pk: m for m in members}
        agency_choices = [("", "— agency —")] + list(Agency.objects.active().values_list("pk", "name"))
        recorded = {}
        if self.meeting is not None:
            recorded = {a.membership_id: a for a in self.meeting.attendances.all()}
        initial = []
        for membership in members:
            line = recorded.get(membership.pk)
            status = line.status if line and line.status != AttendanceStatus.NOT_RECORDED else ""
            initial.append(
                {
                    "membership": membership.pk,
                    "status": status,
                    "deputy_name": line.deputy_name if line else "",
                    "deputy_agency": line.deputy_agency_id if line else None,
                }
            )
        held = bool(data) and data.get("status") == MeetingStatus.HELD
        formset_class = register_formset(size=len(members))
        form_kwargs = {"agency_choices": agency_choices, "membership_lookup": lookup, "require_status": held}
        self.redraw = lambda: self.redrawn_register(data, initial, formset_class, form_kwargs)
        if data and "refresh" in data:
            return form, self.redraw(), on
        register = formset_class(
            data, initial=initial, prefix="register", form_kwargs=form_kwargs, require_complete=held
        )
        return form, register, on

    def redrawn_register(self, data, initial, formset_class, form_kwargs):
        """The register for every member on the date, keeping what was typed for those already on it."""
        kept = self.typed_lines(data, formset_class, form_kwargs)
        for row in initial:
            row.update({k: v for k, v in kept.get(row["membership"], {}).items() if v not in (None, "")})
        return formset_class(initial=initial, prefix="register", form_kwargs={**form_kwargs, "require_status": False})

    def render(self, form, register, on, errors=()):
        return self.render_to_response(
            {
                "body": self.get_body(),
                "form": form,
                "register": register,
                "register_date": on,
                "register_date_note": self.register_date_note,
                "meeting": self.meeting,
                "service_errors": errors,
            }
        )

    def render_to_response(self, context):
        from django.shortcuts import render

        return render(self.request, self.template_name, context)

    def get(self, request, *args, **kwargs):
        return self.render(*self.build())

    def post(self, request, *args, **kwargs):
        form, register, on = self.build(request.POST, request.FILES)
        if "refresh" in request.POST:
            form.errors.clear()
            return self.render(form, register, on)
        form_valid, register_valid = form.is_valid(), register.is_valid()
        if register.missing:
            # Lines were missing from what was posted (a stale page, or a tampered form): show the whole
            # register again, with what was typed, and say who was missing.
            found = [str(error) for error in register.non_form_errors()]
            found += [str(error) for line in register.forms for error in line.errors.get("membership", [])]
            return self.render(form, self.redraw(), on, errors=found)
        if not (form_valid and register_valid):
            return self.render(form, register, on)
        lines = [
            (
                line.cleaned_data["membership"],
                line.cleaned_data["status"],
                line.cleaned_data.get("deputy_name", ""),
                line.cleaned_data.get("deputy_agency"),
            )
            for line in register.forms
        ]
        agencies = Agency.objects.in_bulk([a for *_, a in lines if a])
        lines = [(m, s, n, agencies.get(a) if a else None) for m, s, n, a in lines]
        meeting = form.save(commit=False)
        try:
            services.save_meeting_with_register(meeting=meeting, register=lines)
        except ValidationError as error:
            if meeting.pk and self.meeting is None:
                meeting.pk = None
            return self.render(form, register, on, errors=error.messages)
        messages.success(request, f"The meeting of {meeting.body} on {long_date(meeting.date)} was saved.")
        return redirect(meeting)


class MeetingCreateView(MeetingRegisterMixin, View):
    pass


class MeetingUpdateView(MeetingRegisterMixin, View):
    def get_body(self):
        if not hasattr(self, "_body"):
            self.meeting = get_object_or_404(Meeting.objects.select_related("body"), pk=self.kwargs["pk"])
            self._body = self.meeting.body
        return self._body


class MeetingDetailView(PartnershipViewerRequiredMixin, DetailView):
    model = Meeting
    template_name = "partnership/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return Meeting.objects.select_related("body", "joint_with").prefetch_related(
            Prefetch(
                "attendances",
                queryset=Attendance.objects.select_related(
                    "membership__person", "membership__agency", "deputy_agency"
                ).order_by("membership__person__name"),
            )
        )

    def get_context_data(self, **kwargs):
        lines = self.object.attendances.all()  # prefetched
        return super().get_context_data(
            can_edit=permissions.can_edit_body(self.roles, self.object.body),
            register_taken=any(line.status != AttendanceStatus.NOT_RECORDED for line in lines),
            **kwargs,
        )


class DocumentDownloadView(PartnershipViewerRequiredMixin, View):
    """Papers, minutes and terms of reference are not public: served only to the partnership."""

    def get(self, request, kind, pk):
        if kind == "terms-of-reference":
            file = get_object_or_404(Body, pk=pk).terms_of_reference_file
        elif kind in ("papers", "minutes"):
            file = getattr(get_object_or_404(Meeting, pk=pk), kind)
        else:
            raise Http404
        return file_download(file, what="document")


class AttendanceIndexView(BusinessManagerRequiredMixin, View):
    def get(self, request):
        return redirect("partnership:attendance", year=FinancialYear.current().previous)


class AttendanceReportView(BusinessManagerRequiredMixin, TemplateView):
    template_name = "partnership/attendance_report.html"

    def get_matrix_body(self, year):
        bodies = selectors.bodies_with_meetings(year=year)
        wanted = self.request.GET.get("body", "")
        chosen = next((b for b in bodies if str(b.pk) == wanted), bodies[0] if bodies else None)
        return bodies, chosen

    def get_context_data(self, **kwargs):
        year = self.kwargs["year"]
        bodies, chosen = self.get_matrix_body(year)
        return super().get_context_data(
            bodies=bodies,
            chosen_body=chosen,
            overall=selectors.attendance_overall(year=year),
            by_body=selectors.attendance_by_body(year=year),
            by_agency=selectors.attendance_by_agency(year=year),
            by_role=selectors.attendance_by_role(year=year),
            flagged_members=[r for r in selectors.attendance_by_member(year=year) if r.flagged],
            matrix=selectors.attendance_matrix(year=year, body=chosen) if chosen else None,
            code_meanings=selectors.CODE_MEANINGS,
            threshold=selectors.challenge_threshold(),
            **kwargs,
        )


class AttendanceCsvView(BusinessManagerRequiredMixin, View):
    """The page as a spreadsheet: the rates first, then every body's matrix (roles × meetings) with each
    role's rate, the number present at each meeting and the body's total."""

    def get(self, request, year):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="attendance-{year.slug}.csv"'
        response.write("\ufeff")  # Excel opens the file as UTF-8 (names with accents, dashes)
        writer = csv_writer(response)
        writer.writerow(["Grouping", "Name", "Expected", "Attended", "Missed", "Rate (%)", "Flagged for challenge"])
        for grouping, rows in (
            ("Year", [selectors.attendance_overall(year=year)]),
            ("Body", selectors.attendance_by_body(year=year)),
            ("Agency", selectors.attendance_by_agency(year=year)),
            ("Role", selectors.attendance_by_role(year=year)),
            ("Member", selectors.attendance_by_member(year=year)),
        ):
            for rate in rows:
                writer.writerow(
                    [
                        grouping,
                        rate.label,
                        rate.expected,
                        rate.attended,
                        rate.missed,
                        _rate_cell(rate.percentage),
                        "yes" if rate.flagged else "no",
                    ]
                )
        bodies = selectors.bodies_with_meetings(year=year)
        matrices = {m.body.pk: m for m in selectors.attendance_matrices(year=year, bodies=bodies)}
        for body in bodies:
            matrix = matrices.get(body.pk)
            if matrix is None:
                continue
            writer.writerow([])
            writer.writerow([f"{matrix.body.name}: attendance meeting by meeting, {year}"])
            dates = [long_date(meeting.date) for meeting in matrix.meetings]
            writer.writerow(["Role", "Member", "Organisation", *dates, "Attended", "Expected", "Rate (%)"])
            for row in matrix.rows:
                writer.writerow(
                    [
                        row.role,
                        row.membership.person.name,
                        row.membership.agency.name,
                        *row.cells,
                        row.attended,
                        row.expected,
                        _rate_cell(row.percentage),
                    ]
                )
            writer.writerow(
                [
                    "Present at the meeting",
                    "",
                    "",
                    *[column.present for column in matrix.columns],
                    matrix.attended,
                    matrix.expected,
                    _rate_cell(matrix.percentage),
                ]
            )
        writer.writerow([])
        writer.writerow(
            ["Key", "; ".join(f"{code or 'empty'}: {meaning}" for code, meaning in selectors.CODE_MEANINGS.items())]
        )
        return response


def _rate_cell(percentage):
    return "" if percentage is None else str(percentage)
