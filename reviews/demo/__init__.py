"""Demo case review records from the K&C and Westminster annual report 2022/23 (the data in data.py), written through
the workflow services so the demo runs every guard: rapid reviews with their decisions, the Holland Park School learning
review with its findings, recommendations and dissemination, the two reviews started in 2023, national reviews and an
inspection. Each record is found by its code name or title first, so loading again changes nothing."""

import runpy
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from django.contrib.auth.models import User
from django.utils import timezone

from lscp.working_days import add_working_days
from partnership.models import Agency, Body, LocalAuthority

from .. import services
from ..models import (
    Dissemination,
    Finding,
    InspectionReport,
    LearningTheme,
    NationalReview,
    PracticeReview,
    Recommendation,
    ReviewStage,
    SeriousIncident,
)

REVIEWS = runpy.run_path(str(Path(__file__).with_name("data.py")))


def _day(text):
    return date.fromisoformat(text) if text else None


def _ensure(model, lookup, defaults):
    found = model.objects.filter(**lookup).first()
    if found is not None:
        return found, False
    record = model(**lookup, **defaults)
    record.full_clean()
    record.save()
    return record, True


def _load_incident(row, *, boroughs, agencies, case_review, manager):
    if SeriousIncident.objects.filter(code_name=row["code_name"]).exists():
        return False
    incident = services.log_incident(
        code_name=row["code_name"],
        occurred_on=_day(row["occurred_on"]),
        la_aware_on=_day(row["la_aware_on"]),
        borough=boroughs[row["borough"]],
        age_band=row["age_band"],
        kind=row["kind"],
        abuse_categories=row["abuse"],
        looked_after=row["looked_after"],
        circumstances=row["circumstances"],
        by=manager,
    )
    services.record_panel_notification(
        incident=incident,
        notified_on=_day(row["notified_panel_on"]),
        panel_reference=row["panel_reference"],
        by=manager,
    )
    rapid_review = services.start_rapid_review(
        incident=incident,
        started_on=_day(row["started_on"]),
        agencies=[agencies[a] for a in row["agencies"]],
        by=manager,
    )
    services.record_rapid_review(
        rapid_review=rapid_review,
        meeting_dates=[_day(d) for d in row["meetings"]],
        submitted_to_panel_on=_day(row["submitted_to_panel_on"]),
        panel_response_on=_day(row["panel_response_on"]),
        panel_response_summary=row["panel_response_summary"],
        by=manager,
    )
    services.decide_rapid_review(
        incident=incident,
        decision=row["decision"],
        rationale=row["rationale"],
        decided_on=_day(row["decided_on"]),
        decided_by=case_review,
        by=manager,
    )
    return True


def _load_practice_review(row, *, boroughs, agencies, bodies, themes, manager):
    review = PracticeReview.objects.filter(code_name=row["code_name"]).first()
    created = review is None
    if created:
        review = services.commission_practice_review(
            code_name=row["code_name"],
            kind=row["kind"],
            commissioned_on=_day(row["commissioned_on"]),
            borough=boroughs.get(row["borough"]),
            joint_with=bodies[row["joint_with"]] if row["joint_with"] else None,
            reviewers=row["reviewers"],
            review_group=[agencies[a] for a in row["review_group"]],
            summary=row["summary"],
            by=manager,
        )
        for stage, field in (
            (ReviewStage.TERMS_AGREED, "terms_of_reference_agreed_on"),
            (ReviewStage.REPORT_RECEIVED, "report_received_on"),
        ):
            if row[field]:
                review = services.record_stage(review=review, stage=stage, on=_day(row[field]), by=manager)
        if row["published_on"]:
            review = services.set_publication(review=review, published_on=_day(row["published_on"]), by=manager)
    for number, (text, theme_names) in enumerate(row["findings"], start=1):
        finding, new = _ensure(Finding, {"review": review, "number": number}, {"text": text})
        if new:
            finding.themes.set([themes[name] for name in theme_names])
    for number, (text, addressed_to, addressee, status, response) in enumerate(row["recommendations"], start=1):
        _ensure(
            Recommendation,
            {"review": review, "number": number},
            {
                "text": text,
                "addressed_to": addressed_to,
                "agency": agencies[addressee] if addressed_to == "agency" else None,
                "sector": addressee if addressed_to == "sector" else "",
                "status": status,
                "response": response,
            },
        )
    for channel, day, audience, reached in row["disseminations"]:
        _ensure(
            Dissemination,
            {"practice_review": review, "channel": channel, "date": _day(day)},
            {"audience": audience, "people_reached": reached},
        )
    return created


