"""Demo governance records for 2022/23, drawn from the Kensington and Chelsea and
Westminster LSCP annual report 2022/23.

Plain literals only, so the demo loader and tests can read them without Django.

What comes from that report: the four priorities and their Activity / Purpose /
Impact / What next? rows, the You said / We did table, the glossary, the partner
accounts, the emerging issues and the appendix 3 finance figures (to the penny).
Narrative is paraphrased; figures are as published.

What is illustrative (the report does not give it): the exact dates and the numbers
of children for the engagement activities, and the whole challenge log. Challenge
entries that only illustrate the kind of record kept have publish=False, so they
never reach a generated annual report.

No child and no individual is named anywhere in this file: organisations and
roles only.
"""

from decimal import Decimal

YEAR = "2022/23"

# The 2022/23 annual report says the borough profiles "shaped and informed our priorities for
# 2022 to 2023"; the 2022-2025 period belongs to the councils' Children and
# Young People's Plan, which the priorities align with but are not part of.
PLAN_PERIOD = "2022-2023"

PRIORITIES = [
    {
        "number": 1,
        "title": "Reducing the harm from domestic abuse and coercive control",
        "description": (
            "Domestic abuse is one of the main reasons children are referred to "
            "children's social care. Because the Domestic Abuse Act 2021 treats "
            "children who experience domestic abuse as victims in their own right, "
            "the partnership keeps watch over the range of local interventions "
            "aimed at this harm."
        ),
        "activities": [
            {
                "activity": "Development of the Westminster Restart Project",
                "purpose": (
                    "An early-intervention domestic abuse service, run by the Drive "
                    "Partnership with the Domestic Abuse Housing Alliance (DAHA) and "
                    "the charity Crounstoun, that aims to let families stay safely in "
                    "their homes. It trains and supports children's social care teams "
                    "to spot abusive patterns early and to make sure victims get "
                    "specialist help, and it helps housing teams build new approaches "
                    "to family safety, including, where suitable, routes into separate "
                    "accommodation for the person causing harm so that the rest of the "
                    "family can remain at home while change is worked on."
                ),
                # The figure is the activity's metric, printed in this cell: the text does not repeat it.
                "impact": "",
                "what_next": (
                    "Referrals have come in below the expected level, so the LSCP will "
                    "ask partners to reflect on why and to bring their learning from "
                    "the programme to the partnership so that good practice is shared."
                ),
                "lead": "Drive Partnership",
                "metrics": [(25, "families referred")],
            },
            {
                "activity": "Roll out of Safe and Together Model Training",
                "purpose": (
                    "An accredited model that helps family services and the systems "
                    "around them achieve better outcomes for families affected by "
                    "domestic abuse, and builds competence across the workforce."
                ),
                "impact": (
                    "Social care practitioners have been able to consult the Safe and "
                    "Together implementation lead about their cases since the programme "
                    "began (the consultations held are counted below). Introductory "
                    "training days were also offered to multi-agency partners to "
                    "spread the model's core principles and build a common language "
                    "and understanding of good practice."
                ),
                "what_next": (
                    "Family Services leaders in the Royal Borough of Kensington and "
                    "Chelsea have been given the learning from the roll-out and plan to "
                    "extend the programme to their practitioners from April 2024."
                ),
                "lead": "Bi-Borough Family Services",
                "metrics": [(52, "case consultations")],
            },
            {
                "activity": "IDVA role in Kensington and Chelsea",
                "purpose": (
                    "Independent domestic violence advocates (IDVAs) advise and "
                    "back up social workers on the front line."
                ),
                "impact": (
                    "Domestic abuse quality assurance work in Family and Children's "
                    "Services shows IDVAs taking part in safeguarding discussions and "
                    "helping practitioners assess risk and plan for safety. They "
                    "strengthen the help given to families, prompt practitioners to be "
                    "curious about what victims and survivors have lived through, and "
                    "point families towards specialist support and protection."
                ),
                "what_next": (
                    "The LSCP will keep working with the CYP-OG and is still looking "
                    "for an education representative to join that operational group "
                    "and add a schools perspective."
                ),
                "lead": "Family & Children's Services, Royal Borough of Kensington and Chelsea",
                "metrics": [],
            },
        ],
    },
    {
        "number": 2,
        "title": "Safer communities: exploitation and serious youth violence",
        "description": (
            "Protecting children and young people from exploitation and serious "
            "youth violence is a priority in London and nationally as well as "
            "locally. The partnership follows national developments closely so that "
            "its local work reflects them and responds quickly to new needs."
        ),
        "activities": [
            {
                "activity": "National Referral Mechanism: Home Office Pilot Project (June 2021)",
                # The Purpose cell is garbled in the source text; this summary is
                # inferred from the Impact cell (a local NRM panel making decisions).
                "purpose": (
                    "A Home Office pilot, running locally since June 2021, in which a "
                    "local multi-agency panel makes National Referral Mechanism (NRM) "
                    "decisions for children thought to be victims of trafficking or "
                    "modern slavery."
                ),
                "impact": (
                    # The audit's findings are told once, with the audit, in "Scrutiny and challenge".
                    "In September 2022 the partnership audited every case referred to "
                    "the NRM under the pilot; what the audit found, and the actions it "
                    "led to, are set out under Scrutiny and challenge."
                ),
                "what_next": (
                    "The pilot now runs until March 2024, and the LSCP follows the "
                    "audit's recommendations through its action tracker."
                ),
                "lead": "Home Office",
                "metrics": [],
            },
            {
                "activity": "Relaunch of the shared MACE Panel",
                "purpose": (
                    "Partners relaunched the Multi-Agency Child Exploitation (MACE) "
                    "panel shared by Hammersmith & Fulham, Kensington and Chelsea and "
                    "Westminster, which coordinates a joined-up response for children "
                    "who may be exploited and works to clear obstacles to putting the "
                    "child at the centre of efforts to reduce and disrupt exploitation. "
                    "Its membership was reviewed and new terms of reference agreed, "
                    "and partners have attended and taken part well."
                ),
                "impact": (
                    "The panel has built, and keeps improving, a problem profile that "
                    "uses police and health data to shape the local response. It has "
                    "picked out themes from practice such as cross-borough issues, the "
                    "vulnerability of looked-after children and girls being asked to "
                    "hide weapons. Members also fed into the Pan-London MACE review and "
                    "are helping to put its recommendations into practice."
                ),
                "what_next": ("The LSCP will oversee the panel's impact through reports twice a year."),
                "lead": "Multi-Agency Child Exploitation (MACE) Panel",
                "metrics": [],
            },
            {
                "activity": "Safer Schools Officers",
                "purpose": (
                    "Police Safer Schools Officers cover every secondary school in the "
                    "partnership area, independent schools included, and each school "
                    "has a named officer as a familiar contact. Officers advise heads "
                    "and staff on policing matters and emerging issues, refer pupils "
                    "to intervention and diversion schemes to protect them or steer "
                    "them away from crime and anti-social behaviour, plan with the "
                    "school how to keep pupils safe, and give pupils crime-prevention "
                    "and more specialist safety messages."
                ),
                "impact": (
                    "Officers ran engagement sessions in many schools and settings in "
                    "both boroughs on grooming, sharing of indecent images, malicious "
                    "messages, stop and search, robbery prevention, anti-social "
                    "behaviour, online safety, police careers, gangs and online "
                    "bullying. They also held coffee mornings where parents and carers "
                    "could learn about safeguarding topics and how to keep their "
                    "children safer, and one school wrote to thank the team for a "
                    "session that it felt built good relations with families."
                ),
                "what_next": (
                    "Keep holding regular coffee mornings to build trust with parents, "
                    "carers and communities, and keep reaching out to schools and "
                    "settings without an assigned officer so that they link up with "
                    "local safer neighbourhood teams."
                ),
                "lead": "Metropolitan Police Service",
                "metrics": [],
            },
        ],
    },
    {
        "number": 3,
        "title": "Recovery from the Covid-19 pandemic and the cost of living crisis",
        "description": (
            "The partnership recognises what the pandemic did to local children, "
            "families and services. Lockdowns interrupted children's schooling, and "
            "since being in education helps keep children safe, partners want to "
            "limit any such disruption in future, while also responding to the "
            "pressure that rising living costs put on families."
        ),
        "activities": [
            {
                "activity": "Emotional Wellbeing and Mental Health Plan",
                "purpose": (
                    "Health partners and the two councils jointly wrote an Emotional "
                    "Wellbeing and Mental Health Plan for 2022-2024. It stresses more "
                    "support for school staff, wider early intervention, and help for "
                    "parents and carers of children with special educational needs."
                ),
                "impact": (
                    "Every state school has a whole-school approach delivered by school "
                    "nurses with extra training, mental health leads and Mental Health "
                    "Support Teams, with added help for special schools "
                    "through Mind, investment in staff and parent wellbeing and ELSA "
                    "training from educational psychology. Community support reaches "
                    "young people who do not seek help through school or primary care, "
                    "with mental health workers in youth clubs, Mental Health First Aid "
                    "for frontline staff and trauma-informed practice in Early Help. "
                    "The offer is promoted through the 'We Got U, U Got This' campaign, "
                    "online resources, helplines and anti-stigma videos. For vulnerable "
                    "groups, Family Services' systemic practice and CAMHS work well "
                    "together, with a focus on children facing exclusion, serious "
                    "youth violence or domestic abuse."
                ),
                "what_next": (
                    "The LSCP will ask the partners responsible for the plan to report "
                    "back on what it achieved in 2022-2023."
                ),
                "lead": "NHS North West London Integrated Care Board",
                "metrics": [],
            },
            {
                "activity": "We Got U, U Got This Campaign",
                "purpose": (
                    "A campaign run across both boroughs to give children and young "
                    "people the confidence to seek help with their mental health and "
                    "wellbeing, through a new mental health services web page, videos "
                    "made with young people and staged face-to-face work in youth "
                    "settings."
                ),
                "impact": (
                    "Aims to help young people feel able to use mental wellbeing "
                    "services, especially early-intervention support such as Mind and "
                    "Kooth."
                ),
                "what_next": (
                    "Young people, including the young ambassadors in each borough, "
                    "will go on leading the campaign online and in person in the coming "
                    "months. The partnership will keep promoting it and will ask "
                    "children and young people whether it has made mental health "
                    "support easier to reach."
                ),
                "lead": "Royal Borough of Kensington and Chelsea and Westminster City Council",
                "metrics": [],
            },
        ],
    },
    {
        "number": 4,
        "title": "Transitional safeguarding",
        "description": (
            "Young people aged 16 to 25 have changing needs, and many reach "
            "adulthood having already been through other upheavals that shape how "
            "they cope with moving from children's to adults' services in "
            "education, social care, health and criminal justice. The LSCP and the "
            "Safeguarding Adults Executive Board (SAEB) are working together on a "
            "framework for safeguarding this age group."
        ),
        "activities": [
            {
                "activity": "Development of Transitional Safeguarding Steering Group (July 2022)",
                "purpose": (
                    "Formed in July 2022 to ask how well current services and systems "
                    "spot 16 to 24 year olds who may be at risk of harm and what help is "
                    "offered to keep them safe. Its discussions produced a project "
                    "plan through which both partnerships are looking for better shared "
                    "ways of working; the plan centres on young people's lived "
                    "experience and on raising awareness of transitional safeguarding "
                    "among LSCP and SAEB members, frontline staff and managers."
                ),
                "impact": (
                    "It is too soon to show what difference this work has made, but "
                    "the partnership remains committed to building ways of supporting "
                    "young people aged 16 to 24."
                ),
                "what_next": (
                    "In 2023-2024 the steering group will run a data task and finish "
                    "group to gather and study what is known about young people aged "
                    "16-24, to understand their needs and find any gaps in services "
                    "that could help them into adulthood. A special joint LSCP and SAEB "
                    "meeting with strategic leads is planned to share the findings and "
                    "agree next steps across both partnerships."
                ),
                "lead": "Transitional Safeguarding Steering Group (LSCP and SAEB)",
                "metrics": [],
            },
        ],
    },
]

