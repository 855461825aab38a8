"""The demo's 2022/23 report says each thing once. No sentence of twelve words or more is printed twice, in the
document or in its PDF; and the facts it used to tell two or three times in other words are told in one chapter,
which owns the record, while the others point to it ("see Scrutiny and challenge"): the NRM audit's findings (the
audit's, in "Scrutiny and challenge"), the assurance after the Child Q review, the partnership's request about damp
and mould (the national review's, in "Learning from reviews"), a priority activity's figure (its metric, not also its
words) and a table's heading (its caption, not also a heading just above it)."""

import re
from collections import Counter
from html import unescape

import pytest

TWELVE = 12
_BLOCK = re.compile(r"</?(?:p|td|th|li|h\d|caption|figcaption|div|section|table|tr|dt|dd|ul|ol)\b[^>]*>")
# A sentence ends at a full stop, a question or an exclamation mark (and any closing quote or bracket after it).
_SENTENCE_END = re.compile(r"(?<=[.!?])[’”\")]*\s+")


def _blocks(html):
    """The document's text, block by block (a paragraph, a table cell, a heading), as a reader sees it."""
    html = re.sub(r"<(style|script)\b.*?</\1>", " ", html, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", " ", _BLOCK.sub("\n", html)))
    return [re.sub(r"\s+", " ", block).strip() for block in text.split("\n") if block.strip()]


def sentences(text):
    """The sentences of twelve words or more in a run of text: a list item or a table cell that is not a sentence
    (a job title, a heading) ends without a full stop and is left out."""
    found = []
    for piece in _SENTENCE_END.split(text):
        piece = piece.strip()
        if re.search(r"[.!?][’”\")]*$", piece) and len(piece.split()) >= TWELVE:
            found.append(piece)
    return found


def _said_twice(all_sentences):
    return [sentence for sentence, times in Counter(all_sentences).items() if times > 1]


def test_no_sentence_of_twelve_words_or_more_is_printed_twice_in_the_document(demo_report):
    assert _said_twice([s for block in _blocks(demo_report.html) for s in sentences(block)]) == []


def test_no_sentence_of_twelve_words_or_more_is_printed_twice_in_the_pdf(demo_report):
    # The running header and footer of each page are not sentences: they end with the page number.
    assert _said_twice(sentences(demo_report.pdf_text)) == []


def test_the_sentence_test_finds_a_sentence_said_twice():
    said = "The partnership audited every case referred to the panel and found the work focused on children."
    text = f"{said} Something else was said here. {said}"
    assert _said_twice(sentences(text)) == [said]
    assert sentences("Head of Safeguarding Children, Central and North West London NHS Foundation Trust") == []


def _chapters_saying(demo_report, pattern):
    keys = re.findall(r'<section[^>]*\bid="section-([^"]+)"', demo_report.html)
    return [key for key in keys if re.search(pattern, demo_report.section_text(key), re.I)]


@pytest.mark.parametrize(
    "finding",
    [
        r"reduced isolation|eased isolation|decreased isolation",
        r"Trafficking Guardians",
        r"less likely to (?:impose|give) (?:them )?(?:a )?custod",
    ],
)
def test_the_nrm_audits_findings_are_told_in_one_chapter(demo_report, finding):
    assert len(_chapters_saying(demo_report, finding)) <= 1


def test_the_assurance_after_the_child_q_review_is_told_in_one_chapter(demo_report):
    assert len(_chapters_saying(demo_report, r"intimate(?:ly)? search")) == 1
    assert len(_chapters_saying(demo_report, r"anti-racist practice")) == 1


def test_the_request_about_damp_and_mould_is_told_once(demo_report):
    requests = [
        sentence
        for block in _blocks(demo_report.html)
        for sentence in re.split(r"(?<=[.;])\s+", block)
        if re.search(r"assurance\b.*\bdamp and mould|damp and mould\b.*\bassurance", sentence)
    ]
    assert len(requests) == 1, requests


def test_a_priority_activitys_figure_is_not_also_in_the_words_beside_it(demo_report):
    cells = re.findall(r"<td>((?:(?!</td>).)*?<ul class=\"metrics\">.*?)</td>", demo_report.html, re.S)
    assert cells, "the demo's priority tables print their activities' figures"
    for cell in cells:
        words, figures = cell.split('<ul class="metrics">', 1)
        for figure in re.findall(r"<strong>(.*?)</strong>", figures):
            assert not re.search(rf"(?<![\d,.]){re.escape(figure)}(?![\d,])", unescape(words)), (figure, words)


def test_no_table_repeats_the_heading_just_above_it(demo_report):
    captions = {
        re.sub(r"\s+", " ", unescape(c)).strip()
        for c in re.findall(r"<caption>(.*?)</caption>", demo_report.html, re.S)
    }
    headings = [
        re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", h))).strip()
        for h in re.findall(r"<h[2-4][^>]*>(.*?)</h[2-4]>", demo_report.html, re.S)
    ]
    assert [heading for heading in headings if heading in captions] == []
