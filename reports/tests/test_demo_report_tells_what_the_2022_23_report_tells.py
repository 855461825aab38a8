"""The demo's 2022/23 report tells the K&C and Westminster annual report 2022/23 in other words: the Executive is the
three statutory safeguarding partners that report names (children's services, the ICB, the police), and the opening
chapters report what it reports: its five principles and four priorities, not ones made up for the demo."""

import re
from html import unescape

import pytest


@pytest.fixture
def built(demo_report):
    return demo_report


def test_the_executive_is_the_three_statutory_safeguarding_partners(built):
    members = built.section_html("members")
    executive = re.search(r"<caption>LSCP Executive</caption>.*?</table>", members, re.S).group(0)
    organisations = [
        unescape(o) for o in re.findall(r"<tr><td>[^<]*</td><td>[^<]*</td><td>([^<]*)</td></tr>", executive)
    ]
    assert len(organisations) == 3
    assert any("Children's Services" in o for o in organisations)
    assert any("Integrated Care Board" in o for o in organisations)
    assert any("Police" in o for o in organisations)


def test_the_introduction_gives_the_2022_23_reports_principles_and_priorities(built):
    introduction = built.section_text("introduction")
    for principle in (
        "Listening to what children and young people tell us will keep them safe",
        "continuous learning",
        "Sharing information well",
        "holding each other to account",
    ):
        assert principle in introduction, principle
    for priority in (
        "domestic abuse and coercive control",
        "exploitation and serious youth violence",
        "cost of living crisis",
        "Transitional safeguarding",
    ):
        assert priority in introduction, priority
