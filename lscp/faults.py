"""When the database cannot be reached: a plain "service unavailable" page (503, with Retry-After), not a 500.

Only a failure to reach the database counts: the error is Django's OperationalError or InterfaceError *and* the
connection it came from is not open (the attempt to connect failed, or the server went away and the driver closed
it). An error the database answered with on an open connection (a deadlock, a query cancelled, a constraint) is a
real fault in the product or the data, and stays a 500 with its traceback in the log.

`DatabaseUnavailableMiddleware` answers for errors raised by a view or while its template renders; `lscp.views.
server_error` (the 500 handler) answers the same for one raised elsewhere (another middleware). The page is
rendered from the settings alone: no request context, no session, no query.
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers

from .site import site_context

logger = logging.getLogger(__name__)


def database_unreachable(error):
    """Whether `error` says the database could not be reached, rather than that it refused what was asked."""
    if not isinstance(error, OperationalError | InterfaceError):
        return False
    return any(_not_open(connection) for connection in connections.all(initialized_only=True))


def _not_open(connection):
    raw = connection.connection
    # None: never connected (the attempt failed). psycopg2 sets `closed` once the server has gone away.
    return raw is None or bool(getattr(raw, "closed", 0))


def database_unavailable_response():
    """The 503 page, self-contained (templates/503.html), never cached, with Retry-After."""
    response = HttpResponse(render_to_string("503.html", site_context()), status=503)
    response["Retry-After"] = str(settings.DATABASE_DOWN_RETRY_AFTER)
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_unreachable(exception):
            return None  # a real fault: Django's 500, logged with its traceback
        logger.warning("The database could not be reached for %s: %s", request.path, exception)
        return database_unavailable_response()
