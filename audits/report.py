"""The quality assurance records' chapters of the annual report.

- "Borough profiles" (35), the business manager's account of each borough with its profile figures, and "Our
  children and young people data" (40), the child death review summary (490) and the LADO's outcomes (500),
  with their figures from the data set's selectors only (audits/selectors/dataset.py). Every total and percentage
  is computed from stored counts, and printed by lscp/figures.py and lscp/percentages.py (whole per cents rounded
  half up, so one fraction prints the same everywhere; a note where a column does not add up to 100). Where an
  indicator's values add up across boroughs the tables give the partnership's total; where it is a share of
  another, each borough's share and the partnership's.
- "Scrutiny and challenge" (620), written by the Quality Assurance subgroup's chairs, with the year's
  single-agency audits, its multi-agency audits with their findings, grade distribution and the state of their
  actions, and the latest Section 11 / 175 cycle's results (returns by status, ratings by standard). Its figures
  come from audits/selectors/audits.py only. Governance's "Professional challenge and escalation" chapter (order
  640) follows it."""

from django.conf import settings

from lscp import figures
from lscp.report_sections import KeyFigure, Section

from .charts import indicator_charts
from .selectors import audits as audit_selectors
from .selectors import children_in_care as care
from .selectors import dataset as data


def _value_cells(row):
    """Each borough's value as printed, with its share of the row's denominator where it has one ("20,200 (14%)"),
    then the partnership's (None when the row has no partnership figure)."""
    shares = row.shares or [None] * len(row.cells)
    values = [
        _with_share(figures.format_value(cell.value, row.unit), part)
        for cell, part in zip(row.cells, shares, strict=True)
    ]
    total = _with_share(figures.format_value(row.total.value, row.unit), row.total_share) if row.has_total else None
    return values, total


def _with_share(text, part):
    if not text:
        return "–"
    return f"{text} ({part})" if part is not None else text


def _lower_first(name):
    """ "Total population" → "total population", in the middle of a sentence; "UASC in care" stays as it is."""
    return name[0].lower() + name[1:] if name[1:2].islower() else name


def _trend(table, row):
    """[(label, change)]: each borough's change since a year earlier in numbers and per cent, then the
    partnership's where its values add up."""
    trend = [
        (code, figures.format_change(cell.value, cell.year_earlier, unit=row.unit))
        for (code, _), cell in zip(table.boroughs, row.cells, strict=True)
        if cell.value is not None
    ]
    if row.has_total and row.adds_up:
        trend.append(("Total", figures.format_change(row.total.value, row.total.year_earlier, unit=row.unit)))
    return trend


def children_data_context(year):
    table = data.children_data_table(year=year)
    rows = []
    for row in table.rows:
        values, total = _value_cells(row)
        rows.append(
            {
                "indicator": row.indicator,
                "period": row.period,
                "source": row.source,
                "values": values,
                "total": total,
                "share_of": _lower_first(row.denominator_name),
                "london": figures.format_value(row.london, row.unit) or "N/A",
                "trend": _trend(table, row),
            }
        )
    charts = indicator_charts(table, year=year)
    return {
        "boroughs": table.boroughs,
        "rows": rows,
        "any_total": any(row["total"] is not None for row in rows),
        "previous_year": year.previous,
        "charts": charts,
    }


def borough_profiles_context(year):
    table = data.borough_profile_table(year=year)
    rows = []
    for row in table.rows:
        values, total = _value_cells(row)
        rows.append(
            {
                "indicator": row.indicator,
                "period": row.period,
                "source": row.source,
                "values": values,
                "total": total,
                "share_of": _lower_first(row.denominator_name),
            }
        )
    return {"boroughs": table.boroughs, "rows": rows, "any_total": any(row["total"] is not None for row in rows)}


def lado_context(year):
    tables = data.category_tables(year=year, names=[data.LADO_OUTCOMES, data.LADO_REFERRAL_SOURCES])
    return {"outcomes": tables[data.LADO_OUTCOMES], "sources": tables[data.LADO_REFERRAL_SOURCES]}


