"""A check the governance records share: dates of things that have already happened are refused in the future by
the fields' own validators (lscp.dates, `past_date`); the message is here for the modules that name it."""

from lscp.dates import DATE_IN_FUTURE

__all__ = ["DATE_IN_FUTURE"]
