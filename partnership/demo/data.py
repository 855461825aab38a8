"""Demo data for the Kensington and Chelsea and Westminster Local Safeguarding Children Partnership.

Drawn from the published reports' organisations, bodies and roles: the LSCP annual report 2022/23
(the 2022/23 annual report: structure chapter and Appendix 1 "Members of the LSCP") and the partnership arrangements
of June 2019 (the 2019 partnership arrangements: membership, virtual members, structure, subgroups, local groups, linked boards).
Organisations and job titles are as published; the names of people are FICTIONAL (invented for the
demo, none is a real person named in the seeds). One fictional name stands for one published post,
so the same name, job title and agency are reused wherever that post sits on several bodies.
Body purposes are paraphrased. Meeting frequencies for the Partnership, Executive, Strategic Planning
Group and local groups follow the 2019 partnership arrangements; the others are assumptions for the demo. Subgroup and local
group chairs are not named in the 2022/23 annual report, so the chairs chosen here are plausible assumptions (the 2019 partnership arrangements:
subgroups have co-chairs; seeds 001/003: children's services chaired the borough groups).

Plain Python literals only; no imports.
"""

BOROUGHS = [  # (code, name)
    ("RBKC", "Royal Borough of Kensington and Chelsea"),
    ("WCC", "Westminster City Council"),
]

SECTORS = [
    "la_children",
    "adult_social_care",
    "housing",
    "health_commissioner",
    "nhs_trust",
    "primary_care",
    "police",
    "probation",
    "education",
    "early_years",
    "cafcass",
    "voluntary",
    "community_safety",
    "other",
]
BODY_KINDS = [
    "partnership",
    "executive",
    "strategic_planning",
    "subgroup",
    "local_group",
    "task_finish",
    "linked_board",
]
MEMBER_ROLES = [
    "independent_chair",
    "chair",
    "co_chair",
    "vice_chair",
    "member",
    "adviser",
    "observer",
    "virtual",
    "co_opted",
    "business_manager",
]
FREQUENCIES = ["quarterly", "bi-monthly", "twice yearly", "monthly", "as required"]

