"""The demo's data set: literals only (audits/demo/dataset.py loads them).

The 2022/23 figures are the 2022/23 report's table "Our Children and Young People data - 31 March 2023" (RBKC, WCC and
the London average as printed there). The 2022/23 annual report gives no 2021/22 figures (its "trend since March 2022"
column lost its arrows in print), so **every 2021/22 value below is illustrative**, chosen so that the trends show and
three values of the January–March 2023 quarter are exceptions (child protection plans in both boroughs, unaccompanied
children in Kensington and Chelsea).

Each observation: (indicator, period kind, first day of the period, {borough code: (2022/23, 2021/22)},
(London 2022/23, London 2021/22)); the 2021/22 value is for the same period a year earlier.
"""

# (name, unit, source, higher is better, tolerance %, London comparator, definition)
INDICATORS = [
    ("Children aged 0 to 18", "count", "Age 0 to 18 census", None, None, True, "Resident children aged 0 to 18."),
    (
        "Children aged 0 to 25 with SEN (EHCP)",
        "count",
        "Age 0 to 25 EHCP",
        None,
        "10",
        True,
        "Children and young people aged 0 to 25 with an education, health and care plan.",
    ),
    (
        "Children living in relative low income families",
        "percentage",
        "Under 16s living in relatively low income families",
        False,
        "10",
        True,
        "Children under 16 living in families with relatively low income, as a share of all children under 16.",
    ),
    (
        "Pupils eligible for free school meals",
        "percentage",
        "FSM eligible schools data",
        None,
        "10",
        True,
        "Pupils of the boroughs' schools eligible for free school meals.",
    ),
    (
        "Pupils with an education, health and care plan (EHCP)",
        "percentage",
        "EHCP schools data",
        None,
        "10",
        True,
        "Pupils with an EHCP, as a share of all pupils.",
    ),
    (
        # The 2022/23 annual report prints the number beside the percentage ("5.9% (797)"); its London figure (60,404)
        # is London's total, not an average, so it is left out here.
        "Pupils with an EHCP (number)",
        "count",
        "EHCP schools data",
        None,
        "10",
        False,
        "Pupils with an EHCP.",
    ),
    (
        "Referrals to Children's Social Care",
        "count",
        "Children and Young People data",
        None,
        "15",
        False,
        "Referrals received by Children's Social Care.",
    ),
    ("Children in need", "count", "CIN March 2023 DfE", None, "10", True, "Children in need cases on the day."),
    ("Child protection plans", "count", "CPP March 2023 DfE", None, "15", True, "Children on a child protection plan."),
    ("Looked after children", "count", "CLA March 2023 DfE", None, "10", True, "Children looked after on the day."),
    (
        "Looked after children who are unaccompanied asylum-seeking children (UASC)",
        "count",
        "CLA March 2023 DfE",
        None,
        "20",
        True,
        "Of the children looked after, those who are unaccompanied asylum-seeking children.",
    ),
    (
        "Early Help referrals",
        "count",
        "Monthly performance report",
        None,
        "10",
        False,
        "Referrals to Early Help during the year.",
    ),
]

OBSERVATIONS = [
    ("Children aged 0 to 18", "year", "2022-04-01", {"RBKC": (24310, 24890), "WCC": (32997, 33410)}, (60412, 60890)),
    (
        "Children aged 0 to 25 with SEN (EHCP)",
        "year",
        "2022-04-01",
        {"RBKC": (759, 712), "WCC": (1368, 1251)},
        (2594, 2431),
    ),
    (
        "Children living in relative low income families",
        "year",
        "2022-04-01",
        {"RBKC": ("9.9", "10.4"), "WCC": ("14.2", "13.1")},
        ("16.4", "16.8"),
    ),
    (
        "Pupils eligible for free school meals",
        "year",
        "2022-04-01",
        {"RBKC": ("33", "31.2"), "WCC": ("37.6", "35.9")},
        ("25.8", "24.9"),
    ),
    (
        "Pupils with an education, health and care plan (EHCP)",
        "year",
        "2022-04-01",
        {"RBKC": ("5.9", "5.4"), "WCC": ("4.5", "4.2")},
        ("4.6", "4.3"),
    ),
    ("Pupils with an EHCP (number)", "year", "2022-04-01", {"RBKC": (797, 731), "WCC": (964, 902)}, (None, None)),
    # The 2022/23 annual report: "Referrals to Children's Social Care (month of March 2023)"; London N/A.
    (
        "Referrals to Children's Social Care",
        "month",
        "2023-03-01",
        {"RBKC": (1855, 1712), "WCC": (1803, 1690)},
        (None, None),
    ),
    ("Children in need", "date", "2023-03-31", {"RBKC": (726, 748), "WCC": (1309, 1287)}, (2120, 2094)),
    ("Child protection plans", "date", "2023-03-31", {"RBKC": (42, 51), "WCC": (85, 70)}, (230, 226)),
    ("Looked after children", "date", "2023-03-31", {"RBKC": (105, 101), "WCC": (182, 176)}, (294, 288)),
    (
        "Looked after children who are unaccompanied asylum-seeking children (UASC)",
        "date",
        "2023-03-31",
        {"RBKC": (34, 27), "WCC": (49, 44)},
        (42, 38),
    ),
    ("Early Help referrals", "year", "2022-04-01", {"RBKC": (596, 640), "WCC": (381, 402)}, (None, None)),
]

