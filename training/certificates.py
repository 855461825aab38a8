"""The certificate of attendance: a one-page PDF laid out by WeasyPrint from a Django template, tagged and
PDF/UA-1 (as the annual report is), so a screen reader reads it.

Nothing is fetched while laying it out: the stylesheet is read from the project's static files and handed over
as a string, and the fetcher refuses every URL (names and course titles are typed by people)."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import CSS, HTML

from lscp.site import partnership_name

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
STYLESHEET = "css/certificate.css"


def _refuse_every_url(url, *args, **kwargs):
    raise ValueError(f"A certificate fetches nothing: {url}")


def certificate_filename(booking):
    day = timezone.localdate(booking.session.starts_at)
    return f"certificate-{booking.session.course.title[:60]}-{day:%Y-%m-%d}.pdf".replace(" ", "-").replace("/", "-")


def certificate_pdf(booking):
    """The certificate for an attended booking, as PDF bytes: the delegate's name, the course, the date and
    duration, the learning outcomes, and the partnership's name."""
    session = booking.session
    course = session.course
    html = render_to_string(
        "training/certificate.html",
        {
            "delegate": booking.delegate,
            "course": course,
            "session": session,
            "outcomes": list(course.learning_outcomes.all()),
            "hours": round((session.ends_at - session.starts_at).total_seconds() / 3600, 1),
            "partnership_name": partnership_name(),
        },
    )
    stylesheet = CSS(string=Path(finders.find(STYLESHEET)).read_text(encoding="utf-8"))
    document = HTML(string=html, url_fetcher=_refuse_every_url).render(stylesheets=[stylesheet], **PDF_OPTIONS)
    return document.write_pdf(**PDF_OPTIONS)
