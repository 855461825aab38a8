"""The demo's 2022/23 annual report, with its opening chapters written: the 2022/23 report's content in our own
words; and the 2023/24 report in draft, its chapters asked of named people with due dates, some late.

`publish_last_year` (`manage.py publish_demo_report`, which `make demo` runs after `load_demo`) takes the 2022/23
report the rest of the way: approved at the Executive's meeting, built, published and sent to every recipient. It is
a step of its own so that the demo `load_demo` loads, which the tests share, keeps its 2022/23 report a draft with no
builds."""

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from lscp.dates import long_date
from lscp.financial_year import FinancialYear

from . import checks, young_people
from .models import AnnualReport, NarrativeSection, ReportRecipient
from .services import create_report, save_narrative

# Each chapter restates, in our own words, what the 2022/23 annual report says under the same
# heading; nothing here is an event that report does not report. The year-ahead chapter only points to what the others
# plan.
NARRATIVES = {
    "foreword": """\
As independent chair of the partnership I present our annual report for the year from April 2022 to
March 2023. It is the second report of the partnership for Kensington and Chelsea and Westminster since
it separated from Hammersmith and Fulham.

It has been a turning-point year. Children, families, communities and our own staff have been living with
what the pandemic left behind and with the rising cost of living, and partners have had to work out how
to respond to both.

Strategic oversight of the local arrangements belongs to the three safeguarding partners: the local
authorities, the Integrated Care Board and the police. Together they work to keep every child in our area
safe and well, and they work with other areas for our children who are placed away from home.

What makes the partnership strong is that its members are committed to working together, to questioning
each other and to holding each other to account, so that our children and young people get the best
outcomes we can secure.
""",
    "introduction": """\
This is the partnership's report for 2022-2023. It sets out why the partnership exists, the principles
it works by and the priorities it chose, what it watched closely, and how partners worked together to
protect, support and safeguard children, young people, their families and their communities.

## Our purpose

The partnership was set up in 2021. Its members are senior leaders from the two local authorities, the
police, health providers and the Integrated Care Board, education, the voluntary sector, probation and
CAFCASS. It meets every quarter to share news and to oversee, question and scrutinise every part of the
work to keep children safe.

Partners share one purpose: to build working relationships and joint work, within and across their
organisations, that change things for children and families. Independent oversight and scrutiny among
peers are how partners hold each other to account, raise the standard of practice and find where their
services need to improve. The partnership's job is to inform, scrutinise and challenge professional
practice so that all multi-agency safeguarding work is fit for purpose, effective, robust and lasting.

As *Working Together to Safeguard Children 2018* requires, the arrangements are led by the three
safeguarding partners and are published. They rest on our principles and priorities, which in turn draw
on the profiles of the two boroughs, on what audits and inspections taught us, and on what children,
families and communities tell us.

## Our principles

Safeguarding is everyone's job. Five principles guide how we work:

1. Working together so that the local arrangements promote and protect children's welfare effectively.
2. Listening to what children and young people tell us will keep them safe.
3. A culture of continuous learning and practice based on evidence.
4. Sharing information well so that decisions are made in good time.
5. Scrutiny: being open to professional challenge and holding each other to account.

## Our priorities

Our principles, together with local data, audits of practice, reviews, consultation with partners and
what young people and communities told us, led to four priorities, each with its own chapter:

1. Reducing the harm from domestic abuse and coercive control.
2. Safer communities: exploitation and serious youth violence.
3. Recovery from the Covid-19 pandemic and the cost of living crisis.
4. Transitional safeguarding.
""",
    "listening": """\
The partnership wants its priorities to match those of the councils' Children and Young People's Plan for
2022-2025, which was shaped by wide consultation with residents, partners and children and young people. The
plan's six priorities put safeguarding at the heart of the councils' work with their partners:

1. Every child has the best start in life, with needs spotted and met early, and is ready for school at five.
2. Children and young people get good education and training, attend school well and reach their potential.
3. Children and young people feel safe and are protected from serious youth violence, harmful practices, abuse
   and neglect, at home, online and in the community.
4. Every young person, above all the most vulnerable, can realise their ambitions and gains the skills and
   opportunities that prepare them for adult life.
5. Young people feel heard, are empowered to act, and help to design the services that affect them.
6. Children and young people are happy and healthy, with a wide range of activities that support their physical
   and mental health, in the face of the pandemic's legacy, environmental challenges and rising living costs.

Children looked after and care leavers take part through regular groups: the Thursday Group in Kensington
and Chelsea, and the Tuesday Group and the Children and Young People's Panel in Westminster. This year
young people also sat on staff interview panels, helped to recruit foster carers, shaped online safety
training for foster carers and told us about their health assessments.

After Ofsted's focused visit in June 2022, children's services talked with the young people who come to
the Tuesday and Thursday leaving care groups about when they feel safe and when they do not. The table
below sets out what they said and what is being done in response.
""",
    "training": """\
The Learning and Development Subgroup plans the partnership's multi-agency safeguarding children training
from the training needs analysis, and checks what difference it makes. This year the programme ran core,
specialist and managerial workshops for delegates from schools, early years, GPs, social care, early help, the
voluntary sector and housing. In May 2022 we hosted a learning event with the Met Police for Police and Social
Care staff on modern slavery and child exploitation.

Every workshop is evaluated. Delegates score their confidence before the session, straight after it and three
months later, when we also ask whether their practice has changed; the figures below come from those answers.
Two members of the partnership also attended the Domestic Abuse and Safeguarding Children workshop as mystery
shoppers; their feedback was positive, and mystery shopping is now part of how we evaluate training.

At partners' request the Centre for Systemic Practice ran an introduction to systemic practice, the relational
model children's social care has used since 2018, for the partnership's members.

Our seven commitments for next year:

1. Keep shaping our workshops with children and young people, who are experts by experience: our online safety
   workshops first.
2. Answer the training needs analysis: more workshops face to face, online sessions where they work best, and
   more short online learning such as podcasts and webinars.
3. Add workshops on working with interpreters, on adultification and on young carers.
4. Grow our pool of co-trainers, practitioners and managers from across the partnership who bring local views and
   expertise.
5. Keep working with the London Safeguarding Children Partnership on pan-London workshops, among them information
   sharing and the pan-London Threshold of Needs Guide.
6. Hold the planned Safer Organisations Learning Event.
7. Keep dip-sampling delegates three to six months after a workshop to measure the impact on their practice.
""",
    "learning-from-reviews": """\
The Case Review Subgroup looks at every serious incident the local authorities notify to the National Panel,
holds the rapid reviews and recommends to the safeguarding partners whether a local review should follow. It
then follows each review's recommendations until the actions they led to are complete.

This year the partnership published its learning review of Holland Park School: its findings, and where each of
its recommendations stands, follow below.

In January 2023 the partnership decided on a non-statutory review after the death of a care leaver in
Westminster, and in March 2023, with the Safeguarding Adults Executive Board, on a joint review after the death
of an elderly resident who had come from Ukraine. Both will be reported next year.

The national reviews the partnership considered, and what it did about each, are in the next chapter.
""",
    "child-death-review": """\
The North West London Child Death Review Team makes sure that when a child under 18 dies, the circumstances are
reviewed thoroughly and independently. Its specialist nurses arrange the child death review meetings, convene the
Child Death Overview Panel and see that bereaved families are supported.

During the year the team brought in multidisciplinary training and lunch-and-learn sessions, cleared its backlog
(only cases awaiting police investigations from 2019 to 2021 remain open), provided cooling blankets for community
teams, and saw stronger attendance at joint agency response meetings, review meetings and panels.

The panel's learning: services must work together so that young people in mental health care are not lost;
children who come to the UK from abroad for surgery need assessing beforehand; basic life support matters in the
community; and there is a gap in support for children whose parent is in prison, and for 16 to 18 year olds who
engage with mental health services on their own terms.

Next year the team plans more training, some of it alongside the police and the trusts, a knife crime event with
the pan-London panel, closer work with hospices on bereavement support, and further analysis of child deaths
across North West London with Public Health.
""",
    "lado": """\
Every agency working with children must have procedures for allegations against its staff and volunteers, in line
with the London Safeguarding Children Procedures, and a designated safeguarding lead who consults the local
authority designated officer (LADO) when someone may have harmed a child, committed an offence against a child,
behaved in a way that suggests they pose a risk to children, or may not be suitable to work with them.

The LADO service oversees these allegations across the children's workforce: it guides employers on their next
steps, including fact finding and internal investigations, and works with the police where needed. Referrals rose
in both boroughs this year, and more of them met the threshold for investigation. Schools and other education
settings referred most, followed by early years settings; health services referred too. Settings are getting
better at handling low-level concerns themselves, consulting the service when they need to.

A *low-level concern* is any concern that an adult has acted in a way that does not fit the staff code of
conduct, including conduct outside work, but that does not meet the threshold of harm or is not serious enough for
the setting to refer it to the LADO. Training on low-level concerns has helped agencies recognise them and deal
with them among their own staff and volunteers.

The outcomes below are in line with what the service expected, and a quality assurance review of cases found that
the thresholds for referral had been applied appropriately. More people have taken the partnership's "Meet the
LADO" and safer recruitment training, and the public increasingly knows how to raise a concern.

Next year the service will help partners recognise low-level concerns earlier, develop its case management system
so that its work is fully recorded, contribute to the partnership's training programme and to its safer
organisations learning event.
""",
    "borough-profiles": """\
The partnership's priorities for 2022/23 grew from the stories of our two boroughs. Agreeing one shared picture
of local life lets partners shape their services in proportion to what our communities need.

Poverty, the rising cost of living and the after-effects of the pandemic put families under more pressure this
year. Partners saw more domestic abuse, more mental ill health and more homelessness, and referrals rose across
all our services. In Kensington and Chelsea the impact of the Grenfell tragedy is still felt. The figures below
come from each borough's Joint Strategic Needs Assessment of spring 2023.
""",
    "scrutiny": """\
The Best Practice and Performance Subgroup is how the partnership holds itself to account: it reads the
single-agency audits partners share with it, runs multi-agency audits on themes from our priorities, and
coordinates the Section 11 self-assessments of each organisation's safeguarding arrangements.

Partners shared audits on staff confidence in recognising child sexual exploitation and abuse, and on the
"Was Not Brought" policy for children's appointments; the recommendations of both have been adopted.

Partners worked well together on the design of services, among them the redesign of the schools' Section 175
audit with headteachers and designated safeguarding leads for 2023/24. But no multi-agency audit was held this
year. The subgroup looked at why: the capacity partners have for audits, whether all partners should use one agreed
audit tool or each its own, and the agreements needed to share information about children for quality assurance.

Next year the partnership will draw up a tier 2 information sharing agreement with local agencies for
multi-agency audits, so that sharing case information no longer delays them, restart its multi-agency audit
programme, and relaunch its Section 11 audits so that partners can reflect on their own safeguarding
arrangements.
""",
    "structure": """\
The three safeguarding partners (the local authorities, the Integrated Care Board and the police) meet as the
LSCP Executive, to which the Local Safeguarding Children Partnership reports. The partnership meets every
quarter, and the LSCP Strategic Planning Group, of the chairs of its groups, plans its work. Four subgroups carry
much of it: the Case Review Subgroup, the Best Practice and Performance Subgroup, the Children and Community
Engagement and Accountability Subgroup, and the Learning and Development Subgroup. The Kensington and Chelsea LSCP
Local Group and the Westminster LSCP Local Group bring the work to each borough, and the Transitional Safeguarding
Steering Group is a task-and-finish group shared with the Safeguarding Adults Executive Board.

The partnership works alongside linked boards and panels: the Safer Kensington and Chelsea Partnership and the
Safer Westminster Partnership, the Safeguarding Adults Executive Board, the Violence Against Women and Girls
(VAWG) Strategic Partnership, the Kensington and Chelsea Health and Wellbeing Board and the Westminster Health and
Wellbeing Board, the Multi-Agency Child Exploitation (MACE) Panel and the North West London Child Death Overview
Panel. The diagram below is drawn from the partnership's own records of its bodies, so it always shows the current
arrangements.
""",
    "independent-scrutiny": """\
Working Together to Safeguard Children asks the safeguarding partners to say how they arrange independent scrutiny
of their arrangements. My role as independent scrutineer is to give the partnership objective, constructive
feedback that helps it keep improving.

I was away on long-term sick leave for part of the year. The partnership did not let scrutiny lapse: its members
worked with me on a work plan for independent scrutiny in 2023/24, which includes, among other things:

- the housing responses to damp and mould affecting children and families;
- the partnership's multi-agency safeguarding children training programme;
- the published partnership arrangements, in the light of the revised Working Together to Safeguard Children
  expected in December 2023;
- the Section 11 self-assessments the partnership asks partners for in 2023/24;
- feedback and challenge on nationally important issues, such as the reviews the Child Safeguarding Practice
  Review Panel publishes;
- the work of the subgroups, and how the voice of children runs through all the partnership does.
""",
    "children-in-care": """\
Independent reviewing officers (IROs) make sure that every partner meets the needs of the children the councils
look after and of their care leavers. They scrutinise and challenge the local authorities and their partners from
within, are part of quality assurance, and hold every partner to account for good outcomes for these children.
Each borough's IRO service publishes its own annual report with its full figures; the main ones are below.

More children were in care at the end of the year than a year before, driven by the continuing rise in the
number of unaccompanied children seeking asylum who arrive in our boroughs. Reviews of children's care plans were
held on time more often than the year before.

Children's voices are central to every discussion of their care plans. Children are invited to contribute to their
reviews and most speak for themselves, though slightly fewer than last year: older children may have grown used
to meeting online during the pandemic and find meetings in person less comfortable.

The independent review of children's social care was published this year, and the government's response
confirmed that the IRO role will be kept and strengthened.

Next year the IRO services will:

- make sure every child who comes into care is recorded promptly on the case management system, so that the right
  processes start;
- map informal alerts about late notifications and share them with heads of service from time to time, to make
  notifications more timely;
- work more closely with the business intelligence team so that reviews are recorded the same way and the figures
  agree.
""",
    "policies": """\
The partnership works to *Working Together to Safeguard Children 2018*, the statutory guidance on what agencies,
organisations and individuals must do to safeguard children and promote their welfare, and on the help, support
and protection the systems around families should give. A revised edition is expected at the end of 2023.

Partners also follow the London Safeguarding Children Procedures and the pan-London Threshold of Needs Guide, and
mean to build on the good practice Ofsted's focused visit found (see Learning from inspections). What changed
during the year is listed below.
""",
    "year-ahead": """\
2023/24 will bring a revised *Working Together to Safeguard Children*, and with it a review of the partnership's
published arrangements. The partnership enters it with the findings of the two reviews it began in early 2023
still to come and its audit programme to restart. What each part of the partnership plans is gathered below from
this report's chapters and the action tracker.
""",
}


