"""The governance records, one module per area: priorities and their activities, the shared action tracker,
the challenge log, the voice of the child, partners' statements, finance and the glossary."""

from .actions import *  # noqa: F403
from .actions import __all__ as _actions_all
from .challenges import *  # noqa: F403
from .challenges import __all__ as _challenges_all
from .finance import *  # noqa: F403
from .finance import __all__ as _finance_all
from .glossary import *  # noqa: F403
from .glossary import __all__ as _glossary_all
from .listening import *  # noqa: F403
from .listening import __all__ as _listening_all
from .policies import *  # noqa: F403
from .policies import __all__ as _policies_all
from .priorities import *  # noqa: F403
from .priorities import __all__ as _priorities_all
from .statements import *  # noqa: F403
from .statements import __all__ as _statements_all

__all__ = [
    *_priorities_all,
    *_actions_all,
    *_challenges_all,
    *_listening_all,
    *_statements_all,
    *_glossary_all,
    *_finance_all,
    *_policies_all,
]
