"""The Case Review chair's pages: the incident log, an incident with its rapid review, decision and the
commissioning of its practice review, the practice review tracker, a practice review with the timeline of its
stages, its findings, its recommendations and their actions' progress, and the forms that take it to publication
and closure; the themes across reviews; and the deadlines dashboard. The business manager has the same records in
the admin.

Who sees what is decided in `reviews.permissions`: anyone else is refused (403) before a record is looked up.
Every opening of an incident's or a practice review's page is logged (`services.log_viewing`), and so is every
page that shows one again (a form sent back with its problems shows the whole page again); the admin logs its own
pages the same way (`reviews.admin.LogsViewingAdmin`).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import ListView, TemplateView

from governance.models import Action
from lscp.dates import long_date
from lscp.forms_page import GET_AND_POST, ServiceFormListView, ServiceFormView
from lscp.pagination import ForgivingPaginationMixin
from lscp.roles import RoleRequiredMixin

from . import permissions, selectors, services
from .deadlines import RULES, deadline_state
from .forms import (
    ClosureForm,
    CommissionForm,
    ConfirmForm,
    DecisionForm,
    DisseminationForm,
    FindingEditForm,
    FindingForm,
    HoldForm,
    IncidentForm,
    NotificationForm,
    NotPublishedForm,
    PublicationForm,
    RaiseActionForm,
    RapidReviewForm,
    ReasonForm,
    RecommendationForm,
    RecommendationStatusForm,
    StageForm,
)
from .models import (
    DECISIONS_LEADING_TO_A_REVIEW,
    Decision,
    Dissemination,
    Finding,
    PracticeReview,
    RapidReview,
    Recommendation,
    ReviewKind,
    SeriousIncident,
)

ONLY_CHAIRS_CHANGE = "Only the chairs of the Case Review Subgroup and the business manager change these records."
COMMISSION_NEEDS_A_DECISION = (
    "Start the rapid review of %(code)s and record its decision before commissioning the review it leads to."
)
NOT_A_RECOMMENDATION_OF_THIS_REVIEW = "Choose one of this review's recommendations."


class CaseReviewReaderMixin(RoleRequiredMixin):
    def has_role(self, roles):
        return permissions.can_see_case_reviews(roles)

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_change=permissions.can_change_case_reviews(self.roles), **kwargs)


class CaseReviewEditorMixin(CaseReviewReaderMixin):
    def has_role(self, roles):
        return permissions.can_change_case_reviews(roles)


class LogsViewingMixin:
    """Each rendering of a page that shows an incident's or a practice review's records is an opening of it, and
    is logged: the page opened, and the page shown again with a form sent back with its problems (everything is on
    it again). A refusal (403), a missing record (404) and a redirect after saving show nothing and log nothing."""

    def viewed_record(self):
        """{"incident": ...} or {"practice_review": ...}: the record the page shows."""
        raise NotImplementedError

    def render_to_response(self, context, **response_kwargs):
        services.log_viewing(by=self.request.user, **self.viewed_record())
        return super().render_to_response(context, **response_kwargs)


# Serious incidents.


_ABUSE_FIELDS = {name: "abuse_categories" for name in ("abuse_physical", "abuse_emotional", "abuse_sexual")}
_ABUSE_FIELDS["abuse_neglect"] = "abuse_categories"


class IncidentListView(ForgivingPaginationMixin, CaseReviewReaderMixin, ServiceFormListView):
    """The incident log, newest first, with where each deadline stands; the chair logs a new incident here."""

    template_name = "reviews/incident_list.html"
    context_object_name = "incidents"
    paginate_by = 25
    form_class = IncidentForm
    service_fields = _ABUSE_FIELDS
    success_message = "%(incident)s is logged: notify the National Panel by %(due)s."

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
        return super().post(request, *args, **kwargs)

    def save(self, form):
        data = form.cleaned_data
        return services.log_incident(
            code_name=data["code_name"],
            occurred_on=data["occurred_on"],
            la_aware_on=data["la_aware_on"],
            borough=data["borough"],
            age_band=data["age_band"],
            kind=data["kind"],
            abuse_categories=data["abuse_categories"],
            looked_after=data["looked_after"],
            circumstances=data["circumstances"],
            by=self.request.user,
        )

    def message_values(self, saved):
        return {"incident": saved, "due": f"{saved.panel_notification_due:%-d %B %Y}"}

    def get_success_url(self, saved):
        return reverse("reviews:incident", args=[saved.pk])


def _submitted_on(incident):
    try:
        return incident.rapid_review.submitted_to_panel_on
    except RapidReview.DoesNotExist:
        return None


class IncidentPageMixin(LogsViewingMixin):
    """An incident's page: the incident, its rapid review and the forms that move it on."""

    template_name = "reviews/incident_detail.html"

    def viewed_record(self):
        return {"incident": self.get_incident()}

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
        can_change = permissions.can_change_case_reviews(self.roles)
        if (
            can_change
            and rapid_review is not None
            and rapid_review.decision in DECISIONS_LEADING_TO_A_REVIEW
            and not context["practice_reviews"]
        ):
            context.setdefault(
                "commission_form",
                CommissionForm(
                    initial={
                        "code_name": incident.code_name,
                        "kind": ReviewKind.LCSPR
                        if rapid_review.decision == Decision.LCSPR
                        else ReviewKind.LEARNING_REVIEW,
                        "target_completion": RULES["target_completion"].due(rapid_review.decided_on),
                    }
                ),
            )
        if can_change:
            context.setdefault(
                "notification_form",
                NotificationForm(
                    initial={"notified_on": incident.notified_panel_on, "panel_reference": incident.panel_reference}
                ),
            )
            context.setdefault("rapid_review_form", RapidReviewForm(rapid_review=rapid_review))
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
    pass


