import pytest
from django.urls import reverse

from partnership.models import Body


@pytest.mark.django_db
def test_a_chair_edits_their_own_bodys_terms_of_reference(client, chair, chaired_body):
    client.force_login(chair)
    response = client.post(
        reverse("partnership:body_edit", args=[chaired_body.pk]),
        {
            "purpose": "Learning from reviews",
            "terms_of_reference": "Meets bi-monthly.",
            "meeting_frequency": "bi-monthly",
        },
    )
    assert response.status_code == 302
    chaired_body.refresh_from_db()
    assert chaired_body.terms_of_reference == "Meets bi-monthly."
    assert chaired_body.history.first().history_user == chair


@pytest.mark.django_db
def test_a_chair_cannot_edit_another_body(client, chair, other_body):
    client.force_login(chair)
    response = client.post(
        reverse("partnership:body_edit", args=[other_body.pk]),
        {"purpose": "Taken over", "terms_of_reference": "", "meeting_frequency": ""},
    )
    assert response.status_code == 403
    assert Body.objects.get(pk=other_body.pk).purpose == ""


@pytest.mark.django_db
def test_a_member_who_is_not_a_chair_cannot_edit_their_body(client, partner, chaired_body):
    client.force_login(partner)
    response = client.post(reverse("partnership:body_edit", args=[chaired_body.pk]), {"purpose": "x"})
    assert response.status_code == 403


@pytest.mark.django_db
def test_a_chair_whose_chairing_ended_loses_the_right(client, chair, chaired_body):
    from datetime import date

    chair.person.memberships.update(end=date(2021, 3, 31))
    client.force_login(chair)
    assert client.get(reverse("partnership:body_edit", args=[chaired_body.pk])).status_code == 403


@pytest.mark.django_db
def test_a_chair_has_no_admin_access(client, chair):
    client.force_login(chair)
    response = client.get(reverse("admin:partnership_body_changelist"))
    assert response.status_code == 302
