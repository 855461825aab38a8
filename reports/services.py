"""Writes for the annual report: create it, write its chapters, build, approve and publish it, and send it on."""

import hashlib
import logging
import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from lscp import job_locks
from lscp.background import queue_after_commit, start
from lscp.dates import long_date

from .models import (
    WAITING_FOR_A_WORKER,
    WAITING_FOR_THE_JOB_SERVICE,
    AnnualReport,
    BuildStatus,
    CheckSetAside,
    NarrativeSection,
    ReportBuild,
    ReportDuty,
    ReportRecipient,
    ReportStatus,
    SentHow,
)
from .sections import narrative_sections, section_by_key
from .selectors import business_manager_addresses, report_chapters

logger = logging.getLogger(__name__)

REPORT_EXISTS = "There is already an annual report for %(year)s."
NOT_A_NARRATIVE = "“%(key)s” is not a chapter people write."
ONLY_DRAFTS_EDITABLE = "The report for %(year)s is %(status)s; return it to draft before changing its chapters."
BUILD_NOT_FINISHED = "Publish a build that has finished successfully."
BUILD_OF_ANOTHER_REPORT = "That build belongs to another year's report."
PUBLISH_NEEDS_APPROVAL = "The partnership must approve the report before it is published."
BUILD_MADE_FROM_DRAFT = (
    "Build %(build)s was made while the report was a draft, and its cover says “Draft – not for publication”. "
    "Publish a build made after the partnership approved the report."
)
BUILD_OUT_OF_DATE = (
    "Build %(build)s was made before the chapters were last changed (%(edited)s); build the PDF again and publish that."
)
ONLY_DRAFTS_APPROVED = "Only a draft can be approved; this report is %(status)s."
APPROVAL_NEEDS_A_MEETING = "Choose the meeting of the Partnership or the Executive that agreed the report."
MEETING_CANNOT_APPROVE = (
    "%(meeting)s was a meeting of the %(body)s: only the Partnership or the Executive approves the annual report."
)
MEETING_NOT_YET_HELD = "The meeting on %(date)s has not been held yet: record the approval after it."
MEETING_CANCELLED = "The meeting on %(date)s was cancelled."
MEETING_BEFORE_THE_YEAR = "The meeting on %(date)s was before %(year)s began, so it cannot have agreed its report."
ALREADY_DRAFT = "The report is already a draft."
WORKER_DIED_TOO_OFTEN = (
    "The build stopped %(attempts)s times because its worker process died (often: not enough memory). "
    "It will not be tried again; ask your administrator to check the workers."
)
MAX_BUILD_ATTEMPTS = 3
SAVED_MEANWHILE = (
    "%(who)s saved this chapter at %(when)s, while you were writing. Your text has not been saved: it is still in "
    "the box, with theirs beside it. Bring into yours what you want to keep of theirs, then save again."
)
CHECKS_FAILING = (
    "%(count)s check%(plural)s before approval still fail%(verb)s: %(problems)s. Fix each on the approval page, "
    "or set it aside there with a reason."
)
CHECK_NOT_FAILING = "That check does not fail now: there is nothing to set aside."
CHECK_MUST_BE_FIXED = "That problem must be fixed, not set aside: %(text)s"
SET_ASIDE_NEEDS_REASON = "Say why the report can be approved as it is."
PLACEHOLDERS_LEFT = "Remove the unfinished placeholders first: %(where)s."
CHAPTERS_UNWRITTEN = "These chapters have not been written yet: %(titles)s."

# Words published annual reports were printed with by mistake.
PLACEHOLDER_PATTERN = re.compile(r"\bx{3,}\b|\(\s*tbc\s*\)|\btbc\b|\[\s*insert\b|\btbd\b|\?\?\?", re.IGNORECASE)


@transaction.atomic
def create_report(*, year, title="", created_by=None):
    if AnnualReport.objects.filter(year=year).exists():
        raise ValidationError(REPORT_EXISTS, params={"year": year}, code="exists")
    report = AnnualReport(year=year, title=title)
    report.full_clean()
    report.save()
    ensure_narratives(report)
    return report


def _bodies_named(names):
    """The body each `Section.written_by` name means: the body of exactly that name, else the shortest current
    one whose name contains it (any case). Names that match no body are left out."""
    from partnership.models import Body

    names = {name for name in names if name}
    if not names:
        return {}
    matching = Q()
    for name in names:
        matching |= Q(name__icontains=name)
    bodies = list(Body.objects.filter(matching).only("pk", "name", "active_to"))
    today = timezone.localdate()
    found = {}
    for name in names:
        wanted = name.casefold()
        candidates = [body for body in bodies if wanted in body.name.casefold()]
        if candidates:
            found[name] = min(
                candidates,
                key=lambda b: (
                    b.name.casefold() != wanted,
                    b.active_to is not None and b.active_to < today,
                    len(b.name),
                    b.name,
                ),
            )
    return found


