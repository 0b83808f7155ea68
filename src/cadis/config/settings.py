"""cadis settings, all read from the environment.

Profiles (``CADIS_PROFILE``): ``development`` (default; also the demo), ``production``
(``cadis check --deploy`` passes without warnings) and ``test``.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from cadis.config.env import development_secret_key, env_bool, env_int, env_list, env_str
from cadis.platform.modules import discover_modules

PACKAGE_DIR = Path(__file__).resolve().parents[1]
BASE_DIR = Path(env_str("CADIS_HOME", str(Path.cwd())))
VAR_DIR = Path(env_str("CADIS_VAR_DIR", str(BASE_DIR / "var")))

PROFILE = env_str("CADIS_PROFILE", "development")
if PROFILE not in {"development", "production", "test"}:
    raise ImproperlyConfigured(f"CADIS_PROFILE must be development, production or test, not {PROFILE!r}")
PRODUCTION = PROFILE == "production"

DEBUG = env_bool("DEBUG", default=PROFILE == "development")

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY is required in production (CADIS_PROFILE=production).")
    SECRET_KEY = development_secret_key(VAR_DIR)

# Key of the TDI client pseudonyms (HMAC), one per installation; without the variable it is
# generated once under var/ (back it up: a new key breaks duplicate detection across years).
TDI_PSEUDONYM_KEY = env_str("TDI_PSEUDONYM_KEY") or development_secret_key(VAR_DIR / "tdi_pseudonym")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "django_htmx",
    "cadis.apps.accounts",
    "cadis.apps.reference",
    "cadis.apps.jobs",
    "cadis.apps.operations",
    "cadis.web",
    # django-ninja's own static Swagger UI (without the app it loads Swagger UI from a CDN);
    # after cadis.web, whose templates/ninja/swagger.html names the page's language.
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cadis.web.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cadis.web.locale.RussianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cadis.api.guards.RejectNulCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cadis.apps.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cadis.platform.views.CadisErrorMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "cadis.config.urls"
WSGI_APPLICATION = "cadis.config.wsgi.application"
ASGI_APPLICATION = "cadis.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cadis.web.context.navigation",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'cadis.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60 if PRODUCTION else 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the demo's worker process write while the web process reads.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"

# Login throttling (cadis.apps.accounts.throttle): after LOGIN_MAX_FAILURES wrong passwords for
# one username within the window, that account's sign-ins are refused until the window passes.
# One address is only a ceiling: past LOGIN_ADDRESS_MAX_FAILURES failures from it, each further
# wrong password locks its account at once; a right password is never refused for the address.
LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 5)
LOGIN_FAILURE_WINDOW_SECONDS = env_int("LOGIN_FAILURE_WINDOW_SECONDS", 900)
LOGIN_ADDRESS_MAX_FAILURES = env_int("LOGIN_ADDRESS_MAX_FAILURES", 100)
# Reverse proxies (addresses or networks) whose X-Forwarded-For names the client; the client
# address is REMOTE_ADDR unless the peer is one of these.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from error

# Two-factor authentication (TOTP) is required for administrators and focal points
# unless switched off (the demo switches it off so newcomers can click around).
CADIS_REQUIRE_2FA = env_bool("CADIS_REQUIRE_2FA", default=True)
OTP_TOTP_ISSUER = "cadis"

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]
# One date format per language (ru 07.12.2026, en 7 Dec 2026): templates use SHORT_DATE_FORMAT.
FORMAT_MODULE_PATH = ["cadis.config.formats"]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Almaty")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
CADIS_MAX_UPLOAD_BYTES = env_int("CADIS_MAX_UPLOAD_BYTES", 200 * 1024 * 1024)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns about a missing directory

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "cadis_cache"}}

# Background tasks: the database backend (embedded; `cadis worker`) or RQ on Redis
# (production; `cadis worker` runs an RQ worker, any number of machines share the queue).
TASK_BACKEND = env_str("TASK_BACKEND", "database")
if TASK_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
elif TASK_BACKEND == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("TASK_BACKEND=rq needs REDIS_URL.")
    INSTALLED_APPS.append("django_rq")
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600}}
elif TASK_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured("TASK_BACKEND must be database, rq or immediate.")

# Job recovery: a running job whose worker has not touched its heartbeat for this many seconds is
# orphaned (its worker died); it is cleaned up and retried CADIS_JOB_RETRIES times, then failed.
CADIS_JOB_STALE_SECONDS = env_int("CADIS_JOB_STALE_SECONDS", 300)
CADIS_JOB_RETRIES = env_int("CADIS_JOB_RETRIES", 1)
# Every worker's timer queues the early-warning signal tests of the five countries this often
# (seconds; 0: never, only on detection submit, seizure imports and `cadis signals`).
CADIS_SIGNALS_INTERVAL_SECONDS = env_int("CADIS_SIGNALS_INTERVAL_SECONDS", 3600)

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "cadis@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Every response (cadis.web.security): scripts only from this site, no inline script, no eval.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING" if PROFILE == "test" else "INFO")},
}

CADIS_DEMO = env_bool("CADIS_DEMO", default=False)

# The modules install themselves: every app under cadis/apps/ whose AppConfig is a
# CadisAppConfig with a url_prefix (cadis.platform.modules), in the order it declares.
CADIS_MODULES: list[str] = discover_modules(PACKAGE_DIR / "apps")
INSTALLED_APPS += CADIS_MODULES
