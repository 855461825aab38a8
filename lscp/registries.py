"""How the shared parts find what each app declares in its own files (report sections in `report.py`, action
sources in `action_sources.py`, demo data in `demo`): by importing that module of every installed app, so the
shared part never names an app."""

import importlib

from django.apps import apps


def app_modules(name):
    """Each installed app's module `name` (`<app>.report` for "report"), in INSTALLED_APPS order. An app without
    one is passed over; an import error inside a module that exists is raised, not mistaken for its absence."""
    for config in apps.get_app_configs():
        qualified = f"{config.name}.{name}"
        try:
            module = importlib.import_module(qualified)
        except ModuleNotFoundError as error:
            if error.name != qualified:
                raise
            continue
        yield module
