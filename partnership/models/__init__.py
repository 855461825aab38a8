"""The partnership app's models, one module per area: the registry of the partnership (boroughs,
agencies, people, bodies, memberships, meetings, attendance) and, beside it, the governance records:
priorities and their activities, the shared action tracker, the challenge log, the voice of the child,
partners' statements, finance and the glossary."""

from .actions import *  # noqa: F403
from .actions import __all__ as _actions_all
from .finance import *  # noqa: F403
from .finance import __all__ as _finance_all
from .governance import *  # noqa: F403
from .governance import __all__ as _governance_all
from .priorities import *  # noqa: F403
from .priorities import __all__ as _priorities_all
from .registry import *  # noqa: F403
from .registry import __all__ as _registry_all

__all__ = list(_registry_all) + list(_priorities_all) + list(_actions_all) + list(_governance_all) + list(_finance_all)
