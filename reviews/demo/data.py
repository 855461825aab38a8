"""Demo case review records for 2022/23, modelled on the Kensington and Chelsea and Westminster LSCP annual report
2022/23, its chapters "Learning from local reviews", "Learning from national reviews" and "Learning from inspection
reports".

Plain literals only, so the demo loader and tests can read them without Django.

From the annual report: the Holland Park School learning review (what it looked at, its six findings, its recommendation
to the LADO service, the school's action plan and the assurance given), the two non-statutory reviews started in January
and March 2023 (the second with the Safeguarding Adults Executive Board), the national reviews considered and the local
response to each, the Ofsted inspection of the partnership's one children's home, and the learning from local rapid
reviews reaching the GP forums.

Illustrative (the annual report does not give them): every exact day where it gives a month or nothing (a month alone
is written as its first day), the reviewers' and review group's make-up, and the four 2022/23 rapid reviews, which
are fictional cases under fictional code names with no personal detail: three sent to the Panel on time and one
late, over the Queen's state funeral and Christmas bank holidays. No child, relative or individual is named or
described anywhere in this file.
"""

YEAR = "2022/23"
CASE_REVIEW_SUBGROUP = "Case Review Subgroup"

LEARNING_THEMES = [
    ("Neglect", ""),
    ("Domestic abuse", ""),
    ("Adolescents at risk outside the home", "Exploitation, serious youth violence and other extra-familial harm."),
    ("Information sharing", ""),
    ("Professional curiosity", ""),
    ("Voice of the child", ""),
    ("Children's mental health", ""),
    ("Leadership and governance in settings", "Oversight by governors, leaders and proprietors of a setting."),
    ("Recording and management oversight", ""),
    ("Workforce training", ""),
    ("Transitional safeguarding", "Young people moving into adulthood, 16 to 25."),
]

