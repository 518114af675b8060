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
