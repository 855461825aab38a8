"""The annual report's pages. Each view asks `permissions` who may use it:

| page | who |
| --- | --- |
| list, a published report's page and PDF | everyone, no account needed |
| a chapter's page | the business manager; a chair of the body that writes the chapter |
| "Your chapters" | chairs and the business manager |
| a chapter's page | also the person the business manager named as its contributor |
| workbench, preview, builds, approval, publication, sending it on, the contributions board | the business manager |
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from lscp.dates import long_date
from lscp.downloads import file_download
from lscp.forms import add_service_errors
from lscp.roles import RoleRequiredMixin, roles_for

from . import permissions, services
from .checks import run_checks
from .forms import (
    ApproveReportForm,
    AssignContributionForm,
    CreateReportForm,
    NarrativeForm,
    RecordDutySentForm,
)
from .markdown import left_out, render_markdown
from .models import AnnualReport, BuildStatus, NarrativeSection, ReportBuild, ReportDuty, ReportStatus
from .rendering import gather, partnership_name, render_html
from .sections import section_by_key
from .selectors import (
    approving_meetings,
    chapters_to_write,
    contributions,
    contributor_choices,
    report_chapters,
    report_duties,
)
from .young_people import young_people_reading_ease


def _report_or_404(year):
    return get_object_or_404(AnnualReport, year=year)


class ManagesReportsRequiredMixin(RoleRequiredMixin):
    def has_role(self, roles):
        return permissions.can_manage_reports(roles)


class ReportListView(TemplateView):
    """Published reports for everyone (no account needed); every report for the business manager."""

    template_name = "reports/report_list.html"

    def get_context_data(self, **kwargs):
        roles = roles_for(self.request.user)
        is_manager = permissions.can_manage_reports(roles)
        reports = AnnualReport.objects.select_related("published_build")
        if not is_manager:
            reports = reports.published()
        return super().get_context_data(
            reports=list(reports),
            is_manager=is_manager,
            writes_chapters=permissions.can_see_chapters_to_write(roles),
            partnership_name=partnership_name(),
            form=kwargs.pop("form", None) or CreateReportForm(),
            **kwargs,
        )

    def post(self, request):
        if not permissions.can_manage_reports(roles_for(request.user)):
            raise PermissionDenied
        form = CreateReportForm(request.POST)
        if form.is_valid():
            try:
                report = services.create_report(
                    year=form.cleaned_data["year"], title=form.cleaned_data["title"], created_by=request.user
                )
            except ValidationError as error:
                form.add_error("year", error)
            else:
                messages.success(request, f"The {report.display_title} was created.")
                return redirect(report)
        return self.render_to_response(self.get_context_data(form=form))


class ReportDetailView(View):
    """The business manager's workbench for one report; a published report's page for everyone else."""

    def get(self, request, year):
        report = _report_or_404(year)
        if not permissions.can_manage_reports(roles_for(request.user)):
            if not report.is_published:
                raise Http404("No published report for that year.")
            return render(
                request,
                "reports/report_public.html",
                {
                    "report": report,
                    "build": report.published_build,
                    "partnership_name": partnership_name(),
                    "other_years": list(AnnualReport.objects.published().exclude(pk=report.pk)),
                },
            )
        services.ensure_narratives(report)
        chapters = report_chapters(report)
        builds = list(report.builds.select_related("requested_by")[:20])
        return render(
            request,
            "reports/report_detail.html",
            {
                "report": report,
                "builds": builds,
                "building": any(not build.is_finished for build in builds),
                "chapters": chapters,
                "chapters_open": report.status == ReportStatus.DRAFT,
                "publishable": services.latest_publishable_build(report),
                "placeholders": services.placeholder_problems(report, chapters=chapters),
            },
        )


class ChaptersToWriteView(RoleRequiredMixin, TemplateView):
    """A chair's chapters of the draft reports (every chapter, for the business manager), with their state."""

    template_name = "reports/chapters_to_write.html"

    def has_role(self, roles):
        return permissions.can_see_chapters_to_write(roles)

    def get_context_data(self, **kwargs):
        services.ensure_narratives_of(AnnualReport.objects.filter(status=ReportStatus.DRAFT))
        return super().get_context_data(
            chapters=chapters_to_write(self.roles),
            is_manager=permissions.can_manage_reports(self.roles),
            today=timezone.localdate(),
            **kwargs,
        )


