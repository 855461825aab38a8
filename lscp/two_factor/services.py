"""Two-factor sign-in's writes (set up, new recovery codes, turn off, reset) and the checks of a code typed.

Every change to someone's two-factor sign-in is written in their account's history (the admin's log, which the
account's *History* shows): who did it and what.
"""

import logging
import re
import secrets
import time
from base64 import b32encode
from binascii import unhexlify
from dataclasses import dataclass
from datetime import datetime

from django.contrib.admin.models import CHANGE, LogEntry
from django.core.exceptions import ValidationError
from django.db import transaction
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

logger = logging.getLogger(__name__)

AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_CODES_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10
# Recovery codes are numbers, as the authenticator's codes are, so that one box (a phone's number pad) takes either:
# six digits are the app's code, eight a recovery code.
APP_CODE_DIGITS = 6
RECOVERY_CODE_DIGITS = 8

WRONG_SET_UP_CODE = (
    "That code does not match. Check that the app added this account (scan the picture again or type the key), "
    "then type the 6-digit code it shows now."
)

SET_UP = "Two-factor sign-in set up: authenticator app and recovery codes."
NEW_RECOVERY_CODES = "Two-factor sign-in: new recovery codes made (the old ones no longer work)."
TURNED_OFF = "Two-factor sign-in turned off."
RESET = "Two-factor sign-in reset: authenticator app and recovery codes removed; they must set it up again."


def normalised_code(typed):
    """The digits of a code as typed (spaces and hyphens dropped: "1234 5678"), or None if it is not six or eight
    digits."""
    code = re.sub(r"[\s-]", "", typed or "")
    if re.fullmatch(rf"[0-9]{{{APP_CODE_DIGITS}}}|[0-9]{{{RECOVERY_CODE_DIGITS}}}", code):
        return code
    return None


def has_two_factor(user):
    """Whether the user has set up an authenticator app (and so is asked for a code at every sign-in)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def new_secret():
    """A new authenticator secret (20 random bytes, hex): kept in the session until the first code confirms it."""
    return random_hex(20)


def authenticator_link(user, secret):
    """The otpauth:// address the QR code holds: the secret, the account's name and the partnership's."""
    return TOTPDevice(user=user, key=secret).config_url


def secret_for_typing(secret):
    """The secret as an authenticator app takes it typed: base 32, in groups of four."""
    text = b32encode(unhexlify(secret)).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def _time_step_matching(secret, code):
    """The time step whose code, from this secret, is `code`, allowing one step either way for a phone's clock;
    None if none is."""
    device = TOTPDevice(key=secret)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = time.time()
    if len(code) == device.digits and totp.verify(int(code), tolerance=1):
        return totp.t()
    return None


def _record(*, user, by, message):
    LogEntry.objects.log_actions(user_id=by.pk, queryset=[user], action_flag=CHANGE, change_message=message)


@transaction.atomic
def set_up_authenticator(*, user, secret, code):
    """Confirms a new authenticator app with its first code and makes a fresh set of recovery codes; any earlier
    app (an old phone) stops working. Returns (device, recovery codes)."""
    code = normalised_code(code)
    step = _time_step_matching(secret, code) if code else None
    if step is None:
        raise ValidationError(WRONG_SET_UP_CODE, code="wrong_code")
    TOTPDevice.objects.filter(user=user).delete()
    # last_t: the code that confirmed it cannot be used again to sign in.
    device = TOTPDevice(user=user, name=AUTHENTICATOR_NAME, key=secret, confirmed=True, last_t=step)
    device.full_clean()
    device.save()
    codes = _replace_recovery_codes(user)
    _record(user=user, by=user, message=SET_UP)
    logger.info("Two-factor sign-in set up by %s", user.get_username())
    return device, codes


def _replace_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_CODES_NAME, confirmed=True)
    codes = set()
    while len(codes) < RECOVERY_CODE_COUNT:
        codes.add(f"{secrets.randbelow(10**RECOVERY_CODE_DIGITS):0{RECOVERY_CODE_DIGITS}d}")
    codes = sorted(codes)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def make_recovery_codes(*, user):
    """Ten new recovery codes for someone who has set up two-factor sign-in; the old ones stop working."""
    if not has_two_factor(user):
        raise ValidationError("Set up two-factor sign-in first: the recovery codes come with it.", code="not_set_up")
    codes = _replace_recovery_codes(user)
    _record(user=user, by=user, message=NEW_RECOVERY_CODES)
    return codes


def remove_devices(user):
    """Removes the person's authenticator and recovery codes, unrecorded (an erased account's: the record would
    name them). Returns whether there was anything to remove."""
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    removed_codes, _ = StaticDevice.objects.filter(user=user).delete()
    return bool(removed or removed_codes)


@transaction.atomic
def turn_off(*, user):
    """The person's own choice (never a business manager's while it is required: the page says so)."""
    if remove_devices(user):
        _record(user=user, by=user, message=TURNED_OFF)
        logger.info("Two-factor sign-in turned off by %s", user.get_username())


@transaction.atomic
def reset(*, user, by):
    """A business manager removes someone's authenticator and recovery codes (a lost phone): they sign in with their
    password alone until they set it up again, which a business manager must do at once when it is required.
    Returns whether they had anything to remove."""
    if not remove_devices(user):
        return False
    _record(user=user, by=by, message=RESET)
    logger.warning("Two-factor sign-in of %s reset by %s", user.get_username(), by.get_username())
    return True


@dataclass(frozen=True)
class CodeCheck:
    """The answer to a code typed at sign-in: the device it matched, or why not."""

    device: object = None
    # Set when the device refuses to check any code yet, after wrong ones (django-otp's growing wait).
    wait_until: datetime | None = None
    used_recovery_code: bool = False


def check_code(*, user, code):
    """Checks a code typed at sign-in against the user's authenticator (six digits) or recovery codes (eight); a
    recovery code is used up. A device that had wrong codes just before refuses to check until its wait is over."""
    code = normalised_code(code)
    if code is None:
        return CodeCheck()
    model = TOTPDevice if len(code) == APP_CODE_DIGITS else StaticDevice
    with transaction.atomic():
        # Locked, so two tries at once cannot both use one recovery code or slip past the wait.
        device = model.objects.devices_for_user(user, confirmed=True).select_for_update().order_by("-pk").first()
        if device is None:
            return CodeCheck()
        allowed, refusal = device.verify_is_allowed()
        if not allowed:
            return CodeCheck(wait_until=(refusal or {}).get("locked_until"))
        if device.verify_token(code):
            return CodeCheck(device=device, used_recovery_code=model is StaticDevice)
    return CodeCheck()
