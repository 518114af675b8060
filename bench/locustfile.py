"""Locust users for `make bench`: each logs in through the real form as a demo user and loads pages.

bench/run.py writes the plan (which user loads which pages) to the file named by BENCH_PLAN; each
page is requested under its own name, so locust's statistics are per page. Responses carry
X-Query-Count (QUERY_COUNT_HEADER=true), collected per page into BENCH_QUERIES.
"""

import json
import os
import re
from collections import defaultdict

from locust import HttpUser, between, events, task

PLAN = json.loads(open(os.environ["BENCH_PLAN"]).read())
PASSWORD = os.environ.get("DEMO_PASSWORD", "altena-demo")
QUERIES: dict[str, list[int]] = defaultdict(list)


@events.request.add_listener
def count_queries(name, response, exception, **kwargs):
    if response is not None and response.headers.get("X-Query-Count"):
        QUERIES[name].append(int(response.headers["X-Query-Count"]))


@events.quitting.add_listener
def write_queries(environment, **kwargs):
    with open(os.environ["BENCH_QUERIES"], "w") as f:
        json.dump(QUERIES, f)


def login(client, username):
    page = client.get("/accounts/login/", name="(login form)")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = client.post(
        "/accounts/login/",
        {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD},
        headers={"Referer": client.base_url + "/accounts/login/"},
        name="(login)",
    )
    if "/accounts/login/" in response.url:
        raise RuntimeError(f"inloggen als {username} mislukt")


def make_user(username: str, pages: list[str], count: int):
    class RoleUser(HttpUser):
        fixed_count = count
        wait_time = between(0, 0)

        def on_start(self):
            login(self.client, username)
            self.index = 0

        @task
        def next_page(self):
            path = pages[self.index % len(pages)]
            self.index += 1
            with self.client.get(path, name=path, catch_response=True, allow_redirects=False) as r:
                if r.status_code != 200:
                    r.failure(f"status {r.status_code}")

    RoleUser.__name__ = f"User_{username}"
    return RoleUser


for _entry in PLAN["users"]:
    globals()[f"User_{_entry['username']}"] = make_user(_entry["username"], _entry["pages"], _entry["count"])
