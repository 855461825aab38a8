from django.db.models import Count, Q
from django.utils import timezone
from django.views.generic import TemplateView

from lscp.financial_year import FinancialYear
from lscp.roles import roles_for


class HomeView(TemplateView):
    """One dashboard, with a panel for each role the user holds."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        from governance.models import Action, AgencyStatement
        from partnership.models import Body, Meeting, MeetingStatus, Membership

        roles = roles_for(self.request.user)
        now = timezone.now()
        context = super().get_context_data(**kwargs)
        if roles.is_manager:
            year = FinancialYear.current()
            start, end = year.datetime_range()
            context["manager"] = Meeting.objects.aggregate(
                this_year=Count("pk", filter=Q(starts_at__gte=start, starts_at__lt=end)),
                held_this_year=Count(
                    "pk", filter=Q(starts_at__gte=start, starts_at__lt=end, status=MeetingStatus.HELD)
                ),
                coming=Count("pk", filter=Q(starts_at__gte=now, status=MeetingStatus.SCHEDULED)),
                awaiting_register=Count(
                    "pk", filter=Q(starts_at__lt=now, status=MeetingStatus.SCHEDULED), distinct=True
                ),
            )
            context["year"] = year
            context["statements_waiting"] = AgencyStatement.objects.filter(status="submitted").count()
        if roles.can_use_action_tracker:
            today = timezone.localdate()
            context["my_actions"] = (
                Action.objects.filter(roles.action_scope())
                .open()
                .aggregate(
                    open=Count("pk"),
                    overdue=Count("pk", filter=Q(due_date__lt=today)),
                )
            )
        if roles.is_chair:
            context["chaired_bodies"] = list(
                Body.objects.filter(pk__in=roles.chaired_body_ids).annotate(
                    awaiting_register=Count(
                        "meetings", filter=Q(meetings__starts_at__lt=now, meetings__status=MeetingStatus.SCHEDULED)
                    )
                )
            )
        if roles.is_partner:
            context["my_memberships"] = list(
                Membership.objects.current(on=timezone.localdate()).filter(person=roles.person).select_related("body")
            )
            context["my_statement"] = (
                AgencyStatement.objects.filter(agency_id=roles.agency_id, year=FinancialYear.current().previous)
                .only("status")
                .first()
            )
            context["statement_year"] = FinancialYear.current().previous
            body_ids = [m.body_id for m in context["my_memberships"]]
            context["my_meetings"] = list(
                Meeting.objects.filter(body_id__in=body_ids, starts_at__gte=now)
                .exclude(status=MeetingStatus.CANCELLED)
                .select_related("body")
                .order_by("starts_at")[:8]
            )
        return context
