import csv
from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import DetailView, ListView, TemplateView, UpdateView, View

from lscp.downloads import file_download
from lscp.financial_year import FinancialYear
from lscp.pagination import ForgivingPaginationMixin
from lscp.roles import BusinessManagerRequiredMixin, RoleRequiredMixin

from . import permissions, selectors, services
from .forms import BodyDetailsForm, MeetingForm, RegisterFormSet
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

    def register_date(self, form):
        raw = form.data.get("date") if form.is_bound else None
        if raw:
            try:
                return date.fromisoformat(raw)
            except ValueError:
                pass
        if self.meeting is not None:
            return self.meeting.date
        try:
            return date.fromisoformat(self.request.GET.get("date", ""))
        except ValueError:
            return timezone.localdate()

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
        require_status = bool(data) and data.get("status") == MeetingStatus.HELD
        register = RegisterFormSet(
            data if data and "refresh" not in data else None,
            initial=initial,
            prefix="register",
            form_kwargs={
                "agency_choices": agency_choices,
                "membership_lookup": lookup,
                "require_status": require_status,
            },
        )
        if data and "refresh" in data:
            # Keep what was typed for members still on the register at the new date.
            typed = RegisterFormSet(
                data,
                prefix="register",
                form_kwargs={"agency_choices": agency_choices, "membership_lookup": lookup, "require_status": False},
            )
            kept = {}
            for line in typed.forms:
                line.is_valid()
                value = line.cleaned_data.get("membership") if hasattr(line, "cleaned_data") else None
                if value is not None:
                    kept[value.pk] = {k: line.cleaned_data.get(k) for k in ("status", "deputy_name", "deputy_agency")}
            for row in initial:
                row.update({k: v for k, v in kept.get(row["membership"], {}).items() if v not in (None, "")})
            register = RegisterFormSet(
                initial=initial,
                prefix="register",
                form_kwargs={"agency_choices": agency_choices, "membership_lookup": lookup, "require_status": False},
            )
        return form, register, on

    def render(self, form, register, on, errors=()):
        return self.render_to_response(
            {
                "body": self.get_body(),
                "form": form,
                "register": register,
                "register_date": on,
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
        if not (form.is_valid() and register.is_valid()):
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
        messages.success(request, f"The meeting of {meeting.body} on {meeting.date:%d %B %Y} was saved.")
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
        return super().get_context_data(can_edit=permissions.can_edit_body(self.roles, self.object.body), **kwargs)


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
            by_agency=selectors.attendance_by_agency(year=year),
            by_role=selectors.attendance_by_role(year=year),
            flagged_members=[r for r in selectors.attendance_by_member(year=year) if r.flagged],
            matrix=selectors.attendance_matrix(year=year, body=chosen) if chosen else None,
            threshold=selectors.challenge_threshold(),
            **kwargs,
        )


class AttendanceCsvView(BusinessManagerRequiredMixin, View):
    def get(self, request, year):
        response = HttpResponse(content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="attendance-{year.slug}.csv"'
        writer = csv.writer(response)
        writer.writerow(["Grouping", "Name", "Expected", "Attended", "Missed", "Rate (%)", "Flagged for challenge"])
        for grouping, rows in (
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
                        rate.percentage if rate.percentage is not None else "",
                        "yes" if rate.flagged else "no",
                    ]
                )
        return response
