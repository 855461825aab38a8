"""The case review records, one module per area: serious incidents and rapid reviews; practice reviews with their
findings, recommendations and dissemination; national reviews and inspection reports; the reminders sent; who
opened which record."""

from .incidents import *  # noqa: F403
from .incidents import __all__ as _incidents_all
from .practice import *  # noqa: F403
from .practice import __all__ as _practice_all
from .publications import *  # noqa: F403
from .publications import __all__ as _publications_all
from .reminders import *  # noqa: F403
from .reminders import __all__ as _reminders_all
from .viewings import *  # noqa: F403
from .viewings import __all__ as _viewings_all

__all__ = [*_incidents_all, *_practice_all, *_publications_all, *_reminders_all, *_viewings_all]
