"""The pipeline: gather each registered section's data, render the HTML, lay it out as a PDF.

The same HTML serves the browser preview and the PDF, so editing never waits for a PDF."""

import gc
import io
import mimetypes
import re
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from lscp.site import DEFAULT_PARTNERSHIP_NAME, partnership_name, partnership_short_name  # noqa: F401 (re-exported for the views)
from lscp.stack_room import with_room

from .markdown import render_markdown
from .models import ReportStatus
from .pdf_scopes import scope_header_cells
from .sections import registered_sections

# The document's own origin: relative URLs resolve against it and the fetcher serves only its static files.
DOCUMENT_BASE_URL = "https://report.lscp.invalid/"


class StaticOnlyFetcher(URLFetcher):
    """Serves the project's static files to WeasyPrint and nothing else: no network, no file:// paths.

    A report is built from text people type; a fetcher that followed any URL would let that text reach
    internal services (server-side request forgery) or read files on the server."""

    def __init__(self):
        super().__init__(allowed_protocols={"https", "data"}, fail_on_errors=False)

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":  # inline content (the generated diagrams): nothing is fetched
            return super().fetch(url, headers)
        prefix = "/" + settings.STATIC_URL.lstrip("/")
        if f"{parts.scheme}://{parts.netloc}/" != DOCUMENT_BASE_URL or not parts.path.startswith(prefix):
            raise ValueError(f"Only the project's static files may be fetched, not {url}")
        relative = unquote(parts.path[len(prefix) :])
        if ".." in Path(relative).parts:
            raise ValueError(f"Path escapes the static folder: {url}")
        found = static_source(relative)
        if not found:
            raise ValueError(f"No static file {relative}")
        mime_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=Path(found).read_bytes(), headers={"Content-Type": mime_type})


def static_source(name):
    """The project's own file behind a static file's name, whether `{% static %}` wrote it as it is (css/report.css)
    or, with STATIC_FILES_HASHED, under collectstatic's hashed name (css/report.a1f35ac8eba4.css): that name is
    looked up in collectstatic's manifest, so a report reads the same source files wherever it is built."""
    found = finders.find(name)
    if not found:
        hashed_names = getattr(staticfiles_storage, "hashed_files", {})
        original = next((source for source, hashed in hashed_names.items() if hashed == name), None)
        found = finders.find(original) if original else None
    return found


@dataclass
class GatheredSection:
    section: object
    context: dict
    html: str = ""


@dataclass
class Timings:
    gather_seconds: float = 0.0
    render_seconds: float = 0.0
    write_seconds: float = 0.0
    query_count: int = 0
    extra: dict = field(default_factory=dict)


def unwritten_notice(report, section, narrative):
    """What a draft says in place of a chapter nobody has written yet: who writes it and when it is due, as
    {"writer": …, "due": date or None}; None when the chapter is written or the report is not a draft. Every
    narrative chapter's notice is printed by the pipeline (reports/document.html), the same way for all."""
    if report.status != ReportStatus.DRAFT or (narrative is not None and narrative.text.strip()):
        return None
    if narrative is None:
        return {"writer": "the business manager", "due": None}
    return {"writer": narrative.writer(section.writer), "due": narrative.due_on}


def gather(report, sections=None):
    """Every registered section (or each of `sections`: the version for young people's) with its data for the
    report's year, and the narrative people wrote."""
    narratives = {n.key: n for n in report.narratives.select_related("written_by", "assigned_to")}
    gathered = []
    for section in registered_sections() if sections is None else sections:
        if section.repeat is not None:
            for chapter in section.repeat(report.year):
                chapter_section = replace(
                    section,
                    key=chapter["key"],
                    title=chapter["title"],
                    running_title=chapter.get("running_title", ""),
                    repeat=None,
                )
                gathered.append(GatheredSection(section=chapter_section, context=dict(chapter["context"])))
            continue
        context = dict(section.context(report.year))
        if section.narrative:
            written = narratives.get(section.key)
            text = written.text if written else ""
            context["narrative"] = render_markdown(text)
            context["narrative_missing"] = not text.strip()
            context["unwritten"] = unwritten_notice(report, section, written)
        gathered.append(GatheredSection(section=section, context=context))
    return gathered