# "done": the young people can already use what was promised; "in_progress":
# the response was a commitment still being delivered when the report was written.
YOU_SAID_WE_DID = [
    {
        "you_said": "We would like more information on how to stay safe online.",
        "we_did": (
            "We will run an online safety session and want you to help design it; "
            "details will come through your social worker and the newsletter."
        ),
        "status": "in_progress",
    },
    {
        "you_said": "Sometimes we feel lonely.",
        "we_did": (
            "Safe spaces such as the Tuesday Group and Future Union are there for "
            "support, and sessions with a therapist will be held at both. You can also "
            "use Kooth online and the Elements therapeutic arts course."
        ),
        "status": "in_progress",
    },
    {
        "you_said": ("We want to know how the police and other authorities can keep us safe, and what our rights are."),
        "we_did": (
            "Police officers will visit the Tuesday Group and/or Future Union to explain "
            "your rights if you are stopped and searched and to answer your questions, "
            "and a short summary will go in the newsletter."
        ),
        "status": "in_progress",
    },
    {
        "you_said": ("We sometimes feel unsafe in our community because of knife crime, gangs and hate crime."),
        "we_did": (
            "You can make a safety plan about your worries with your social worker or "
            "personal adviser at any time and change it as things change, and the "
            "Community Safety team will come and talk about staying safe where you "
            "live."
        ),
        "status": "done",
    },
    {
        "you_said": "We sometimes feel unsafe in our semi-independent accommodation.",
        "we_did": (
            "The advocacy service can advise and help you raise a concern or make a "
            "complaint about your accommodation, and this can be part of your safety "
            "plan too."
        ),
        "status": "done",
    },
]

