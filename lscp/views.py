import sys

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string
from django.urls import resolve
from django.views import View
from django.views.generic import TemplateView

from lscp.dashboard import registered_panels
from lscp.faults import database_unavailable_response, database_unreachable
from lscp.navigation import doors_for
from lscp.roles import roles_for
from lscp.site import site_context
from lscp.stored_files import download_url_of


class HomeView(TemplateView):
    """One dashboard: the panels every installed app shows this user, in order (lscp/dashboard.py), and the links to
    every page their roles open (lscp/navigation.py); for the public, the partnership's open doors."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        roles = roles_for(self.request.user)
        panels = []
        for panel in registered_panels():
            context = panel.context(self.request, roles)
            if context is not None:
                panels.append(render_to_string(panel.template, {"roles": roles, **context}, request=self.request))
        # The pages this user's roles open, so that home leads everywhere their work is (lscp/navigation.py).
        return super().get_context_data(panels=panels, doors=doors_for(roles), **kwargs)


def health_check(request):
    """ "ok" from the web server, reading nothing: for a load balancer's health check, and the floor of the load
    benchmark (benchmarks/web_load.py), what the machine and the server cost before any page's own work."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def server_error(request):
    """The page for a server error: no request context and no database, which may be what failed. A database that
    could not be reached, in a middleware rather than a view, gets the "service unavailable" page (lscp/faults.py)."""
    if database_unreachable(sys.exc_info()[1]):
        return database_unavailable_response()
    return HttpResponseServerError(render_to_string("500.html", site_context()))


class StoredFileView(LoginRequiredMixin, View):
    """A stored file's own address (under MEDIA_URL) answers as the download page of the record holding the file,
    which decides whether this person may have it (lscp/stored_files.py): the same file or the same refusal."""

    def get(self, request, name):
        url = download_url_of(name)
        if url is None:
            raise Http404("No such file.")
        match = resolve(url)
        return match.func(request, *match.args, **match.kwargs)
