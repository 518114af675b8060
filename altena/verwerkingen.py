"""Write the verwerkingenlogging: one row per read, change or export of an inwoner's personal data."""

from .models import Verwerking


def log_verwerking(
    *,
    request=None,
    actor=None,
    handeling: str,
    verwerkingsactiviteit: str,
    object_type: str,
    object_id,
    inwoner_id=None,
    casus_nummer: str = "",
    resultaat: str = "geslaagd",
) -> Verwerking:
    if actor is None and request is not None:
        actor = request.user
    oorsprong = ""
    if request is not None:
        oorsprong = f"{request.method} {request.path}"[:200]
    return Verwerking.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        actor_naam=(actor.get_username() if actor is not None and actor.is_authenticated else "systeem"),
        handeling=handeling,
        verwerkingsactiviteit=verwerkingsactiviteit,
        object_type=object_type,
        object_id=str(object_id),
        inwoner_id=inwoner_id,
        casus_nummer=casus_nummer or "",
        resultaat=resultaat,
        oorsprong=oorsprong,
    )
