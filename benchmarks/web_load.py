"""Benchmark: the key pages under load, on a large synthetic partnership, beside a trivial page's figures.

Creates its own throwaway PostgreSQL database, fills it with `manage.py generate_load_data --scale N`, signs in one
user per role (session cookies made in the database), starts gunicorn with production settings (as many web
processes as scripts/serve.sh starts), opens every page a few times in each process to warm it, and runs locust
headless: 20 concurrent users by default, for two minutes, each opening its role's pages one after another with half
a second to a second and a half between them. Prints, for each page, its time opened alone (median of three, before
the load: what the page costs in itself), then under load the requests, the median (p50) and 95th percentile (p95)
response times and the errors (anything but a 200), beside /healthz, which reads nothing: the floor
of the machine and the server. Then stops gunicorn, builds the annual report for the synthetic partnership's last
whole financial year as the job worker would, prints its pages, time and peak memory, and drops the database.
Targets (issue 21): p50 under 100 ms and p95 under 250 ms on every page, no errors; the report's peak memory under
the report benchmark's 500 MB.

The server differs from the live site's settings in three ways, all said here: plain http on 127.0.0.1
(SECURE_SSL_REDIRECT and the secure-cookie settings off), static file names not hashed (no collectstatic: locust
fetches no static files), and TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS off, since the business manager signs in
with a session cookie made here, not with a code. The subgroups named by TRAINING_BODY_NAME, CASE_REVIEW_BODY_NAME
and QUALITY_ASSURANCE_BODY_NAME are synthetic subgroups, so the chair organises training and case reviews and the
partner reads the data set's exceptions, as in the demo.

Run it with `make benchmark-web-load` (SCALE=0.05 for a quick run), or with any DATABASE_URL and REDIS_URL.
"""

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
TARGET_P50_MS = 100
TARGET_P95_MS = 250
SUBGROUPS = {
    "TRAINING_BODY_NAME": "Synthetic Subgroup 1",
    "CASE_REVIEW_BODY_NAME": "Synthetic Subgroup 1",
    "QUALITY_ASSURANCE_BODY_NAME": "Synthetic Subgroup 2",
}


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscp.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.update(SUBGROUPS)
    import django

    django.setup()


def session_cookie(user):
    """A signed-in session for the user, stored in the database as the sign-in page would leave it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils.module_loading import import_string

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    # The backend that signs people in (django-axes' comes first but only counts failures and has no get_user).
    session[BACKEND_SESSION_KEY] = next(
        path for path in settings.AUTHENTICATION_BACKENDS if hasattr(import_string(path), "get_user")
    )
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def sign_ins():
    """One user per role, placed in the synthetic partnership as the demo's are in theirs: the business manager,
    the co-chair of the training and case review subgroup, a member of the quality assurance subgroup, and a
    delegate with bookings. Returns {role: session cookie}."""
    from django.contrib.auth.models import Group, User

    from lscp.roles import BUSINESS_MANAGERS_GROUP, DELEGATES_GROUP
    from lscp.roles_setup import ensure_role_groups
    from partnership.models import Membership, MembershipRole, Person
    from training.models import Delegate

    ensure_role_groups()
    users = {role: User.objects.create_user(role, f"{role}@example.org", "not-used") for role in ("manager", "chair")}
    users |= {
        role: User.objects.create_user(role, f"{role}@example.org", "not-used") for role in ("partner", "delegate")
    }
    users["manager"].is_staff = True
    users["manager"].save()
    users["manager"].groups.add(Group.objects.get(name=BUSINESS_MANAGERS_GROUP))
    users["delegate"].groups.add(Group.objects.get(name=DELEGATES_GROUP))
    chair = Membership.objects.filter(body__name=SUBGROUPS["TRAINING_BODY_NAME"]).order_by("pk").first()
    chair.role = MembershipRole.CO_CHAIR
    chair.save()
    Person.objects.filter(pk=chair.person_id).update(user=users["chair"])
    member = (
        Membership.objects.filter(body__name=SUBGROUPS["QUALITY_ASSURANCE_BODY_NAME"], role=MembershipRole.MEMBER)
        .exclude(person_id=chair.person_id)
        .first()
    )
    Person.objects.filter(pk=member.person_id).update(user=users["partner"])
    delegate = Delegate.objects.filter(bookings__isnull=False).order_by("pk").first()
    Delegate.objects.filter(pk=delegate.pk).update(user=users["delegate"])
    return {role: session_cookie(user) for role, user in users.items()}


def pages():
    """{role: [(label, url), …]}: each role's key pages, with records picked from the synthetic partnership."""
    from django.urls import reverse

    from lscp.financial_year import FinancialYear
    from training.models import CourseSession, SessionStatus

    last_year = FinancialYear.current().previous
    session = CourseSession.objects.filter(status=SessionStatus.HELD).order_by("-starts_at").first()
    register = reverse("training:register", args=[session.pk])
    admin_lists = [
        (f"admin: {name}", reverse(f"admin:{name.replace(' ', '_')}_changelist"))
        for name in (
            "training booking",
            "governance action",
            "partnership person",
            "training coursesession",
            "training delegate",
            "reviews practicereview",
        )
    ]
    return {
        "manager": [
            ("home (business manager)", reverse("home")),
            ("action list", reverse("governance:actions")),
            ("attendance report", reverse("partnership:attendance", args=[last_year])),
            ("training calendar (signed in)", reverse("training:calendar")),
            ("session register", register),
            ("practice reviews", reverse("reviews:practice_reviews")),
            ("serious incidents", reverse("reviews:incidents")),
            ("data set exceptions", reverse("audits:exceptions")),
            *admin_lists,
        ],
        "chair": [
            ("home (chair)", reverse("home")),
            ("session register", register),
            ("practice reviews", reverse("reviews:practice_reviews")),
        ],
        "partner": [
            ("home (partner)", reverse("home")),
            ("action list", reverse("governance:actions")),
            ("data set exceptions", reverse("audits:exceptions")),
        ],
        "delegate": [
            ("home (delegate)", reverse("home")),
            ("training calendar (signed in)", reverse("training:calendar")),
        ],
        "public": [
            ("floor: /healthz", reverse("health_check")),
            ("home (public)", reverse("home")),
            ("training calendar (public)", reverse("training:calendar")),
        ],
    }


