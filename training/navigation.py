"""Training's link in the menu bar (see lscp/navigation.py): the course calendar is open to everyone."""

from lscp.navigation import NavLink

NAV = [NavLink("Training", "training:calendar", 70)]