class IncidentFormView(IncidentPageMixin, CaseReviewEditorMixin, ServiceFormView):
    """A form of the incident's page, posted: on success back to the page, else the page with the form's problems
    shown and what was typed kept."""

    def message_values(self, saved):
        return {"code": self.get_incident()}

    def get_success_url(self, saved):
        return reverse("reviews:incident", args=[self.get_incident().pk])


class NotificationView(IncidentFormView):
    form_class = NotificationForm
    form_name = "notification_form"
    success_message = "The notification of %(code)s to the National Panel is recorded."

    def save(self, form):
        services.record_panel_notification(
            incident=self.get_incident(),
            notified_on=form.cleaned_data["notified_on"],
            panel_reference=form.cleaned_data["panel_reference"],
            by=self.request.user,
        )


class RapidReviewView(IncidentFormView):
    form_class = RapidReviewForm
    form_name = "rapid_review_form"
    success_message = "The rapid review of %(code)s is recorded."

    def get_form_kwargs(self):
        return {"rapid_review": self.rapid_review()}

    def save(self, form):
        data = form.cleaned_data
        rapid_review = self.rapid_review()
        if rapid_review is None:
            services.start_rapid_review(
                incident=self.get_incident(),
                started_on=data["started_on"],
                agencies=data["agencies"],
                by=self.request.user,
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
            agencies=data["agencies"],
            by=self.request.user,
            **changes,
        )


class DecisionView(IncidentFormView):
    form_class = DecisionForm
    form_name = "decision_form"
    success_message = "The decision on %(code)s is recorded."

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


class CommissionView(IncidentFormView):
    """Commissions the practice review the decision leads to; on success, opens its page."""

    form_class = CommissionForm
    form_name = "commission_form"
    success_message = "The review following the rapid review of %(code)s is commissioned."

    def save(self, form):
        rapid_review = self.rapid_review()
        if rapid_review is None:
            raise ValidationError(COMMISSION_NEEDS_A_DECISION % {"code": self.get_incident()})
        data = form.cleaned_data
        return services.commission_practice_review(
            code_name=data["code_name"],
            kind=data["kind"],
            commissioned_on=data["commissioned_on"],
            rapid_review=rapid_review,
            borough=self.get_incident().borough,
            joint_with=data["joint_with"],
            reviewers=data["reviewers"],
            review_group=data["review_group"],
            target_completion=data["target_completion"],
            summary=data["summary"],
            by=self.request.user,
        )

    def get_success_url(self, saved):
        return reverse("reviews:practice_review", args=[saved.pk])


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
    if review.held_pending:
        # Placed after the steps reached by the day it was held.
        position = next(
            (i for i, (_, day, _) in enumerate(steps) if day is None or day > review.held_since), len(steps)
        )
        steps.insert(position, (review.held_label, review.held_since, None))
    if review.not_published_reason:
        steps.append(("Not published", None, None))
    else:
        steps.append(("Published", review.published_on, None))
    steps.append(("Closed", review.closed_on, None))
    return [{"label": label, "date": day, "state": state} for label, day, state in steps]