def database_url(name):
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn stopped before it answered.")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer {url} within {seconds} s.")


def _open(host, url, cookie_name, cookie):
    headers = {"Cookie": f"{cookie_name}={cookie}"} if cookie else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(host + url, headers=headers), timeout=120):
            pass
    except OSError:
        pass  # an error shows in locust's count


def warm_up(host, plan, workers):
    """Each page opened a few times per web process before anything is timed, as on a server that has been up a
    while: a process's first opening of a page reads and compiles its templates (a live server does it once)."""
    for role, role_pages in plan["pages"].items():
        for _label, url in role_pages:
            for _ in range(2 * workers):
                _open(host, url, plan["cookie_name"], plan["cookies"].get(role))


def timed_alone(host, plan, repeats=3):
    """{label: median ms} of each page opened alone, one request at a time, before the load: where a page is slow
    in itself rather than queued behind others (under load, one slow page holds a worker and every page waits)."""
    import statistics

    alone = {}
    for role, role_pages in plan["pages"].items():
        for label, url in role_pages:
            times = []
            for _ in range(repeats):
                started = time.perf_counter()
                _open(host, url, plan["cookie_name"], plan["cookies"].get(role))
                times.append((time.perf_counter() - started) * 1000)
            alone.setdefault(label, []).append(statistics.median(times))
    return {label: max(times) for label, times in alone.items()}


def run_locust(host, plan_path, users, seconds, workdir):
    env = {**os.environ, "WEB_LOAD_PLAN": str(plan_path)}
    prefix = Path(workdir) / "locust"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(ROOT / "benchmarks" / "web_load_users.py"),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(users),
            "--run-time",
            f"{seconds}s",
            "--host",
            host,
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    stats = Path(f"{prefix}_stats.csv")
    if not stats.exists():
        print(completed.stdout, completed.stderr, file=sys.stderr)
        raise RuntimeError("locust wrote no statistics.")
    with stats.open(encoding="utf-8") as rows:
        return [row for row in csv.DictReader(rows) if row["Name"] != "Aggregated"]


def print_table(rows, alone, scale, users, seconds, load):
    print(
        f"Web load, synthetic partnership at scale {scale:g}, {users} users for {seconds} s (load 1m after: {load:.2f})"
    )
    print(f"{'page':<36} {'alone ms':>8} {'requests':>8} {'p50 ms':>7} {'p95 ms':>7} {'errors':>7}  targets")
    floor = [row for row in rows if row["Name"].startswith("floor")]
    missed = 0
    for row in floor + sorted((r for r in rows if r not in floor), key=lambda r: -float(r["95%"] or 0)):
        p50, p95, errors = float(row["50%"] or 0), float(row["95%"] or 0), int(row["Failure Count"])
        ok = p50 < TARGET_P50_MS and p95 < TARGET_P95_MS and not errors
        missed += not ok
        print(
            f"{row['Name']:<36} {alone.get(row['Name'], 0):>8.0f} {row['Request Count']:>8} {p50:>7.0f} "
            f"{p95:>7.0f} {errors:>7}  {'met' if ok else 'MISSED'}"
        )
    print(
        f"Targets: p50 < {TARGET_P50_MS} ms, p95 < {TARGET_P95_MS} ms, no errors: "
        f"{'all met' if not missed else f'{missed} pages missed'}"
    )
    return missed


