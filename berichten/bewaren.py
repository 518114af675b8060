"""Retention of the message archive (issue 21): when backoffice's bewaartermijnen task anonymises a
case, the XML of its messages and the free text of its verzoeken are emptied through the database
function ``berichten_archief_blanken`` (migration 0004), which may touch nothing else and only
anonymised cases. The register keeps type, dates, codes, status and the ToewijzingNummer.
Registered as a ``Bewaarstap`` in ``BerichtenConfig.ready``; every emptied message gets a
verwerkingenlog row (``vernietigen``)."""

from __future__ import annotations

from django.db import connection

from altena.models import Verwerking
from altena.verwerkingen import log_objecten

from .models import Bericht


def _met_inhoud(casus_ids: list[int]):
    return Bericht.objects.filter(casus_id__in=casus_ids).exclude(bestandsnaam="", fouten=[], inhoud=b"")


def tellen(casus_ids: list[int]) -> int:
    return _met_inhoud(casus_ids).count()


def blanken(casus_ids: list[int], doel: str) -> int:
    berichten = list(_met_inhoud(casus_ids).values_list("pk", "casus__inwoner_id", "casus__nummer"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT berichten_archief_blanken(%s::bigint[])", [list(casus_ids)])
        (aantal,) = cursor.fetchone()
    log_objecten(
        request=None,
        handeling=Verwerking.Handeling.VERNIETIGEN,
        verwerkingsactiviteit=doel,
        objecten=[("bericht", pk, inwoner_id, nummer) for pk, inwoner_id, nummer in berichten],
    )
    return aantal


def registreer() -> None:
    from backoffice.bewaartermijnen import Bewaarstap, registreer_bewaarstap

    registreer_bewaarstap(Bewaarstap("berichten (XML)", tellen, blanken))