def ensure_narratives(report):
    """Gives the report a row for every narrative chapter the section registry asks for now, so that a chapter
    an app registers after the report was started can be written and cannot be skipped. Each new row starts
    with its section's `written_by` body. One query when nothing is missing; returns the rows it made."""
    return ensure_narratives_of([report])


def ensure_narratives_of(reports):
    """`ensure_narratives` for several reports at once (the chairs' list of draft chapters): one query when
    nothing is missing, however many reports."""
    sections = narrative_sections()
    reports = list(reports)
    if not sections or not reports:
        return []
    existing = set(
        NarrativeSection.objects.filter(report__in=reports, key__in=[s.key for s in sections]).values_list(
            "report_id", "key"
        )
    )
    missing = [(report, s) for report in reports for s in sections if (report.pk, s.key) not in existing]
    if not missing:
        return []
    bodies = _bodies_named({s.written_by for _, s in missing})
    rows = [
        NarrativeSection(report=report, key=s.key, title=s.title, written_by=bodies.get(s.written_by))
        for report, s in missing
    ]
    try:
        with transaction.atomic():
            return bulk_create_with_history(rows, NarrativeSection)
    except IntegrityError:
        # Another request made the same rows a moment ago: they exist, which is all that was needed.
        return []


class ChapterSavedMeanwhile(ValidationError):
    """Someone else saved the chapter after the form being sent back was opened; `narrative` is their save."""

    def __init__(self, narrative):
        who = narrative.last_edited_by
        name = (who.get_full_name() or who.username) if who else "Someone else"
        when = long_date(narrative.last_edited_at, with_time=True) if narrative.last_edited_at else "a moment ago"
        super().__init__(SAVED_MEANWHILE, code="saved_meanwhile", params={"who": name, "when": when})
        self.narrative = narrative


def check_not_saved_meanwhile(narrative, *, text, based_on_version):
    """Refuses (ChapterSavedMeanwhile) a text written over version `based_on_version` of the chapter when someone
    has saved it since, unless the text is theirs exactly. `based_on_version=None`: no form, nothing to check."""
    if based_on_version is not None and narrative.version != based_on_version and narrative.text != text:
        raise ChapterSavedMeanwhile(narrative)


@transaction.atomic
def save_narrative(*, report, key, text, edited_by, based_on_version=None):
    """Saves a chapter's text. Who may write which chapter is `permissions.can_write_chapter`, asked by the view.
    `based_on_version`: the chapter's `version` when the form was opened; a save over a text someone else saved
    since is refused with theirs (`ChapterSavedMeanwhile`), so two people writing at once never lose a word."""
    section = section_by_key(key)
    if section is None or not section.narrative:
        raise ValidationError(NOT_A_NARRATIVE, params={"key": key})
    # The status is read again under the report's lock: an approval that lands while someone types wins.
    report.refresh_from_db(from_queryset=AnnualReport.objects.select_for_update())
    if report.status != ReportStatus.DRAFT:
        raise ValidationError(ONLY_DRAFTS_EDITABLE, params={"year": report.year, "status": report.get_status_display()})
    ensure_narratives(report)
    narrative = NarrativeSection.objects.select_related("last_edited_by").get(report=report, key=key)
    check_not_saved_meanwhile(narrative, text=text, based_on_version=based_on_version)
    narrative.title = section.title
    narrative.version += 1
    narrative.text = text
    narrative.last_edited_by = edited_by
    narrative.last_edited_at = timezone.now()
    narrative.full_clean()
    narrative.save()
    return narrative


def request_build(*, report, requested_by=None):
    """Queues a build; the job starts only once this transaction has committed, on a worker or (without one) in the
    background, never in the request that asks for it (lscp/background.py). If the job service (Redis) cannot be
    reached the build stays queued, saying it waits for the job service, and `send_builds_left_waiting` sends it
    once the service is back."""
    from .tasks import build_annual_report

    with transaction.atomic():
        build = ReportBuild.objects.create(report=report, requested_by=requested_by, stage=WAITING_FOR_A_WORKER)
        queue_after_commit(build_annual_report, build.pk, if_not_sent=lambda: _left_waiting(build.pk))
    return build


def _left_waiting(build_id):
    ReportBuild.objects.filter(pk=build_id, status=BuildStatus.QUEUED).update(stage=WAITING_FOR_THE_JOB_SERVICE)