def build_the_last_years_report():
    """The annual report for the last whole financial year of the synthetic partnership, built as the job worker
    builds it (in a process forked from one made ready, benchmarks/report_build.py). Prints its pages, time and peak
    memory against the report's memory target; returns whether it went over."""
    from django.db import connection

    from benchmarks.report_build import TARGET_PEAK_MB, build_in_a_child_process
    from lscp.financial_year import FinancialYear
    from reports.rendering import make_ready_for_builds
    from reports.services import create_report

    year = FinancialYear.current().previous
    report = create_report(year=year)
    connection.close()  # the build's process opens its own, as a worker's child does
    make_ready_for_builds()
    built = build_in_a_child_process(report)
    total = built["gather"] + built["render"] + built["write"]
    over = built["peak_mb"] >= TARGET_PEAK_MB
    print(
        f"Annual report {year} of the synthetic partnership: {built['pages']} pages, {built['bytes'] // 1024} KB, "
        f"built in {total:.1f} s (gathering {built['gather']:.1f} s, {built['queries']} queries), "
        f"peak {built['peak_mb']:.0f} MB"
    )
    print(f"{'FAIL' if over else 'PASS'}  its peak memory under {TARGET_PEAK_MB} MB")
    return over


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="generate_load_data's scale (default 1)")
    parser.add_argument("--users", type=int, default=20, help="concurrent users (default 20)")
    # Two minutes: each admin list is opened 50–80 times, so its 95th percentile is not its second-slowest request.
    parser.add_argument("--seconds", type=int, default=120, help="how long locust runs (default 120)")
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * (os.cpu_count() or 1) + 1,
        help="gunicorn worker processes (default twice the processors plus one, as scripts/serve.sh)",
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        print(
            "benchmarks/web_load.py needs DATABASE_URL pointing at PostgreSQL (make benchmark-web-load).",
            file=sys.stderr,
        )
        return 2

    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    old_config = setup_databases(verbosity=0, interactive=False, keepdb=False)
    server = None
    try:
        out = io.StringIO()
        call_command("generate_load_data", "--scale", str(args.scale), "--allow-without-debug", stdout=out)
        print(out.getvalue(), end="")
        from django.conf import settings

        plan = {"cookie_name": settings.SESSION_COOKIE_NAME, "cookies": sign_ins(), "pages": pages()}
        connection.close()  # gunicorn's workers have the database to themselves
        with tempfile.TemporaryDirectory() as workdir:
            plan_path = Path(workdir) / "plan.json"
            plan_path.write_text(json.dumps(plan), encoding="utf-8")
            port = free_port()
            env = {
                **os.environ,
                **SUBGROUPS,
                "DEBUG": "false",
                "DATABASE_URL": database_url(connection.settings_dict["NAME"]),
                "ALLOWED_HOSTS": "127.0.0.1",
                "SECURE_SSL_REDIRECT": "false",
                "SESSION_COOKIE_SECURE": "false",
                "CSRF_COOKIE_SECURE": "false",
                "STATIC_FILES_HASHED": "false",
                # The business manager signs in here by a session cookie, not the sign-in page and a code.
                "TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS": "false",
            }
            server = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "lscp.wsgi",
                    "--config",
                    "python:lscp.gunicorn_config",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    str(args.workers),
                    "--no-control-socket",
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
            )
            host = f"http://127.0.0.1:{port}"
            wait_until_up(f"{host}/healthz", server)
            warm_up(host, plan, args.workers)
            alone = timed_alone(host, plan)
            rows = run_locust(host, plan_path, args.users, args.seconds, workdir)
            load = os.getloadavg()[0]
        missed = print_table(rows, alone, args.scale, args.users, args.seconds, load)
        server.terminate()  # the machine to the build alone, as a worker's would be
        server.wait(timeout=30)
        server = None
        report_over = build_the_last_years_report()
        return 1 if missed or report_over else 0
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        connection.close()
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
