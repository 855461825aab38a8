"""Every page × every role → the status that role should get. One table, so a new page cannot be
added without deciding who may see it."""

import pytest
from django.urls import reverse

from partnership.tests.factories import AgencyFactory, MeetingFactory

OK, LOGIN, FORBIDDEN = 200, 302, 403


@pytest.fixture
def records(chaired_body, other_body):
    return {
        "agency": AgencyFactory(name="Westminster City Council"),
        "own_body": chaired_body,
        "other_body": other_body,
        "own_meeting": MeetingFactory(body=chaired_body),
        "other_meeting": MeetingFactory(body=other_body),
    }


def _pages(r):
    return [
        # (url, anonymous, manager, chair, partner, delegate, outsider)
        (reverse("home"), OK, OK, OK, OK, OK, OK),
        (reverse("login"), OK, OK, OK, OK, OK, OK),
        (reverse("partnership:agencies"), LOGIN, OK, OK, OK, FORBIDDEN, FORBIDDEN),
        (reverse("partnership:agency", args=[r["agency"].pk]), LOGIN, OK, OK, OK, FORBIDDEN, FORBIDDEN),
        (reverse("partnership:bodies"), LOGIN, OK, OK, OK, FORBIDDEN, FORBIDDEN),
        (reverse("partnership:body", args=[r["own_body"].pk]), LOGIN, OK, OK, OK, FORBIDDEN, FORBIDDEN),
        (reverse("partnership:body_edit", args=[r["own_body"].pk]), LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        (
            reverse("partnership:body_edit", args=[r["other_body"].pk]),
            LOGIN,
            OK,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
        ),
        (
            reverse("partnership:meeting_create", args=[r["own_body"].pk]),
            LOGIN,
            OK,
            OK,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
        ),
        (
            reverse("partnership:meeting_create", args=[r["other_body"].pk]),
            LOGIN,
            OK,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
        ),
        (reverse("partnership:meeting", args=[r["own_meeting"].pk]), LOGIN, OK, OK, OK, FORBIDDEN, FORBIDDEN),
        (
            reverse("partnership:meeting_edit", args=[r["own_meeting"].pk]),
            LOGIN,
            OK,
            OK,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
        ),
        (
            reverse("partnership:meeting_edit", args=[r["other_meeting"].pk]),
            LOGIN,
            OK,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
        ),
        (reverse("partnership:attendance_index"), LOGIN, LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        (reverse("partnership:attendance", args=["2022-23"]), LOGIN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        (
            reverse("partnership:attendance_csv", args=["2022-23"]),
            LOGIN,
            OK,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
            FORBIDDEN,
        ),
        (reverse("admin:index"), LOGIN, OK, LOGIN, LOGIN, LOGIN, LOGIN),
        (reverse("admin:partnership_meeting_changelist"), LOGIN, OK, LOGIN, LOGIN, LOGIN, LOGIN),
    ]


@pytest.mark.django_db
def test_every_page_gives_each_role_what_it_should(statuses_by_role, records):
    failures = statuses_by_role(_pages(records))
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_the_public_is_sent_to_sign_in_and_comes_back(client, records):
    url = reverse("partnership:body", args=[records["own_body"].pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/attendance/1900-01/", "/attendance/2999-00/", "/agencies/?q=a%00b"])
def test_edge_inputs_give_a_page_not_a_server_error(client, manager, url):
    client.force_login(manager)
    assert client.get(url).status_code == 200