class PracticeReviewPageMixin(LogsViewingMixin):
    template_name = "reviews/practice_review_detail.html"

    def viewed_record(self):
        return {"practice_review": self.get_review()}

    def get_review(self):
        if not hasattr(self, "_review"):
            self._review = get_object_or_404(
                PracticeReview.objects.select_related("rapid_review__incident", "borough", "joint_with"),
                pk=self.kwargs["pk"],
            )
        return self._review

    def get_recommendations(self):
        if not hasattr(self, "_recommendations"):
            self._recommendations = list(
                selectors.with_action_counts(Recommendation.objects.filter(review=self.get_review()))
                .select_related("agency")
                .prefetch_related(
                    Prefetch(
                        "actions",
                        queryset=Action.objects.select_related("owner_agency").order_by("due_date", "pk"),
                    )
                )
            )
        return self._recommendations

    def case_review_subgroup(self):
        """The Case Review Subgroup, which oversees the actions raised from reviews by default (its chairs can then
        update and close them in the action tracker); None if the registry has no body of that name."""
        return permissions.case_review_subgroup_id(self.roles)

    def blank_forms(self):
        """The page's forms as they are before anything is typed, each filled from the review where it edits it."""
        review = self.get_review()
        forms = {
            "stage_form": StageForm,
            "hold_form": lambda: HoldForm(
                initial={
                    "held_pending": review.held_pending,
                    "held_since": review.held_since,
                    "held_note": review.held_note,
                }
            ),
            "finding_form": FindingForm,
            "recommendation_form": RecommendationForm,
            "dissemination_form": DisseminationForm,
        }
        if self.get_recommendations():
            forms["action_form"] = lambda: RaiseActionForm(
                recommendations=self.get_recommendations(), initial={"lead_body": self.case_review_subgroup()}
            )
        if not review.closed_on:
            if not review.not_published_reason:
                forms["publication_form"] = lambda: PublicationForm(
                    initial={
                        "planned_publication_on": review.planned_publication_on,
                        "published_on": review.published_on,
                        "publication_override_reason": review.publication_override_reason,
                    }
                )
            if not review.published_on:
                forms["not_published_form"] = lambda: NotPublishedForm(
                    initial={"not_published_reason": review.not_published_reason}
                )
            forms["closure_form"] = ClosureForm
        return forms

    def get_context_data(self, **kwargs):
        review = self.get_review()
        context = {
            "review": review,
            "timeline": timeline(review),
            "findings": list(review.findings.prefetch_related("themes")),
            "recommendations": self.get_recommendations(),
            "disseminations": list(review.disseminations.all()),
            "open_actions": selectors.open_actions_for(review).count(),
            "can_reopen": permissions.can_reopen_reviews(self.roles),
        }
        if permissions.can_change_case_reviews(self.roles):
            for name, make in self.blank_forms().items():
                if name not in kwargs:
                    context[name] = make()
        context.update(kwargs)
        return super().get_context_data(**context)


class PracticeReviewDetailView(PracticeReviewPageMixin, CaseReviewReaderMixin, TemplateView):
    pass


def review_section_url(review, section):
    """The review's page, opened at one of its sections (each has that id and a heading)."""
    return f"{reverse('reviews:practice_review', args=[review.pk])}#{section}"


class PracticeReviewFormView(PracticeReviewPageMixin, CaseReviewEditorMixin, ServiceFormView):
    """A form of the practice review's page, posted: on success back to the page, at the form's section, with a
    message; else the page with the form's problems on its fields and its disclosure open, what was typed kept, and
    nothing saved (each service is one transaction)."""

    # The id of the page's section the form is in, where the page opens after saving.
    section = ""

    def message_values(self, saved):
        return {"code": self.get_review()}

    def get_success_url(self, saved):
        return review_section_url(self.get_review(), self.section)


class PracticeReviewStageView(PracticeReviewFormView):
    section = "steps"
    form_class = StageForm
    form_name = "stage_form"
    success_message = "The step of %(code)s is recorded."
    service_fields = {
        field: "on" for field in ("terms_of_reference_agreed_on", "report_received_on", "shared_on", "commissioned_on")
    }

    def save(self, form):
        data = form.cleaned_data
        services.record_stage(review=self.get_review(), stage=data["stage"], on=data["on"], by=self.request.user)


