"""The Quality Assurance pages: the multi-agency audits (a list, and an audit's page from its theme to its findings
and actions, with a form per step) and the single-agency audits agencies share. The subgroup's members read them;
its chairs and the business manager record them (audits/permissions.py)."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views import View

from lscp.forms_page import GET_AND_POST, ServiceFormView
from lscp.roles import RoleRequiredMixin

from .. import permissions
from ..forms.audits import (
    AuditForm,
    FindingsForm,
    JudgementsForm,
    ParticipationForm,
    RaiseActionForm,
    RecommendationForm,
    SingleAgencyAuditForm,
)
from ..models import AuditParticipation, MultiAgencyAudit, SingleAgencyAudit
from ..selectors import audits as audit_selectors
from ..services import audits as audit_services


class AuditReaderMixin(RoleRequiredMixin):
    def has_role(self, roles):
        return permissions.can_see_audits(roles)


class AuditRecorderMixin(RoleRequiredMixin):
    def has_role(self, roles):
        return permissions.can_record_audits(roles)


def _audits():
    return MultiAgencyAudit.objects.select_related("priority", "earlier_audit")


class AuditListView(AuditReaderMixin, View):
    def get(self, request):
        return render(
            request,
            "audits/audits/audit_list.html",
            {"audits": audit_selectors.multi_agency_audits(), "can_record": permissions.can_record_audits(self.roles)},
        )


class AuditFormView(AuditRecorderMixin, ServiceFormView):
    """A new multi-agency audit, or an audit's details changed."""

    http_method_names = GET_AND_POST
    template_name = "audits/audits/audit_form.html"
    fields = ("theme", "priority", "kind", "earlier_audit", "scope", "planned_on", "held_on", "workshop_on")
    success_message = "The multi-agency audit “%(theme)s” is saved."

    def get_audit(self):
        if not hasattr(self, "_audit"):
            self._audit = get_object_or_404(_audits(), pk=self.kwargs["pk"]) if "pk" in self.kwargs else None
        return self._audit

    def make_form(self, data=None):
        audit = self.get_audit()
        initial = {name: getattr(audit, name) for name in self.fields} if audit and data is None else {}
        return AuditForm(data, initial=initial, audit=audit)

    def get_context_data(self, **kwargs):
        return super().get_context_data(audit=self.get_audit(), **kwargs)

    def save(self, form):
        return audit_services.save_audit(audit=self.get_audit(), by=self.request.user, **form.cleaned_data)

    def message_values(self, saved):
        return {"theme": saved.theme}

    def get_success_url(self, saved):
        return reverse("audits:audit", args=[saved.pk])


class AuditPageMixin:
    """The audit's page: what it has recorded so far, and the forms of the next steps for those who record."""

    template_name = "audits/audits/audit_detail.html"

    def get_audit(self):
        if not hasattr(self, "_audit"):
            self._audit = get_object_or_404(_audits(), pk=self.kwargs["pk"])
        return self._audit

    def get_recommendations(self):
        if not hasattr(self, "_recommendations"):
            self._recommendations = audit_selectors.recommendations(self.get_audit())
        return self._recommendations

    def quality_assurance_body(self):
        return min(permissions._quality_assurance_bodies(self.roles), default=None)

    def blank_forms(self):
        audit = self.get_audit()
        forms = {
            "participation_form": ParticipationForm,
            "findings_form": lambda: FindingsForm(
                initial={"strengths": audit.strengths, "areas_for_development": audit.areas_for_development}
            ),
            "recommendation_form": RecommendationForm,
        }
        if self.get_recommendations():
            forms["action_form"] = lambda: RaiseActionForm(
                recommendations=self.get_recommendations(), initial={"lead_body": self.quality_assurance_body()}
            )
        return forms

    def render_page(self, **forms):
        audit = self.get_audit()
        context = {
            "audit": audit,
            "participations": audit_selectors.participations(audit),
            "judgements": audit_selectors.judgements(audit),
            "distribution": audit_selectors.grade_distribution(audit),
            "change": audit_selectors.reaudit_change(audit),
            "recommendations": self.get_recommendations(),
            "can_record": permissions.can_record_audits(self.roles),
        }
        if context["can_record"]:
            for name, make in self.blank_forms().items():
                context[name] = forms.get(name) or make()
        return render(self.request, self.template_name, context)


class AuditDetailView(AuditPageMixin, AuditReaderMixin, View):
    def get(self, request, pk):
        return self.render_page()


class AuditStepView(AuditPageMixin, AuditRecorderMixin, ServiceFormView):
    """A form of the audit's page, posted: on success back to the page with a message; else the page with the
    form's problems on its fields, what was typed kept, and nothing saved (each service is one transaction)."""

    def message_values(self, saved):
        return {"audit": self.get_audit().theme}

    def get_success_url(self, saved):
        return reverse("audits:audit", args=[self.get_audit().pk])


