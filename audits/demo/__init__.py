"""The quality assurance demo: Section 11 cycles and returns, the NRM multi-agency audit, single-agency audits and
a lay member (assurance.py, with its literals in assurance_data.py); the data set (dataset.py, with its literals in
dataset_data.py)."""

from . import assurance, dataset


def load(*, stdout):
    assurance.load(stdout=stdout)
    dataset.load(stdout=stdout)
