"""The report's own sections: the cover, the contents, the key figures at a glance, and the narrative chapters that
open it."""

from reports.sections import Section, key_figure_sources, registered_sections


def key_figures_context(year):
    """Every app's key figures (`KEY_FIGURES` in its report.py), in the order of the chapters they point to, each
    with that chapter's title for the cross-reference. The queries are the apps' own, a fixed number."""
    chapters = {section.key: section for section in registered_sections()}
    figures = [figure for source in key_figure_sources() for figure in source(year)]
    figures.sort(key=lambda f: f.order or (chapters[f.chapter].order if f.chapter in chapters else 999))
    return {
        "figures": [
            {
                "value": f"{figure.value:,}",
                "label": figure.text,
                "chapter_key": figure.chapter if figure.chapter in chapters else "",
                "chapter_title": chapters[figure.chapter].title if figure.chapter in chapters else "",
            }
            for figure in figures
        ]
    }


SECTIONS = [
    Section(
        key="cover", title="Cover", order=0, template="reports/sections/cover.html", in_contents=False, titled=False
    ),
    Section(key="contents", title="Contents", order=5, template="reports/sections/contents.html", in_contents=False),
    Section(
        key="key-figures",
        title="Key figures at a glance",
        running_title="Key figures",
        order=7,
        template="reports/sections/key_figures.html",
        context=key_figures_context,
    ),
    Section(
        key="foreword",
        title="Foreword by the independent chair",
        running_title="Foreword",
        order=10,
        template="reports/sections/narrative.html",
        narrative=True,
        help_text="The independent chair and scrutineer's view of the year: what went well, what did not, "
        "and how effective the arrangements have been.",
    ),
    Section(
        key="introduction",
        title="Introduction",
        order=20,
        template="reports/sections/narrative.html",
        narrative=True,
        help_text="The purpose of the report, the partnership's principles and its priorities for the year.",
    ),
]


# The version for children and young people (reports/young_people.py): its cover, and the parts the business manager
# writes for it in plain words. The priorities and "You said, we did" come from the governance records.
PLAIN_WORDS = (
    " Write for a reader of about eleven: short sentences, everyday words, no abbreviations, and speak to them as "
    "“you”. Name no child. The checks before approval measure how easy it is to read."
)

YOUNG_PEOPLE_SECTIONS = [
    Section(
        key="young-people-cover",
        title="Cover",
        order=0,
        template="reports/young_people/cover.html",
        in_contents=False,
        titled=False,
    ),
    Section(
        key="young-people-about",
        title="What the partnership is",
        order=10,
        template="reports/young_people/narrative.html",
        narrative=True,
        help_text="For the version for young people: who the partnership is and what it does to keep children safe."
        + PLAIN_WORDS,
    ),
    Section(
        key="young-people-changes",
        title="What changed this year",
        order=40,
        template="reports/young_people/narrative.html",
        narrative=True,
        help_text="For the version for young people: the few things that changed for children this year because of "
        "the partnership's work." + PLAIN_WORDS,
    ),
    Section(
        key="young-people-help",
        title="Where to get help",
        order=90,
        template="reports/young_people/narrative.html",
        narrative=True,
        help_text="For the version for young people: who a child can talk to if they are worried, with phone numbers "
        "and websites (Childline 0800 1111; in an emergency 999)." + PLAIN_WORDS,
    ),
]
