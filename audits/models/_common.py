"""What the quality assurance records share: the warning on case references, and checks on dates (a date in the
future or out of the records' range is refused by the fields' own validators, lscp.dates)."""

from lscp.dates import (
    DATE_IN_FUTURE,  # noqa: F401 - the message, where the records' modules look for it
    long_date,
)

CASE_REFERENCE_HELP = (
    "The agency's own case code or number (for example “PRB-0412” or “Case 7”): never a child's or family "
    "member's name or initials, and nothing else that could identify them."
)
NO_IDENTIFYING_DETAILS = (
    "Never write a child's or family member's name, address, date of birth or school, or anything else that "
    "could identify them."
)
DATE_BEFORE = "This date is before %(other)s (%(date)s)."


def not_before(errors, obj, field, earlier_field):
    """`field` may not be before `earlier_field` (either may be empty)."""
    value, earlier = getattr(obj, field), getattr(obj, earlier_field)
    if value and earlier and value < earlier:
        label = obj._meta.get_field(earlier_field).verbose_name
        errors.setdefault(field, DATE_BEFORE % {"other": label, "date": long_date(earlier)})
