"""Shared helpers for the large synthetic partnership of `generate_load_data` (each app's `load_data.py`).

Rows are made with plain `bulk_create` in batches: no `save()`, so no signals and no history rows, and each app's
generator fills in what its models' `save()` would have computed. Everything comes from one seeded
`random.Random`, so the same scale always makes the same records. Every name is made up from the short lists
below; no child is ever named (case reviews have code names only).
"""

import datetime

from django.utils import timezone

BATCH_SIZE = 5_000
YEARS = 10

FIRST_NAMES = [
    "Alex",
    "Amira",
    "Ben",
    "Bethan",
    "Callum",
    "Chloe",
    "Dev",
    "Dina",
    "Eli",
    "Esme",
    "Farid",
    "Freya",
    "Gus",
    "Hana",
    "Idris",
    "Isla",
    "Jonah",
    "Jude",
    "Kemi",
    "Kit",
    "Leon",
    "Lina",
    "Mo",
    "Nell",
    "Omar",
    "Orla",
    "Pip",
    "Priya",
    "Quinn",
    "Rafe",
    "Rosa",
    "Sol",
    "Tara",
    "Theo",
    "Uma",
    "Vic",
    "Wren",
    "Yusuf",
    "Zara",
    "Zeke",
]
LAST_NAMES = [
    "Ashdown",
    "Birchall",
    "Carrow",
    "Dunmore",
    "Elsworth",
    "Fenwick",
    "Garside",
    "Holloway",
    "Ingram",
    "Jessop",
    "Kettering",
    "Lowther",
    "Marchant",
    "Northcott",
    "Oakley",
    "Pennick",
    "Quarrie",
    "Redfern",
    "Sowerby",
    "Thackeray",
    "Underhill",
    "Varley",
    "Whitlock",
    "Yardley",
]


def scaled(count, scale, minimum=1):
    """`count` at scale 1, times the scale, never below `minimum`."""
    return max(minimum, round(count * scale))


def fictional_name(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def insert(model, rows):
    """Inserts the unsaved instances in batches and returns them with their ids (PostgreSQL returns them)."""
    rows = list(rows)
    for start in range(0, len(rows), BATCH_SIZE):
        model.objects.bulk_create(rows[start : start + BATCH_SIZE])
    return rows


def first_day(today=None):
    """The first day of the synthetic history: ten years back."""
    today = today or timezone.localdate()
    return today.replace(year=today.year - YEARS)


def random_day(rng, start, end):
    """A day between start and end, both included."""
    return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


def at_hour(day, hour):
    """An aware datetime on that day at that hour, in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
