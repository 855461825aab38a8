"""The locust users of benchmarks/web_load.py (a separate module: locust patches the standard library with gevent
when imported, which the Django process that prepares the records must not have). Each role is a user class that
opens its own pages, signed in by a session cookie web_load.py made in the database; the public opens the floor
(/healthz) and the course calendar. The pages and cookies come in the JSON file named by WEB_LOAD_PLAN."""

import json
import os
import random

from locust import HttpUser, between, task

with open(os.environ["WEB_LOAD_PLAN"], encoding="utf-8") as plan_file:
    PLAN = json.load(plan_file)


class _Role(HttpUser):
    abstract = True
    role = ""
    wait_time = between(0.5, 1.5)

    def on_start(self):
        cookie = PLAN["cookies"].get(self.role)
        if cookie:
            self.client.cookies.set(PLAN["cookie_name"], cookie)

    @task
    def open_a_page(self):
        label, url = random.choice(PLAN["pages"][self.role])
        with self.client.get(url, name=label, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")


def _role_class(role, weight):
    return type(f"{role.title()}User", (_Role,), {"role": role, "weight": weight})


ManagerUser = _role_class("manager", 8)
ChairUser = _role_class("chair", 3)
PartnerUser = _role_class("partner", 3)
DelegateUser = _role_class("delegate", 3)
PublicUser = _role_class("public", 3)