class ReportPreviewView(ManagesReportsRequiredMixin, View):
    """The report as HTML, from the same templates as the PDF: edits show at once."""

    def get(self, request, year):
        report = _report_or_404(year)
        return HttpResponse(render_html(report, gather(report), for_pdf=False))


def _build_message(build, name=""):
    """What became of a build just requested, as it is now: with no broker (the demo) it has already finished."""
    name = name or f"Build {build.pk}"
    if build.status == BuildStatus.SUCCEEDED:
        return messages.SUCCESS, f"{name} is ready: {build.page_count} pages."
    if build.status == BuildStatus.FAILED:
        return messages.ERROR, f"{name} failed: {build.error}"
    if build.status == BuildStatus.RUNNING:
        return messages.INFO, f"{name} is being made; this page shows its progress."
    if build.is_waiting_for_the_job_service:
        return messages.WARNING, (
            f"{name} is queued, but the job service that makes the PDFs is not answering just now. The build will "
            "run by itself when the job service is back: there is no need to ask again. This page shows its progress."
        )
    return messages.INFO, f"{name} has been queued; this page shows its progress."


class BuildRequestView(ManagesReportsRequiredMixin, View):
    def post(self, request, year):
        report = _report_or_404(year)
        build = services.request_build(report=report, requested_by=request.user)
        build.refresh_from_db()
        messages.add_message(request, *_build_message(build))
        return redirect(f"{report.get_absolute_url()}#build-{build.pk}")


class BuildStatusView(ManagesReportsRequiredMixin, View):
    """Polled by the report page while a build runs (static/js/report-build.js)."""

    def get(self, request, year, pk):
        build = get_object_or_404(ReportBuild, pk=pk, report__year=year)
        return JsonResponse(
            {
                "id": build.pk,
                "status": build.status,
                "status_display": build.get_status_display(),
                "progress": build.progress,
                "stage": build.stage,
                "error": build.error,
                "page_count": build.page_count,
                "download_url": build.get_download_url() if build.status == BuildStatus.SUCCEEDED else None,
            }
        )


class BuildDownloadView(ManagesReportsRequiredMixin, View):
    """Any build, drafts included: the business manager only."""

    def get(self, request, year, pk):
        build = get_object_or_404(ReportBuild.objects.select_related("report"), pk=pk, report__year=year)
        if build.status != BuildStatus.SUCCEEDED:
            raise Http404("That build has no PDF.")
        filename = f"annual-report-{build.report.year.slug}-build-{build.pk}.pdf"
        return file_download(build.pdf, filename=filename, content_type="application/pdf", what="PDF")


class PublishedDownloadView(View):
    """The published report: for everyone, no account needed."""

    def get(self, request, year):
        report = get_object_or_404(AnnualReport.objects.published().select_related("published_build"), year=year)
        filename = f"lscp-annual-report-{report.year.slug}.pdf"
        return file_download(report.published_build.pdf, filename=filename, content_type="application/pdf", what="PDF")


class BuildYoungPeopleDownloadView(ManagesReportsRequiredMixin, View):
    """Any build's version for children and young people, drafts included: the business manager only."""

    def get(self, request, year, pk):
        build = get_object_or_404(ReportBuild.objects.select_related("report"), pk=pk, report__year=year)
        if build.status != BuildStatus.SUCCEEDED or not build.young_people_pdf:
            raise Http404("That build has no version for young people.")
        filename = f"annual-report-{build.report.year.slug}-build-{build.pk}-for-young-people.pdf"
        return file_download(build.young_people_pdf, filename=filename, content_type="application/pdf", what="PDF")


