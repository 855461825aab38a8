"""The partnership's registry: boroughs, agencies, people, bodies, memberships, meetings and attendance."""

from .registry import *  # noqa: F403
from .registry import __all__ as __all__  # noqa: PLE0605
