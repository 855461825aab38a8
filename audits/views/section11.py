"""Section 11 / 175 pages: partners complete their own agency's returns; the business manager and the lay members
scrutinise them and follow a cycle on its dashboard.

A partner's return is looked up with their agency in the query, so another agency's return answers 404, the same
as one that does not exist."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views import View

from lscp.downloads import file_download
from lscp.forms import add_service_errors
from lscp.roles import RoleRequiredMixin

from .. import permissions
from ..forms.section11 import ReturnForm, ScrutinyForm
from ..models import Cycle, EvidenceFile, Return, ReturnStatus, Scrutiny, StandardResponse, StandardSetKind
from ..selectors import section11 as section11_selectors
from ..services import section11 as section11_services
from ..services import section11_notices


def _returns():
    return Return.objects.select_related("agency", "cycle__standard_set", "submitted_by")


def _responses(agency_return):
    return list(
        StandardResponse.objects.filter(agency_return=agency_return)
        .select_related("standard")
        .prefetch_related(Prefetch("files", queryset=EvidenceFile.objects.order_by("uploaded_at", "pk")))
        .order_by("standard__number")
    )


def _scrutinies(agency_return):
    return list(Scrutiny.objects.filter(agency_return=agency_return).select_related("by").order_by("-recorded_at"))


class Section11IndexView(RoleRequiredMixin, View):
    """/section-11/: a partner's returns in the open cycles and before; for the scrutineers, every cycle."""

    template_name = "audits/section11/index.html"

    def has_role(self, roles):
        return permissions.can_use_section11(roles)

    def get(self, request):
        roles = self.roles
        agency_id = roles.agency_id if permissions.can_complete_returns(roles) else None
        return render(
            request,
            self.template_name,
            {
                "agency": roles.person.agency if agency_id else None,
                "open_cycles": section11_selectors.open_cycles_for(agency_id) if agency_id else [],
                "past_returns": section11_selectors.past_returns_for(agency_id) if agency_id else [],
                "scrutineer": permissions.can_scrutinise_returns(roles),
                "cycles": (
                    list(Cycle.objects.select_related("standard_set").order_by("-opens_on"))
                    if permissions.can_scrutinise_returns(roles)
                    else []
                ),
                "statuses": ReturnStatus,
            },
        )


