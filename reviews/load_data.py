"""Case reviews' part of the large synthetic partnership (`manage.py generate_load_data`): at scale 1, 2,000
practice reviews over the ten years (half of them from a serious incident and its rapid review), each with two
findings and two recommendations. Records carry code names only: no child is ever named."""

import datetime

from django.utils import timezone

from lscp.synthetic import first_day, insert, random_day, scaled
from partnership.models import Agency, LocalAuthority

from .models import (
    AddressedTo,
    AgeBand,
    Decision,
    Finding,
    IncidentKind,
    PracticeReview,
    RapidReview,
    Recommendation,
    RecommendationStatus,
    ReviewKind,
    SeriousIncident,
)


def has_records():
    return SeriousIncident.objects.exists() or PracticeReview.objects.exists()


def generate(*, scale, rng, tag=""):
    today = timezone.localdate()
    start = first_day(today)
    last = today - datetime.timedelta(days=30)
    boroughs = list(LocalAuthority.objects.values_list("pk", flat=True))
    agencies = list(Agency.objects.values_list("pk", flat=True))
    count = scaled(2_000, scale)
    incidents = []
    for n in range(1, count // 2 + 1):
        occurred = random_day(rng, start, last)
        incident = SeriousIncident(
            code_name=f"Synthetic incident {n}{tag}",
            occurred_on=occurred,
            la_aware_on=occurred + datetime.timedelta(days=rng.randrange(10)),
            borough_id=rng.choice(boroughs),
            age_band=rng.choice(AgeBand.values),
            kind=rng.choice(IncidentKind.values),
            abuse_neglect=rng.random() < 0.5,
        )
        incident.notified_panel_on = incident.la_aware_on + datetime.timedelta(days=rng.randrange(1, 5))
        incident.compute_due_dates()  # what save() would do
        incidents.append(incident)
    insert(SeriousIncident, incidents)
    rapid_reviews = insert(
        RapidReview,
        [
            RapidReview(
                incident=incident,
                started_on=incident.notified_panel_on,
                decision=Decision.LCSPR,
                decided_on=incident.notified_panel_on + datetime.timedelta(days=14),
            )
            for incident in incidents
        ],
    )
    reviews = []
    for n in range(1, count + 1):
        rapid = rapid_reviews[n - 1] if n <= len(rapid_reviews) else None
        commissioned = rapid.decided_on if rapid else random_day(rng, start, last)
        review = PracticeReview(
            code_name=f"Synthetic review {n}{tag}",
            kind=ReviewKind.LCSPR if rapid else rng.choice(ReviewKind.values),
            rapid_review=rapid,
            borough_id=rng.choice(boroughs),
            commissioned_on=min(commissioned, today),
        )
        received = commissioned + datetime.timedelta(days=rng.randrange(90, 400))
        if received < today:
            review.report_received_on = received
        review.compute_due_dates()  # what save() would do: the stage and due dates
        reviews.append(review)
    insert(PracticeReview, reviews)
    findings, recommendations = [], []
    for review in reviews:
        for number in (1, 2):
            findings.append(Finding(review=review, number=number, text="A synthetic learning point."))
            recommendations.append(
                Recommendation(
                    review=review,
                    number=number,
                    text="A synthetic recommendation.",
                    addressed_to=AddressedTo.AGENCY,
                    agency_id=rng.choice(agencies),
                    status=rng.choice(RecommendationStatus.values),
                )
            )
    insert(Finding, findings)
    insert(Recommendation, recommendations)
    return {
        "serious incidents": len(incidents),
        "practice reviews": len(reviews),
        "findings": len(findings),
        "recommendations": len(recommendations),
    }
