"""The demo's quality assurance records, as plain literals (no Django: tests read them too).

From the seeds:
- Seed 001 (the 2015/16 report) on Section 11: the pan-London audit tool, revised with a lay member and moved
  online; a small number of agencies completed it first, more the next year. Its example ratings (the CCG's
  self-assessment: "the culture of safeguarding within the organisation" fully met, "a safe organisation" and
  "assurance and system leadership" partially met) are the Integrated Care Board's (the CCG's successor) here.
- The K&C and Westminster annual report 2022/23: the single-agency audits shared with the Best Practice and
  Performance Subgroup in 2022/23 (CLCH on child sexual exploitation and abuse, Imperial College Healthcare on
  "Was Not Brought" cases). It held no multi-agency audit that year and planned to relaunch its audit programme and
  its Section 11 audits in 2023/24, so the demo's multi-agency audit and its second Section 11 cycle are 2023/24's:
  the audit of NRM decision making follows up the NRM pilot's own review of September 2022 (reported under
  priority 2), with its findings and what next.

Illustrative (not in the seeds): the other standards' titles and guidance (from DOMAIN.md's list), the cycles'
dates, the other agencies' ratings and statuses, the scrutiny comments, the NRM audit's participants, case codes
(never a child's name or initials) and grades, its recommendations and actions, and the lay member, whose name is
invented.
"""

STANDARD_SET = {
    "name": "Pan-London Section 11 audit tool",
    "kind": "section_11",
    "version": "2016 revision",
    "in_use_since": "2016-04-01",
}

STANDARDS = [
    (
        1,
        "The culture of safeguarding within the organisation",
        "Senior leadership's responsibility for safeguarding is clear; a named lead; safeguarding is in the "
        "organisation's plans and reported to its board.",
    ),
    (
        2,
        "A safe organisation: safe recruitment and managing allegations",
        "Safer recruitment checks, the management of allegations against staff and referral to the LADO.",
    ),
    (
        3,
        "Safeguarding training and supervision",
        "Staff are trained for their role and refreshed; safeguarding supervision is available and used.",
    ),
    (
        4,
        "The voice of the child",
        "Children's views and lived experience are sought and shape the service and the plans made for them.",
    ),
    (
        5,
        "Information sharing",
        "Staff know when and how to share information; agreements with partners are in place and used.",
    ),
    (
        6,
        "Assurance and system leadership",
        "The organisation checks its own safeguarding practice and works with partners to improve the system.",
    ),
]

FULLY, PARTIALLY, NOT_MET = "fully_met", "partially_met", "not_met"
ALL_FULLY = {number: FULLY for number, _, _ in STANDARDS}

LAY_MEMBER = {
    "name": "Rosalind Penhallow",
    "job_title": "Lay member of the partnership",
    "email": "rosalind.penhallow@lay-members.example.org",
}

# Cycles, oldest first. Each return: agency, status, ratings {standard number: rating}, and for returns with the
# partnership the scrutiny ({comments, challenge_session_on, outcome}).
CYCLES = [
    {
        "name": "Section 11 pilot 2020–21",
        "opens_on": "2020-10-01",
        "closes_on": "2021-03-31",
        "agencies": ["North West London Integrated Care Board", "National Probation Service"],
        "returns": [
            {
                "agency": "North West London Integrated Care Board",
                "status": "accepted",
                "submitted_on": "2021-03-15",
                "ratings": {**ALL_FULLY, 2: PARTIALLY, 6: PARTIALLY},
                "scrutiny": {
                    "comments": "Evidence is clear; actions agreed on standards 2 and 6.",
                    "outcome": "accepted",
                },
            },
            {
                "agency": "National Probation Service",
                "status": "accepted",
                "submitted_on": "2021-03-22",
                "ratings": ALL_FULLY,
                "scrutiny": {"comments": "A thorough return.", "outcome": "accepted"},
            },
        ],
    },
    {
        "name": "Section 11 audit 2023–24",
        "opens_on": "2023-10-02",
        "closes_on": "2024-02-29",
        "agencies": [
            "North West London Integrated Care Board",
            "Metropolitan Police Service, Central West Basic Command Unit",
            "National Probation Service",
            "Central London Community Healthcare NHS Trust",
            "Children's Services RBKC/WCC",
            "Imperial College Healthcare NHS Trust",
        ],
        "returns": [
            {
                # The 2015/16 LSCB report's example ratings.
                "agency": "North West London Integrated Care Board",
                "status": "accepted",
                "submitted_on": "2024-01-19",
                "ratings": {**ALL_FULLY, 2: PARTIALLY, 6: PARTIALLY},
                "scrutiny": {
                    "comments": (
                        "Training for staff and the links with the local authorities on primary care assurance "
                        "are the areas to improve; the actions raised cover both."
                    ),
                    "challenge_session_on": "2024-02-13",
                    "outcome": "accepted",
                },
            },
            {
                "agency": "Metropolitan Police Service, Central West Basic Command Unit",
                "status": "accepted",
                "submitted_on": "2024-02-09",
                "ratings": {**ALL_FULLY, 5: PARTIALLY},
                "scrutiny": {
                    "comments": "Accepted at the challenge session.",
                    "challenge_session_on": "2024-02-13",
                    "outcome": "accepted",
                },
            },
            {
                "agency": "National Probation Service",
                "status": "under_scrutiny",
                "submitted_on": "2024-02-23",
                "ratings": {**ALL_FULLY, 4: PARTIALLY},
                "scrutiny": {
                    "comments": "The lay member asked how the views of children of people on probation are sought.",
                    "challenge_session_on": "2024-03-12",
                    "outcome": "",
                },
            },
            {
                "agency": "Central London Community Healthcare NHS Trust",
                "status": "returned",
                "submitted_on": "2024-02-27",
                "ratings": {**ALL_FULLY, 3: NOT_MET},
                "scrutiny": {
                    "comments": "Standard 3: send the training compliance figures and the supervision audit.",
                    "outcome": "returned",
                },
            },
            {
                "agency": "Children's Services RBKC/WCC",
                "status": "in_progress",
                "ratings": {1: FULLY, 2: FULLY, 3: FULLY},
            },
        ],
    },
]