class HoldView(PracticeReviewFormView):
    section = "steps"
    form_class = HoldForm
    form_name = "hold_form"
    success_message = "Whether %(code)s is held pending another process is recorded."

    def save(self, form):
        data = form.cleaned_data
        services.hold_review(
            review=self.get_review(),
            held_pending=data["held_pending"],
            since=data["held_since"],
            note=data["held_note"],
            by=self.request.user,
        )


class FindingView(PracticeReviewFormView):
    section = "findings"
    form_class = FindingForm
    form_name = "finding_form"
    success_message = "The finding is added to %(code)s."

    def save(self, form):
        data = form.cleaned_data
        services.add_finding(review=self.get_review(), text=data["text"], themes=data["themes"], by=self.request.user)


class FindingRemoveView(PracticeReviewFormView):
    """Removes a finding added by mistake (its history keeps it)."""

    section = "findings"

    def post(self, request, *args, **kwargs):
        finding = get_object_or_404(Finding, pk=self.kwargs["finding"], review=self.get_review())
        services.remove_finding(finding=finding, by=request.user)
        messages.success(request, f"Finding {finding.number} is removed from {self.get_review()}.")
        return redirect(review_section_url(self.get_review(), self.section))


class RecommendationView(PracticeReviewFormView):
    section = "recommendations"
    form_class = RecommendationForm
    form_name = "recommendation_form"
    success_message = "The recommendation is added to %(code)s."

    def save(self, form):
        data = form.cleaned_data
        services.add_recommendation(
            review=self.get_review(),
            text=data["text"],
            addressed_to=data["addressed_to"],
            agency=data["agency"],
            sector=data["sector"],
            by=self.request.user,
        )


class RaiseActionView(PracticeReviewFormView):
    section = "recommendations"
    form_class = RaiseActionForm
    form_name = "action_form"
    success_message = "The action is raised in the action tracker from a recommendation of %(code)s."
    service_fields = {"source_id": "recommendation"}

    def get_form_kwargs(self):
        return {"recommendations": self.get_recommendations()}

    def save(self, form):
        data = form.cleaned_data
        recommendation = next((r for r in self.get_recommendations() if r.pk == data["recommendation"]), None)
        if recommendation is None:
            raise ValidationError({"recommendation": NOT_A_RECOMMENDATION_OF_THIS_REVIEW})
        services.raise_action(
            recommendation=recommendation,
            title=data["title"],
            description=data["description"],
            owner_agency=data["owner_agency"],
            lead_body=data["lead_body"],
            due_date=data["due_date"],
            by=self.request.user,
        )


class PublicationView(PracticeReviewFormView):
    section = "publication"
    form_class = PublicationForm
    form_name = "publication_form"
    success_message = "The publication of %(code)s is recorded."

    def save(self, form):
        data = form.cleaned_data
        services.set_publication(
            review=self.get_review(),
            planned_publication_on=data["planned_publication_on"],
            published_on=data["published_on"],
            override_reason=data["publication_override_reason"],
            by=self.request.user,
        )


class NotPublishedView(PracticeReviewFormView):
    section = "publication"
    form_class = NotPublishedForm
    form_name = "not_published_form"
    success_message = "The reason %(code)s is not published is recorded."

    def save(self, form):
        services.record_not_published(
            review=self.get_review(), reason=form.cleaned_data["not_published_reason"], by=self.request.user
        )


class ClosureView(PracticeReviewFormView):
    section = "publication"
    form_class = ClosureForm
    form_name = "closure_form"
    success_message = "%(code)s is closed."

    def save(self, form):
        data = form.cleaned_data
        services.close_review(
            review=self.get_review(), closed_on=data["closed_on"], reason=data["closure_reason"], by=self.request.user
        )


class DisseminationView(PracticeReviewFormView):
    section = "dissemination"
    form_class = DisseminationForm
    form_name = "dissemination_form"
    success_message = "The dissemination of the learning of %(code)s is recorded."

    def save(self, form):
        data = form.cleaned_data
        services.record_dissemination(
            review=self.get_review(),
            channel=data["channel"],
            date=data["date"],
            audience=data["audience"],
            people_reached=data["people_reached"],
            by=self.request.user,
        )


