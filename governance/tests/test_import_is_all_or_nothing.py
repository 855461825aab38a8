"""If any row of a file fails, nothing is imported, and the page names each failing row (numbered as the
spreadsheet numbers it: the heading row is row 1) and the reason."""

from datetime import date

import pytest

from governance.models import Action, Contribution, ExpenditureLine, ReservesBroughtForward
from governance.tests.test_import_support import (
    XLSX,
    confirm,
    csv_file,
    make_registry,
    messages_of,
    problems,
    upload,
    xlsx_file,
)
from partnership.models import Agency, Membership, Person
from partnership.tests.factories import MembershipFactory, PersonFactory

PEOPLE = ["Name", "Job title", "Agency", "Work e-mail"]
ADA = ["Ada Lovelace", "Designated nurse", "Central London Community Healthcare", "ada@nhs.example.org"]
BOB = ["Bob Smith", "", "Metropolitan Police", "bob@met.example.org"]
MEMBERSHIPS = ["Person (work e-mail)", "Body", "Role", "From", "To"]
CONTRIBUTIONS = ["Year", "Borough code", "Agency", "Label", "Amount"]
GOOD_INCOME = ["2022/23", "RBKC", "Metropolitan Police", "", "5000.00"]
ACTIONS = ["Title", "Owner agency", "Owner person (work e-mail)", "Due date", "Status", "Completed on"]

