from django.template.loader import render_to_string
from django.views.generic import TemplateView

from lscp.dashboard import registered_panels
from lscp.roles import roles_for


class HomeView(TemplateView):
    """One dashboard: the panels every installed app shows this user, in order (lscp/dashboard.py)."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        roles = roles_for(self.request.user)
        panels = []
        for panel in registered_panels():
            context = panel.context(self.request, roles)
            if context is not None:
                panels.append(render_to_string(panel.template, {"roles": roles, **context}, request=self.request))
        return super().get_context_data(panels=panels, **kwargs)