# The steps with a page of their own: editing a finding, a recommendation's status, and the confirmations.


class PracticeReviewStepView(LogsViewingMixin, CaseReviewEditorMixin, ServiceFormView):
    """A page of its own for one step of a practice review: GET shows the form (or the confirmation), POST does
    the step through its service and goes back to the review's page. Showing it is logged like opening the
    review's page, since it shows the review's records, and so is showing it again with its problems."""

    http_method_names = GET_AND_POST
    template_name = "reviews/practice_review_step.html"
    title = ""
    intro = ""
    button = ""
    danger = False
    # The section of the review's page it goes back to.
    section = ""

    def get_review(self):
        if not hasattr(self, "_review"):
            self._review = get_object_or_404(PracticeReview, pk=self.kwargs["pk"])
        return self._review

    def message_values(self, saved):
        return {"code": self.get_review()}

    def get_success_url(self, saved):
        return review_section_url(self.get_review(), self.section)

    def get_title(self):
        return self.title % {"code": self.get_review()}

    def details(self):
        """(label, text) pairs saying what the step is about."""
        return []

    def unavailable(self):
        """Why the step cannot be taken now ("" when it can): the page says so instead of showing the form. The
        service refuses it anyway, with the same message."""
        return ""

    def viewed_record(self):
        return {"practice_review": self.get_review()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            review=self.get_review(),
            back_url=self.get_success_url(None),
            title=self.get_title(),
            intro=self.intro,
            details=self.details(),
            unavailable=self.unavailable(),
            button=self.button,
            danger=self.danger,
            no_identifying_details=True,
            **kwargs,
        )


class FindingEditView(PracticeReviewStepView):
    section = "findings"
    form_class = FindingEditForm
    title = "Edit a finding of %(code)s"
    intro = "Change the learning point or the learning themes it is tagged with. The finding's history keeps both."
    button = "Save the finding"
    success_message = "The finding of %(code)s is saved."

    def get_finding(self):
        if not hasattr(self, "_finding"):
            self._finding = get_object_or_404(Finding, pk=self.kwargs["finding"], review=self.get_review())
        return self._finding

    def get_title(self):
        return f"Edit finding {self.get_finding().number} of {self.get_review()}"

    def get_form_kwargs(self):
        return {"finding": self.get_finding()}

    def unavailable(self):
        review = self.get_review()
        if review.closed_on:
            return services.FINDING_OF_A_CLOSED_REVIEW % {"code": review, "date": long_date(review.closed_on)}
        return ""

    def save(self, form):
        data = form.cleaned_data
        return services.edit_finding(
            finding=self.get_finding(), text=data["text"], themes=data["themes"], by=self.request.user
        )


class RecommendationStatusView(PracticeReviewStepView):
    form_class = RecommendationStatusForm
    intro = (
        "The partnership's decision on the recommendation, which the annual report states: open until it is done "
        "(the annual report says whether actions are raised from it and under way), complete once every action "
        "raised from it is closed in the action tracker, or not taken forward, with the reason."
    )
    button = "Save the status"
    success_message = "The status of the recommendation of %(code)s is saved."

    def get_recommendation(self):
        if not hasattr(self, "_recommendation"):
            self._recommendation = get_object_or_404(
                selectors.with_action_counts(Recommendation.objects.select_related("agency")),
                pk=self.kwargs["recommendation"],
                review=self.get_review(),
            )
        return self._recommendation

    def get_title(self):
        return f"Status of recommendation {self.get_recommendation().number} of {self.get_review()}"

    def get_success_url(self, saved):
        return review_section_url(self.get_review(), f"recommendation-{self.get_recommendation().pk}")

    def get_form_kwargs(self):
        recommendation = self.get_recommendation()
        return {"initial": {"status": recommendation.status, "response": recommendation.response}}

    def details(self):
        recommendation = self.get_recommendation()
        return [
            ("Recommendation", recommendation.text),
            ("Made to", recommendation.addressee),
            ("Status now", recommendation.standing),
            (
                "Actions in the tracker",
                f"{recommendation.actions_open} of {recommendation.actions_total} open"
                if recommendation.actions_total
                else "None raised yet",
            ),
        ]

    def save(self, form):
        data = form.cleaned_data
        return services.set_recommendation_status(
            recommendation=self.get_recommendation(),
            status=data["status"],
            response=data["response"],
            by=self.request.user,
        )