# From "Listening to what children and young people are telling us". The seed
# gives no dates (except the Stepping Up Awards, February 2023) and no numbers
# of children: the dates and counts below are illustrative.
ENGAGEMENT_ACTIVITIES = [
    {
        "date": "2022-04-21",
        "group": "Thursday Group (looked-after children and care leavers)",
        "age_range": "16-21",
        "borough": "RBKC",
        "topic": "Regular participation group: peer support and views on services",
        "method": "Weekly group session",
        "children": 14,
    },
    {
        "date": "2022-04-26",
        "group": "Tuesday Group (care leavers)",
        "age_range": "16-21",
        "borough": "WCC",
        "topic": "Regular participation group: peer support and views on services",
        "method": "Weekly group session",
        "children": 16,
    },
    {
        "date": "2022-05-18",
        "group": "Children and Young People's Panel",
        "age_range": "11-18",
        "borough": "WCC",
        "topic": "Children in care council: experience of being in care",
        "method": "Panel meeting",
        "children": 9,
    },
    {
        "date": "2022-06-25",
        "group": "Care-experienced young people (foster carer recruitment)",
        "age_range": "16-21",
        "borough": None,
        "topic": "Helping to recruit foster carers at a public event at Westfield",
        "method": "Recruitment event stall",
        "children": 6,
    },
    {
        "date": "2022-07-19",
        "group": "Tuesday and Thursday leaving care groups",
        "age_range": "16-21",
        "borough": None,
        "topic": (
            "Feeling safe online, in the community and in semi-independent "
            "accommodation, and rights with the police (after the June 2022 Ofsted "
            "focused visit); produced the You said / We did table"
        ),
        "method": "Facilitated group conversations",
        "children": 22,
    },
    {
        "date": "2022-09-14",
        "group": "Young people on staff interview panels",
        "age_range": "16-21",
        "borough": None,
        "topic": "Recruitment of council children's services staff",
        "method": "Interview panel membership (work experience)",
        "children": 8,
    },
    {
        "date": "2022-10-12",
        "group": "Looked-after young people",
        "age_range": "13-18",
        "borough": None,
        "topic": "Shaping new online safety training for foster carers",
        "method": "Co-design workshop",
        "children": 7,
    },
    {
        "date": "2022-11-16",
        "group": "Children in care and care leavers",
        "age_range": "11-21",
        "borough": None,
        "topic": (
            "Health assessments, overall health and wellbeing, health support after "
            "leaving care, and what a corporate health parent should look like"
        ),
        "method": "Consultation",
        "children": 18,
    },
    {
        "date": "2023-01-18",
        "group": "Care-experienced young people",
        "age_range": "16-21",
        "borough": None,
        "topic": "Writing the introduction to the Children's Services self-evaluation",
        "method": "Co-production",
        "children": 5,
    },
    {
        "date": "2023-02-23",
        "group": "Children looked after and care leavers",
        "age_range": "5-21",
        "borough": "RBKC",
        "topic": "Stepping Up Awards celebrating children's achievements",
        "method": "Awards ceremony",
        "children": 40,
    },
    {
        "date": "2023-03-08",
        "group": "Care-experienced young people",
        "age_range": "13-21",
        "borough": None,
        "topic": (
            "Mental health, a youth review of council services, and each borough's Health and Wellbeing Strategy"
        ),
        "method": "Consultation",
        "children": 12,
    },
]

