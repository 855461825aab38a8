"""Every admin list shows fifty records a page (lscp/admin_lists.py): the long ones stay quick to draw."""

import pytest
from django.contrib import admin
from django.urls import reverse

from partnership.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_every_registered_admin_shows_fifty_records_a_page():
    assert {type(model_admin).__name__: model_admin.list_per_page for model_admin in admin.site._registry.values()} == {
        type(model_admin).__name__: 50 for model_admin in admin.site._registry.values()
    }


def test_a_list_of_sixty_people_shows_fifty_and_a_second_page(client, manager):
    PersonFactory.create_batch(60)
    client.force_login(manager)
    response = client.get(reverse("admin:partnership_person_changelist"))
    assert response.status_code == 200
    changelist = response.context["cl"]
    assert len(changelist.result_list) == 50 and changelist.paginator.num_pages == 2
    assert "?p=2" in response.content.decode()
