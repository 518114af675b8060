"""Settings shared by every environment. Every value comes from the environment, with a local default."""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# DJANGO_SECRET_KEY: signing key; production refuses the insecure default (see production.py).
SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-dev-key-change-me")
# DJANGO_DEBUG: debug pages and static serving from the source tree; never on in production.
DEBUG = env.bool("DJANGO_DEBUG", default=False)
# DJANGO_ALLOWED_HOSTS: comma-separated host names the site answers to.
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
# DJANGO_CSRF_TRUSTED_ORIGINS: comma-separated origins allowed for POST behind a proxy.
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "import_export",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # DigiD and eHerkenning (SAML) for Mijn Toegang, with the apps its configuration models need.
    "solo",
    "privates",
    "simple_certmanager",
    "digid_eherkenning",
    # Only for its Dutch messages (locale); the validator is in AUTH_PASSWORD_VALIDATORS.
    "django_zxcvbn_password_validator",
    "altena",
    "netwerk",
    "brp",
    "intake",
    "backoffice",
    "documenten",
    "berichten",
    "signalen",
    "partner",
    "rapportage",
    "mijn",
]

MIDDLEWARE = [
    "altena.unavailable.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # django-otp's verification state: request.user.is_verified() (altena.security.TweestapsMiddleware).
    "django_otp.middleware.OTPMiddleware",
    "altena.security.HostileInputMiddleware",
    # Cache-Control: no-store on every page and download behind the login.
    "altena.security.GeenOpslagMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "altena.security.SessionTimeoutMiddleware",
    # The inwoner's own session of Mijn Toegang (no staff user): 15 min idle, 2 h absolute.
    "mijn.middleware.InwonerSessieMiddleware",
    "altena.security.TweestapsMiddleware",
    "altena.audit.ActorMiddleware",
    "altena.errors.ErrorPageMiddleware",
    "axes.middleware.AxesMiddleware",
    # Logs refused attempts and guarantees a verwerkingenlog row for every personal-data page.
    "altena.verwerkingen.VerwerkingMiddleware",
    "altena.replica.ReportingReadsMiddleware",
    "altena.replica.QueryCountMiddleware",
    # A partner organisation's worker sees /partner/ only; every other page is refused and logged.
    "partner.middleware.PartnerAfschermingMiddleware",
]

ROOT_URLCONF = "altena.urls"

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
                "altena.access.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "altena.wsgi.application"

# DATABASE_URL: the PostgreSQL database (psycopg 3).
DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/altena")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
# Check a persistent connection before each request, so a restarted PostgreSQL is recovered from
# within one request instead of failing every worker's next request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# REPORTING_DATABASE_URL: optional PostgreSQL streaming replica; rapportage's reads go there
# (altena/replica.py). Unset: everything reads from DATABASE_URL.
REPORTING_DB = None
if env("REPORTING_DATABASE_URL", default=""):
    DATABASES["reporting"] = env.db("REPORTING_DATABASE_URL")
    DATABASES["reporting"]["CONN_HEALTH_CHECKS"] = True
    REPORTING_DB = "reporting"
DATABASE_ROUTERS = ["altena.replica.ReportingRouter"]
# URL prefixes whose requests read from the reporting replica when one is configured.
REPORTING_PATH_PREFIXES = ("/rapportage/",)
# HEALTH_BEAT_STALE_SECONDS: /health/ reports "verminderd" when beat's heartbeat is older than this.
HEALTH_BEAT_STALE_SECONDS = env.int("HEALTH_BEAT_STALE_SECONDS", default=300)
# QUERY_COUNT_HEADER: add X-Query-Count to every response (make bench measures queries per request).
QUERY_COUNT_HEADER = env.bool("QUERY_COUNT_HEADER", default=False)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# REDIS_URL: Celery broker and result backend, and the cache.
REDIS_URL = env("REDIS_URL", default="redis://127.0.0.1:6379/0")

CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "altena.accounts.MinimumLengteValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Issue 21: guessable 12-character passwords (docs/beveiliging.md). No online breached-password
    # check: a closed municipal network cannot call one, and no such corpus ships offline.
    {"NAME": "altena.wachtwoorden.BekendWachtwoordValidator"},
    {"NAME": "altena.wachtwoorden.WoordJaartalValidator"},
    {"NAME": "django_zxcvbn_password_validator.ZxcvbnPasswordValidator"},
]
# zxcvbn: score 3 of 4 at least ("cannot be guessed without access to our database").
PASSWORD_MINIMAL_STRENGTH = 3
PASSWORD_EXTRA_DICTIONARY = ["altena", "westerkwartier", "toegang", "altenatoegang", "gemeente", "welkom"]
# Argon2id first; older hashes are still checked and upgraded at the next login.
PASSWORD_HASHERS = [
    "altena.security.Argon2Wachtwoorden",  # Argon2id, 19 MiB (OWASP); see docs/beveiliging.md
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# Sensitive POST parameters (passwords, codes) are hidden in error reports, with DEBUG on as well.
DEFAULT_EXCEPTION_REPORTER_FILTER = "altena.errors.AltijdFilteren"
# A set-password or reset link is valid for this many seconds (default 1 day).
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=24 * 3600)

# Login throttling (BIO: watch for bursts of failed logins): django-axes locks a username (from any
# address) AND an IP address (for any username) after AXES_FAILURE_LIMIT failures each, for
# AXES_COOLOFF_MINUTES, so neither guessing one account nor spraying many accounts gets far.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Partners' workers with eHerkenning (only acts on an eHerkenning artifact; partner/eherkenning.py).
    "partner.eherkenning.PartnerEherkenningBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
# Per username: altena.blokkade (growing delay, unlock link, second-factor failures counted too).
# axes keeps locking an address that sprays many usernames.
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
# INLOGBLOKKADE_LIMIET failures (password or code) lock a username for 1 minute, doubling per lock up
# to INLOGBLOKKADE_MAX_MINUTEN; each lock mails the account's owner a single-use unlock link (1 hour).
INLOGBLOKKADE_LIMIET = env.int("INLOGBLOKKADE_LIMIET", default=5)
INLOGBLOKKADE_MAX_MINUTEN = env.int("INLOGBLOKKADE_MAX_MINUTEN", default=60)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"

# Content Security Policy (django-csp): everything from our own origin; no CDN, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # No 'unsafe-inline', the admin included (templates/admin/ moves its inline rules to a file).
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
    }
}

