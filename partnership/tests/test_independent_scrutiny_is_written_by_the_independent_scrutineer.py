"""The independent scrutiny chapter is the independent scrutineer's own: it belongs to the partnership body, whose
independent chair and scrutineer writes it on the chairs' web form, a draft's notice names them as its writer, and
the written chapter is signed with their name, found in one query."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lscp.financial_year import FinancialYear
from partnership.models import BodyKind, MembershipRole
from partnership.report import independent_scrutiny_context
from partnership.tests.factories import BodyFactory, MembershipFactory, PersonFactory, UserFactory
from reports import services
from reports.rendering import gather, render_html

pytestmark = pytest.mark.django_db
YEAR = FinancialYear(2022)


@pytest.fixture
def scrutineer():
    partnership = BodyFactory(name="Local Safeguarding Children Partnership", kind=BodyKind.PARTNERSHIP)
    person = PersonFactory(name="Margaret Ellery", user=UserFactory())
    MembershipFactory(body=partnership, person=person, role=MembershipRole.INDEPENDENT_CHAIR)
    MembershipFactory(body=partnership, role=MembershipRole.MEMBER)
    return person


def test_the_scrutineer_writes_it_and_signs_it(client, scrutineer):
    report = services.create_report(year=YEAR)
    html = render_html(report, gather(report))
    assert "This chapter has not been written yet (written by the independent scrutineer)." in html

    client.force_login(scrutineer.user)
    url = reverse("reports:narrative", args=[YEAR, "independent-scrutiny"])
    assert client.get(url).status_code == 200
    client.post(url, {"text": "The arrangements held up well."})
    html = render_html(report, gather(report))
    assert "The arrangements held up well." in html
    assert "Margaret Ellery, independent chair and scrutineer" in html


def test_the_scrutineers_are_found_in_one_query(scrutineer):
    later = PersonFactory(name="Nell Newcombe")
    partnership = scrutineer.memberships.first().body
    MembershipFactory(body=partnership, person=later, role=MembershipRole.INDEPENDENT_CHAIR, start=date(2023, 1, 1))
    with CaptureQueriesContext(connection) as queries:
        context = independent_scrutiny_context(YEAR)
    assert [person.name for person in context["scrutineers"]] == ["Margaret Ellery", "Nell Newcombe"]
    assert len(queries) == 1
