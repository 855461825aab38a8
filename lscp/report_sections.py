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
    # {"key": …, "title": …, "context": {…}}, each printed as a chapter of its own, in that order.
    repeat: object = None
    # A section that must see the rest of the report (the glossary lists the terms used in it):
    # finalise(context, document_text) gives its context once every other section is rendered.
    finalise: object = None
    running_title: str = ""  # shorter title for the running header, if the title is long
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

    @property
    def header_title(self):
        return self.running_title or self.title
