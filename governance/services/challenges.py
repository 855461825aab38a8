"""The professional challenge and escalation log: a partner representative logs a challenge their agency
has raised with another agency, then records how far it went, its outcome and impact, and closes it.

The agency raising a challenge and the person raising it are always the representative's own, never
taken from a form. Only the agency that raised a challenge, or the business manager, changes it; the
agency challenged can read it. Whether a challenge is used as an example in the annual report is the
business manager's decision, made in the admin.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from lscp.roles import roles_for

from .. import permissions
from ..models import ChallengeLogEntry, ChallengeStage

CHALLENGE_NEEDS_AGENCY = (
    "Only a partner representative can log a challenge, in the name of their agency. "
    "Your account is not linked to an agency: ask the business manager."
)
CHALLENGE_AGENCY_NOT_ACTIVE = "%(agency)s is no longer a partner agency: choose one of the current agencies."
CHALLENGE_NOT_YOURS = "Only the agency that raised this challenge, or the business manager, can change it."
CHALLENGE_STAGE_GOES_BACK = (
    "The stage records how far the challenge went, so it cannot go back from “%(current)s” to “%(chosen)s”. "
    "If it was recorded wrongly, ask the business manager to correct it."
)

STAGE_ORDER = list(ChallengeStage)


def _locked(entry):
    """The challenge as it is in the database now, locked until the transaction ends."""
    return ChallengeLogEntry.objects.select_for_update().get(pk=entry.pk)


@transaction.atomic
def log_challenge(*, raised_by, agency_challenged, issue, raised_on, stage=ChallengeStage.BETWEEN_AGENCIES):
    """Logs a challenge raised by the user `raised_by`, in the name of their agency, with `agency_challenged`."""
    person = roles_for(raised_by).person
    if person is None:
        raise ValidationError(CHALLENGE_NEEDS_AGENCY)
    if agency_challenged is not None and not agency_challenged.active:
        raise ValidationError({"agency_challenged": CHALLENGE_AGENCY_NOT_ACTIVE % {"agency": agency_challenged}})
    entry = ChallengeLogEntry(
        raised_by_person=person,
        raised_by_agency_id=person.agency_id,
        agency_challenged=agency_challenged,
        issue=(issue or "").strip(),
        raised_on=raised_on,
        stage=stage,
    )
    entry._history_user = raised_by
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def update_challenge(*, entry, by, stage, outcome, impact, closed_on, resolution):
    """Records how a challenge went on: its stage, outcome and impact, and, to close it, the date it closed
    and how it was settled (both, or neither to keep it open). Leaves `publish_as_example` alone."""
    roles = roles_for(by)
    entry = _locked(entry)
    if not permissions.can_update_challenge(roles, entry):
        raise ValidationError(CHALLENGE_NOT_YOURS)
    # Partners escalate; only the business manager corrects a stage that was recorded too high.
    if (
        not roles.is_manager
        and stage in STAGE_ORDER
        and STAGE_ORDER.index(stage) < STAGE_ORDER.index(ChallengeStage(entry.stage))
    ):
        raise ValidationError(
            {
                "stage": CHALLENGE_STAGE_GOES_BACK
                % {"current": entry.get_stage_display(), "chosen": ChallengeStage(stage).label}
            }
        )
    entry.stage = stage
    entry.outcome = (outcome or "").strip()
    entry.impact = (impact or "").strip()
    entry.closed_on = closed_on
    entry.resolution = resolution or ""
    entry._history_user = by
    entry.full_clean()
    entry.save()
    return entry
