"""Governance's part of the large synthetic partnership (`manage.py generate_load_data`): 20,000 actions at scale
1, due over the ten years, owned by the synthetic agencies (and some by a person there), overseen by a body."""

import datetime

from django.utils import timezone

from lscp.synthetic import first_day, insert, random_day, scaled
from partnership.models import Body, Person

from .models import Action, ActionStatus, Rag

VERBS = ("Review", "Audit", "Publish", "Embed", "Train staff on", "Report on", "Refresh")
# A complete action is never rated Red (no progress).
RATINGS = {status: list(Rag.values) for status in ActionStatus.values} | {ActionStatus.COMPLETE: [Rag.GREEN, Rag.AMBER]}
SUBJECTS = ("the escalation policy", "neglect pathway", "information sharing", "the threshold document", "early help")


def has_records():
    return Action.objects.exists()


def generate(*, scale, rng, tag=""):
    today = timezone.localdate()
    start = first_day(today)
    people = list(Person.objects.values_list("pk", "agency_id"))
    bodies = list(Body.objects.values_list("pk", flat=True))
    statuses = list(ActionStatus.values)
    actions = []
    for n in range(1, scaled(20_000, scale) + 1):
        person, agency = rng.choice(people)
        due = random_day(rng, start, today + datetime.timedelta(days=365))
        status = rng.choice(statuses)
        complete = status == ActionStatus.COMPLETE
        actions.append(
            Action(
                title=f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} ({n})",
                owner_agency_id=agency,
                owner_person_id=person if n % 3 == 0 else None,
                lead_body_id=rng.choice(bodies),
                due_date=due,
                status=status,
                rag=rng.choice(RATINGS[status]) if status != ActionStatus.NOT_STARTED else "",
                completed_on=min(due, today) if complete else None,
            )
        )
    insert(Action, actions)
    return {"actions": len(actions)}
