"""The annual reports' link in the menu bar (see lscp/navigation.py): published reports are open to everyone."""

from lscp.navigation import NavLink

from .permissions import can_see_chapters_to_write

NAV = [
    NavLink(
        "Annual reports",
        "reports:list",
        80,
        description="What the partnership did each year to keep children safe, and what it learned: the published "
        "annual reports, to read or download.",
    )
]
# On the home page too: the chapters a chair's bodies write.
HOME = [NavLink("Your chapters of the annual report", "reports:chapters", 81, visible=can_see_chapters_to_write)]