class PublishedYoungPeopleDownloadView(View):
    """The published report's version for children and young people: for everyone, no account needed. A report
    published before the version existed has none (404)."""

    def get(self, request, year):
        report = get_object_or_404(AnnualReport.objects.published().select_related("published_build"), year=year)
        if not report.published_build.young_people_pdf:
            raise Http404("This year's report has no version for young people.")
        filename = f"lscp-annual-report-{report.year.slug}-for-young-people.pdf"
        return file_download(
            report.published_build.young_people_pdf, filename=filename, content_type="application/pdf", what="PDF"
        )


def _edition_page(build):
    """A build's web edition, as the page it is (stored whole when the build was made)."""
    if not build.html_edition:
        raise Http404("That build has no web edition.")
    try:
        with build.html_edition.open("rb") as stored:
            content = stored.read()
    except FileNotFoundError as missing:
        raise Http404("That build's web edition is missing from the file store.") from missing
    return HttpResponse(content, content_type="text/html; charset=utf-8")


class BuildEditionView(ManagesReportsRequiredMixin, View):
    """Any build's web edition, drafts included: the business manager only."""

    def get(self, request, year, pk):
        return _edition_page(get_object_or_404(ReportBuild, pk=pk, report__year=year))


class PublishedEditionView(View):
    """The published report to read online (public bodies are asked to publish HTML first): the web edition made
    with the published PDF, from the same records. For everyone, no account needed."""

    def get(self, request, year):
        report = get_object_or_404(AnnualReport.objects.published().select_related("published_build"), year=year)
        return _edition_page(report.published_build)


class NarrativeEditView(View):
    """One chapter's text: written by the business manager or a chair of the body that owns the chapter.

    While the report is not a draft the page shows the text and why it cannot be changed, instead of a form
    that would refuse on Save."""

    template_name = "reports/narrative_form.html"

    def dispatch(self, request, year, key):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.roles = roles_for(request.user)
        if not permissions.can_see_chapters_to_write(self.roles):
            raise PermissionDenied("Your role does not give you access to this page.")
        self.report = _report_or_404(year)
        self.section = section_by_key(key)
        if self.section is None or not self.section.narrative:
            raise Http404("No such chapter.")
        services.ensure_narratives(self.report)
        self.narrative = self.report.narratives.select_related("written_by", "last_edited_by", "assigned_to").get(
            key=key
        )
        self.narrative.report = self.report
        if not permissions.can_write_chapter(self.roles, self.narrative):
            raise PermissionDenied("Only the chairs of the body that writes this chapter can open it.")
        return super().dispatch(request, year, key)

    def context(self, **extra):
        manager = permissions.can_manage_reports(self.roles)
        return {
            "report": self.report,
            "section": self.section,
            "narrative": self.narrative,
            "is_manager": manager,
            "back_url": self.report.get_absolute_url() if manager else reverse("reports:chapters"),
            "closed_reason": permissions.why_chapter_is_closed(self.narrative),
            "writer": self.narrative.writer(self.section.writer),
            **extra,
        }

    def render_closed(self, unsaved_text=None):
        return render(
            self.request,
            self.template_name,
            self.context(saved=render_markdown(self.narrative.text), unsaved_text=unsaved_text),
        )

    def get(self, request, year, key):
        if permissions.why_chapter_is_closed(self.narrative):
            return self.render_closed()
        return render(request, self.template_name, self.context(form=NarrativeForm(instance=self.narrative)))

    def post(self, request, year, key):
        if permissions.why_chapter_is_closed(self.narrative):
            # Approved while the form was open: keep what was typed on the page so it is not lost.
            return self.render_closed(unsaved_text=request.POST.get("text", ""))
        form = NarrativeForm(request.POST, instance=self.narrative)
        if "preview" in request.POST:
            text = request.POST.get("text", "")
            preview = render_markdown(text)
            return render(
                request, self.template_name, self.context(form=form, preview=preview, left_out=left_out(text))
            )
        if form.is_valid():
            try:
                services.save_narrative(
                    report=self.report,
                    key=key,
                    text=form.cleaned_data["text"],
                    edited_by=request.user,
                    based_on_version=form.cleaned_data["based_on_version"],
                )
            except services.ChapterSavedMeanwhile as conflict:
                return self.render_saved_meanwhile(conflict)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"“{self.section.title}” was saved.")
                return redirect(self.context()["back_url"])
        return render(request, self.template_name, self.context(form=form))

    def render_saved_meanwhile(self, conflict):
        """The form again with what this person typed, now based on the other person's save (so saving again is
        a choice made with their text in view), and their text beside it."""
        theirs = conflict.narrative
        data = self.request.POST.copy()
        data["based_on_version"] = theirs.version
        form = NarrativeForm(data, instance=self.narrative)
        form.is_valid()
        form.add_error(None, conflict)
        return render(self.request, self.template_name, self.context(form=form, theirs=theirs))


