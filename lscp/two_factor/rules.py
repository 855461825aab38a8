"""Who may set up two-factor sign-in, and who must."""

from django.conf import settings

from ..roles import roles_for


def can_set_up_two_factor(roles):
    """The menu's rule (no query): business managers and chairs. Staff outside the Business managers group are
    let in by `may_set_up`, which sees the account."""
    return roles.is_manager or roles.is_chair


def may_set_up(user):
    """Any signed-in staff member or chair."""
    return user.is_authenticated and (user.is_staff or can_set_up_two_factor(roles_for(user)))


def is_required(user):
    """A business manager must use it when TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS is on. Costs no query for an
    account that is not staff (a business manager always is)."""
    return (
        settings.TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS
        and user.is_authenticated
        and (user.is_staff or user.is_superuser)
        and roles_for(user).is_manager
    )
