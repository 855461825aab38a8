"""The organiser pages are for the business manager and the chairs of the Learning and Development Subgroup
(settings.TRAINING_BODY_NAME); a chair of another body, a partner, a delegate and an outsider are refused, and the
public is sent to sign in."""

import pytest
from django.urls import reverse

from lscp.roles import roles_for
from lscp.testing import sign_in
from training.permissions import can_organise_training
from training.tests.factories import CourseSessionFactory

pytestmark = pytest.mark.django_db


def test_the_learning_and_development_chair_organises_and_other_chairs_do_not(
    client, settings, chair, chaired_body, manager, partner, delegate, outsider
):
    session = CourseSessionFactory()
    url = reverse("training:organise_session", kwargs={"pk": session.pk})
    assert not can_organise_training(roles_for(chair))

    settings.TRAINING_BODY_NAME = chaired_body.name
    chair._lscp_roles = None
    assert can_organise_training(roles_for(chair))
    assert sign_in(client, chair).get(url).status_code == 200
    for user in (partner, delegate, outsider):
        assert sign_in(client, user).get(url).status_code == 403
    assert sign_in(client, manager).get(url).status_code == 200
    assert sign_in(client, None).get(url).status_code == 302
