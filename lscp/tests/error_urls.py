"""The site's URLs plus two that fail on purpose, for the error-page tests (`settings.ROOT_URLCONF`)."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from lscp.urls import urlpatterns as site_urlpatterns


def refuse(request):
    raise PermissionDenied


def fail(request):
    raise RuntimeError("a bug, for the 500 page")


handler500 = "lscp.views.server_error"

urlpatterns = [
    path("test-refused/", refuse),
    path("test-broken/", fail),
    *site_urlpatterns,
]
