"""On the return's form each standard is a group of fields (its rating, evidence and files) named by its number and
title, so that a screen reader announces which standard a "Fully met" or an "Evidence" box belongs to. A legend
names its fieldset only as the fieldset's first child: one inside a card's body names nothing."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from audits.services.section11 import start_return

from .factories import make_cycle

pytestmark = pytest.mark.django_db


class StandardGroups(HTMLParser):
    """The text of the first child of each fieldset whose id is standard-N, when that child is a legend."""

    def __init__(self, html):
        super().__init__()
        self.names, self._opened, self._legend = {}, None, None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._opened is not None:
            if tag == "legend":
                self._legend = self._opened
                self.names[self._legend] = ""
            self._opened = None
        if tag == "fieldset" and (attrs.get("id") or "").startswith("standard-"):
            self._opened = attrs["id"]

    def handle_endtag(self, tag):
        if tag == "legend":
            self._legend = None

    def handle_data(self, data):
        if self._legend is not None:
            self.names[self._legend] += data


def test_each_standard_is_a_fieldset_named_by_its_legend(client, partner):
    cycle = make_cycle(partner.person.agency, standards=2)
    agency_return = start_return(cycle=cycle, agency=partner.person.agency, by=partner)
    client.force_login(partner)

    page = client.get(reverse("audits:return", args=[agency_return.pk])).content.decode()

    standards = cycle.standard_set.standards.order_by("number")
    assert StandardGroups(page).names == {
        f"standard-{standard.number}": f"Standard {standard.number}: {standard.title}" for standard in standards
    }
