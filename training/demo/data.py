"""Demo training records for 2022/23, from the Kensington and Chelsea and Westminster LSCP's annual report 2022/23
("LSCP Multi Agency Training").

From the 2022/23 annual report: the partnership delivered **55 multi-agency workshops** in the year (core, specialist
and managerial); the course titles (Introduction to Safeguarding Children; Multi-Agency Safeguarding and Child
Protection Workshop (level 3); Understanding Child Trafficking and Modern Slavery; Domestic Abuse and Safeguarding
Children; Child and Adolescent Mental Health and CAMHS services; Meet the LADO and Safer Recruitment; the introduction
to systemic practice by the Centre for Systemic Practice); the learning event with the Met Police for Police and Social
Care staff on modern slavery and child exploitation in **May 2022, attended by over 70 delegates** (counted here as one
of the 55); delegates from schools, early years, health, social care, early help, the voluntary sector and housing;
evaluations before, after and a follow-up three to six months later (the report's commitment). The harmful practices and
learning-from-reviews courses are from DOMAIN.md's course list.

Illustrative: how the 55 sessions split between courses, their dates, venues and capacities, the learning
outcomes, and every booking, attendance, no-show and evaluation, synthesised by training/demo/__init__.py from
SEED (a fixed random seed, so every load makes the same records). Delegates' names are fictional, made from the
two lists below; their organisations are real agencies of the registry's demo.
"""

SEED = 2223
YEAR_START = 2022
PUBLISHED_WORKSHOPS = 55
POLICE_EVENT_ATTENDED = 74  # "well attended by over 70 delegates"

VENUES = [
    "Kensington Town Hall, Hornton Street, London W8 7NX",
    "Westminster City Hall, 64 Victoria Street, London SW1E 6QP",
]
ONLINE_INSTRUCTIONS = "A Microsoft Teams link is e-mailed to booked delegates a week before the session."