# The local bodies the partnership sends its report to: the 2019 arrangements name the Health and Wellbeing Boards
# and the Safeguarding Adults Boards among the partnerships it works with; the 2015/16 report was sent to the police
# and crime commissioner (in London, the Mayor's Office for Policing and Crime) too. The addresses are fictional.
# The Schools Forum has none, to show a report recorded as sent another way. The National Panel and Foundations are
# made by a migration, without addresses: the product does not invent them.
LOCAL_RECIPIENTS = [
    ("Kensington and Chelsea Health and Wellbeing Board", "health-and-wellbeing@kensington-chelsea.example.org"),
    ("Westminster Health and Wellbeing Board", "health-and-wellbeing@westminster.example.org"),
    ("Safeguarding Adults Executive Board", "safeguarding-adults@example.org"),
    ("Mayor's Office for Policing and Crime (the Police and Crime Commissioner)", "policing-and-crime@example.org"),
    ("Schools Forum", ""),
]


# The version for children and young people: the same year, in plain words, from what the chapters above say. No
# child is named; the priorities and "You said, we did" are added from the records.
YOUNG_PEOPLE_NARRATIVES = {
    "young-people-about": """\
The partnership is a team of grown-ups whose job is to help keep children safe. It works in two parts of London:
Kensington and Chelsea, and Westminster.

The team is led by three groups: the two councils, the police, and the health service. Schools, youth clubs, charities
and others are part of it too. They meet every three months. They share what they know, check each other's work and
ask hard questions when things go wrong.

This is our report for April 2022 to March 2023. It tells you what we did, what you told us and what changed.
""",
    "young-people-changes": """\
Here are some of the things that changed this year.

- **Young people helped shape our training.** Staff who work with children learn about online safety. Young people
  told us what that training should say.
- **Staff learned how to spot children at risk.** Police and social workers learned together how to spot children
  who are made to work or commit crimes for others.
- **We checked our own training.** Two of our members took a course as if they were new. They told us what worked
  well, so we can make it better.
- **We helped new families.** Some families came to live here from Afghanistan and Ukraine. Some lived in hotels. We
  worked together to help their children feel safe and settled.
- **We learned from a school.** We looked closely at what went wrong at one school, and we are making sure the
  lessons are used.
""",
    "young-people-help": """\
If you are worried about yourself or a friend, you do not have to deal with it on your own.

- **Talk to an adult you trust.** This could be a parent or carer, a teacher, a youth worker, your social worker or
  your doctor.
- **Call Childline on 0800 1111.** It is free, and it will not show up on your phone bill. You can also chat
  online at childline.org.uk.
- **In an emergency, call 999.** If you are in danger now, call the police.
- **Call 101** to tell the police about something that is not an emergency.
- **Your council can help.** Children's services at Kensington and Chelsea or Westminster council can help you and
  your family. Their phone numbers are on their websites.
""",
}


