"""The training records, one module per area: the course catalogue and its learning outcomes; the sessions a
course runs as; delegates and their bookings; evaluations before, after and months after a session; training
income."""

from .bookings import *  # noqa: F403
from .bookings import __all__ as _bookings_all
from .courses import *  # noqa: F403
from .courses import __all__ as _courses_all
from .evaluations import *  # noqa: F403
from .evaluations import __all__ as _evaluations_all
from .income import *  # noqa: F403
from .income import __all__ as _income_all
from .sessions import *  # noqa: F403
from .sessions import __all__ as _sessions_all

__all__ = [*_courses_all, *_sessions_all, *_bookings_all, *_evaluations_all, *_income_all]