def _load_national_review_actions(agencies):
    """The actions raised in the shared tracker from the partnership's response to each national review, with the
    dates the rows give (their year is the report's)."""
    from django.contrib.contenttypes.models import ContentType

    from governance.models import Action

    source_type = ContentType.objects.get_for_model(NationalReview)
    made = 0
    for row in REVIEWS["NATIONAL_REVIEWS"]:
        review = NationalReview.objects.get(title=row["title"], published_on=_day(row["published_on"]))
        for title, owner, due, status, completed_on in row.get("actions", []):
            _, created = _ensure(
                Action,
                {"title": title, "source_type": source_type, "source_id": review.pk},
                {
                    "owner_agency": agencies[owner],
                    "due_date": _day(due),
                    "status": status,
                    "completed_on": _day(completed_on),
                },
            )
            made += created
    return made


def _load_considered(model, row):
    fields = {
        key: _day(value) if key.endswith("_on") else value
        for key, value in row.items()
        if key not in ("title", "published_on", "disseminations", "actions")
    }
    record, created = _ensure(model, {"title": row["title"], "published_on": _day(row["published_on"])}, fields)
    for channel, day, audience, reached in row.get("disseminations", []):
        _ensure(
            Dissemination,
            {"national_review": record, "channel": channel, "date": _day(day)},
            {"audience": audience, "people_reached": reached},
        )
    return created


def _load_recommendation_actions(agencies):
    """The actions raised in the shared tracker from the recommendations (RECOMMENDATION_ACTIONS)."""
    from django.contrib.contenttypes.models import ContentType

    from governance.models import Action

    source_type = ContentType.objects.get_for_model(Recommendation)
    today = timezone.localdate()
    made = 0
    for (code_name, number), actions in REVIEWS["RECOMMENDATION_ACTIONS"].items():
        recommendation = Recommendation.objects.get(review__code_name=code_name, number=number)
        for title, owner, due_in, status, completed_ago in actions:
            _, created = _ensure(
                Action,
                {"title": title, "source_type": source_type, "source_id": recommendation.pk},
                {
                    "owner_agency": agencies[owner],
                    "due_date": today + timedelta(days=due_in),
                    "status": status,
                    "completed_on": today - timedelta(days=completed_ago) if completed_ago is not None else None,
                },
            )
            made += created
    return made


def load(*, stdout):
    boroughs = {b.code: b for b in LocalAuthority.objects.all()}
    agencies = {a.name: a for a in Agency.objects.all()}
    for name, row in REVIEWS["NEW_AGENCIES"].items():
        if name not in agencies:
            agency, _ = _ensure(Agency, {"name": name}, {"sector": row["sector"]})
            agency.boroughs.set([boroughs[c] for c in row["boroughs"]])
            agencies[name] = agency
    bodies = {b.name: b for b in Body.objects.all()}
    case_review = bodies[REVIEWS["CASE_REVIEW_SUBGROUP"]]
    manager = User.objects.filter(username="manager").first()
    made = Counter()

    for name, description in REVIEWS["LEARNING_THEMES"]:
        if not LearningTheme.objects.filter(name__iexact=name).exists():
            _ensure(LearningTheme, {"name": name}, {"description": description})
            made["learning themes"] += 1
    themes = {t.name: t for t in LearningTheme.objects.all()}

    for row in REVIEWS["RAPID_REVIEWS"]:
        made["rapid reviews"] += _load_incident(
            row, boroughs=boroughs, agencies=agencies, case_review=case_review, manager=manager
        )
    live = REVIEWS["LIVE_INCIDENT"]
    if not SeriousIncident.objects.filter(code_name=live["code_name"]).exists():
        aware = add_working_days(timezone.localdate(), -live["aware_working_days_ago"])
        services.log_incident(
            code_name=live["code_name"],
            occurred_on=aware,
            la_aware_on=aware,
            borough=boroughs[live["borough"]],
            age_band=live["age_band"],
            kind=live["kind"],
            abuse_categories=live["abuse"],
            looked_after=live["looked_after"],
            circumstances=live["circumstances"],
            by=manager,
        )
        made["open incidents"] += 1

    for row in REVIEWS["PRACTICE_REVIEWS"]:
        made["practice reviews"] += _load_practice_review(
            row, boroughs=boroughs, agencies=agencies, bodies=bodies, themes=themes, manager=manager
        )
    made["actions raised from recommendations"] += _load_recommendation_actions(agencies)
    for row in REVIEWS["NATIONAL_REVIEWS"]:
        made["national reviews"] += _load_considered(NationalReview, row)
    made["actions raised from national reviews"] += _load_national_review_actions(agencies)
    for row in REVIEWS["INSPECTION_REPORTS"]:
        made["inspection reports"] += _load_considered(InspectionReport, row)

    added = ", ".join(f"{count} {what}" for what, count in made.items() if count) or "nothing new"
    stdout.write(f"Case reviews for {REVIEWS['YEAR']}: {added} added.")
