"""The case lifecycle: every fase and the one table of allowed transitions.

A Casus changes fase only through ``intake.services.overgang_uitvoeren`` (on a locked case; every
transition service of intake and backoffice goes through it), which consults this table, so a
transition that is not listed here cannot happen. The action tables read it too.
"""

from django.db import models


class Fase(models.TextChoices):
    AANGEMELD = "aangemeld", "Aangemeld"
    AFGEHANDELD = "afgehandeld", "Direct afgehandeld"
    VERWEZEN = "verwezen", "Verwezen naar voorliggend veld"
    MELDING = "melding", "Melding"
    ONDERZOEK = "onderzoek", "Onderzoek"
    AANVRAAG = "aanvraag", "Aanvraag"
    BESLUIT = "besluit", "Besluit"
    IN_ZORG = "in_zorg", "In zorg"
    AFGESLOTEN = "afgesloten", "Afgesloten"


class Route(models.TextChoices):
    ONBEPAALD = "onbepaald", "Nog niet bepaald"
    DIRECT = "direct", "Direct afgehandeld"
    VOORLIGGEND_VELD = "voorliggend_veld", "Voorliggend veld"
    MAATWERK = "maatwerk", "Maatwerk"


OPEN_FASEN = frozenset(f for f in Fase.values if f not in (Fase.AFGEHANDELD, Fase.AFGESLOTEN))
MAATWERK_FASEN = frozenset({Fase.MELDING, Fase.ONDERZOEK, Fase.AANVRAAG, Fase.BESLUIT, Fase.IN_ZORG})

# (from, to) -> the route the case is on afterwards (None: keep the current route).
TRANSITIONS: dict[tuple[str, str], str | None] = {
    (Fase.AANGEMELD, Fase.AFGEHANDELD): Route.DIRECT,
    (Fase.AANGEMELD, Fase.VERWEZEN): Route.VOORLIGGEND_VELD,
    (Fase.AANGEMELD, Fase.MELDING): Route.MAATWERK,
    (Fase.VERWEZEN, Fase.MELDING): Route.MAATWERK,
    (Fase.MELDING, Fase.ONDERZOEK): None,
    (Fase.MELDING, Fase.AANVRAAG): None,
    (Fase.ONDERZOEK, Fase.AANVRAAG): None,
    (Fase.ONDERZOEK, Fase.VERWEZEN): Route.VOORLIGGEND_VELD,
    (Fase.AANVRAAG, Fase.BESLUIT): None,
    (Fase.BESLUIT, Fase.IN_ZORG): None,
    (Fase.IN_ZORG, Fase.AANVRAAG): None,
    (Fase.IN_ZORG, Fase.VERWEZEN): Route.VOORLIGGEND_VELD,
    (Fase.BESLUIT, Fase.VERWEZEN): Route.VOORLIGGEND_VELD,
    (Fase.AFGESLOTEN, Fase.AANGEMELD): Route.ONBEPAALD,
    **{(f, Fase.AFGESLOTEN): None for f in OPEN_FASEN},
}


# The fields a transition may set besides fase and route (a whitelist per target fase): a caller
# cannot slip an unrelated change into a transition.
OVERGANG_VELDEN: dict[str, frozenset[str]] = {
    Fase.MELDING: frozenset({"wet", "meldingsdatum", "team"}),
    Fase.AFGESLOTEN: frozenset({"afsluitreden"}),
}
# Fases that end the case's active life: ``afgesloten_op`` is stamped when a case enters one.
EIND_FASEN = frozenset({Fase.AFGEHANDELD, Fase.AFGESLOTEN})


def is_toegestaan(van: str, naar: str) -> bool:
    return (van, naar) in TRANSITIONS


def toegestane_overgangen(van: str) -> list[str]:
    return [naar for (v, naar) in TRANSITIONS if v == van]
