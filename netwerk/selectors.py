"""Reads of the sociale kaart: which partners to show, and the text search over them."""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, Q

from .leefgebieden import Leefgebied
from .models import Contactpersoon, Kern, Partner, PartnerSoort
from .search import ZOEKCONFIG, genormaliseerd, normaliseer

MAX_WOORDEN = 8


def sociale_kaart_partners():
    """The active partners, with what a list shows (kernen, contactpersonen) prefetched."""
    return Partner.objects.actief().voor_sociale_kaart()


def zoekwoorden(tekst: str) -> list[str]:
    woorden = [w for w in re.split(r"[\s,;]+", normaliseer(tekst)) if len(w) >= 2]
    return woorden[:MAX_WOORDEN]


def partners_zoeken(queryset, tekst: str):
    """Partners matching every word of ``tekst``, best matches first.

    A word matches, ignoring case and accents, when it occurs in the name or description (trigram
    index), matches them in Dutch full text (stemmed: "schulden" finds "schuld"), resembles a word of
    the name (trigram word similarity, for typos), names a kern the partner serves (also when the
    partner serves all kernen), a contactpersoon, or the label of its soort or a leefgebied.
    """
    woorden = zoekwoorden(tekst)
    if not woorden:
        return queryset
    vector = SearchVector("naam", weight="A", config=ZOEKCONFIG) + SearchVector(
        "omschrijving", weight="B", config=ZOEKCONFIG
    )
    queryset = queryset.alias(
        _naam_norm=genormaliseerd("naam"),
        _omschrijving_norm=genormaliseerd("omschrijving"),
        _zoekvector=vector,
    )
    for woord in woorden:
        queryset = queryset.filter(_woord_voorwaarde(woord))
    rank = SearchRank(F("_zoekvector"), SearchQuery(" ".join(woorden), config=ZOEKCONFIG))
    return queryset.annotate(zoekscore=rank).order_by("-zoekscore", "naam", "pk")


def _woord_voorwaarde(woord: str) -> Q:
    kernen = Kern.objects.alias(_n=genormaliseerd("naam")).filter(_n__contains=woord)
    in_kern = Partner.kernen.through.objects.filter(kern__in=kernen).values("partner_id")
    contact = Contactpersoon.objects.alias(_n=genormaliseerd("naam")).filter(_n__contains=woord)
    voorwaarde = (
        Q(_naam_norm__contains=woord)
        | Q(_omschrijving_norm__contains=woord)
        | Q(_zoekvector=SearchQuery(woord, config=ZOEKCONFIG))
        | Q(pk__in=in_kern)
        | Q(alle_kernen=True, gemeente__in=kernen.values("gemeente"))
        | Q(pk__in=contact.values("partner_id"))
    )
    if len(woord) >= 4:
        voorwaarde |= Q(_naam_norm__trigram_word_similar=woord)
    soorten = [value for value, label in PartnerSoort.choices if woord in normaliseer(label)]
    if soorten:
        voorwaarde |= Q(soort__in=soorten)
    leefgebieden = [value for value, label in Leefgebied.choices if woord in normaliseer(label)]
    if leefgebieden:
        voorwaarde |= Q(leefgebieden__overlap=leefgebieden)
    return voorwaarde
