"""The shape of a chapter of the annual report, which every app's `report.py` declares (see reports/sections.py
for the registry that collects them). It lives in lscp so that declaring a section imports no app."""

from dataclasses import dataclass


def _no_context(year):
    return {}


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    order: int
    template: str
    context: object = _no_context  # callable(year) -> dict, built from the app's selectors
    narrative: bool = False  # the business manager (or a chair) writes text for it, kept as a NarrativeSection
    appendix: bool = False
    in_contents: bool = True
    titled: bool = True  # the pipeline prints the title as the chapter's heading (not on the cover)
    # A section that is several chapters (one per priority, say): repeat(year) gives a list of
    # {"key": …, "title": …, "context": {…}} (and, if its title is long, "running_title": …), each printed as a
    # chapter of its own, in that order.
    repeat: object = None
    # A section that must see the rest of the report (the glossary lists the terms used in it):
    # finalise(context, document_text) gives its context once every other section is rendered.
    finalise: object = None
    # The title in the running header, when the title is too long for it (see header_title).
    running_title: str = ""
    help_text: str = ""  # what the writer of a narrative section should cover
    # For a narrative section: the body whose chairs write it, by name or part of one, any case ("Case Review"
    # finds the Case Review Subgroup). Each report's chapter starts with that body; the business manager can
    # change it in the admin. Empty: only the business manager writes it.
    written_by: str = ""
    # Who writes it, as a draft's "not written yet" notice names them, when that is not simply the chairs of the
    # body above: "the independent scrutineer" (a chair of the partnership itself). Empty: "the chairs of <body>".
    writer: str = ""
    # What the chapter sets out for next year, in a phrase ("the LADO service's plan for the year ahead"): the
    # "Year ahead" chapter lists every chapter that has one, with a cross-reference, instead of repeating it.
    plans_ahead: str = ""
    # For the checks before approval: has_records(context) says whether the year has records for the chapter (a
    # chapter without says so in the report, which the business manager confirms or fixes), and records_url is
    # the URL name of the page where its records are kept ("admin:governance_inspection_changelist").
    has_records: object = None
    records_url: str = ""
    # A check of the section's own, once the whole report is rendered: check(context, document_text, year) gives
    # a list of `Problem` (the glossary finds the abbreviations the report uses and does not explain).
    check: object = None

    @property
    def header_title(self):
        """The chapter's title in the running header, where it must fit on one line beside the partnership's
        name: its running title; else its title, if short enough; else the title's part before a colon
        ("Priority 3"); else the title cut after a word."""
        if self.running_title:
            return self.running_title
        return short_title(self.title)


# At 8.5 pt, the running header's size, about as wide as a partnership's name of 70 characters leaves on an A4 page.
RUNNING_TITLE_LENGTH = 40


def short_title(title, length=RUNNING_TITLE_LENGTH):
    title = " ".join(title.split())
    if len(title) <= length:
        return title
    before_colon = title.split(":", 1)[0].strip()
    if before_colon and len(before_colon) <= length and before_colon != title:
        return before_colon
    cut = title[: length - 1].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return f"{cut}…"


@dataclass(frozen=True)
class KeyFigure:
    """One figure of the report's "Key figures at a glance" page, computed from an app's records.

    An app contributes its figures as it contributes its chapters: its `report.py` has a list `KEY_FIGURES` of
    callables, each `figures(year) -> [KeyFigure]` built from its selectors (a fixed number of queries, like a
    chapter's context). The reports app gathers them without knowing what they count."""

    value: int  # a count (the page prints it with thousands separators)
    label: str  # what was counted, read after the figure: "rapid reviews held"
    chapter: str = ""  # the key of the chapter that tells more (a cross-reference), if any
    order: int = 0  # the page lists figures in this order (leave gaps; by default the chapters' order)
    singular: str = ""  # the label when the figure is 1, if it differs: "rapid review held"

    @property
    def text(self):
        """What the figure counts, in the number the figure needs."""
        return self.singular if self.value == 1 and self.singular else self.label


@dataclass(frozen=True)
class Problem:
    """One thing the checks before approval found, on the checks page with a link to where it is fixed.

    `key` names the problem for as long as it lasts ("glossary:CAMHS", "table:foreword:1:3"), so that a business
    manager's decision to set it aside (with a reason) holds until the problem changes. A problem that must be
    fixed, never set aside (an unwritten chapter, a placeholder left in the text), has `can_set_aside=False`."""

    key: str
    check: str  # the check that found it, as the page heads it: "Abbreviations not in the glossary"
    text: str  # what is wrong, in a sentence
    fix_url: str = ""
    fix_label: str = ""  # the link's words: "Add it to the glossary"
    can_set_aside: bool = True


@dataclass(frozen=True)
class ContributedPart:
    """A part of the annual report an app's own records hold and its own pages look after (an agency's statement),
    shown on the business manager's contributions board beside the chapters.

    An app lists callables `parts(year) -> [ContributedPart]` as `CONTRIBUTIONS` in its `report.py` (a fixed number of
    queries, like a chapter's context): the reports app shows them without knowing what they are, and the app keeps
    its own workflow (who writes, reminders, acceptance) where its records are. A part the business manager can
    assign and chase from the board offers the URLs of the app's own actions: the board posts the row's form there
    (`assigned_to`: one of `writer_choices`' values, "" for the default writers; `due_on`; `next`: the board's
    address, where the app sends the browser back) and the Chase button to `chase_url` (with `next`); the app checks
    who may, and says what happened."""

    title: str  # "Statement of the Metropolitan Police"
    who: str  # who writes it, in words: "the Metropolitan Police's partners"
    status: str  # in the app's own words: "Submitted", "Accepted", "Draft"
    written: bool  # whether the part is done, as far as the report is concerned
    url: str = ""  # where the business manager opens it
    last_edited_at: object = None  # a datetime, if the app records one
    chapter: str = ""  # the key of the chapter it appears in, if any
    last_edited_by: str = ""  # who, in words
    due_on: object = None  # a date, once it has been asked for
    late: bool = False  # past its due date and not done
    sent: bool = False  # with the business manager now (submitted or accepted): nobody to chase
    last_chased_at: object = None
    last_chased_by: str = ""
    assign_url: str = ""  # where the row's "who and when" form is posted; empty: not assigned from the board
    writer_choices: tuple = ()  # ((value, label), …) for the form's writer, after the default (value "")
    default_writers: str = ""  # the form's empty choice: "Its partner representatives"
    assigned_to_id: object = None  # the writer chosen now (a value of writer_choices), or None for the default
    chase_url: str = ""  # where the Chase button posts; empty: not chased from the board
