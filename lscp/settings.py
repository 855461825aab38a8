"""Settings for the LSCP manager, read from the environment.

Every value that differs between a laptop, the test suite and production comes from an environment
variable (see the configuration table in README.md). Without any, the project runs as the demo:
an SQLite file, Celery tasks run in-process, e-mails printed to the console.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from lscp import file_storage

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# The partnership's own name, for the annual report and its public pages; empty gives the generic
# "Local Safeguarding Children Partnership".
PARTNERSHIP_NAME = env.str("PARTNERSHIP_NAME", default="")
# What the navigation bar says, e.g. "K&C and Westminster LSCP"; empty: the full name.
PARTNERSHIP_SHORT_NAME = env.str("PARTNERSHIP_SHORT_NAME", default="")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "import_export",
    "lscp.sign_in_log_app.SignInLogConfig",  # django-axes
    # Two-factor sign-in: time-based codes from an authenticator app, and single-use recovery codes (lscp/two_factor).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "lscp",
    "partnership",
    "governance",
    "reviews",
    "training",
    "audits",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from STATIC_ROOT (compressed, cached for a year when their names are hashed), so one
    # gunicorn process needs no proxy for them. Before everything else: a static file needs no session, user or
    # page policy; SecurityMiddleware still adds its headers (nosniff, HSTS, Referrer-Policy) to them.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A database that cannot be reached: the plain "service unavailable" page (503), not a 500 (lscp/faults.py).
    "lscp.faults.DatabaseUnavailableMiddleware",
    # Outermost after SecurityMiddleware, so error pages (403, 404, 500) carry the policies too.
    "lscp.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this session's sign-in passed a two-factor code (`request.user.is_verified()`), then the rule that sends
    # a business manager to set up or enter a code before anything else, when TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS.
    "django_otp.middleware.OTPMiddleware",
    "lscp.two_factor.middleware.TwoFactorRequiredMiddleware",
    # Cache-Control: no-store on every private page and download; after the user is known (lscp/middleware.py).
    "lscp.middleware.PrivatePagesNotCachedMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into the "locked out" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lscp.urls"
WSGI_APPLICATION = "lscp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lscp.roles.roles_context",
                "lscp.site.site_context",
                "lscp.navigation.menu_context",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# A web process keeps its PostgreSQL connection between requests for CONN_MAX_AGE seconds, checked before each
# request's first query (a connection the server dropped is replaced, and one that cannot be made answers with the
# 503 page). Connecting afresh for each request cost about 5 ms of each page, most of it PostgreSQL starting a new
# server process and reading its catalogue again (benchmarks/web_load.py). SQLite (the demo) opens its file per
# request, as before.
_POSTGRESQL = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60 if _POSTGRESQL else 0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("CONN_HEALTH_CHECKS", default=True)
# A database server that cannot be reached answers with the "service unavailable" page (lscp/faults.py) after this many
# seconds, not after the operating system gives up on the connection (minutes, for a server that has gone silent).
DATABASE_CONNECT_TIMEOUT = env.int("DATABASE_CONNECT_TIMEOUT", default=5)
if _POSTGRESQL:
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", DATABASE_CONNECT_TIMEOUT)
# The seconds the "service unavailable" page asks browsers and monitors to wait before trying again (Retry-After).
DATABASE_DOWN_RETRY_AFTER = env.int("DATABASE_DOWN_RETRY_AFTER", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's SQLite file, for concurrent use (runserver serves each request in its own thread, and a report build
    # runs beside them): readers never wait for the writer (the write-ahead log); a transaction takes the write lock
    # when it begins, so two cannot each read and then deadlock on writing (SQLite answers that at once with
    # "database is locked", whatever the timeout); and a writer waits up to 20 s for the one before it.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Axes first: it refuses a locked-out user name before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env.str("TIME_ZONE", default="Europe/London")
USE_I18N = True
USE_TZ = True
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# In production `collectstatic` writes each file under a name with its content's hash (css/site.3f2a9c1b.css) and
# gzip and Brotli copies of it, and `{% static %}` gives the hashed name: WhiteNoise serves those with a year's cache,
# and a new release's files get new names. Off by default because `{% static %}` then needs collectstatic's manifest:
# the demo and the test suite run without one. scripts/serve.sh turns it on.
STATIC_FILES_HASHED = env.bool("STATIC_FILES_HASHED", default=False)
# Uploaded and generated files: on this machine's disk under MEDIA_ROOT (filesystem), or in an S3-compatible bucket
# (s3) when web processes and workers run on more than one machine (lscp/file_storage.py). Either way they are private.
FILE_STORAGE = env.str("FILE_STORAGE", default=file_storage.FILESYSTEM)
try:
    DEFAULT_FILE_STORAGE_SETTING = file_storage.default_storage_setting(
        FILE_STORAGE,
        bucket=env.str("AWS_STORAGE_BUCKET_NAME", default=""),
        endpoint_url=env.str("AWS_S3_ENDPOINT_URL", default=""),
        region=env.str("AWS_S3_REGION_NAME", default=""),
        access_key=env.str("AWS_ACCESS_KEY_ID", default=""),
        secret_key=env.str("AWS_SECRET_ACCESS_KEY", default=""),
    )
except file_storage.FileStorageSettingError as error:
    raise ImproperlyConfigured(str(error)) from error
STORAGES = {
    "default": DEFAULT_FILE_STORAGE_SETTING,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_FILES_HASHED
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploaded papers and minutes are not public: they are served only through permission-checked views. MEDIA_URL,
# the address Django gives a stored file (the admin's "Currently" link), sends the person to the download page of
# the record that holds it (lscp/stored_files.py).
MEDIA_URL = "/files/"
# Backups (`manage.py backup`, lscp/backups.py): each a folder under BACKUP_DIR named by its time, holding the
# database (pg_dump), the stored files and their checksums. pg_dump and pg_restore come from POSTGRES_BIN_DIR when it is
# set, else from PATH, else from the newest /usr/lib/postgresql/<version>/bin.
BACKUP_DIR = env.path("BACKUP_DIR", default=BASE_DIR / "backups")
POSTGRES_BIN_DIR = env.str("POSTGRES_BIN_DIR", default="")
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="LSCP business team <lscp@example.org>")

# Celery: with REDIS_URL a real worker does the jobs; without it they run in-process (the demo).
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
# The queue the web processes send jobs to and the workers read. One per test process when the suite runs in
# parallel (each has its own test database, so its jobs must reach its own worker).
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
# Without a broker a long job (a report build) still never runs inside the request that asks for it: it runs in a
# background thread of the web process, with the same progress page (lscp/background.py). The test suite turns it off.
BACKGROUND_TASKS_IN_THREADS = env.bool("BACKGROUND_TASKS_IN_THREADS", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# WeasyPrint and Pango keep memory after a report build (at ten times the demo's records a worker child held 313 MB
# after one build and 386 MB after two): a child is replaced after a few jobs, and straight after any job that leaves
# it holding more than CELERY_WORKER_MAX_MEMORY_PER_CHILD kilobytes, so a build never starts in a swollen process.
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.int("CELERY_WORKER_MAX_TASKS_PER_CHILD", default=10)
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_PER_CHILD", default=300_000)
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# With Redis down, a request that queues a job (a report build) must not hang: the web process gives Redis
# REDIS_TIMEOUT seconds to connect, tries the job once more, then records it as waiting and answers
# (lscp/background.py). Without these, Celery and kombu keep trying for about 20 seconds, or for minutes when the
# machine does not answer at all. A Redis that takes a connection but then says nothing is given 10 seconds a try
# (a rarer fault, and a bound rather than for ever): longer than the workers' one-second waits for a job, so theirs
# are never cut short.
REDIS_TIMEOUT = env.float("REDIS_TIMEOUT", default=1.0)
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_TIMEOUT
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": 10}
retry_once = {"max_retries": 1, "interval_start": 0.25, "interval_step": 0.25, "interval_max": 0.5}
CELERY_TASK_PUBLISH_RETRY_POLICY = retry_once
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = REDIS_TIMEOUT
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"retry_policy": retry_once}
# Periodic jobs, run by `celery -A lscp beat` (one beat process only), in CELERY_TIMEZONE (Europe/London).
CELERY_BEAT_SCHEDULE = {
    # The weekly digest of overdue and due-soon actions to their owners; never twice in a week.
    "weekly-action-digest": {
        "task": "governance.tasks.send_action_digests",
        "schedule": crontab(minute=0, hour=7, day_of_week="monday"),
    },
    # Case review deadline reminders to the business managers and the Case Review chairs; each sent once.
    "review-deadline-reminders": {
        "task": "reviews.tasks.send_deadline_reminders",
        "schedule": crontab(minute=30, hour=7, day_of_week="mon-fri"),
    },
    # Training evaluations, each e-mail once: the after-session link for registers taken whose e-mails are not all
    # sent (a safety net: taking the register queues them), and the follow-up three months after a session.
    # Section 11 / 175 reminders before a cycle's close date and overdue notices after it, to agencies whose return
    # is not submitted; each once per agency and close date.
    "section11-return-reminders": {
        "task": "audits.tasks.send_section11_reminders",
        "schedule": crontab(minute=45, hour=7, day_of_week="mon-fri"),
    },
    "training-after-session-evaluations": {
        "task": "training.tasks.send_due_after_session_evaluations",
        "schedule": crontab(minute=0, hour=8),
    },
    "training-follow-up-evaluations": {
        "task": "training.tasks.send_follow_up_evaluations",
        "schedule": crontab(minute=15, hour=8),
    },
    # A published annual report's duties (send it to the National Panel, Foundations and the local bodies within
    # seven days): a reminder to the business managers before each falls due, each duty once. Every day, as the
    # seven days are calendar days.
    "annual-report-duty-reminders": {
        "task": "reports.tasks.send_duty_reminders",
        "schedule": crontab(minute=50, hour=7),
    },
    # The annual report's chapters not yet written: their contributors are reminded before the due date, on it and
    # once it is overdue, each once. Working days only, as the reminder before is counted in working days.
    "annual-report-contribution-reminders": {
        "task": "reports.tasks.send_contribution_reminders",
        "schedule": crontab(minute=55, hour=7, day_of_week="mon-fri"),
    },
    # Annual report builds asked for while Redis was down wait in the database; once it is back they are sent to the
    # workers (and when a worker starts). Every five minutes, so nobody waits long after the job service returns.
    "annual-report-builds-left-waiting": {
        "task": "reports.tasks.send_builds_left_waiting",
        "schedule": crontab(minute="*/5"),
    },
    # The agencies' statements asked for and not yet submitted: the same reminders, to the person named or the
    # agency's partner representatives (the same CONTRIBUTION_REMINDER_WORKING_DAYS before).
    "agency-statement-reminders": {
        "task": "governance.tasks.send_statement_reminders",
        "schedule": crontab(minute=57, hour=7, day_of_week="mon-fri"),
    },
    # Data protection (docs/data-protection.md), at night: delegates with no training for DELEGATE_RETENTION_YEARS
    # are anonymised (their figures stay); the access records (sign-ins, case review records opened) older than
    # ACCESS_LOG_RETENTION_YEARS are deleted. Each safe to run again.
    "training-anonymise-lapsed-delegates": {
        "task": "training.tasks.anonymise_lapsed_delegates",
        "schedule": crontab(minute=30, hour=2),
    },
    "delete-old-sign-in-records": {
        "task": "lscp.tasks.delete_old_sign_in_records",
        "schedule": crontab(minute=40, hour=2),
    },
    "review-delete-old-viewings": {
        "task": "reviews.tasks.delete_old_viewings",
        "schedule": crontab(minute=45, hour=2),
    },
}

# The cache: Redis when REDIS_URL is set, so that every web process shares it (the public booking forms' rate
# limit counts there, lscp/ratelimit.py); without it, each process's memory (the demo). Redis not answering within
# REDIS_TIMEOUT is a cache that failed: the rate limits let the form through (and log a warning).
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "lscp",
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT, "socket_timeout": REDIS_TIMEOUT},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Partners whose attendance falls below this percentage of the meetings they were expected at are
# flagged for challenge by the independent scrutineer.
ATTENDANCE_CHALLENGE_THRESHOLD = env.int("ATTENDANCE_CHALLENGE_THRESHOLD", default=50)

# Case reviews. Reminders go this many working days before each deadline (each once); "due soon" on the
# deadlines dashboard is this many working days ahead; a practice review's target completion is this many
# months after the decision to hold it; the body whose current chairs get the reminders.
REVIEW_REMINDER_LEAD_DAYS = sorted(set(env.list("REVIEW_REMINDER_LEAD_DAYS", cast=int, default=[5, 1])), reverse=True)
REVIEW_DUE_SOON_WORKING_DAYS = env.int("REVIEW_DUE_SOON_WORKING_DAYS", default=5)
REVIEW_TARGET_COMPLETION_MONTHS = env.int("REVIEW_TARGET_COMPLETION_MONTHS", default=6)
CASE_REVIEW_BODY_NAME = env.str("CASE_REVIEW_BODY_NAME", default="Case Review Subgroup")
# The registry agency whose people are the partnership's lay members: they scrutinise Section 11 / 175 returns.
LAY_MEMBERS_AGENCY_NAME = env.str("LAY_MEMBERS_AGENCY_NAME", default="Lay Members")
# Agencies whose Section 11 / 175 return is not submitted are reminded this many working days before the cycle's
# close date (once per close date).
SECTION11_REMINDER_WORKING_DAYS = env.int("SECTION11_REMINDER_WORKING_DAYS", default=10)
# The body whose current chairs run the training programme with the business manager (training.permissions).
TRAINING_BODY_NAME = env.str("TRAINING_BODY_NAME", default="Learning and Development Subgroup")
# The public booking forms (a place, and a team's places) take at most BOOKING_RATE_LIMIT submissions from one
# address in BOOKING_RATE_LIMIT_MINUTES, counted together; then 429 until the window is over. Generous enough for
# an office behind one address; a script booking or e-mailing at scale is stopped.
BOOKING_RATE_LIMIT = env.int("BOOKING_RATE_LIMIT", default=20)
BOOKING_RATE_LIMIT_MINUTES = env.int("BOOKING_RATE_LIMIT_MINUTES", default=10)
# The pages reached by the links e-mailed to delegates and line managers (manage or cancel a booking, approve a
# place, an evaluation, confirm a delegate's new details) take at most TRAINING_LINK_RATE_LIMIT submissions from
# one address in TRAINING_LINK_RATE_LIMIT_MINUTES, counted together; then 429 until the window is over.
TRAINING_LINK_RATE_LIMIT = env.int("TRAINING_LINK_RATE_LIMIT", default=30)
TRAINING_LINK_RATE_LIMIT_MINUTES = env.int("TRAINING_LINK_RATE_LIMIT_MINUTES", default=10)
# The registry body that is the Quality Assurance subgroup (the 2019 partnership arrangements; "Best Practice and
# Performance" in the demo's registry): its chairs record the multi-agency and single-agency audits and import the data
# set; its members read them and the data set's exceptions report.
QUALITY_ASSURANCE_BODY_NAME = env.str("QUALITY_ASSURANCE_BODY_NAME", default="Best Practice and Performance Subgroup")
# The annual report: the business managers are reminded of each recipient the published report has not yet been sent
# to this many days before its due date (the seventh day after publication).
REPORT_DUTY_REMINDER_DAYS = env.int("REPORT_DUTY_REMINDER_DAYS", default=2)
if not 0 <= REPORT_DUTY_REMINDER_DAYS < 7:
    raise ImproperlyConfigured("REPORT_DUTY_REMINDER_DAYS is days before the seventh day after publication: 0 to 6.")
# The annual report's contributors are reminded of a chapter not yet written this many working days before its due
# date (then on the day, and once it is overdue).
CONTRIBUTION_REMINDER_WORKING_DAYS = env.int("CONTRIBUTION_REMINDER_WORKING_DAYS", default=5)
if CONTRIBUTION_REMINDER_WORKING_DAYS < 0:
    raise ImproperlyConfigured("CONTRIBUTION_REMINDER_WORKING_DAYS is working days before a due date: 0 or more.")
# The Flesch reading ease the written parts of the annual report's version for children and young people should reach
# (0 to 100, higher is easier; 60 to 70 is plain English): below it, the checks before approval say so.
YOUNG_PEOPLE_MIN_READING_EASE = env.int("YOUNG_PEOPLE_MIN_READING_EASE", default=60)
if not 0 <= YOUNG_PEOPLE_MIN_READING_EASE <= 100:
    raise ImproperlyConfigured("YOUNG_PEOPLE_MIN_READING_EASE is a Flesch reading ease: 0 to 100.")
if SECTION11_REMINDER_WORKING_DAYS < 0:
    raise ImproperlyConfigured("SECTION11_REMINDER_WORKING_DAYS is working days before a close date: 0 or more.")
if any(days < 0 for days in REVIEW_REMINDER_LEAD_DAYS):
    raise ImproperlyConfigured("REVIEW_REMINDER_LEAD_DAYS are working days before a deadline: 0 or more, e.g. 5,1.")

# Data protection (docs/data-protection.md). A training delegate with no account and no booking made or session
# booked for DELEGATE_RETENTION_YEARS years is anonymised by the nightly job (their bookings and evaluations stay,
# for the figures). The access records (sign-ins and wrong passwords, who opened which case review record) are
# deleted ACCESS_LOG_RETENTION_YEARS years after they were made. PRIVACY_CONTACT_EMAIL is where the public privacy
# notice sends people to ask for their data or its erasure; empty: the address of DEFAULT_FROM_EMAIL.
DELEGATE_RETENTION_YEARS = env.int("DELEGATE_RETENTION_YEARS", default=6)
ACCESS_LOG_RETENTION_YEARS = env.int("ACCESS_LOG_RETENTION_YEARS", default=2)
PRIVACY_CONTACT_EMAIL = env.str("PRIVACY_CONTACT_EMAIL", default="")
if not 1 <= DELEGATE_RETENTION_YEARS <= 100:
    raise ImproperlyConfigured("DELEGATE_RETENTION_YEARS is the years a delegate's details are kept: 1 to 100, e.g. 6.")
if not 1 <= ACCESS_LOG_RETENTION_YEARS <= 100:
    raise ImproperlyConfigured("ACCESS_LOG_RETENTION_YEARS is the years access records are kept: 1 to 100, e.g. 2.")

# The range of dates a record may hold (lscp/dates.py): from 1 January of EARLIEST_RECORD_YEAR (the partnership's
# earliest records) to 31 December LATEST_YEARS_AHEAD years from now; past-only dates (an incident, a notification, a
# completion) end today. Forms, the admin and every import refuse a date outside it.
EARLIEST_RECORD_YEAR = env.int("EARLIEST_RECORD_YEAR", default=1990)
LATEST_YEARS_AHEAD = env.int("LATEST_YEARS_AHEAD", default=5)
if not 1900 <= EARLIEST_RECORD_YEAR <= 2100:
    raise ImproperlyConfigured("EARLIEST_RECORD_YEAR is the year of the partnership's earliest records, e.g. 1990.")
if not 0 <= LATEST_YEARS_AHEAD <= 50:
    raise ImproperlyConfigured("LATEST_YEARS_AHEAD is how many years ahead a date may be: 0 to 50, e.g. 5.")

# Uploaded documents: papers, minutes, terms of reference.
DOCUMENT_MAX_BYTES = env.int("DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)

# Spreadsheet imports (lscp/spreadsheets): a file is refused, before its rows are read, when it has more than
# IMPORT_MAX_ROWS rows below its headings, or when it (a CSV file), or a workbook's contents once unzipped, take more
# than IMPORT_MAX_UNPACKED_BYTES: a small workbook can unzip to hundreds of megabytes. 200,000 rows of an import's
# widest columns come to about 100 MB in a workbook.
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=200_000)
IMPORT_MAX_UNPACKED_BYTES = env.int("IMPORT_MAX_UNPACKED_BYTES", default=150 * 1024 * 1024)

# Sign-in throttling (django-axes). After AXES_FAILURE_LIMIT wrong passwords for one user name, with no
# successful sign-in between and none older than AXES_COOLOFF_MINUTES, that user name is locked for
# AXES_COOLOFF_MINUTES, wherever the tries come from: guessing one account from many addresses is stopped too.
# Not by address: a council's staff share a few proxy addresses, and one colleague's typos must not lock out
# the whole office (spraying one common password over many names is what the password validators stop).
# The lockout runs its announced time (more tries do not extend it); a successful sign-in clears the count;
# the business manager sees attempts and sign-ins in the admin and can delete an attempt to unlock early.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "lscp.signin.locked_out"
# Every failed sign-in kept, the one that locks a user name out marked so: the audit trail lists them
# (lscp/audit_trail/). The attempts above are only a count, cleared by a successful sign-in.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_CLIENT_IP_CALLABLE = "lscp.signin.client_ip"
# Two-factor sign-in (lscp/two_factor): staff and chairs may add an authenticator app, and are then asked for its code
# after their password at every sign-in. Business managers must, unless TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS is
# off: on by default in production, off with DEBUG so that the demo's published logins sign in with a password alone.
# A wrong code counts as a wrong password for the user name's lockout above, and each device waits longer after each
# wrong code (1, 2, 4, 8 ... seconds, reset by a right one), so a code cannot be guessed by trying them all.
TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS = env.bool("TWO_FACTOR_REQUIRED_FOR_BUSINESS_MANAGERS", default=not DEBUG)
# The name the authenticator app shows beside the account.
OTP_TOTP_ISSUER = PARTNERSHIP_SHORT_NAME or PARTNERSHIP_NAME or "LSCP"
# What the sign-in log never writes out of a form (django-axes masks these, and the password): a code typed included.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]
# Asking for a link to choose a new password (lscp/password_reset.py): at most PASSWORD_RESET_RATE_LIMIT requests
# from one address, and PASSWORD_RESET_EMAIL_RATE_LIMIT for one e-mail address whoever asks, in
# PASSWORD_RESET_RATE_LIMIT_MINUTES; then 429 and no e-mail. Counted whether or not an account has the address.
PASSWORD_RESET_RATE_LIMIT = env.int("PASSWORD_RESET_RATE_LIMIT", default=10)
PASSWORD_RESET_EMAIL_RATE_LIMIT = env.int("PASSWORD_RESET_EMAIL_RATE_LIMIT", default=3)
PASSWORD_RESET_RATE_LIMIT_MINUTES = env.int("PASSWORD_RESET_RATE_LIMIT_MINUTES", default=60)

# Content-Security-Policy on every response (lscp/middleware.py; the same shape as Django 6's SECURE_CSP,
# so the upgrade swaps the middleware). No inline scripts or styles anywhere: scripts and CSS are static files.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Powerful browser features this site never uses, switched off for it and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}

SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Behind a reverse proxy: trust its X-Forwarded-Proto, and take the client's address from the last
# X-Forwarded-For entry (the one the proxy added) for the sign-in log.
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# django-axes warns whenever the lockout is not by address. Ours is by user name: attempts on one user name add
# up whatever the address, browser or cookies, so changing them gains nothing (see test_sign_in_throttling.py).
SILENCED_SYSTEM_CHECKS += ["axes.W006"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint reports every layout step at INFO, and fontTools every subset.
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # django-axes reports every sign-in at INFO; failures and lockouts are WARNINGs, and they stay.
        "axes": {"level": "WARNING"},
    },
}
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"  # widget templates can be overridden in templates/