# Appendix 3, "LSCP Financial Arrangements 2022 to 2023". Contributions and
# lines are as published and add up exactly to the published totals
# (see FINANCE_PUBLISHED_TOTALS). The Westminster probation contribution is
# printed "£1611,21" in the report: a comma typed for the decimal point, read here
# as £1,611.21, which is the only value that makes the Westminster total agree.
# "LSCP training" is training income, not a partner agency; the label is kept.
FINANCE = {
    "RBKC": {
        "contributions": [
            ("Royal Borough of Kensington and Chelsea", Decimal("49800.00")),
            ("NHS North West London Integrated Care Board", Decimal("20000.00")),
            ("Metropolitan Police Service", Decimal("5000.00")),
            ("National Probation Service", Decimal("893.37")),
            ("LSCP training", Decimal("6354.37")),
        ],
        "expenditure": [
            ("staffing", Decimal("81379.00"), "LSCP business team staffing"),
            ("reviews", Decimal("26454.00"), "Local learning reviews"),
            ("training", Decimal("900.00"), "LSCP training"),
            ("other", Decimal("437.50"), "TASP membership fee"),
        ],
        "reserves_brought_forward": None,
    },
    "WCC": {
        "contributions": [
            ("Westminster City Council", Decimal("61800.00")),
            ("NHS North West London Integrated Care Board", Decimal("20000.00")),
            ("Metropolitan Police Service", Decimal("5000.00")),
            ("National Probation Service", Decimal("1611.21")),
            ("LSCP training", Decimal("6354.37")),
        ],
        "expenditure": [
            ("staffing", Decimal("81379.00"), "LSCP business team staffing"),
            ("reviews", Decimal("0.00"), "Local learning reviews (none charged)"),
            ("training", Decimal("900.00"), "LSCP training"),
            ("other", Decimal("437.50"), "TASP membership fee"),
        ],
        "reserves_brought_forward": None,
    },
}

# The totals printed in appendix 3, kept so tests can prove the lines add up.
FINANCE_PUBLISHED_TOTALS = {
    "RBKC": {
        "income": Decimal("82047.74"),
        "expenditure": Decimal("109170.50"),
        "variance": Decimal("-27122.76"),
    },
    "WCC": {
        "income": Decimal("94765.58"),
        "expenditure": Decimal("82716.50"),
        "variance": Decimal("12049.08"),
    },
}

