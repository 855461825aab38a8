"""The delegate's evaluation and certificate pages, reached by signed links (no account), and the organisers'
impact page.

An evaluation link names a booking and a stage (before, after, follow-up). The page shows the form, or says
plainly why not (already answered, the session not yet held, the follow-up not yet open); after the after-session
evaluation it gives the certificate link. The certificate is refused with a page that says what to do until that
evaluation is in. Every write goes through `training/services/evaluations.py`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views import View
from django.views.generic import TemplateView

from lscp.financial_year import FinancialYear
from lscp.forms import add_service_errors
from lscp.roles import RoleRequiredMixin

from .. import impact, links
from ..certificates import certificate_filename, certificate_pdf
from ..forms.evaluations import EvaluationForm, ImpactYearForm
from ..models import Booking, Evaluation, EvaluationStage
from ..permissions import can_see_training_impact
from ..services import evaluations as evaluation_services
from .bookings import LinkRateLimitMixin, _link_refused

THANK_YOU = "Thank you: your evaluation is sent."
QUESTIONS = {
    EvaluationStage.BEFORE: "Before the session: how confident do you feel now?",
    EvaluationStage.AFTER: "After the session: how confident do you feel now?",
    EvaluationStage.FOLLOW_UP: "Three months on: how confident do you feel now, and has your practice changed?",
}


def _booking(pk):
    return (
        Booking.objects.select_related("delegate", "delegate__agency", "session__course")
        .prefetch_related("session__course__learning_outcomes")
        .filter(pk=pk)
        .first()
    )


class EvaluationView(LinkRateLimitMixin, View):
    template_name = "training/evaluation.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            booking_id, stage = links.booking_and_stage_from_evaluation_token(kwargs["token"])
        except links.ExpiredLink:
            return _link_refused(request, expired=True)
        except links.BadLink:
            return _link_refused(request, expired=False)
        self.booking = _booking(booking_id)
        if self.booking is None or stage not in EvaluationStage.values:
            return _link_refused(request, expired=False)
        self.stage = EvaluationStage(stage)
        return super().dispatch(request, *args, **kwargs)

    def _form(self, data=None):
        return EvaluationForm(data, outcomes=self.booking.session.course.learning_outcomes.all(), stage=self.stage)

    def get(self, request, *args, **kwargs):
        try:
            evaluation_services.check_can_evaluate(booking=self.booking, stage=self.stage)
        except ValidationError as error:
            return self._closed(error)
        return self._page(self._form())

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if form.is_valid():
            try:
                evaluation_services.submit_evaluation(
                    booking=self.booking, stage=self.stage, **form.service_arguments()
                )
            except ValidationError as error:
                if not hasattr(error, "error_dict"):
                    return self._closed(error)
                add_service_errors(form, error)
            else:
                messages.success(request, THANK_YOU)
                return redirect(request.path)
        return self._page(form)

    def _page(self, form):
        return render(
            self.request,
            self.template_name,
            {
                "booking": self.booking,
                "session": self.booking.session,
                "stage": self.stage,
                "f": form,
                "question": QUESTIONS[self.stage],
            },
        )

    def _closed(self, error):
        """The page for an evaluation that cannot be answered now: already sent (with the certificate link after
        the session), or not open."""
        answered = Evaluation.objects.filter(booking=self.booking, stage=self.stage).exists()
        certificate = answered and self.stage == EvaluationStage.AFTER
        return render(
            self.request,
            "training/evaluation_closed.html",
            {
                "booking": self.booking,
                "session": self.booking.session,
                "stage": self.stage,
                "answered": answered,
                "closed": any(e.code == "too_late" for e in getattr(error, "error_list", [error])),
                "reasons": error.messages,
                "certificate_url": links.certificate_url(self.booking) if certificate else "",
            },
        )


class CertificateView(View):
    """The certificate PDF, once the after-session evaluation is in; before that a page that says what to do (403)."""

    def get(self, request, *args, **kwargs):
        try:
            booking_id = links.booking_id_from_certificate_token(kwargs["token"])
        except links.ExpiredLink:
            return _link_refused(request, expired=True)
        except links.BadLink:
            return _link_refused(request, expired=False)
        booking = _booking(booking_id)
        if booking is None:
            return _link_refused(request, expired=False)
        try:
            evaluation_services.check_certificate_released(booking=booking)
        except ValidationError as error:
            return render(
                request,
                "training/certificate_refused.html",
                {"booking": booking, "session": booking.session, "reasons": error.messages},
                status=403,
            )
        response = HttpResponse(certificate_pdf(booking), content_type="application/pdf")
        # Saved, not shown: every link to it says "Download", and the delegate keeps it as their record.
        response["Content-Disposition"] = f'attachment; filename="{certificate_filename(booking)}"'
        return response


class ImpactView(RoleRequiredMixin, TemplateView):
    """Per course, for a financial year: confidence before → after → follow-up, the share reporting changed
    practice, response rates per stage; and the no-show rate by agency."""

    template_name = "training/impact.html"

    def has_role(self, roles):
        return can_see_training_impact(roles)

    def get_context_data(self, **kwargs):
        years = impact.years_with_sessions()
        chosen = self.request.GET.get("year")
        try:
            year = FinancialYear.parse(chosen) if chosen else (years[0] if years else FinancialYear.current())
        except ValueError as error:
            raise Http404("No such financial year.") from error
        if year not in years:
            years = sorted({*years, year}, key=lambda y: y.start_year, reverse=True)
        form = ImpactYearForm(initial={"year": year.slug}, years=years)
        return super().get_context_data(
            year=year,
            form=form,
            **impact.year_in_figures(year=year),
            **kwargs,
        )