class StartReturnView(RoleRequiredMixin, View):
    """Opening the agency's return in a cycle: made and pre-filled the first time, then the form."""

    def has_role(self, roles):
        return permissions.can_complete_returns(roles)

    def get(self, request, cycle_pk):
        """The link in the invitation and reminder e-mails: the return once started, else the Section 11 page with
        its Start button (a link never makes a return)."""
        cycle = get_object_or_404(Cycle, pk=cycle_pk, agencies=self.roles.agency_id)
        started = (
            Return.objects.filter(cycle=cycle, agency_id=self.roles.agency_id)
            .exclude(status=ReturnStatus.NOT_STARTED)
            .values_list("pk", flat=True)
            .first()
        )
        return redirect("audits:return", pk=started) if started else redirect("audits:section11")

    def post(self, request, cycle_pk):
        cycle = get_object_or_404(
            Cycle.objects.select_related("standard_set"), pk=cycle_pk, agencies=self.roles.agency_id
        )
        try:
            agency_return = section11_services.start_return(
                cycle=cycle, agency=self.roles.person.agency, by=request.user
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("audits:section11")
        if agency_return.started_from_id:
            messages.info(
                request,
                f"Your return has been filled in from your accepted return for {agency_return.started_from.cycle}: "
                "check each standard, and change what has changed since.",
            )
        return redirect("audits:return", pk=agency_return.pk)


class ReturnView(RoleRequiredMixin, View):
    """One return: the form while it is with its agency (for its representatives), read-only otherwise."""

    form_template = "audits/section11/return_form.html"
    detail_template = "audits/section11/return_detail.html"
    confirm_template = "audits/section11/return_confirm_submit.html"

    def has_role(self, roles):
        return permissions.can_use_section11(roles)

    def get_return(self):
        agency_return = get_object_or_404(_returns(), pk=self.kwargs["pk"])
        if not permissions.can_see_return(self.roles, agency_return):
            raise Http404("No such return.")
        return agency_return

    def render_form(self, agency_return, form, *, service_errors=()):
        return render(
            self.request,
            self.form_template,
            {
                "agency_return": agency_return,
                "form": form,
                "rows": form.rows,
                "service_errors": service_errors,
                "scrutinies": _scrutinies(agency_return),
                "kinds": StandardSetKind,
            },
        )

    def get(self, request, pk):
        agency_return = self.get_return()
        responses = _responses(agency_return)
        if permissions.can_edit_return(self.roles, agency_return):
            return self.render_form(agency_return, ReturnForm(responses=responses))
        return render(
            request,
            self.detail_template,
            {
                "agency_return": agency_return,
                "responses": responses,
                "scrutinies": _scrutinies(agency_return),
                "can_scrutinise": permissions.can_record_scrutiny(self.roles, agency_return),
            },
        )

    def post(self, request, pk):
        agency_return = self.get_return()
        if not permissions.is_own_return(self.roles, agency_return):
            raise Http404("No such return.")
        if "confirmed" in request.POST:
            return self.submit_confirmed(agency_return)
        responses = _responses(agency_return)
        form = ReturnForm(request.POST, request.FILES, responses=responses)
        if not permissions.can_edit_return(self.roles, agency_return):
            # Sent from a page opened before the return was submitted: keep what was typed, say why.
            form.is_valid()
            return self.render_form(
                agency_return, form, service_errors=[section11_services.not_editable_message(agency_return)]
            )
        if not form.is_valid():
            return self.render_form(agency_return, form)
        fields = ReturnForm.field_names(responses)
        try:
            section11_services.save_return_draft(agency_return=agency_return, answers=form.answers(), by=request.user)
        except ValidationError as error:
            rest = add_service_errors(form, error, fields=fields, others_on_form=False)
            return self.render_form(agency_return, form, service_errors=rest)
        if "submit" not in request.POST:
            messages.success(request, "Your draft was saved. Submit the return when every standard is ready.")
            return redirect("audits:return", pk=agency_return.pk)
        # Submitting cannot be undone: the first press saves the draft (its files included) and checks it, then asks;
        # only the confirmation submits.
        problems = section11_services.submission_problems(agency_return)
        if problems:
            # The draft is saved; what was typed stays on the page with a message under each standard.
            fresh = ReturnForm(request.POST, responses=_responses(agency_return))
            fresh.is_valid()
            rest = add_service_errors(fresh, ValidationError(problems), fields=fields, others_on_form=False)
            messages.warning(
                request,
                "Your answers were saved as a draft, but the return was not submitted: "
                "put right each problem listed, then submit it again.",
            )
            return self.render_form(agency_return, fresh, service_errors=rest)
        return render(
            request,
            self.confirm_template,
            {"agency_return": agency_return, "responses": _responses(agency_return)},
        )

    def submit_confirmed(self, agency_return):
        """The answer to "Submit your return?": submits the draft saved when the question was asked."""
        request = self.request
        try:
            section11_services.submit_return(agency_return=agency_return, by=request.user)
        except ValidationError as error:
            # Changed since the question was asked (submitted by a colleague, or a file removed): the page says why.
            for message in error.messages:
                messages.error(request, message)
            return redirect("audits:return", pk=agency_return.pk)
        messages.success(
            request,
            f"Your return for {agency_return.cycle} was submitted to the partnership. "
            "You will hear by e-mail when it has been scrutinised.",
        )
        return redirect("audits:return", pk=agency_return.pk)


class EvidenceDownloadView(RoleRequiredMixin, View):
    def has_role(self, roles):
        return permissions.can_use_section11(roles)

    def get(self, request, pk):
        evidence = get_object_or_404(EvidenceFile.objects.select_related("response__agency_return"), pk=pk)
        if not permissions.can_see_return(self.roles, evidence.response.agency_return):
            raise Http404("No such file.")
        return file_download(evidence.file, what="evidence")


class ScrutinyView(RoleRequiredMixin, View):
    """The scrutineers' page for one return: what the agency said, the scrutiny so far, and the decision."""

    template_name = "audits/section11/scrutiny.html"

    def has_role(self, roles):
        return permissions.can_scrutinise_returns(roles)

    def render_page(self, agency_return, form=None, service_errors=()):
        can_record = permissions.can_record_scrutiny(self.roles, agency_return)
        return render(
            self.request,
            self.template_name,
            {
                "agency_return": agency_return,
                "responses": _responses(agency_return),
                "scrutinies": _scrutinies(agency_return),
                "can_record": can_record,
                "form": form or (ScrutinyForm() if can_record else None),
                "service_errors": service_errors,
            },
        )

    def get(self, request, pk):
        return self.render_page(get_object_or_404(_returns(), pk=pk))

    def post(self, request, pk):
        agency_return = get_object_or_404(_returns(), pk=pk)
        form = ScrutinyForm(request.POST)
        if not form.is_valid():
            return self.render_page(agency_return, form)
        try:
            scrutiny = section11_services.record_scrutiny(
                agency_return=agency_return, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            rest = add_service_errors(form, error, others_on_form=False)
            return self.render_page(agency_return, form, service_errors=rest)
        if scrutiny.outcome:
            messages.success(
                request,
                f"The return of {agency_return.agency} was {scrutiny.get_outcome_display().lower()}; "
                "its representatives have been told by e-mail.",
            )
            return redirect("audits:dashboard", cycle_pk=agency_return.cycle_id)
        messages.success(request, "Your scrutiny notes were saved; the return stays under scrutiny.")
        return redirect("audits:scrutiny", pk=agency_return.pk)


class DashboardView(RoleRequiredMixin, View):
    """A cycle at a glance: returns by status and the ratings grid (agency × standard)."""

    template_name = "audits/section11/dashboard.html"

    def has_role(self, roles):
        return permissions.can_scrutinise_returns(roles)

    def get(self, request, cycle_pk):
        cycle = get_object_or_404(Cycle.objects.select_related("standard_set"), pk=cycle_pk)
        return render(
            request,
            self.template_name,
            {
                "cycle": cycle,
                "by_status": section11_selectors.returns_by_status(cycle),
                "grid": section11_selectors.ratings_grid(cycle),
                "can_invite": permissions.can_invite_agencies(self.roles) and cycle.closes_on >= timezone.localdate(),
            },
        )


class InviteAgenciesView(RoleRequiredMixin, View):
    """ "Invite the agencies": the business manager sees who will be e-mailed (and who cannot be, with nobody who
    signs in), then confirms. Pressing it again e-mails only agencies not yet invited."""

    template_name = "audits/section11/invite.html"

    def has_role(self, roles):
        return permissions.can_invite_agencies(roles)

    def get_cycle(self):
        return get_object_or_404(Cycle.objects.select_related("standard_set"), pk=self.kwargs["cycle_pk"])

    def get(self, request, cycle_pk):
        cycle = self.get_cycle()
        return render(
            request,
            self.template_name,
            {
                "cycle": cycle,
                "plan": section11_notices.invitation_plan(cycle=cycle),
                "closed": cycle.closes_on < timezone.localdate(),
            },
        )

    def post(self, request, cycle_pk):
        cycle = self.get_cycle()
        try:
            done = section11_notices.invite_agencies(cycle=cycle)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("audits:dashboard", cycle_pk=cycle.pk)
        report_invitations(request, done)
        return redirect("audits:dashboard", cycle_pk=cycle.pk)


def report_invitations(request, done, *, cycle=None):
    """Tells the business manager what an invitation round did (the page and the admin action both use it)."""

    def names(agencies):
        return ", ".join(agency.name for agency in agencies) + (f" ({cycle})" if cycle else "")

    if done.to_invite:
        messages.success(
            request,
            f"Invitations sent to the representatives of {len(done.to_invite)} agencies: {names(done.to_invite)}.",
        )
    elif not done.failed:
        messages.info(request, "No invitation was sent: every agency that can be e-mailed has been invited already.")
    if done.without_representatives:
        messages.warning(
            request,
            "Not invited, because nobody at the agency signs in: "
            f"{names(done.without_representatives)}. Add a person with an account for each in the registry, "
            "then invite the agencies again.",
        )
    if done.failed:
        messages.error(
            request,
            f"The mail server refused the invitations to {names(done.failed)}: they are not recorded as sent. "
            "Try again later.",
        )
