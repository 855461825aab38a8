"""The demo has a Section 11 cycle open now (dated from the day the demo loads) with the demo partner's agency, the
National Probation Service, in scope: their home page says their return is due and not started, and leads to where
they start it; once started it says "draft" and leads to the return. The closed 2023–24 cycle is as it was."""

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from audits.models import Cycle, Return
from lscp.dates import long_date


def test_the_partners_home_shows_the_open_return_and_leads_to_it(demo, client):
    today = timezone.localdate()
    partner = User.objects.get(username="partner")
    cycle = Cycle.objects.get(opens_on__lte=today, closes_on__gte=today, agencies=partner.person.agency)
    assert not Return.objects.filter(cycle=cycle).exists()
    client.force_login(partner)

    page = client.get(reverse("home")).content.decode()
    assert "Your agency's Section 11 return" in page
    assert f"{cycle.name}</a>: due {long_date(cycle.closes_on)}, not started" in page
    assert f'href="{reverse("audits:section11")}">{cycle.name}</a>' in page

    started = client.post(reverse("audits:start_return", args=[cycle.pk]))
    agency_return = Return.objects.get(cycle=cycle, agency=partner.person.agency)
    assert started["Location"] == reverse("audits:return", args=[agency_return.pk])
    page = client.get(reverse("home")).content.decode()
    return_url = reverse("audits:return", args=[agency_return.pk])
    assert f'href="{return_url}">{cycle.name}</a>: due {long_date(cycle.closes_on)}, draft' in page


def test_the_closed_cycles_keep_their_returns(demo):
    assert Cycle.objects.filter(closes_on__lt=timezone.localdate()).count() == 2
    statuses = sorted(Return.objects.filter(cycle__name="Section 11 audit 2023–24").values_list("status", flat=True))
    assert statuses == ["accepted", "accepted", "in_progress", "returned", "under_scrutiny"]
