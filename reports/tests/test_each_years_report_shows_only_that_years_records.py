"""Every year is its own: two years' reports built on one database each show their own year's records and nothing
of the other year's, in every chapter (reviews and their themes, training, audits, Section 11, challenges, partners'
statements and inspections, priorities, engagement, bodies, members and meetings, the glossary terms used, finance,
the data set's values and their sources, the LADO and child death figures).

Each year's records carry a word of their own (a star's name) in what the report prints of them, so that a record of
one year printed in the other year's report shows. The LADO and child death tables print counts, not words: their
totals differ between the years and are checked by number."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from audits.models import IndicatorCategory, ReportTable
from audits.selectors import dataset as data
from audits.tests.factories import (
    AuditParticipationFactory,
    CaseJudgementFactory,
    CycleFactory,
    IndicatorFactory,
    MultiAgencyAuditFactory,
    ObservationFactory,
    ReturnFactory,
    SingleAgencyAuditFactory,
    StandardFactory,
    StandardResponseFactory,
    StandardSetFactory,
)
from governance.models import (
    AgencyStatement,
    ChallengeLogEntry,
    EngagementActivity,
    Inspection,
    ReservesBroughtForward,
    StatementStatus,
    YouSaidWeDid,
)
from governance.tests.factories import (
    ContributionFactory,
    ExpenditureLineFactory,
    GlossaryTermFactory,
    PriorityActivityFactory,
    PriorityFactory,
)
from lscp.financial_year import FinancialYear
from partnership.models import BodyKind, MembershipRole
from partnership.tests.factories import (
    AgencyFactory,
    AttendanceFactory,
    BodyFactory,
    LocalAuthorityFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
)
from reports import services
from reports.rendering import build_pdf, gather, render_html
from reviews.models import LearningTheme, NationalReview
from reviews.tests.factories import DisseminationFactory, FindingFactory, PracticeReviewFactory, RecommendationFactory
from training.tests.factories import (
    BookingFactory,
    CourseSessionFactory,
    DelegateFactory,
    EvaluationScoreFactory,
    LearningOutcomeFactory,
)

from .conftest import pdf_pages_text

pytestmark = pytest.mark.django_db

EARLIER, LATER = FinancialYear(2021), FinancialYear(2022)
TAGS = {EARLIER: "Aldebaran", LATER: "Betelgeuse"}


def _day(year, month, day_of_month=15):
    """A day of the financial year: months 4 to 12 in its first calendar year, 1 to 3 in its second."""
    return date(year.start_year + (month < 4), month, day_of_month)


def _aware(day, hour=10):
    return datetime.combine(day, time(hour), tzinfo=timezone.get_current_timezone())


def _boroughs_and_indicators():
    """What both years share: two boroughs and the data set's indicators (names are not the years' own)."""
    shared = {
        "rbkc": LocalAuthorityFactory(name="Kensington and Chelsea", code="RBKC"),
        "wcc": LocalAuthorityFactory(name="Westminster", code="WCC"),
        "cin": IndicatorFactory(name="Children in need", unit="count", source="Children's Services"),
        "population": IndicatorFactory(
            name="Total population", unit="count", source="Census", report_table=ReportTable.BOROUGH_PROFILE
        ),
    }
    for name, categories in (
        (data.LADO_OUTCOMES, ["Unfounded", "Substantiated"]),
        (data.CHILD_DEATHS_BY_CATEGORY, ["Infection", "Malignancy"]),
        (data.CHILD_DEATHS_BY_EXPECTATION, ["Expected", data.UNEXPECTED]),
        (data.CHILD_DEATHS_BY_MODIFIABLE_FACTORS, [data.MODIFIABLE_FACTORS, "No modifiable factors identified"]),
    ):
        indicator = IndicatorFactory(name=name, unit="count", source="LADO")
        shared[name] = [
            IndicatorCategory.objects.create(indicator=indicator, name=category, order=order)
            for order, category in enumerate(categories)
        ]
    return shared


def make_year(year, tag, shared, *, scale):
    """Records of every kind for the year, each printing `tag`; `scale` makes the year's counts its own."""
    agency = AgencyFactory(name=f"{tag} Health Trust", statutory_partner=True)
    other = AgencyFactory(name=f"{tag} Police")
    # The registry: a partnership body without dates, a member for the year, a meeting with its register.
    partnership = BodyFactory(name=f"{tag} Safeguarding Partnership", kind=BodyKind.PARTNERSHIP)
    membership = MembershipFactory(
        body=partnership,
        role=MembershipRole.INDEPENDENT_CHAIR,
        person=PersonFactory(name=f"Ruth {tag}", job_title=f"{tag} independent chair", agency=agency),
        start=year.start,
        end=year.end,
    )
    meeting = MeetingFactory(body=partnership, starts_at=_aware(_day(year, 6)))
    AttendanceFactory(meeting=meeting, membership=membership)
    # Reviews: a review commissioned and published in the year, its finding tagged with a theme, a recommendation,
    # the learning shared, and a national review considered.
    review = PracticeReviewFactory(
        code_name=f"Child {tag}",
        commissioned_on=_day(year, 4, 20),
        report_received_on=_day(year, 11),
        published_on=_day(year, 12),
        summary=f"The {tag} review found that the {tag.upper()}X plan was not followed.",
    )
    finding = FindingFactory(review=review, text=f"{tag} practitioners did not share what they knew.")
    finding.themes.set([LearningTheme.objects.create(name=f"{tag} information sharing")])
    RecommendationFactory(review=review, text=f"The {tag} guidance is reviewed.")
    DisseminationFactory(practice_review=review, date=_day(year, 1), audience=f"{tag} designated leads")
    NationalReview.objects.create(
        title=f"{tag} national review",
        publisher="The Child Safeguarding Practice Review Panel",
        published_on=_day(year, 5),
        considered_on=_day(year, 7),
        local_response=f"The partnership checked its {tag} pathway.",
    )
    GlossaryTermFactory(term=f"{tag.upper()}X", expansion=f"{tag} expansion")
    # Training: a session of the year, its register and evaluations.
    session = CourseSessionFactory(
        course__title=f"{tag} Safeguarding Course",
        starts_at=_aware(_day(year, 9)),
        ends_at=_aware(_day(year, 9), hour=13),
        status="held",
    )
    outcome = LearningOutcomeFactory(course=session.course, text=f"{tag} outcome")
    for n in range(scale):
        booking = BookingFactory(session=session, status="attended", delegate=DelegateFactory(agency=agency))
        for stage in ("before", "after", "follow_up"):
            EvaluationScoreFactory(
                evaluation__booking=booking,
                evaluation__stage=stage,
                evaluation__practice_changed=True if stage == "follow_up" else None,
                outcome=outcome,
                score=2 + (stage != "before") + n % 2,
            )
    # Audits: a single-agency audit, a multi-agency audit held in the year, a Section 11 cycle run in it.
    SingleAgencyAuditFactory(agency=agency, topic=f"{tag} record keeping", date=_day(year, 10))
    audit = MultiAgencyAuditFactory(
        theme=f"{tag} neglect", planned_on=_day(year, 10, 1), held_on=_day(year, 10, 20), strengths=f"{tag} strengths"
    )
    AuditParticipationFactory(audit=audit, agency=agency)
    CaseJudgementFactory(audit=audit, agency=agency)
    standard_set = StandardSetFactory(name=f"{tag} audit tool")
    standard = StandardFactory(standard_set=standard_set, number=1, title=f"{tag} leadership")
    cycle = CycleFactory(
        name=f"{tag} Section 11 cycle",
        standard_set=standard_set,
        opens_on=_day(year, 5, 1),
        closes_on=_day(year, 7, 31),
        agencies=[agency],
    )
    StandardResponseFactory(
        agency_return=ReturnFactory(
            agency=agency, cycle=cycle, status="accepted", submitted_at=_aware(_day(year, 7, 20))
        ),
        standard=standard,
        rating="fully_met",
    )
    # Governance: a one-year priority with its activity, engagement, you said / we did, a challenge published as an
    # example, an accepted statement with an inspection, and the year's finance.
    priority = PriorityFactory(first_year=year, last_year=year, number=1, title=f"{tag} exploitation")
    PriorityActivityFactory(priority=priority, activity=f"{tag} MACE panel", impact=f"{tag} impact")
    EngagementActivity.objects.create(
        date=_day(year, 11), group=f"{tag} youth forum", topic=f"{tag} safety", children_taking_part=12
    )
    YouSaidWeDid.objects.create(year=year, you_said=f"{tag} said", we_did=f"{tag} did")
    ChallengeLogEntry.objects.create(
        raised_by_agency=agency,
        agency_challenged=other,
        issue=f"{tag} threshold disagreement",
        raised_on=_day(year, 8),
        publish_as_example=True,
    )
    statement = AgencyStatement.objects.create(
        agency=agency, year=year, text=f"{tag} statement of the year.", status=StatementStatus.ACCEPTED
    )
    Inspection.objects.create(statement=statement, inspectorate="CQC", kind=f"{tag} inspection", date=_day(year, 9))
    ContributionFactory(
        year=year, borough=shared["rbkc"], agency=agency, label=f"{tag} contribution", amount=Decimal(1000 * scale)
    )
    ExpenditureLineFactory(year=year, borough=shared["rbkc"], amount=Decimal(700 * scale))
    ReservesBroughtForward.objects.create(year=year, borough=shared["rbkc"], amount=Decimal(100 * scale))
    # The data set: each year's value has its own source; the counts by category are the year's own.
    for indicator in (shared["cin"], shared["population"]):
        ObservationFactory(
            indicator=indicator,
            borough=shared["rbkc"],
            period_kind="date",
            period_start=year.end,
            value=Decimal(100 * scale),
            source=f"{tag} {indicator.name} return",
        )
    for name, value in (
        (data.LADO_OUTCOMES, 3),
        (data.CHILD_DEATHS_BY_CATEGORY, 2),
        (data.CHILD_DEATHS_BY_EXPECTATION, 2),
        (data.CHILD_DEATHS_BY_MODIFIABLE_FACTORS, 2),
    ):
        for category in shared[name]:
            ObservationFactory(
                indicator=category.indicator,
                category=category,
                borough=shared["rbkc"],
                period_kind="year",
                period_start=year.start,
                period_end=year.end,
                value=Decimal(value * scale),
            )