# Appendix 2 of the 2022/23 annual report, in its order, then a few further abbreviations the
# report itself uses (marked below). The seed prints "KCIE"; the guidance's
# abbreviation is KCSIE.
GLOSSARY = [
    (
        "Adultification",
        "",
        "A form of discrimination in which Black and other global majority children "
        "are treated as older than they are, so their behaviour is read as wrongdoing "
        "and their vulnerability and need for protection are overlooked.",
    ),
    (
        "Alternative Provision",
        "",
        "Education arranged outside mainstream school for pupils who cannot attend "
        "it, for example after exclusion or because of their behaviour.",
    ),
    (
        "CAMHS",
        "Child and Adolescent Mental Health Service",
        "The NHS specialist service that assesses and treats children and young "
        "people with mental health difficulties.",
    ),
    (
        "Child Protection",
        "",
        "The part of safeguarding that acts for children who are suffering, or are likely to suffer, significant harm.",
    ),
    (
        "Corporate Parenting Board",
        "",
        "A council board that steers and holds the council to account for how it "
        "cares for the children it looks after and its care leavers.",
    ),
    (
        "CSA",
        "Child Sexual Abuse",
        "Forcing or enticing a child to take part in sexual activity, whether or not "
        "the child is aware of what is happening, in person or online.",
    ),
    (
        "CSE",
        "Child Sexual Exploitation",
        "A form of child sexual abuse in which a child is manipulated or coerced into "
        "sexual activity in exchange for something the child or the abuser wants.",
    ),
    (
        "DfE",
        "Department for Education",
        "The government department responsible for children's services and "
        "education in England, including safeguarding guidance.",
    ),
    (
        "DAHA",
        "Domestic Abuse Housing Alliance",
        "A national partnership that helps housing providers respond safely and "
        "consistently to residents experiencing domestic abuse.",
    ),
    (
        "DSL",
        "Designated Safeguarding Lead",
        "The senior member of staff in a school or setting who takes lead "
        "responsibility for safeguarding and child protection there.",
    ),
    (
        "EHC",
        "Education Health and Care Plan",
        "A legal plan, issued by the local authority, that sets out the education, "
        "health and care support a child or young person with special educational "
        "needs must receive.",
    ),
    (
        "EPB",
        "Education Partnership Board",
        "A local board bringing schools and the council together to plan and oversee education across the boroughs.",
    ),
    (
        "ICB",
        "Integrated Care Board",
        "The NHS body that plans and pays for health services for its area; it is "
        "one of the three statutory safeguarding partners.",
    ),
    (
        "KCSIE",
        "Keeping Children Safe in Education",
        "Statutory guidance that every school and college must follow on safeguarding pupils and students.",
    ),
    (
        "Kooth",
        "",
        "A free, anonymous online service offering mental health support and counselling to children and young people.",
    ),
    (
        "LAC",
        "Looked After Child",
        "A child in the care of the local authority, whether under a court order or by agreement with the parents.",
    ),
    (
        "LADO",
        "Local Authority Designated Officer",
        "The local authority officer who manages and oversees allegations that "
        "adults working or volunteering with children have harmed them or may pose "
        "a risk to them.",
    ),
    (
        "MACE",
        "Multi-Agency Child Exploitation Panel",
        "A panel of agencies that shares information and plans together to protect "
        "children at risk of exploitation and to disrupt those exploiting them.",
    ),
    (
        "MOPAC",
        "Mayor's Office for Policing and Crime",
        "The office through which the Mayor of London sets policing priorities and oversees the Metropolitan Police.",
    ),
    (
        "CSPRP",
        "Child Safeguarding Practice Review Panel",
        "The independent national panel that commissions national reviews of serious "
        "child safeguarding cases and oversees local ones.",
    ),
    (
        "NRM",
        "National Referral Mechanism",
        "The national framework for identifying victims of human trafficking and "
        "modern slavery and making sure they get the right support.",
    ),
    (
        "SAEB",
        "Safeguarding Adults Executive Board",
        "The statutory board that oversees how agencies work together to protect "
        "adults at risk of abuse or neglect in the two boroughs.",
    ),
    (
        "VAWG",
        "Violence Against Women and Girls Strategic Partnership",
        "The partnership that coordinates the local strategy against violence and abuse aimed at women and girls.",
    ),
    (
        "VRU",
        "Violence Reduction Unit",
        "London's body for preventing violence by tackling its root causes across agencies and communities.",
    ),
    # Further abbreviations the report uses that the 2022/23 report's glossary leaves out: every abbreviation in the
    # built report has an entry (governance/tests/test_glossary_covers_every_abbreviation_in_the_demo_report.py).
    (
        "RBKC",
        "Royal Borough of Kensington and Chelsea",
        "One of the two councils whose children's services, with Westminster's, the partnership covers.",
    ),
    (
        "WCC",
        "Westminster City Council",
        "The council for the City of Westminster, the partnership's other borough.",
    ),
    (
        "NHS",
        "National Health Service",
        "The publicly funded health service: hospitals, community health, GPs and mental health services.",
    ),
    (
        "CAFCASS",
        "Children and Family Court Advisory and Support Service",
        "The service that speaks up for children in family court cases and advises the court on their welfare.",
    ),
    (
        "GP",
        "General Practitioner",
        "A family doctor in a local surgery, usually the first place families go for health care.",
    ),
    (
        "CBT",
        "Cognitive Behavioural Therapy",
        "A talking therapy that helps people notice and change patterns of thinking and behaviour.",
    ),
    (
        "ELSA",
        "Emotional Literacy Support Assistant",
        "A teaching assistant trained by educational psychologists to support pupils' emotional wellbeing in school.",
    ),
    (
        "CYP-OG",
        "Children and Young People Operational Group",
        "The operational group on children and young people affected by domestic abuse that the LSCP works with.",
    ),
    (
        "CIN",
        "Children in need",
        "Children assessed by the council as needing its services to reach or keep a reasonable standard of health "
        "or development (Children Act 1989, section 17).",
    ),
    (
        "CLA",
        "Children looked after",
        "Children in the council's care, by a court order or by agreement with their parents.",
    ),
    (
        "CPP",
        "Child protection plan",
        "The plan agreed at a child protection conference for a child at risk of significant harm.",
    ),
    (
        "EHCP",
        "Education, health and care plan",
        "The legal plan for a child or young person up to 25 with special educational needs who needs more support "
        "than their school can give.",
    ),
    (
        "FGM",
        "Female genital mutilation",
        "Cutting or other injury to the female genital organs for non-medical reasons: a crime and child abuse.",
    ),
    (
        "FSM",
        "Free school meals",
        "Meals at school paid for by the state for children of families on certain benefits; a measure of need.",
    ),
    (
        "SEN",
        "Special educational needs",
        "Learning difficulties or disabilities that call for special educational provision.",
    ),
    (
        "MASH",
        "Multi-Agency Safeguarding Hub",
        "A team where the council, police, health and others share information to "
        "decide quickly and safely what help a referred child needs.",
    ),
    (
        "IDVA",
        "Independent Domestic Violence Advocate",
        "A specialist who supports high-risk victims of domestic abuse and helps professionals plan for their safety.",
    ),
    (
        "IRO",
        "Independent Reviewing Officer",
        "A social work manager, independent of the child's case, who chairs reviews "
        "of a looked-after child's care plan and challenges drift.",
    ),
    (
        "UASC",
        "Unaccompanied Asylum-Seeking Children",
        "Children seeking asylum in the UK without a parent or carer, who are looked after by the local authority.",
    ),
    (
        "CDOP",
        "Child Death Overview Panel",
        "The panel that reviews the deaths of all children in its area to learn lessons and prevent future deaths.",
    ),
    (
        "LSCP",
        "Local Safeguarding Children Partnership",
        "The statutory arrangement through which the council, health and police lead "
        "multi-agency safeguarding of children in an area.",
    ),
    (
        "BCU",
        "Basic Command Unit",
        "A Metropolitan Police area command covering two or more London boroughs.",
    ),
    (
        "TASP",
        "The Association of Safeguarding Partners",
        "The national membership body for safeguarding children partnerships and their business teams.",
    ),
    (
        "CP-IS",
        "Child Protection - Information Sharing",
        "An NHS system that alerts unscheduled care settings when a child is on a "
        "child protection plan or looked after.",
    ),
    (
        "YCPP",
        "Youth Crime Prevention Partnership",
        "Each borough's management board overseeing youth justice services and the "
        "prevention of offending by children.",
    ),
    (
        "HM",
        "His Majesty's",
        "Part of the name of an office of the Crown, as in HM Coroner: the independent judicial officer who "
        "investigates deaths that are sudden, violent or unexplained.",
    ),
    # Terms of art the report uses (not abbreviations): "Stands for" stays empty.
    (
        "Low-level concern",
        "",
        "A worry that an adult working with children has behaved in a way that does not fit the staff code of "
        "conduct, at work or outside it, but that does not reach the threshold for a referral to the LADO.",
    ),
    (
        "Extra-familial harm",
        "",
        "Harm to a child from outside the family: exploitation, serious youth violence, abuse by peers or by "
        "adults in the community or online.",
    ),
    (
        "Transitional safeguarding",
        "",
        "Keeping young people safe as they move from children's to adults' services, roughly between 16 and 25, "
        "so that protection does not stop at their eighteenth birthday.",
    ),
    (
        "Systemic practice",
        "",
        "A way of working with families that looks at the relationships and systems around a child rather than at "
        "one person alone.",
    ),
    (
        "Trauma-informed",
        "",
        "Practice that recognises how past trauma affects children and adults and avoids causing more harm.",
    ),
    (
        "Rapid review",
        "",
        "The partnership's first look at a serious incident, within 15 working days of its notification to the "
        "National Panel, to decide whether a local child safeguarding practice review should follow.",
    ),
    (
        "Section 11",
        "",
        "The duty in section 11 of the Children Act 2004 on agencies to safeguard and promote children's welfare; "
        "partners check their arrangements against it in a self-assessment the partnership scrutinises.",
    ),
    (
        "Section 175",
        "",
        "The duty in section 175 of the Education Act 2002 on schools and colleges to safeguard their pupils; "
        "schools check their arrangements against it in a self-assessment.",
    ),
    (
        "Care leaver",
        "",
        "A young person aged 16 to 25 who was looked after by a council and is entitled to its support as they "
        "live independently.",
    ),
    (
        "Early help",
        "",
        "Support for a child and family as soon as difficulties appear, before they need children's social care.",
    ),
    (
        "Independent scrutineer",
        "",
        "The person from outside the safeguarding partners who checks how well the arrangements work and "
        "challenges the partners to improve them.",
    ),
]