def send_builds_left_waiting():
    """Sends to the workers the builds whose job could not be sent when they were asked for, oldest first (Celery
    beat, every few minutes, and each worker as it starts). Each build is claimed before it is sent, so two rounds at
    once never send one twice; if the job service is still down, the build is left waiting again and the round
    stops. Returns how many were sent."""
    from .tasks import build_annual_report

    waiting = ReportBuild.objects.filter(status=BuildStatus.QUEUED, stage=WAITING_FOR_THE_JOB_SERVICE)
    sent = 0
    for build_id in waiting.order_by("queued_at", "pk").values_list("pk", flat=True):
        if not waiting.filter(pk=build_id).update(stage=WAITING_FOR_A_WORKER):
            continue  # another round has it
        if start(build_annual_report, build_id, if_not_sent=lambda build_id=build_id: _left_waiting(build_id)) is None:
            break
        sent += 1
    if sent:
        logger.info("Sent %s annual report build%s left waiting for the job service.", sent, "" if sent == 1 else "s")
    return sent


def _set_progress(build, progress, stage, **fields):
    ReportBuild.objects.filter(pk=build.pk).update(progress=progress, stage=stage, **fields)


class BuildHeldElsewhere(Exception):
    """Another worker holds the build: it is building it now, or it died so lately that PostgreSQL has not yet let
    its session go. The job tries again later; by then the build is finished (and left) or free to start afresh."""


def run_build(*, build_id):
    """Builds the PDF for a queued build. Safe to run again, and on two workers at once: a finished build is left as
    it is, a build another worker is building now is left to it, and a build whose worker died part-way is started
    afresh. The file is stored whole before the build is marked succeeded, so no half-written PDF is ever served."""
    with job_locks.held("reports.build", build_id) as ours:
        if not ours:
            build = ReportBuild.objects.select_related("report").get(pk=build_id)
            if build.is_finished:
                return build
            raise BuildHeldElsewhere(f"Annual report build {build_id} is being built by another worker.")
        return _run_held_build(build_id)


def _run_held_build(build_id):
    from .rendering import build_pdf

    build = ReportBuild.objects.select_related("report").get(pk=build_id)
    if build.is_finished:
        return build
    # What the cover will say (draft, approved, published) is the report's status as it is read now.
    made_from_status = build.report.status
    if build.attempts >= MAX_BUILD_ATTEMPTS:
        # Delivered again after its worker died each time: a report that kills workers must not loop forever.
        ReportBuild.objects.filter(pk=build.pk).update(
            status=BuildStatus.FAILED,
            finished_at=timezone.now(),
            stage="Failed",
            error=WORKER_DIED_TOO_OFTEN % {"attempts": build.attempts},
        )
        build.refresh_from_db()
        return build
    # Claimed as it was read (queued, or left running by a dead worker, after so many attempts): a delivery that
    # finds it changed meanwhile leaves it, as send_builds_left_waiting leaves a build another round has sent.
    claimed = ReportBuild.objects.filter(
        pk=build.pk, status__in=[BuildStatus.QUEUED, BuildStatus.RUNNING], attempts=build.attempts
    ).update(
        status=BuildStatus.RUNNING,
        started_at=timezone.now(),
        attempts=build.attempts + 1,
        progress=5,
        stage="Gathering the records",
    )
    if not claimed:
        build.refresh_from_db()
        return build
    try:
        pdf, pages, timings = build_pdf(build.report)
        _set_progress(build, 90, "Storing the PDF")
        build.refresh_from_db()
        digest = hashlib.sha256(pdf).hexdigest()
        build.pdf.save(f"annual-report-{build.report.year.slug}.pdf", ContentFile(pdf), save=False)
        edition = timings.extra.get("html_edition")
        if edition:
            build.html_edition.save(
                f"annual-report-{build.report.year.slug}.html", ContentFile(edition.encode()), save=False
            )
        young_people = timings.extra.get("young_people_pdf")
        if young_people:
            young_pdf, build.young_people_page_count = young_people
            build.young_people_pdf.save(
                f"annual-report-{build.report.year.slug}-for-young-people.pdf", ContentFile(young_pdf), save=False
            )
        build.status = BuildStatus.SUCCEEDED
        build.progress, build.stage = 100, "Ready"
        build.page_count, build.file_size, build.sha256 = pages, len(pdf), digest
        build.made_from_status = made_from_status
        build.gather_seconds, build.render_seconds = timings.gather_seconds, timings.render_seconds
        build.write_seconds, build.query_count = timings.write_seconds, timings.query_count
        build.finished_at = timezone.now()
        build.error = ""
        build.save()
    except Exception as error:  # a failed build is recorded with its reason; the published PDF is untouched
        logger.exception("Annual report build %s failed", build_id)
        ReportBuild.objects.filter(pk=build_id).update(
            status=BuildStatus.FAILED,
            finished_at=timezone.now(),
            stage="Failed",
            error=f"{type(error).__name__}: {error}"[:2000],
        )
        build.refresh_from_db()
    return build


