"""The quality assurance records, one module per area: multi- and single-agency audits; Section 11 and 175
standards, cycles, returns and their scrutiny; the data set of indicators and observations."""

from .dataset import *  # noqa: F403
from .dataset import __all__ as _dataset_all
from .multi_agency import *  # noqa: F403
from .multi_agency import __all__ as _multi_agency_all
from .section11 import *  # noqa: F403
from .section11 import __all__ as _section11_all

__all__ = [*_multi_agency_all, *_section11_all, *_dataset_all]
