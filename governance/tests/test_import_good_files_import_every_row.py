"""A good file imports every row, through the admin's upload, preview and confirm, as CSV or Excel."""

from datetime import date, datetime
from decimal import Decimal

from django.contrib.admin.models import LogEntry

from governance.models import Action, Contribution, ExpenditureLine, ReservesBroughtForward
from governance.tests.test_import_support import (
    XLSX,
    csv_file,
    import_file,
    make_registry,
    messages_of,
    upload,
    xlsx_file,
)
from lscp.financial_year import FinancialYear
from partnership.models import Agency, Membership, Person


def test_agencies_import_with_their_boroughs_and_flags(manager, as_user):
    make_registry()
    response = import_file(
        as_user(manager),
        Agency,
        csv_file(
            [
                ["Name", "Sector", "Statutory partner", "Borough codes", "Active"],
                ["North West London ICB", "Health commissioner (ICB/CCG)", "yes", "RBKC, wcc", ""],
                ["Kids Company", "voluntary", "no", "", "no"],
                ["Probation Service", "Probation", "", "WCC", "yes"],
            ]
        ),
    )

    assert "Import finished: 3 new, 0 updated, 0 deleted and 0 skipped agencies." in messages_of(response)
    icb = Agency.objects.get(name="North West London ICB")
    assert (icb.sector, icb.statutory_partner, icb.active) == ("health_commissioner", True, True)
    assert {b.code for b in icb.boroughs.all()} == {"RBKC", "WCC"}
    kids = Agency.objects.get(name="Kids Company")
    assert (kids.sector, kids.statutory_partner, kids.active, kids.boroughs.count()) == ("voluntary", False, False, 0)


def test_people_import_by_agency_name_and_keep_who_imported_them(manager, as_user):
    registry = make_registry()
    response = import_file(
        as_user(manager),
        Person,
        csv_file(
            [
                ["Name", "Job title", "Agency", "Work e-mail", "Work phone"],
                ["Ada Lovelace", "Designated nurse", "central london community healthcare", "ada@nhs.example.org", ""],
                ["Bob Smith", "", "Metropolitan Police", " bob.smith@met.example.org ", "'+44 20 7946 0000"],
            ]
        ),
    )

    assert "Import finished: 2 new, 0 updated, 0 deleted and 0 skipped people." in messages_of(response)
    ada = Person.objects.get(email="ada@nhs.example.org")
    assert (ada.name, ada.agency, ada.job_title) == ("Ada Lovelace", registry["health"], "Designated nurse")
    bob = Person.objects.get(name="Bob Smith")
    assert (bob.email, bob.phone) == ("bob.smith@met.example.org", "+44 20 7946 0000")
    assert ada.history.get().history_user == manager
    assert LogEntry.objects.filter(user=manager, object_id=str(ada.pk)).exists()


def test_memberships_import_with_either_date_style_and_default_to_the_persons_agency(manager, as_user):
    registry = make_registry()
    response = import_file(
        as_user(manager),
        Membership,
        csv_file(
            [
                ["Person (work e-mail)", "Body", "Role", "Representing", "From", "To"],
                ["DANA.OFFICER@met.example.org", "case review subgroup", "Co-chair", "", "01/04/2022", ""],
                [
                    "sam.nurse@nhs.example.org",
                    "Case Review Subgroup",
                    "",
                    "Children's Services",
                    "2021-09-01",
                    "31/3/2022",
                ],
            ]
        ),
    )

    assert "Import finished: 2 new, 0 updated, 0 deleted and 0 skipped memberships." in messages_of(response)
    dana = Membership.objects.get(person=registry["officer"])
    assert (dana.role, dana.agency, dana.start, dana.end) == ("co_chair", registry["police"], date(2022, 4, 1), None)
    sam = Membership.objects.get(person=registry["nurse"])
    assert (sam.role, sam.agency, sam.start, sam.end) == (
        "member",
        registry["council"],
        date(2021, 9, 1),
        date(2022, 3, 31),
    )


def test_finance_lines_import_in_pounds_and_pence(manager, as_user):
    registry = make_registry()
    client = as_user(manager)
    import_file(
        client,
        Contribution,
        csv_file(
            [
                ["Year", "Borough code", "Agency", "Label", "Amount", "Order"],
                ["2022/23", "RBKC", "Metropolitan Police", "", "5000", "1"],
                ["2022/23", "RBKC", "", "LSCP training", "1611.21", ""],
            ]
        ),
    )
    import_file(
        client,
        ExpenditureLine,
        csv_file(
            [
                ["Year", "Borough code", "Category", "Note", "Amount"],
                ["2022/23", "WCC", "Independent chair", "", "18000.50"],
                ["2022-23", "WCC", "other", "TASP membership fee", "250"],
            ]
        ),
    )
    import_file(
        client,
        ReservesBroughtForward,
        csv_file([["Year", "Borough code", "Amount"], ["2022/23", "RBKC", "-2500.75"], ["2023/24", "rbkc", "0"]]),
    )

    police = Contribution.objects.get(agency=registry["police"])
    assert (police.year, police.borough, police.amount, police.order) == (
        FinancialYear(2022),
        registry["rbkc"],
        Decimal("5000.00"),
        1,
    )
    assert Contribution.objects.get(label="LSCP training").amount == Decimal("1611.21")
    assert sorted(ExpenditureLine.objects.values_list("category", "amount")) == [
        ("independent_chair", Decimal("18000.50")),
        ("other", Decimal("250.00")),
    ]
    assert ReservesBroughtForward.objects.get(year=FinancialYear(2022)).amount == Decimal("-2500.75")
    assert ReservesBroughtForward.objects.count() == 2


