"""The business manager keeps the partnership's records in the admin: from the home page to a new membership
chosen with the admin's search boxes, and the list and the record's history after it."""

import re
from datetime import date

import pytest

from partnership.models import Membership

pytestmark = pytest.mark.django_db(transaction=True)


def _pick(visitor, label, typed, option):
    """The admin's search box for a related record: opened, searched and chosen as a person does."""
    row = visitor.page.locator(".form-row", has=visitor.page.get_by_text(label, exact=True))
    row.locator(".select2-selection").click()
    visitor.page.locator(".select2-search__field").fill(typed)
    visitor.page.get_by_role("option", name=option).click()


def test_the_business_manager_adds_a_membership_in_the_admin(site, visitor, password):
    visitor.open_home()
    visitor.sign_in("manager", password)
    visitor.follow("Admin", exact=True)
    visitor.follow("Memberships", exact=True)
    before = Membership.objects.count()
    visitor.follow(re.compile(r"^Add membership"))

    _pick(visitor, "Person:", "Nadia", "Nadia Chaudhry")
    _pick(visitor, "Body:", "Executive", "LSCP Executive")
    visitor.choose("Role:", "Observer")
    _pick(visitor, "Representing:", "Probation", "National Probation Service")
    visitor.fill("From:", date.today().strftime("%d/%m/%Y"))
    visitor.press("Save", exact=True)

    assert "was added successfully" in visitor.page.locator(".messagelist").inner_text()
    assert Membership.objects.count() == before + 1
    added = Membership.objects.latest("pk")
    assert (added.person.name, added.body.name, added.role) == ("Nadia Chaudhry", "LSCP Executive", "observer")
    visitor.follow(str(added))
    visitor.follow("History")
    assert "Created" in visitor.page.locator("#change-history").inner_text()