def last_chapter_edit(report):
    return report.narratives.aggregate(last=Max("last_edited_at"))["last"]


def latest_publishable_build(report):
    """The newest successful build made from the approved report after the chapters were last changed, or None.
    A build made while the report was a draft is never publishable: its cover says it is a draft."""
    builds = report.builds.filter(
        status=BuildStatus.SUCCEEDED, made_from_status__in=[ReportStatus.APPROVED, ReportStatus.PUBLISHED]
    )
    last_edit = last_chapter_edit(report)
    if last_edit is not None:
        builds = builds.filter(queued_at__gte=last_edit)
    return builds.select_related("requested_by").order_by("-queued_at", "-pk").first()


def placeholder_problems(report, *, chapters=None):
    """Where unfinished placeholders (xxx, tbc, [insert …]) remain in the chapters people wrote. `chapters`:
    `selectors.report_chapters(report)` when the caller has it already."""
    problems = []
    for section, narrative in report_chapters(report) if chapters is None else chapters:
        found = PLACEHOLDER_PATTERN.search(narrative.text) if narrative is not None else None
        if found:
            problems.append(f"“{found.group(0)}” in {section.title}")
    return problems


def unwritten_chapters(report, *, chapters=None):
    """The titles of the registered narrative chapters that are still blank, in report order."""
    chapters = report_chapters(report) if chapters is None else chapters
    return [section.title for section, narrative in chapters if narrative is None or not narrative.is_written]


def check_approving_meeting(*, report, meeting):
    """Why `meeting` cannot be the one that approved `report`, as ValidationError: it must be a held (or past)
    meeting of the Partnership or the Executive, on or after the first day of the report's year."""
    from partnership.models import MeetingStatus

    from .selectors import APPROVING_BODY_KINDS

    if meeting is None:
        raise ValidationError(APPROVAL_NEEDS_A_MEETING, code="no_meeting")
    day = long_date(meeting.date)
    kinds = {meeting.body.kind, meeting.joint_with.kind if meeting.joint_with_id else None}
    if not kinds & set(APPROVING_BODY_KINDS):
        raise ValidationError(MEETING_CANNOT_APPROVE, params={"meeting": f"The meeting on {day}", "body": meeting.body})
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(MEETING_CANCELLED, params={"date": day})
    if not meeting.is_past:
        raise ValidationError(MEETING_NOT_YET_HELD, params={"date": day})
    if meeting.date < report.year.start:
        raise ValidationError(MEETING_BEFORE_THE_YEAR, params={"date": day, "year": report.year})


def failing_checks(report, *, problems=None):
    """The problems of the checks before approval that still stop it: each one not set aside (with its reason)
    for this report. `problems`: `checks.run_checks(report)` when the caller has them already."""
    from .checks import run_checks

    problems = run_checks(report) if problems is None else problems
    set_aside = set(report.checks_set_aside.values_list("key", flat=True))
    return [problem for problem in problems if not (problem.can_set_aside and problem.key in set_aside)]


@transaction.atomic
def set_aside_check(*, report, key, reason, by):
    """Records that a failing check does not stop approval, and why. Only a draft's checks, only a check that
    fails now and may be set aside (an unwritten chapter or a placeholder must be fixed)."""
    from .checks import run_checks

    report.refresh_from_db(from_queryset=AnnualReport.objects.select_for_update())
    if report.status != ReportStatus.DRAFT:
        raise ValidationError(ONLY_DRAFTS_EDITABLE, params={"year": report.year, "status": report.get_status_display()})
    if not reason.strip():
        raise ValidationError({"reason": SET_ASIDE_NEEDS_REASON})
    problem = next((p for p in run_checks(report) if p.key == key), None)
    if problem is None:
        raise ValidationError(CHECK_NOT_FAILING)
    if not problem.can_set_aside:
        raise ValidationError(CHECK_MUST_BE_FIXED, params={"text": problem.text})
    record, _ = CheckSetAside.objects.update_or_create(
        report=report, key=key, defaults={"reason": reason.strip(), "set_aside_by": by}
    )
    record.full_clean()
    return record


def restore_check(*, report, key):
    """Makes a check set aside stop approval again (the business manager changed their mind)."""
    report.checks_set_aside.filter(key=key).delete()