COURSES = [
    {
        "title": "Introduction to Safeguarding Children",
        "level": 1,
        "category": "core",
        "duration": "3 hours",
        "hours": 3,
        "sessions": 10,
        "capacity": 25,
        "description": "What safeguarding means for everyone who works with children, and what to do with a worry.",
        "outcomes": [
            "Recognise the signs and indicators of abuse and neglect",
            "Know how to share a concern and make a referral to children's social care",
            "Understand your own role and responsibilities in safeguarding children",
        ],
    },
    {
        "title": "Multi-Agency Safeguarding and Child Protection Workshop (level 3)",
        "level": 3,
        "category": "core",
        "duration": "Full day",
        "hours": 6,
        "sessions": 12,
        "capacity": 20,
        "description": "The child protection process from referral to conference, and working across agencies.",
        "outcomes": [
            "Apply the Pan-London Threshold of Needs to a referral",
            "Take part confidently in strategy discussions and child protection conferences",
            "Share information lawfully and in good time with partner agencies",
        ],
    },
    {
        "title": "Understanding Child Trafficking and Modern Slavery",
        "level": 3,
        "category": "specialist",
        "duration": "Half day",
        "hours": 3.5,
        "sessions": 5,
        "capacity": 20,
        "description": "How children are trafficked and exploited, and the National Referral Mechanism.",
        "outcomes": [
            "Identify the indicators of child trafficking and modern slavery",
            "Know when and how to make a National Referral Mechanism referral",
            "Work with the police and specialist services to protect a trafficked child",
        ],
    },
    {
        "title": "Domestic Abuse and Safeguarding Children",
        "level": 3,
        "category": "specialist",
        "duration": "Half day",
        "hours": 3.5,
        "sessions": 8,
        "capacity": 20,
        "co_delivered_by": ["Standing Together Against Domestic Abuse", "Bi-Borough VAWG Service RBKC/WCC"],
        "description": "How domestic abuse and coercive control harm children, and safe practice with families.",
        "outcomes": [
            "Understand the impact of domestic abuse and coercive control on children",
            "Assess risk using the DASH risk checklist and refer to MARAC",
            "Plan safe work with the non-abusing parent and the child",
        ],
    },
    {
        "title": "Child and Adolescent Mental Health and CAMHS Services",
        "level": 3,
        "category": "specialist",
        "duration": "Half day",
        "hours": 3,
        "sessions": 5,
        "capacity": 20,
        "co_delivered_by": ["Central and North West London NHS Foundation Trust"],
        "description": "Children's emotional wellbeing and mental health, and how to use local CAMHS services.",
        "outcomes": [
            "Recognise signs of emotional distress and mental ill-health in children",
            "Know the local CAMHS offer and how to refer to it",
            "Support a child while they wait for a service",
        ],
    },
    {
        "title": "Meet the LADO and Safer Recruitment",
        "level": 3,
        "category": "managerial",
        "duration": "3 hours",
        "hours": 3,
        "sessions": 6,
        "capacity": 20,
        "description": "Allegations against people who work with children, low-level concerns, and safer recruitment.",
        "outcomes": [
            "Know when to consult the LADO about an allegation or a concern",
            "Handle low-level concerns about staff and volunteers",
            "Apply safer recruitment practice in your organisation",
        ],
    },
    {
        "title": "Introduction to Systemic Practice",
        "level": 2,
        "category": "core",
        "duration": "Full day",
        "hours": 6,
        "sessions": 3,
        "capacity": 24,
        "description": "The relational, systemic practice model of children's social care, for partners.",
        "outcomes": [
            "Understand the principles of systemic practice",
            "Use curious, relational questions with families",
            "Work with other agencies in a shared language",
        ],
    },
    {
        "title": "Harmful Practices: FGM, Forced Marriage and Honour-Based Abuse",
        "level": 3,
        "category": "specialist",
        "duration": "Half day",
        "hours": 3.5,
        "sessions": 3,
        "capacity": 20,
        "description": "FGM, forced marriage and so-called honour-based abuse: the duties and the responses.",
        "outcomes": [
            "Recognise the risk factors of harmful practices",
            "Know the mandatory reporting duty for FGM",
            "Respond safely to a child at risk of forced marriage",
        ],
    },
    {
        "title": "Learning from Local and National Reviews",
        "level": 3,
        "category": "learning_from_reviews",
        "duration": "2 hours",
        "hours": 2,
        "sessions": 2,
        "capacity": 30,
        "online_only": True,
        "description": "The learning from the year's local and national child safeguarding practice reviews.",
        "outcomes": [
            "Describe the key learning from recent local and national reviews",
            "Recognise adultification bias in your own practice",
            "Apply the learning to your work with children and families",
        ],
    },
    {
        "title": "Modern Slavery and Child Exploitation: Police and Social Care Learning Event",
        "level": 3,
        "category": "specialist",
        "duration": "Full day",
        "hours": 5,
        "sessions": 1,
        "capacity": 80,
        "eligible_sectors": ["police", "la_children"],
        "co_delivered_by": ["Metropolitan Police Service, Central West Basic Command Unit"],
        "on": "2022-05-18",
        "attended": POLICE_EVENT_ATTENDED,
        "no_shows": 6,
        "description": "A learning event for Police and Social Care staff, hosted with the Met Police.",
        "outcomes": [
            "Identify child exploitation and modern slavery early",
            "Plan a joint police and social care response",
        ],
    },
]

# One session did not run (not one of the 55).
CANCELLED = {
    "course": "Domestic Abuse and Safeguarding Children",
    "on": "2023-01-17",
    "reason": "The trainer was unwell; delegates were offered places in February.",
}

# Agencies the delegates come from (names in the registry's demo), with how many delegates each sends to the pool.
DELEGATE_AGENCIES = {
    "Children's Services RBKC": 48,
    "Children's Services WCC": 52,
    "Metropolitan Police Service, Central West Basic Command Unit": 34,
    "Education RBKC/WCC": 30,
    "St Thomas More Language College": 14,
    "Robinsfield Infant School and George Eliot Primary": 14,
    "Chelsea and Westminster Hospital NHS Foundation Trust": 20,
    "Imperial College Healthcare NHS Trust": 18,
    "Central London Community Healthcare NHS Trust": 22,
    "Central and North West London NHS Foundation Trust": 18,
    "RBKC Housing": 10,
    "Westminster Housing": 10,
    "Kensington and Chelsea Social Council": 14,
    "Standing Together Against Domestic Abuse": 6,
    "Bi-Borough VAWG Service RBKC/WCC": 6,
    "National Probation Service": 8,
    "CAFCASS": 4,
    "Public Health RBKC/WCC": 6,
    "Adult Social Care RBKC/WCC": 6,
    "Community Safety RBKC": 4,
    "Community Safety WCC": 4,
    "London Fire Brigade": 4,
}

