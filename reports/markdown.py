"""Markdown written by people, turned into HTML that is safe to show and to print."""

import re

import markdown as markdown_lib
import nh3
from django.utils.safestring import mark_safe

_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
    "code",
    "pre",
    "sup",
    "sub",
}
_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"}}


_HEADING = re.compile(r"<(/?)h([1-6])\b")
_HEADER_CELL_WITHOUT_SCOPE = re.compile(r"<th(?![^>]*\bscope=)(?=[\s>])")


def _chapter_headings(html):
    """The writer's headings, renumbered to sit under the chapter's h1 without skipping a level.

    The chapter title is the only h1 (the bookmark and the running header). Whatever level the writer started
    at (# or ##), their top level becomes h2; a heading never goes more than one level below the one before
    it, because a screen reader user navigating by headings would otherwise find a gap (h1 → h3)."""
    levels = [int(level) for closing, level in _HEADING.findall(html) if not closing]
    if not levels:
        return html
    top = min(levels)
    previous = 1
    current = 2

    def renumber(match):
        nonlocal previous, current
        if not match.group(1):
            current = min(2 + int(match.group(2)) - top, previous + 1, 6)
            previous = current
        return f"<{match.group(1)}h{current}"

    return _HEADING.sub(renumber, html)


def _header_cells_with_scope(html):
    """A Markdown table has one header row, so each of its header cells heads a column; saying so lets a
    screen reader announce the column with every cell (a cell that already has a scope keeps it)."""
    return _HEADER_CELL_WITHOUT_SCOPE.sub('<th scope="col"', html)


_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b")
_HREF = re.compile(r"""<a\b[^>]*\bhref=["']\s*([a-zA-Z][a-zA-Z0-9+.-]*):""")
_LINK_SCHEMES = {"http", "https", "mailto"}
_KINDS_LEFT_OUT = {
    "img": "pictures",
    "picture": "pictures",
    "svg": "pictures",
    "script": "scripts",
    "style": "styles",
    "iframe": "embedded pages or media",
    "embed": "embedded pages or media",
    "object": "embedded pages or media",
    "video": "embedded pages or media",
    "audio": "embedded pages or media",
    "form": "form boxes",
    "input": "form boxes",
    "button": "form boxes",
}


def _markdown_html(text):
    """The writer's Markdown as HTML, before it is made safe: what the report prints and what it leaves out."""
    return markdown_lib.markdown(text or "", extensions=["tables", "sane_lists"], output_format="html")


def left_out(text):
    """What the report will not print of `text`, in words for its writer: ["pictures", "scripts", "links that are
    not web or e-mail addresses", …], each once, in the order met; [] when everything written is kept."""
    html = _markdown_html(text)
    found = []
    for name in _TAG.findall(html):
        name = name.lower()
        if name in _TAGS or name == "h1":  # an h1 is kept, moved down a level
            continue
        kind = _KINDS_LEFT_OUT.get(name, "other HTML")
        if kind not in found:
            found.append(kind)
    if any(scheme.lower() not in _LINK_SCHEMES for scheme in _HREF.findall(html)):
        found.append("links that are not web or e-mail addresses")
    return found


def render_markdown(text):
    """Markdown → sanitised HTML: no scripts, no images or other fetched content, only http(s) and mailto links.

    Headings start at h2 under the chapter's h1 and skip no level; table header cells say what they head."""
    html = _markdown_html(text)
    html = _header_cells_with_scope(_chapter_headings(html))
    clean = nh3.clean(
        html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"}, link_rel="noopener"
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
