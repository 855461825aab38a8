"""The role groups and their admin permissions, kept in step with the models after every migrate."""

from django.contrib.auth.models import Group, Permission

from .roles import BUSINESS_MANAGERS_GROUP, DELEGATES_GROUP

# The business manager keeps every record of these apps through the admin.
MANAGED_APPS = ("partnership", "governance", "reviews", "training", "audits", "reports")


def ensure_role_groups(**kwargs):
    managers, _ = Group.objects.get_or_create(name=BUSINESS_MANAGERS_GROUP)
    Group.objects.get_or_create(name=DELEGATES_GROUP)
    permissions = Permission.objects.filter(content_type__app_label__in=MANAGED_APPS) | Permission.objects.filter(
        content_type__app_label="auth", codename__in=["view_user", "add_user", "change_user", "view_group"]
    )
    managers.permissions.add(*permissions)