JOB_ROLES = {
    "la_children": ["Social worker", "Senior practitioner", "Early help practitioner", "Family support worker"],
    "police": ["Detective constable", "Police constable", "Safer schools officer"],
    "education": ["Designated safeguarding lead", "Class teacher", "Head of year", "Teaching assistant"],
    "nhs_trust": ["Health visitor", "School nurse", "Paediatric nurse", "Midwife", "Clinical psychologist"],
    "housing": ["Housing officer", "Tenancy sustainment officer"],
    "voluntary": ["Youth worker", "Project worker", "Volunteer coordinator"],
    "community_safety": ["Community safety officer", "Independent domestic violence adviser"],
    "probation": ["Probation officer"],
    "cafcass": ["Family court adviser"],
    "adult_social_care": ["Adult social worker"],
    "other": ["Public health officer", "Fire safety officer"],
}

FIRST_NAMES = [
    "Amara",
    "Ben",
    "Chloe",
    "Dev",
    "Ella",
    "Farid",
    "Grace",
    "Hassan",
    "Isla",
    "Jonah",
    "Kemi",
    "Liam",
    "Maya",
    "Nikhil",
    "Olivia",
    "Pavel",
    "Qadira",
    "Rhys",
    "Sofia",
    "Tomasz",
    "Uma",
    "Victor",
    "Wren",
    "Yusuf",
    "Zara",
    "Aisha",
    "Callum",
    "Daria",
    "Elliot",
    "Fatima",
    "Gabriel",
    "Hana",
    "Idris",
    "Jess",
    "Kofi",
    "Lena",
]
LAST_NAMES = [
    "Abbott",
    "Bamford",
    "Castell",
    "Delaney",
    "Eversley",
    "Fairbrook",
    "Gillard",
    "Harrow",
    "Ingleby",
    "Jessop",
    "Kettering",
    "Lyndon",
    "Marchetti",
    "Norwood",
    "Oyelaran",
    "Pemberton",
    "Quayle",
    "Rowntree",
    "Sefton",
    "Thornbury",
    "Underhill",
    "Varga",
    "Whitlock",
    "Yardley",
    "Zielinski",
    "Ashworth",
    "Brightwell",
    "Calloway",
]

PRACTICE_CHANGES = [
    "I now check the threshold guide with my manager before every referral.",
    "I ask children directly about their experience at home and record it in their words.",
    "I contact the other agencies involved before a case is closed.",
    "I use the DASH checklist with every family where domestic abuse is disclosed.",
    "I consult the LADO earlier, and our low-level concerns log is now reviewed monthly.",
    "I share information with health and schools without waiting to be asked.",
    "I think about adultification bias when I write up my assessments.",
    "Our team now has a standing item on exploitation in supervision.",
]
COMMENTS = [
    "Very well delivered, with good case examples.",
    "Helpful to hear from colleagues in other agencies.",
    "More time for the case discussion would help.",
    "The online format worked well for me.",
    "",
    "",
]

# How the synthesised evaluations fall (illustrative): the share of attended delegates who answer each stage, and
# the confidence scores (1 to 5) they tend to give.
RESPONSE_RATES = {"before": 0.64, "after": 0.86, "follow_up": 0.32}
SCORE_WEIGHTS = {
    "before": [8, 26, 38, 22, 6],
    "after": [0, 3, 14, 49, 34],
    "follow_up": [0, 4, 20, 48, 28],
}
WILL_CHANGE_PRACTICE = 0.9
CHANGED_PRACTICE = 0.72
NO_SHOW_RATE = 0.09
CANCELLED_RATE = 0.06

