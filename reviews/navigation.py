"""The case review pages' link in the menu bar (see lscp/navigation.py): only for those who may see them."""

from lscp.navigation import NavLink

from .permissions import can_see_case_reviews, can_see_deadlines

NAV = [NavLink("Case reviews", "reviews:incidents", 60, visible=can_see_case_reviews)]
# On the home page too: the case review pages beyond the incident log.
HOME = [
    NavLink("Practice reviews", "reviews:practice_reviews", 61, visible=can_see_case_reviews),
    NavLink("Case review deadlines", "reviews:deadlines", 62, visible=can_see_deadlines),
    NavLink("Learning themes", "reviews:themes", 63, visible=can_see_case_reviews),
]
