"""What the quality assurance records share: the warning on case references, and checks on dates (a date in the
future or out of the records' range is refused by the fields' own validators, lscp.dates)."""

from lscp.dates import (  # noqa: F401 - the messages and the check, where the records' modules look for them
    DATE_BEFORE,
    DATE_IN_FUTURE,
    not_before,
)

CASE_REFERENCE_HELP = (
    "The agency's own case code or number (for example “PRB-0412” or “Case 7”): never a child's or family "
    "member's name or initials, and nothing else that could identify them."
)
NO_IDENTIFYING_DETAILS = (
    "Never write a child's or family member's name, address, date of birth or school, or anything else that "
    "could identify them."
)
