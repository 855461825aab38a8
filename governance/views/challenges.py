"""The challenge log's pages: the list of the challenges a user may follow, logging a challenge, one
challenge, and recording how it went on.

Who sees what is decided in one place, `governance.permissions.challenge_scope()` / `can_see_challenge()`: a partner
representative the challenges their agency raised or received, the business manager all. A challenge
between two other agencies is answered with 404, as if it did not exist: the page would otherwise tell
one agency that two others are in dispute. The agency challenged reads a challenge but gets 403 on its
edit page; only the agency that raised it (or the business manager) records its outcome.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, FormView, ListView

from lscp.forms import add_service_errors
from lscp.pagination import ForgivingPaginationMixin
from lscp.roles import RoleRequiredMixin

from .. import permissions
from ..forms.challenges import ChallengeFilterForm, LogChallengeForm, UpdateChallengeForm
from ..models import ChallengeLogEntry
from ..services import challenges as services


class ChallengeLogRequiredMixin(RoleRequiredMixin):
    """Partner representatives (chairs are partners too) and the business manager."""

    def has_role(self, roles):
        return permissions.can_use_challenge_log(roles)

    def visible_challenges(self):
        return ChallengeLogEntry.objects.filter(permissions.challenge_scope(self.roles)).select_related(
            "raised_by_agency", "agency_challenged", "raised_by_person"
        )

    def get_entry(self):
        """The challenge in the URL, or 404 if there is none this user may see."""
        if not hasattr(self, "_entry"):
            self._entry = get_object_or_404(self.visible_challenges(), pk=self.kwargs["pk"])
        return self._entry


class ChallengeListView(ForgivingPaginationMixin, ChallengeLogRequiredMixin, ListView):
    template_name = "governance/challenges/challenge_list.html"
    context_object_name = "challenges"
    paginate_by = 25

    def get_queryset(self):
        self.filters = ChallengeFilterForm(self.request.GET)
        return self.filters.filter(self.visible_challenges()).order_by("-raised_on", "-id")

    def get_context_data(self, **kwargs):
        return super().get_context_data(filters=self.filters, **kwargs)


class LogChallengeView(ChallengeLogRequiredMixin, FormView):
    template_name = "governance/challenges/challenge_form.html"
    form_class = LogChallengeForm

    def has_role(self, roles):
        return permissions.can_log_challenges(roles)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "own_agency_id": self.roles.agency_id}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            entry = services.log_challenge(
                raised_by=self.request.user,
                agency_challenged=data["agency_challenged"],
                issue=data["issue"],
                raised_on=data["raised_on"],
                stage=data["stage"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Your challenge to {entry.agency_challenged} was logged.")
        return redirect("governance:challenge", pk=entry.pk)


class ChallengeDetailView(ChallengeLogRequiredMixin, DetailView):
    template_name = "governance/challenges/challenge_detail.html"
    context_object_name = "challenge"

    def get_object(self, queryset=None):
        return self.get_entry()

    def get_context_data(self, **kwargs):
        return super().get_context_data(can_update=permissions.can_update_challenge(self.roles, self.object), **kwargs)


class UpdateChallengeView(ChallengeLogRequiredMixin, FormView):
    template_name = "governance/challenges/challenge_update.html"
    form_class = UpdateChallengeForm

    def has_role(self, roles):
        # Delegates and outsiders are refused before the challenge is looked up, so they learn nothing.
        return permissions.can_use_challenge_log(roles) and permissions.can_update_challenge(roles, self.get_entry())

    def get_initial(self):
        entry = self.get_entry()
        return {
            "stage": entry.stage,
            "outcome": entry.outcome,
            "impact": entry.impact,
            "closed_on": entry.closed_on,
            "resolution": entry.resolution,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(challenge=self.get_entry(), **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            entry = services.update_challenge(
                entry=self.get_entry(),
                by=self.request.user,
                stage=data["stage"],
                outcome=data["outcome"],
                impact=data["impact"],
                closed_on=data["closed_on"],
                resolution=data["resolution"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"The challenge to {self.get_entry().agency_challenged} was updated.")
        return redirect("governance:challenge", pk=entry.pk)
