"""Training's link in the menu bar (see lscp/navigation.py): the course calendar is open to everyone."""

from lscp.navigation import NavLink

from .permissions import can_organise_training, can_see_training_impact

NAV = [
    NavLink(
        "Training",
        "training:calendar",
        70,
        description="The multi-agency safeguarding training programme: the courses, their dates and places left. "
        "Book a place with your work e-mail address: no account is needed.",
    )
]
# On the home page too: the organisers' pages (the business manager and the Learning and Development chairs).
HOME = [
    NavLink("Training organiser pages", "training:organise", 71, visible=can_organise_training),
    NavLink("Training impact", "training:impact", 72, visible=can_see_training_impact),
]