# (code name, kind, borough, age band, abuse categories, looked after, occurred, aware, notified, Panel reference,
#  started, meetings, submitted, Panel response on, Panel response, decision, decided on, rationale, agencies)
RAPID_REVIEWS = [
    {
        "code_name": "Child L",
        "kind": "serious_harm",
        "borough": "RBKC",
        "age_band": "10_15",
        "abuse": ["abuse_neglect", "abuse_emotional"],
        "looked_after": False,
        "circumstances": "An adolescent was seriously harmed; support for their mental health was considered.",
        "occurred_on": "2022-05-03",
        "la_aware_on": "2022-05-04",
        "notified_panel_on": "2022-05-09",
        "panel_reference": "DEMO-2022-0117",
        "started_on": "2022-05-10",
        "meetings": ["2022-05-19"],
        "submitted_to_panel_on": "2022-05-27",
        "panel_response_on": "2022-06-20",
        "panel_response_summary": "The Panel agreed with the decision and asked to hear how the learning is shared.",
        "decision": "no_further_review",
        "decided_on": "2022-05-25",
        "rationale": (
            "The facts were clear and the learning, on access to mental health support for adolescents, is being "
            "taken forward by the agencies and through the GP forums' CAMHS update: a further review would add "
            "little."
        ),
        "agencies": [
            "Children's Services RBKC",
            "Central and North West London NHS Foundation Trust",
            "Metropolitan Police Service, Central West Basic Command Unit",
            "Education RBKC/WCC",
        ],
    },
    {
        "code_name": "Young Person N",
        "kind": "death",
        "borough": "WCC",
        "age_band": "16_17",
        "abuse": ["abuse_neglect"],
        "looked_after": False,
        "circumstances": "A young person died; the support for their mental health was considered.",
        "occurred_on": "2022-09-12",
        "la_aware_on": "2022-09-13",
        "notified_panel_on": "2022-09-15",
        "panel_reference": "DEMO-2022-0244",
        "started_on": "2022-09-16",
        "meetings": ["2022-09-28"],
        "submitted_to_panel_on": "2022-10-06",
        "panel_response_on": "2022-10-31",
        "panel_response_summary": "The Panel agreed that a local learning review was proportionate.",
        "decision": "other_learning_review",
        "decided_on": "2022-10-05",
        "rationale": (
            "The learning on adolescent mental health repeats that of an earlier rapid review: it is taken into a "
            "themed learning session with CAMHS and the GP forums rather than a practice review."
        ),
        "agencies": [
            "Children's Services WCC",
            "Central and North West London NHS Foundation Trust",
            "North West London Integrated Care Board",
            "Metropolitan Police Service, Central West Basic Command Unit",
        ],
    },
    {
        "code_name": "Baby S",
        "kind": "serious_harm",
        "borough": "RBKC",
        "age_band": "under_1",
        "abuse": ["abuse_physical"],
        "looked_after": False,
        "circumstances": "A baby was seriously injured.",
        "occurred_on": "2022-12-18",
        "la_aware_on": "2022-12-20",
        "notified_panel_on": "2022-12-22",
        "panel_reference": "DEMO-2022-0391",
        "started_on": "2023-01-04",
        "meetings": ["2023-01-12", "2023-01-26"],
        # Late: due by 17 January 2023 (15 working days after the notification, without the Christmas bank
        # holidays); a second meeting was needed once a partner's records arrived.
        "submitted_to_panel_on": "2023-01-31",
        "panel_response_on": "2023-02-20",
        "panel_response_summary": "The Panel agreed with the decision and noted the late submission.",
        "decision": "no_further_review",
        "decided_on": "2023-01-26",
        "rationale": (
            "The learning concerned single agencies, whose action plans the Case Review Subgroup follows up; the "
            "multi-agency response worked as it should."
        ),
        "agencies": [
            "Children's Services RBKC",
            "Chelsea and Westminster Hospital NHS Foundation Trust",
            "Central London Community Healthcare NHS Trust",
            "Metropolitan Police Service, Central West Basic Command Unit",
        ],
    },
    {
        "code_name": "Child V",
        "kind": "serious_harm",
        "borough": "WCC",
        "age_band": "5_9",
        "abuse": ["abuse_physical", "abuse_emotional"],
        "looked_after": False,
        "circumstances": "A child was seriously harmed in a household known for domestic abuse.",
        "occurred_on": "2023-02-27",
        "la_aware_on": "2023-03-01",
        "notified_panel_on": "2023-03-03",
        "panel_reference": "DEMO-2023-0062",
        "started_on": "2023-03-06",
        "meetings": ["2023-03-16"],
        "submitted_to_panel_on": "2023-03-23",
        "panel_response_on": "2023-04-17",
        "panel_response_summary": "The Panel agreed with the decision.",
        "decision": "no_further_review",
        "decided_on": "2023-03-22",
        "rationale": (
            "The learning on domestic abuse is already the partnership's first priority and is taken into the Safe "
            "and Together roll-out."
        ),
        "agencies": [
            "Children's Services WCC",
            "Bi-Borough VAWG Service RBKC/WCC",
            "Metropolitan Police Service, Central West Basic Command Unit",
            "Imperial College Healthcare NHS Trust",
        ],
    },
]

# An incident logged two working days before the demo is loaded, not yet notified: the dashboard's "due soon".
LIVE_INCIDENT = {
    "code_name": "Child W",
    "kind": "serious_harm",
    "borough": "WCC",
    "age_band": "1_4",
    "abuse": ["abuse_neglect"],
    "looked_after": False,
    "circumstances": "A young child was admitted to hospital; neglect is suspected.",
    "aware_working_days_ago": 2,
}

# Organisations the annual report names that the demo registry has no record of.
NEW_AGENCIES = {"Holland Park School": {"sector": "education", "boroughs": ["RBKC"]}}