@transaction.atomic
def approve_report(*, report, approved_by, meeting):
    """Records the approval the partnership agreed at `meeting` (its date is the approval date the cover prints,
    never the day this is recorded) and queues the build to publish: only a build made from the approved report
    can be published, so approving makes one straight away (`report.builds.first()`)."""
    check_approving_meeting(report=report, meeting=meeting)
    report.refresh_from_db(from_queryset=AnnualReport.objects.select_for_update())
    if report.status != ReportStatus.DRAFT:
        raise ValidationError(ONLY_DRAFTS_APPROVED, params={"status": report.get_status_display().lower()})
    ensure_narratives(report)
    chapters = report_chapters(report)
    problems = placeholder_problems(report, chapters=chapters)
    if problems:
        raise ValidationError(PLACEHOLDERS_LEFT, params={"where": "; ".join(problems)})
    unwritten = unwritten_chapters(report, chapters=chapters)
    if unwritten:
        raise ValidationError(CHAPTERS_UNWRITTEN, params={"titles": ", ".join(unwritten)})
    failing = failing_checks(report)
    if failing:
        listed = "; ".join(problem.text.rstrip(".") for problem in failing[:3])
        more = f" and {len(failing) - 3} more" if len(failing) > 3 else ""
        raise ValidationError(
            CHECKS_FAILING,
            code="checks_failing",
            params={
                "count": len(failing),
                "plural": "s" if len(failing) != 1 else "",
                "verb": "" if len(failing) != 1 else "s",
                "problems": listed + more,
            },
        )
    report.status = ReportStatus.APPROVED
    report.approved_on = meeting.date
    report.approved_at = meeting
    report.approved_by = approved_by
    report.save()
    request_build(report=report, requested_by=approved_by)
    return report


@transaction.atomic
def return_to_draft(*, report):
    """Opens the chapters for a correction. A published report stays downloadable (its pinned build) until
    the corrected one is approved and published."""
    if report.status == ReportStatus.DRAFT:
        raise ValidationError(ALREADY_DRAFT)
    report.status = ReportStatus.DRAFT
    report.approved_on = None
    report.approved_at = None
    report.approved_by = None
    report.save()
    return report


@transaction.atomic
def publish_report(*, report, build=None, published_on=None):
    """Publishes the report: records the date and pins the build the public downloads."""
    if report.status == ReportStatus.DRAFT:
        raise ValidationError(PUBLISH_NEEDS_APPROVAL)
    if build is None:
        build = latest_publishable_build(report)
    if build is None or build.status != BuildStatus.SUCCEEDED:
        raise ValidationError(BUILD_NOT_FINISHED)
    if build.report_id != report.pk:
        raise ValidationError(BUILD_OF_ANOTHER_REPORT)
    if not build.is_made_from_approved_report:
        raise ValidationError(BUILD_MADE_FROM_DRAFT, params={"build": build.pk})
    last_edit = last_chapter_edit(report)
    if last_edit is not None and build.queued_at < last_edit:
        raise ValidationError(
            BUILD_OUT_OF_DATE,
            params={"build": build.pk, "edited": long_date(last_edit, with_time=True)},
        )
    newly_published = report.published_build_id != build.pk
    report.status = ReportStatus.PUBLISHED
    report.published_on = published_on or timezone.localdate()
    report.published_build = build
    report.save()
    if newly_published:
        start_duties(report=report)
    return report


# Sending the published report on: its duties.

DUTY_DAYS = 7  # Working Together 2018; the 2019 partnership arrangements: "within seven days of being published".
DUTY_ALREADY_DONE = "The report was already sent to %(recipient)s on %(date)s (%(how)s): it is not sent twice."
DUTY_HAS_NO_EMAIL = (
    "%(recipient)s has no e-mail address. Add it under Report recipients in the admin, or record how the report "
    "was sent."
)
DUTY_EMAIL_FAILED = "The e-mail to %(recipient)s could not be sent (%(error)s). Nothing was recorded: try again."
DUTY_NOT_PUBLISHED = "The report is not published: there is no public link to send."
SAY_HOW = "Say how the report was sent: by post, by hand at the board's meeting, through its portal …"
SENT_BEFORE_PUBLICATION = "The report was published on %(date)s: it cannot have been sent before then."


class DutyRemindersNotSent(Exception):
    """The mail server refused a reminder: the task is retried later (nothing was recorded for it)."""