# What of each year's records each chapter prints, by the chapter's key.
def printed(tag):
    return {
        "structure": [f"{tag} Safeguarding Partnership"],
        "members": [f"Ruth {tag}", f"{tag} independent chair"],
        "attendance": [f"{tag} Health Trust", f"{tag} Safeguarding Partnership"],
        "learning-from-reviews": [
            f"Child {tag}",
            f"{tag} practitioners did not share",
            f"{tag} information sharing",
            f"The {tag} guidance",
            f"{tag} designated leads",
        ],
        "national-reviews": [f"{tag} national review", f"{tag} pathway"],
        "glossary": [f"{tag} expansion"],
        "training": [f"{tag} Safeguarding Course", f"{tag} Health Trust"],
        "scrutiny": [
            f"{tag} record keeping",
            f"{tag} neglect",
            f"{tag} strengths",
            f"{tag} Section 11 cycle",
            f"{tag} leadership",
        ],
        "priority-1": [f"{tag} MACE panel", f"{tag} impact"],
        "listening": [f"{tag} youth forum", f"{tag} safety", f"{tag} said", f"{tag} did"],
        "challenge": [f"{tag} threshold disagreement", f"{tag} Police"],
        "partners": [f"{tag} statement of the year"],
        "inspections": [f"{tag} inspection".lower()],  # the kind of inspection, in the sentence's lower case
        "finance": [f"{tag} contribution"],
        "children-data": [f"{tag} Children in need return"],
        "borough-profiles": [f"{tag} Total population return"],
    }


