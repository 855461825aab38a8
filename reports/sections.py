"""The section registry: each app declares its chapters of the annual report in its own `report.py`.

An app's `report.py` has a list `SECTIONS` of `Section`s. The reports app collects them from every installed
app, sorts them by `order`, and renders each one's template with the context its `context(year)` returns;
it knows nothing of their content. A new chapter is a new entry in one app's `report.py`.

`context(year)` (and `repeat(year)`) must return evaluated data (lists, numbers), not lazy querysets, so that
the build's "gathering data" time and query count measure the data work, and rendering touches no database.

Orders used so far (leave gaps), in the order of the K&C and Westminster annual report 2022/23:
    0 cover · 5 contents · 7 key figures at a glance · 10 foreword · 20 introduction · 30 structure of the
    partnership · 35 borough profiles · 40 our children and young people data (audits) · 45 schools and early
    years · 50 key work by partners (governance) · 100–199 priorities · 200 emerging issues · 300 listening to
    children · 310 children in care (audits) · 400–499 learning (400 multi-agency training, 410 learning from
    reviews, 420 national reviews, 430 inspections, 490 child death reviews, 495 policies and procedures) ·
    500 LADO (audits) · 600–699 scrutiny (620 scrutiny and challenge, 640 professional challenge and escalation,
    660 independent scrutiny) · 800 the year ahead · 900+ appendices

An app's `report.py` may also list `KEY_FIGURES`: callables `figures(year) -> [KeyFigure]` whose figures the
"Key figures at a glance" page (order 7) prints, each with a cross-reference to the chapter that tells more.

And `CONTRIBUTIONS`: callables `parts(year) -> [ContributedPart]`, the parts of the report its own records hold (the
agencies' statements), which the business manager's contributions board lists after the chapters.

The version for children and young people (the 2019 partnership arrangements promise "a version specifically for
children and young people") has a short registry of its own: an app's `report.py` may list `YOUNG_PEOPLE_SECTIONS`,
`Section`s printed only in that version, with their own templates (reports/young_people.py builds it). Their keys
start "young-people-" and share one key space with the main report's, so that a chapter people write for it is a
`NarrativeSection` like any other: made for every report, written on the same form, blocking approval while blank,
but never printed in the main report. Orders used: 0 cover · 10 what the partnership is · 20 our priorities ·
30 you said, we did · 40 what changed this year · 90 where to get help.
"""

from functools import lru_cache

from lscp.registries import app_modules

# The shape of a section lives in lscp, so that every app (the registry included) can declare sections without
# importing the reports app; the pipeline re-exports it.
from lscp.report_sections import ContributedPart, KeyFigure, Section

__all__ = [
    "ContributedPart",
    "KeyFigure",
    "contribution_sources",
    "Section",
    "key_figure_sources",
    "narrative_sections",
    "registered_sections",
    "section_by_key",
    "young_people_sections",
]


@lru_cache(maxsize=1)
def registered_sections():
    """Every installed app's sections, in report order. Keys must be unique across apps."""
    found = [section for module in app_modules("report") for section in getattr(module, "SECTIONS", [])]
    keys = [s.key for s in found]
    duplicates = {k for k in keys if keys.count(k) > 1}
    if duplicates:
        raise ValueError(f"Report section keys used twice: {', '.join(sorted(duplicates))}")
    return tuple(sorted(found, key=lambda s: (s.order, s.key)))


@lru_cache(maxsize=1)
def young_people_sections():
    """Every installed app's sections of the version for children and young people, in its order. Keys must be
    unique, and not used by the main report: a chapter people write is found by its key alone."""
    found = [section for module in app_modules("report") for section in getattr(module, "YOUNG_PEOPLE_SECTIONS", [])]
    keys = [s.key for s in found] + [s.key for s in registered_sections()]
    duplicates = {k for k in keys if keys.count(k) > 1}
    if duplicates:
        raise ValueError(f"Report section keys used twice: {', '.join(sorted(duplicates))}")
    return tuple(sorted(found, key=lambda s: (s.order, s.key)))


def narrative_sections():
    """Every chapter people write, in the main report's order, then those of the version for young people."""
    return [s for s in (*registered_sections(), *young_people_sections()) if s.narrative]


def section_by_key(key):
    return next((s for s in (*registered_sections(), *young_people_sections()) if s.key == key), None)


@lru_cache(maxsize=1)
def key_figure_sources():
    """Every installed app's `KEY_FIGURES` (callables `figures(year) -> [KeyFigure]`), in the apps' order."""
    return tuple(source for module in app_modules("report") for source in getattr(module, "KEY_FIGURES", []))


@lru_cache(maxsize=1)
def contribution_sources():
    """Every installed app's `CONTRIBUTIONS` (callables `parts(year) -> [ContributedPart]`), in the apps' order."""
    return tuple(source for module in app_modules("report") for source in getattr(module, "CONTRIBUTIONS", []))
