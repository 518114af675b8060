"""The Celery application: Redis broker, settings from Django (CELERY_*), tasks from each app's tasks.py."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "altena.settings.local")

app = Celery("altena")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
