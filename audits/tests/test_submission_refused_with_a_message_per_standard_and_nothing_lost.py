"""A return is submitted only when every standard is rated and every rating other than "not applicable" has its
evidence (in words or as a file). Otherwise each standard's problem is named under that standard, what was typed
stays on the page and is kept as a draft, and the return stays with the agency."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audits.models import Return
from audits.services.section11 import STANDARD_NEEDS_EVIDENCE, STANDARD_NEEDS_RATING, start_return, submit_return

from .factories import make_cycle


@pytest.fixture
def opened(partner):
    cycle = make_cycle(partner.person.agency, standards=4)
    return start_return(cycle=cycle, agency=partner.person.agency, by=partner)


def _standards(agency_return):
    return {s.number: s for s in agency_return.cycle.standard_set.standards.all()}


@pytest.mark.django_db
def test_the_service_names_every_standard_that_is_not_ready(opened, partner):
    standards = _standards(opened)
    opened.responses.filter(standard__number=1).update(rating="fully_met", evidence="Audit of files, May 2023.")
    opened.responses.filter(standard__number=2).update(rating="partially_met")  # no evidence
    opened.responses.filter(standard__number=4).update(rating="not_applicable")  # needs none
    with pytest.raises(ValidationError) as refused:
        submit_return(agency_return=opened, by=partner)
    problems = refused.value.message_dict
    assert problems == {
        f"evidence:{standards[2].pk}": [
            STANDARD_NEEDS_EVIDENCE % {"number": 2, "title": "Standard title 2", "rating": "partially met"}
        ],
        f"rating:{standards[3].pk}": [STANDARD_NEEDS_RATING % {"number": 3, "title": "Standard title 3"}],
    }
    assert Return.objects.get(pk=opened.pk).status == "in_progress"


@pytest.mark.django_db
def test_the_page_shows_each_problem_under_its_standard_and_keeps_what_was_typed(client, opened, partner):
    standards = _standards(opened)
    client.force_login(partner)
    data = {
        "submit": "1",
        f"rating_{standards[1].pk}": "fully_met",
        f"evidence_{standards[1].pk}": "Safer recruitment audit, 40 files, all compliant.",
        f"rating_{standards[2].pk}": "not_met",
        f"evidence_{standards[2].pk}": "",
        f"evidence_{standards[3].pk}": "Supervision policy being rewritten; rating to follow.",
        f"rating_{standards[4].pk}": "not_applicable",
    }
    response = client.post(reverse("audits:return", args=[opened.pk]), data)
    assert response.status_code == 200
    page = response.content.decode()
    form = response.context["form"]
    assert form[f"evidence_{standards[2].pk}"].errors == [
        STANDARD_NEEDS_EVIDENCE % {"number": 2, "title": "Standard title 2", "rating": "not met"}
    ]
    assert form[f"rating_{standards[3].pk}"].errors == [
        STANDARD_NEEDS_RATING % {"number": 3, "title": "Standard title 3"}
    ]
    assert not form[f"rating_{standards[1].pk}"].errors and not form[f"rating_{standards[4].pk}"].errors
    # What was typed is on the page, and kept as the draft.
    assert "Safer recruitment audit, 40 files, all compliant." in page
    assert "Supervision policy being rewritten; rating to follow." in page
    assert "was not submitted" in page
    saved = {r.standard.number: (r.rating, r.evidence) for r in opened.responses.select_related("standard")}
    assert saved[1] == ("fully_met", "Safer recruitment audit, 40 files, all compliant.")
    assert saved[2] == ("not_met", "")
    assert saved[3] == ("", "Supervision policy being rewritten; rating to follow.")
    assert Return.objects.get(pk=opened.pk).status == "in_progress"


@pytest.mark.django_db
def test_a_file_is_evidence_enough_and_then_it_submits(client, opened, partner):
    standards = _standards(opened)
    client.force_login(partner)
    data = {"submit": "1"}
    for number, standard in standards.items():
        data[f"rating_{standard.pk}"] = "fully_met"
        data[f"evidence_{standard.pk}"] = "" if number == 1 else f"Evidence {number}"
    data[f"files_{standards[1].pk}"] = SimpleUploadedFile("policy.pdf", b"%PDF-1.7\n% test\n")
    asked = client.post(reverse("audits:return", args=[opened.pk]), data)  # the file is kept with the draft
    assert asked.status_code == 200 and "Submit your return" in asked.content.decode()
    response = client.post(reverse("audits:return", args=[opened.pk]), {"submit": "1", "confirmed": "1"})
    assert response.status_code == 302
    assert Return.objects.get(pk=opened.pk).status == "submitted"


@pytest.mark.django_db
def test_a_file_of_the_wrong_kind_is_refused_under_its_standard(client, opened, partner):
    standards = _standards(opened)
    client.force_login(partner)
    data = {
        "save": "1",
        f"evidence_{standards[1].pk}": "Kept even though the file is refused.",
        f"files_{standards[1].pk}": SimpleUploadedFile("script.exe", b"MZ..."),
    }
    response = client.post(reverse("audits:return", args=[opened.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"][f"files_{standards[1].pk}"].errors
    assert len(errors) == 1 and "script.exe" in errors[0] and errors[0].startswith("Standard 1:")
    assert "Kept even though the file is refused." in response.content.decode()
    assert not opened.responses.filter(files__isnull=False).exists()
