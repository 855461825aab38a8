"""Every date the partnership's records hold lies between 1 January 1990 and 31 December five years from now, and the
date of something that has happened (an incident, a notification, a meeting's register, a completion, evidence) is
not after today. 1 January of year 1 and 31 December 9999 are refused, with a message naming the range, wherever a
date comes in: every record's own rules (which the services and the admin check), every web form, every add form of
the admin, and every spreadsheet import, which then imports nothing and names the row.
"""

import importlib
import inspect
import pkgutil
from datetime import date

import pytest
from django import forms
from django.apps import apps
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

APPS = ("partnership", "governance", "reviews", "training", "audits", "reports")
FIRST, LAST = date(1, 1, 1), date(9999, 12, 31)


def range_message():
    return f"Give a date between 1 January 1990 and 31 December {timezone.localdate().year + 5}."


PAST_MESSAGE = "Give a date between 1 January 1990 and today."
NOT_COME_YET = "This date has not come yet."


def _rule(field):
    """The records' date rule on a model or form field, or None."""
    from lscp.dates import RecordDateValidator

    return next((v for v in field.validators if isinstance(v, RecordDateValidator)), None)


def _expected(rule, day):
    if not rule.past:
        return range_message()
    return PAST_MESSAGE if day == FIRST else rule.future_message


# The records' own rules.


def _typed_date_fields():
    """Every date or time a person or a service gives a record: all but those worked out on save (not editable), the
    moments Django stamps itself (auto_now) and the moment of each change in a record's history (its own clock)."""
    for model in apps.get_models():
        if model._meta.app_label not in APPS:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.DateField):  # a DateTimeField is one too
                continue
            if not field.editable or getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                continue
            if field.name == "history_date" and hasattr(model, "instance_type"):  # django-simple-history's
                continue
            yield model, field


def test_every_date_a_record_is_given_carries_the_range():
    missing = [f"{model._meta.label}.{field.name}" for model, field in _typed_date_fields() if not _rule(field)]
    assert not missing, "These dates take any value:\n" + "\n".join(missing)
    assert len(list(_typed_date_fields())) > 60


@pytest.mark.parametrize("day", [FIRST, LAST], ids=["year 1", "9999"])
def test_every_records_rules_refuse_the_edges_of_time(day):
    for model, field in _typed_date_fields():
        value = day
        if isinstance(field, models.DateTimeField):
            value = timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 12, 0))
        with pytest.raises(ValidationError) as refused:
            field.run_validators(value)
        assert refused.value.messages == [_expected(_rule(field), day)], f"{model._meta.label}.{field.name}"


def test_a_date_inside_the_range_is_taken():
    today = timezone.localdate()
    for _model, field in _typed_date_fields():
        for day in (date(1990, 1, 1), today) + (() if _rule(field).past else (date(today.year + 5, 12, 31),)):
            value = day
            if isinstance(field, models.DateTimeField):
                value = timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 0, 0))
            field.run_validators(value)


# The web forms.


def _form_classes():
    for app in APPS:
        try:
            package = importlib.import_module(f"{app}.forms")
        except ModuleNotFoundError:
            continue
        modules = [package]
        if hasattr(package, "__path__"):
            names = [module.name for module in pkgutil.iter_modules(package.__path__)]
            modules += [importlib.import_module(f"{app}.forms.{name}") for name in names]
        for module in modules:
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                    yield cls


def _form_date_fields():
    for form in _form_classes():
        for name, field in form.base_fields.items():
            if isinstance(field, forms.DateField):
                model_field = None
                if issubclass(form, forms.BaseModelForm) and name in {f.name for f in form._meta.model._meta.fields}:
                    model_field = form._meta.model._meta.get_field(name)
                yield form, name, field, model_field


def test_every_web_forms_date_box_offers_the_range_and_checks_it():
    from lscp.dates import DateInput

    found = list(_form_date_fields())
    assert len(found) > 25
    today = timezone.localdate()
    for form, name, field, model_field in found:
        where = f"{form.__name__}.{name}"
        rule = _rule(field) or (model_field is not None and _rule(model_field))
        assert rule, f"{where} takes any date"
        assert isinstance(field.widget, DateInput), f"{where} is not the shared date box"
        html = field.widget.render(name, None)
        assert 'type="date"' in html and 'min="1990-01-01"' in html, where
        latest = today if rule.past else date(today.year + 5, 12, 31)
        assert f'max="{latest.isoformat()}"' in html, where
        if _rule(field):
            for day in (FIRST, LAST):
                with pytest.raises(forms.ValidationError) as refused:
                    field.clean(day.isoformat())
                assert refused.value.messages == [_expected(rule, day)], where


