"""The registry's links in the menu bar (see lscp/navigation.py)."""

from lscp.navigation import NavLink, is_manager

from .permissions import can_view_partnership

NAV = [
    NavLink("Bodies", "partnership:bodies", 10, visible=can_view_partnership, menu="Partnership"),
    NavLink("Agencies", "partnership:agencies", 11, visible=can_view_partnership, menu="Partnership"),
    NavLink("Attendance", "partnership:attendance_index", 12, visible=is_manager, menu="Partnership"),
]
