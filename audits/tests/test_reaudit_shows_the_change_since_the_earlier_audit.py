"""A re-audit's page shows each grade's share then and now, and the change in percentage points."""

from datetime import date

import pytest
from django.urls import reverse

from partnership.tests.factories import AgencyFactory

from .factories import AuditParticipationFactory, CaseJudgementFactory, MultiAgencyAuditFactory

pytestmark = pytest.mark.django_db


def test_the_reaudit_page_shows_the_change(client, manager):
    agency = AgencyFactory()
    earlier = MultiAgencyAuditFactory(theme="Neglect", planned_on=date(2021, 9, 1), held_on=date(2021, 9, 20))
    reaudit = MultiAgencyAuditFactory(theme="Neglect again", kind="reaudit", earlier_audit=earlier)
    for audit, grades in ((earlier, ["good", "inadequate"]), (reaudit, ["good", "good", "good", "inadequate"])):
        AuditParticipationFactory(audit=audit, agency=agency, cases_audited=len(grades))
        for grade in grades:
            CaseJudgementFactory(audit=audit, agency=agency, grade=grade)
    client.force_login(manager)
    text = client.get(reverse("audits:audit", args=[reaudit.pk])).content.decode()
    assert "Change since Neglect (September 2021)" in text
    assert "+25.0 points" in text  # good: 50% then, 75% now
    assert "-25.0 points" in text  # inadequate: 50% then, 25% now
    # A new audit shows no change table.
    assert "Change since" not in client.get(reverse("audits:audit", args=[earlier.pk])).content.decode()
