"""Fixtures for the tests of lscp alone."""

from lscp.tests.two_factor import chair_with_password, quick_passwords, two_factor_required  # noqa: F401