# every organisation named in the 2022/23 report's appendix 1 and in the 2019 partnership arrangements' member / virtual member lists
AGENCIES = [
    # Statutory safeguarding partners (the 2022/23 annual report foreword; the 2019 partnership arrangements background)
    # Bi-borough children's services; also hosts the LSCP business team (appendix 1: "Children's Services")
    {"name": "Children's Services RBKC/WCC", "sector": "la_children", "statutory": True, "boroughs": ["RBKC", "WCC"]},
    {"name": "Children's Services RBKC", "sector": "la_children", "statutory": True, "boroughs": ["RBKC"]},
    {"name": "Children's Services WCC", "sector": "la_children", "statutory": True, "boroughs": ["WCC"]},
    {
        "name": "North West London Integrated Care Board",
        "sector": "health_commissioner",
        "statutory": True,
        "boroughs": ["RBKC", "WCC"],
    },
    # Predecessor of the ICB until 1 July 2022 (the 2022/23 annual report); the signatory commissioner in the 2019 partnership arrangements
    {
        "name": "North West London Collaboration of Clinical Commissioning Groups",
        "sector": "health_commissioner",
        "statutory": True,
        "boroughs": ["RBKC", "WCC"],
    },
    {
        "name": "Metropolitan Police Service, Central West Basic Command Unit",
        "sector": "police",
        "statutory": True,
        "boroughs": ["RBKC", "WCC"],
    },
    # Independent Chair and Scrutineer: appendix 1 gives no organisation
    {"name": "Independent", "sector": "other", "statutory": False, "boroughs": ["RBKC", "WCC"]},
    # Local authority services (appendix 1; the 2019 partnership arrangements core members)
    {"name": "Education RBKC/WCC", "sector": "education", "statutory": False, "boroughs": ["RBKC", "WCC"]},
    {
        "name": "Adult Social Care RBKC/WCC",
        "sector": "adult_social_care",
        "statutory": False,
        "boroughs": ["RBKC", "WCC"],
    },
    # The 2019 partnership arrangements core member; no public-health sector code, so "other"
    {"name": "Public Health RBKC/WCC", "sector": "other", "statutory": False, "boroughs": ["RBKC", "WCC"]},
    {"name": "RBKC Housing", "sector": "housing", "statutory": False, "boroughs": ["RBKC"]},
    {"name": "Westminster Housing", "sector": "housing", "statutory": False, "boroughs": ["WCC"]},
    {"name": "Community Safety RBKC", "sector": "community_safety", "statutory": False, "boroughs": ["RBKC"]},
    {"name": "Community Safety WCC", "sector": "community_safety", "statutory": False, "boroughs": ["WCC"]},
    # Appendix 1 organisation "RBKC/WCC" for the VAWG Strategic Lead; the 2019 partnership arrangements lists "VAWG"
    {
        "name": "Bi-Borough VAWG Service RBKC/WCC",
        "sector": "community_safety",
        "statutory": False,
        "boroughs": ["RBKC", "WCC"],
    },
    # Elected members attend as observers (appendix 1 "Councillor RBKC" / "Councillor WCC")
    {"name": "Councillors RBKC", "sector": "other", "statutory": False, "boroughs": ["RBKC"]},
    {"name": "Councillors WCC", "sector": "other", "statutory": False, "boroughs": ["WCC"]},
    # Schools named in appendix 1 (organisation column "Education")
    {"name": "St Thomas More Language College", "sector": "education", "statutory": False, "boroughs": ["RBKC"]},
    {
        "name": "Robinsfield Infant School and George Eliot Primary",
        "sector": "education",
        "statutory": False,
        "boroughs": ["WCC"],
    },
    # NHS providers (appendix 1 and the 2019 partnership arrangements)
    {
        "name": "Chelsea and Westminster Hospital NHS Foundation Trust",
        "sector": "nhs_trust",
        "statutory": False,
        "boroughs": ["RBKC", "WCC"],
    },
    {
        "name": "Imperial College Healthcare NHS Trust",
        "sector": "nhs_trust",
        "statutory": False,
        "boroughs": ["RBKC", "WCC"],
    },
    {
        "name": "Central London Community Healthcare NHS Trust",
        "sector": "nhs_trust",
        "statutory": False,
        "boroughs": ["RBKC", "WCC"],
    },
    {
        "name": "Central and North West London NHS Foundation Trust",
        "sector": "nhs_trust",
        "statutory": False,
        "boroughs": ["RBKC", "WCC"],
    },
    # The 2019 partnership arrangements core member (2019, three-borough arrangements); not in the 2022/23 appendix
    {"name": "West London NHS Trust", "sector": "nhs_trust", "statutory": False, "boroughs": ["RBKC", "WCC"]},
    {
        "name": "Royal Brompton and Harefield Hospitals",
        "sector": "nhs_trust",
        "statutory": False,
        "boroughs": ["RBKC", "WCC"],
    },
    # The 2019 partnership arrangements virtual member
    {"name": "NHS England", "sector": "health_commissioner", "statutory": False, "boroughs": ["RBKC", "WCC"]},
    # Justice
    {"name": "National Probation Service", "sector": "probation", "statutory": False, "boroughs": ["RBKC", "WCC"]},
    # The 2019 partnership arrangements "Community Rehabilitation Company" (2019; since merged into the Probation Service)
    {
        "name": "London Community Rehabilitation Company",
        "sector": "probation",
        "statutory": False,
        "boroughs": ["RBKC", "WCC"],
    },
    # The 2019 partnership arrangements virtual member ("Wormwood Scrubs Prison")
    {"name": "HMP Wormwood Scrubs", "sector": "other", "statutory": False, "boroughs": ["RBKC", "WCC"]},
    {"name": "CAFCASS", "sector": "cafcass", "statutory": False, "boroughs": ["RBKC", "WCC"]},
    # Voluntary and community sector
    {"name": "Kensington and Chelsea Social Council", "sector": "voluntary", "statutory": False, "boroughs": ["RBKC"]},
    {
        "name": "Standing Together Against Domestic Abuse",
        "sector": "voluntary",
        "statutory": False,
        "boroughs": ["RBKC", "WCC"],
    },
    # The 2019 partnership arrangements core member category; none listed in the 2022/23 appendix
    {"name": "Lay Members", "sector": "other", "statutory": False, "boroughs": ["RBKC", "WCC"]},
    # The 2019 partnership arrangements virtual member
    {"name": "London Fire Brigade", "sector": "other", "statutory": False, "boroughs": ["RBKC", "WCC"]},
]

