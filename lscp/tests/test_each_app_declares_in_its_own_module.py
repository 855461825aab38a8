"""The shared parts find each app's declarations by importing that module of every installed app, in
INSTALLED_APPS order, passing over the apps that have none."""

from django.apps import apps

from lscp.registries import app_modules


def test_every_app_with_such_a_module_is_found_in_installed_apps_order():
    found = [module.__name__ for module in app_modules("report")]
    installed = [config.name for config in apps.get_app_configs()]
    assert {"partnership.report", "governance.report"} <= set(found)
    assert found == sorted(found, key=lambda name: installed.index(name.rsplit(".", 1)[0]))


def test_apps_without_the_module_are_passed_over():
    assert list(app_modules("no_app_declares_this")) == []
