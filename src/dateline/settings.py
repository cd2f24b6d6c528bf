"""Settings for dateline, read from the environment.

Every setting an operator may change comes from an environment variable with a
safe default: DEBUG is off unless asked for, the database is an SQLite file under
the data directory, and the cache is shared between worker processes (Redis when
REDIS_URL is set, files otherwise) so that invalidation reaches every worker.
"""

import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from dateline.core.statedir import state_folder

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("DATELINE_DATA_DIR", Path.cwd() / "var")).resolve()


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def load_secret_key():
    """SECRET_KEY from the environment, else one generated once and kept in DATA_DIR."""
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    path = DATA_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.touch(mode=0o600)
    path.write_text(key)
    return key


DEBUG = env_bool("DEBUG")
SECRET_KEY = load_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "dateline.core.api.csrf_failure"

INSTALLED_APPS = [
    # Bottom layer first (docs/architecture.md): `dateline demo` loads in this order.
    "dateline.core",
    "dateline.audit",
    "dateline.newsroom",
    "dateline.accounts",
    "dateline.screening",
    "dateline.comments",
    "dateline.moderation",
    "dateline.notifications",
    "dateline.archives",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # Health probes and the machine's metrics, before the host check and the page cache.
    "dateline.core.probes.ProbeMiddleware",
    # Then every other answer Django gives is timed (and named in logs), its cached pages
    # included (hits of the WSGI fast path in dateline.wsgi never reach these).
    "dateline.core.metrics.RequestMetricsMiddleware",
    "dateline.core.logs.RequestContextMiddleware",
    # Then, so that a cached page for an anonymous reader is answered before anything else.
    "dateline.core.pagecache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "dateline.core.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language from the path (/ar/...), then from the page shown or the page a form
    # was reached from (dateline.core.locale); never from the browser, so cached pages hold.
    "django.middleware.locale.LocaleMiddleware",
    "dateline.core.locale.PageLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before the CSRF check, which reads form bodies: an oversized API body is never read.
    "dateline.core.api.ApiBodyLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "dateline.accounts.middleware.ApiTokenMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "dateline.urls"
WSGI_APPLICATION = "dateline.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'dateline.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while a comment is written; IMMEDIATE avoids
    # the "database is locked" upgrade deadlock between two writers.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
# An optional read replica of the primary (docs/deploy.md): reads go there, writes and the
# reads that follow a write go to the primary (dateline.core.replica).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["dateline.core.replica.PrimaryReplicaRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("dateline.core.pagecache.AnonymousPageCacheMiddleware"),
        "dateline.core.replica.PinAfterWriteMiddleware",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_cache(url):
    """The cache on Redis at `url`, made so that readers carry on while Redis is down.

    Cache calls then act as misses (reads) and no-ops (writes), so every page is still
    served from the database (a lost invalidation is logged: dateline.core.pagecache). Screening's rate limit talks to Redis directly and
    raises instead: a comment that cannot be rate-limited is refused with a 503
    (dateline.core.errors), never let through unchecked.
    """
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "dateline",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 1,
            "SOCKET_TIMEOUT": 1,
        },
    }


REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {
        "default": {
            # Django's file cache, culled now and then, not listed at every write.
            "BACKEND": "dateline.core.filecache.LeanFileCache",
            "LOCATION": str(DATA_DIR / "cache"),
            "KEY_PREFIX": "dateline",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        # Screening's memory (rate limits, recent fingerprints, surge counts), written at
        # every comment: in memory-backed files where the system has them
        # (dateline.core.statedir). With Redis it lives in the default cache.
        "state": {
            "BACKEND": "dateline.core.filecache.LeanFileCache",
            "LOCATION": str(
                state_folder(DATA_DIR, configured=os.environ.get("DATELINE_STATE_DIR", ""))
            ),
            "KEY_PREFIX": "dateline",
            "OPTIONS": {"MAX_ENTRIES": 10000},
        },
    }

# Background work (docs/decisions/0004-task-queue.md). Our tasks use the alias "queue":
# a table in the site's database (`dateline worker` runs them), or Redis through RQ when
# DATELINE_TASK_BACKEND=redis (the default with REDIS_URL). Wagtail's own tasks stay on
# "default", run at once.
TASK_BACKEND = os.environ.get("DATELINE_TASK_BACKEND", "redis" if REDIS_URL else "database")
if TASK_BACKEND not in {"database", "redis"}:
    raise ImproperlyConfigured("DATELINE_TASK_BACKEND is 'database' or 'redis'.")
if TASK_BACKEND == "redis" and not REDIS_URL:
    raise ImproperlyConfigured("DATELINE_TASK_BACKEND=redis needs REDIS_URL.")
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "queue": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
if TASK_BACKEND == "redis":
    INSTALLED_APPS.append("django_rq")
    TASKS["queue"] = {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}

# How long a web worker may reuse a cached page it has checked, without asking the
# shared cache again (anonymous readers only; see dateline.core.pagecache).
PAGE_CACHE_LOCAL_SECONDS = float(os.environ.get("PAGE_CACHE_LOCAL_SECONDS", "1"))

# Comments: how long an author may edit, and how often open pages look for new comments.
COMMENT_EDIT_WINDOW_SECONDS = int(os.environ.get("COMMENT_EDIT_WINDOW_SECONDS", "300"))
SCREENING_ENABLED = env_bool("SCREENING_ENABLED", True)
# Reverse proxies in front of the site that append to X-Forwarded-For (0: none).
TRUSTED_PROXY_HOPS = int(os.environ.get("TRUSTED_PROXY_HOPS", "0"))
COMMENT_POLL_SECONDS = float(os.environ.get("COMMENT_POLL_SECONDS", "10"))

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# The site's public address for links made outside a request (email) and in the sitemap,
# e.g. https://news.example.org; empty: the default Site's address, or the request's host.
SITE_URL = os.environ.get("SITE_URL", "")
# Where the file-based EMAIL_BACKEND writes messages (one file per sending connection).
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(DATA_DIR / "mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "dateline <noreply@localhost>")

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ar", "Arabic")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Built once by `dateline collectstatic` (an install or deploy step, or a container
# build: then outside the data folder), never at each start; `dateline serve` checks it.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
# The demo serves uploaded media itself; behind a real web server, turn this off.
SERVE_MEDIA = env_bool("SERVE_MEDIA", default=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "dateline")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars fetched from elsewhere
WAGTAIL_ENABLE_UPDATE_CHECK = False  # nor the latest release asked for from the dashboard

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Sent by SecurityMiddleware on HTTPS requests only (0 turns it off). Behind trusted
# proxies, their X-Forwarded-Proto says whether the reader used HTTPS.
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD")
if TRUSTED_PROXY_HOPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Plain HTTP sent to HTTPS (off for `make run` on http://127.0.0.1); the health probes
# and the machine's metrics are answered before this (dateline.core.probes).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
# No inline script anywhere on the public site (dateline.core.headers). Wagtail's editor
# under /cms/ runs inline scripts and styles, so it gets the looser second policy.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
    "media-src 'self' https:; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)
CMS_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob: https:; media-src 'self' https:; frame-src 'self' https:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# /metrics answers this machine and staff, and these networks too (comma-separated CIDRs,
# e.g. a Prometheus server's): a bad value stops the site at start, naming it.
METRICS_ALLOW = [
    ipaddress.ip_network(network, strict=False)
    for network in env_list("DATELINE_METRICS_ALLOW", [])
]

# Human-readable lines by default; DATELINE_LOG_FORMAT=json writes one JSON object a line.
LOG_FORMAT = os.environ.get("DATELINE_LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"DATELINE_LOG_FORMAT must be text or json, not {LOG_FORMAT!r}")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "dateline.core.logs.JsonFormatter"},
    },
    # The level is the handler's too: Django's loggers pass their own records on at INFO,
    # and LOG_LEVEL=ERROR must also quiet a warning per refused request (django.request).
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "level": LOG_LEVEL,
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Django's own loggers write through the root handler, so they follow the format too.
    "loggers": {"django": {"handlers": [], "level": "INFO", "propagate": True}},
}