def _emerging_issues():
    import runpy
    from pathlib import Path

    governance = runpy.run_path(str(Path(__file__).parent.parent / "governance" / "demo" / "data.py"))
    points = "\n".join(f"- {point}" for point in governance.get("EMERGING_ISSUES", []))
    opening = (
        "Partners worked together on new safeguarding needs during the year, above all those of families who "
        "came from Afghanistan and Ukraine and of children living with their families in Home Office hotels."
    )
    return opening + "\n\n" + points + "\n"


def load(*, stdout):
    year = FinancialYear(2022)
    report = AnnualReport.objects.filter(year=year).first() or create_report(year=year)
    manager = User.objects.filter(username="manager").first()
    written = 0
    for key, text in {**NARRATIVES, "emerging-issues": _emerging_issues(), **YOUNG_PEOPLE_NARRATIVES}.items():
        narrative = NarrativeSection.objects.filter(report=report, key=key).first()
        if narrative is None or not narrative.text:
            save_narrative(report=report, key=key, text=text, edited_by=manager)
            written += 1
    for name, email in LOCAL_RECIPIENTS:
        ReportRecipient.objects.get_or_create(name=name, defaults={"email": email})
    stdout.write(f"Reports: the {report.display_title} ({written} chapters written).")
    next_report, assigned = _next_years_contributions()
    stdout.write(f"Reports: the {next_report.display_title} in draft ({assigned} chapters given a contributor).")


