"""The Case Review chair's pages: the incident log, an incident with its rapid review and decision, the practice
review tracker, a practice review with the timeline of its stages and its recommendations' actions, and the
deadlines dashboard. The business manager has the same records in the admin.

Who sees what is decided in `reviews.permissions`: anyone else is refused (403) before a record is looked up.
Every opening of an incident's or a practice review's page is logged (`services.log_viewing`).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import ListView, TemplateView

from governance.models import Action
from governance.models.actions import CLOSED_STATUSES
from lscp.forms import add_service_errors
from lscp.pagination import ForgivingPaginationMixin
from lscp.roles import RoleRequiredMixin

from . import permissions, selectors, services
from .deadlines import RULES, deadline_state
from .forms import DecisionForm, IncidentForm, NotificationForm, RapidReviewForm, StageForm
from .models import PracticeReview, RapidReview, Recommendation, SeriousIncident

ONLY_CHAIRS_CHANGE = "Only the chairs of the Case Review Subgroup and the business manager change these records."


class CaseReviewReaderMixin(RoleRequiredMixin):
    def has_role(self, roles):
        return permissions.can_see_case_reviews(roles)

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_change=permissions.can_change_case_reviews(self.roles), **kwargs)


class CaseReviewEditorMixin(CaseReviewReaderMixin):
    def has_role(self, roles):
        return permissions.can_change_case_reviews(roles)


# Serious incidents.


class IncidentListView(ForgivingPaginationMixin, CaseReviewReaderMixin, ListView):
    """The incident log, newest first, with where each deadline stands; the chair logs a new incident here."""

    template_name = "reviews/incident_list.html"
    context_object_name = "incidents"
    paginate_by = 25

    def get_queryset(self):
        return SeriousIncident.objects.select_related("borough", "rapid_review").order_by("-la_aware_on", "code_name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["rows"] = [
            {
                "incident": incident,
                "notification": deadline_state(
                    due=incident.panel_notification_due, met_on=incident.notified_panel_on, today=today
                ),
                "rapid_review": deadline_state(
                    due=incident.rapid_review_due, met_on=_submitted_on(incident), today=today
                ),
            }
            for incident in context["incidents"]
        ]
        if context["can_change"] and "form" not in context:
            context["form"] = IncidentForm()
        return context

    def post(self, request, *args, **kwargs):
        if not permissions.can_change_case_reviews(self.roles):
            raise PermissionDenied(ONLY_CHAIRS_CHANGE)
        form = IncidentForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                incident = services.log_incident(
                    code_name=data["code_name"],
                    occurred_on=data["occurred_on"],
                    la_aware_on=data["la_aware_on"],
                    borough=data["borough"],
                    age_band=data["age_band"],
                    kind=data["kind"],
                    abuse_categories=data["abuse_categories"],
                    looked_after=data["looked_after"],
                    circumstances=data["circumstances"],
                    by=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error, fields={**{n: n for n in form.fields}, **_ABUSE_FIELDS})
            else:
                messages.success(
                    request,
                    f"{incident} is logged: notify the National Panel by {incident.panel_notification_due:%-d %B %Y}.",
                )
                return redirect("reviews:incident", pk=incident.pk)
        self.object_list = self.get_queryset()
        return self.render_to_response(self.get_context_data(form=form))


_ABUSE_FIELDS = {name: "abuse_categories" for name in ("abuse_physical", "abuse_emotional", "abuse_sexual")}
_ABUSE_FIELDS["abuse_neglect"] = "abuse_categories"


def _submitted_on(incident):
    try:
        return incident.rapid_review.submitted_to_panel_on
    except RapidReview.DoesNotExist:
        return None


class IncidentPageMixin:
    """An incident's page: the incident, its rapid review and the forms that move it on."""

    template_name = "reviews/incident_detail.html"

    def get_incident(self):
        if not hasattr(self, "_incident"):
            self._incident = get_object_or_404(
                SeriousIncident.objects.select_related("borough", "rapid_review__decided_by"), pk=self.kwargs["pk"]
            )
        return self._incident

    def rapid_review(self):
        incident = self.get_incident()
        return incident.rapid_review if hasattr(incident, "rapid_review") else None

    def get_context_data(self, **kwargs):
        incident = self.get_incident()
        rapid_review = self.rapid_review()
        today = timezone.localdate()
        context = {
            "incident": incident,
            "rapid_review": rapid_review,
            "notification_state": deadline_state(
                due=incident.panel_notification_due, met_on=incident.notified_panel_on, today=today
            ),
            "rapid_review_state": deadline_state(
                due=incident.rapid_review_due, met_on=_submitted_on(incident), today=today
            ),
            "rules": RULES,
            "no_identifying_details": True,
        }
        if rapid_review is not None:
            context["meetings"] = list(rapid_review.meetings.all())
            context["agencies"] = list(rapid_review.agencies.order_by("name"))
            context["practice_reviews"] = list(rapid_review.practice_reviews.all())
        if permissions.can_change_case_reviews(self.roles):
            context.setdefault(
                "notification_form",
                NotificationForm(
                    initial={"notified_on": incident.notified_panel_on, "panel_reference": incident.panel_reference}
                ),
            )
            context.setdefault("rapid_review_form", RapidReviewForm(started=rapid_review is not None))
            if rapid_review is not None:
                context.setdefault(
                    "decision_form",
                    DecisionForm(
                        initial={
                            "decision": rapid_review.decision,
                            "rationale": rapid_review.rationale,
                            "decided_on": rapid_review.decided_on,
                            "decided_by": rapid_review.decided_by_id,
                        }
                    ),
                )
        context.update(kwargs)
        return super().get_context_data(**context)


