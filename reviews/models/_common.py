"""What the case review records share: the warning on free text, and checks on dates (a date in the future or out
of the records' range is refused by the fields' own validators, lscp.dates)."""

from lscp.dates import (  # noqa: F401 - the messages and the check, where the records' modules look for them
    DATE_BEFORE,
    DATE_IN_FUTURE,
    not_before,
)

NO_IDENTIFYING_DETAILS = (
    "Never write a child's or family member's name, address, date of birth or school, or anything else that "
    "could identify them: use the code name."
)
CODE_NAME_HELP = (
    "A code name such as “Child Q”, “Baby R” or “Family C”: never the child's name or initials, "
    "and nothing that could identify them."
)