# A refused form (expired page, cookies off) gets a Dutch page in the layout, not Django's English one.
CSRF_FAILURE_VIEW = "altena.errors.csrf_failure"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# SESSION_IDLE_MINUTES: log out after this many minutes without a request (default 15).
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_MINUTES", default=15) * 60
# SESSION_MAX_HOURS: absolute lifetime of a login, however active (default 8, one working day).
SESSION_ABSOLUTE_TIMEOUT = env.int("SESSION_MAX_HOURS", default=8) * 3600
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Two-factor login (django-otp, TOTP with recovery codes): required for these roles, offered to all.
# DJANGO_2FA_REQUIRED=false relaxes the requirement for a local demo only (production refuses it).
TWEESTAPS_VERPLICHT = env.bool("DJANGO_2FA_REQUIRED", default=True)
TWEESTAPS_ROLLEN = ["Teamleider", "Beheerder", "Privacy", "Beleid"]
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="Altena Toegang")
# GEMEENTE_MAILDOMEINEN: the gemeente's own mail domains (comma-separated; subdomains count). A new
# account's first set-password link goes only to an address there; any other needs the privacy
# officer's approval (ADR 0009). Deployment configuration, so a beheerder cannot widen it.
GEMEENTE_MAILDOMEINEN = env.list("GEMEENTE_MAILDOMEINEN", default=["altena.nl", "westerkwartier.nl"])
# A BSN typed in an unsuccessful search pre-fills the registration form for at most this long.
ZOEK_SESSIE_SECONDEN = 15 * 60

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Third-party assets come from npm (package.json, `npm ci`), never from a CDN.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/bootstrap-icons", NODE_MODULES / "bootstrap-icons" / "font"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# ALTENA_MEDIA_ROOT: where uploaded case files and letters are kept (through Django's storage API,
# never served as static files: only documenten's views hand them out, after an access check).
MEDIA_ROOT = env.path("ALTENA_MEDIA_ROOT", default=BASE_DIR / "media")
# DOCUMENTEN_MAX_UPLOAD_MB: the largest case file a consultant may upload.
DOCUMENTEN_MAX_UPLOAD_MB = env.int("DOCUMENTEN_MAX_UPLOAD_MB", default=20)
# DOCUMENTEN_CLAMAV: a ClamAV daemon that scans every upload before it is stored, as
# tcp://host:3310 or unix:///run/clamav/clamd.ctl; empty (default) means no scan.
DOCUMENTEN_CLAMAV = env("DOCUMENTEN_CLAMAV", default="")
# DOCUMENTEN_CLAMAV_TIMEOUT: seconds to wait for the scanner; no answer means the upload is refused.
DOCUMENTEN_CLAMAV_TIMEOUT = env.int("DOCUMENTEN_CLAMAV_TIMEOUT", default=30)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: EMAIL_URL (e.g. smtp://user:pass@host:587) or the console backend in development.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# DEFAULT_FROM_EMAIL: sender of digests and notifications.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="toegang@altena.example")

# Mijn Toegang (docs/mijn-toegang.md). MIJN_DEMO_IDP: mount the demo identity providers (the DigiD
# mock of django-digid-eherkenning and the project's eHerkenning demo), which accept any BSN or KvK
# number without SAML. Only for local development and tests: a system check (mijn.E001) refuses it
# with DEBUG off or under production settings.
MIJN_DEMO_IDP = env.bool("MIJN_DEMO_IDP", default=False)
# The inwoner's session: logged out after this long without a request, and this long after login.
MIJN_SESSIE_IDLE = env.int("MIJN_SESSIE_IDLE_MINUTEN", default=15) * 60
MIJN_SESSIE_MAX = env.int("MIJN_SESSIE_MAX_UREN", default=2) * 3600
# MIJN_GEMEENTE: the gemeente whose inwoners this installation's portal serves when the BRP cannot
# say where a BSN is registered (empty: the one gemeente of the installation; with several, the BRP
# decides, see mijn/koppeling.py).
MIJN_GEMEENTE = env("MIJN_GEMEENTE", default="")
# Partners: log in with eHerkenning; PARTNER_LOKAAL_INLOGGEN=false switches the local partner accounts off.
PARTNER_LOKAAL_INLOGGEN = env.bool("PARTNER_LOKAAL_INLOGGEN", default=True)
# DigiD: the library's own session age is not used; MIJN_SESSIE_* above rule (and DigiD's 15 minutes).
DIGID_SESSION_AGE = MIJN_SESSIE_IDLE
# django-privates (the SAML metadata and keys of the DigiD/eHerkenning configuration): never served.
PRIVATE_MEDIA_ROOT = env.path("ALTENA_PRIVATE_MEDIA_ROOT", default=BASE_DIR / ".data" / "private-media")
PRIVATE_MEDIA_URL = "/private-media/"
# The superuser's download of those files in the admin (django-privates through django-sendfile2).
SENDFILE_BACKEND = "django_sendfile.backends.simple"
SENDFILE_ROOT = PRIVATE_MEDIA_ROOT

# DJANGO_DEMO: allow seed_demo and its demo users (on in development, off in production).
DEMO_ENABLED = env.bool("DJANGO_DEMO", default=True)
# SITE_URL: the public address of the site, for absolute links in e-mails (digests).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# DEMO_PASSWORD: password of the demo users made by seed_demo (never in production).
DEMO_PASSWORD = env("DEMO_PASSWORD", default="altena-demo")

# SOCIALE_KAART_CAPACITEIT_GELDIG_WEKEN: after how many weeks a partner's confirmed capacity is stale.
SOCIALE_KAART_CAPACITEIT_GELDIG_WEKEN = env.int("SOCIALE_KAART_CAPACITEIT_GELDIG_WEKEN", default=4)
# PARTNER_UITNODIGING_GELDIG_DAGEN: how long an invitation link for a partner's worker stays valid.
PARTNER_UITNODIGING_GELDIG_DAGEN = env.int("PARTNER_UITNODIGING_GELDIG_DAGEN", default=7)

# Celery (altena/celery.py reads every CELERY_* setting).
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_ENABLE_UTC = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 15 * 60
# With acks_late, a task whose worker was killed (SIGKILL, OOM) stays unacknowledged in Redis until
# the visibility timeout, then is delivered again. Kombu's default is one hour; 20 minutes is the
# smallest safe value: longer than the task time limit (15 min), so a running task is never handed to
# a second worker, and we use no ETA/countdown longer than that. The sweeps are idempotent and beat
# runs them every 2 minutes anyway, so the redelivery is a backstop, not the recovery path.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 20 * 60}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"visibility_timeout": 20 * 60}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# The beat schedule is static, reviewed code: rename a task here, not in a database.
# The teamleider dashboard's figures are at most this old (issue 25: a number and its list agree).
DASHBOARD_MAX_SECONDEN = env.int("DASHBOARD_MAX_SECONDEN", default=60)

CELERY_BEAT_SCHEDULE = {
    "heartbeat": {"task": "altena.tasks.heartbeat", "schedule": 60.0},
    # Signals are a sweep, not a timer: every 2 minutes make what is due and not yet made. A beat
    # queued while no worker ran expires instead of piling up; the next one catches up anyway.
    "signalen-sweep": {"task": "signalen.tasks.sweep", "schedule": 120.0, "options": {"expires": 110}},
    # Berichtenverkeer iWmo/iJw: send what waits in the outbox, read the inbox (exactly once by
    # database constraints, so an overlapping or retried run is harmless).
    "berichten-verwerken": {
        "task": "berichten.tasks.verwerken",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # The backoffice's outbox: granted, changed and ended voorzieningen become 301s (SKIP LOCKED per
    # case, so it may overlap with the round above).
    "berichten-mutaties": {
        "task": "berichten.tasks.mutaties_verwerken",
        "schedule": 20.0,
        "options": {"expires": 18},
    },
    # The daily digest: tried every hour from 7:00 to 17:00 Amsterdam time, sent once a day.
    "signalen-dagoverzichten": {
        "task": "signalen.tasks.dagoverzichten",
        "schedule": crontab(minute=0, hour="7-17"),
        "options": {"expires": 3000},
    },
    # The teamleider dashboard's summary tables (rapportage.stand): counted anew every 30 seconds, so
    # the page is never more than DASHBOARD_MAX_SECONDEN old (older: it counts directly); the page
    # shows the moment. Expires so a backlog never piles up.
    "rapportage-dashboard": {
        "task": "rapportage.tasks.dashboard_verversen",
        "schedule": 30.0,
        "options": {"expires": 25},
    },
    # The raad report's summary tables (rapportage.raad_stand): the whole history, every hour.
    "rapportage-raad": {
        "task": "rapportage.tasks.raad_verversen",
        "schedule": crontab(minute=20),
        "options": {"expires": 3000},
    },
    # Partners' workers: a daily summary of their open referrals (a link only), once a day from 8:00.
    "partner-dagoverzichten": {
        "task": "partner.tasks.dagoverzichten",
        "schedule": crontab(minute=5, hour="8-16"),
        "options": {"expires": 3000},
    },
    # The BRP: every night, re-read every inwoner with an open case or a running voorziening.
    "brp_controle": {
        "task": "signalen.tasks.brp_controle",
        "schedule": crontab(minute=15, hour=3),
        "options": {"expires": 3 * 3600},
    },
    # Retention: every night, anonymise what passed its term under the rules switched on (issue 10).
    "bewaartermijnen": {
        "task": "backoffice.tasks.bewaartermijnen",
        "schedule": crontab(minute=30, hour=2),
        "options": {"expires": 3600},
    },
}

# Berichtenverkeer (iWmo/iJw 3.2): the folder transport (outbox "uit", inbox "in"), by default under
# the project's data folder .data/ (ignored by git).
BERICHTEN_MAP = env("BERICHTEN_MAP", default=str(BASE_DIR / ".data" / "berichten"))
# BERICHTEN_XSD_MAP: the folder with the XSD's in the publication's layout (wmo/xsd/, jw/xsd/). Default:
# the project's own structural copy (berichten/schemas, made by scripts/schemas_kopieren.py); set it
# to the full publication of Zorginstituut Nederland to validate against that. Set empty, received
# files stay in the inbox and sent ones are marked as not schema-checked.
BERICHTEN_XSD_MAP = env("BERICHTEN_XSD_MAP", default=str(BASE_DIR / "berichten" / "schemas")) or None
# BERICHTEN_GGK_ENVELOP: write every outbound message in its StUF-GGk envelope (ggk_Di01/Du01), as
# the GGk portal and webservice take them. Received files are unwrapped whether enveloped or bare.
BERICHTEN_GGK_ENVELOP = env.bool("BERICHTEN_GGK_ENVELOP", default=True)
# BERICHTEN_STARTDATUM (YYYY-MM-DD): the go-live date of the exchange. A toewijzing that ends before
# it is never sent, neither made for an old voorziening nor carried in a 301. Empty: no limit.
BERICHTEN_STARTDATUM = env("BERICHTEN_STARTDATUM", default="") or None  # parsed by berichten (ISO date)

# The BRP API Personen (Haal Centraal; docs/brp.md). BRP_API_URL unset or "embedded": the make targets
# start the stand-in BRP (brp/standin/) and set it; without any, the front door works by hand only.
BRP_API_URL = env("BRP_API_URL", default="")
if BRP_API_URL == "embedded":
    BRP_API_URL = ""
BRP_API_KEY = env("BRP_API_KEY", default="")
BRP_API_KEY_HEADER = env("BRP_API_KEY_HEADER", default="X-API-KEY")
BRP_CLIENT_CERT = env("BRP_CLIENT_CERT", default="")  # PEM certificate for mutual TLS (PKIoverheid)
BRP_CLIENT_KEY = env("BRP_CLIENT_KEY", default="")  # its private key, when not in the same file
BRP_CA_BUNDLE = env("BRP_CA_BUNDLE", default="")  # trusted CAs of the BRP's server certificate
BRP_TIMEOUT_CONNECT = env.float("BRP_TIMEOUT_CONNECT", default=3.0)
BRP_TIMEOUT_READ = env.float("BRP_TIMEOUT_READ", default=5.0)
BRP_RETRIES = env.int("BRP_RETRIES", default=1)
BRP_MAX_ANTWOORD = env.int("BRP_MAX_ANTWOORD", default=2_000_000)  # bytes; a larger answer is refused
# The stand-in's store (a JSON file of its own; seed_demo and `manage.py brp_standin` write it).
BRP_STANDIN_STORE = env("BRP_STANDIN_STORE", default=str(BASE_DIR / ".data" / "brp" / "personen.json"))
# How long the BRP cache of an inwoner counts as fresh before a page reads the BRP again.
BRP_CACHE_SECONDEN = env.int("BRP_CACHE_SECONDEN", default=900)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}, "httpx": {"level": "WARNING"}},
}
