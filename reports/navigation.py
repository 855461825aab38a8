"""The annual reports' link in the menu bar (see lscp/navigation.py): published reports are open to everyone."""

from lscp.navigation import NavLink

NAV = [NavLink("Annual reports", "reports:list", 80)]
