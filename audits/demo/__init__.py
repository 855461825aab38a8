"""The quality assurance demo: Section 11 cycles and returns, the NRM multi-agency audit, single-agency audits and
a lay member (assurance.py, with its literals in assurance_data.py)."""

from . import assurance


def load(*, stdout):
    assurance.load(stdout=stdout)
