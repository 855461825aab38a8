from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View
from django.views.generic import TemplateView

from lscp.roles import BusinessManagerRequiredMixin, roles_for

from . import services
from .forms import CreateReportForm, NarrativeForm
from .markdown import render_markdown
from .models import AnnualReport, BuildStatus, ReportBuild
from .rendering import gather, render_html
from .sections import section_by_key
from .selectors import report_chapters


def _report_or_404(year):
    return get_object_or_404(AnnualReport, year=year)


class ReportListView(TemplateView):
    """Published reports for everyone (no account needed); every report for the business manager."""

    template_name = "reports/report_list.html"

    def get_context_data(self, **kwargs):
        is_manager = roles_for(self.request.user).is_manager
        reports = AnnualReport.objects.select_related("published_build")
        if not is_manager:
            reports = reports.published()
        return super().get_context_data(
            reports=list(reports), is_manager=is_manager, form=kwargs.pop("form", None) or CreateReportForm(), **kwargs
        )

    def post(self, request):
        if not roles_for(request.user).is_manager:
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
        if not roles_for(request.user).is_manager:
            if not report.is_published:
                raise Http404("No published report for that year.")
            return render(request, "reports/report_public.html", {"report": report, "build": report.published_build})
        services.ensure_narratives(report)
        chapters = report_chapters(report)
        builds = list(report.builds.select_related("requested_by")[:20])
        return render(
            request,
            "reports/report_detail.html",
            {
                "report": report,
                "builds": builds,
                "chapters": chapters,
                "publishable": services.latest_publishable_build(report),
                "placeholders": services.placeholder_problems(report, chapters=chapters),
            },
        )


class ReportPreviewView(BusinessManagerRequiredMixin, View):
    """The report as HTML, from the same templates as the PDF: edits show at once."""

    def get(self, request, year):
        report = _report_or_404(year)
        return HttpResponse(render_html(report, gather(report), for_pdf=False))


class BuildRequestView(BusinessManagerRequiredMixin, View):
    def post(self, request, year):
        report = _report_or_404(year)
        build = services.request_build(report=report, requested_by=request.user)
        messages.info(request, f"Build {build.pk} has been queued.")
        return redirect(f"{report.get_absolute_url()}#build-{build.pk}")


class BuildStatusView(BusinessManagerRequiredMixin, View):
    """Polled by the report page while a build runs."""

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


def _pdf_response(build, filename):
    if not build.pdf:
        raise Http404("The PDF is not ready.")
    try:
        handle = build.pdf.open("rb")
    except FileNotFoundError as error:
        raise Http404("The PDF is missing from storage.") from error
    return FileResponse(handle, as_attachment=True, filename=filename, content_type="application/pdf")


class BuildDownloadView(BusinessManagerRequiredMixin, View):
    """Any build, drafts included: the business manager only."""

    def get(self, request, year, pk):
        build = get_object_or_404(ReportBuild.objects.select_related("report"), pk=pk, report__year=year)
        if build.status != BuildStatus.SUCCEEDED:
            raise Http404("That build has no PDF.")
        return _pdf_response(build, f"annual-report-{build.report.year.slug}-build-{build.pk}.pdf")


class PublishedDownloadView(View):
    """The published report: for everyone, no account needed."""

    def get(self, request, year):
        report = get_object_or_404(AnnualReport.objects.published().select_related("published_build"), year=year)
        return _pdf_response(report.published_build, f"lscp-annual-report-{report.year.slug}.pdf")


class NarrativeEditView(BusinessManagerRequiredMixin, View):
    template_name = "reports/narrative_form.html"

    def get_objects(self, year, key):
        report = _report_or_404(year)
        section = section_by_key(key)
        if section is None or not section.narrative:
            raise Http404("No such chapter.")
        services.ensure_narratives(report)
        narrative = report.narratives.get(key=key)
        return report, section, narrative

    def get(self, request, year, key):
        report, section, narrative = self.get_objects(year, key)
        form = NarrativeForm(instance=narrative)
        return render(request, self.template_name, {"report": report, "section": section, "form": form})

    def post(self, request, year, key):
        report, section, narrative = self.get_objects(year, key)
        form = NarrativeForm(request.POST, instance=narrative)
        context = {"report": report, "section": section, "form": form}
        if "preview" in request.POST:
            context["preview"] = render_markdown(request.POST.get("text", ""))
            return render(request, self.template_name, context)
        if form.is_valid():
            try:
                services.save_narrative(report=report, key=key, text=form.cleaned_data["text"], edited_by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"“{section.title}” was saved.")
                return redirect(report)
        return render(request, self.template_name, context)


class ReportWorkflowView(BusinessManagerRequiredMixin, View):
    """Approve, return to draft, publish."""

    def post(self, request, year, action):
        report = _report_or_404(year)
        try:
            if action == "approve":
                services.approve_report(report=report, approved_by=request.user)
                messages.success(request, f"The {report.display_title} is approved.")
            elif action == "draft":
                services.return_to_draft(report=report)
                messages.info(request, f"The {report.display_title} is back in draft.")
            elif action == "publish":
                build = None
                if request.POST.get("build"):
                    build_id = request.POST["build"]
                    build = (
                        ReportBuild.objects.filter(pk=build_id, report=report).first() if build_id.isdigit() else None
                    )
                    if build is None:
                        raise ValidationError(services.BUILD_OF_ANOTHER_REPORT)
                services.publish_report(report=report, build=build)
                messages.success(request, f"The {report.display_title} is published.")
            else:
                raise Http404
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect(report)