def _sections(report):
    """{chapter key: its HTML} of the report (the browser preview's path, without the PDF)."""
    return {part.section.key: part.html for part in _rendered(report)}


def _rendered(report):
    gathered = gather(report)
    render_html(report, gathered)
    return gathered


@pytest.fixture
def two_years():
    shared = _boroughs_and_indicators()
    make_year(EARLIER, TAGS[EARLIER], shared, scale=1)
    make_year(LATER, TAGS[LATER], shared, scale=3)
    return {year: services.create_report(year=year) for year in (EARLIER, LATER)}


def test_each_chapter_prints_its_own_years_records(two_years):
    for year, report in two_years.items():
        gathered = _rendered(report)
        sections = {part.section.key: part.html for part in gathered}
        missing = [
            (key, text) for key, texts in printed(TAGS[year]).items() for text in texts if text not in sections[key]
        ]
        assert not missing, f"{year}: its own records are missing from its report: {missing}"
        titles = [part.section.title for part in gathered]
        assert f"Priority 1: {TAGS[year]} exploitation" in titles


def _without_next_years_plan(text, year):
    """The text without the one thing of the next year a report rightly prints: "The year ahead" lists the
    priorities of the plan that covers the next year (the later year's, in the earlier year's report)."""
    return text.replace(f"{TAGS[LATER]} exploitation", "") if year == EARLIER else text