def child_death_context(year):
    names = [data.CHILD_DEATHS_BY_CATEGORY, data.CHILD_DEATHS_BY_EXPECTATION, data.CHILD_DEATHS_BY_MODIFIABLE_FACTORS]
    tables = data.category_tables(year=year, names=names)
    by_category = tables[data.CHILD_DEATHS_BY_CATEGORY]
    unexpected, unexpected_percent = data.count_of(tables[data.CHILD_DEATHS_BY_EXPECTATION], data.UNEXPECTED)
    modifiable, modifiable_percent = data.count_of(
        tables[data.CHILD_DEATHS_BY_MODIFIABLE_FACTORS], data.MODIFIABLE_FACTORS
    )
    last_year = None
    if by_category.compared:
        # Last year's counts, computed by the same query as this year's: none is typed.
        last_year = {
            "reviewed": by_category.last_year_total,
            "unexpected": data.last_year_of(tables[data.CHILD_DEATHS_BY_EXPECTATION], data.UNEXPECTED),
            "modifiable": data.last_year_of(tables[data.CHILD_DEATHS_BY_MODIFIABLE_FACTORS], data.MODIFIABLE_FACTORS),
        }
        if None in last_year.values():
            last_year = None
    return {
        "by_category": by_category,
        "reviewed": by_category.total,
        "unexpected": unexpected,
        "unexpected_percent": unexpected_percent,
        "modifiable": modifiable,
        "modifiable_percent": modifiable_percent,
        "last_year": last_year,
    }


def _count(value):
    return figures.format_count(value)


def _count_and_share(value, part):
    """ "12 (13%)": a count with its share, as the data chapter's tables print them; "–" for no count."""
    return _with_share(figures.format_count(value) if value is not None else "", part)


def children_in_care_context(year):
    """The children looked after and the unaccompanied among them, and the IROs' reviews and their timeliness, per
    borough and in total, each share computed from the counts (one query)."""
    care_figures = care.children_in_care(year=year)
    columns = [*care_figures.columns, care_figures.total]
    rows = [
        (f"Children looked after on {care_figures.looked_after_on}", [_count(c.looked_after) for c in columns]),
        ("The same a year earlier", [_count(c.looked_after_earlier) for c in columns]),
        ("Of them, unaccompanied asylum-seeking children", [_count_and_share(c.uasc, c.uasc_share) for c in columns]),
        (
            f"Reviews chaired by independent reviewing officers, {care_figures.reviews_period}",
            [_count(c.reviews) for c in columns],
        ),
        (
            "Of them, held within the statutory timescales",
            [_count_and_share(c.on_time, c.on_time_share) for c in columns],
        ),
        (
            "Share held within the statutory timescales a year earlier",
            ["–" if c.on_time_share_earlier is None else str(c.on_time_share_earlier) for c in columns],
        ),
    ]
    return {
        "boroughs": care_figures.boroughs,
        "rows": [(label, cells) for label, cells in rows if any(cell != "–" for cell in cells)],
    }


def scrutiny_context(year):
    """Nine queries however many audits, recommendations, returns or standards."""
    return {
        "single_agency_audits": audit_selectors.single_agency_audits_in(year=year),
        "multi_agency_audits": audit_selectors.multi_agency_audits_in(year=year),
        "section11": audit_selectors.section11_results(year=year),
    }


# The data set's indicators the key figures add up across the boroughs (the demo creates them; a partnership that
# imports its own figures names its indicators so), with what the figure counts and the chapter that shows it.
KEY_INDICATORS = [
    ("Children aged 0 to 18", "children aged 0 to 18 living in our boroughs", "children-data"),
    ("Child protection plans", "children on a child protection plan", "children-data"),
    (care.LOOKED_AFTER, "children looked after", "children-in-care"),
]


