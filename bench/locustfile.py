"""Locust users for `make bench`: each logs in through the real forms as a demo user (password, and
for the roles that need it the two-factor step with a single-use bench code) and then works.

Two phases, chosen by bench/run.py through the environment:

* BENCH_PLAN (pages): which user loads which pages; each page is requested under its own name, so
  locust's statistics are per page. Responses carry X-Query-Count (QUERY_COUNT_HEADER=true),
  collected per page into BENCH_QUERIES.
* BENCH_REGISTRATIE (registration): frontoffice users register new hulpvragen through the real
  form: GET the form (CSRF token, submission token), POST it; a success is a redirect to the new
  case. Successes and the case numbers go to BENCH_REGISTRATIE_OUT.

BENCH_CODES names the JSON file of bench codes (manage.py bench_codes).
"""

import itertools
import json
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # locust loads this file by path

from bench.common import Codes, FormFields, login  # noqa: E402

CODES = Codes.load(os.environ["BENCH_CODES"]) if os.environ.get("BENCH_CODES") else None
QUERIES: dict[str, list[int]] = defaultdict(list)
REGISTRATIES = {"ok": 0, "dubbelvraag": 0, "fout": 0, "nummers": []}


@events.request.add_listener
def count_queries(name, response, exception, **kwargs):
    if response is not None and response.headers.get("X-Query-Count"):
        QUERIES[name].append(int(response.headers["X-Query-Count"]))


@events.quitting.add_listener
def write_results(environment, **kwargs):
    if os.environ.get("BENCH_QUERIES"):
        Path(os.environ["BENCH_QUERIES"]).write_text(json.dumps(QUERIES))
    if os.environ.get("BENCH_REGISTRATIE_OUT"):
        Path(os.environ["BENCH_REGISTRATIE_OUT"]).write_text(json.dumps(REGISTRATIES))
    if CODES is not None:  # the next phase must not get a code this one spent
        CODES.save(Path(os.environ["BENCH_CODES"]))


# Think time between two pages of one user (BENCH_DENKTIJD seconds on average, spread ±50%).
DENKTIJD = float(os.environ.get("BENCH_DENKTIJD", "0"))


def make_user(username: str, pages: list[str], count: int):
    class RoleUser(HttpUser):
        fixed_count = count
        wait_time = between(DENKTIJD * 0.5, DENKTIJD * 1.5)

        def on_start(self):
            login(self.client, self.host, username, CODES, locust=True)
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


CASUS = re.compile(r"^/intake/casus/([^/]+)/$")


def make_registration_user(plan: dict):
    """Registers hulpvragen for the inwoners of the plan, round robin over all users of this process.

    Registration n goes to inwoner n mod N with leefgebieden set n div N (all sets of one or two
    leefgebieden), and its text is unique: the duplicate guard (same inwoner, same text or the same
    leefgebieden within minutes) then never asks, as it would not at a real desk."""
    inwoners = plan["inwoners"]
    counter = itertools.count()

    class RegistrationUser(HttpUser):
        fixed_count = plan["users"]
        wait_time = between(0, 0)

        def on_start(self):
            login(self.client, self.host, plan["username"], CODES, locust=True)

        @task
        def register(self):
            n = next(counter)
            url = f"/intake/inwoner/{inwoners[n % len(inwoners)]}/hulpvraag/"
            page = self.client.get(url, name="hulpvraag formulier")
            if page.status_code != 200:
                REGISTRATIES["fout"] += 1
                return
            form = FormFields(page.text, containing="indienings_token")
            gebieden = form.choices["leefgebieden"]
            sets = [[g] for g in gebieden] + [list(p) for p in itertools.combinations(gebieden, 2)]
            data = {k: v for k, v in form.values.items() if k != "dubbel_bevestigd"}
            data.update({
                "hulpvraag": f"Benchmark hulpvraag {plan['run']}-{n}: hulp bij administratie en schulden.",
                "leefgebieden": sets[(n // len(inwoners)) % len(sets)],
                "kanaal": form.choices["kanaal"][0],
            })  # fmt: skip
            referer = {"Referer": self.host + url}
            with self.client.post(url, data=data, name="hulpvraag registreren", allow_redirects=False,
                                  headers=referer, catch_response=True) as r:  # fmt: skip
                m = CASUS.match(r.headers.get("Location", "")) if r.status_code == 302 else None
                if m:
                    REGISTRATIES["ok"] += 1
                    REGISTRATIES["nummers"].append(m[1])
                elif r.status_code == 200 and 'data-testid="mogelijk-dubbel"' in r.text:
                    REGISTRATIES["dubbelvraag"] += 1
                    r.failure("dubbelvraag")
                else:
                    REGISTRATIES["fout"] += 1
                    r.failure(f"status {r.status_code}")

    return RegistrationUser


if os.environ.get("BENCH_PLAN"):
    for _e in json.loads(Path(os.environ["BENCH_PLAN"]).read_text())["users"]:
        globals()[f"User_{_e['username']}"] = make_user(_e["username"], _e["pages"], _e["count"])
if os.environ.get("BENCH_REGISTRATIE"):
    _plan = json.loads(Path(os.environ["BENCH_REGISTRATIE"]).read_text())
    RegistrationUser = make_registration_user(_plan)
