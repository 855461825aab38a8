"""Who may open the training pages. The public booking pages (calendar, course and session pages, booking, the
manage-my-booking and line-manager approval pages reached by signed link) are open to everyone, without an
account."""

from lscp.access import EVERYONE, Page  # noqa: F401

PAGES = {}
