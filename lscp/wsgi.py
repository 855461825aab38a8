import os

from django.core.wsgi import get_wsgi_application

from lscp.stack_room import with_room

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscp.settings")
django_application = get_wsgi_application()


def application(environ, start_response):
    """Django's, each request drawn with room on Python's frame stack (lscp/stack_room.py)."""
    return with_room(django_application, environ, start_response)
