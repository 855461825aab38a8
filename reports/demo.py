"""The demo's 2022/23 annual report, with its opening chapters written (in our own words, from the seeds' themes)."""

from django.contrib.auth.models import User

from lscp.financial_year import FinancialYear

from .models import AnnualReport, NarrativeSection
from .services import create_report, save_narrative

NARRATIVES = {
    "foreword": """\
This is my second report as independent chair and scrutineer of the partnership for Kensington and Chelsea
and Westminster. It covers a year in which families in both boroughs felt the rising cost of living, in which
services were still recovering from the pandemic, and in which the partnership kept children at the centre
of its work.

Partners have worked well together. Attendance at the partnership and its subgroups has been strong, and
where it has not I have raised it directly with the agencies concerned. The learning from our reviews has
reached front-line practitioners through briefings and training, and we have listened to children and
young people about what matters to them.

There is more to do. The appendices show where attendance fell short, and the priority chapters say
plainly where progress has been slower than we wanted. I am grateful to every practitioner, manager and
volunteer whose work lies behind this report.
""",
    "introduction": """\
The safeguarding partners for the two boroughs — the local authorities, the North West London Integrated
Care Board and the Metropolitan Police — publish this report each year, as *Working Together to Safeguard
Children* requires. It sets out what the partnership did between 1 April 2022 and 31 March 2023 and how
effective those arrangements were.

## Our principles

- Children's safety and welfare come first, and we listen to them.
- Partners share responsibility and hold each other to account.
- We learn from what goes wrong and from what goes well.

## Our priorities for the year

The partnership agreed four priorities for 2022/23; each has a chapter below with what was done, why,
what difference it made and what comes next.
""",
    "listening": """\
Children and young people told us what it is like to grow up in the two boroughs: at school, online and
in their neighbourhoods. Their views shaped the partnership's work this year, and the table below sets out
what they said and what partners did in response.
""",
    "structure": """\
The lead safeguarding partners meet as the Executive. The wider partnership meets every quarter and
oversees three subgroups and a local group in each borough; the diagram below is drawn from the
partnership's own records of its bodies, so it always shows the current arrangements.
""",
}


def _emerging_issues():
    import runpy
    from pathlib import Path

    governance = runpy.run_path(str(Path(__file__).parent.parent / "governance" / "demo" / "data.py"))
    points = "\n".join(f"- {point}" for point in governance.get("EMERGING_ISSUES", []))
    return "The partnership kept watch on new pressures on children and families during the year.\n\n" + points + "\n"


def load(*, stdout):
    year = FinancialYear(2022)
    report = AnnualReport.objects.filter(year=year).first() or create_report(year=year)
    manager = User.objects.filter(username="manager").first()
    written = 0
    for key, text in {**NARRATIVES, "emerging-issues": _emerging_issues()}.items():
        narrative = NarrativeSection.objects.filter(report=report, key=key).first()
        if narrative is None or not narrative.text:
            save_narrative(report=report, key=key, text=text, edited_by=manager)
            written += 1
    stdout.write(f"Reports: the {report.display_title} ({written} chapters written).")
