from django.apps import AppConfig


class PartnershipConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "partnership"

    def ready(self):
        # The registry tells lscp.roles who a user is (their Person and memberships): lscp imports no app.
        from lscp.roles import register_facts_loader

        from .permissions import user_facts

        register_facts_loader(user_facts)
