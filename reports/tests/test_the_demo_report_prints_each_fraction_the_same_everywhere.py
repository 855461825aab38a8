"""One fraction prints the same everywhere in the demo's 2022/23 report, and percentages come in one format.

The report's percentages are printed by lscp/percentages.py, which records (fraction, text) for each while the demo
report is gathered and rendered (`demo_report.extra["percentages"]`): each fraction has one text, wherever it is
printed (1 of 8 child deaths and 5 of 19 used to print two ways). The PDF's text shows whole per cents only,
"13%", never "16.7%", "100.0%" or "9 %"; and a column whose rounded shares do not add up to 100 says so."""

import re
from fractions import Fraction

import pytest


@pytest.fixture
def printed(demo_report):
    return demo_report.extra["percentages"]


def test_each_fraction_prints_the_same_text_everywhere(printed):
    texts = {}
    for fraction, text in printed:
        texts.setdefault(fraction, set()).add(text)
    assert {fraction: found for fraction, found in texts.items() if len(found) > 1} == {}


def test_the_fractions_that_printed_two_ways_are_printed_in_several_places_the_same(printed):
    # 1 of 8 (a category of Kensington and Chelsea's 8 child deaths, in two rows) and 5 of 19 (the deaths with
    # modifiable factors, in the text; the chromosomal anomalies, in the table).
    for fraction, text in ((Fraction(1, 8), "13%"), (Fraction(5, 19), "26%")):
        found = [t for f, t in printed if f == fraction]
        assert len(found) >= 2 and set(found) == {text}, (fraction, found)


def test_the_pdf_prints_percentages_as_whole_per_cents_only(demo_report):
    text = demo_report.pdf_text
    assert re.findall(r"\d\.\d+\s?%", text) == []  # 16.7%, 100.0 %
    assert re.findall(r"\d\s+%", text) == []  # 9 %
    percentages = re.findall(r"[<>]?\d[\d,]*%", text)
    assert percentages and all(re.fullmatch(r"(?:<1|>99|\d+)%", p) for p in percentages), percentages


def test_the_same_share_reads_the_same_in_the_text_and_in_the_table(demo_report):
    chapter = demo_report.section_text("child-death-review")
    count, percent = re.search(r"modifiable factors in (\d+) \((\d+%)\)", chapter).groups()
    reviewed = re.search(r"reviewed the deaths of (\d+) children", chapter).group(1)
    assert (count, reviewed, percent) == ("5", "19", "26%")
    # The chromosomal anomalies: 5 of the 19 deaths in the table's total column, printed the same.
    table = chapter.split("Child deaths reviewed by category", 1)[1]
    assert re.search(r"Chromosomal, genetic and congenital anomalies 2 25% 3 27% 5 26%", table), table


def test_a_column_that_does_not_add_up_to_100_says_so(demo_report):
    note = "Percentages are rounded, so may not add up to 100."
    # Kensington and Chelsea's 8 child deaths: 13% + 13% + 25% + 38% + 13% is 102.
    assert note in demo_report.section_text("child-death-review")
    # The LADO outcomes (69, 50 and 119 allegations) add up to 100; the referral sources (43% + 20% + 13% + 9% + 7%
    # + 7% for Kensington and Chelsea) do not.
    lado = demo_report.section_text("lado")
    outcomes, sources = lado.split("Where referrals came from", 1)
    assert note not in outcomes and note in sources