class IncidentDetailView(IncidentPageMixin, CaseReviewReaderMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        services.log_viewing(by=request.user, incident=self.get_incident())
        return super().get(request, *args, **kwargs)


class IncidentFormView(IncidentPageMixin, CaseReviewEditorMixin, TemplateView):
    """A form of the incident's page, posted: on success back to the page, else the page with the form's problems
    shown and what was typed kept."""

    http_method_names = ["post"]
    form_name = ""
    success_message = ""

    def make_form(self):
        raise NotImplementedError

    def save(self, form):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.make_form()
        if form.is_valid():
            try:
                self.save(form)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, self.success_message % {"code": self.get_incident()})
                return redirect("reviews:incident", pk=self.get_incident().pk)
        return self.render_to_response(self.get_context_data(**{self.form_name: form}))


class NotificationView(IncidentFormView):
    form_name = "notification_form"
    success_message = "The notification of %(code)s to the National Panel is recorded."

    def make_form(self):
        return NotificationForm(self.request.POST)

    def save(self, form):
        services.record_panel_notification(
            incident=self.get_incident(),
            notified_on=form.cleaned_data["notified_on"],
            panel_reference=form.cleaned_data["panel_reference"],
            by=self.request.user,
        )


class RapidReviewView(IncidentFormView):
    form_name = "rapid_review_form"
    success_message = "The rapid review of %(code)s is recorded."

    def make_form(self):
        return RapidReviewForm(self.request.POST, started=self.rapid_review() is not None)

    def save(self, form):
        data = form.cleaned_data
        rapid_review = self.rapid_review()
        if rapid_review is None:
            services.start_rapid_review(
                incident=self.get_incident(), started_on=data["started_on"], by=self.request.user
            )
            return
        changes = {
            field: data[field]
            for field in ("submitted_to_panel_on", "panel_response_on", "panel_response_summary")
            if data[field] not in (None, "")
        }
        services.record_rapid_review(
            rapid_review=rapid_review,
            meeting_dates=[data["meeting_on"]] if data["meeting_on"] else None,
            by=self.request.user,
            **changes,
        )


class DecisionView(IncidentFormView):
    form_name = "decision_form"
    success_message = "The decision on %(code)s is recorded."

    def make_form(self):
        return DecisionForm(self.request.POST)

    def save(self, form):
        data = form.cleaned_data
        services.decide_rapid_review(
            incident=self.get_incident(),
            decision=data["decision"],
            rationale=data["rationale"],
            decided_on=data["decided_on"],
            decided_by=data["decided_by"],
            by=self.request.user,
        )


# Practice reviews.