PRACTICE_REVIEWS = [
    {
        "code_name": "Holland Park School",
        "kind": "learning_review",
        "borough": "RBKC",
        "joint_with": None,
        "reviewers": "Two independent reviewers appointed by the partnership",
        "review_group": ["Education RBKC/WCC", "Children's Services RBKC", "Holland Park School"],
        "summary": (
            "A local learning review of Holland Park School, started after concerns shared by former students and "
            "staff. The independent reviewers considered the organisational culture of the school and how other "
            "agencies were supporting it, to identify improvements that would strengthen safeguarding practice."
        ),
        "commissioned_on": "2021-09-01",
        "terms_of_reference_agreed_on": "2021-10-15",
        "report_received_on": "2022-11-15",
        "published_on": "2023-01-25",
        "findings": [
            (
                "Complaints had not been systematically reviewed.",
                ["Leadership and governance in settings", "Voice of the child"],
            ),
            (
                "School policies had not been approved by the former governing body or reviewed annually in line "
                "with best practice.",
                ["Leadership and governance in settings"],
            ),
            ("There was not enough oversight of the behaviour policy.", ["Leadership and governance in settings"]),
            (
                "Training records for staff were inadequate against the statutory guidance for schools at the time "
                "(Keeping Children Safe in Education 2021).",
                ["Workforce training", "Recording and management oversight"],
            ),
            (
                "Consistently high staff turnover was left unchallenged by the former governing body.",
                ["Leadership and governance in settings"],
            ),
            (
                "Safeguarding records were inadequate, with a lack of oversight from the former school leadership.",
                ["Recording and management oversight"],
            ),
        ],
        # (text, addressed to, agency or sector, status, response)
        "recommendations": [
            (
                "The LADO service reviews how low-level concerns about children's settings that do not meet the "
                "threshold for referral to the LADO are recorded and tracked, to help identify patterns and trends "
                "that may indicate further concern.",
                "agency",
                "Children's Services RBKC/WCC",
                "open",
                "Accepted. The LADO service has provided assurance and updates on its progress to the Case Review "
                "Subgroup and the LSCP.",
            ),
            (
                "The school's new leadership works to an action plan on the review's findings and reports its "
                "progress to the partnership.",
                "agency",
                "Holland Park School",
                "open",
                "Accepted. The school has provided assurance and updates about its progress to the Case Review "
                "Subgroup and the LSCP.",
            ),
        ],
        # (channel, date, audience, people reached)
        "disseminations": [
            ("learning_event", "2023-02-08", "Early years designated safeguarding leads' forum", None),
            ("newsletter", "2023-02-15", "Partner agencies and the LSCP website (Learning Review newsletter)", None),
            ("learning_event", "2023-03-01", "Designated safeguarding leads' forums for schools and colleges", None),
        ],
    },
    {
        "code_name": "Young Person K",
        "kind": "learning_review",
        "borough": "WCC",
        "joint_with": None,
        "reviewers": "",
        "review_group": [],
        "summary": (
            "A non-statutory review following the death of a care leaver in Westminster, decided on in January "
            "2023. Its findings will be reported in the 2023/24 annual report."
        ),
        "commissioned_on": "2023-01-31",
        "terms_of_reference_agreed_on": None,
        "report_received_on": None,
        "published_on": None,
        "findings": [],
        "recommendations": [],
        "disseminations": [],
    },
    {
        "code_name": "Family M",
        "kind": "joint_sab",
        "borough": None,
        "joint_with": "Safeguarding Adults Executive Board",
        "reviewers": "",
        "review_group": [],
        "summary": (
            "A non-statutory review started proactively with the Safeguarding Adults Executive Board in March 2023, "
            "following the death of an elderly resident who had arrived from Ukraine and whose family had been "
            "supported by local services responding to families displaced by the war. Its findings will be "
            "reported in the 2023/24 annual report."
        ),
        "commissioned_on": "2023-03-29",
        "terms_of_reference_agreed_on": None,
        "report_received_on": None,
        "published_on": None,
        "findings": [],
        "recommendations": [],
        "disseminations": [],
    },
]