def test_a_chair_recording_a_meeting_in_year_1_or_9999_is_told_the_range(client, chair, chaired_body):
    client.force_login(chair)
    for day in ("0001-01-01", "9999-12-31"):
        data = {"date": day, "time": "10:00", "kind": "ordinary", "status": "scheduled", "theme": "Neglect"}
        response = client.post(reverse("partnership:meeting_create", args=[chaired_body.pk]), data)
        assert response.status_code == 200
        assert response.context["form"].errors["date"] == [range_message()]
        page = response.content.decode()
        assert f'value="{day}"' in page  # what was typed is kept
        latest = date(timezone.localdate().year + 5, 12, 31)
        assert 'min="1990-01-01"' in page and f'max="{latest.isoformat()}"' in page  # the browser offers the range
    assert not chaired_body.meetings.exists()


# The admin's add forms.


def _admin_date_fields(request):
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in APPS or not model_admin.has_add_permission(request):
            continue
        form = model_admin.get_form(request, obj=None)
        for name, field in form.base_fields.items():
            if isinstance(field, forms.DateField | forms.SplitDateTimeField):
                yield model, name, field, model._meta.get_field(name)


def test_every_admin_add_form_refuses_dates_outside_the_range(admin_client, admin_user, rf):
    request = rf.get("/")
    request.user = admin_user
    checked = 0
    for model, name, field, model_field in _admin_date_fields(request):
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
        for day in (FIRST, LAST):
            if isinstance(field, forms.SplitDateTimeField):
                data = {f"{name}_0": day.isoformat(), f"{name}_1": "12:00:00"}
            else:
                data = {name: day.isoformat()}
            response = admin_client.post(url, data)
            where = f"{model._meta.label}.{name} = {day}"
            assert response.status_code == 200, where  # the form again, never a 500 nor a saved record
            errors = response.context["adminform"].form.errors
            # The range's message, with any other rule the empty form breaks about the same field.
            assert _expected(_rule(model_field), day) in errors.get(name, []), f"{where}: {errors.get(name)}"
            checked += 1
    assert checked > 80


# The spreadsheet imports.


@pytest.fixture
def signed_in_manager(client, manager):
    client.force_login(manager)
    return client


def _admin_import_problems(client, model, rows):
    from governance.tests.test_import_support import csv_file, problems, upload

    response = upload(client, model, csv_file(rows))
    assert response.status_code == 200
    assert response.context.get("confirm_form") is None, "the file was accepted"
    return problems(response)


def test_the_membership_import_refuses_the_edges_of_time(signed_in_manager):
    from governance.tests.test_import_support import make_registry
    from partnership.models import Membership

    make_registry()
    rows = [
        ["Person (work e-mail)", "Body", "Role", "From", "To"],
        ["sam.nurse@nhs.example.org", "Case Review Subgroup", "Member", "2023-04-01", ""],
        ["dana.officer@met.example.org", "Case Review Subgroup", "Member", "0001-01-01", ""],
        ["dana.officer@met.example.org", "Case Review Subgroup", "Member", "2019-04-01", "31/12/9999"],
    ]
    assert _admin_import_problems(signed_in_manager, Membership, rows) == [
        f"Row 3, From: {range_message()}",
        f"Row 4, To: {range_message()}",
    ]
    assert not Membership.objects.exists()


def test_the_meeting_register_import_refuses_the_edges_of_time(signed_in_manager):
    from governance.tests.test_import_support import make_registry
    from partnership.models import Attendance, Meeting

    make_registry()
    rows = [
        ["Meeting date", "Body", "Member (work e-mail)", "Attendance"],
        ["01/01/0001", "Case Review Subgroup", "sam.nurse@nhs.example.org", "present"],
        ["9999-12-31", "Case Review Subgroup", "sam.nurse@nhs.example.org", "present"],
    ]
    assert _admin_import_problems(signed_in_manager, Attendance, rows) == [
        f"Row 2, Meeting date: {range_message()}",
        f"Row 3, Meeting date: {range_message()}",
    ]
    assert not Meeting.objects.exists() and not Attendance.objects.exists()