class PracticeReviewListView(ForgivingPaginationMixin, CaseReviewReaderMixin, ListView):
    """The practice review tracker: each review's stage and deadlines, and how many of its actions are open."""

    template_name = "reviews/practice_review_list.html"
    context_object_name = "reviews"
    paginate_by = 25

    def get_queryset(self):
        return PracticeReview.objects.order_by("-commissioned_on", "code_name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["rows"] = [
            {
                "review": review,
                "target": deadline_state(due=review.target_completion, met_on=review.report_received_on, today=today),
            }
            for review in context["reviews"]
        ]
        return context


def timeline(review):
    """The review's stages in order, each with its date (None while not reached) and, for the two with a
    deadline, where the deadline stands."""
    today = timezone.localdate()
    steps = [
        ("Commissioned", review.commissioned_on, None),
        ("Terms of reference agreed", review.terms_of_reference_agreed_on, None),
        (
            "Final report received",
            review.report_received_on,
            deadline_state(due=review.target_completion, met_on=review.report_received_on, today=today),
        ),
    ]
    if review.must_share_before_publication:
        steps.append(
            (
                "Shared with the National Panel, Secretary of State and Ofsted",
                review.shared_on,
                deadline_state(due=review.share_due, met_on=review.shared_on, today=today)
                if review.share_due
                else None,
            )
        )
    if review.not_published_reason:
        steps.append(("Not published", None, None))
    else:
        steps.append(("Published", review.published_on, None))
    steps.append(("Closed", review.closed_on, None))
    return [{"label": label, "date": day, "state": state} for label, day, state in steps]


class PracticeReviewPageMixin:
    template_name = "reviews/practice_review_detail.html"

    def get_review(self):
        if not hasattr(self, "_review"):
            self._review = get_object_or_404(
                PracticeReview.objects.select_related("rapid_review__incident", "borough", "joint_with"),
                pk=self.kwargs["pk"],
            )
        return self._review

    def get_context_data(self, **kwargs):
        review = self.get_review()
        recommendations = list(
            Recommendation.objects.filter(review=review)
            .select_related("agency")
            .prefetch_related(
                Prefetch(
                    "actions",
                    queryset=Action.objects.select_related("owner_agency").order_by("due_date", "pk"),
                )
            )
            .annotate(
                open_actions=Count("actions", filter=~Q(actions__status__in=CLOSED_STATUSES)),
            )
        )
        context = {
            "review": review,
            "timeline": timeline(review),
            "findings": list(review.findings.prefetch_related("themes")),
            "recommendations": recommendations,
            "open_actions": selectors.open_actions_for(review).count(),
        }
        if permissions.can_change_case_reviews(self.roles):
            context.setdefault("stage_form", StageForm())
        context.update(kwargs)
        return super().get_context_data(**context)


class PracticeReviewDetailView(PracticeReviewPageMixin, CaseReviewReaderMixin, TemplateView):
    def get(self, request, *args, **kwargs):
        services.log_viewing(by=request.user, practice_review=self.get_review())
        return super().get(request, *args, **kwargs)


class PracticeReviewStageView(PracticeReviewPageMixin, CaseReviewEditorMixin, TemplateView):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = StageForm(request.POST)
        if form.is_valid():
            try:
                data = form.cleaned_data
                services.record_stage(review=self.get_review(), stage=data["stage"], on=data["on"], by=request.user)
            except ValidationError as error:
                add_service_errors(form, error, fields={**{n: n for n in form.fields}, **_STAGE_DATE_FIELDS})
            else:
                messages.success(request, f"The step of {self.get_review()} is recorded.")
                return redirect("reviews:practice_review", pk=self.get_review().pk)
        return self.render_to_response(self.get_context_data(stage_form=form))


_STAGE_DATE_FIELDS = {
    field: "on" for field in ("terms_of_reference_agreed_on", "report_received_on", "shared_on", "commissioned_on")
}


# The deadlines dashboard.


class DeadlinesView(CaseReviewReaderMixin, TemplateView):
    template_name = "reviews/deadlines.html"

    def has_role(self, roles):
        return permissions.can_see_deadlines(roles)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            summary=selectors.deadline_summary(), deadlines=selectors.open_deadlines(), **kwargs
        )