# Four to six partners the 2022/23 report describes. Ofsted focused visits carry no graded
# judgement, so their "judgement" is None; "kind" says what sort of inspection it was.
AGENCY_STATEMENTS = [
    {
        "agency": "NHS North West London Integrated Care Board",
        "text": (
            "On 1 July 2022 the North West London collaboration of clinical "
            "commissioning groups became the NHS North West London Integrated Care "
            "Board, whose care system spans eight London boroughs including both of "
            "ours. The ICB's Deputy Chief Nursing Officer sits on the LSCP Executive, "
            "while its Assistant Director for Safeguarding Adults and Children and its "
            "Designated Nurse for Safeguarding Children take part in the partnership "
            "and its subgroups, alongside every local NHS trust. Through Grand Round "
            "meetings with provider named professionals, the Designated Nurse "
            "discussed a child exploitation health problem profile audit, 'was not "
            "brought' policies, maternity cases involving substance misuse and "
            "perinatal mental health, and the national panel's 'Myth of Invisible Men' "
            "report. Quarterly GP forums in both boroughs, led by the lead "
            "safeguarding GP, covered disabled children, parental alienation, "
            "adultification and the Child Q review, adolescent mental health after "
            "local rapid reviews, and safe online record access where there is "
            "domestic abuse."
        ),
        "inspections": [],
    },
    {
        "agency": "Metropolitan Police Service",
        "text": (
            "The Central West Basic Command Unit's Detective Chief Inspector for "
            "Public Protection represents the police at the LSCP, and detective "
            "inspectors with safeguarding roles sit on local boards such as each "
            "borough's Youth Crime Prevention Partnership. Officers are involved in "
            "work on child exploitation, missing children, VAWG, the MASH, Right Care "
            "Right Person and Safer Schools, and information is shared well at both "
            "operational and strategic levels. Safer Schools Officers cover every "
            "secondary school and ran sessions for pupils and coffee mornings for "
            "parents. In May 2022 the police and the LSCP held a joint learning event "
            "on modern slavery and child exploitation for police and social care "
            "staff, attended by more than 70 delegates."
        ),
        "inspections": [],
    },
    {
        "agency": "Central London Community Healthcare NHS Trust",
        "text": (
            # The audit's findings are told once, in "Scrutiny and challenge" (single-agency audits).
            "The trust's Head of Safeguarding is a member of the partnership. This "
            "year the trust audited whether its staff felt equipped to recognise child "
            "sexual exploitation and child sexual abuse, and shared the audit with the "
            "partnership, with what it is doing in response (see Scrutiny and "
            "challenge)."
        ),
        "inspections": [],
    },
    {
        "agency": "Imperial College Healthcare NHS Trust",
        "text": (
            "The trust's Deputy Director of Nursing and Consultant Nurse for "
            "Safeguarding is a member of the partnership. The trust dip-sampled cases "
            "to test how well staff follow its 'Was Not Brought' policy for children "
            "and 'Did Not Attend' policy for pregnant women, since missed appointments "
            "can signal a family's vulnerability and affect the health of a child or "
            "unborn baby. The policies were generally being followed; what the trust "
            "found and is doing about it is under Scrutiny and challenge."
        ),
        "inspections": [],
    },
    {
        "agency": "Bi-Borough Children's Services",
        "text": (
            "Children's services in the two councils are led by a bi-borough "
            "Executive Director, with Family Services, Early Help, the Independent "
            "Reviewing Officer service and the LADO service working across both "
            "boroughs. Early Help began an integrated pregnancy-to-five pathway, added "
            "targeted health visitors in Westminster, piloted the 'Your Choice' CBT "
            "programme to protect 11 to 17 year olds from extra-familial harm, and "
            "built a trauma-informed training offer for schools and frontline staff. "
            "LADO referrals increased in both boroughs, with schools the "
            "largest source followed by early years settings."
        ),
        "inspections": [
            # The 2022/23 annual report reports what inspectors found (in the statement above) but no
            # recommendations, so none are recorded and the report leaves that column out.
            {
                "inspectorate": "Ofsted",
                "kind": "focused_visit",
                "name": "Children's services in Kensington and Chelsea: children at risk of extra-familial harm",
                "borough": "RBKC",
                # The seed says June 2022 twice and May 2022 once; day not given.
                "date": "2022-06-01",
                "judgement": None,
                "findings": (
                    "Inspectors found that children vulnerable to harm outside their families get excellent "
                    "support from social workers and partner agencies. Professionals understand vulnerability well "
                    "and share their worries: schools notice when a child's attendance or behaviour changes and "
                    "quickly tell early help or the locality social work teams. Leaders have built strong "
                    "relationships with the police, and the information they exchange supports plans centred on "
                    "the child and borough-wide mapping of risks and of ways to disrupt them."
                ),
                "recommendations": "",
            },
            {
                "inspectorate": "Ofsted",
                "kind": "focused_visit",
                "name": "Children's services in Westminster: children at risk of extra-familial harm",
                "borough": "WCC",
                "date": "2022-06-01",
                "judgement": None,
                "findings": (
                    "Inspectors found excellent support and services for children at risk of harm outside their "
                    "families, with protecting children and supporting families at the heart of an approach shared "
                    "by the whole council, its partners and the community. Senior leaders and partners understand "
                    "how the barriers to tackling exploitation connect, and test critically what their joint work "
                    "changes in children's lives. Children are directed quickly to the right service; early help "
                    "assessments identify their needs and risks; workers use direct work tools to understand "
                    "children's relationships, and bring a team around the family with multi-agency plans that "
                    "achieve positive change."
                ),
                "recommendations": "",
            },
            {
                "inspectorate": "Ofsted",
                "kind": "childrens_home",
                "name": "Olive House children's home",
                "borough": None,
                "date": "2022-11-17",
                "judgement": "good",
                "findings": (
                    "A routine inspection of the only children's home in the partnership's area judged it good "
                    "overall. It was the home's last inspection before it became accommodation for care leavers."
                ),
                "recommendations": "",
            },
        ],
    },
]

