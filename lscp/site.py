"""The partnership's own name, as every page, e-mail and report gives it (settings.PARTNERSHIP_NAME)."""

from django.conf import settings

# The name shown when PARTNERSHIP_NAME is not set: a generic product names no real partnership.
DEFAULT_PARTNERSHIP_NAME = "Local Safeguarding Children Partnership"


def partnership_name():
    return (getattr(settings, "PARTNERSHIP_NAME", "") or "").strip() or DEFAULT_PARTNERSHIP_NAME


def partnership_short_name():
    """For the navigation bar, where the full name of a partnership of several boroughs would not fit."""
    return (getattr(settings, "PARTNERSHIP_SHORT_NAME", "") or "").strip() or partnership_name()


def site_context(request=None):
    """Needs no request and no database, so the page for a server error can use it too."""
    return {"partnership_name": partnership_name(), "partnership_short_name": partnership_short_name()}