# (records, the file's rows, the problem the page must show)
FAILING_FILES = {
    "unknown agency": (
        Person,
        [PEOPLE, ADA, ["Cat Jones", "", "Metropolitan Polise", "cat@met.example.org"], BOB],
        "Row 3, Agency: There is no agency called “Metropolitan Polise”",
    ),
    "bad e-mail": (
        Person,
        [PEOPLE, ADA, BOB, ["Cat Jones", "", "Metropolitan Police", "cat.jones@met"]],
        "Row 4, Work e-mail: Enter a valid email address.",
    ),
    "e-mail twice in the file": (
        Person,
        [PEOPLE, ADA, BOB, ["Ada King", "", "Metropolitan Police", "ADA@nhs.example.org"]],
        "Row 4, Work e-mail: ADA@nhs.example.org is also on row 2 of this file",
    ),
    "e-mail already someone's, in other capitals": (
        Person,
        [PEOPLE, ADA, ["Dana Again", "", "Metropolitan Police", "Dana.Officer@MET.example.org"], BOB],
        "Row 3, Work e-mail: Dana.Officer@MET.example.org already belongs to Dana Officer",
    ),
    "empty required cell": (
        Person,
        [PEOPLE, ADA, ["", "", "Metropolitan Police", "nameless@met.example.org"]],
        "Row 3, Name: This cell is empty",
    ),
    "membership overlapping one already recorded": (
        Membership,
        [
            MEMBERSHIPS,
            ["sam.nurse@nhs.example.org", "Case Review Subgroup", "Member", "2023-04-01", ""],
            ["dana.officer@met.example.org", "Case Review Subgroup", "Member", "01/01/2023", "31/12/2023"],
        ],
        "Row 3: Dana Officer is already a member of Case Review Subgroup from 1 April 2020 to 31 March 2023",
    ),
    "two overlapping memberships in the file": (
        Membership,
        [
            MEMBERSHIPS,
            ["sam.nurse@nhs.example.org", "Case Review Subgroup", "Member", "2023-04-01", ""],
            ["sam.nurse@nhs.example.org", "Case Review Subgroup", "Adviser", "2024-01-01", ""],
        ],
        "Row 3: Sam Nurse is already a member of Case Review Subgroup from 1 April 2023 (continuing)",
    ),
    "membership ending before it starts": (
        Membership,
        [MEMBERSHIPS, ["sam.nurse@nhs.example.org", "Case Review Subgroup", "Member", "2023-04-01", "2023-03-01"]],
        "Row 2, To: The membership cannot end before it starts.",
    ),
    "impossible date": (
        Membership,
        [MEMBERSHIPS, ["sam.nurse@nhs.example.org", "Case Review Subgroup", "Member", "31/02/2023", ""]],
        "Row 2, From: “31/02/2023” is not a date: write dates as 2023-03-31 or 31/03/2023.",
    ),
    "unknown body": (
        Membership,
        [MEMBERSHIPS, ["sam.nurse@nhs.example.org", "Case Review Sub-group", "Member", "2023-04-01", ""]],
        "Row 2, Body: There is no body called “Case Review Sub-group”",
    ),
    "unknown role": (
        Membership,
        [MEMBERSHIPS, ["sam.nurse@nhs.example.org", "Case Review Subgroup", "Boss", "2023-04-01", ""]],
        "Row 2, Role: “Boss” is not a role: use one of “Independent chair and scrutineer”",
    ),
    "negative contribution": (
        Contribution,
        [CONTRIBUTIONS, GOOD_INCOME, ["2022/23", "RBKC", "", "LSCP training", "-10.00"]],
        "Row 3, Amount: Enter the amount as a positive sum in pounds and pence.",
    ),
    "misprinted amount": (
        Contribution,
        [CONTRIBUTIONS, GOOD_INCOME, ["2022/23", "WCC", "Metropolitan Police", "", "£1611,21"]],
        "Row 3, Amount: “£1611,21” is not an amount in pounds and pence: write it as a plain number such as "
        "1611.21, with no £ sign, no commas and at most two decimal places.",
    ),
    "amount with fractions of a penny": (
        Contribution,
        [CONTRIBUTIONS, ["2022/23", "WCC", "Metropolitan Police", "", "1611.215"]],
        "Row 2, Amount: “1611.215” is not an amount in pounds and pence",
    ),
    "year that is not a financial year": (
        Contribution,
        [CONTRIBUTIONS, GOOD_INCOME, ["2022/24", "WCC", "Metropolitan Police", "", "10"]],
        "Row 3, Year: “2022/24” is not a financial year. Enter a financial year like 2022/23",
    ),
    "the same income line twice": (
        Contribution,
        [CONTRIBUTIONS, GOOD_INCOME, ["2022/23", "RBKC", "metropolitan police", "", "10"]],
        "Row 3: This income line is already recorded for the borough and year: change that one instead.",
    ),
    "unknown borough": (
        ExpenditureLine,
        [["Year", "Borough code", "Category", "Amount"], ["2022/23", "LBHF", "Staffing", "100"]],
        "Row 2, Borough code: There is no borough with the code LBHF: the codes are RBKC or WCC.",
    ),
    "other spending without a note": (
        ExpenditureLine,
        [["Year", "Borough code", "Category", "Note", "Amount"], ["2022/23", "WCC", "Other", "", "100"]],
        "Row 2, Note: Say what this other spending was",
    ),
    "reserves twice for one borough and year": (
        ReservesBroughtForward,
        [["Year", "Borough code", "Amount"], ["2022/23", "WCC", "100"], ["2022/23", "wcc", "200"]],
        "Row 3: Reserves brought forward with this Year and Borough already exists.",
    ),
    "owner person from another agency": (
        Action,
        [
            ACTIONS,
            ["Audit referrals", "Central London Community Healthcare", "dana.officer@met.example.org", "", "", ""],
        ],
        "Row 2, Owner person (work e-mail): Dana Officer works for Metropolitan Police, not Central London",
    ),
    "complete action without its date": (
        Action,
        [ACTIONS, ["Audit referrals", "Metropolitan Police", "", "2030-01-01", "Complete", ""]],
        "Row 2, Completed on: Give the date the action was completed.",
    ),
    "an ID that matches nothing": (
        Agency,
        [["ID", "Name", "Sector"], ["", "Kids Company", "Voluntary"], ["999999", "Ghost Agency", "Other"]],
        "Row 3, ID: There is no agency with ID 999999 to update: leave the ID empty to add a new one.",
    ),
    "unknown borough among an agency's": (
        Agency,
        [["Name", "Sector", "Borough codes"], ["Kids Company", "Voluntary", "RBKC, XYZ"]],
        "Row 2, Borough codes: There is no borough with the code XYZ",
    ),
    "yes-or-no cell with something else": (
        Agency,
        [["Name", "Sector", "Statutory partner"], ["Kids Company", "Voluntary", "perhaps"]],
        "Row 2, Statutory partner: “perhaps” is neither yes nor no.",
    ),
    "agency already there, in other capitals": (
        Agency,
        [
            ["Name", "Sector", "Statutory partner"],
            ["Kids Company", "Voluntary", "no"],
            ["METROPOLITAN POLICE", "Police", "yes"],
        ],
        "Row 3, Name: There is already an agency called “Metropolitan Police”",
    ),
}


