"""Benchmark: public booking under load, and the import of a year's attendance.

(a) Concurrent bookers against a live server: a throwaway test database is made, sessions are filled to a few
    places short of their capacity plus overbooking allowance, and a real server (`manage.py runserver`, threaded,
    in its own process, DEBUG off) is started on a free port against that database. N threads, each with its own
    browser session, open the public booking form (for its CSRF token) and post it for the last places, many more
    bookers than places. Prints the bookings per second and then queries the database: no session may hold more
    places than its capacity plus allowance (PASS/FAIL), and the rest must be on the waiting list.
(b) An import of 100,000 attendance rows (a CSV file of 1,000 past sessions × 100 delegates, 25,000 delegates, in
    memory) through `training.services.attendance_import.import_attendance`, as the organiser's import page does. Prints
    the time, PASS/FAIL against 30 seconds.

Run it with `make benchmark-booking` (a throwaway PostgreSQL), or with any PostgreSQL DATABASE_URL: it creates
and drops its own test database, so it never touches real records.
"""

import argparse
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMPORT_TARGET_SECONDS = 30
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class _KeepRedirect(urllib.request.HTTPRedirectHandler):
    """Hands back the redirect itself instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_302(self, request, response, code, message, headers):
        return response


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url():
    from django.db import connection

    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _start_server(port):
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SESSION_COOKIE_SECURE": "false",
        "EMAIL_URL": "dummymail://",  # the e-mails are rendered, not delivered
        "BOOKING_RATE_LIMIT": "1000000",  # every booker comes from 127.0.0.1
    }
    env.pop("REDIS_URL", None)  # no task is queued by a booking
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("The server did not start:\n" + server.stderr.read().decode())
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/training/", timeout=2)
            return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    server.kill()
    raise SystemExit("The server did not answer within 60 seconds.")


def _make_sessions(count, capacity, allowance, free):
    from django.utils import timezone

    from training.models import Booking, Course, CourseSession, Delegate

    course = Course.objects.create(title="Benchmark: Working Together to Safeguard Children")
    starts = timezone.now().replace(microsecond=0) + timedelta(days=30)
    sessions = []
    for number in range(count):
        session = CourseSession.objects.create(
            course=course,
            starts_at=starts + timedelta(days=number),
            ends_at=starts + timedelta(days=number, hours=3),
            venue="Kensington Town Hall",
            capacity=capacity,
            overbooking_allowance=allowance,
        )
        for seat in range(capacity + allowance - free):
            delegate = Delegate.objects.create(
                name=f"Early {number}-{seat}",
                email=f"early{number}-{seat}@example.org",
                organisation="A school",
                sector="education",
            )
            Booking.objects.create(session=session, delegate=delegate)
        sessions.append(session)
    return sessions


def bookers(*, threads, per_thread, sessions_count):
    """Part (a). Returns True if no session is over its places."""
    from django.db.models import Count, Q

    from training.models import PLACE_STATUSES, BookingStatus, CourseSession

    capacity, allowance, free = 8, 2, 3
    sessions = _make_sessions(sessions_count, capacity, allowance, free)
    port = _free_port()
    server = _start_server(port)
    base = f"http://127.0.0.1:{port}"
    outcomes = {"booked": 0, "refused": 0, "errors": 0}
    lock = threading.Lock()
    start = threading.Barrier(threads + 1)

    def book(worker):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _KeepRedirect())
        start.wait()
        for number in range(per_thread):
            session = sessions[(worker + number) % len(sessions)]
            url = f"{base}/training/sessions/{session.pk}/book/"
            try:
                page = opener.open(url, timeout=60).read().decode()
                token = CSRF.search(page).group(1)
                data = urllib.parse.urlencode(
                    {
                        "csrfmiddlewaretoken": token,
                        "name": f"Booker {worker}-{number}",
                        "email": f"booker{worker}-{number}@example.org",
                        "agency": "",
                        "organisation": "St Mary's Primary School",
                        "sector": "education",
                        "job_role": "Teacher",
                        "line_manager_email": f"head{worker}@example.org",
                        "booked_by_email": "",
                    }
                ).encode()
                request = urllib.request.Request(url, data=data, headers={"Referer": url})
                response = opener.open(request, timeout=60)
                # A booking answers with a redirect to the manage-my-booking page (not followed: it is timed
                # without it); a form with problems answers 200.
                booked = response.status == 302 and "/training/bookings/" in response.headers.get("Location", "")
                key = "booked" if booked else "refused"
            except Exception:  # counted and reported: a refused connection or a server error
                key = "errors"
            with lock:
                outcomes[key] += 1

    workers = [threading.Thread(target=book, args=(worker,)) for worker in range(threads)]
    for worker in workers:
        worker.start()
    start.wait()
    began = time.perf_counter()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - began
    os.killpg(server.pid, 15)
    server.wait(timeout=20)

    rows = CourseSession.objects.filter(pk__in=[s.pk for s in sessions]).annotate(
        taken=Count("bookings", filter=Q(bookings__status__in=PLACE_STATUSES)),
        waiting=Count("bookings", filter=Q(bookings__status=BookingStatus.WAITING_LIST)),
    )
    over = [s for s in rows if s.taken > s.places_limit]
    full = sum(1 for s in rows if s.taken == s.places_limit)
    waiting = sum(s.waiting for s in rows)
    posts = sum(outcomes.values())
    print("(a) Concurrent bookers against a live server (manage.py runserver, threaded, PostgreSQL)")
    print(f"    {threads} threads × {per_thread} bookings on {sessions_count} sessions with {free} places left each")
    print(f"    {posts} bookings (each a GET of the form, then its POST) in {elapsed:.2f} s:")
    print(f"    {outcomes['booked'] / elapsed:.1f} bookings per second")
    print(f"    accepted {outcomes['booked']}, form refused {outcomes['refused']}, errors {outcomes['errors']}")
    print(f"    sessions full: {full} of {sessions_count}; on waiting lists: {waiting}")
    print(f"    machine load average (1, 5, 15 min): {', '.join(f'{n:.1f}' for n in os.getloadavg())}")
    ok = not over and outcomes["errors"] == 0 and waiting == outcomes["booked"] - free * sessions_count
    print(f"    no session over capacity + allowance: {'PASS' if not over else 'FAIL ' + str(over)}")
    print(f"    every booker beyond the places is on a waiting list: {'PASS' if ok else 'FAIL'}")
    return ok


def attendance_import(*, rows_wanted):
    """Part (b). Returns True under the target."""
    from django.utils import timezone

    from partnership.models import Agency, Sector
    from training.models import Booking, Course, CourseSession
    from training.services.attendance_import import import_attendance

    per_session = 100
    session_count = rows_wanted // per_session
    agencies = [Agency.objects.create(name=f"Benchmark agency {n}", sector=Sector.NHS_TRUST) for n in range(20)]
    courses = [Course.objects.create(title=f"Benchmark course {n}") for n in range(50)]
    first = timezone.make_aware(timezone.datetime(2022, 4, 4, 9, 30))
    sessions = []
    for number in range(session_count):
        starts = first + timedelta(days=number // 3, hours=(number % 3) * 2)
        session = CourseSession(
            course=courses[number % len(courses)],
            starts_at=starts,
            ends_at=starts + timedelta(hours=2),
            venue="Online",
            capacity=per_session,
        )
        session.booking_closes_on = session.compute_booking_closes_on()
        sessions.append(session)
    CourseSession.objects.bulk_create(sessions, batch_size=1000)
    lines = [
        "Course,Session date,Session start,Delegate name,Work e-mail,Agency,Organisation,Sector,Job role,Attendance"
    ]
    for number, session in enumerate(sessions):
        local = timezone.localtime(session.starts_at)
        for seat in range(per_session):
            person = (number * 37 + seat) % 25000
            where = f"{agencies[person % 20].name},," if person % 2 else ",School {person % 300},Education"
            attendance = "no-show" if seat % 9 == 0 else "attended"
            lines.append(
                f"{session.course.title},{local:%d/%m/%Y},{local:%H:%M},Delegate {person},"
                f"delegate{person}@example.org,{where},Practitioner,{attendance}"
            )
    content = ("\n".join(lines) + "\n").encode()
    began = time.perf_counter()
    if os.environ.get("BENCHMARK_PROFILE"):
        import cProfile

        profiler = cProfile.Profile()
        result = profiler.runcall(import_attendance, content=content, file_format="csv")
        profiler.dump_stats(os.environ["BENCHMARK_PROFILE"])
    else:
        result = import_attendance(content=content, file_format="csv")
    elapsed = time.perf_counter() - began
    written = Booking.objects.filter(session__in=CourseSession.objects.filter(course__in=courses)).count()
    ok = result.ok and written == rows_wanted and elapsed < IMPORT_TARGET_SECONDS
    print(f"(b) Import of {rows_wanted:,} attendance rows (CSV, {len(content) / 1e6:.1f} MB, {session_count} sessions)")
    if not result.ok:
        print(f"    refused: {result.problems[:3]}")
    print(
        f"    {elapsed:.2f} s: {result.bookings_added:,} bookings, {result.delegates_added:,} new delegates, "
        f"{result.sessions_held:,} sessions held; {written:,} bookings in the database"
    )
    print(f"    under {IMPORT_TARGET_SECONDS} s: {'PASS' if ok else 'FAIL'}")
    print(f"    machine load average (1, 5, 15 min) after the import: {', '.join(f'{n:.1f}' for n in os.getloadavg())}")
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=16)
    parser.add_argument("--per-thread", type=int, default=10)
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--part", choices=["a", "b", "both"], default="both")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lscp.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    if connection.vendor != "postgresql":
        raise SystemExit("The booking benchmark needs PostgreSQL: run it with `make benchmark-booking`.")
    setup_test_environment()
    old_config = setup_databases(verbosity=0, interactive=False, keepdb=False)
    try:
        ok = True
        if args.part in ("a", "both"):
            ok = bookers(threads=args.threads, per_thread=args.per_thread, sessions_count=args.sessions) and ok
        if args.part in ("b", "both"):
            ok = attendance_import(rows_wanted=args.rows) and ok
    finally:
        connection.close()
        teardown_databases(old_config, verbosity=0)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