def test_actions_import_with_their_source_owner_and_progress(manager, as_user):
    registry = make_registry()
    activity = registry["activity"]
    response = import_file(
        as_user(manager),
        Action,
        csv_file(
            [
                [
                    "Title",
                    "Description",
                    "Comes from (kind)",
                    "Comes from (number)",
                    "Owner agency",
                    "Owner person (work e-mail)",
                    "Lead body",
                    "Due date",
                    "Status",
                    "RAG rating",
                    "Completed on",
                ],
                [
                    "Refresh the toolkit",
                    "Two lines,\nof text",
                    "priority activity",
                    activity.pk,
                    "Metropolitan Police",
                    "dana.officer@met.example.org",
                    "Case Review Subgroup",
                    "2023-03-31",
                    "Complete",
                    "Green",
                    "15/03/2023",
                ],
                [
                    "Audit referrals",
                    "",
                    "",
                    "",
                    "Central London Community Healthcare",
                    "",
                    "",
                    "30/06/2030",
                    "",
                    "",
                    "",
                ],
                [
                    "Train GPs",
                    "",
                    "",
                    "",
                    "Children's Services",
                    "",
                    "",
                    "2030-01-31",
                    "at risk",
                    "Amber: some progress",
                    "",
                ],
            ]
        ),
    )

    assert "Import finished: 3 new, 0 updated, 0 deleted and 0 skipped actions." in messages_of(response)
    toolkit = Action.objects.get(title="Refresh the toolkit")
    assert toolkit.source == activity
    assert (toolkit.owner_person, toolkit.lead_body, toolkit.status, toolkit.rag) == (
        registry["officer"],
        registry["body"],
        "complete",
        "green",
    )
    assert (toolkit.due_date, toolkit.completed_on, toolkit.description) == (
        date(2023, 3, 31),
        date(2023, 3, 15),
        "Two lines,\nof text",
    )
    audit = Action.objects.get(title="Audit referrals")
    assert (audit.source_type, audit.status, audit.rag, audit.owner_person) == (None, "not_started", "", None)
    assert Action.objects.get(title="Train GPs").rag == "amber"


def test_an_excel_workbook_imports_with_its_number_and_date_cells(manager, as_user):
    make_registry()
    client = as_user(manager)
    import_file(
        client,
        Contribution,
        xlsx_file(
            [
                ["Year", "Borough code", "Agency", "Label", "Amount", "Order"],
                ["2022/23", "RBKC", "Metropolitan Police", None, 17530.45, 1],
                ["2022/23", "WCC", None, "LSCP training", 1611.21, None],
                [None, None, None, None, None, None],  # an empty formatted line at the end
            ]
        ),
        XLSX,
    )
    response = import_file(
        client,
        Membership,
        xlsx_file(
            [
                ["Person (work e-mail)", "Body", "Role", "Representing", "From", "To"],
                ["sam.nurse@nhs.example.org", "Case Review Subgroup", "Member", None, datetime(2022, 4, 1), None],
            ]
        ),
        XLSX,
    )

    assert "Import finished: 1 new, 0 updated, 0 deleted and 0 skipped memberships." in messages_of(response)
    assert sorted(Contribution.objects.values_list("amount", flat=True)) == [Decimal("1611.21"), Decimal("17530.45")]
    assert Membership.objects.get().start == date(2022, 4, 1)


def test_a_row_with_an_id_updates_that_record(manager, as_user):
    registry = make_registry()
    police = registry["police"]
    response = import_file(
        as_user(manager),
        Agency,
        csv_file(
            [
                ["ID", "Name", "Sector", "Statutory partner", "Borough codes", "Active"],
                [police.pk, "Metropolitan Police Service", "Police", "yes", "RBKC", "yes"],
                ["", "Youth Offending Service", "Other", "no", "", "yes"],
            ]
        ),
    )

    assert "Import finished: 1 new, 1 updated, 0 deleted and 0 skipped agencies." in messages_of(response)
    police.refresh_from_db()
    assert police.name == "Metropolitan Police Service"
    assert [b.code for b in police.boroughs.all()] == ["RBKC"]


def test_headings_are_matched_whatever_their_capitals_and_punctuation_and_columns_may_be_left_out(manager, as_user):
    make_registry()
    response = import_file(
        as_user(manager),
        Person,
        csv_file([["agency", "work email", "NAME"], ["Metropolitan Police", "pc.jones@met.example.org", "PC Jones"]]),
    )

    assert "Import finished: 1 new, 0 updated, 0 deleted and 0 skipped people." in messages_of(response)
    assert Person.objects.get(name="PC Jones").job_title == ""


def test_the_preview_saves_nothing_until_the_import_is_confirmed(manager, as_user):
    make_registry()
    before = Agency.objects.count()
    preview = upload(as_user(manager), Agency, csv_file([["Name", "Sector"], ["Kids Company", "Voluntary"]]))

    assert preview.context["confirm_form"] is not None
    assert "Kids Company" in preview.content.decode()
    assert Agency.objects.count() == before