NATIONAL_REVIEWS = [
    {
        "title": "Child Q: local child safeguarding practice review",
        "publisher": "City and Hackney Safeguarding Children Partnership",
        "published_on": "2022-03-01",
        "considered_on": "2022-04-27",
        "local_response": (
            "The Case Review Subgroup and the LSCP Partnership meeting considered the findings and partners were "
            "asked to share them across their agencies. The Safer Schools Officers and the Safeguarding Lead for "
            "Schools and Education discussed the learning in the designated safeguarding leads' forums for "
            "schools and colleges, and the case is now part of the core LSCP training. Partners have reflected on "
            "continuing to develop anti-racist practice and on helping staff recognise the risk of adultification "
            "bias."
        ),
        "assurance_requested": (
            "The police and the local authorities to review their data on stop and searches involving children."
        ),
        "assurance_requested_on": "2022-04-27",
        "assurance_received": "No such intimate searches of children had taken place in local schools.",
        "assurance_received_on": "2022-06-29",
        "disseminations": [
            ("learning_event", "2022-06-15", "Designated safeguarding leads' forums for schools and colleges", None),
            ("training_update", "2022-07-01", "Core LSCP training: Safeguarding Children and Child Protection", None),
        ],
        # Illustrative tracker entries for what the 2022/23 report says was done.
        "actions": [
            (
                "Review the data on stop and searches involving children and report to the partnership",
                "Metropolitan Police Service, Central West Basic Command Unit",
                "2022-06-30",
                "complete",
                "2022-06-29",
            ),
            (
                "Add the learning on adultification bias to the core LSCP training",
                "Children's Services RBKC/WCC",
                "2022-07-31",
                "complete",
                "2022-07-01",
            ),
        ],
    },
    {
        "title": (
            "Safeguarding children with disabilities and complex health needs in residential settings: phase 1 report"
        ),
        "publisher": "Child Safeguarding Practice Review Panel",
        "published_on": "2022-10-01",
        "considered_on": "2022-11-30",
        "local_response": (
            "In anticipation of the report, Children's Services completed quality and safety reviews for all "
            "children with complex needs and disabilities placed in residential specialist schools registered as "
            "children's homes, and the host-authority LADO reviewed referrals, complaints and concerns about such "
            "establishments over the last three years."
        ),
        "assurance_requested": (
            "The Panel and the DfE asked every local authority for quality and safety reviews of these placements "
            "and a LADO review of the last three years' referrals, complaints and concerns."
        ),
        "assurance_requested_on": "2022-06-29",
        "assurance_received": (
            "Children's Services provided assurance to the LSCP and the Corporate Parenting Boards about the small "
            "number of such placements made by the local authorities."
        ),
        "assurance_received_on": "2022-11-30",
        "disseminations": [],
        "actions": [
            (
                "Quality and safety reviews of every child with complex needs placed in a residential special school",
                "Children's Services RBKC/WCC",
                "2022-11-30",
                "complete",
                "2022-11-30",
            ),
            (
                "LADO review of three years of referrals, complaints and concerns about those settings",
                "Children's Services RBKC/WCC",
                "2022-11-30",
                "complete",
                "2022-11-16",
            ),
        ],
    },
    {
        "title": "Child Protection in England",
        "publisher": "Child Safeguarding Practice Review Panel",
        "published_on": "2022-06-01",
        "considered_on": "2022-06-29",
        "local_response": (
            "The Case Review Subgroup and the Partnership reflected on the learning and partners cascaded the report "
            "to their teams. The Partnership is waiting for the DfE's response, and the outcomes of its pathfinder "
            "programmes, before deciding on next steps."
        ),
        "assurance_requested": "",
        "assurance_requested_on": None,
        "assurance_received": "",
        "assurance_received_on": None,
        "disseminations": [
            ("learning_event", "2022-09-14", "Early years designated safeguarding leads' forum", None),
        ],
        "actions": [
            (
                "Agree next steps once the DfE has responded to the review",
                "Children's Services RBKC/WCC",
                "2024-03-31",
                "not_started",
                None,
            ),
        ],
    },
    {
        "title": "Awaab Ishak: prevention of future deaths report",
        "publisher": "HM Coroner (Rochdale)",
        "published_on": "2022-11-16",
        "considered_on": "2022-12-01",
        "local_response": (
            "Awaab Ishak was two when he died; the coroner found that exposure to mould in his family's home "
            "contributed to his death. The Case Review Subgroup discussed the report in December 2022, and the "
            "January 2023 LSCP meeting asked housing partners in each borough for assurance about damp and mould in "
            "their properties."
        ),
        "assurance_requested": (
            "Housing partners in each borough to present the extent of damp and mould issues and what they are "
            "doing about them, particularly for families with children."
        ),
        "assurance_requested_on": "2023-01-18",
        "assurance_received": (
            "Housing partners shared a contacts list for housing staff, for residents and partner agencies concerned "
            "about damp and mould, which the LSCP disseminated further."
        ),
        "assurance_received_on": "2023-03-15",
        "disseminations": [],
        "actions": [
            (
                "Present the extent of damp and mould in Kensington and Chelsea's family homes and the action taken",
                "RBKC Housing",
                "2023-03-15",
                "complete",
                "2023-03-15",
            ),
            (
                "Present the extent of damp and mould in Westminster's family homes and the action taken",
                "Westminster Housing",
                "2023-03-15",
                "complete",
                "2023-03-15",
            ),
            (
                "Independent scrutiny of the housing response to damp and mould",
                "Children's Services RBKC/WCC",
                "2024-03-31",
                "on_track",
                None,
            ),
        ],
    },
    {
        "title": "Stable Homes, Built on Love: the government's response to the Independent Review of Children's "
        "Social Care",
        "publisher": "Department for Education",
        "published_on": "2023-02-02",
        "considered_on": "2023-03-15",
        "local_response": (
            "The partnership acknowledged the government's plan for reforming children's social care, which "
            "confirms that the role of independent reviewing officers will be kept and strengthened. It will decide "
            "what the reforms mean locally as the national pathfinders report."
        ),
        "assurance_requested": "",
        "assurance_requested_on": None,
        "assurance_received": "",
        "assurance_received_on": None,
        "disseminations": [],
        "actions": [],
    },
]