class ParticipationView(AuditStepView):
    form_class = ParticipationForm
    form_name = "participation_form"
    success_message = "The agency taking part in “%(audit)s” and its number of cases are saved."

    def save(self, form):
        audit_services.set_participation(audit=self.get_audit(), by=self.request.user, **form.cleaned_data)


class FindingsView(AuditStepView):
    form_class = FindingsForm
    form_name = "findings_form"
    success_message = "The findings of “%(audit)s” are saved."

    def save(self, form):
        audit_services.record_findings(audit=self.get_audit(), by=self.request.user, **form.cleaned_data)


class RecommendationView(AuditStepView):
    form_class = RecommendationForm
    form_name = "recommendation_form"
    success_message = "The recommendation is added to “%(audit)s”."

    def save(self, form):
        audit_services.add_recommendation(audit=self.get_audit(), by=self.request.user, **form.cleaned_data)


class RaiseActionView(AuditStepView):
    form_class = RaiseActionForm
    form_name = "action_form"
    success_message = "The action is raised in the action tracker from a recommendation of “%(audit)s”."
    service_fields = {"source_id": "recommendation"}

    def get_form_kwargs(self):
        return {"recommendations": self.get_recommendations()}

    def save(self, form):
        data = dict(form.cleaned_data)
        recommendation = next((r for r in self.get_recommendations() if r.pk == data.pop("recommendation")), None)
        if recommendation is None:
            raise ValidationError({"recommendation": audit_services.RECOMMENDATION_NOT_OF_AUDIT})
        audit_services.raise_action(recommendation=recommendation, by=self.request.user, **data)


class JudgementsView(AuditRecorderMixin, ServiceFormView):
    """One agency's graded cases in the audit: a row per case."""

    http_method_names = GET_AND_POST
    template_name = "audits/audits/judgements.html"

    def get_participation(self):
        if not hasattr(self, "_participation"):
            self._participation = get_object_or_404(
                AuditParticipation.objects.select_related("audit", "agency"),
                audit_id=self.kwargs["pk"],
                agency_id=self.kwargs["agency_pk"],
            )
        return self._participation

    def make_form(self, data=None):
        participation = self.get_participation()
        graded = audit_selectors.judgements(participation.audit, agency=participation.agency)
        return JudgementsForm(data, judgements=graded, rows=participation.cases_audited)

    def get_context_data(self, **kwargs):
        return super().get_context_data(participation=self.get_participation(), **kwargs)

    def save(self, form):
        participation = self.get_participation()
        return audit_services.record_judgements(
            audit=participation.audit, agency=participation.agency, cases=form.cases(), by=self.request.user
        )

    def get_success_message(self, saved):
        return f"{len(saved)} graded case{'' if len(saved) == 1 else 's'} of {self.get_participation().agency} saved."

    def get_success_url(self, saved):
        return reverse("audits:audit", args=[self.kwargs["pk"]])


# Single-agency audits.


class SingleAgencyAuditListView(AuditReaderMixin, View):
    def get(self, request):
        return render(
            request,
            "audits/audits/single_agency_list.html",
            {
                "audits": audit_selectors.single_agency_audits(),
                "can_record": permissions.can_record_audits(self.roles),
            },
        )


class SingleAgencyAuditFormView(AuditRecorderMixin, ServiceFormView):
    """A new single-agency audit, or one's details changed."""

    http_method_names = GET_AND_POST
    template_name = "audits/audits/single_agency_form.html"
    fields = ("agency", "topic", "method", "date", "key_findings", "presented_to", "presented_at")
    success_message = "The single-agency audit “%(topic)s” of %(agency)s is saved."

    def get_audit(self):
        if not hasattr(self, "_audit"):
            self._audit = get_object_or_404(SingleAgencyAudit, pk=self.kwargs["pk"]) if "pk" in self.kwargs else None
        return self._audit

    def make_form(self, data=None):
        audit = self.get_audit()
        initial = {name: getattr(audit, name) for name in self.fields} if audit and data is None else {}
        return SingleAgencyAuditForm(data, initial=initial)

    def get_context_data(self, **kwargs):
        return super().get_context_data(audit=self.get_audit(), **kwargs)

    def save(self, form):
        return audit_services.save_single_agency_audit(
            audit=self.get_audit(), by=self.request.user, **form.cleaned_data
        )

    def message_values(self, saved):
        return {"topic": saved.topic, "agency": saved.agency}

    def get_success_url(self, saved):
        return reverse("audits:single_agency_audits")
