"""The action tracker's pages: the list of the actions a user answers for, an action with its progress,
adding a progress update, and downloading the evidence.

Who sees what is decided in one place, `governance.permissions.action_scope()` / `can_see_action()`: partner
representatives their agency's actions, chairs the actions of the bodies they chair, the business manager
all. An action outside a user's scope is answered with 404, as if it did not exist: the page would
otherwise confirm to one agency what another agency has been asked to do.
"""

import posixpath
from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, FormView, ListView, View

from lscp.downloads import file_download
from lscp.forms import add_service_errors
from lscp.pagination import ForgivingPaginationMixin
from lscp.roles import RoleRequiredMixin
from lscp.subqueries import row_count

from .. import action_sources, permissions
from ..forms.actions import ActionFilterForm, ProgressUpdateForm
from ..models import Action, ActionUpdate
from ..services import actions as action_services

# Each listed action's updates, counted and dated for the page of actions shown only (lscp/subqueries.py).
_updates = ActionUpdate.objects.filter(action=OuterRef("pk"))
_update_count = row_count(_updates, "action")
_last_update = Subquery(_updates.order_by("-date").values("date")[:1])


class ActionTrackerRequiredMixin(RoleRequiredMixin):
    """Partner representatives (chairs are partners too) and the business manager."""

    def has_role(self, roles):
        return permissions.can_use_action_tracker(roles)

    def visible_actions(self):
        return Action.objects.filter(permissions.action_scope(self.roles))

    def get_action(self):
        """The action in the URL, or 404 if there is none this user may see. The rule is `can_see_action`, the one
        the pages that link to an action check (`{% if roles|can_see_action:action %}`), so no link leads here in
        vain."""
        if not hasattr(self, "_action"):
            action = get_object_or_404(
                Action.objects.select_related("owner_agency", "owner_person", "lead_body"), pk=self.kwargs["pk"]
            )
            if not permissions.can_see_action(self.roles, action):
                raise Http404("No such action.")
            self._action = action
        return self._action


class ActionListView(ForgivingPaginationMixin, ActionTrackerRequiredMixin, ListView):
    template_name = "governance/actions/action_list.html"
    context_object_name = "actions"
    paginate_by = 25

    def get_queryset(self):
        self.today = timezone.localdate()
        self.filters = ActionFilterForm(self.request.GET, show_agency=self.roles.is_manager)
        queryset = (
            self.visible_actions()
            .select_related("owner_agency", "owner_person", "lead_body")
            .annotate(update_count=_update_count, last_update=_last_update)
            .order_by("due_date", "id")
        )
        return self.filters.filter(queryset, today=self.today)

    def get_context_data(self, **kwargs):
        soon = self.today + timedelta(days=action_services.DIGEST_WINDOW_DAYS)
        counts = (
            self.visible_actions()
            .open()
            .aggregate(
                overdue=Count("pk", filter=Q(due_date__lt=self.today)),
                due_soon=Count("pk", filter=Q(due_date__gte=self.today, due_date__lte=soon)),
            )
        )
        return super().get_context_data(filters=self.filters, counts=counts, today=self.today, soon=soon, **kwargs)


class ActionDetailView(ActionTrackerRequiredMixin, DetailView):
    template_name = "governance/actions/action_detail.html"
    context_object_name = "action"

    def get_object(self, queryset=None):
        return self.get_action()

    def get_context_data(self, **kwargs):
        action = self.object
        updates = list(action.updates.select_related("author").order_by("-date", "-created"))
        for update in updates:
            update.evidence_filename = posixpath.basename(update.evidence.name) if update.evidence else ""
        today = timezone.localdate()
        return super().get_context_data(
            today=today,
            soon=today + timedelta(days=action_services.DIGEST_WINDOW_DAYS),
            updates=updates,
            source=action_sources.source_on_page(action, self.roles),
            can_update=permissions.can_update_action(self.roles, action),
            **kwargs,
        )


class ProgressUpdateCreateView(ActionTrackerRequiredMixin, FormView):
    template_name = "governance/actions/progress_update_form.html"
    form_class = ProgressUpdateForm

    def has_role(self, roles):
        # Outsiders are refused before the action is looked up, so they learn nothing about it.
        return permissions.can_use_action_tracker(roles) and permissions.can_update_action(roles, self.get_action())

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "action": self.get_action()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(action=self.get_action(), **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        action = self.get_action()
        try:
            action_services.add_progress_update(
                action=action,
                author=self.request.user,
                date=data["date"],
                text=data["text"],
                evidence=data.get("evidence"),
                status=data.get("status") or None,
                rag=data.get("rag") or None,
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Your progress update on “{action}” was saved.")
        return redirect(reverse("governance:action", args=[action.pk]) + "#progress")


class EvidenceDownloadView(ActionTrackerRequiredMixin, View):
    """Evidence is not public: it is served only to those who may see the action, through this view."""

    def get(self, request, pk):
        update = get_object_or_404(ActionUpdate.objects.select_related("action"), pk=pk)
        if not permissions.can_see_action(self.roles, update.action):
            raise Http404("No such file.")
        return file_download(update.evidence, what="evidence")