INSPECTION_REPORTS = [
    {
        "title": "Olive House children's home inspection",
        "publisher": "Ofsted",
        "published_on": "2022-11-17",
        "considered_on": "2022-11-30",
        "local_response": (
            "Judged good overall. Olive House was the only children's home in the partnership's area, and this was "
            "its last inspection before it was repurposed as accommodation for care leavers."
        ),
        "assurance_requested": "",
        "assurance_requested_on": None,
        "assurance_received": "",
        "assurance_received_on": None,
    },
]

# The actions raised in the shared tracker from the Holland Park School review's recommendations (the K&C and
# Westminster annual report 2022/23: "the school's new leadership have been working to an action plan and both the
# school and the LADO service have provided assurance and updates about progress"). By recommendation number: (title,
# owner agency, due in days from the load, status, completed days before the load or None).
RECOMMENDATION_ACTIONS = {
    ("Holland Park School", 1): [
        (
            "Record and track low-level concerns about children's settings below the LADO threshold",
            "Children's Services RBKC/WCC",
            -120,
            "complete",
            150,
        ),
        (
            "Report the patterns in low-level concerns to the Case Review Subgroup each quarter",
            "Children's Services RBKC/WCC",
            60,
            "on_track",
            None,
        ),
    ],
    ("Holland Park School", 2): [
        (
            "Report progress on the school's action plan to the Case Review Subgroup",
            "Holland Park School",
            -90,
            "complete",
            95,
        ),
        ("Complete the school's action plan on the review's findings", "Holland Park School", 90, "on_track", None),
    ],
}
