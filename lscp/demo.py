"""The demo logins, one per role. Loaded first (lscp is before the apps in INSTALLED_APPS) so that each
app's demo can link them to its records."""

from django.contrib.auth.models import Group, User

from .roles import BUSINESS_MANAGERS_GROUP, DELEGATES_GROUP
from .roles_setup import ensure_role_groups

DEMO_PASSWORD = "safeguarding-demo"
DEMO_LOGINS = [
    ("manager", "business manager: everything, and the admin"),
    (
        "chair",
        "co-chair of the Case Review and the Learning and Development Subgroups: their meetings and register,"
        " organising training, and their report chapters",
    ),
    ("partner", "partner representative (National Probation Service)"),
    ("delegate", "practitioner who books training"),
]
_NAMES = {
    "manager": ("Eleanor", "Blackwood"),
    "chair": ("Fiona", "Makepeace"),
    "partner": ("Nadia", "Chaudhry"),
    "delegate": ("Sam", "Okafor"),
}


def demo_user(username):
    return User.objects.get(username=username)


def load(*, stdout):
    ensure_role_groups()
    for username, _ in DEMO_LOGINS:
        first, last = _NAMES[username]
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
    manager = User.objects.get(username="manager")
    if not manager.is_staff:
        manager.is_staff = True
        manager.save(update_fields=["is_staff"])
    manager.groups.add(Group.objects.get(name=BUSINESS_MANAGERS_GROUP))
    User.objects.get(username="delegate").groups.add(Group.objects.get(name=DELEGATES_GROUP))
