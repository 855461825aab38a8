import os
import subprocess
import sys

import pytest
from django.conf import settings

from lscp.celery import app
from lscp.tasks import ping

PRINT_EAGER_SETTINGS = (
    "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'lscp.settings'); django.setup(); "
    "from django.conf import settings as s; print(s.CELERY_TASK_ALWAYS_EAGER, s.CELERY_BROKER_URL)"
)


def test_tasks_run_in_process_without_a_broker(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    app.conf.task_always_eager = True
    assert ping.delay("eager").get(timeout=5) == "eager"


@pytest.mark.worker
def test_a_real_worker_on_redis_runs_the_task(live_worker):
    result = ping.delay("from the worker")
    assert result.get(timeout=60) == "from the worker"
    assert result.successful()


def test_without_redis_url_the_settings_choose_eager_mode():
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env.update(DEBUG="true")
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            PRINT_EAGER_SETTINGS,
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    assert out.stdout.split() == ["True", "memory://"]
