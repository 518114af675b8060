"""The verwerkingenlog rows of Mijn Toegang. The inwoner is no Django user, so ``altena.verwerkingen``
would write "systeem"; these rows name the inwoner as actor (``INWONER_ZELF``), so "Wie keek in mijn
dossier" can leave the inwoner's own reads out while the privacy officer still sees them."""

from __future__ import annotations

from altena.models import Verwerking

INWONER_ZELF = "inwoner (Mijn Toegang)"
DOEL = "Mijn Toegang: eigen dossier"
DOEL_MELDING = "Mijn Toegang: melding (Wmo 2015 art. 2.3.2)"
DOEL_AANMELDEN = "Mijn Toegang: inloggen met DigiD"
GEWEIGERD = "geweigerd"
H = Verwerking.Handeling


def log_inwoner(
    request,
    *,
    handeling: str,
    object_type: str,
    object_id,
    inwoner_id=None,
    casus_nummer: str = "",
    doel: str = DOEL,
    resultaat: str = "geslaagd",
    actor_naam: str = INWONER_ZELF,
) -> Verwerking:
    rij = Verwerking.objects.create(
        actor=None,
        actor_naam=actor_naam,
        handeling=handeling,
        verwerkingsactiviteit=doel,
        object_type=object_type,
        object_id=str(object_id)[:50],
        inwoner_id=inwoner_id,
        casus_nummer=(casus_nummer or "")[:20],
        resultaat=resultaat,
        oorsprong=f"{request.method} {request.path}"[:200] if request is not None else "",
    )
    if request is not None:
        request.verwerkingen_gelogd = getattr(request, "verwerkingen_gelogd", 0) + 1
    return rij
