import os
import subprocess
import sys

from django.conf import settings

# What a test process may have in its environment that a deployment never has: the browser journeys lift Django's
# async guard in their process while Playwright runs (journeys/conftest.py).
NOT_DEPLOYED = ("DEBUG", "SECRET_KEY", "SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE")


def run_manage(*args, **env_changes):
    env = {k: v for k, v in os.environ.items() if k not in NOT_DEPLOYED}
    env.update(env_changes)
    return subprocess.run(
        [sys.executable, "manage.py", *args], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR
    )


def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="a-long-random-production-secret-key-" + "x" * 40,
        ALLOWED_HOSTS="lscp.example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_a_secret_key_is_required_when_debug_is_off():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_the_time_zone_is_london():
    assert settings.TIME_ZONE == "Europe/London"