# The next year's report, being written: who writes which chapter and by when, some late. Days from the day the demo
# is loaded, so that the board always shows parts late, due soon and due later. Chapters of a body (the Case Review
# Subgroup's, which the demo's chair co-chairs) stay with its chairs; the others are asked of the demo's people.
NEXT_YEAR_CONTRIBUTIONS = {
    # key: (the demo login asked to write it, or None for the body's chairs; days from today it is due)
    "foreword": ("manager", 20),
    "introduction": ("manager", -12),
    "learning-from-reviews": (None, -5),
    "emerging-issues": ("partner", 4),
    "listening": (None, 30),
    "year-ahead": ("manager", 45),
}


def _next_years_contributions():
    from datetime import timedelta

    from django.utils import timezone

    from .services import assign_contribution

    year = FinancialYear(2023)
    report = AnnualReport.objects.filter(year=year).first() or create_report(year=year)
    today = timezone.localdate()
    assigned = 0
    for key, (username, days) in NEXT_YEAR_CONTRIBUTIONS.items():
        narrative = NarrativeSection.objects.filter(report=report, key=key).first()
        if narrative is None or narrative.due_on is not None:
            continue  # loaded before: the business manager's changes are kept
        person = User.objects.filter(username=username).first() if username else None
        assign_contribution(narrative=narrative, assigned_to=person, due_on=today + timedelta(days=days))
        assigned += 1
    return report, assigned


