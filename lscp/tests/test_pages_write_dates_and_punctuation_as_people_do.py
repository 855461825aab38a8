"""Pages read as a person writes: no space before a full stop or a comma ("W8 7NX .", "20 places left ."), and dates
as "3 December 2026", never "03 December 2026" or "03 Dec 2026".

Every page each role opens on the demo (each URL's declarations, `PAGES`: every GET a role is allowed), read as its
text: what a screen reader says and what a person sees, without the markup.
"""

import html
import re

from lscp.tests.declared_pages import WALK_GROUP, walk_every_declared_page

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTHS_SHORT = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
ZERO_PADDED_DATE = re.compile(rf"\b0[1-9] (?:{MONTHS}|{MONTHS_SHORT})\b")
# A word, then a space, then a full stop or comma ending the clause (".xlsx" and "…" are not clauses).
SPACE_BEFORE_PUNCTUATION = re.compile(r"\w\s+[.,](?=\s|$|[)\"”’])")
NOT_TEXT = re.compile(r"<(script|style|textarea|pre)\b.*?</\1>", re.S | re.I)
TAG = re.compile(r"<[^>]+>")
# Options of a select list: each its own line to a reader, so "text" across options means nothing.
OPTION_END = re.compile(r"</option>", re.I)


def page_text(page):
    page = NOT_TEXT.sub(" ", page)
    page = OPTION_END.sub("\n", page)
    return re.sub(r"\s+", " ", html.unescape(TAG.sub("", page)))


def problems_in(text):
    found = [f"zero-padded date “{m.group(0)}”" for m in ZERO_PADDED_DATE.finditer(text)]
    for match in SPACE_BEFORE_PUNCTUATION.finditer(text):
        start = max(match.start() - 40, 0)
        found.append(f"space before punctuation: “…{text[start : match.end() + 10].strip()}…”")
    return found


def test_the_checks_find_what_they_look_for():
    assert problems_in(page_text("<p>Kensington Town Hall, W8 7NX\n.</p>"))
    assert problems_in(page_text("<p><strong>20 places left</strong> .</p>"))
    assert problems_in(page_text("<td>03 December 2026</td>"))
    assert problems_in(page_text("<td>Due 07 Mar 2023</td>"))
    assert not problems_in(page_text("<p>Upload a .xlsx file. Due 3 December 2026, at 10:00.</p>"))


@WALK_GROUP
def test_every_page_each_demo_role_opens_writes_dates_and_punctuation_as_people_do(demo):
    failures, read = [], 0
    for answer in walk_every_declared_page().answers:
        if answer.method != "get" or not answer.allowed or answer.role == "outsider" or not answer.html:
            continue
        read += 1
        failures += [f"{answer.url} as {answer.role}: {problem}" for problem in problems_in(page_text(answer.html))]
    assert read > 100
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(sorted(set(failures)))
