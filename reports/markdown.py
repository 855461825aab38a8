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


_HEADING = re.compile(r"<(/?)h([1-5])\b")


def render_markdown(text):
    """Markdown → sanitised HTML: no scripts, no images or other fetched content, only http(s) and mailto links.

    Headings move down one level: the chapter title is the only h1, and it drives the running header."""
    html = markdown_lib.markdown(text or "", extensions=["tables", "sane_lists"], output_format="html")
    html = _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)
    clean = nh3.clean(
        html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"}, link_rel="noopener"
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above