# in tree order: parents before children; linked boards have no parent
BODIES = [
    {
        "name": "LSCP Executive",
        "kind": "executive",
        "parent": None,
        "borough": None,
        "purpose": (
            "The three lead safeguarding partners (local authority, Integrated Care Board and police)"
            " who hold final accountability for the local arrangements; they take the key decisions, "
            "review progress against the safeguarding plan and agree funding."
        ),
        "frequency": "twice yearly",
    },
    {
        "name": "Local Safeguarding Children Partnership",
        "kind": "partnership",
        "parent": "LSCP Executive",
        "borough": None,
        "purpose": (
            "The wider multi-agency partnership of senior leaders from across the two boroughs; it "
            "oversees the subgroups' work, scrutinises and challenges practice, and picks up new and "
            "emerging safeguarding concerns."
        ),
        "frequency": "quarterly",
    },
    {
        "name": "LSCP Strategic Planning Group",
        "kind": "strategic_planning",
        "parent": "Local Safeguarding Children Partnership",
        "borough": None,
        "purpose": (
            "Brings the subgroup chairs and co-chairs together with the Independent Chair to steer "
            "the partnership's strategic direction, propose priorities and quarterly themes, and keep"
            " track of the business plan, budget and annual report."
        ),
        "frequency": "quarterly",
    },
    {
        "name": "Case Review Subgroup",
        "kind": "subgroup",
        "parent": "Local Safeguarding Children Partnership",
        "borough": None,
        "purpose": (
            "Considers serious incidents put forward by partners, runs the rapid review process and "
            "advises whether a local child safeguarding practice review or another kind of review is "
            "needed; it commissions reviews, follows up their action plans and spreads the learning."
        ),
        "frequency": "bi-monthly",
    },
    {
        "name": "Best Practice and Performance Subgroup",
        "kind": "subgroup",
        "parent": "Local Safeguarding Children Partnership",
        "borough": None,
        "purpose": (
            "The quality assurance arm of the partnership: it examines the multi-agency data set and "
            "single-agency audits, runs multi-agency and Section 11 audits, and challenges partners "
            "on performance."
        ),
        "frequency": "quarterly",
    },
    {
        "name": "Children and Community Engagement and Accountability Subgroup",
        "kind": "subgroup",
        "parent": "Local Safeguarding Children Partnership",
        "borough": None,
        "purpose": (
            "Makes sure the views and experiences of children, young people and local communities "
            "shape the partnership's work, and holds the partnership to account for acting on what "
            "they say."
        ),
        "frequency": "quarterly",
    },
    {
        "name": "Kensington and Chelsea LSCP Local Group",
        "kind": "local_group",
        "parent": "Local Safeguarding Children Partnership",
        "borough": "RBKC",
        "purpose": (
            "Keeps a borough-level focus for Kensington and Chelsea: partners share local updates, "
            "solve problems locally, test the quarterly themes with frontline practitioners and "
            "escalate issues to the Partnership."
        ),
        "frequency": "quarterly",
    },
    {
        "name": "Westminster LSCP Local Group",
        "kind": "local_group",
        "parent": "Local Safeguarding Children Partnership",
        "borough": "WCC",
        "purpose": (
            "Keeps a borough-level focus for Westminster: partners share local updates, solve "
            "problems locally, test the quarterly themes with frontline practitioners and escalate "
            "issues to the Partnership."
        ),
        "frequency": "quarterly",
    },
    {
        "name": "Transitional Safeguarding Steering Group",
        "kind": "task_finish",
        "parent": "Local Safeguarding Children Partnership",
        "borough": None,
        "purpose": (
            "A joint group with the Safeguarding Adults Executive Board, set up in July 2022, looking"
            " at how well services identify and support young people aged 16 to 24 at risk of harm as"
            " they move into adulthood."
        ),
        "frequency": "as required",
    },
    {
        "name": "Kensington and Chelsea Health and Wellbeing Board",
        "kind": "linked_board",
        "parent": None,
        "borough": "RBKC",
        "purpose": (
            "The borough's statutory board for health and wellbeing, which receives the LSCP annual "
            "report and shares priorities for children's health with the partnership."
        ),
        "frequency": "quarterly",
    },
    {
        "name": "Westminster Health and Wellbeing Board",
        "kind": "linked_board",
        "parent": None,
        "borough": "WCC",
        "purpose": (
            "The borough's statutory board for health and wellbeing, which receives the LSCP annual "
            "report and shares priorities for children's health with the partnership."
        ),
        "frequency": "quarterly",
    },
    {
        "name": "Safeguarding Adults Executive Board",
        "kind": "linked_board",
        "parent": None,
        "borough": None,
        "purpose": (
            "The adults' safeguarding board covering both boroughs; the LSCP works with it on "
            "transitional safeguarding and shares learning from reviews."
        ),
        "frequency": "quarterly",
    },
    {
        "name": "Safer Kensington and Chelsea Partnership",
        "kind": "linked_board",
        "parent": None,
        "borough": "RBKC",
        "purpose": (
            "Kensington and Chelsea's community safety partnership, to which the local Youth Crime "
            "Prevention Partnership reports; a partner on exploitation and serious youth violence."
        ),
        "frequency": "quarterly",
    },
    {
        "name": "Safer Westminster Partnership",
        "kind": "linked_board",
        "parent": None,
        "borough": "WCC",
        "purpose": (
            "Westminster's community safety partnership, to which the local Youth Crime Prevention "
            "Partnership reports; a partner on exploitation and serious youth violence."
        ),
        "frequency": "quarterly",
    },
    {
        "name": "Violence Against Women and Girls (VAWG) Strategic Partnership",
        "kind": "linked_board",
        "parent": None,
        "borough": None,
        "purpose": (
            "The shared strategic partnership on violence against women and girls across Hammersmith "
            "& Fulham, Kensington and Chelsea and Westminster, linked to the LSCP's domestic abuse "
            "priority."
        ),
        "frequency": "quarterly",
    },
    {
        "name": "North West London Child Death Overview Panel",
        "kind": "linked_board",
        "parent": None,
        "borough": None,
        "purpose": (
            "The panel reviewing the deaths of all children under 18 across the north west London "
            "boroughs, looking for modifiable factors and making sure bereaved families are "
            "supported; it reports to the child death review partners and shares its annual report "
            "with the LSCP."
        ),
        "frequency": "bi-monthly",
    },
]