_HEADING = re.compile(r"<(/?)h([1-5])\b")


def _one_level_down(html):
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.S)


def _scrolling_tables(html):
    """On a screen a table wider than the page scrolls inside its own box (`.table-scroll`, report-screen.css,
    shaded at the edge that hides more) instead of the whole page scrolling sideways on a phone. The box can be
    reached and scrolled with the keyboard, and is named after the table's caption."""

    def wrap(match):
        caption = _CAPTION.search(match.group(0))
        name = escape(unescape(strip_tags(caption.group(1))).strip()) if caption else "Table"
        return f'<div class="table-scroll" role="region" tabindex="0" aria-label="{name}">{match.group(0)}</div>'

    return _TABLE.sub(wrap, html)


def render_html(report, gathered, *, for_pdf=True, edition=False, document="reports/document.html"):
    """The whole report as one HTML document.

    The PDF gives each chapter an h1 (its bookmark and running header, an H1 in the tagged PDF). A web page has
    one h1: in the browser preview the report's title on the cover is the h1, each chapter's title an h2 and
    every heading inside a chapter one level further down, all inside a `main` landmark."""
    common = {
        "report": report,
        "year": report.year,
        "contents": [g.section for g in gathered if g.section.in_contents],
        "for_pdf": for_pdf,
        "edition": edition and not for_pdf,  # the published web edition: the public's links, not the preview's
        "partnership_name": partnership_name(),
        "partnership_short_name": partnership_short_name(),
    }

    def render_part(part):
        part.html = render_to_string(part.section.template, {**common, **part.context, "section": part.section})
        if not for_pdf:
            html = _one_level_down(part.html) if part.section.titled else part.html
            part.html = mark_safe(_scrolling_tables(html))  # noqa: S308 - rendered HTML, headings and tables rewrapped

    later = [part for part in gathered if part.section.finalise is not None]
    for part in gathered:
        if part.section.finalise is None:
            render_part(part)
    if later:
        document_text = strip_tags(" ".join(part.html for part in gathered))
        for part in later:
            part.context = part.section.finalise(part.context, document_text)
            render_part(part)
    return render_to_string(document, {**common, "sections": gathered})


# PDF/UA-1: tagged, with the document's title and language, so screen readers can read the report.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


# What WeasyPrint's layout context holds only to lay the pages out: every element's cascaded and computed style,
# each page's state for re-laying it out, the tables' and targets' bookkeeping. Painting and writing the PDF read
# the laid-out boxes, which keep their own styles, and never these.
_LAYOUT_ONLY_STATE = {
    "style_for": None,
    "page_maker": [],
    "tables": {},
    "broken_out_of_flow": {},
    "target_collector": None,
}


def _release_layout_state(document):
    """Drop the layout context's layout-only state once the pages are laid out.

    WeasyPrint frees its layout context after layout, unless an SVG image keeps it (to draw its text when the PDF
    is written): the report's charts do, so every element's styles and every page's layout state would stay in
    memory until the PDF is written, about a fifth of the build's peak at ten times the demo data. The SVG keeps
    what it needs (fonts, hyphenation dictionaries, image loading)."""
    contexts = {}
    for page in document.pages:
        for box in page._page_box.descendants():
            context = getattr(getattr(box, "replacement", None), "_context", None)
            if context is not None:
                contexts[id(context)] = context
    for context in contexts.values():
        for name, empty in _LAYOUT_ONLY_STATE.items():
            if hasattr(context, name):
                setattr(context, name, empty)


def layout(html):
    document = HTML(string=html, base_url=DOCUMENT_BASE_URL, url_fetcher=StaticOnlyFetcher()).render(**PDF_OPTIONS)
    _release_layout_state(document)
    return document


def _finish(document, pdf):
    """write_pdf's finisher, once every page is painted and tagged: give each header cell its /Scope in the
    structure tree, then free the laid-out pages (the PDF objects hold all they need) before the file is
    serialised rather than after."""
    scope_header_cells(document, pdf)
    document.pages.clear()
    gc.collect()


# How many objects a build makes between two runs of the cycle collector on the youngest (Python's default: 700).
BUILD_COLLECTION_THRESHOLD = 10_000