class DisseminationRemoveView(PracticeReviewStepView):
    """Asks before removing a dissemination recorded by mistake; only the POST removes it."""

    section = "dissemination"
    form_class = ConfirmForm
    title = "Remove a dissemination of %(code)s"
    intro = "Remove this record of how the learning was spread? Its history keeps it, with your name."
    button = "Remove the dissemination"
    danger = True
    success_message = "The dissemination is removed from %(code)s."

    def get_dissemination(self):
        if not hasattr(self, "_dissemination"):
            self._dissemination = get_object_or_404(
                Dissemination, pk=self.kwargs["dissemination"], practice_review=self.get_review()
            )
        return self._dissemination

    def details(self):
        dissemination = self.get_dissemination()
        details = [
            ("Channel", dissemination.get_channel_display()),
            ("Date", f"{dissemination.date:%-d %B %Y}"),
            ("Audience reached", dissemination.audience),
        ]
        if dissemination.people_reached is not None:
            details.append(("People", str(dissemination.people_reached)))
        return details

    def save(self, form):
        services.remove_dissemination(dissemination=self.get_dissemination(), by=self.request.user)


class UndoNotPublishedView(PracticeReviewStepView):
    """Takes back "not published": the review's publication is undecided again."""

    section = "publication"
    form_class = ReasonForm
    title = "Undo “not published” for %(code)s"
    intro = (
        "The review goes back to having no publication decision: its publication can then be set, or it can be "
        "recorded as not published again. The reason it was not published stays in its history."
    )
    button = "Undo “not published”"
    success_message = "%(code)s has no publication decision again."

    def get_form_kwargs(self):
        return {"label": "Why the decision not to publish is undone"}

    def details(self):
        reason = self.get_review().not_published_reason
        return [("Not published because", reason)] if reason else []

    def unavailable(self):
        review = self.get_review()
        if review.closed_on:
            return services.UNDO_NOT_PUBLISHED_OF_A_CLOSED_REVIEW % {
                "code": review,
                "date": long_date(review.closed_on),
            }
        if not review.not_published_reason:
            return services.NOT_RECORDED_AS_NOT_PUBLISHED % {"code": review}
        return ""

    def save(self, form):
        return services.undo_not_published(
            review=self.get_review(), reason=form.cleaned_data["reason"], by=self.request.user
        )


class ReopenView(PracticeReviewStepView):
    """Reopens a closed review: the business manager's alone (`permissions.can_reopen_reviews`)."""

    section = "publication"
    form_class = ReasonForm
    title = "Reopen %(code)s"
    intro = (
        "The review is open again: its findings can be changed, its publication decision taken back, and it is "
        "closed again from its page. The date and reason it was closed stay in its history."
    )
    button = "Reopen the review"
    success_message = "%(code)s is reopened."

    def has_role(self, roles):
        return permissions.can_reopen_reviews(roles)

    def get_form_kwargs(self):
        return {"label": "Why the review is reopened"}

    def details(self):
        review = self.get_review()
        if not review.closed_on:
            return []
        details = [("Closed on", f"{review.closed_on:%-d %B %Y}")]
        if review.closure_reason:
            details.append(("Closed with actions open because", review.closure_reason))
        return details

    def unavailable(self):
        review = self.get_review()
        return "" if review.closed_on else services.NOT_CLOSED % {"code": review}

    def save(self, form):
        return services.reopen_review(
            review=self.get_review(), reason=form.cleaned_data["reason"], by=self.request.user
        )


# Themes across reviews.


class ThemesView(CaseReviewReaderMixin, TemplateView):
    """Learning themes × the reviews commissioned in the last three years, with how many reviews and findings
    each theme has, the themes that recur most first."""

    template_name = "reviews/themes.html"

    def get_context_data(self, **kwargs):
        since = selectors.themes_since(today=timezone.localdate())
        return super().get_context_data(themes=selectors.themes_table(since=since, recurring_first=True), **kwargs)


# The deadlines dashboard.


class DeadlinesView(CaseReviewReaderMixin, TemplateView):
    template_name = "reviews/deadlines.html"

    def has_role(self, roles):
        return permissions.can_see_deadlines(roles)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            summary=selectors.deadline_summary(), deadlines=selectors.open_deadlines(), **kwargs
        )
