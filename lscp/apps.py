from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LscpConfig(AppConfig):
    name = "lscp"
    verbose_name = "LSCP manager"

    def ready(self):
        from . import admin_lists, admin_menu
        from .roles_setup import ensure_role_groups

        admin_lists.install()
        admin_menu.install()

        post_migrate.connect(ensure_role_groups, dispatch_uid="lscp_ensure_role_groups")
