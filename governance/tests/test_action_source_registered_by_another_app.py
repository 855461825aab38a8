"""An app that registers one of its models as an action source can have actions raised from it, through the
model's validation, the progress-update service, the spreadsheet import and the action's page; a kind no app
registered is refused with the messages users already know.

The meeting stands in for a later app's model: it is a source only inside `registered(...)`, so these tests
need no test-only app or migration, and the registry is as declared again once each block ends.
"""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance import action_sources
from governance.action_sources import ActionSource
from governance.models import Action
from governance.resources import SourceKind
from governance.services.actions import add_progress_update
from governance.tests.factories import ActionFactory, PriorityActivityFactory
from governance.tests.test_import_support import csv_file, import_file, messages_of, problems, upload
from partnership.models import Meeting
from partnership.tests.factories import AgencyFactory, MeetingFactory


def meeting_source():
    return ActionSource("partnership.Meeting", describe=lambda m: f"Meeting of the {m.body.name}", related=("body",))


def action_from(meeting, **fields):
    return ActionFactory.build(
        owner_agency=AgencyFactory(),
        source_type=ContentType.objects.get_for_model(Meeting),
        source_id=meeting.pk,
        **fields,
    )


def errors_of(action):
    with pytest.raises(ValidationError) as caught:
        action.full_clean()
    return caught.value.message_dict


IMPORT_HEADER = ["Title", "Comes from (kind)", "Comes from (number)", "Owner agency", "Due date"]


@pytest.mark.django_db
def test_a_registered_kind_passes_validation_and_a_missing_record_of_it_is_named():
    meeting = MeetingFactory()
    with action_sources.registered(meeting_source()):
        action = action_from(meeting)
        action.full_clean()
        action.save()
        assert Action.objects.get().source == meeting
        action.source_id = meeting.pk + 1000
        assert errors_of(action)["source_id"] == [
            f"There is no meeting number {meeting.pk + 1000} to raise this action from."
        ]


@pytest.mark.django_db
def test_the_same_kind_is_refused_once_the_registry_forgets_it():
    action = action_from(MeetingFactory())
    assert errors_of(action)["source_type"] == ["Actions cannot be raised from that kind of record."]
    assert action_sources.source_for(ContentType.objects.get_for_model(Meeting)) is None


@pytest.mark.django_db
def test_the_progress_service_accepts_an_action_from_a_registered_kind_and_refuses_one_from_an_unregistered(
    manager,
):
    meeting = MeetingFactory()
    with action_sources.registered(meeting_source()):
        action = action_from(meeting)
        action.save()
        add_progress_update(action=action, author=manager, date=date(2024, 1, 10), text="Minutes circulated.")
    assert action.updates.count() == 1

    with pytest.raises(ValidationError) as caught:
        add_progress_update(action=action, author=manager, date=date(2024, 1, 11), text="Chased.")
    assert caught.value.messages == [
        "This action cannot be saved as it stands: Actions cannot be raised from that kind of record. "
        "Ask the business manager to correct it."
    ]
    assert action.updates.count() == 1


@pytest.mark.django_db
def test_the_spreadsheet_import_reads_a_registered_kind_by_its_name(manager, as_user):
    meeting = MeetingFactory()
    AgencyFactory(name="Metropolitan Police")
    rows = [IMPORT_HEADER, ["Minute the decisions", "Meeting", meeting.pk, "Metropolitan Police", "2030-01-31"]]
    with action_sources.registered(meeting_source()):
        response = import_file(as_user(manager), Action, csv_file(rows))
    assert "Import finished: 1 new, 0 updated, 0 deleted and 0 skipped actions." in messages_of(response)
    assert Action.objects.get(title="Minute the decisions").source == meeting


@pytest.mark.django_db
def test_the_spreadsheet_import_refuses_an_unregistered_kind_naming_the_registered_ones(manager, as_user):
    meeting = MeetingFactory()
    AgencyFactory(name="Metropolitan Police")
    rows = [IMPORT_HEADER, ["Minute the decisions", "meeting", meeting.pk, "Metropolitan Police", "2030-01-31"]]
    preview = upload(as_user(manager), Action, csv_file(rows))
    assert (
        "Row 2, Comes from (kind): Actions cannot be raised from “meeting”: "
        "use “priority activity”, “review recommendation”, “national review”, “audit recommendation” or "
        "“Section 11 standard”."
    ) in problems(preview)
    assert not Action.objects.exists()


@pytest.mark.django_db
def test_the_sheet_lists_every_registered_kind_and_writes_each_by_its_registered_name():
    meeting_type = ContentType.objects.get_for_model(Meeting)
    with action_sources.registered(ActionSource("partnership.Meeting", label="board meeting")):
        assert SourceKind().clean("Board meeting") == meeting_type
        assert SourceKind().render(meeting_type) == "board meeting"
        with pytest.raises(ValueError) as caught:
            SourceKind().clean("minutes")
    assert str(caught.value) == (
        "Actions cannot be raised from “minutes”: use “priority activity”, “review recommendation”, "
        "“national review”, “audit recommendation”, “Section 11 standard” or “board meeting”."
    )


@pytest.mark.django_db
def test_the_action_page_describes_the_source_as_its_app_asks(client, manager):
    meeting = MeetingFactory(body__name="Case Review Subgroup")
    with action_sources.registered(meeting_source()):
        action = action_from(meeting)
        action.save()
        client.force_login(manager)
        page = client.get(reverse("governance:action", args=[action.pk])).content.decode()
    assert "Meeting of the Case Review Subgroup" in page


@pytest.mark.django_db
def test_the_admin_offers_a_registered_kind_by_its_name_and_filters_by_it(client, manager):
    meeting = MeetingFactory()
    client.force_login(manager)
    with action_sources.registered(ActionSource("partnership.Meeting", label="board meeting")):
        add_page = client.get(reverse("admin:governance_action_add")).content.decode()
        action = action_from(meeting)
        action.save()
        kind = ContentType.objects.get_for_model(Meeting).pk
        listed = client.get(reverse("admin:governance_action_changelist"), {"source_kind": kind})
        assert [a.pk for a in listed.context["cl"].result_list] == [action.pk]
    assert ">Board meeting</option>" in add_page
    assert ">Priority activity</option>" in add_page
    assert ">Board meeting</option>" not in client.get(reverse("admin:governance_action_add")).content.decode()


def test_a_kind_cannot_be_registered_twice():
    twice = ActionSource("governance.PriorityActivity")
    with (
        pytest.raises(ValueError, match="Action sources declared twice: governance.PriorityActivity"),
        action_sources.registered(twice),
    ):
        pass
    declared = [
        "governance.PriorityActivity",
        "reviews.Recommendation",
        "reviews.NationalReview",
        "audits.AuditRecommendation",
        "audits.StandardResponse",
    ]
    assert [s.model for s in action_sources.registered_sources()] == declared


@pytest.mark.django_db
def test_governance_describes_a_priority_activity_with_its_priority_number(client, manager):
    action = ActionFactory(source_id=None, source_type=None)
    activity = PriorityActivityFactory(priority__number=2, activity="Neglect toolkit")
    action.source = activity
    action.save()
    client.force_login(manager)
    page = client.get(reverse("governance:action", args=[action.pk])).content.decode()
    assert "Priority 2 activity: Neglect toolkit" in page


def test_a_source_that_links_to_its_records_page_says_who_may_open_it():
    with pytest.raises(ValueError, match="needs both `url` and `may_open`"):
        ActionSource("partnership.Meeting", url=lambda meeting: reverse("partnership:meeting", args=[meeting.pk]))
