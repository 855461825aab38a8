"""Subject access and erasure reach a person's data only through what each app declares (lscp/data_protection.py).
A field that points at a person, a delegate or an account, or holds an e-mail address or a phone number, must be
answered for by a declaration (`covers`), or said by its app not to be personal (`NOT_PERSONAL`): a new field
that is neither fails here, before a subject access request misses it."""

from django.apps import apps
from django.conf import settings
from django.db import models

from lscp.data_protection import not_personal_fields, registered_personal_data

APPS = ("partnership", "governance", "reviews", "training", "audits", "reports")
PEOPLE = {settings.AUTH_USER_MODEL, "partnership.Person", "training.Delegate"}


def _holds_personal_data(field):
    if isinstance(field, models.ForeignKey) and field.related_model._meta.label in PEOPLE:
        return True
    return isinstance(field, models.EmailField) or field.name in ("phone", "sent_to")


def personal_fields():
    found = set()
    for app in APPS:
        for model in apps.get_app_config(app).get_models():
            if model.__name__.startswith("Historical"):
                continue
            for field in model._meta.concrete_fields:
                if _holds_personal_data(field):
                    found.add(f"{model._meta.label}.{field.name}")
    return found


def test_every_field_pointing_at_a_person_or_holding_an_address_is_declared():
    answered = {name for entry in registered_personal_data() for name in entry.covers} | set(not_personal_fields())
    missing = sorted(personal_fields() - answered)
    assert not missing, "Declare these in the app's personal_data.py (covers, or NOT_PERSONAL):\n" + "\n".join(missing)


def test_the_check_sees_the_registrys_people_and_the_delegates_addresses():
    found = personal_fields()
    assert {"partnership.Person.email", "governance.Action.owner_person", "training.Delegate.email"} <= found


def test_every_declaration_names_fields_that_exist():
    for entry in registered_personal_data():
        for name in entry.covers:
            label, field = name.rsplit(".", 1)
            apps.get_model(label)._meta.get_field(field)  # raises for a field that is not there
