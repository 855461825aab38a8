"""Adding a progress update: the service (one transaction, completing dates the action) and the form."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from governance.models import UPDATE_IN_FUTURE, Action, ActionStatus, ActionUpdate, Rag
from governance.services.actions import PROGRESS_UPDATE_NEEDS_TEXT, add_progress_update
from governance.tests.factories import ActionFactory

PDF = b"%PDF-1.7\n% minutes of the audit meeting\n"


def today():
    return timezone.localdate()


@pytest.fixture
def action(partner):
    return ActionFactory(title="Refresh the neglect toolkit", owner_agency=partner.person.agency)


# The service.


@pytest.mark.django_db
def test_an_update_is_recorded_with_its_author_date_and_text(action, partner):
    update = add_progress_update(action=action, author=partner, date=today(), text="  Draft shared.  ")
    assert (update.action, update.author, update.date, update.text) == (action, partner, today(), "Draft shared.")
    action.refresh_from_db()
    assert (action.status, action.rag) == (ActionStatus.NOT_STARTED, "")


@pytest.mark.django_db
def test_an_update_can_change_the_status_and_rag_rating(action, partner):
    add_progress_update(
        action=action, author=partner, date=today(), text="Started", status=ActionStatus.AT_RISK, rag=Rag.RED
    )
    action.refresh_from_db()
    assert (action.status, action.rag, action.completed_on) == (ActionStatus.AT_RISK, Rag.RED, None)


@pytest.mark.django_db
def test_completing_an_action_dates_it_with_the_update(action, partner):
    day = today() - timedelta(days=2)
    add_progress_update(action=action, author=partner, date=day, text="Toolkit published", status="complete")
    action.refresh_from_db()
    assert (action.status, action.completed_on) == (ActionStatus.COMPLETE, day)
    assert not action.is_overdue


@pytest.mark.django_db
def test_a_later_update_on_a_complete_action_keeps_its_completion_date(action, partner):
    day = today() - timedelta(days=5)
    add_progress_update(action=action, author=partner, date=day, text="Done", status="complete")
    add_progress_update(action=action, author=partner, date=today(), text="Evidence of impact", status="complete")
    action.refresh_from_db()
    assert action.completed_on == day


@pytest.mark.django_db
def test_reopening_a_complete_action_clears_its_completion_date(action, partner):
    add_progress_update(action=action, author=partner, date=today(), text="Done", status="complete")
    add_progress_update(action=action, author=partner, date=today(), text="Audit found gaps", status="on_track")
    action.refresh_from_db()
    assert (action.status, action.completed_on) == (ActionStatus.ON_TRACK, None)


@pytest.mark.django_db
def test_the_evidence_is_stored_with_the_update(action, partner, settings):
    update = add_progress_update(
        action=action, author=partner, date=today(), text="See minutes", evidence=SimpleUploadedFile("minutes.pdf", PDF)
    )
    assert update.evidence.name.startswith("action-evidence/")
    with update.evidence.open("rb") as handle:
        assert handle.read() == PDF


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"text": "   "}, "text", PROGRESS_UPDATE_NEEDS_TEXT),
        ({"date": today() + timedelta(days=3)}, "date", UPDATE_IN_FUTURE),
        ({"evidence": SimpleUploadedFile("virus.exe", b"MZ")}, "evidence", "Upload a PDF, Word (.docx) or Excel"),
        ({"evidence": SimpleUploadedFile("fake.pdf", b"not a pdf")}, "evidence", "is not a real .pdf file"),
        ({"status": "finished"}, "status", "is not a valid choice"),
        ({"rag": "purple"}, "rag", "is not a valid choice"),
    ],
)
def test_a_wrong_update_saves_nothing_and_says_why(action, partner, changes, field, message):
    arguments = {"action": action, "author": partner, "date": today(), "text": "Progress", "status": "complete"}
    arguments.update(changes)
    with pytest.raises(ValidationError) as caught:
        add_progress_update(**arguments)
    assert any(message in text for text in caught.value.message_dict[field])
    assert not ActionUpdate.objects.exists()
    action.refresh_from_db()
    assert (action.status, action.completed_on) == (ActionStatus.NOT_STARTED, None)


@pytest.mark.django_db
def test_the_change_is_logged_against_the_author(action, partner):
    add_progress_update(action=action, author=partner, date=today(), text="Moving", status="on_track")
    assert action.history.latest().history_user == partner
    assert ActionUpdate.history.latest().history_user == partner


# The form.


@pytest.mark.django_db
def test_a_partner_adds_an_update_with_evidence_through_the_form(client, partner, action):
    client.force_login(partner)
    response = client.post(
        reverse("governance:action_add_update", args=[action.pk]),
        {
            "date": today().isoformat(),
            "text": "Toolkit signed off by the subgroup",
            "evidence": SimpleUploadedFile("sign-off.pdf", PDF),
            "status": "complete",
            "rag": "green",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("governance:action", args=[action.pk]) + "#progress"
    action.refresh_from_db()
    assert (action.status, action.rag, action.completed_on) == (ActionStatus.COMPLETE, Rag.GREEN, today())
    update = action.updates.get()
    page = client.get(response["Location"]).content.decode()
    assert "Toolkit signed off by the subgroup" in page
    assert reverse("governance:action_evidence", args=[update.pk]) in page
    assert "/media" not in page  # evidence is never linked by a public URL


@pytest.mark.django_db
def test_the_evidence_download_serves_the_file_as_an_attachment(client, partner, action):
    update = add_progress_update(
        action=action, author=partner, date=today(), text="See", evidence=SimpleUploadedFile("report.pdf", PDF)
    )
    client.force_login(partner)
    response = client.get(reverse("governance:action_evidence", args=[update.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith('attachment; filename="report')


@pytest.mark.django_db
def test_an_update_without_evidence_has_nothing_to_download(client, partner, action):
    update = add_progress_update(action=action, author=partner, date=today(), text="No file")
    client.force_login(partner)
    assert client.get(reverse("governance:action_evidence", args=[update.pk])).status_code == 404


@pytest.mark.django_db
def test_a_chair_updates_an_action_of_the_body_they_chair(client, chair, chaired_body):
    action = ActionFactory(lead_body=chaired_body)
    client.force_login(chair)
    response = client.post(
        reverse("governance:action_add_update", args=[action.pk]),
        {"date": today().isoformat(), "text": "Reviewed at the subgroup", "rag": "amber"},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.rag == Rag.AMBER
    assert action.updates.get().author == chair


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"date": "", "text": "Typed progress"}, "date", "This field is required."),
        ({"date": "31/02/2024", "text": "Typed progress"}, "date", "Enter a valid date."),
        ({"date": "tomorrow", "text": "Typed progress"}, "date", "Enter a valid date."),
        ({"date": (today() + timedelta(days=3)).isoformat(), "text": "Typed progress"}, "date", UPDATE_IN_FUTURE),
        ({"date": today().isoformat(), "text": ""}, "text", "This field is required."),
        ({"date": today().isoformat(), "text": "Typed progress", "status": "done"}, "status", "valid choice"),
        ({"date": today().isoformat(), "text": "Typed progress", "rag": "blue"}, "rag", "valid choice"),
    ],
)
def test_a_wrong_form_keeps_what_was_typed_and_shows_the_errors(client, partner, action, data, field, message):
    client.force_login(partner)
    response = client.post(reverse("governance:action_add_update", args=[action.pk]), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="error-summary"' in content
    assert f'href="#id_{field}"' in content
    assert any(message in error for error in response.context["form"].errors[field])
    if data["text"]:
        assert data["text"] in content
    assert not ActionUpdate.objects.exists()


@pytest.mark.django_db
def test_a_wrong_evidence_file_is_refused_and_the_text_kept(client, partner, action):
    client.force_login(partner)
    response = client.post(
        reverse("governance:action_add_update", args=[action.pk]),
        {
            "date": today().isoformat(),
            "text": "Kept text",
            "status": "on_track",
            "evidence": SimpleUploadedFile("toolkit.exe", b"MZ"),
        },
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Upload a PDF, Word (.docx) or Excel (.xlsx) document" in content
    assert "Kept text" in content
    assert "choose the evidence file again" in content
    assert '<option value="on_track" selected>' in content
    assert not ActionUpdate.objects.exists()


@pytest.mark.django_db
def test_evidence_over_the_size_limit_is_refused(client, partner, action, settings):
    settings.DOCUMENT_MAX_BYTES = 1024
    client.force_login(partner)
    response = client.post(
        reverse("governance:action_add_update", args=[action.pk]),
        {"date": today().isoformat(), "text": "Big", "evidence": SimpleUploadedFile("big.pdf", PDF + b"0" * 4096)},
    )
    assert "the limit is 1\xa0KB" in response.content.decode()
    assert not ActionUpdate.objects.exists()


@pytest.mark.django_db
def test_a_problem_with_the_action_itself_is_shown_not_a_server_error(client, partner, action):
    # An action whose source record has since been deleted cannot be saved; the author is told whom to ask.
    Action.objects.filter(pk=action.pk).update(source_id=999999)
    client.force_login(partner)
    response = client.post(
        reverse("governance:action_add_update", args=[action.pk]),
        {"date": today().isoformat(), "text": "Progress", "status": "on_track"},
    )
    assert response.status_code == 200
    assert "Ask the business manager to correct it" in response.content.decode()
    assert not ActionUpdate.objects.exists()


@pytest.mark.django_db
def test_the_form_page_offers_the_current_status_and_rating_as_the_default(client, partner, action):
    Action.objects.filter(pk=action.pk).update(status=ActionStatus.AT_RISK, rag=Rag.AMBER)
    client.force_login(partner)
    content = client.get(reverse("governance:action_add_update", args=[action.pk])).content.decode()
    assert "Keep it as it is (At risk)" in content
    assert "Keep it as it is (Amber)" in content
    assert f'value="{today().isoformat()}"' in content


@pytest.mark.django_db
def test_completing_an_action_rated_red_asks_for_another_rating_and_changes_nothing(action, partner):
    add_progress_update(action=action, author=partner, date=today(), text="Stuck", status="at_risk", rag=Rag.RED)
    with pytest.raises(ValidationError) as raised:
        add_progress_update(action=action, author=partner, date=today(), text="Toolkit published", status="complete")
    assert "cannot be rated Red" in " ".join(raised.value.message_dict["rag"])
    action.refresh_from_db()
    assert (action.status, action.rag, action.updates.count()) == (ActionStatus.AT_RISK, Rag.RED, 1)

    add_progress_update(
        action=action, author=partner, date=today(), text="Toolkit published", status="complete", rag=Rag.GREEN
    )
    action.refresh_from_db()
    assert (action.status, action.rag) == (ActionStatus.COMPLETE, Rag.GREEN)


@pytest.mark.django_db
def test_a_note_alone_is_added_to_an_action_recorded_complete_and_red_before_the_rule(action, partner):
    Action.objects.filter(pk=action.pk).update(status=ActionStatus.COMPLETE, completed_on=today(), rag=Rag.RED)
    add_progress_update(action=action, author=partner, date=today(), text="Impact checked")
    assert action.updates.count() == 1