def _of_the_other_year(text, year):
    other = TAGS[LATER if year == EARLIER else EARLIER]
    return other.casefold() in _without_next_years_plan(text, year).casefold()


def test_no_chapter_prints_the_other_years_records(two_years):
    for year, report in two_years.items():
        html = render_html(report, gather(report))
        leaked = [key for key, html_of in _sections(report).items() if _of_the_other_year(html_of, year)]
        assert not _of_the_other_year(html, year), f"the {year} report prints records of the other year in: {leaked}"


def test_the_year_ahead_of_the_earlier_report_is_the_later_years_plan(two_years):
    year_ahead = _sections(two_years[EARLIER])["year-ahead"]
    assert f"{TAGS[LATER]} exploitation" in year_ahead and f"(the plan for {LATER})" in year_ahead


def test_the_lado_and_child_death_figures_are_the_years_own(two_years):
    for report, scale in ((two_years[EARLIER], 1), (two_years[LATER], 3)):
        sections = _sections(report)
        assert f"reviewed the deaths of {2 * 2 * scale} children" in sections["child-death-review"]
        assert f"{3 * 2 * scale} allegations reached an outcome" in sections["lado"]


def test_the_pdfs_text_shows_only_each_years_own_records(two_years):
    for year, report in two_years.items():
        pdf, _, _ = build_pdf(report)
        _, pages = pdf_pages_text(pdf)
        text = " ".join(" ".join(page.split()) for page in pages)
        assert TAGS[year] in text
        assert not _of_the_other_year(text, year), f"the {year} PDF prints records of the other year"


def test_a_body_without_dates_is_in_no_year_it_had_no_members_or_meetings(two_years):
    BodyFactory(name="Dormant Task and Finish Group", kind=BodyKind.SUBGROUP)
    for report in two_years.values():
        sections = _sections(report)
        assert "Dormant Task and Finish Group" not in sections["structure"]
        assert f"{TAGS[report.year]} Safeguarding Partnership" in sections["structure"]


def test_the_earlier_years_body_is_in_the_later_report_once_it_meets_then(two_years):
    earlier_body = f"{TAGS[EARLIER]} Safeguarding Partnership"
    from partnership.models import Body

    MeetingFactory(body=Body.objects.get(name=earlier_body), starts_at=_aware(_day(LATER, 2)) + timedelta(hours=1))
    assert earlier_body in _sections(two_years[LATER])["structure"]


def test_a_year_without_records_of_its_own_shows_none_of_the_others(two_years):
    """The year after has no records: nothing of the two years is printed, but for the data set's figures of the year
    before, each labelled the latest available with its own source (a figure published once a year would otherwise
    vanish)."""
    after = services.create_report(year=LATER.next)
    sections = _sections(after)
    assert not [key for key, html in sections.items() if TAGS[EARLIER] in html]
    shown = [key for key, html in sections.items() if TAGS[LATER] in html]
    assert sorted(shown) == ["borough-profiles", "children-data"]
    for key in shown:
        assert f"31 March {LATER.end.year}, the latest available; {TAGS[LATER]}" in sections[key]


def test_an_activity_of_a_longer_plan_is_in_no_year_before_it_started(two_years):
    priority = PriorityFactory(first_year=EARLIER, last_year=LATER, number=2, title="Transitional safeguarding")
    PriorityActivityFactory(priority=priority, activity="Started first", start_date=_day(EARLIER, 6, 1))
    PriorityActivityFactory(priority=priority, activity="Started later", start_date=_day(LATER, 6, 1))
    earlier, later = _sections(two_years[EARLIER])["priority-2"], _sections(two_years[LATER])["priority-2"]
    assert "Started first" in earlier and "Started later" not in earlier
    assert "Started first" in later and "Started later" in later
