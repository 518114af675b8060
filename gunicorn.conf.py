"""gunicorn settings for Altena Toegang (read from the working directory by every gunicorn start:
the Dockerfile, docker-compose and `make bench`).

Workers are recycled after a number of requests (with jitter, so they do not restart together):
a sync worker never hands freed memory back to the operating system, so one large report or
export would otherwise keep a worker's resident memory at its peak for the rest of its life.
"""

max_requests = 2000
max_requests_jitter = 200
# A request that runs longer than this is a fault, not a page: the worker is replaced.
timeout = 60
graceful_timeout = 30
