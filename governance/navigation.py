"""The governance records' links in the menu bar (see lscp/navigation.py)."""

from lscp.navigation import NavLink

from .permissions import can_use_action_tracker, can_use_challenge_log, can_use_statements

NAV = [
    NavLink("Actions", "governance:actions", 30, visible=can_use_action_tracker),
    NavLink("Challenge log", "governance:challenges", 40, visible=can_use_challenge_log, menu="Assurance"),
    NavLink("Agency statements", "governance:statements", 41, visible=can_use_statements, menu="Assurance"),
]
