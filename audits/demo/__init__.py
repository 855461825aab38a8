"""The quality assurance records' demo data, one module per area (the data set: dataset.py)."""

from . import dataset


def load(*, stdout):
    dataset.load(stdout=stdout)