class PublishView(ManagesReportsRequiredMixin, View):
    """Publishing asks first: the page names the build the public will download and what it is; its form
    publishes exactly that build."""

    template_name = "reports/publish_confirm.html"

    def get(self, request, year):
        report = _report_or_404(year)
        build = services.latest_publishable_build(report)
        return render(request, self.template_name, {"report": report, "build": build})

    def post(self, request, year):
        report = _report_or_404(year)
        build_id = request.POST.get("build", "")
        build = ReportBuild.objects.filter(pk=build_id, report=report).first() if build_id.isdigit() else None
        try:
            if build is None:
                raise ValidationError(services.BUILD_OF_ANOTHER_REPORT)
            services.publish_report(report=report, build=build)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect(report)
        messages.success(
            request, f"The {report.display_title} is published: the public now downloads build {build.pk}."
        )
        return redirect(report)


class ApproveView(ManagesReportsRequiredMixin, View):
    """The checks before approval, then the approval itself, on one page: every problem the checks find, each with
    a link to where it is fixed and, where it may be, a form to set it aside with a reason; once nothing fails, the
    form that records which meeting of the Partnership or the Executive agreed the report (its date goes on the
    cover). A draft only: an approved report's page says so."""

    template_name = "reports/approve_confirm.html"

    def context(self, report, form, *, set_aside_errors=None, typed=None):
        from .checks import ORDER

        problems = run_checks(report) if report.status == ReportStatus.DRAFT else []
        set_aside = {record.key: record for record in report.checks_set_aside.select_related("set_aside_by")}
        set_aside_errors, typed = set_aside_errors or {}, typed or {}
        groups = {}
        for problem in problems:
            record = set_aside.get(problem.key) if problem.can_set_aside else None
            groups.setdefault(problem.check, []).append(
                (problem, record, set_aside_errors.get(problem.key, ""), typed.get(problem.key, ""))
            )
        ordered = sorted(groups.items(), key=lambda item: ORDER.index(item[0]) if item[0] in ORDER else len(ORDER))
        failing = services.failing_checks(report, problems=problems) if problems else []
        return {
            "report": report,
            "form": form,
            "has_meetings": form.fields["meeting"].queryset.exists(),
            "groups": ordered,
            "failing": failing,
            "set_aside_count": sum(1 for problem in problems if problem.can_set_aside and problem.key in set_aside),
            "young_people_reading_ease": young_people_reading_ease(report)
            if report.status == ReportStatus.DRAFT
            else None,
            "young_people_minimum": settings.YOUNG_PEOPLE_MIN_READING_EASE,
        }

    def get(self, request, year):
        report = _report_or_404(year)
        services.ensure_narratives(report)
        form = ApproveReportForm(meetings=approving_meetings(report))
        return render(request, self.template_name, self.context(report, form))

    def post(self, request, year):
        report = _report_or_404(year)
        action = request.POST.get("action", "approve")
        if action in ("set_aside", "restore"):
            return self.set_aside_or_restore(request, report, action)
        form = ApproveReportForm(request.POST, meetings=approving_meetings(report))
        if form.is_valid():
            try:
                services.approve_report(report=report, approved_by=request.user, meeting=form.cleaned_data["meeting"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                build = report.builds.first()
                messages.success(
                    request,
                    f"The {report.display_title} is approved, as agreed by the {report.approved_at.body} "
                    f"on {long_date(report.approved_on)}.",
                )
                messages.add_message(request, *_build_message(build, f"Build {build.pk}, of the approved report,"))
                return redirect(report)
        return render(request, self.template_name, self.context(report, form))

    def set_aside_or_restore(self, request, report, action):
        key = request.POST.get("key", "")[:300]
        here = reverse("reports:approve", args=[report.year])
        if action == "restore":
            services.restore_check(report=report, key=key)
            messages.info(request, "The check stops approval again until it is fixed or set aside.")
            return redirect(here)
        reason = request.POST.get("reason", "")
        try:
            services.set_aside_check(report=report, key=key, reason=reason, by=request.user)
        except ValidationError as error:
            form = ApproveReportForm(meetings=approving_meetings(report))
            errors = {key: " ".join(error.messages)}
            return render(
                request, self.template_name, self.context(report, form, set_aside_errors=errors, typed={key: reason})
            )
        messages.success(request, "The check is set aside, with your reason: it no longer stops approval.")
        return redirect(here)


class ReportWorkflowView(ManagesReportsRequiredMixin, View):
    """Return to draft. (Approving and publishing have their own pages: they ask first.)"""

    def post(self, request, year, action):
        report = _report_or_404(year)
        try:
            if action == "draft":
                services.return_to_draft(report=report)
                messages.info(request, f"The {report.display_title} is back in draft.")
            else:
                raise Http404
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect(report)


class ReportDutiesView(ManagesReportsRequiredMixin, View):
    """Sending the published report on: each recipient with its due date and whether it is done, a button to
    e-mail it the public link, and a link to record it sent another way."""

    def get(self, request, year):
        report = _report_or_404(year)
        today = timezone.localdate()
        duties = report_duties(report, today=today)
        return render(
            request,
            "reports/duties.html",
            {
                "report": report,
                "duties": duties,
                "overdue": sum(duty.state == "overdue" for duty in duties),
                "today": today,
                **(services.public_links(report) if report.is_published else {}),
            },
        )

    def post(self, request, year):
        """Starts the duties of the recipients added to the list since the report was published."""
        report = _report_or_404(year)
        try:
            started = services.start_duties(report=report)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            if started:
                names = ", ".join(duty.recipient_name for duty in started)
                messages.success(request, f"Added, due {long_date(started[0].due_on)}: {names}.")
            else:
                messages.info(request, "Every body on the list already has the report or is waiting for it.")
        return redirect("reports:duties", year=report.year)


def _duty_or_404(year, pk):
    return get_object_or_404(
        ReportDuty.objects.select_related("report", "recipient", "sent_by"), pk=pk, report__year=year
    )


class DutySendView(ManagesReportsRequiredMixin, View):
    """E-mails the public link to the duty's recipient, once."""

    def post(self, request, year, pk):
        duty = _duty_or_404(year, pk)
        try:
            duty = services.send_duty_by_email(duty=duty, sent_by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"The report was e-mailed to {duty.recipient_name} at {duty.sent_to}.")
        return redirect("reports:duties", year=duty.report.year)


class DutyRecordView(ManagesReportsRequiredMixin, View):
    """Records the report as sent to the duty's recipient another way, with how and when."""

    template_name = "reports/duty_record.html"

    def get(self, request, year, pk):
        duty = _duty_or_404(year, pk)
        form = RecordDutySentForm(initial={"sent_on": timezone.localdate()})
        return render(request, self.template_name, {"duty": duty, "report": duty.report, "form": form})

    def post(self, request, year, pk):
        duty = _duty_or_404(year, pk)
        form = RecordDutySentForm(request.POST)
        if not duty.is_done and form.is_valid():
            try:
                services.record_duty_sent(
                    duty=duty,
                    sent_by=request.user,
                    how_described=form.cleaned_data["how_described"],
                    sent_on=form.cleaned_data["sent_on"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"The report is recorded as sent to {duty.recipient_name}.")
                return redirect("reports:duties", year=duty.report.year)
        return render(request, self.template_name, {"duty": duty, "report": duty.report, "form": form})


def _nobody_by_name(narrative, *, lower=False):
    """The contributor choice that names nobody: the chapter is then written by its body's chairs, as before."""
    words = f"The chairs of the {narrative.written_by.name}" if narrative.written_by_id else "The business manager"
    return words[0].lower() + words[1:] if lower else words


class ContributionsBoardView(ManagesReportsRequiredMixin, View):
    """Every part of one report: each chapter with who writes it, when it is due, its status, when it was last
    changed and last chased, a small form to name the contributor and the due date, and a button to chase them; then
    the parts other apps keep (the agencies' statements), as they stand."""

    template_name = "reports/contributions.html"

    def context(self, report, *, bound=None):
        today = timezone.localdate()
        chapters, parts = contributions(report, today=today)
        people = list(contributor_choices())
        rows = []
        for contribution in chapters:
            narrative = contribution.narrative
            if bound is not None and bound.prefix == contribution.key:
                form = bound
            else:
                form = AssignContributionForm(
                    prefix=contribution.key,
                    people=people,
                    empty_label=_nobody_by_name(narrative),
                    initial={"assigned_to": narrative.assigned_to_id, "due_on": narrative.due_on},
                )
            rows.append((contribution, form))
        late_chapters = sum(contribution.status == "late" for contribution in chapters)
        late_parts = sum(part.late for part in parts)
        return {
            "report": report,
            "rows": rows,
            "parts": parts,
            "late": late_chapters + late_parts,
            "late_chapters": late_chapters,
            "late_parts": late_parts,
            "open": report.status == ReportStatus.DRAFT,
            "today": today,
        }

    def get(self, request, year):
        report = _report_or_404(year)
        services.ensure_narratives(report)
        return render(request, self.template_name, self.context(report))

    def post(self, request, year):
        report = _report_or_404(year)
        services.ensure_narratives(report)
        key = request.POST.get("key", "")
        narrative = report.narratives.select_related("written_by").filter(key=key).first()
        section = section_by_key(key)
        if narrative is None or section is None or not section.narrative:
            raise Http404("No such chapter.")
        form = AssignContributionForm(
            request.POST, prefix=key, people=list(contributor_choices()), empty_label=_nobody_by_name(narrative)
        )
        if form.is_valid():
            try:
                services.assign_contribution(
                    narrative=narrative, assigned_to=form.person, due_on=form.cleaned_data["due_on"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                person = form.person
                who = (person.get_full_name() or person.username) if person else _nobody_by_name(narrative, lower=True)
                due = f", due {long_date(form.cleaned_data['due_on'])}" if form.cleaned_data["due_on"] else ""
                messages.success(request, f"“{section.title}” is written by {who}{due}.")
                return redirect(f"{reverse('reports:contributions', args=[report.year])}#part-{key}")
        return render(request, self.template_name, self.context(report, bound=form), status=200)


class ContributionChaseView(ManagesReportsRequiredMixin, View):
    """E-mails a chapter's contributor a reminder from the business manager: one e-mail each press."""

    def post(self, request, year, key):
        report = _report_or_404(year)
        narrative = get_object_or_404(NarrativeSection, report=report, key=key)
        try:
            _, to = services.chase_contribution(narrative=narrative, by=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, f"A reminder about “{narrative.title}” was e-mailed to {', '.join(to)}.")
        return redirect(f"{reverse('reports:contributions', args=[report.year])}#part-{key}")
