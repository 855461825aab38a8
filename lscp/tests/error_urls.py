"""The site's URLs plus a few that fail on purpose, for the error-page tests (`settings.ROOT_URLCONF`)."""

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import path

from lscp.urls import urlpatterns as site_urlpatterns


def refuse(request):
    raise PermissionDenied


def fail(request):
    raise RuntimeError("a bug, for the 500 page")


def cancel_a_query(request):
    """An OperationalError the database answers with on an open connection: a query cancelled by its time limit."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 1")
        cursor.execute("SELECT pg_sleep(1)")


handler500 = "lscp.views.server_error"

urlpatterns = [
    path("test-refused/", refuse),
    path("test-broken/", fail),
    path("test-query-cancelled/", cancel_a_query),
    *site_urlpatterns,
]
