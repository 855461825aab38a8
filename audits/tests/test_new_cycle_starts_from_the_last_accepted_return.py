"""Opening a return in a new cycle fills it in from the agency's last accepted return: the rating, the evidence and
the files of each standard of the same number. A return that was never accepted is not used, nor another agency's."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audits.models import EvidenceFile, Return
from audits.services.section11 import start_return
from partnership.tests.factories import AgencyFactory

from .factories import ReturnFactory, StandardResponseFactory, make_cycle


def _answered(cycle, agency, status, ratings):
    agency_return = ReturnFactory(cycle=cycle, agency=agency, status=status)
    for standard in cycle.standard_set.standards.order_by("number"):
        StandardResponseFactory(
            agency_return=agency_return,
            standard=standard,
            rating=ratings[standard.number],
            evidence=f"{status} evidence for standard {standard.number}",
        )
    return agency_return


@pytest.fixture
def agency(partner):
    return partner.person.agency


@pytest.fixture
def earlier_cycles(agency):
    first = make_cycle(agency, standards=3, opens_on=date(2020, 4, 1), closes_on=date(2020, 9, 30))
    second = make_cycle(agency, standards=3, opens_on=date(2022, 4, 1), closes_on=date(2022, 9, 30))
    accepted = _answered(first, agency, "accepted", {1: "fully_met", 2: "partially_met", 3: "not_met"})
    evidence = EvidenceFile(response=accepted.responses.get(standard__number=2))
    evidence.file = SimpleUploadedFile("training-figures.xlsx", b"PK\x03\x04 test")
    evidence.save()
    # Later, but never accepted: not a starting point.
    _answered(second, agency, "returned", {1: "not_met", 2: "not_met", 3: "not_met"})
    # Another agency's accepted return in the same cycle: never used.
    _answered(second, AgencyFactory(), "accepted", {1: "not_applicable", 2: "not_applicable", 3: "not_applicable"})
    return accepted


@pytest.mark.django_db
def test_opening_a_return_fills_it_from_the_last_accepted_one(agency, partner, earlier_cycles):
    cycle = make_cycle(agency, standards=4)
    opened = start_return(cycle=cycle, agency=agency, by=partner)
    assert opened.status == "in_progress"
    assert opened.started_from == earlier_cycles
    answers = {r.standard.number: (r.rating, r.evidence) for r in opened.responses.select_related("standard")}
    assert answers == {
        1: ("fully_met", "accepted evidence for standard 1"),
        2: ("partially_met", "accepted evidence for standard 2"),
        3: ("not_met", "accepted evidence for standard 3"),
        4: ("", ""),  # new in this cycle's set: nothing to start from
    }
    carried = EvidenceFile.objects.get(response__agency_return=opened)
    assert carried.response.standard.number == 2
    assert carried.filename == "training-figures.xlsx"


@pytest.mark.django_db
def test_opening_twice_changes_nothing(agency, partner, earlier_cycles):
    cycle = make_cycle(agency, standards=2)
    first = start_return(cycle=cycle, agency=agency, by=partner)
    first.responses.filter(standard__number=1).update(rating="not_met")
    again = start_return(cycle=cycle, agency=agency, by=partner)
    assert again.pk == first.pk
    assert again.responses.count() == 2
    assert again.responses.get(standard__number=1).rating == "not_met"


@pytest.mark.django_db
def test_the_partner_starts_it_from_the_page_and_sees_last_cycles_answers(client, agency, partner, earlier_cycles):
    cycle = make_cycle(agency, standards=3)
    client.force_login(partner)
    response = client.post(reverse("audits:start_return", args=[cycle.pk]), follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "filled in from your accepted return" in page
    assert "accepted evidence for standard 2" in page
    assert Return.objects.get(cycle=cycle, agency=agency).status == "in_progress"


@pytest.mark.django_db
def test_without_an_accepted_return_it_starts_empty(agency, partner):
    cycle = make_cycle(agency, standards=2)
    opened = start_return(cycle=cycle, agency=agency, by=partner)
    assert opened.started_from is None
    assert set(opened.responses.values_list("rating", "evidence")) == {("", "")}
