"""The case review pages' link in the menu bar (see lscp/navigation.py): only for those who may see them."""

from lscp.navigation import NavLink

from .permissions import can_see_case_reviews

NAV = [NavLink("Case reviews", "reviews:incidents", 60, visible=can_see_case_reviews)]
