"""The life domains (leefgebieden) of the social domain: the 13 domains of the ZRM (2017)."""

from django.db import models


class Leefgebied(models.TextChoices):
    FINANCIEN = "financien", "Financiën"
    WERK_OPLEIDING = "werk_opleiding", "Werk & opleiding"
    TIJDSBESTEDING = "tijdsbesteding", "Tijdsbesteding"
    HUISVESTING = "huisvesting", "Huisvesting"
    HUISELIJKE_RELATIES = "huiselijke_relaties", "Huiselijke relaties"
    GEESTELIJKE_GEZONDHEID = "geestelijke_gezondheid", "Geestelijke gezondheid"
    LICHAMELIJKE_GEZONDHEID = "lichamelijke_gezondheid", "Lichamelijke gezondheid"
    MIDDELENGEBRUIK = "middelengebruik", "Middelengebruik"
    BASALE_ADL = "basale_adl", "Basale ADL"
    INSTRUMENTELE_ADL = "instrumentele_adl", "Instrumentele ADL"
    SOCIAAL_NETWERK = "sociaal_netwerk", "Sociaal netwerk"
    MAATSCHAPPELIJKE_PARTICIPATIE = "maatschappelijke_participatie", "Maatschappelijke participatie"
    JUSTITIE = "justitie", "Justitie"


# A plain-language hint per domain, for the desk worker who hears "huishoudelijke hulp" and must
# find "Instrumentele ADL". Shown beside the label wherever a domain is chosen.
UITLEG: dict[str, str] = {
    Leefgebied.FINANCIEN: "geld, schulden, rekeningen, uitkering",
    Leefgebied.WERK_OPLEIDING: "werk, school, opleiding, re-integratie",
    Leefgebied.TIJDSBESTEDING: "dagbesteding, vrije tijd, structuur in de dag",
    Leefgebied.HUISVESTING: "woning, dreigende uithuiszetting, woningaanpassing",
    Leefgebied.HUISELIJKE_RELATIES: "gezin, partner, opvoeding, huiselijk geweld",
    Leefgebied.GEESTELIJKE_GEZONDHEID: "psychische klachten, eenzaamheid, dementie",
    Leefgebied.LICHAMELIJKE_GEZONDHEID: "ziekte, beperking, mobiliteit",
    Leefgebied.MIDDELENGEBRUIK: "alcohol, drugs, gokken",
    Leefgebied.BASALE_ADL: "wassen, aankleden, eten, naar het toilet (persoonlijke verzorging)",
    Leefgebied.INSTRUMENTELE_ADL: "huishoudelijke hulp, boodschappen, koken, vervoer, post en geldzaken",
    Leefgebied.SOCIAAL_NETWERK: "familie, vrienden, mantelzorg, buren",
    Leefgebied.MAATSCHAPPELIJKE_PARTICIPATIE: "meedoen: vereniging, vrijwilligerswerk, contacten",
    Leefgebied.JUSTITIE: "politie, reclassering, boetes",
}


def keuzes_met_uitleg() -> list[tuple[str, str]]:
    """The domains as form choices, each label with its plain-language hint."""
    return [(code, f"{label} ({UITLEG[code]})") for code, label in Leefgebied.choices]