# The education partners of the 2022/23 report's first principle: the schools and colleges forums, schools' own training,
# and the early years forum with what it considered this year.
AGENCY_STATEMENTS += [
    {
        "agency": "Education RBKC/WCC",
        "text": (
            "Headteachers and designated safeguarding leads (DSLs) of schools and colleges meet every term at "
            "forums run by the local authority's Safeguarding Lead for Schools and Education together with "
            "partners from health, the police and social care. The forums let the partnership hear directly from "
            "education settings, carry its safeguarding messages and good practice back to them, and keep every "
            "kind of setting working with the other partners.\n\n"
            "Schools took part in the partnership's multi-agency training, such as Safer Recruitment and Meet the "
            "LADO, and in the training the Safeguarding Lead runs for schools alone:\n\n"
            "- a child protection and safeguarding refresher;\n"
            "- a briefing on Keeping Children Safe in Education 2022;\n"
            "- Risk Assessment and Decision Making Beyond the Front Door, advanced training for DSLs;\n"
            "- reflective practice sessions, where DSLs explore one safeguarding topic in depth with their peers."
            "\n\nHeadteachers and DSLs also worked with partners to redesign the Section 175 safeguarding audit "
            "of schools for 2023/24."
        ),
        "inspections": [],
    },
    {
        "agency": "Early Years Service RBKC/WCC",
        "text": (
            "Designated safeguarding leads of early years settings in both boroughs meet every term at the Early "
            "Years DSL forum, run by the local authority's Early Years Strategic Lead with the LSCP Business "
            "Manager, to share information and practice. This year the forum worked through the learning from:"
            "\n\n"
            "- the Child Safeguarding Practice Review Panel's annual report for 2021;\n"
            "- the local learning review of a school;\n"
            "- the update to the London Safeguarding Children Procedures;\n"
            "- the changes in Keeping Children Safe in Education 2022;\n"
            "- the national review into the murders of Arthur Labinjo-Hughes and Star Hobson."
        ),
        "inspections": [],
    },
]

# What changed in the policies and procedures the partnership works to (the 2022/23 report's "Policies and Procedures that
# ensure compliance", its early years forum and CLCH's audit). The day each came into force is illustrative where
# the report gives none. (title, kind, agency or None, in force from, what changed, link)
POLICY_CHANGES = [
    (
        "Keeping Children Safe in Education 2022",
        "statutory_guidance",
        None,
        "2022-09-01",
        "A new edition of the statutory guidance every school and college must follow came into force at the "
        "start of the school year; schools were briefed on what changed.",
        "https://www.gov.uk/government/publications/keeping-children-safe-in-education--2",
    ),
    (
        "London Safeguarding Children Procedures",
        "procedures",
        None,
        "2022-06-01",
        "The procedures every London partner follows were updated, and the early years forum went through what "
        "the update means for settings.",
        "https://www.londonsafeguardingchildrenprocedures.co.uk/",
    ),
    (
        "Child sexual abuse policy",
        "partner_policy",
        "Central London Community Healthcare NHS Trust",
        "2023-01-16",
        "A new policy, sent to every member of staff after the trust's audit of how confident staff felt to "
        "recognise exploitation and abuse.",
        "",
    ),
]