# The body that runs the programme (settings.TRAINING_BODY_NAME). The 2019 partnership arrangements name the
# Learning and Development Subgroup and its remit, paraphrased below, and say a local authority early years lead
# attends it; the 2022/23 annual report's structure chart does not show it, so the registry's demo (from that chart)
# has no such body and the training demo adds it. Its co-chairs are demo assumptions, as for the other subgroups
# (the arrangements: subgroups have co-chairs): the Bi-Borough Head of Safeguarding and Quality Assurance (the
# demo's `chair` login, who co-chairs the Case Review Subgroup too, whose learning the programme teaches) and the
# ICB's Designated Nurse.
# The early years lead is a new, fictional person; the others are the registry demo's people, one name per post.
LEARNING_BODY = {
    "name": "Learning and Development Subgroup",
    "kind": "subgroup",
    "parent": "Local Safeguarding Children Partnership",
    "purpose": (
        "Oversees the partnership's multi-agency safeguarding children training programme, shaped by the training"
        " strategy and a yearly training needs analysis partners complete; monitors the training's impact through"
        " delegates' and their managers' evaluations before and after it; and keeps the Learning and Improvement"
        " Framework."
    ),
    "frequency": "quarterly",
    "active_from": "2019-09-29",
}
LEARNING_MEMBERS_START = "2021-04-01"
LEARNING_MEMBERS = [  # (name, role); a person the registry's demo does not have is in LEARNING_NEW_PEOPLE
    ("Fiona Makepeace", "co_chair"),
    ("Grace Ofori", "co_chair"),
    ("Helen Thistlewood", "member"),
    ("Tamsin Odukoya", "member"),
]
LEARNING_NEW_PEOPLE = {
    "Tamsin Odukoya": {
        "job_title": "Early Years Safeguarding Lead",
        "agency": "Education RBKC/WCC",
        "email": "tamsin.odukoya@education-rbkc-wcc.example.org",
    },
}

# The coming term, dated from the day the demo is loaded, so that a newcomer finds sessions to book: (course title,
# days from the load to the session (moved on to the next working day), start hour, online, capacity, places
# booked, delegates on the waiting list). One session is nearly full and one full with a waiting list. Illustrative.
COMING_PROGRAMME = [
    ("Introduction to Safeguarding Children", 8, 9, False, 25, 11, 0),
    ("Domestic Abuse and Safeguarding Children", 13, 9, False, 20, 19, 0),  # nearly full: one place left
    ("Multi-Agency Safeguarding and Child Protection Workshop (level 3)", 17, 9, False, 20, 20, 3),  # full
    ("Meet the LADO and Safer Recruitment", 22, 13, True, 20, 6, 0),
    ("Understanding Child Trafficking and Modern Slavery", 27, 9, False, 20, 8, 0),
    ("Child and Adolescent Mental Health and CAMHS Services", 34, 13, False, 20, 5, 0),
    ("Introduction to Safeguarding Children", 41, 13, True, 25, 7, 0),
    ("Harmful Practices: FGM, Forced Marriage and Honour-Based Abuse", 48, 9, False, 20, 4, 0),
    ("Learning from Local and National Reviews", 55, 10, True, 30, 9, 0),
    ("Multi-Agency Safeguarding and Child Protection Workshop (level 3)", 62, 9, False, 20, 6, 0),
    ("Introduction to Systemic Practice", 69, 9, False, 24, 3, 0),
    ("Domestic Abuse and Safeguarding Children", 76, 13, True, 20, 2, 0),
    ("Meet the LADO and Safer Recruitment", 83, 13, False, 20, 1, 0),
]
# Courses whose places the delegate's line manager approves (the managerial course: the 2019 arrangements leave it
# to each partnership; an assumption of the demo).
NEEDS_MANAGER_APPROVAL = ["Meet the LADO and Safer Recruitment"]

# The demo's `delegate` login (lscp/demo.py: Sam Okafor, delegate@example.org) is a practitioner on record: their
# Delegate record has the login's e-mail (the home page finds a user's bookings by it). Their bookings show each
# thing a practitioner may have to do: a place booked on a coming session, a place on the waiting list of the full
# one, one awaiting their manager's approval, a session two weeks ago whose evaluation is waiting for them, and one
# four months ago whose certificate is ready and whose follow-up evaluation is open. Fictional.
DEMO_DELEGATE = {
    "name": "Sam Okafor",
    "email": "delegate@example.org",
    "agency": "Central London Community Healthcare NHS Trust",
    "job_role": "Health visitor",
    "line_manager_email": "health.visiting.lead@clch.example.org",
    # (course title, when: an index into COMING_PROGRAMME or days before the load (negative), status)
    "bookings": [
        ("Introduction to Safeguarding Children", 0, "booked"),
        ("Multi-Agency Safeguarding and Child Protection Workshop (level 3)", 2, "waiting_list"),
        ("Meet the LADO and Safer Recruitment", 3, "awaiting_approval"),
        ("Child and Adolescent Mental Health and CAMHS Services", -14, "attended"),
        ("Domestic Abuse and Safeguarding Children", -120, "attended"),
    ],
    # Past sessions of the demo delegate: how many others attended them.
    "past_attendees": 12,
}
