"""Run inside `scripts/servers.py` by test_embedded_servers: migrate, one request, one Celery task.

Not a test module itself (pytest collects test_*.py only). Prints one line per step it passed.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def main() -> int:
    os.environ["DJANGO_SETTINGS_MODULE"] = "altena.settings.local"
    subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, check=True)
    print("MIGRATED", flush=True)

    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.test import Client

    from altena.models import Heartbeat

    response = Client(HTTP_HOST="127.0.0.1").get("/health/")
    body = response.json()
    assert response.status_code in (200, 503), response.status_code
    assert body["database"] == "ok" and body["redis"] == "ok", body
    print("REQUEST", flush=True)

    worker = subprocess.Popen(
        [str(Path(PYTHON).parent / "celery"), "-A", "altena", "worker", "--pool=solo", "--loglevel=WARNING"],
        cwd=ROOT,
    )
    try:
        from altena.celery import app

        app.send_task("altena.tasks.heartbeat")
        deadline = time.monotonic() + 90
        while not Heartbeat.objects.filter(naam="beat").exists():
            assert time.monotonic() < deadline, "the worker did not run the task within 90 s"
            assert worker.poll() is None, "the worker stopped"
            time.sleep(0.5)
        print("TASK", flush=True)
    finally:
        worker.terminate()
        worker.wait(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