# Indicators counted by category, stored as counts (names as audits/selectors/dataset.py reads them): (name,
# source, definition, categories in table order, {borough code: a count per category, in that order}), for the
# year 2022/23.
LADO_OUTCOMES = [
    "Unfounded",
    "Unsubstantiated",
    "Substantiated",
    "Advice only",
    "No further action after initial consideration",
    "Open for investigation",
]
COUNTED_BY_CATEGORY = [
    (
        "LADO allegations by outcome",
        "LADO",
        "Allegations against people who work with children referred to the LADO service, by outcome.",
        LADO_OUTCOMES,
        {
            # The 2022/23 annual report's RBKC column reads 6%, 52%, 23%, –, 10%, – and adds up to 91%. These 69
            # allegations give its printed percentages exactly; the missing 9% is put to "advice only" (6), which the
            # report shows as a dash, so that the column adds up.
            "RBKC": [4, 36, 16, 6, 7, 0],
            # The 2022/23 annual report's WCC column (6%, 30%, 28%, 32%, –, 4%) adds up to 100%: 50 allegations give it
            # exactly.
            "WCC": [3, 15, 14, 16, 0, 2],
        },
    ),
    (
        # The 2022/23 annual report says only that schools and education settings referred most, then early years, with
        # health after: these counts are illustrative, with the same totals as the outcomes.
        "LADO allegations by referral source",
        "LADO",
        "Allegations referred to the LADO service, by who referred them.",
        ["Schools and colleges", "Early years", "Health", "Police", "Children's social care", "Other"],
        {"RBKC": [30, 14, 9, 6, 5, 5], "WCC": [21, 11, 7, 4, 4, 3]},
    ),
    # The 2022/23 annual report reports the Child Death Overview Panel's work but no figures: these are illustrative, on
    # the scale of the reports that do (19 deaths reviewed, 9 of them unexpected, the 2016/17 LSCB report). The
    # categories are the national child death review categories.
    (
        "Child deaths reviewed by category",
        "CDOP",
        "Deaths of children resident in the borough reviewed by the Child Death Overview Panel, by category.",
        [
            "Deliberately inflicted injury, abuse or neglect",
            "Suicide or deliberate self-inflicted harm",
            "Trauma and other external factors",
            "Malignancy",
            "Acute medical or surgical condition",
            "Chronic medical condition",
            "Chromosomal, genetic and congenital anomalies",
            "Perinatal or neonatal event",
            "Infection",
            "Sudden unexpected, unexplained death",
        ],
        {"RBKC": [0, 0, 0, 1, 1, 0, 2, 3, 0, 1], "WCC": [0, 1, 1, 0, 0, 1, 3, 4, 1, 0]},
    ),
    (
        "Child deaths reviewed, expected or unexpected",
        "CDOP",
        "Deaths reviewed by the Child Death Overview Panel, by whether the death was expected.",
        ["Expected", "Unexpected"],
        {"RBKC": [4, 4], "WCC": [6, 5]},
    ),
    (
        "Child deaths reviewed, with or without modifiable factors",
        "CDOP",
        "Deaths reviewed by the Child Death Overview Panel, by whether the panel identified modifiable factors.",
        ["Modifiable factors identified", "No modifiable factors identified"],
        {"RBKC": [2, 6], "WCC": [3, 8]},
    ),
]
CATEGORY_PERIOD = ("year", "2022-04-01")