def test_the_action_import_refuses_the_edges_of_time(signed_in_manager):
    from governance.models import Action
    from governance.tests.test_import_support import make_registry

    make_registry()
    rows = [
        ["Title", "Owner agency", "Due date", "Status", "Completed on"],
        ["Audit referrals", "Metropolitan Police", "2027-01-31", "Not started", ""],
        ["Audit referrals", "Metropolitan Police", "0001-01-01", "Not started", ""],
        ["Audit referrals", "Metropolitan Police", "9999-12-31", "Not started", ""],
        ["Audit referrals", "Metropolitan Police", "2024-01-31", "Complete", "01/01/0001"],
        ["Audit referrals", "Metropolitan Police", "2024-01-31", "Complete", "9999-12-31"],
    ]
    found = _admin_import_problems(signed_in_manager, Action, rows)
    for expected in (
        f"Row 3, Due date: {range_message()}",
        f"Row 4, Due date: {range_message()}",
        f"Row 5, Completed on: {PAST_MESSAGE}",
        "Row 6, Completed on: An action cannot be completed on a date that has not come yet.",
    ):
        assert expected in found
    assert {problem.split(",")[0] for problem in found} == {"Row 3", "Row 4", "Row 5", "Row 6"}
    assert not Action.objects.exists()


def _period_message(value, start):
    return f"“{value}” starts on {start}: a period must start between 1 January 1990 and today."


@pytest.mark.parametrize("where", ["page", "admin"])
def test_the_data_set_import_refuses_periods_outside_the_range(client, manager, where):
    from audits.models import Observation
    from audits.tests.dataset_support import HEADINGS, make_data_set
    from governance.tests.test_import_support import csv_file

    make_data_set()
    client.force_login(manager)
    next_year = timezone.localdate().year + 1
    rows = [
        HEADINGS,
        ["Children in need", "RBKC", "31/03/2023", "", "726", "", ""],
        ["Children in need", "RBKC", "01/01/0001", "", "726", "", ""],
        ["Children in need", "WCC", "9999-12-31", "", "726", "", ""],
        ["Children in need", "WCC", "Q3 1900/01", "", "726", "", ""],
        ["Children in need", "WCC", f"January {next_year + 1}", "", "726", "", ""],
        ["Children in need", "WCC", "2999/00", "", "726", "", ""],
    ]
    expected = [
        f"Row 3, Period: {_period_message('01/01/0001', '1 January 0001')}",
        f"Row 4, Period: {_period_message('9999-12-31', '31 December 9999')}",
        f"Row 5, Period: {_period_message('Q3 1900/01', '1 October 1900')}",
        f"Row 6, Period: {_period_message(f'January {next_year + 1}', f'1 January {next_year + 1}')}",
        f"Row 7, Period: {_period_message('2999/00', '1 April 2999')}",
    ]
    if where == "admin":
        assert _admin_import_problems(client, Observation, rows) == expected
    else:
        response = client.post(reverse("audits:import_observations"), {"file": csv_file(rows)})
        assert response.status_code == 200
        found = [f"Row {p.row}, {p.column}: {p.message}" for p in response.context["problems"]]
        assert found == expected
    assert not Observation.objects.exists()


def test_the_training_attendance_import_refuses_the_edges_of_time():
    from training.models import Booking
    from training.services.attendance_import import import_attendance

    headings = (
        "Course,Session date,Session start,Delegate name,Work e-mail,Agency,Organisation,Sector,Job role,Attendance"
    )
    content = "\n".join(
        [
            headings,
            "Neglect,01/01/0001,09:30,Dana Officer,dana@example.org,,A school,Education,,attended",
            "Neglect,9999-12-31,09:30,Dana Officer,dana@example.org,,A school,Education,,attended",
        ]
    ).encode()
    result = import_attendance(content=content, file_format="csv")
    dates = [(p.row, p.column, p.message) for p in result.problems if p.column == "Session date"]
    assert dates == [(2, "Session date", range_message()), (3, "Session date", range_message())]
    assert not Booking.objects.exists()


# The demo's own records.


def test_every_date_of_the_demo_lies_in_the_range(demo):
    """The range takes every record the demo loads (the 2014 arrangements to the programme ahead): a date the rule
    would refuse in the demo would be refused when a business manager edits the record."""
    outside = []
    checked = 0
    for model, field in _typed_date_fields():
        for pk, value in model._default_manager.exclude(**{field.name: None}).values_list("pk", field.name):
            checked += 1
            try:
                field.run_validators(value)
            except ValidationError as error:
                outside.append(f"{model._meta.label} {pk}.{field.name} = {value}: {error.messages}")
    assert not outside, "\n".join(outside)
    assert checked > 1000