# Publishing the 2022/23 report, as the business manager does it: the checks before approval, the approval at the
# Executive's meeting that agreed it, the build of the approved report, publication, then the report sent on.

# Why a check the demo report fails does not stop its approval, in the business manager's words, by check. None fails
# on the demo's records now; these keep `make demo` working, visibly, if a change to the records makes one fail.
SET_ASIDE_REASONS = {
    checks.NO_RECORDS: "Checked with the subgroup's chair: there were none in 2022/23, and the chapter says so.",
    checks.TOTALS: "The table is as the service printed it in its own annual report; we do not change their figures.",
    checks.PERCENTAGES: "The service rounded each share in its own annual report; the note under the table says so.",
    checks.IMAGES: "The picture is decorative: the text beside it says everything it shows.",
    young_people.READING_EASE: "The long words are the names of the services young people need to find; we kept them.",
}
SET_ASIDE_OTHERWISE = (
    "Agreed with the independent chair before the Executive's meeting: the report goes as it is, and we will put "
    "this right in next year's."
)
# How the report reached a body the product cannot e-mail (no address on the list of recipients): the national bodies
# from the business unit's own mailbox, to the address each publishes; a local body by hand.
SENT_FROM_OUR_MAILBOX = "E-mailed from the LSCP business unit's mailbox to the address on its website, with the link."
HANDED_OVER = "Printed copies handed to its clerk for its members, with the link to the report online."