# The 2022/23 annual report's "Borough Profiles": the Health and Wellbeing Joint Strategic Needs Assessments of spring
# 2023 for both boroughs, as published (the poverty shares are printed as "1 in 5" and "1 in 4"). Shown in the report's
# "Borough profiles" table, for the year 2022/23; no earlier figures, so no trend. (name, unit, source, definition)
PROFILE_SOURCE = "Joint Strategic Needs Assessment 2023"
PROFILE_INDICATORS = [
    ("Total population", "count", PROFILE_SOURCE, "Residents of all ages."),
    ("Children aged 0 to 15", "count", PROFILE_SOURCE, "Residents aged 0 to 15."),
    (
        "Children aged 0 to 15 from ethnically diverse backgrounds",
        "percentage",
        PROFILE_SOURCE,
        "Residents aged 0 to 15 from ethnically diverse (global majority) backgrounds, as a share of all of them.",
    ),
    ("Working age residents (16 to 64)", "count", PROFILE_SOURCE, "Residents aged 16 to 64."),
    ("Older people (65 and over)", "count", PROFILE_SOURCE, "Residents aged 65 and over."),
    (
        "Children living in poverty",
        "percentage",
        PROFILE_SOURCE,
        "The share of children living in poverty, as the assessment publishes it (1 in 5; 1 in 4).",
    ),
    ("Unemployment rate", "percentage", PROFILE_SOURCE, "Residents of working age who are unemployed."),
]
PROFILE_PERIOD = ("year", "2022-04-01")
PROFILE_VALUES = {
    "Total population": {"RBKC": 143900, "WCC": 205100},
    "Children aged 0 to 15": {"RBKC": 20200, "WCC": 26700},
    "Children aged 0 to 15 from ethnically diverse backgrounds": {"RBKC": 44, "WCC": 60},
    "Working age residents (16 to 64)": {"RBKC": 102900, "WCC": 153400},
    "Older people (65 and over)": {"RBKC": 20800, "WCC": 25000},
    "Children living in poverty": {"RBKC": 20, "WCC": 25},
    "Unemployment rate": {"RBKC": "5.3", "WCC": 5},
}

# What each indicator is a share of (Indicator.denominator), by name: the report shows each borough's share of it
# and the partnership's, or, for a percentage, weighs each borough's figure by it in the partnership's. The
# indicators stored as counts add up across boroughs (Indicator.adds_up); percentages do not.
DENOMINATORS = {
    "Children aged 0 to 15": "Total population",
    "Working age residents (16 to 64)": "Total population",
    "Older people (65 and over)": "Total population",
    "Children aged 0 to 15 from ethnically diverse backgrounds": "Children aged 0 to 15",
    "Children living in poverty": "Children aged 0 to 15",
    "Children living in relative low income families": "Children aged 0 to 15",
    "Looked after children who are unaccompanied asylum-seeking children (UASC)": "Looked after children",
}
ADDING_UP_UNITS = ("count", "money")

# The independent reviewing officers' figures for the "Children in care" chapter (not in "Our children and young
# people data": report_table "none"). The 2022/23 report gives one figure, 99% of looked after children's reviews
# held within the statutory timescales across both boroughs, and says timeliness improved: the counts per borough
# below are illustrative, chosen so that each borough and the two together give 99% in 2022/23, and 97% a year earlier.
# (name, unit, source, higher is better, definition)
IRO_INDICATORS = [
    (
        "Looked after children's reviews held",
        "count",
        "IRO service",
        None,
        "Reviews of looked after children chaired by an independent reviewing officer during the year.",
    ),
    (
        "Looked after children's reviews held within timescales",
        "count",
        "IRO service",
        True,
        "Of those reviews, the ones held within the statutory timescales.",
    ),
]
IRO_PERIOD = ("year", "2022-04-01")
# {indicator: {borough code: (2022/23, 2021/22)}}
IRO_OBSERVATIONS = {
    "Looked after children's reviews held": {"RBKC": (310, 298), "WCC": (520, 505)},
    "Looked after children's reviews held within timescales": {"RBKC": (307, 289), "WCC": (515, 490)},
}
