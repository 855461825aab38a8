"""A partner reaches only their own agency's Section 11 returns: another agency's return, its evidence files and a
cycle their agency is not in answer 404, exactly as a return that does not exist; the scrutineers (the business
manager) read every return; delegates and outsiders are refused the pages altogether."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audits.models import EvidenceFile, Return
from lscp.testing import FORBIDDEN, NOT_FOUND, OK, REDIRECT
from partnership.tests.factories import AgencyFactory

from .factories import ReturnFactory, StandardResponseFactory, make_cycle


@pytest.fixture
def returns(partner, chair):
    """The partner's agency's return and another agency's, in one cycle; the chair speaks for a third agency."""
    other = AgencyFactory(name="Other Agency")
    cycle = make_cycle(partner.person.agency, other, chair.person.agency, standards=1)
    ours = ReturnFactory(cycle=cycle, agency=partner.person.agency, status="submitted")
    theirs = ReturnFactory(cycle=cycle, agency=other, status="submitted")
    for agency_return in (ours, theirs):
        response = StandardResponseFactory(agency_return=agency_return, standard=cycle.standard_set.standards.get())
        evidence = EvidenceFile(response=response)
        evidence.file = SimpleUploadedFile("policy.pdf", b"%PDF-1.7\n% test\n")
        evidence.save()
    return ours, theirs


def _evidence(agency_return):
    return EvidenceFile.objects.get(response__agency_return=agency_return).pk


@pytest.mark.django_db
def test_each_role_reaches_only_the_returns_it_may(returns, manager, delegate, outsider, statuses_by_role):
    ours, theirs = returns
    rows = [
        # url, anonymous, manager, chair, partner, delegate, outsider
        (reverse("audits:section11"), REDIRECT, OK, OK, OK, FORBIDDEN, FORBIDDEN),
        (reverse("audits:return", args=[ours.pk]), REDIRECT, OK, NOT_FOUND, OK, FORBIDDEN, FORBIDDEN),
        (reverse("audits:return", args=[theirs.pk]), REDIRECT, OK, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN),
        (reverse("audits:evidence", args=[_evidence(ours)]), REDIRECT, OK, NOT_FOUND, OK, FORBIDDEN, FORBIDDEN),
        (
            reverse("audits:evidence", args=[_evidence(theirs)]),
            *(REDIRECT, OK, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN),
        ),
        (reverse("audits:scrutiny", args=[theirs.pk]), REDIRECT, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        (reverse("audits:dashboard", args=[ours.cycle_id]), REDIRECT, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ]
    assert statuses_by_role(rows) == []


@pytest.mark.django_db
def test_another_agencys_return_is_not_found_and_posting_to_it_changes_nothing(client, partner, returns):
    _, theirs = returns
    theirs.status = "in_progress"
    theirs.save()
    client.force_login(partner)
    response = client.post(reverse("audits:return", args=[theirs.pk]), {"submit": "1"})
    assert response.status_code == NOT_FOUND
    assert Return.objects.get(pk=theirs.pk).status == "in_progress"


@pytest.mark.django_db
def test_the_other_agencys_name_never_shows_on_the_partners_pages(client, partner, returns):
    client.force_login(partner)
    page = client.get(reverse("audits:section11")).content.decode()
    assert "Other Agency" not in page


@pytest.mark.django_db
def test_a_cycle_the_agency_is_not_in_cannot_be_started(client, partner):
    cycle = make_cycle(AgencyFactory(), standards=1)
    client.force_login(partner)
    assert client.post(reverse("audits:start_return", args=[cycle.pk])).status_code == NOT_FOUND
    assert not Return.objects.exists()
