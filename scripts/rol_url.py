"""Print DATABASE_URL with another user: `python scripts/rol_url.py altena_app` (for `make run`).

The password comes from ALTENA_<ROLE>_WACHTWOORD-style variables only when given, e.g.
ALTENA_APP_WACHTWOORD for altena_app; on 127.0.0.1 with trust authentication none is needed."""

import os
import sys
from urllib.parse import quote, urlsplit, urlunsplit

rol = sys.argv[1]
url = urlsplit(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/altena"))
wachtwoord = os.environ.get(f"ALTENA_{rol.removeprefix('altena_').upper()}_WACHTWOORD", "")
host = url.hostname or "127.0.0.1"
netloc = quote(rol) + (":" + quote(wachtwoord) if wachtwoord else "") + "@" + host
if url.port:
    netloc += f":{url.port}"
print(urlunsplit((url.scheme, netloc, url.path, url.query, url.fragment)))
