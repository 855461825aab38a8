"""django-axes, which records sign-in attempts and locks out repeated failures, under the name the admin's index
shows the business manager: the library's own label is its name, "Axes". In a module of its own: a second
AppConfig in lscp/apps.py would leave Django unable to choose the project's own."""

from axes.apps import AppConfig as AxesConfig


class SignInLogConfig(AxesConfig):
    verbose_name = "Sign-in attempts and lockouts"
