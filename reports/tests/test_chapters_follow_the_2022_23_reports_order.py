"""The report's chapters come in the order of the K&C and Westminster annual report 2022/23, with the chapters a
yearly report needs in their places: the key figures after the contents, schools and the other partners before the
priorities, children in care after listening to children, training then local and national reviews and inspections,
policies and procedures before the LADO, independent scrutiny after the audits, and the year ahead before the
appendices."""

from reports.sections import registered_sections

ORDER = [
    "cover",
    "contents",
    "key-figures",
    "foreword",
    "introduction",
    "structure",
    "borough-profiles",
    "children-data",
    "schools",
    "partners",
    "priorities",
    "emerging-issues",
    "listening",
    "children-in-care",
    "training",
    "learning-from-reviews",
    "national-reviews",
    "inspections",
    "child-death-review",
    "policies",
    "lado",
    "scrutiny",
    "challenge",
    "independent-scrutiny",
    "year-ahead",
    "members",
    "attendance",
    "glossary",
    "finance",
]


def test_the_chapters_are_in_the_2022_23_reports_order():
    keys = [section.key for section in registered_sections()]
    assert [key for key in keys if key in ORDER] == ORDER


def test_each_chapter_people_write_knows_who_writes_it():
    sections = {section.key: section for section in registered_sections()}
    assert sections["independent-scrutiny"].writer == "the independent scrutineer"
    assert sections["independent-scrutiny"].written_by  # the partnership, whose independent chair is the scrutineer
    assert sections["learning-from-reviews"].written_by == "Case Review"
