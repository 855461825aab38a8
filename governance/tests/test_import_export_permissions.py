"""The business manager imports and exports; other staff only with the permissions on those records (add and
change to import, view to export), and everyone else is sent to sign in."""

import pytest
from django.contrib.auth.models import Permission

from governance.models import Action, Contribution, ExpenditureLine, ReservesBroughtForward
from governance.tests.test_import_support import admin_url, csv_file, export, make_registry, upload
from partnership.models import Agency, Membership, Person
from partnership.tests.factories import UserFactory

MODELS = [Agency, Person, Membership, Contribution, ExpenditureLine, ReservesBroughtForward, Action]


@pytest.fixture
def staff(db):
    return UserFactory(username="receptionist", is_staff=True)


def grant(user, model, *actions):
    for action in actions:
        user.user_permissions.add(Permission.objects.get(codename=f"{action}_{model._meta.model_name}"))


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.model_name)
def test_the_business_manager_has_the_import_and_export_buttons_and_pages(manager, as_user, model):
    client = as_user(manager)

    changelist = client.get(admin_url(model, "changelist")).content.decode()
    assert admin_url(model, "import") in changelist
    assert admin_url(model, "export") in changelist
    assert client.get(admin_url(model, "import")).status_code == 200
    assert client.get(admin_url(model, "export")).status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.model_name)
def test_staff_without_permission_on_the_records_can_neither_import_nor_export(staff, as_user, model):
    client = as_user(staff)

    assert client.get(admin_url(model, "import")).status_code == 403
    assert client.post(admin_url(model, "process_import"), {}).status_code == 403
    assert client.get(admin_url(model, "export")).status_code == 403
    assert client.post(admin_url(model, "export"), {"format": "0"}).status_code == 403


def test_staff_who_may_only_view_may_export_but_not_import(staff, as_user):
    make_registry()
    grant(staff, Agency, "view")
    client = as_user(staff)

    changelist = client.get(admin_url(Agency, "changelist")).content.decode()
    assert admin_url(Agency, "export") in changelist
    assert admin_url(Agency, "import") not in changelist
    assert b"Metropolitan Police" in export(client, Agency).content
    before = Agency.objects.count()
    assert upload(client, Agency, csv_file([["Name", "Sector"], ["Kids Company", "Voluntary"]])).status_code == 403
    assert Agency.objects.count() == before


def test_staff_given_add_and_change_on_a_record_may_import_it(staff, as_user):
    grant(staff, Agency, "view", "add", "change")

    response = upload(as_user(staff), Agency, csv_file([["Name", "Sector"], ["Kids Company", "Voluntary"]]))

    assert response.context["confirm_form"] is not None


@pytest.mark.parametrize("who", ["partner", "chair", "delegate", "outsider"])
def test_people_who_are_not_staff_are_sent_to_the_admin_sign_in(request, as_user, who):
    client = as_user(request.getfixturevalue(who))

    for view in ("import", "export"):
        response = client.get(admin_url(Agency, view))
        assert response.status_code == 302
        assert "/login/" in response["Location"]


def test_the_public_is_sent_to_sign_in(client, db):
    response = client.get(admin_url(Person, "export"))

    assert response.status_code == 302
    assert "/login/" in response["Location"]