@transaction.atomic
def start_duties(*, report):
    """Starts the published report's duties: one for each active recipient, due seven days after publication.

    A recipient already waiting for this report (a duty not yet done) gets no second one: it is sent the public
    link, which always serves the published build, so a correction published meanwhile reaches it anyway, by the
    first due date. A recipient the report was already sent to gets a new duty for the corrected publication. Run
    again for the same publication, it starts duties only for the recipients added since. Returns those started."""
    if not report.is_published:
        raise ValidationError(DUTY_NOT_PUBLISHED)
    started = ReportDuty.objects.filter(Q(sent_on__isnull=True) | Q(build_id=report.published_build_id), report=report)
    recipients = ReportRecipient.objects.filter(active=True).exclude(pk__in=started.values("recipient_id"))
    due_on = report.published_on + timedelta(days=DUTY_DAYS)
    duties = [
        ReportDuty(
            report=report,
            recipient=recipient,
            recipient_name=recipient.name,
            national=recipient.national,
            build_id=report.published_build_id,
            published_on=report.published_on,
            due_on=due_on,
        )
        for recipient in recipients
    ]
    return bulk_create_with_history(duties, ReportDuty) if duties else []


def public_links(report):
    """The published report's addresses, whole, for an e-mail: its PDF and its public page."""
    site = settings.SITE_URL.rstrip("/")
    return {
        "pdf_url": site + reverse("reports:published_pdf", args=[report.year]),
        "page_url": site + reverse("reports:report", args=[report.year]),
    }


def _duty_already_done(duty):
    how = duty.get_how_display().lower() if duty.how == SentHow.EMAIL else duty.how_described
    return ValidationError(
        DUTY_ALREADY_DONE,
        code="already_done",
        params={"recipient": duty.recipient_name, "date": long_date(duty.sent_on), "how": how},
    )


def _locked_duty(duty):
    """The duty read again under its row's lock: of two people pressing Send at once, the second finds it done."""
    return ReportDuty.objects.select_for_update(of=("self",)).select_related("report", "recipient").get(pk=duty.pk)


