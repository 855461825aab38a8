"""Quality assurance's links in the menu bar (see lscp/navigation.py)."""

from lscp.navigation import NavLink

from .permissions import can_import_data_set, can_see_audits, can_see_data_set, can_use_section11

NAV = [
    NavLink("Section 11 returns", "audits:section11", 45, visible=can_use_section11, menu="Assurance"),
    NavLink("Multi-agency audits", "audits:audits", 46, visible=can_see_audits, menu="Assurance"),
    NavLink("Single-agency audits", "audits:single_agency_audits", 47, visible=can_see_audits, menu="Assurance"),
    NavLink("Data set exceptions", "audits:exceptions", 48, visible=can_see_data_set, menu="Assurance"),
]
# On the home page too: importing the data set (the business manager and the Quality Assurance subgroup's chairs).
HOME = [NavLink("Import the data set", "audits:import_observations", 49, visible=can_import_data_set)]
