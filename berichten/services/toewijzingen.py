"""Toewijzingen and the 301: from the voorzieningen a besluit grants to the toewijzingen at each
aanbieder, and a toewijzingbericht that holds all of them (the rechtmatigheid rule)."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from backoffice.models import Leveringsvorm, Voorziening
from intake.models import Casus, CasusGebeurtenis
from intake.services import gebeurtenis_toevoegen, lock_casus
from netwerk.models import Gemeente, Partner

from ..models import Bericht, Richting, Status, Toewijzing
from ..omvang import omvang
from ..schema import SchemaOntbreekt, schemafouten
from ..typen import WET_STANDAARD, Berichttype
from ..xml import schrijven
from .versturen import na_commit_versturen

logger = logging.getLogger(__name__)

VERLENGING, VERKORTING, VERWIJDERD = "04", "05", "13"
# Reden wijziging (WMO002/JZ002) from the reason the backoffice gave for an early end.
REDEN_UIT_TEKST = (
    ("overleden", "02"),
    ("overlijden", "02"),
    ("verhuizing", "07"),
    ("verhuisd", "07"),
    ("pgb", "08"),
    ("andere aanbieder", "09"),
)


def _volgende(sequence: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(%s)", [sequence])
        return cursor.fetchone()[0]


def volgende_identificatie() -> str:
    return f"{_volgende('berichten_identificatie'):012d}"


def volgend_toewijzingnummer() -> int:
    return _volgende("berichten_toewijzingnummer")


def gemeente_van(casus: Casus) -> Gemeente:
    naam = casus.gemeente or casus.kern.gemeente
    gemeente = Gemeente.objects.filter(naam=naam).first()
    if gemeente is None:
        raise ValidationError(
            f"Gemeente {naam} heeft geen CBS-code in de beheeromgeving; zonder die code "
            "kan geen bericht worden verstuurd."
        )
    return gemeente


def startdatum() -> date | None:
    """The go-live date of the exchange (setting BERICHTEN_STARTDATUM): a toewijzing that ends
    before it is never sent, neither made for an old voorziening nor carried in a 301."""
    waarde = getattr(settings, "BERICHTEN_STARTDATUM", None)
    if not waarde:
        return None
    return waarde if isinstance(waarde, date) else date.fromisoformat(str(waarde))


def berichtwaardige_voorzieningen(casus: Casus):
    """Voorzieningen that need a toewijzing: in natura at an aanbieder, under Wmo or Jeugdwet."""
    if casus.wet not in WET_STANDAARD:
        return Voorziening.objects.none()
    return Voorziening.objects.filter(
        casus=casus, leveringsvorm=Leveringsvorm.NATURA, aanbieder__isnull=False
    ).exclude(product__categorie="")


def _reden_verkorting(voorziening: Voorziening) -> str:
    tekst = (voorziening.beeindigingsreden or "").lower()
    return next((code for woord, code in REDEN_UIT_TEKST if woord in tekst), VERKORTING)


def _nieuwe(casus: Casus, v: Voorziening, ingangsdatum: date, gewijzigd: dict) -> Toewijzing:
    volume, eenheid, frequentie = omvang(v.volume, v.eenheid, v.frequentie, v.product.categorie)
    t = Toewijzing.objects.create(
        nummer=volgend_toewijzingnummer(),
        casus=casus,
        aanbieder=v.aanbieder,
        standaard=WET_STANDAARD[casus.wet],
        voorziening=v,
        categorie=v.product.categorie,
        productcode=v.product.productcode,
        ingangsdatum=ingangsdatum,
        einddatum=v.eind,
        volume=volume,
        eenheid=eenheid,
        frequentie=frequentie,
    )
    gewijzigd.setdefault(v.aanbieder_id, set()).add(t.pk)
    return t


def _bijwerken(casus: Casus, v: Voorziening, gewijzigd: dict) -> None:
    huidige = v.toewijzingen.order_by("-ingangsdatum", "-nummer").first()
    if huidige is None:
        _nieuwe(casus, v, v.startdatum, gewijzigd)
        return
    nu = timezone.now()
    volume, eenheid, frequentie = omvang(v.volume, v.eenheid, v.frequentie, v.product.categorie)
    if (volume, eenheid, frequentie) != (huidige.volume, huidige.eenheid, huidige.frequentie):
        # Another omvang ends the current toewijzing and starts a new one (WMO002 05); one that has
        # not started yet is withdrawn (13: einddatum = ingangsdatum).
        per = max(timezone.localdate(), huidige.ingangsdatum + timedelta(days=1))
        if per > v.eind:
            return
        if per - timedelta(days=1) <= huidige.ingangsdatum and huidige.ingangsdatum >= timezone.localdate():
            huidige.einddatum, huidige.reden_wijziging = huidige.ingangsdatum, VERWIJDERD
            per = huidige.ingangsdatum
        else:
            huidige.einddatum, huidige.reden_wijziging = per - timedelta(days=1), VERKORTING
        huidige.toegewezen_op = nu
        huidige.save(update_fields=["einddatum", "reden_wijziging", "toegewezen_op"])
        gewijzigd.setdefault(v.aanbieder_id, set()).add(huidige.pk)
        _nieuwe(casus, v, per, gewijzigd)
        return
    if huidige.einddatum != v.eind:
        reden = VERLENGING if v.eind > huidige.einddatum else _reden_verkorting(v)
        huidige.einddatum = max(v.eind, huidige.ingangsdatum)
        huidige.reden_wijziging, huidige.toegewezen_op = reden, nu
        huidige.save(update_fields=["einddatum", "reden_wijziging", "toegewezen_op"])
        gewijzigd.setdefault(v.aanbieder_id, set()).add(huidige.pk)


@transaction.atomic
def toewijzingen_bijwerken(*, casus: Casus) -> list[Bericht]:
    """Bring the toewijzingen of a case in line with its voorzieningen and send a 301 to every
    aanbieder whose toewijzingen changed. Idempotent: nothing changed, nothing sent."""
    return toewijzingen_bijwerken_vergrendeld(lock_casus(casus, None))


def toewijzingen_bijwerken_vergrendeld(locked: Casus) -> list[Bericht]:
    """``toewijzingen_bijwerken`` on a case the caller already locked (a change of a voorziening)."""
    gewijzigd: dict[int, set[int]] = {}
    vanaf = startdatum()
    for v in berichtwaardige_voorzieningen(locked).select_related("product", "aanbieder").order_by("pk"):
        if vanaf and v.eind < vanaf and not v.toewijzingen.exists():
            continue  # ended before the exchange went live: never a toewijzing
        _bijwerken(locked, v, gewijzigd)
    return [
        toewijzingbericht_maken(casus=locked, aanbieder=Partner.objects.get(pk=a), gewijzigd=ids)
        for a, ids in sorted(gewijzigd.items())
    ]


def client_van(casus: Casus) -> schrijven.Client:
    i = casus.inwoner
    return schrijven.Client(
        bsn=i.bsn,
        geboortedatum=i.geboortedatum,
        achternaam=i.achternaam,
        voorvoegsel=i.tussenvoegsel,
        voornamen=i.voornamen,
        straat=i.straat,
        huisnummer=i.huisnummer,
        postcode=i.postcode,
        plaats=i.woonplaats,
    )


def product_van(t: Toewijzing) -> schrijven.ToegewezenProduct:
    return schrijven.ToegewezenProduct(
        nummer=t.nummer,
        categorie=t.categorie,
        productcode=t.productcode,
        toegewezen_op=timezone.localtime(t.toegewezen_op),
        ingangsdatum=t.ingangsdatum,
        einddatum=t.einddatum,
        volume=t.volume,
        eenheid=t.eenheid,
        frequentie=t.frequentie,
        reden_wijziging=t.reden_wijziging,
        referentie_aanbieder=t.referentie_aanbieder,
    )


def bericht_opslaan(*, bt: Berichttype, inhoud: bytes, casus, aanbieder, afzender, ontvanger, identificatie,
                    antwoord_op=None) -> Bericht:  # fmt: skip
    """Store a message the gemeente writes, after checking it against its own XSD, and send it
    after commit. A message that does not validate is a bug: it is never sent. Without a schema
    folder (BERICHTEN_XSD_MAP) it is still sent, marked as not checked against the schema."""
    from lxml import etree

    gecontroleerd = True
    try:
        fouten = schemafouten(bt.naam, etree.ElementTree(etree.fromstring(inhoud)))
    except SchemaOntbreekt as exc:
        logger.warning("%s %s niet tegen schema gecontroleerd: %s", bt.naam, identificatie, exc)
        fouten, gecontroleerd = [], False
    if fouten:
        raise ValueError(f"{bt.naam} voldoet niet aan de XSD: {fouten}")
    bericht = Bericht.objects.create(
        richting=Richting.UIT,
        gemeente=Gemeente.objects.filter(cbs_code=afzender).values_list("naam", flat=True).first() or "",
        berichttype=bt.naam,
        identificatie=identificatie,
        dagtekening=timezone.localdate(),
        afzender=afzender,
        ontvanger=ontvanger,
        aanbieder=aanbieder,
        casus=casus,
        antwoord_op=antwoord_op,
        status=Status.TE_VERSTUREN,
        schema_gecontroleerd=gecontroleerd,
        inhoud=inhoud,
        bestandsnaam=f"{bt.naam}_{afzender}_{ontvanger}_{identificatie}.xml",
    )
    na_commit_versturen()
    return bericht


def toewijzingbericht_maken(*, casus: Casus, aanbieder: Partner, gewijzigd=()) -> Bericht:
    """The 301 for this client at this aanbieder: every toewijzing valid on or after today, plus
    the changed ones (also when they now end before today)."""
    standaard = WET_STANDAARD[casus.wet]
    bt = Berichttype(standaard, "301")
    vandaag = timezone.localdate()
    toewijzingen = (
        Toewijzing.objects.filter(
            casus__inwoner=casus.inwoner_id,
            casus__gemeente=casus.gemeente,
            aanbieder=aanbieder,
            standaard=standaard,
        )
        .filter(Q(einddatum__gte=vandaag) | Q(pk__in=list(gewijzigd)))
        .order_by("nummer")
    )
    if vanaf := startdatum():
        toewijzingen = toewijzingen.filter(einddatum__gte=vanaf)
    gemeente = gemeente_van(casus)
    client = client_van(casus)
    if not schrijven.adres_volledig(client):
        raise ValidationError(
            f"De inwoner van casus {casus.nummer} heeft geen volledig adres (postcode en huisnummer); een "
            "toewijzing (301) vraagt dat (TR006, CD034). Vul het adres aan; de toewijzing gaat daarna uit."
        )
    identificatie = volgende_identificatie()
    inhoud = schrijven.toewijzingbericht(
        bt=bt,
        gemeente=gemeente.cbs_code,
        agb=aanbieder.agb_code,
        identificatie=identificatie,
        dagtekening=vandaag,
        client=client,
        producten=[product_van(t) for t in toewijzingen],
    )
    bericht = bericht_opslaan(
        bt=bt,
        inhoud=inhoud,
        casus=casus,
        aanbieder=aanbieder,
        afzender=gemeente.cbs_code,
        ontvanger=aanbieder.agb_code,
        identificatie=identificatie,
    )
    gebeurtenis_toevoegen(
        casus=casus,
        soort=CasusGebeurtenis.Soort.VOORZIENING,
        tekst=(
            f"Toewijzingbericht {bt.naam} aangemaakt voor {aanbieder.naam} "
            f"({len(toewijzingen)} toewijzing(en))."
        ),
        gegevens={"bericht": bericht.pk},
    )
    return bericht