@pytest.mark.parametrize("case", FAILING_FILES)
def test_a_file_with_one_bad_row_imports_nothing_and_names_the_row_and_the_reason(manager, as_user, case):
    model, rows, expected = FAILING_FILES[case]
    registry = make_registry()
    MembershipFactory(person=registry["officer"], body=registry["body"], start=date(2020, 4, 1), end=date(2023, 3, 31))
    before = model.objects.count()

    response = upload(as_user(manager), model, csv_file(rows))

    assert response.status_code == 200
    assert response.context.get("confirm_form") is None
    assert [problem for problem in problems(response) if problem.startswith(expected)], problems(response)
    assert expected.split(":")[0] in response.content.decode()  # "Row 3, Agency" is on the page
    assert "Nothing was imported" in response.content.decode()
    assert model.objects.count() == before


def test_every_failing_row_is_listed_not_only_the_first(manager, as_user):
    make_registry()
    rows = [
        PEOPLE,
        ["Cat Jones", "", "Nowhere Agency", "cat@example.org"],
        ADA,
        ["Dee Smith", "", "Metropolitan Police", "not-an-address"],
        [],  # an empty line keeps the numbers of the rows after it
        ["", "", "", "eve@example.org"],
    ]

    response = upload(as_user(manager), Person, csv_file(rows))

    assert problems(response) == [
        "Row 2, Agency: There is no agency called “Nowhere Agency”: check the spelling against Agencies, "
        "or add the agency first.",
        "Row 4, Work e-mail: Enter a valid email address.",
        "Row 6, Name: This cell is empty, and the column must be filled in.",
        "Row 6, Agency: This cell is empty, and the column must be filled in.",
    ]
    assert Person.objects.count() == 2


def test_an_excel_workbook_with_a_bad_row_imports_nothing_either(manager, as_user):
    make_registry()
    rows = [CONTRIBUTIONS, ["2022/23", "RBKC", "Metropolitan Police", None, 5000], ["2022/23", "RBKC", None, None, 12]]

    response = upload(as_user(manager), Contribution, xlsx_file(rows), XLSX)

    assert problems(response) == [
        "Row 3, Label: Choose the contributing agency, or describe the income (for example: LSCP training)."
    ]
    assert Contribution.objects.count() == 0


def test_if_the_records_change_between_the_preview_and_the_confirmation_nothing_is_imported(manager, as_user):
    registry = make_registry()
    client = as_user(manager)
    preview = upload(client, Person, csv_file([PEOPLE, ADA, BOB]))
    assert preview.context["confirm_form"] is not None
    PersonFactory(name="Bob Smith", agency=registry["police"], email="Bob@met.example.org")  # meanwhile, in the admin
    before = Person.objects.count()

    response = confirm(client, Person, preview)

    assert Person.objects.count() == before
    assert not Person.objects.filter(email="ada@nhs.example.org").exists()
    [message] = messages_of(response)
    assert message.startswith("Nothing was imported: row 3, Work e-mail: bob@met.example.org already belongs to Bob")
    assert response.redirect_chain[-1][0].endswith("/import/")
