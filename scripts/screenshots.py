"""Takes the user guide's screenshots again (docs/screenshots/*.png): `make screenshots`.

It runs the demo as a newcomer would (`make demo`: a throwaway SQLite database, jobs in-process), with its 2022/23
report published, starts the development server on a free port, and photographs each key page in Debian's
Chromium, signed in as the role that uses it, at a desktop's width and, for the public pages, a phone's."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.request import urlopen

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
PASSWORD = "safeguarding-demo"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


# (file name, the demo login or None for the public, the page's path, "desktop" or "phone"). Paths are the pages a
# person reaches by following links; ids come from the demo records (looked up below).
def pages(ids):
    return [
        ("home-public", None, "/", "desktop"),
        ("training-calendar-phone", None, "/training/", "phone"),
        ("book-a-place", None, f"/training/sessions/{ids['open_session']}/book/", "desktop"),
        ("published-reports", None, "/reports/", "desktop"),
        ("home-business-manager", "manager", "/", "desktop"),
        ("contributions-board", "manager", "/reports/2023-24/contributions/", "desktop"),
        ("report-checks", "manager", "/reports/2023-24/approve/", "desktop"),
        ("report-duties", "manager", "/reports/2022-23/duties/", "desktop"),
        ("data-set-exceptions", "manager", "/data-set/exceptions/", "desktop"),
        ("home-chair", "chair", "/", "desktop"),
        ("case-reviews", "chair", "/case-reviews/incidents/", "desktop"),
        ("home-partner", "partner", "/", "desktop"),
        ("actions", "partner", "/actions/", "desktop"),
        ("section-11", "partner", "/section-11/", "desktop"),
    ]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def demo_ids(env):
    """The ids the page list needs, read from the demo database."""
    script = (
        "import django; django.setup();"
        "from django.utils import timezone;"
        "from training.models import CourseSession as Session;"
        "s = Session.objects.filter(starts_at__gt=timezone.now(), status='scheduled').order_by('starts_at').first();"
        "print(s.pk)"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return {"open_session": int(out.stdout.split()[-1])}


def main():
    work = Path(tempfile.mkdtemp(prefix="lscp-screenshots-"))
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        DEBUG="true",
        DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}",
        MEDIA_ROOT=str(work / "media"),
        DJANGO_SETTINGS_MODULE="lscp.settings",
        PARTNERSHIP_NAME="Kensington and Chelsea and Westminster Safeguarding Children Partnership",
        PARTNERSHIP_SHORT_NAME="K&C and Westminster LSCP",
    )
    print("== loading the demo")
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "publish_demo_report")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urlopen(base + "/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--lang=en-GB"])
            contexts = {}
            for name, login, path, size in pages(demo_ids(env)):
                if login not in contexts:
                    contexts[login] = browser.new_context(locale="en-GB", timezone_id="Europe/London")
                    if login:
                        page = contexts[login].new_page()
                        page.goto(base + "/accounts/login/")
                        page.get_by_label("User name").fill(login)
                        page.get_by_label("Password").fill(PASSWORD)
                        page.get_by_role("button", name="Sign in").click()
                        page.wait_for_load_state("load")
                        page.close()
                page = contexts[login].new_page()
                page.set_viewport_size(PHONE if size == "phone" else DESKTOP)
                response = page.goto(base + path)
                if response is None or response.status != 200:
                    raise SystemExit(f"{path} answered {response and response.status} for {login or 'the public'}")
                page.screenshot(path=str(OUT / f"{name}.png"), full_page=size == "phone")
                page.close()
                print(f"   docs/screenshots/{name}.png")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