def key_figures(year):
    """The data set's headline counts, summed over the boroughs, the LADO's allegations, the child deaths reviewed
    and the Section 11 returns submitted (four queries)."""
    table = data.children_data_table(year=year)
    rows = {row.indicator: row for row in table.rows}
    figures = []
    for name, label, chapter in KEY_INDICATORS:
        row = rows.get(name)
        values = [cell.value for cell in row.cells if cell.value is not None] if row else []
        if values:
            figures.append(KeyFigure(int(sum(values)), f"{label} ({row.period})", chapter))
    tables = data.category_tables(year=year, names=[data.LADO_OUTCOMES, data.CHILD_DEATHS_BY_CATEGORY])
    if tables[data.LADO_OUTCOMES].total:
        figures.append(
            KeyFigure(
                tables[data.LADO_OUTCOMES].total,
                "allegations against staff and volunteers referred to the LADO",
                "lado",
                singular="allegation against a member of staff or volunteer referred to the LADO",
            )
        )
    if tables[data.CHILD_DEATHS_BY_CATEGORY].total:
        figures.append(
            KeyFigure(
                tables[data.CHILD_DEATHS_BY_CATEGORY].total,
                "child deaths reviewed",
                "child-death-review",
                singular="child death reviewed",
            )
        )
    returns = audit_selectors.section11_returns_submitted(year=year)
    if returns:
        figures.append(
            KeyFigure(
                returns,
                "Section 11 self-assessments submitted by partners",
                "scrutiny",
                singular="Section 11 self-assessment submitted by a partner",
            )
        )
    return figures


KEY_FIGURES = [key_figures]

SECTIONS = [
    Section(
        key="borough-profiles",
        title="Borough profiles",
        order=35,
        template="audits/report/borough_profiles.html",
        context=borough_profiles_context,
        narrative=True,
        help_text=(
            "Each borough's story: who lives there, the pressures on families this year, and how that shaped the "
            "partnership's priorities. The profile figures (population, children, poverty) are added from the "
            'data set\'s indicators shown in "Borough profiles".'
        ),
        has_records=lambda c: bool(c["rows"]),
        records_url="admin:audits_observation_changelist",
    ),
    Section(
        key="children-data",
        title="Our children and young people data",
        order=40,
        template="audits/report/children_data.html",
        context=children_data_context,
        running_title="Our children's data",
        has_records=lambda c: bool(c["rows"]),
        records_url="admin:audits_observation_changelist",
    ),
    Section(
        key="children-in-care",
        title="Children in care",
        order=310,
        template="audits/report/children_in_care.html",
        context=children_in_care_context,
        narrative=True,
        plans_ahead="the independent reviewing officers' plans",
        help_text=(
            "How the independent reviewing officers (IROs) saw the year for children in care and care leavers: what "
            "changed, how children took part in their reviews, and what the IRO service will do next year. The "
            "figures (children looked after, unaccompanied children, reviews on time) are added from the data set."
        ),
        has_records=lambda c: bool(c["rows"]),
        records_url="admin:audits_observation_changelist",
    ),
    Section(
        key="child-death-review",
        title="Child death reviews",
        order=490,
        template="audits/report/child_death_review.html",
        context=child_death_context,
        narrative=True,
        plans_ahead="the Child Death Review Team's plans",
        help_text=(
            "What the Child Death Overview Panel achieved and learnt this year and what it plans next. The figures "
            "are added from the data set. Never anything that could identify a child or family."
        ),
        has_records=lambda c: not c["by_category"].is_empty,
        records_url="admin:audits_observation_changelist",
    ),
    Section(
        key="lado",
        title="A safer workforce: allegations against staff and volunteers",
        order=500,
        template="audits/report/lado.html",
        context=lado_context,
        narrative=True,
        running_title="Managing allegations (LADO)",
        plans_ahead="the LADO service's plan",
        help_text=(
            "The LADO service's year: the trend in referrals, where they came from, what the outcomes say, the "
            "impact of training, and its plan for next year. The outcome and referral source tables are added from "
            "the data set."
        ),
        has_records=lambda c: not (c["outcomes"].is_empty and c["sources"].is_empty),
        records_url="admin:audits_observation_changelist",
    ),
    Section(
        key="scrutiny",
        title="Scrutiny and challenge",
        order=620,
        template="audits/report/scrutiny.html",
        context=scrutiny_context,
        narrative=True,
        # The Quality Assurance subgroup: "Best Practice and Performance Subgroup" in the demo's registry.
        written_by=settings.QUALITY_ASSURANCE_BODY_NAME,
        plans_ahead="the multi-agency audit programme and the Section 11 audits",
        help_text=(
            "How the partnership scrutinised its own work this year: what the audits found, what changed as a "
            "result, and what the Section 11 self-assessments showed."
        ),
        has_records=lambda c: bool(c["single_agency_audits"] or c["multi_agency_audits"] or c["section11"]),
        records_url="admin:audits_multiagencyaudit_changelist",
    ),
]
