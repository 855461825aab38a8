"""The role groups and their admin permissions, kept in step with the models after every migrate."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from .roles import BUSINESS_MANAGERS_GROUP, DELEGATES_GROUP

# The groups this file manages: the only ones a business manager may put people in (lscp/admin.py).
ROLE_GROUPS = (BUSINESS_MANAGERS_GROUP, DELEGATES_GROUP)

# The business manager keeps every record of these apps through the admin.
MANAGED_APPS = ("partnership", "governance", "reviews", "training", "audits", "reports")

# People's accounts: create them, change their details and role groups, deactivate them (lscp/admin.py decides
# which fields). Groups are only read: which permissions a role carries is decided here, in code. No delete:
# an account is deactivated, so the history of what it did keeps its name.
MANAGER_AUTH_PERMISSIONS = ("view_user", "add_user", "change_user", "view_group")

# The sign-in log (django-axes): read attempts and successful sign-ins; delete an attempt to lift a lockout.
MANAGER_AXES_PERMISSIONS = ("view_accessattempt", "delete_accessattempt", "view_accesslog")


def ensure_role_groups(**kwargs):
    managers, _ = Group.objects.get_or_create(name=BUSINESS_MANAGERS_GROUP)
    Group.objects.get_or_create(name=DELEGATES_GROUP)
    granted = Q(content_type__app_label__in=MANAGED_APPS)
    granted |= Q(content_type__app_label="auth", codename__in=MANAGER_AUTH_PERMISSIONS)
    granted |= Q(content_type__app_label="axes", codename__in=MANAGER_AXES_PERMISSIONS)
    managers.permissions.add(*Permission.objects.filter(granted))
    # Whatever else on accounts, groups and permissions was ever given to the group by hand goes: with
    # "change group" or "add permission" a manager could give their own group anything, superuser included.
    managers.permissions.remove(
        *managers.permissions.filter(content_type__app_label__in=("auth", "axes")).exclude(granted)
    )
