"""Every action-tracker page × every role → the status that role should get.

Partner representatives see and update their agency's actions, chairs the actions of the bodies they chair,
the business manager all. An action outside a user's scope answers 404 (it is not confirmed to exist);
people with no part in the tracker (delegates, outsiders) get 403, the public is sent to sign in.
"""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from governance.models import ActionUpdate
from governance.tests.factories import ActionFactory
from partnership.tests.factories import AgencyFactory

OK, LOGIN, FORBIDDEN, NOT_FOUND = 200, 302, 403, 404
PDF = b"%PDF-1.7\n% evidence\n"


@pytest.fixture
def actions(chair, partner, chaired_body, other_body):
    """Three actions: the partner's agency's (overseen by a body the chair does not chair), one overseen by the
    chair's body (owned by a third agency), and one that is neither's."""
    third = AgencyFactory(name="Metropolitan Police")
    found = {
        "partners": ActionFactory(owner_agency=partner.person.agency, lead_body=other_body),
        "chairs_body": ActionFactory(owner_agency=third, lead_body=chaired_body),
        "neither": ActionFactory(owner_agency=third, lead_body=other_body),
    }
    for name, action in list(found.items()):
        update = ActionUpdate(action=action, text=f"Progress on {name}")
        update.evidence = SimpleUploadedFile(f"{name}.pdf", PDF)
        update.save()
        found[f"{name}_evidence"] = update
    return found


def _pages(a):
    def each(name):
        action, update = a[name], a[f"{name}_evidence"]
        return [
            reverse("governance:action", args=[action.pk]),
            reverse("governance:action_add_update", args=[action.pk]),
            reverse("governance:action_evidence", args=[update.pk]),
        ]

    rows = [(reverse("governance:actions"), LOGIN, OK, OK, OK, FORBIDDEN, FORBIDDEN)]
    # (url, anonymous, manager, chair, partner, delegate, outsider)
    for url in each("partners"):
        rows.append((url, LOGIN, OK, NOT_FOUND, OK, FORBIDDEN, FORBIDDEN))
    for url in each("chairs_body"):
        rows.append((url, LOGIN, OK, OK, NOT_FOUND, FORBIDDEN, FORBIDDEN))
    for url in each("neither"):
        rows.append((url, LOGIN, OK, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN))
    return rows


@pytest.mark.django_db
def test_every_action_page_gives_each_role_what_it_should(statuses_by_role, actions):
    failures = statuses_by_role(_pages(actions))
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_the_public_is_sent_to_sign_in_and_comes_back_to_the_action(client, actions):
    url = reverse("governance:action", args=[actions["partners"].pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "role, action, status",
    [
        ("partner", "chairs_body", NOT_FOUND),  # another agency's action
        ("partner", "neither", NOT_FOUND),
        ("chair", "neither", NOT_FOUND),  # a body the chair does not chair
        ("chair", "partners", NOT_FOUND),
        ("delegate", "partners", FORBIDDEN),
        ("outsider", "partners", FORBIDDEN),
    ],
)
def test_nobody_can_post_a_progress_update_on_an_action_they_do_not_answer_for(
    request, client, actions, role, action, status
):
    client.force_login(request.getfixturevalue(role))
    target = actions[action]
    response = client.post(
        reverse("governance:action_add_update", args=[target.pk]),
        {"date": "2024-01-10", "text": "Not mine to report", "status": "complete", "rag": "green"},
    )
    assert response.status_code == status
    target.refresh_from_db()
    assert target.status == "not_started"
    assert not target.updates.filter(text="Not mine to report").exists()


@pytest.mark.django_db
def test_the_public_cannot_post_a_progress_update(client, actions):
    target = actions["partners"]
    response = client.post(
        reverse("governance:action_add_update", args=[target.pk]), {"date": "2024-01-10", "text": "Anonymous"}
    )
    assert response.status_code == 302
    assert not target.updates.filter(text="Anonymous").exists()


@pytest.mark.django_db
def test_a_chair_who_is_also_a_partner_sees_both_their_agencys_and_their_bodys_actions(client, chair, actions):
    own = ActionFactory(owner_agency=chair.person.agency, title="Audit of the chair agency referrals")
    client.force_login(chair)
    content = client.get(reverse("governance:actions")).content.decode()
    assert own.title in content
    assert actions["chairs_body"].title in content
    assert actions["partners"].title not in content
    assert actions["neither"].title not in content


@pytest.mark.django_db
def test_a_former_chair_loses_the_bodys_actions(client, chair, actions):
    chair.person.memberships.update(end=timezone.localdate() - timedelta(days=1))
    client.force_login(chair)
    url = reverse("governance:action", args=[actions["chairs_body"].pk])
    assert client.get(url).status_code == NOT_FOUND
