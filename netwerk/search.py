"""Accent-insensitive, Dutch-stemmed text search helpers on PostgreSQL (unaccent, pg_trgm, full text).

Migration 0002 installs the ``unaccent`` and ``pg_trgm`` extensions, an IMMUTABLE wrapper
``netwerk_unaccent(text)`` (so it can be indexed) and the text search configuration ``netwerk_dutch``
(the Dutch snowball stemmer after unaccent), so "Babyloniënbroek" and "babylonienbroek" meet.
"""

import unicodedata

from django.db.models import Func, TextField
from django.db.models.functions import Lower

ZOEKCONFIG = "netwerk_dutch"


class ImmutableUnaccent(Func):
    function = "netwerk_unaccent"
    output_field = TextField()


def genormaliseerd(expression):
    """The database side of ``normaliseer``: lower case without accents."""
    return ImmutableUnaccent(Lower(expression))


def normaliseer(tekst: str) -> str:
    """The Python side: lower case without accents (ë -> e), as PostgreSQL unaccent does."""
    decomposed = unicodedata.normalize("NFKD", tekst or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()
