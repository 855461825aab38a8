"""Who may see and change the case review records and pages, from the facts in `lscp.roles`.

These records concern children who died or were seriously harmed, so they are seen only by the business manager,
the members of the Case Review Subgroup (the body named by settings.CASE_REVIEW_BODY_NAME) and the members of the
Executive (bodies of kind "executive"); only the subgroup's chairs (and the business manager) change them, and
only the business manager reopens a closed review. Anyone
else gets 403 before any record is looked up, so a URL tells them nothing. Every opening of an incident's or a
practice review's page is logged (`ReviewViewing`).
"""

from django.conf import settings
from django.db.models import Q

from lscp.access import Page

CASE_REVIEW_READERS = frozenset({"manager", "chair", "partner"})  # in the demo the partner sits on the subgroup
CASE_REVIEW_EDITORS = frozenset({"manager", "chair"})


def _case_review_bodies():
    """(ids of the Case Review Subgroup, ids of the Executive bodies). One query."""
    from partnership.models import Body, BodyKind

    subgroup, executive = set(), set()
    for pk, name, kind in Body.objects.filter(
        Q(name=settings.CASE_REVIEW_BODY_NAME) | Q(kind=BodyKind.EXECUTIVE)
    ).values_list("pk", "name", "kind"):
        if name == settings.CASE_REVIEW_BODY_NAME:
            subgroup.add(pk)
        if kind == BodyKind.EXECUTIVE:
            executive.add(pk)
    return subgroup, executive


def case_review_bodies(roles):
    """Every Case Review Subgroup and Executive body, whether or not the user belongs to it, for a page that needs the
    body itself (the review page's default overseer of actions): `_case_review_bodies()`, asked once per request.
    The permission rules below need no query: they read the names and kinds of the user's own bodies from `roles`."""
    return roles.remember("reviews.case_review_bodies", _case_review_bodies)


def case_review_subgroup_id(roles):
    """The Case Review Subgroup's id, or None if the registry has no body of that name: from the user's own bodies
    when they sit on it (no query), otherwise from `case_review_bodies` (one query per request)."""
    mine = roles.body_ids(name=settings.CASE_REVIEW_BODY_NAME)
    if mine:
        return min(mine)
    subgroup, _ = case_review_bodies(roles)
    return min(subgroup, default=None)


def can_see_case_reviews(roles):
    """The business manager, and the current members of the Case Review Subgroup or of the Executive."""
    from partnership.models import BodyKind

    return (
        roles.is_manager
        or roles.is_member_of(name=settings.CASE_REVIEW_BODY_NAME)
        or roles.is_member_of(kind=BodyKind.EXECUTIVE)
    )


def can_change_case_reviews(roles):
    """The business manager and the chairs of the Case Review Subgroup."""
    return roles.is_manager or roles.is_chair_of(name=settings.CASE_REVIEW_BODY_NAME)


def can_reopen_reviews(roles):
    """Reopening a closed review: the business manager only. Closing is the partnership's sign-off of a review
    (its findings, its publication decision, its actions); undoing that is a correction of the partnership's
    record, which the business manager keeps, so a chair who needs a review reopened asks them. The reason is
    kept in the review's history with who reopened it."""
    return roles.is_manager


def can_see_deadlines(roles):
    """The deadlines dashboard: those who answer for the deadlines, the business manager and the subgroup's chairs."""
    return can_change_case_reviews(roles)


def _incident(code_name="Child W"):
    from .models import SeriousIncident

    incident = SeriousIncident.objects.filter(code_name=code_name).first() or SeriousIncident.objects.first()
    return incident.pk


def _review():
    from .models import PracticeReview

    return PracticeReview.objects.filter(code_name__icontains="Holland").first().pk


def _finding():
    from .models import Finding

    finding = Finding.objects.filter(review_id=_review()).first()
    return {"pk": finding.review_id, "finding": finding.pk}


def _dissemination():
    from .models import Dissemination

    dissemination = Dissemination.objects.filter(practice_review_id=_review()).first()
    return {"pk": dissemination.practice_review_id, "dissemination": dissemination.pk}


