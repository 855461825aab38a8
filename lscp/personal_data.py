"""What the shared part holds about a person (lscp/data_protection.py): their sign-in accounts, the log of their
sign-ins, and the changes they made to the partnership's records (each app's change history)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import CharField, Value

from .data_protection import (
    PersonalData,
    historical_models,
    in_years,
    protected_holders,
)
from .two_factor.services import remove_devices

ACCOUNT_STILL_ACTIVE = (
    "The account “%(username)s” can still sign in: deactivate it first (untick “Active” on the account), so "
    "that nothing is erased from under someone still working with the partnership."
)
ACCOUNT_NEEDS_SUPERUSER = (
    "The account “%(username)s” has powers only a superuser may change: ask a superuser to erase it."
)


def _accounts(subject):
    return get_user_model().objects.filter(pk__in=subject.user_ids).order_by("pk")


def accounts(subject):
    return [
        {
            "User name": user.get_username(),
            "First name": user.first_name,
            "Last name": user.last_name,
            "E-mail address": user.email,
            "Can sign in": user.is_active,
            "Roles": ", ".join(group.name for group in user.groups.all()),
            "Account made": user.date_joined,
            "Last signed in": user.last_login,
        }
        for user in _accounts(subject).prefetch_related("groups")
    ]


def account_blocks(subject, by):
    reasons = []
    for user in _accounts(subject):
        if user.is_active:
            reasons.append(ACCOUNT_STILL_ACTIVE % {"username": user.get_username()})
        elif (user.is_superuser or user.user_permissions.exists()) and by is not None and not by.is_superuser:
            reasons.append(ACCOUNT_NEEDS_SUPERUSER % {"username": user.get_username()})
    return reasons


def _sign_in_models():
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    return AccessLog, AccessFailureLog, AccessAttempt


@transaction.atomic
def erase_accounts(subject):
    """Each account (deactivated already: `account_blocks`) loses its name, e-mail address, password, roles and
    two-factor sign-in,
    and takes the user name "former-user-<number>", in the sign-in log too; the records that name it (the change
    history, who did what) then name no one. An account a log that must say who did it still names (the case
    review records opened) is left until that log is deleted."""
    anonymised, kept = [], []
    for user in _accounts(subject):
        held = protected_holders([user.pk])
        if held:
            kept.append((user, held))
            continue
        old, new = user.get_username(), f"former-user-{user.pk}"
        user.username, user.first_name, user.last_name, user.email = new, "", "", ""
        user.is_active, user.is_staff = False, False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        remove_devices(user)  # the authenticator's secret and the recovery codes go with the account
        for model in _sign_in_models():
            model.objects.filter(username=old).update(username=new)
        anonymised.append(user)
    said = []
    if anonymised:
        said.append(
            f"{len(anonymised)} anonymised (name, e-mail address, password, roles and two-factor sign-in removed)."
        )
    for user, held in kept:
        logs = ", ".join(f"{name} ({count})" for name, count in held)
        said.append(
            f"the account “{user.get_username()}” is kept as it is, as these records must say who did it: {logs}. "
            "Ask again once they are deleted."
        )
    return " ".join(said) or "nothing to do."


def sign_ins(subject):
    AccessLog, AccessFailureLog, _ = _sign_in_models()
    names = list(_accounts(subject).values_list("username", flat=True))
    rows = [
        {
            "What": "Signed in",
            "When": entry.attempt_time,
            "Signed out": entry.logout_time,
            "From the address": entry.ip_address,
            "Browser": entry.user_agent,
        }
        for entry in AccessLog.objects.filter(username__in=names).order_by("attempt_time")
    ]
    rows += [
        {
            "What": "Locked out after wrong passwords" if entry.locked_out else "Wrong password",
            "When": entry.attempt_time,
            "Signed out": None,
            "From the address": entry.ip_address,
            "Browser": entry.user_agent,
        }
        for entry in AccessFailureLog.objects.filter(username__in=names).order_by("attempt_time")
    ]
    return rows


def _sign_ins_kept():
    return (
        "The log of sign-ins protects the partnership's records from misuse: each entry is kept for "
        f"{in_years(settings.ACCESS_LOG_RETENTION_YEARS)}, then deleted. Once the account is anonymised, its entries "
        "carry the account's new name."
    )


def changes_made(subject):
    """Every change the person's accounts made to a record that keeps its change history: which kind of record,
    which one (its number), when, and what happened. One query, whatever the number of kinds of record."""
    if not subject.user_ids:
        return []
    what = {"+": "Created", "~": "Changed", "-": "Deleted"}
    kinds = [
        model.objects.filter(history_user_id__in=subject.user_ids)
        .annotate(record_kind=Value(str(model.instance_type._meta.verbose_name).capitalize(), output_field=CharField()))
        .values_list("id", "history_date", "history_type", "history_change_reason", "record_kind")
        .order_by()
        for model in historical_models()
    ]
    versions = kinds[0].union(*kinds[1:], all=True).order_by("history_date")
    return [
        {"Kind of record": kind, "Record number": pk, "When": when, "What": what.get(happened, ""), "Why": why or ""}
        for pk, when, happened, why, kind in versions
    ]


ACCOUNT_FIELDS = ("username", "first_name", "last_name", "email", "password", "last_login")

PERSONAL_DATA = [
    PersonalData(
        "lscp.accounts",
        "Sign-in accounts",
        accounts,
        erase=erase_accounts,
        erasure="Name, e-mail address, password, roles and two-factor sign-in removed; the user name becomes "
        "“former-user” and the account's number, so the records of what the account did name no one.",
        blocks=account_blocks,
        covers=tuple(f"auth.User.{name}" for name in ACCOUNT_FIELDS),
    ),
    PersonalData(
        "lscp.sign-ins",
        "Sign-ins and wrong passwords",
        sign_ins,
        kept_because=_sign_ins_kept,
    ),
    PersonalData(
        "lscp.changes-made",
        "Changes made to the partnership's records",
        changes_made,
        kept_because="The change history says who changed each of the partnership's records and when, as a public "
        "body's records must. Once the account is anonymised, it names no one.",
    ),
]