# Illustrative challenge log, modelled on the kinds of challenge in the annual
# reports of 2015/16 to 2022/23 (health in strategy discussions, fathers in assessments, hotel
# staff's referrals, information sharing for audits), each consistent with what
# the 2022/23 report says. Only challenges between partners are logged: when the
# partnership asks a partner for assurance (on the Child Q review, on damp and
# mould) that is the national review's record, not a challenge.
CHALLENGES = [
    {
        "raised_by_agency": "Central London Community Healthcare NHS Trust",
        "agency_challenged": "Bi-Borough Children's Services",
        "issue": (
            "Health visitors and school nurses who knew the child were not always invited to strategy discussions."
        ),
        "date": "2022-08-09",
        "stage": "resolved_between_agencies",
        "outcome": (
            "Children's Services agreed to include community health in strategy "
            "discussions whenever the child is known to a health service, and "
            "reminded managers of the London procedures."
        ),
        "impact": (
            "A dip sample three months later found health represented in most "
            "strategy discussions for children known to community health."
        ),
        "publish": True,
    },
    {
        "raised_by_agency": "NHS North West London Integrated Care Board",
        "agency_challenged": "Bi-Borough Children's Services",
        "issue": (
            "Fathers and mothers' new partners were not consistently identified in "
            "assessments or invited to child protection conferences, echoing the "
            "national panel's 'Myth of Invisible Men' findings."
        ),
        "date": "2022-11-22",
        "stage": "escalated_subgroup",
        "outcome": (
            "The Best Practice and Performance Subgroup agreed a practice reminder and "
            "a prompt in assessment templates to record all significant adults in the "
            "household."
        ),
        "impact": (
            "The theme was added to GP forums and multi-agency training; a re-check "
            "of assessments is planned for 2023/24."
        ),
        "publish": True,
    },
    {
        "raised_by_agency": "Bi-Borough Children's Services",
        "agency_challenged": "Home Office",
        "issue": (
            "Staff in contingency hotels housing families were not recognising or "
            "referring safeguarding concerns about children to children's social care."
        ),
        "date": "2022-10-05",
        "stage": "resolved_between_agencies",
        "outcome": (
            "The LSCP developed a safeguarding training programme for hotel staff, "
            "building on the training it gave staff in the Afghan bridging hotels."
        ),
        "impact": "More appropriate referrals from hotel staff to children's social care.",
        "publish": True,
    },
    {
        "raised_by_agency": "Bi-Borough Children's Services",
        "agency_challenged": "Imperial College Healthcare NHS Trust",
        "issue": (
            "A planned multi-agency audit could not go ahead because partners were "
            "unsure of the legal basis for sharing case records for quality assurance."
        ),
        "date": "2023-02-07",
        "stage": "escalated_subgroup",
        "outcome": (
            "The Best Practice and Performance Subgroup agreed to draw up a tier 2 "
            "information sharing agreement for multi-agency audits."
        ),
        "impact": ("Expected to remove delays to the multi-agency audit programme relaunched in 2023/24."),
        "publish": True,
    },
]

# "LSCP response to new and emerging safeguarding issues". The text gives 182
# households for the Afghan programme and the infographic beside it 183; the
# text figure is used.
EMERGING_ISSUES = [
    (
        "Afghan evacuees: after coalition forces withdrew from Afghanistan in August "
        "2021, evacuees were housed in the area and partners worked together to meet "
        "their needs. In Kensington and Chelsea an Afghan Social Care Team gave a "
        "trauma-informed service until February 2023, when the Home Office moved the "
        "families on; 804 evacuees, including 465 children in 182 households, were "
        "placed in three bridging hotels."
    ),
    (
        "What went well for the Afghan Social Care Team: families were helped into "
        "school places and adults into work; close partnership working, including "
        "with midwifery and school admissions, meant good signposting; families were "
        "supported to try activities in London for the first time; and co-locating "
        "children's and adults' services in one multi-disciplinary team worked well."
    ),
    (
        "What the team learned: regular team meetings and clear specialisms matter; "
        "families needed more help with benefits, and hotel staff needed safeguarding "
        "training, which the LSCP later provided; families moving towards "
        "independence need more information about benefits, GPs, housing and bills "
        "and some choice over essential and personal items; and support works best "
        "as one efficient, holistic system."
    ),
    (
        "Home Office contingency hotels: partners continue to support children and "
        "families placed in hotels in each borough through a dedicated response "
        "service, and the partnership has built a safeguarding training programme so "
        "that hotel staff know when and how to refer concerns to children's social "
        "care, drawing on the training given in the bridging hotels."
    ),
    (
        "Ukraine: since the war began in February 2022 both boroughs have received "
        "many people from Ukraine. A Ukraine Response Service supports the national "
        "resettlement scheme: helping residents sign up as sponsors, checking the "
        "accommodation offered, making welfare checks on new arrivals, helping "
        "children into education and signposting to other support."
    ),
    (
        "Voluntary sector support for Ukrainian families: alongside statutory "
        "services, voluntary organisations including the Ukrainian Community Centre "
        "and St Mary's Ukrainian School coordinated help for people displaced by the "
        "conflict."
    ),
]
