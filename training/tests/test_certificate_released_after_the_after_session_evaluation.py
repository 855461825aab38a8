"""The certificate is refused with a page that says what to do until the delegate has answered the after-session
evaluation; then it is a real PDF (laid out by WeasyPrint, tagged) with the delegate's name, the course, the date,
the learning outcomes and the partnership's name, linked from the thank-you page and e-mailed."""

import io
import re
from datetime import timedelta

import pypdf
import pytest
from django.utils import timezone

from training import links
from training.services.evaluations import CERTIFICATE_NEEDS_AFTER_EVALUATION, submit_evaluation
from training.tests.factories import BookingFactory, CourseSessionFactory, DelegateFactory, LearningOutcomeFactory

pytestmark = pytest.mark.django_db


def path_of(url):
    return "/" + url.split("//", 1)[1].split("/", 1)[1]


def test_refused_before_and_given_after(client, settings, mailoutbox, django_capture_on_commit_callbacks):
    settings.PARTNERSHIP_NAME = "Northborough Safeguarding Children Partnership"
    starts = timezone.now().replace(microsecond=0) - timedelta(days=1)
    session = CourseSessionFactory(
        course__title="Domestic Abuse and Safeguarding Children",
        starts_at=starts,
        ends_at=starts + timedelta(hours=3),
        status="held",
    )
    outcome = LearningOutcomeFactory(course=session.course, text="Assess risk with the DASH checklist")
    booking = BookingFactory(session=session, status="attended", delegate=DelegateFactory(name="Amara Castell"))
    certificate = path_of(links.certificate_url(booking))

    refused = client.get(certificate)
    assert refused.status_code == 403
    assert CERTIFICATE_NEEDS_AFTER_EVALUATION in refused.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        submit_evaluation(
            booking=booking,
            stage="after",
            scores={outcome.pk: 5},
            practice_changed=True,
            practice_change="I use the checklist.",
        )
    assert [mail.subject for mail in mailoutbox] == ["Your certificate: Domestic Abuse and Safeguarding Children"]
    emailed = path_of(re.search(r"https?://\S+/training/certificates/\S+/", mailoutbox[0].body).group(0))
    signed_for = certificate.split(":", 1)[0]  # the booking, before the signature's date
    assert emailed.startswith(signed_for)
    thanks = client.get(path_of(links.evaluation_url(booking, "after"))).content.decode()
    assert signed_for in thanks and "Download your certificate" in thanks

    given = client.get(certificate)
    assert given.status_code == 200 and given["Content-Type"] == "application/pdf"
    # Every link to it says "Download": the browser saves it, as the delegate's record, rather than showing it.
    assert given["Content-Disposition"].startswith('attachment; filename="')
    pdf = pypdf.PdfReader(io.BytesIO(given.content))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pdf.pages))
    for expected in (
        "Amara Castell",
        "Domestic Abuse and Safeguarding Children",
        f"{timezone.localtime(starts):%-d %B %Y}",
        "Assess risk with the DASH checklist",
        "Northborough Safeguarding Children Partnership",
        "(3 hours)",  # as the course page says it: not "3.0 hours", and not beside "Half day" too
    ):
        assert expected in text
    assert pdf.trailer["/Root"]["/MarkInfo"]["/Marked"]  # tagged, like the annual report


def test_a_delegate_who_did_not_attend_gets_no_certificate(client):
    booking = BookingFactory(status="no_show")
    assert client.get(path_of(links.certificate_url(booking))).status_code == 403
