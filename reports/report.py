"""The report's own sections: the cover, the contents, and the narrative chapters that open it."""

from reports.sections import Section

SECTIONS = [
    Section(
        key="cover", title="Cover", order=0, template="reports/sections/cover.html", in_contents=False, titled=False
    ),
    Section(key="contents", title="Contents", order=5, template="reports/sections/contents.html", in_contents=False),
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
