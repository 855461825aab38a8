"""Home pages open the doors. The public's names the partnership and leads to the training calendar and the published
reports. A chair's links to every page their bodies give them: the training organiser pages and impact for the
Learning and Development chairs, the case review pages for the Case Review chairs, the audits and the data set for
the Quality Assurance chairs, their chapters, and their bodies (where their meetings are). The report's preview
leads back to the report's page."""

import re
from datetime import date

from django.contrib.auth.models import User
from django.urls import reverse

from lscp.testing import DEMO_YEAR
from partnership.models import Body, MembershipRole
from partnership.tests.factories import MembershipFactory
from reports.models import AnnualReport

FULL_NAME = "Kensington and Chelsea and Westminster Safeguarding Children Partnership"


def links_on(page):
    return set(re.findall(r'href="([^"#?]+)', page))


def test_the_public_home_names_the_partnership_and_leads_to_training_and_the_reports(demo, client, settings):
    settings.PARTNERSHIP_NAME = FULL_NAME
    page = client.get(reverse("home")).content.decode()
    assert f"<h1>{FULL_NAME}</h1>" in page
    main = page.split("<main", 1)[1]
    assert {reverse("training:calendar"), reverse("reports:list")} <= links_on(main)


def test_a_chairs_home_links_to_every_page_their_bodies_give_them(demo, client, settings):
    chair = User.objects.get(username="chair")
    # The demo chair co-chairs the Case Review and the Learning and Development subgroups; here they chair the
    # Quality Assurance subgroup too.
    quality_assurance = Body.objects.get(name=settings.QUALITY_ASSURANCE_BODY_NAME)
    MembershipFactory(person=chair.person, body=quality_assurance, role=MembershipRole.CO_CHAIR, start=date(2020, 4, 1))
    client.force_login(chair)
    page = client.get(reverse("home")).content.decode()
    main = links_on(page.split("<main", 1)[1])
    wanted = {
        "training organiser pages": reverse("training:organise"),
        "training impact": reverse("training:impact"),
        "incident log": reverse("reviews:incidents"),
        "practice reviews": reverse("reviews:practice_reviews"),
        "case review deadlines": reverse("reviews:deadlines"),
        "multi-agency audits": reverse("audits:audits"),
        "single-agency audits": reverse("audits:single_agency_audits"),
        "data set exceptions": reverse("audits:exceptions"),
        "data set import": reverse("audits:import_observations"),
        "their chapters": reverse("reports:chapters"),
    }
    for body in Body.objects.filter(memberships__person=chair.person, memberships__role=MembershipRole.CO_CHAIR):
        wanted[body.name] = body.get_absolute_url()
        wanted[f"a meeting of {body.name}"] = reverse("partnership:meeting_create", args=[body.pk])
    missing = sorted(name for name, url in wanted.items() if url not in main)
    assert not missing, f"The chair's home has no link to: {', '.join(missing)}"


def test_the_report_preview_leads_back_to_the_reports_page(demo, client):
    client.force_login(User.objects.get(username="manager"))
    report = AnnualReport.objects.get(year=DEMO_YEAR)
    page = client.get(reverse("reports:preview", args=[report.year])).content.decode()
    assert f'href="{report.get_absolute_url()}"' in page