# one row per appendix-1 row (the 2022/23 annual report), plus chairs and members of the other bodies;
# all people's names are fictional
MEMBERS = [
    # LSCP Executive: appendix 1 "LSCP Executive" rows, exactly: the three statutory safeguarding partners
    # (the local authorities, the ICB and the police). The independent chair and the business manager sit on
    # the wider partnership, not on the Executive.
    {
        "body": "LSCP Executive",
        "name": "Catherine Holloway",
        "job_title": "Bi-borough Executive Director of Children's Services",
        "agency": "Children's Services RBKC/WCC",
        "role": "member",
    },
    {
        "body": "LSCP Executive",
        "name": "Priya Ramasamy",
        "job_title": "Interim Chief Nurse",
        "agency": "North West London Integrated Care Board",
        "role": "member",
    },
    {
        "body": "LSCP Executive",
        "name": "Daniel Whitcombe",
        "job_title": "Detective Chief Inspector Public Protection Investigations",
        "agency": "Metropolitan Police Service, Central West Basic Command Unit",
        "role": "member",
    },
    # The Partnership: appendix 1 "Members of and Advisers to the LSCP", in published order
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Margaret Ellery",
        "job_title": "Independent Chair and Scrutineer",
        "agency": "Independent",
        "role": "independent_chair",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Catherine Holloway",
        "job_title": "Bi-borough Executive Director of Children's Services",
        "agency": "Children's Services RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Owen Hartley",
        "job_title": "Director of Family Services, Royal Borough of Kensington and Chelsea",
        "agency": "Children's Services RBKC",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Rebecca Ashdown",
        "job_title": "Director of Family Services, Westminster City Council",
        "agency": "Children's Services WCC",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Fiona Makepeace",
        "job_title": "Bi-Borough Head of Safeguarding and Quality Assurance, Royal Borough of Kensington and Chelsea",
        "agency": "Children's Services RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Helen Thistlewood",
        "job_title": "Principal Lead Advisor, Royal Borough of Kensington and Chelsea and Westminster City Council",
        "agency": "Education RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Graham Pennington",
        "job_title": "Headteacher, St Thomas More Language College, Royal Borough of Kensington and Chelsea",
        "agency": "St Thomas More Language College",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Amara Okonjo",
        "job_title": "Executive Headteacher, Robinsfield Infant School and George Eliot Primary, Westminster City Council",
        "agency": "Robinsfield Infant School and George Eliot Primary",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Cllr Victoria Langridge",
        "job_title": "Cabinet Member for Family and Children's Services, Royal Borough of Kensington and Chelsea",
        "agency": "Councillors RBKC",
        "role": "observer",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Cllr Samuel Adeyemi",
        "job_title": "Cabinet Member for Young People, Learning and Leisure, Westminster",
        "agency": "Councillors WCC",
        "role": "observer",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Joanne Kirkbride",
        "job_title": "Interim Head of Safeguarding and Quality, Adults Social Care, Royal Borough of Kensington and Chelsea and Westminster City Council",
        "agency": "Adult Social Care RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Martin Eldridge",
        "job_title": "Assistant Director Neighbourhoods",
        "agency": "RBKC Housing",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Claire Pemberton",
        "job_title": "Community Safety Manager",
        "agency": "Westminster Housing",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Nadia Chaudhry",
        "job_title": "Interim Head of Public Protection and Stakeholder Engagement",
        "agency": "National Probation Service",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Bethan Morgan-Price",
        "job_title": "Assistant Director for Safeguarding Adults and Children",
        "agency": "North West London Integrated Care Board",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Grace Ofori",
        "job_title": "Designated Nurse for Safeguarding",
        "agency": "North West London Integrated Care Board",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Lucy Fairbrother",
        "job_title": "Lead Nurse for Paediatrics, Chelsea and Westminster Hospital",
        "agency": "Chelsea and Westminster Hospital NHS Foundation Trust",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Siobhan Carrick",
        "job_title": "Deputy Director of Nursing and Consultant Nurse for Safeguarding",
        "agency": "Imperial College Healthcare NHS Trust",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Andrea Whitlock",
        "job_title": "Head of Safeguarding, Central London Community Healthcare NHS Trust",
        "agency": "Central London Community Healthcare NHS Trust",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Rachel Dunmore",
        "job_title": "Head of Safeguarding Children, Central and North West London NHS Foundation Trust",
        "agency": "Central and North West London NHS Foundation Trust",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Karen Ashworth",
        "job_title": "Head of Nursing, Safeguarding Children for Guys and St Thomas NHS Foundation Trust",
        "agency": "Royal Brompton and Harefield Hospitals",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Yasmin Haddad",
        "job_title": "Senior Project Manager, Health Team, Standing Together Against Domestic Abuse",
        "agency": "Standing Together Against Domestic Abuse",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Eleanor Blackwood",
        "job_title": "LSCP Business Manager",
        "agency": "Children's Services RBKC/WCC",
        "role": "business_manager",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Thomas Renshaw",
        "job_title": "Detective Chief Inspector, Central West Basic Command Unit",
        "agency": "Metropolitan Police Service, Central West Basic Command Unit",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Patricia Oduya",
        "job_title": "Service Manager",
        "agency": "CAFCASS",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Hannah Greaves",
        "job_title": "Chief Executive Officer",
        "agency": "Kensington and Chelsea Social Council",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Ian Merriweather",
        "job_title": "Head of Community Safety",
        "agency": "Community Safety WCC",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Paul Dansey",
        "job_title": "Chief Community Safety Officer",
        "agency": "Community Safety RBKC",
        "role": "member",
    },
    {
        "body": "Local Safeguarding Children Partnership",
        "name": "Shabnam Qureshi",
        "job_title": "Bi Borough Violence against Women and Girls Strategic Lead",
        "agency": "Bi-Borough VAWG Service RBKC/WCC",
        "role": "member",
    },
    # Subgroups (the 2022/23 annual report structure chart); chairs are demo assumptions
    {
        "body": "Case Review Subgroup",
        "name": "Fiona Makepeace",
        "job_title": "Bi-Borough Head of Safeguarding and Quality Assurance, Royal Borough of Kensington and Chelsea",
        "agency": "Children's Services RBKC/WCC",
        "role": "co_chair",
    },
    {
        "body": "Case Review Subgroup",
        "name": "Grace Ofori",
        "job_title": "Designated Nurse for Safeguarding",
        "agency": "North West London Integrated Care Board",
        "role": "co_chair",
    },
    {
        "body": "Case Review Subgroup",
        "name": "Helen Thistlewood",
        "job_title": "Principal Lead Advisor, Royal Borough of Kensington and Chelsea and Westminster City Council",
        "agency": "Education RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Case Review Subgroup",
        "name": "Thomas Renshaw",
        "job_title": "Detective Chief Inspector, Central West Basic Command Unit",
        "agency": "Metropolitan Police Service, Central West Basic Command Unit",
        "role": "member",
    },
    {
        "body": "Case Review Subgroup",
        "name": "Siobhan Carrick",
        "job_title": "Deputy Director of Nursing and Consultant Nurse for Safeguarding",
        "agency": "Imperial College Healthcare NHS Trust",
        "role": "member",
    },
    {
        "body": "Case Review Subgroup",
        "name": "Lucy Fairbrother",
        "job_title": "Lead Nurse for Paediatrics, Chelsea and Westminster Hospital",
        "agency": "Chelsea and Westminster Hospital NHS Foundation Trust",
        "role": "member",
    },
    {
        "body": "Case Review Subgroup",
        "name": "Andrea Whitlock",
        "job_title": "Head of Safeguarding, Central London Community Healthcare NHS Trust",
        "agency": "Central London Community Healthcare NHS Trust",
        "role": "member",
    },
    {
        "body": "Case Review Subgroup",
        "name": "Rachel Dunmore",
        "job_title": "Head of Safeguarding Children, Central and North West London NHS Foundation Trust",
        "agency": "Central and North West London NHS Foundation Trust",
        "role": "member",
    },
    {
        "body": "Case Review Subgroup",
        "name": "Nadia Chaudhry",
        "job_title": "Interim Head of Public Protection and Stakeholder Engagement",
        "agency": "National Probation Service",
        "role": "member",
    },
    {
        "body": "Case Review Subgroup",
        "name": "Eleanor Blackwood",
        "job_title": "LSCP Business Manager",
        "agency": "Children's Services RBKC/WCC",
        "role": "business_manager",
    },
    {
        "body": "Best Practice and Performance Subgroup",
        "name": "Bethan Morgan-Price",
        "job_title": "Assistant Director for Safeguarding Adults and Children",
        "agency": "North West London Integrated Care Board",
        "role": "co_chair",
    },
    {
        "body": "Best Practice and Performance Subgroup",
        "name": "Andrea Whitlock",
        "job_title": "Head of Safeguarding, Central London Community Healthcare NHS Trust",
        "agency": "Central London Community Healthcare NHS Trust",
        "role": "co_chair",
    },
    {
        "body": "Best Practice and Performance Subgroup",
        "name": "Siobhan Carrick",
        "job_title": "Deputy Director of Nursing and Consultant Nurse for Safeguarding",
        "agency": "Imperial College Healthcare NHS Trust",
        "role": "member",
    },
    {
        "body": "Best Practice and Performance Subgroup",
        "name": "Karen Ashworth",
        "job_title": "Head of Nursing, Safeguarding Children for Guys and St Thomas NHS Foundation Trust",
        "agency": "Royal Brompton and Harefield Hospitals",
        "role": "member",
    },
    {
        "body": "Best Practice and Performance Subgroup",
        "name": "Joanne Kirkbride",
        "job_title": "Interim Head of Safeguarding and Quality, Adults Social Care, Royal Borough of Kensington and Chelsea and Westminster City Council",
        "agency": "Adult Social Care RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Best Practice and Performance Subgroup",
        "name": "Helen Thistlewood",
        "job_title": "Principal Lead Advisor, Royal Borough of Kensington and Chelsea and Westminster City Council",
        "agency": "Education RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Best Practice and Performance Subgroup",
        "name": "Nadia Chaudhry",
        "job_title": "Interim Head of Public Protection and Stakeholder Engagement",
        "agency": "National Probation Service",
        "role": "member",
    },
    {
        "body": "Best Practice and Performance Subgroup",
        "name": "Thomas Renshaw",
        "job_title": "Detective Chief Inspector, Central West Basic Command Unit",
        "agency": "Metropolitan Police Service, Central West Basic Command Unit",
        "role": "member",
    },
    {
        "body": "Best Practice and Performance Subgroup",
        "name": "Patricia Oduya",
        "job_title": "Service Manager",
        "agency": "CAFCASS",
        "role": "member",
    },
    {
        "body": "Best Practice and Performance Subgroup",
        "name": "Eleanor Blackwood",
        "job_title": "LSCP Business Manager",
        "agency": "Children's Services RBKC/WCC",
        "role": "business_manager",
    },
    {
        "body": "Children and Community Engagement and Accountability Subgroup",
        "name": "Hannah Greaves",
        "job_title": "Chief Executive Officer",
        "agency": "Kensington and Chelsea Social Council",
        "role": "co_chair",
    },
    {
        "body": "Children and Community Engagement and Accountability Subgroup",
        "name": "Amara Okonjo",
        "job_title": "Executive Headteacher, Robinsfield Infant School and George Eliot Primary, Westminster City Council",
        "agency": "Robinsfield Infant School and George Eliot Primary",
        "role": "co_chair",
    },
    {
        "body": "Children and Community Engagement and Accountability Subgroup",
        "name": "Graham Pennington",
        "job_title": "Headteacher, St Thomas More Language College, Royal Borough of Kensington and Chelsea",
        "agency": "St Thomas More Language College",
        "role": "member",
    },
    {
        "body": "Children and Community Engagement and Accountability Subgroup",
        "name": "Yasmin Haddad",
        "job_title": "Senior Project Manager, Health Team, Standing Together Against Domestic Abuse",
        "agency": "Standing Together Against Domestic Abuse",
        "role": "member",
    },
    {
        "body": "Children and Community Engagement and Accountability Subgroup",
        "name": "Lucy Fairbrother",
        "job_title": "Lead Nurse for Paediatrics, Chelsea and Westminster Hospital",
        "agency": "Chelsea and Westminster Hospital NHS Foundation Trust",
        "role": "member",
    },
    {
        "body": "Children and Community Engagement and Accountability Subgroup",
        "name": "Patricia Oduya",
        "job_title": "Service Manager",
        "agency": "CAFCASS",
        "role": "member",
    },
    {
        "body": "Children and Community Engagement and Accountability Subgroup",
        "name": "Shabnam Qureshi",
        "job_title": "Bi Borough Violence against Women and Girls Strategic Lead",
        "agency": "Bi-Borough VAWG Service RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Children and Community Engagement and Accountability Subgroup",
        "name": "Paul Dansey",
        "job_title": "Chief Community Safety Officer",
        "agency": "Community Safety RBKC",
        "role": "member",
    },
    {
        "body": "Children and Community Engagement and Accountability Subgroup",
        "name": "Ian Merriweather",
        "job_title": "Head of Community Safety",
        "agency": "Community Safety WCC",
        "role": "member",
    },
    {
        "body": "Children and Community Engagement and Accountability Subgroup",
        "name": "Eleanor Blackwood",
        "job_title": "LSCP Business Manager",
        "agency": "Children's Services RBKC/WCC",
        "role": "business_manager",
    },
    # Strategic Planning Group (the 2019 partnership arrangements): Independent Chair plus subgroup co-chairs
    {
        "body": "LSCP Strategic Planning Group",
        "name": "Margaret Ellery",
        "job_title": "Independent Chair and Scrutineer",
        "agency": "Independent",
        "role": "independent_chair",
    },
    {
        "body": "LSCP Strategic Planning Group",
        "name": "Fiona Makepeace",
        "job_title": "Bi-Borough Head of Safeguarding and Quality Assurance, Royal Borough of Kensington and Chelsea",
        "agency": "Children's Services RBKC/WCC",
        "role": "member",
    },
    {
        "body": "LSCP Strategic Planning Group",
        "name": "Grace Ofori",
        "job_title": "Designated Nurse for Safeguarding",
        "agency": "North West London Integrated Care Board",
        "role": "member",
    },
    {
        "body": "LSCP Strategic Planning Group",
        "name": "Bethan Morgan-Price",
        "job_title": "Assistant Director for Safeguarding Adults and Children",
        "agency": "North West London Integrated Care Board",
        "role": "member",
    },
    {
        "body": "LSCP Strategic Planning Group",
        "name": "Andrea Whitlock",
        "job_title": "Head of Safeguarding, Central London Community Healthcare NHS Trust",
        "agency": "Central London Community Healthcare NHS Trust",
        "role": "member",
    },
    {
        "body": "LSCP Strategic Planning Group",
        "name": "Hannah Greaves",
        "job_title": "Chief Executive Officer",
        "agency": "Kensington and Chelsea Social Council",
        "role": "member",
    },
    {
        "body": "LSCP Strategic Planning Group",
        "name": "Amara Okonjo",
        "job_title": "Executive Headteacher, Robinsfield Infant School and George Eliot Primary, Westminster City Council",
        "agency": "Robinsfield Infant School and George Eliot Primary",
        "role": "member",
    },
    {
        "body": "LSCP Strategic Planning Group",
        "name": "Eleanor Blackwood",
        "job_title": "LSCP Business Manager",
        "agency": "Children's Services RBKC/WCC",
        "role": "business_manager",
    },
    # Local groups (the 2019 partnership arrangements), chaired by the borough's Director of Family Services
    {
        "body": "Kensington and Chelsea LSCP Local Group",
        "name": "Owen Hartley",
        "job_title": "Director of Family Services, Royal Borough of Kensington and Chelsea",
        "agency": "Children's Services RBKC",
        "role": "chair",
    },
    {
        "body": "Kensington and Chelsea LSCP Local Group",
        "name": "Graham Pennington",
        "job_title": "Headteacher, St Thomas More Language College, Royal Borough of Kensington and Chelsea",
        "agency": "St Thomas More Language College",
        "role": "member",
    },
    {
        "body": "Kensington and Chelsea LSCP Local Group",
        "name": "Helen Thistlewood",
        "job_title": "Principal Lead Advisor, Royal Borough of Kensington and Chelsea and Westminster City Council",
        "agency": "Education RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Kensington and Chelsea LSCP Local Group",
        "name": "Martin Eldridge",
        "job_title": "Assistant Director Neighbourhoods",
        "agency": "RBKC Housing",
        "role": "member",
    },
    {
        "body": "Kensington and Chelsea LSCP Local Group",
        "name": "Paul Dansey",
        "job_title": "Chief Community Safety Officer",
        "agency": "Community Safety RBKC",
        "role": "member",
    },
    {
        "body": "Kensington and Chelsea LSCP Local Group",
        "name": "Hannah Greaves",
        "job_title": "Chief Executive Officer",
        "agency": "Kensington and Chelsea Social Council",
        "role": "member",
    },
    {
        "body": "Kensington and Chelsea LSCP Local Group",
        "name": "Lucy Fairbrother",
        "job_title": "Lead Nurse for Paediatrics, Chelsea and Westminster Hospital",
        "agency": "Chelsea and Westminster Hospital NHS Foundation Trust",
        "role": "member",
    },
    {
        "body": "Kensington and Chelsea LSCP Local Group",
        "name": "Andrea Whitlock",
        "job_title": "Head of Safeguarding, Central London Community Healthcare NHS Trust",
        "agency": "Central London Community Healthcare NHS Trust",
        "role": "member",
    },
    {
        "body": "Kensington and Chelsea LSCP Local Group",
        "name": "Thomas Renshaw",
        "job_title": "Detective Chief Inspector, Central West Basic Command Unit",
        "agency": "Metropolitan Police Service, Central West Basic Command Unit",
        "role": "member",
    },
    {
        "body": "Kensington and Chelsea LSCP Local Group",
        "name": "Eleanor Blackwood",
        "job_title": "LSCP Business Manager",
        "agency": "Children's Services RBKC/WCC",
        "role": "business_manager",
    },
    {
        "body": "Westminster LSCP Local Group",
        "name": "Rebecca Ashdown",
        "job_title": "Director of Family Services, Westminster City Council",
        "agency": "Children's Services WCC",
        "role": "chair",
    },
    {
        "body": "Westminster LSCP Local Group",
        "name": "Amara Okonjo",
        "job_title": "Executive Headteacher, Robinsfield Infant School and George Eliot Primary, Westminster City Council",
        "agency": "Robinsfield Infant School and George Eliot Primary",
        "role": "member",
    },
    {
        "body": "Westminster LSCP Local Group",
        "name": "Helen Thistlewood",
        "job_title": "Principal Lead Advisor, Royal Borough of Kensington and Chelsea and Westminster City Council",
        "agency": "Education RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Westminster LSCP Local Group",
        "name": "Claire Pemberton",
        "job_title": "Community Safety Manager",
        "agency": "Westminster Housing",
        "role": "member",
    },
    {
        "body": "Westminster LSCP Local Group",
        "name": "Ian Merriweather",
        "job_title": "Head of Community Safety",
        "agency": "Community Safety WCC",
        "role": "member",
    },
    {
        "body": "Westminster LSCP Local Group",
        "name": "Yasmin Haddad",
        "job_title": "Senior Project Manager, Health Team, Standing Together Against Domestic Abuse",
        "agency": "Standing Together Against Domestic Abuse",
        "role": "member",
    },
    {
        "body": "Westminster LSCP Local Group",
        "name": "Siobhan Carrick",
        "job_title": "Deputy Director of Nursing and Consultant Nurse for Safeguarding",
        "agency": "Imperial College Healthcare NHS Trust",
        "role": "member",
    },
    {
        "body": "Westminster LSCP Local Group",
        "name": "Rachel Dunmore",
        "job_title": "Head of Safeguarding Children, Central and North West London NHS Foundation Trust",
        "agency": "Central and North West London NHS Foundation Trust",
        "role": "member",
    },
    {
        "body": "Westminster LSCP Local Group",
        "name": "Thomas Renshaw",
        "job_title": "Detective Chief Inspector, Central West Basic Command Unit",
        "agency": "Metropolitan Police Service, Central West Basic Command Unit",
        "role": "member",
    },
    {
        "body": "Westminster LSCP Local Group",
        "name": "Eleanor Blackwood",
        "job_title": "LSCP Business Manager",
        "agency": "Children's Services RBKC/WCC",
        "role": "business_manager",
    },
    # Task and finish: joint LSCP / SAEB steering group (the 2022/23 annual report, priority four)
    {
        "body": "Transitional Safeguarding Steering Group",
        "name": "Joanne Kirkbride",
        "job_title": "Interim Head of Safeguarding and Quality, Adults Social Care, Royal Borough of Kensington and Chelsea and Westminster City Council",
        "agency": "Adult Social Care RBKC/WCC",
        "role": "co_chair",
    },
    {
        "body": "Transitional Safeguarding Steering Group",
        "name": "Fiona Makepeace",
        "job_title": "Bi-Borough Head of Safeguarding and Quality Assurance, Royal Borough of Kensington and Chelsea",
        "agency": "Children's Services RBKC/WCC",
        "role": "co_chair",
    },
    {
        "body": "Transitional Safeguarding Steering Group",
        "name": "Bethan Morgan-Price",
        "job_title": "Assistant Director for Safeguarding Adults and Children",
        "agency": "North West London Integrated Care Board",
        "role": "member",
    },
    {
        "body": "Transitional Safeguarding Steering Group",
        "name": "Rachel Dunmore",
        "job_title": "Head of Safeguarding Children, Central and North West London NHS Foundation Trust",
        "agency": "Central and North West London NHS Foundation Trust",
        "role": "member",
    },
    {
        "body": "Transitional Safeguarding Steering Group",
        "name": "Nadia Chaudhry",
        "job_title": "Interim Head of Public Protection and Stakeholder Engagement",
        "agency": "National Probation Service",
        "role": "member",
    },
    {
        "body": "Transitional Safeguarding Steering Group",
        "name": "Claire Pemberton",
        "job_title": "Community Safety Manager",
        "agency": "Westminster Housing",
        "role": "member",
    },
    {
        "body": "Transitional Safeguarding Steering Group",
        "name": "Eleanor Blackwood",
        "job_title": "LSCP Business Manager",
        "agency": "Children's Services RBKC/WCC",
        "role": "business_manager",
    },
    # Linked boards: only posts the seeds connect to them (HWB chairs and members from the 2022/23 report's HWB agenda)
    {
        "body": "Kensington and Chelsea Health and Wellbeing Board",
        "name": "Cllr Alistair Penhaligon",
        "job_title": "Lead Member, Adult Social Care and Public Health - RBKC",
        "agency": "Councillors RBKC",
        "role": "chair",
    },
    {
        "body": "Kensington and Chelsea Health and Wellbeing Board",
        "name": "Catherine Holloway",
        "job_title": "Bi-borough Executive Director of Children's Services",
        "agency": "Children's Services RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Kensington and Chelsea Health and Wellbeing Board",
        "name": "Gordon Feltham",
        "job_title": "Bi-Borough Executive Director of Adult Social Care",
        "agency": "Adult Social Care RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Kensington and Chelsea Health and Wellbeing Board",
        "name": "Lydia Carmichael",
        "job_title": "Bi-Borough Director of Public Health",
        "agency": "Public Health RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Westminster Health and Wellbeing Board",
        "name": "Cllr Miriam Osei-Bonsu",
        "job_title": "Cabinet Member for Adult Social Care, Public Health and Voluntary Sector, WCC",
        "agency": "Councillors WCC",
        "role": "chair",
    },
    {
        "body": "Westminster Health and Wellbeing Board",
        "name": "Catherine Holloway",
        "job_title": "Bi-borough Executive Director of Children's Services",
        "agency": "Children's Services RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Westminster Health and Wellbeing Board",
        "name": "Gordon Feltham",
        "job_title": "Bi-Borough Executive Director of Adult Social Care",
        "agency": "Adult Social Care RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Westminster Health and Wellbeing Board",
        "name": "Lydia Carmichael",
        "job_title": "Bi-Borough Director of Public Health",
        "agency": "Public Health RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Safeguarding Adults Executive Board",
        "name": "Gordon Feltham",
        "job_title": "Bi-Borough Executive Director of Adult Social Care",
        "agency": "Adult Social Care RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Safeguarding Adults Executive Board",
        "name": "Joanne Kirkbride",
        "job_title": "Interim Head of Safeguarding and Quality, Adults Social Care, Royal Borough of Kensington and Chelsea and Westminster City Council",
        "agency": "Adult Social Care RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Safeguarding Adults Executive Board",
        "name": "Bethan Morgan-Price",
        "job_title": "Assistant Director for Safeguarding Adults and Children",
        "agency": "North West London Integrated Care Board",
        "role": "member",
    },
    {
        "body": "Safeguarding Adults Executive Board",
        "name": "Eleanor Blackwood",
        "job_title": "LSCP Business Manager",
        "agency": "Children's Services RBKC/WCC",
        "role": "observer",
    },
    {
        "body": "Safer Kensington and Chelsea Partnership",
        "name": "Paul Dansey",
        "job_title": "Chief Community Safety Officer",
        "agency": "Community Safety RBKC",
        "role": "member",
    },
    {
        "body": "Safer Kensington and Chelsea Partnership",
        "name": "Martin Eldridge",
        "job_title": "Assistant Director Neighbourhoods",
        "agency": "RBKC Housing",
        "role": "member",
    },
    {
        "body": "Safer Westminster Partnership",
        "name": "Ian Merriweather",
        "job_title": "Head of Community Safety",
        "agency": "Community Safety WCC",
        "role": "member",
    },
    {
        "body": "Safer Westminster Partnership",
        "name": "Claire Pemberton",
        "job_title": "Community Safety Manager",
        "agency": "Westminster Housing",
        "role": "member",
    },
    {
        "body": "Violence Against Women and Girls (VAWG) Strategic Partnership",
        "name": "Shabnam Qureshi",
        "job_title": "Bi Borough Violence against Women and Girls Strategic Lead",
        "agency": "Bi-Borough VAWG Service RBKC/WCC",
        "role": "member",
    },
    {
        "body": "Violence Against Women and Girls (VAWG) Strategic Partnership",
        "name": "Yasmin Haddad",
        "job_title": "Senior Project Manager, Health Team, Standing Together Against Domestic Abuse",
        "agency": "Standing Together Against Domestic Abuse",
        "role": "member",
    },
]
