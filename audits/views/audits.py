"""The Quality Assurance pages: the multi-agency audits (a list, and an audit's page from its theme to its findings
and actions, with a form per step) and the single-agency audits agencies share. The subgroup's members read them;
its chairs and the business manager record them (audits/permissions.py)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from lscp.forms import add_service_errors
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


class AuditFormView(AuditRecorderMixin, View):
    """A new multi-agency audit, or an audit's details changed."""

    template_name = "audits/audits/audit_form.html"

    def get_audit(self):
        return get_object_or_404(_audits(), pk=self.kwargs["pk"]) if "pk" in self.kwargs else None

    def render_form(self, form, audit):
        return render(self.request, self.template_name, {"form": form, "audit": audit})

    def get(self, request, **kwargs):
        audit = self.get_audit()
        initial = {}
        if audit is not None:
            initial = {
                name: getattr(audit, name)
                for name in ("theme", "priority", "kind", "earlier_audit", "scope", "planned_on", "held_on")
            }
            initial["workshop_on"] = audit.workshop_on
        return self.render_form(AuditForm(initial=initial, audit=audit), audit)

    def post(self, request, **kwargs):
        audit = self.get_audit()
        form = AuditForm(request.POST, audit=audit)
        if form.is_valid():
            try:
                audit = audit_services.save_audit(audit=audit, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"The multi-agency audit “{audit.theme}” is saved.")
                return redirect("audits:audit", pk=audit.pk)
        return self.render_form(form, audit)


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


class AuditStepView(AuditPageMixin, AuditRecorderMixin, View):
    """A form of the audit's page, posted: on success back to the page with a message; else the page with the
    form's problems on its fields, what was typed kept, and nothing saved (each service is one transaction)."""

    form_name = ""
    success_message = ""
    service_fields = {}

    def make_form(self):
        raise NotImplementedError

    def save(self, form):
        raise NotImplementedError

    def post(self, request, pk):
        form = self.make_form()
        if form.is_valid():
            try:
                self.save(form)
            except ValidationError as error:
                add_service_errors(form, error, fields={**{n: n for n in form.fields}, **self.service_fields})
            else:
                messages.success(request, self.success_message % {"audit": self.get_audit().theme})
                return redirect("audits:audit", pk=pk)
        return self.render_page(**{self.form_name: form})


class ParticipationView(AuditStepView):
    form_name = "participation_form"
    success_message = "The agency taking part in “%(audit)s” and its number of cases are saved."

    def make_form(self):
        return ParticipationForm(self.request.POST)

    def save(self, form):
        audit_services.set_participation(audit=self.get_audit(), by=self.request.user, **form.cleaned_data)


class FindingsView(AuditStepView):
    form_name = "findings_form"
    success_message = "The findings of “%(audit)s” are saved."

    def make_form(self):
        return FindingsForm(self.request.POST)

    def save(self, form):
        audit_services.record_findings(audit=self.get_audit(), by=self.request.user, **form.cleaned_data)


class RecommendationView(AuditStepView):
    form_name = "recommendation_form"
    success_message = "The recommendation is added to “%(audit)s”."

    def make_form(self):
        return RecommendationForm(self.request.POST)

    def save(self, form):
        audit_services.add_recommendation(audit=self.get_audit(), by=self.request.user, **form.cleaned_data)


class RaiseActionView(AuditStepView):
    form_name = "action_form"
    success_message = "The action is raised in the action tracker from a recommendation of “%(audit)s”."
    service_fields = {"source_id": "recommendation"}

    def make_form(self):
        return RaiseActionForm(self.request.POST, recommendations=self.get_recommendations())

    def save(self, form):
        data = dict(form.cleaned_data)
        recommendation = next((r for r in self.get_recommendations() if r.pk == data.pop("recommendation")), None)
        if recommendation is None:
            raise ValidationError({"recommendation": audit_services.RECOMMENDATION_NOT_OF_AUDIT})
        audit_services.raise_action(recommendation=recommendation, by=self.request.user, **data)


class JudgementsView(AuditRecorderMixin, View):
    """One agency's graded cases in the audit: a row per case."""

    template_name = "audits/audits/judgements.html"

    def get_participation(self):
        return get_object_or_404(
            AuditParticipation.objects.select_related("audit", "agency"),
            audit_id=self.kwargs["pk"],
            agency_id=self.kwargs["agency_pk"],
        )

    def make_form(self, participation, data=None):
        graded = audit_selectors.judgements(participation.audit, agency=participation.agency)
        return JudgementsForm(data, judgements=graded, rows=participation.cases_audited)

    def render_form(self, participation, form):
        return render(self.request, self.template_name, {"participation": participation, "form": form})

    def get(self, request, pk, agency_pk):
        participation = self.get_participation()
        return self.render_form(participation, self.make_form(participation))

    def post(self, request, pk, agency_pk):
        participation = self.get_participation()
        form = self.make_form(participation, request.POST)
        if form.is_valid():
            try:
                saved = audit_services.record_judgements(
                    audit=participation.audit, agency=participation.agency, cases=form.cases(), by=request.user
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    f"{len(saved)} graded case{'' if len(saved) == 1 else 's'} of {participation.agency} saved.",
                )
                return redirect("audits:audit", pk=pk)
        return self.render_form(participation, form)


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


class SingleAgencyAuditFormView(AuditRecorderMixin, View):
    template_name = "audits/audits/single_agency_form.html"
    fields = ("agency", "topic", "method", "date", "key_findings", "presented_to", "presented_at")

    def get_audit(self):
        return get_object_or_404(SingleAgencyAudit, pk=self.kwargs["pk"]) if "pk" in self.kwargs else None

    def render_form(self, form, audit):
        return render(self.request, self.template_name, {"form": form, "audit": audit})

    def get(self, request, **kwargs):
        audit = self.get_audit()
        initial = {name: getattr(audit, name) for name in self.fields} if audit else {}
        return self.render_form(SingleAgencyAuditForm(initial=initial), audit)

    def post(self, request, **kwargs):
        audit = self.get_audit()
        form = SingleAgencyAuditForm(request.POST)
        if form.is_valid():
            try:
                audit = audit_services.save_single_agency_audit(audit=audit, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"The single-agency audit “{audit.topic}” of {audit.agency} is saved.")
                return redirect("audits:single_agency_audits")
        return self.render_form(form, audit)