EVIDENCE = "Policy, training records and the latest internal audit; see the safeguarding annual report."

NRM_AUDIT = {
    "theme": "National Referral Mechanism (NRM) decision making",
    "priority_title": "Safer communities: exploitation and serious youth violence",
    "scope": (
        "Every case referred to the National Referral Mechanism under the Home Office pilot: practice before the "
        "referral, the quality of decision making, the impact of the NRM decision on the young person, and how "
        "closely the young person's voice was understood and used."
    ),
    "planned_on": "2023-09-01",
    "held_on": "2023-09-29",
    "workshop_on": "2023-10-17",
    # (agency, cases audited, [(case code, grade)])
    "participations": [
        (
            "Children's Services RBKC/WCC",
            6,
            [
                ("CS-NRM-01", "outstanding"),
                ("CS-NRM-02", "good"),
                ("CS-NRM-03", "good"),
                ("CS-NRM-04", "good"),
                ("CS-NRM-05", "requires_improvement"),
                ("CS-NRM-06", "good"),
            ],
        ),
        (
            "Metropolitan Police Service, Central West Basic Command Unit",
            3,
            [("MPS-A17", "good"), ("MPS-A18", "requires_improvement"), ("MPS-A19", "good")],
        ),
        (
            "Central London Community Healthcare NHS Trust",
            3,
            [("CLCH-441", "outstanding"), ("CLCH-442", "good"), ("CLCH-443", "inadequate")],
        ),
    ],
    "strengths": (
        "As the pilot's own review of September 2022 had found, work focused on understanding the young person's "
        "views, particularly about risk and safety, and their wishes and feelings. Using the NRM panel for young "
        "people exploited on their journey to the UK to claim asylum had positive outcomes, and young people spoke "
        "well of it. Support through the NRM process reduced isolation, and decisions came quicker and more simply, "
        "helping young people build networks and pursue education and careers sooner. There were signs that a "
        "positive reasonable or conclusive grounds decision made courts less likely to impose custody or long "
        "sentences. Independent Child Trafficking Guardians were seen as positive, with clear information shared "
        "with the young person."
    ),
    "areas_for_development": (
        "Keep watching how NRM decisions are used and what difference they make, including in the criminal "
        "justice system, and how consistently the young person's voice is recorded before the referral."
    ),
    # (number, text, agency or None, [actions: (title, owner agency, due, status, completed_on)])
    "recommendations": [
        (
            1,
            "Monitor the use and impact of NRM decision making on young people, and how their voice is understood "
            "and used, until the pilot ends in March 2024.",
            None,
            [
                (
                    "Report NRM panel decisions and outcomes to the subgroup each quarter",
                    "Children's Services RBKC/WCC",
                    "2024-03-31",
                    "on_track",
                    None,
                ),
            ],
        ),
        (
            2,
            "Record the young person's own account of risk and safety before every NRM referral.",
            "Children's Services RBKC/WCC",
            [
                (
                    "Add the young person's account to the NRM referral checklist",
                    "Children's Services RBKC/WCC",
                    "2023-11-30",
                    "complete",
                    "2023-11-16",
                ),
            ],
        ),
    ],
}

SINGLE_AGENCY_AUDITS = [
    {
        "agency": "Central London Community Healthcare NHS Trust",
        "topic": "Child sexual exploitation and child sexual abuse: staff confidence",
        "method": "survey",
        "date": "2022-11-30",
        "key_findings": (
            "81% of staff felt confident to identify exploitation and sexual abuse and act on it; 15% had no "
            "knowledge or awareness. Awareness was slightly lower of sexual abuse of boys and of disabled children. "
            "Recommendations adopted: confidence in difficult conversations, risk tools, supervision, and the new "
            "child sexual abuse policy sent to all staff."
        ),
    },
    {
        "agency": "Imperial College Healthcare NHS Trust",
        "topic": "“Was Not Brought” and “Did Not Attend” cases",
        "method": "dip_sample",
        "date": "2023-01-25",
        "key_findings": (
            "The Trust's policies were followed: follow-up calls to pregnant women, notes reviewed before the next "
            "appointment, clear records in most cases and good correspondence with social care and school nurses. "
            "Keep promoting the policies so that recording is consistently clear; check records and the NHS Spine, "
            "not only CP-IS; safeguarding supervision for trauma cases."
        ),
    },
]