@contextmanager
def _garbage_of_this_build_only():
    """Python's cycle collector runs hundreds of times in a build (WeasyPrint makes millions of objects), and each
    full run walks every object in the process: Django's, the app's, the modules'. None of those becomes garbage
    during a build, so they are set aside (`gc.freeze`) while it runs and the collector walks only the build's own
    objects: about half a second less collecting per build, the same memory freed. What was already garbage is
    freed first, so that none of it is set aside with them.

    It also runs less often while the build runs (BUILD_COLLECTION_THRESHOLD, then each older generation at 20
    runs of the one younger): collecting took 5.1 of a 48 s build at ten times the demo's records and 0.7 s at the
    demo's, and takes 2.0 s and 0.5 s so, with the same peak memory (the build collects everything itself between
    laying out and writing)."""
    gc.collect()
    gc.freeze()
    thresholds = gc.get_threshold()
    gc.set_threshold(BUILD_COLLECTION_THRESHOLD, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def build_pdf(report):
    """The whole pipeline, timed: (pdf bytes, page count, Timings). Called with room on Python's frame stack
    (lscp/stack_room.py): WeasyPrint's layout recursing across a chunk's edge mapped memory afresh at each crossing,
    20,000 page faults a build."""
    with _garbage_of_this_build_only():
        return with_room(_build_pdf, report)


def _build_pdf(report):
    timings = Timings()
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        gathered = gather(report)
    timings.query_count = len(queries)
    timings.gather_seconds = time.perf_counter() - started
    started = time.perf_counter()
    html = render_html(report, gathered, for_pdf=True)
    # The web edition published beside the PDF, from the same records read once: the same chapters and tables.
    timings.extra["html_edition"] = render_html(report, gathered, for_pdf=False, edition=True)
    del gathered  # the chapters' data (model instances, each chapter's HTML) are in the document now
    document = layout(html)
    del html
    gc.collect()  # WeasyPrint's layout leaves reference cycles: free them before writing adds the PDF's objects
    timings.render_seconds = time.perf_counter() - started
    started = time.perf_counter()
    output = io.BytesIO()
    pages = len(document.pages)
    document.write_pdf(output, finisher=_finish, **PDF_OPTIONS)
    del document
    pdf = output.getvalue()
    del output
    timings.write_seconds = time.perf_counter() - started
    # The version for children and young people, from the same records, once the main PDF is made: its own few pages.
    from .young_people import build_young_people_pdf

    timings.extra["young_people_pdf"] = build_young_people_pdf(report)
    return pdf, pages, timings


def write_pdf(html):
    """A short document's HTML laid out and written as a tagged PDF: (pdf bytes, page count)."""
    document = layout(html)
    pages = len(document.pages)
    output = io.BytesIO()
    document.write_pdf(output, finisher=_finish, **PDF_OPTIONS)
    return output.getvalue(), pages


def make_ready_for_builds():
    """What every build needs and is the same for all of them, made once in the job worker's main process before
    it forks the processes that run the jobs (Celery's prefork pool; `reports.tasks`), so that each starts with it
    instead of making it during its first build, and again in each process that replaces one (a process is
    replaced once a build leaves it holding too much memory: CELERY_WORKER_MAX_MEMORY_PER_CHILD): the site's URLs,
    which the chapters link to (read and indexed on the first `reverse`), and every chapter's template and the
    documents', compiled. Returns how many templates.

    WeasyPrint itself is imported (with this module) but not run: a page laid out in the main process made each
    build's process peak 47 MB higher at ten times the demo's records (445 to 492 MB), for a tenth of a second.
    Reads no records and keeps no connection open: a forked process must not share its parent's."""
    from django.template.loader import get_template
    from django.urls import get_resolver

    from .sections import young_people_sections
    from .young_people import DOCUMENT as YOUNG_PEOPLE_DOCUMENT

    get_resolver().reverse_dict  # noqa: B018 - reading it indexes every URL of the site
    templates = {s.template for s in (*registered_sections(), *young_people_sections())}
    templates |= {"reports/document.html", YOUNG_PEOPLE_DOCUMENT}
    for template in templates:
        get_template(template)
    return len(templates)