def send_duty_by_email(*, duty, sent_by):
    """E-mails the published report's public link to the duty's recipient and records it done, by whom and when.
    Refused when it was already done (whoever did it, however) or the recipient has no address. The record and the
    e-mail stand or fall together: an e-mail the mail server refuses records nothing."""
    from .rendering import partnership_name

    with transaction.atomic():
        duty = _locked_duty(duty)
        if duty.is_done:
            raise _duty_already_done(duty)
        report = duty.report
        if not report.is_published:
            raise ValidationError(DUTY_NOT_PUBLISHED)
        address = duty.recipient.email.strip()
        if not address:
            raise ValidationError(DUTY_HAS_NO_EMAIL, code="no_email", params={"recipient": duty.recipient_name})
        sender = (sent_by.get_full_name() or "") if sent_by else ""
        context = {
            "duty": duty,
            "report": report,
            "partnership": partnership_name(),
            "sender": sender,
            **public_links(report),
        }
        message = EmailMessage(
            subject=f"{partnership_name()}: {report.display_title}",
            body=render_to_string("reports/emails/report_to_recipient.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[address],
            reply_to=[sent_by.email] if sent_by and sent_by.email else None,
        )
        duty.sent_on = timezone.localdate()
        duty.how, duty.how_described, duty.sent_to = SentHow.EMAIL, "", address
        duty.sent_by, duty.recorded_at = sent_by, timezone.now()
        duty.full_clean(validate_constraints=False)
        duty.save()
        try:
            message.send()
        except Exception as error:
            logger.exception("The annual report could not be e-mailed to %s.", duty.recipient_name)
            raise ValidationError(
                DUTY_EMAIL_FAILED, code="not_sent", params={"recipient": duty.recipient_name, "error": error}
            ) from error
    return duty


@transaction.atomic
def record_duty_sent(*, duty, sent_by, how_described, sent_on=None):
    """Records the report as sent to the duty's recipient another way (`how_described`: by post, by hand …), on
    `sent_on` (today if not given), by `sent_by`. Refused when it was already done."""
    duty = _locked_duty(duty)
    if duty.is_done:
        raise _duty_already_done(duty)
    how_described = (how_described or "").strip()
    if not how_described:
        raise ValidationError({"how_described": SAY_HOW})
    sent_on = sent_on or timezone.localdate()
    if sent_on < duty.published_on:
        raise ValidationError({"sent_on": SENT_BEFORE_PUBLICATION % {"date": long_date(duty.published_on)}})
    duty.sent_on, duty.how, duty.how_described, duty.sent_to = sent_on, SentHow.OTHER, how_described, ""
    duty.sent_by, duty.recorded_at = sent_by, timezone.now()
    duty.full_clean(validate_constraints=False)
    duty.save()
    return duty


def duties_to_remind(*, today):
    """The duties not done whose reminder is due (REPORT_DUTY_REMINDER_DAYS before the due date, or later if the
    reminders did not run then) and not yet sent."""
    reminded_from = today + timedelta(days=settings.REPORT_DUTY_REMINDER_DAYS)
    return ReportDuty.objects.open().filter(reminder_sent_at__isnull=True, due_on__lte=reminded_from)


def send_duty_reminders(*, today=None):
    """E-mails the business managers, for each report, the recipients its published version has not yet been sent
    to whose reminder is due; each duty is reminded once. Returns how many duties were reminded.

    Each report's reminder is recorded and sent in one transaction, on rows locked for it (another run at the same
    moment skips them): if the e-mail fails nothing is recorded, and the task tries again later."""
    today = today or timezone.localdate()
    report_ids = list(duties_to_remind(today=today).order_by().values_list("report_id", flat=True).distinct())
    if not report_ids:
        return 0
    addresses = business_manager_addresses()
    if not addresses:
        logger.warning("Annual report duties are due but no business manager has an e-mail address.")
        return 0
    reminded, failed = 0, []
    for report_id in report_ids:
        try:
            with transaction.atomic():
                duties = list(
                    duties_to_remind(today=today)
                    .filter(report_id=report_id)
                    .select_related("report", "recipient")
                    .select_for_update(of=("self",), skip_locked=True)
                )
                if not duties:
                    continue
                ReportDuty.objects.filter(pk__in=[d.pk for d in duties]).update(reminder_sent_at=timezone.now())
                _duty_reminder(duties, today=today, to=addresses).send()
        except Exception:
            logger.exception("The reminder of the annual report's duties (report %s) could not be sent.", report_id)
            failed.append(report_id)
            continue
        reminded += len(duties)
    if failed:
        raise DutyRemindersNotSent(f"Reminders for {len(failed)} report(s) could not be sent; {reminded} duties were.")
    return reminded


def _duty_reminder(duties, *, today, to):
    report = duties[0].report
    first_due = min(d.due_on for d in duties)
    overdue = first_due < today
    bodies = f"{len(duties)} bod{'y' if len(duties) == 1 else 'ies'}"
    subject = (
        f"{report.display_title}: overdue to {bodies}"
        if overdue
        else f"{report.display_title}: send it to {bodies} by {long_date(first_due)}"
    )
    context = {
        "report": report,
        "duties": [(duty, (duty.due_on - today).days) for duty in duties],
        "today": today,
        "duties_url": settings.SITE_URL.rstrip("/") + reverse("reports:duties", args=[report.year]),
    }
    return EmailMessage(
        subject=subject,
        body=render_to_string("reports/emails/duty_reminder.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
    )


# Contributions: who writes each chapter, by when; reminders before, on and after the due date; chasing one person.

CHASE_WRITTEN = "“%(title)s” is written: there is nobody to chase."
CHASE_NOBODY = (
    "Nobody can be chased for “%(title)s”: name a contributor with an e-mail address, or give its body a chair who "
    "can sign in."
)
CHASE_FAILED = "The e-mail could not be sent (%(error)s). Nothing was recorded: try again."
CHASE_CLOSED = "The report for %(year)s is %(status)s: its chapters are not being written now."


class ContributionRemindersNotSent(Exception):
    """The mail server refused a reminder: the task is retried later (nothing was recorded for it)."""


@transaction.atomic
def assign_contribution(*, narrative, assigned_to, due_on):
    """Names who writes a chapter (None: the chairs of its body, as before) and when it is wanted. Refused, with a
    message to act on, for someone who could not sign in, be reminded or write on the web form."""
    narrative = NarrativeSection.objects.select_for_update().get(pk=narrative.pk)
    narrative.assigned_to, narrative.due_on = assigned_to, due_on
    narrative.full_clean()
    narrative.save(update_fields=["assigned_to", "due_on"])
    return narrative


def _addresses(users):
    seen, found = set(), []
    for user in users:
        address = (user.email or "").strip()
        if address and address.lower() not in seen:
            seen.add(address.lower())
            found.append(address)
    return found


def _contribution_of(narrative, *, today):
    from .selectors import Contribution, chairs_of_bodies

    section = section_by_key(narrative.key)
    chairs = []
    if narrative.assigned_to_id is None and narrative.written_by_id is not None:
        chairs = chairs_of_bodies([narrative.written_by_id], today=today).get(narrative.written_by_id, [])
    return Contribution(section, narrative, chairs=chairs, today=today)


def _contribution_email(contribution, *, kind, today, to, reply_to=None, chased_by=None):
    from .rendering import partnership_name

    narrative = contribution.narrative
    report = narrative.report
    url = settings.SITE_URL.rstrip("/") + reverse("reports:narrative", args=[report.year, narrative.key])
    title = f"“{contribution.title}”"
    if kind == "overdue":
        subject = f"{report.display_title}: {title} is overdue"
    elif kind == "on":
        subject = f"{report.display_title}: {title} is due today"
    elif kind == "before":
        subject = f"{report.display_title}: {title} is due on {long_date(narrative.due_on)}"
    else:
        subject = f"{report.display_title}: {title}, a reminder from the business manager"
    context = {
        "contribution": contribution,
        "narrative": narrative,
        "report": report,
        "kind": kind,
        "today": today,
        "url": url,
        "partnership": partnership_name(),
        "chased_by": (chased_by.get_full_name() or chased_by.username) if chased_by else "",
    }
    return EmailMessage(
        subject=subject,
        body=render_to_string("reports/emails/contribution_reminder.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=reply_to,
    )


def chase_contribution(*, narrative, by, today=None):
    """E-mails the chapter's contributor (the person named, else its body's chairs) a reminder from the business
    manager, with a link to the chapter, and records when and by whom; each press sends one e-mail. Refused for a
    written chapter, a report no longer in draft, or a chapter with nobody to write to. The record and the e-mail
    stand or fall together."""
    today = today or timezone.localdate()
    with transaction.atomic():
        narrative = (
            NarrativeSection.objects.select_for_update(of=("self",))
            .select_related("report", "written_by", "assigned_to")
            .get(pk=narrative.pk)
        )
        report = narrative.report
        if report.status != ReportStatus.DRAFT:
            raise ValidationError(CHASE_CLOSED, params={"year": report.year, "status": report.get_status_display()})
        contribution = _contribution_of(narrative, today=today)
        if narrative.is_written:
            raise ValidationError(CHASE_WRITTEN, params={"title": contribution.title})
        to = _addresses(contribution.contributors)
        if not to:
            raise ValidationError(CHASE_NOBODY, params={"title": contribution.title})
        message = _contribution_email(
            contribution,
            kind="chase",
            today=today,
            to=to,
            reply_to=[by.email] if by and by.email else None,
            chased_by=by,
        )
        narrative.last_chased_at, narrative.last_chased_by = timezone.now(), by
        narrative.save(update_fields=["last_chased_at", "last_chased_by"])
        try:
            message.send()
        except Exception as error:
            logger.exception("The chase of chapter %s could not be e-mailed.", narrative.pk)
            raise ValidationError(CHASE_FAILED, params={"error": error}) from error
    return narrative, to


def reminder_kind(due_on, *, today):
    """The reminder a chapter due on `due_on` gets today: "overdue" after the day, "on" on it, "before" within
    CONTRIBUTION_REMINDER_WORKING_DAYS working days before it, else None (the one rule, lscp.working_days)."""
    from lscp.working_days import due_date_reminder

    return due_date_reminder(due_on, today=today, working_days=settings.CONTRIBUTION_REMINDER_WORKING_DAYS)


def send_contribution_reminders(*, today=None):
    """E-mails each contributor of a draft report's chapter not yet written a reminder before its due date, on it,
    and once it is overdue: each kind once per chapter and due date (a row of `ContributionReminder`, made in the same
    transaction as the e-mail is sent, so a refused e-mail records nothing and two runs at once send it once). A
    chapter with nobody to write to is left until somebody is named. Returns how many reminders were sent."""
    from .models import ContributionReminder

    today = today or timezone.localdate()
    keys = [section.key for section in narrative_sections()]
    waiting = (
        NarrativeSection.objects.filter(report__status=ReportStatus.DRAFT, key__in=keys, due_on__isnull=False)
        .select_related("report", "written_by", "assigned_to")
        .order_by("report__year", "due_on", "pk")
    )
    sent, failed = 0, 0
    for narrative in waiting:
        if narrative.is_written:
            continue
        kind = reminder_kind(narrative.due_on, today=today)
        if kind is None or narrative.reminders.filter(kind=kind, due_on=narrative.due_on).exists():
            continue
        contribution = _contribution_of(narrative, today=today)
        to = _addresses(contribution.contributors)
        if not to:
            continue
        try:
            with transaction.atomic():
                ContributionReminder.objects.create(
                    narrative=narrative, kind=kind, due_on=narrative.due_on, sent_to="\n".join(to)
                )
                _contribution_email(contribution, kind=kind, today=today, to=to).send()
        except IntegrityError:
            continue  # another run sent it a moment ago
        except Exception:
            logger.exception("The %s reminder of chapter %s could not be sent.", kind, narrative.pk)
            failed += 1
            continue
        sent += 1
    if failed:
        raise ContributionRemindersNotSent(f"{failed} reminder(s) could not be sent; {sent} were.")
    return sent