def publish_last_year(*, stdout, timeout=600):
    """Approves, builds and publishes the demo's 2022/23 report and does its duties, once. Returns whether it published
    it now (False: it was published already, and nothing was done)."""
    from django.core.management.base import CommandError

    from partnership.demo import report_approval_meeting

    from .models import ReportStatus
    from .services import approve_report, latest_publishable_build, request_build

    report = AnnualReport.objects.filter(year=FinancialYear(2022)).first()
    if report is None:
        raise CommandError("There is no 2022/23 report to publish: load the demo first (manage.py load_demo).")
    if report.is_published:
        stdout.write(
            f"The {report.display_title} is already published (on {long_date(report.published_on)}): nothing to do."
        )
        return False
    manager = User.objects.get(username="manager")
    if report.status == ReportStatus.DRAFT:
        _set_aside_what_fails(report, by=manager, stdout=stdout)
        meeting = report_approval_meeting(today=timezone.localdate())
        approve_report(report=report, approved_by=manager, meeting=meeting)
        build = report.builds.first()  # approving queues the build to publish
        stdout.write(f"Approved by the {meeting.body} on {long_date(meeting.date)}; build {build.pk} queued.")
    else:
        build = latest_publishable_build(report)
    if build is None:
        build = request_build(report=report, requested_by=manager)
        stdout.write(f"Build {build.pk} of the approved report queued.")
    build = _finished(build, timeout=timeout)
    stdout.write(f"Build {build.pk}: {build.page_count} pages, and the version for young people.")
    with transaction.atomic():  # published with its duties done, or not at all: running again starts afresh
        _publish_and_send_on(report, build=build, by=manager, stdout=stdout)
    return True


def _set_aside_what_fails(report, *, by, stdout):
    from django.core.management.base import CommandError

    from .services import failing_checks, set_aside_check

    failing = failing_checks(report)
    must_fix = [problem.text for problem in failing if not problem.can_set_aside]
    if must_fix:
        raise CommandError("The 2022/23 report cannot be approved: " + " ".join(must_fix))
    for problem in failing:
        reason = SET_ASIDE_REASONS.get(problem.check, SET_ASIDE_OTHERWISE)
        set_aside_check(report=report, key=problem.key, reason=reason, by=by)
        stdout.write(f"Set aside: {problem.text} ({reason})")


def _finished(build, *, timeout):
    """The build, once it has finished successfully. Without a broker or threads (tasks at once, in this process)
    the build queued on commit has run already, unless this runs inside an enclosing transaction that has not
    committed (a test): then it is run here, since nothing else will. Otherwise a thread or a worker makes it."""
    import time

    from django.core.management.base import CommandError

    from lscp.celery import app

    from .models import BuildStatus, ReportBuild
    from .services import run_build

    build = ReportBuild.objects.get(pk=build.pk)
    if not build.is_finished and app.conf.task_always_eager and not settings.BACKGROUND_TASKS_IN_THREADS:
        build = run_build(build_id=build.pk)
    deadline = time.monotonic() + timeout
    while not build.is_finished and time.monotonic() < deadline:
        time.sleep(0.5)
        build = ReportBuild.objects.get(pk=build.pk)
    if build.status == BuildStatus.FAILED:
        raise CommandError(f"Build {build.pk} failed: {build.error}")
    if build.status != BuildStatus.SUCCEEDED:
        raise CommandError(f"Build {build.pk} did not finish within {timeout} seconds (is a worker running?).")
    return build


def _publish_and_send_on(report, *, build, by, stdout):
    from .services import publish_report, record_duty_sent, send_duty_by_email

    publish_report(report=report, build=build)
    stdout.write(f"Published on {long_date(report.published_on)}: the public downloads build {build.pk}.")
    for duty in report.duties.open().select_related("recipient"):
        if duty.recipient.email.strip():
            send_duty_by_email(duty=duty, sent_by=by)
            stdout.write(f"Sent to {duty.recipient_name} by e-mail ({duty.recipient.email}).")
        else:
            how = SENT_FROM_OUR_MAILBOX if duty.national else HANDED_OVER
            record_duty_sent(duty=duty, sent_by=by, how_described=how)
            stdout.write(f"Sent to {duty.recipient_name}: {how}")