def _recommendation():
    from .models import Recommendation

    recommendation = Recommendation.objects.filter(review_id=_review()).first()
    return {"pk": recommendation.review_id, "recommendation": recommendation.pk}


def _not_published_review():
    """The demo publishes or follows every review: Young Person K is recorded as not published for the check."""
    from django.contrib.auth import get_user_model

    from . import services
    from .models import PracticeReview

    review = PracticeReview.objects.get(code_name="Young Person K")
    if not review.not_published_reason:
        manager = get_user_model().objects.get(username="manager")
        services.record_not_published(review=review, reason="Made for the access check.", by=manager)
    return {"pk": review.pk}


def _closed_review():
    """The demo closes no review: Holland Park School's (published) is closed for the check."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from . import services
    from .models import PracticeReview

    review = PracticeReview.objects.get(pk=_review())
    if not review.closed_on:
        manager = get_user_model().objects.get(username="manager")
        services.close_review(
            review=review, closed_on=timezone.localdate(), reason="Made for the access check.", by=manager
        )
    return {"pk": review.pk}


def _review_form():
    """A form of a practice review's page: posted empty, it comes back with its problems to those who may use it."""
    return Page(CASE_REVIEW_EDITORS, lambda: {"pk": _review()}, method="post")


PAGES = {
    "reviews:incidents": [
        Page(CASE_REVIEW_READERS),
        # Logging an incident: an empty form comes back with its problems to those who may log one.
        Page(CASE_REVIEW_EDITORS, method="post"),
    ],
    "reviews:incident": Page(CASE_REVIEW_READERS, lambda: {"pk": _incident()}),
    "reviews:incident_notification": Page(CASE_REVIEW_EDITORS, lambda: {"pk": _incident()}, method="post"),
    "reviews:rapid_review": Page(CASE_REVIEW_EDITORS, lambda: {"pk": _incident()}, method="post"),
    "reviews:decision": Page(CASE_REVIEW_EDITORS, lambda: {"pk": _incident()}, method="post"),
    "reviews:commission": Page(CASE_REVIEW_EDITORS, lambda: {"pk": _incident()}, method="post"),
    "reviews:practice_reviews": Page(CASE_REVIEW_READERS),
    "reviews:practice_review": Page(CASE_REVIEW_READERS, lambda: {"pk": _review()}),
    "reviews:practice_review_stage": Page(CASE_REVIEW_EDITORS, lambda: {"pk": _review()}, method="post"),
    **{
        name: _review_form()
        for name in (
            "reviews:practice_review_hold",
            "reviews:finding_add",
            "reviews:recommendation_add",
            "reviews:action_raise",
            "reviews:practice_review_publication",
            "reviews:practice_review_not_published",
            "reviews:practice_review_closure",
            "reviews:dissemination_add",
        )
    },
    # Removing a finding (rolled back after each role in the check).
    "reviews:finding_remove": Page(CASE_REVIEW_EDITORS, _finding, method="post"),
    # The pages of one step each: GET shows the form (or the confirmation), POST does it (rolled back).
    "reviews:finding_edit": [Page(CASE_REVIEW_EDITORS, _finding), Page(CASE_REVIEW_EDITORS, _finding, method="post")],
    "reviews:recommendation_status": [
        Page(CASE_REVIEW_EDITORS, _recommendation),
        Page(CASE_REVIEW_EDITORS, _recommendation, method="post"),
    ],
    "reviews:dissemination_remove": [
        Page(CASE_REVIEW_EDITORS, _dissemination),
        Page(CASE_REVIEW_EDITORS, _dissemination, method="post"),
    ],
    "reviews:practice_review_undo_not_published": [
        Page(CASE_REVIEW_EDITORS, _not_published_review),
        Page(CASE_REVIEW_EDITORS, _not_published_review, method="post"),
    ],
    # Reopening a closed review is the business manager's alone (can_reopen_reviews).
    "reviews:practice_review_reopen": [
        Page({"manager"}, _closed_review),
        Page({"manager"}, _closed_review, method="post"),
    ],
    "reviews:themes": Page(CASE_REVIEW_READERS),
    "reviews:deadlines": Page(CASE_REVIEW_EDITORS),
}
