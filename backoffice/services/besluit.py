"""The besluit (beschikking) with its voorzieningen, the start of care, and afschaling: ending a
voorziening, referring back to the voorliggend veld, or closing the case."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from altena.validatie import datum_verplicht, verplicht
from intake.models import Casus, CasusGebeurtenis, Wet
from intake.services import (
    casus_afsluiten_vergrendeld,
    casus_bijwerken_vergrendeld,
    gebeurtenis_toevoegen,
    lock_casus,
    overgang_uitvoeren,
    verwijzing_maken_vergrendeld,
    wijziging_vastleggen,
)
from intake.workflow import Fase
from netwerk.models import PartnerSoort

from ..acties import ACTIES, Stand
from ..models import Besluit, Bezwaar, Leveringsvorm, Product, Voorziening, VoorzieningMutatie
from .mutaties import mutatie_vastleggen, mutaties_vastleggen
from .termijnen import BESCHIKKING_SOORTEN, termijnen_afronden

AANBIEDER_SOORT = {Wet.WMO: PartnerSoort.ZORGAANBIEDER_WMO, Wet.JEUGDWET: PartnerSoort.ZORGAANBIEDER_JEUGD}

VOORZIENING_VELDEN = (
    "product",
    "leveringsvorm",
    "aanbieder",
    "volume",
    "eenheid",
    "frequentie",
    "startdatum",
    "einddatum",
)


def voorziening_fouten(wet: str, gegevens: dict) -> dict[str, str]:
    """The field errors of one voorziening under a law (shared by the form and the service)."""
    fouten: dict[str, str] = {}
    product: Product | None = gegevens.get("product")
    aanbieder = gegevens.get("aanbieder")
    leveringsvorm = gegevens.get("leveringsvorm") or Leveringsvorm.NATURA
    start, eind = gegevens.get("startdatum"), gegevens.get("einddatum")
    if product is None:
        fouten["product"] = "Kies een product uit de catalogus."
    elif product.wet != wet:
        fouten["product"] = f"Dit product hoort niet bij de {Wet(wet).label}."
    elif not product.actief:
        fouten["product"] = "Dit product is niet meer actief in de catalogus."
    if leveringsvorm not in Leveringsvorm.values:
        fouten["leveringsvorm"] = "Kies zorg in natura of een pgb."
    if wet in AANBIEDER_SOORT and leveringsvorm == Leveringsvorm.NATURA:
        if aanbieder is None:
            fouten["aanbieder"] = "Zorg in natura vraagt om een zorgaanbieder."
        elif aanbieder.soort != AANBIEDER_SOORT[wet]:
            fouten["aanbieder"] = f"Kies een zorgaanbieder voor de {Wet(wet).label}."
        elif not aanbieder.agb_code:
            fouten["aanbieder"] = (
                "Deze zorgaanbieder heeft geen AGB-code; vul die eerst aan in de sociale kaart."
            )
        elif not aanbieder.actief:
            fouten["aanbieder"] = "Deze zorgaanbieder is niet meer actief."
        elif (
            product is not None
            and aanbieder.istandaarden_categorieen
            and (product.categorie not in aanbieder.istandaarden_categorieen)
        ):
            fouten["aanbieder"] = (
                f"Deze zorgaanbieder levert geen producten in categorie {product.categorie}."
            )
    if leveringsvorm == Leveringsvorm.PGB and aanbieder is not None and wet not in AANBIEDER_SOORT:
        fouten["leveringsvorm"] = "Een pgb bestaat alleen in de Wmo en de Jeugdwet."
    try:
        volume = Decimal(gegevens.get("volume"))
        if volume <= 0:
            fouten["volume"] = "Het volume moet groter dan nul zijn."
    except (InvalidOperation, TypeError, ValueError):
        fouten["volume"] = "Vul het volume in als getal."
    if not gegevens.get("eenheid"):
        fouten["eenheid"] = "Kies de eenheid."
    if not gegevens.get("frequentie"):
        fouten["frequentie"] = "Kies de frequentie."
    if start is None:
        fouten["startdatum"] = "Vul de startdatum in."
    if eind is None:
        fouten["einddatum"] = "Vul de einddatum in."
    if start and eind and eind < start:
        fouten["einddatum"] = "De einddatum ligt vóór de startdatum."
    return fouten


BESLUIT_GRONDSLAG = {
    Wet.WMO: "Wmo 2015 art. 2.3.5",
    Wet.JEUGDWET: "Jeugdwet art. 2.3",
    Wet.PARTICIPATIEWET: "Participatiewet art. 11 en 43",
}


def besluit_valideren(
    *,
    soort: str,
    besluitdatum: date | None,
    verzonden_op: date | None,
    motivering: str,
    grondslag: str,
    voorzieningen: list[dict],
) -> None:
    """The checks of a besluit that need no database: a ValidationError with every field's error."""
    fouten = {}
    if soort not in Besluit.Soort.values:
        fouten["soort"] = "Kies toekenning, gedeeltelijke toekenning of afwijzing."
    if not (motivering or "").strip():
        fouten["motivering"] = (
            "Een besluit zonder motivering is niet toegestaan (Awb 3:46). Motiveer het besluit."
        )
    if not (grondslag or "").strip():
        fouten["grondslag"] = "Noem de wettelijke grondslag van het besluit."
    if besluitdatum is None:
        fouten["besluitdatum"] = "Vul de datum van het besluit in."
    elif besluitdatum > timezone.localdate():
        fouten["besluitdatum"] = "Deze datum ligt in de toekomst."
    if verzonden_op is None:
        fouten["verzonden_op"] = "Vul in wanneer het besluit is verzonden."
    elif besluitdatum and verzonden_op < besluitdatum:
        fouten["verzonden_op"] = "Het besluit kan niet vóór de besluitdatum zijn verzonden."
    if soort == Besluit.Soort.AFWIJZING and voorzieningen:
        fouten["soort"] = (
            "Een afwijzing kent geen voorzieningen. Kies (gedeeltelijke) toekenning of verwijder ze."
        )
    elif soort in (Besluit.Soort.TOEKENNING, Besluit.Soort.GEDEELTELIJK) and not voorzieningen:
        fouten["soort"] = "Een toekenning vraagt om ten minste één voorziening."
    if fouten:
        raise ValidationError(fouten)


def _besluit_toetsen(locked: Casus, *, besluitdatum: date, voorzieningen: list[dict], na_bezwaar):
    """The checks against the locked case; returns the aanvraag the besluit answers and the
    locked bezwaar (or None)."""
    for i, v in enumerate(voorzieningen, start=1):
        vf = voorziening_fouten(locked.wet, v)
        if vf:
            raise ValidationError([f"Voorziening {i}: {melding}" for melding in vf.values()])
    if na_bezwaar is None:
        ACTIES.vereist(Stand(locked), "besluit")
        aanvraag = locked.aanvragen.filter(besluiten__isnull=True).order_by("-id").first()
        if aanvraag and besluitdatum < aanvraag.ontvangen_op:
            raise ValidationError({"besluitdatum": "Het besluit kan niet vóór de aanvraag zijn genomen."})
        return aanvraag, None
    na_bezwaar = (
        Bezwaar.objects.select_for_update(of=("self",)).select_related("besluit").get(pk=na_bezwaar.pk)
    )
    if na_bezwaar.casus_id != locked.pk or na_bezwaar.uitkomst != Bezwaar.Uitkomst.GEGROND:
        raise ValidationError(
            "Een nieuw besluit na bezwaar volgt alleen op een gegrond bezwaar van deze casus."
        )
    if Besluit.objects.filter(na_bezwaar=na_bezwaar).exists():
        raise ValidationError("Na dit bezwaar is al een nieuw besluit genomen.")
    if locked.fase not in (Fase.BESLUIT, Fase.IN_ZORG):
        raise ValidationError(
            f"Casus {locked.nummer} staat in fase '{locked.get_fase_display()}'. Heropen de casus eerst."
        )
    return na_bezwaar.besluit.aanvraag, na_bezwaar


def _besluit_vastleggen(locked: Casus, *, door, voorzieningen: list[dict], **velden) -> tuple[Besluit, list]:
    """Store the besluit and its voorzieningen with their timeline events."""
    besluit = Besluit.objects.create(casus=locked, door=door, **velden)
    gemaakt = [
        Voorziening(casus=locked, besluit=besluit, **{k: v.get(k) for k in VOORZIENING_VELDEN})
        for v in voorzieningen
    ]
    for v in gemaakt:
        v.leveringsvorm = v.leveringsvorm or Leveringsvorm.NATURA
    Voorziening.objects.bulk_create(gemaakt)
    mutaties_vastleggen(gemaakt, VoorzieningMutatie.Soort.TOEGEKEND)  # the outbox: their 301s follow
    tekst = f"{besluit.get_soort_display()} ({besluit.grondslag}), verzonden {besluit.verzonden_op:%d-%m-%Y}."
    if besluit.na_bezwaar_id:
        tekst = "Nieuw besluit na gegrond bezwaar: " + tekst
    gebeurtenis_toevoegen(
        casus=locked,
        soort=CasusGebeurtenis.Soort.BESLUIT,
        door=door,
        tekst=tekst,
        gegevens={"besluit": besluit.pk, "soort": besluit.soort},
    )
    for v in gemaakt:
        gebeurtenis_toevoegen(
            casus=locked,
            soort=CasusGebeurtenis.Soort.VOORZIENING,
            door=door,
            tekst=(
                f"Toegekend: {v.product} bij {v.aanbieder or v.get_leveringsvorm_display()}, {v.omvang}, "
                f"{v.startdatum:%d-%m-%Y} t/m {v.einddatum:%d-%m-%Y}."
            ),
            gegevens={"voorziening": v.pk},
        )
    return besluit, gemaakt


def _besluit_overgang(locked: Casus, besluit: Besluit, gemaakt: list, door) -> Casus:
    """The consequences for the case, once: the beschikking terms end on the besluitdatum, the case
    moves aanvraag -> besluit, and on to in_zorg when a granted voorziening has started."""
    termijnen_afronden(casus=locked, soorten=BESCHIKKING_SOORTEN, op=besluit.besluitdatum)
    if besluit.na_bezwaar_id:
        return wijziging_vastleggen(locked, soort=None)
    locked = overgang_uitvoeren(locked, naar=Fase.BESLUIT, door=door, tekst="Beschikking genomen.")
    if any(v.startdatum <= timezone.localdate() for v in gemaakt):
        locked = overgang_uitvoeren(locked, naar=Fase.IN_ZORG, door=door, tekst="Zorg gestart.")
    return locked


@transaction.atomic
def besluit_nemen(
    *,
    casus: Casus,
    soort: str,
    besluitdatum: date,
    verzonden_op: date,
    motivering: str,
    grondslag: str,
    door,
    voorzieningen: list[dict] | None = None,
    na_bezwaar: Bezwaar | None = None,
    versie: int | None = None,
) -> Besluit:
    """Take the beschikking on the aanvraag: aanvraag -> besluit (refused by the action table
    before an aanvraag). With ``na_bezwaar`` (a gegrond bezwaar) a new besluit replaces the old one
    beside the fase. Each granted voorziening needs a product of the law and, in natura, a provider.

    Validate, lock once, check, record, transition: the case row is locked one time and the terms
    are closed one time."""
    voorzieningen = list(voorzieningen or [])
    besluit_valideren(
        soort=soort,
        besluitdatum=besluitdatum,
        verzonden_op=verzonden_op,
        motivering=motivering,
        grondslag=grondslag,
        voorzieningen=voorzieningen,
    )
    locked = lock_casus(casus, versie)
    aanvraag, na_bezwaar = _besluit_toetsen(
        locked, besluitdatum=besluitdatum, voorzieningen=voorzieningen, na_bezwaar=na_bezwaar
    )
    besluit, gemaakt = _besluit_vastleggen(
        locked,
        door=door,
        voorzieningen=voorzieningen,
        aanvraag=aanvraag,
        soort=soort,
        besluitdatum=besluitdatum,
        verzonden_op=verzonden_op,
        motivering=motivering.strip(),
        grondslag=grondslag.strip(),
        na_bezwaar=na_bezwaar,
    )
    _besluit_overgang(locked, besluit, gemaakt, door)
    return besluit


@transaction.atomic
def zorg_starten(*, casus: Casus, door, versie: int | None = None) -> Casus:
    """besluit -> in_zorg once a granted voorziening has started."""
    locked = lock_casus(casus, versie)
    ACTIES.vereist(Stand(locked), "zorg_starten")
    return overgang_uitvoeren(locked, naar=Fase.IN_ZORG, door=door, tekst="Zorg gestart.")


def _beeindigen(casus: Casus, voorziening: Voorziening, op: date, reden: str, door) -> None:
    voorziening.beeindigd_op = max(op, voorziening.startdatum)
    voorziening.beeindigingsreden = reden
    voorziening.save(update_fields=["beeindigd_op", "beeindigingsreden"])
    mutatie_vastleggen(voorziening, VoorzieningMutatie.Soort.BEEINDIGD)  # the outbox: its 301 follows
    gebeurtenis_toevoegen(
        casus=casus,
        soort=CasusGebeurtenis.Soort.VOORZIENING,
        door=door,
        tekst=f"Beëindigd per {voorziening.beeindigd_op:%d-%m-%Y}: {voorziening.product}. Reden: {reden}",
        gegevens={"voorziening": voorziening.pk},
    )


@transaction.atomic
def voorziening_beeindigen(
    *, voorziening: Voorziening, beeindigd_op: date, reden: str, door, versie: int | None = None
) -> Voorziening:
    """Stop a voorziening early, with a reason."""
    datum_verplicht(beeindigd_op, melding="Vul de datum van beëindiging in.", veld="beeindigd_op")
    reden = verplicht(reden, melding="Geef de reden van beëindiging.", veld="reden")
    casus = lock_casus(voorziening.casus, versie)
    locked = (
        Voorziening.objects.select_for_update(of=("self",)).select_related("product").get(pk=voorziening.pk)
    )
    if locked.beeindigd_op is not None:
        raise ValidationError("Deze voorziening is al beëindigd.")
    if beeindigd_op < locked.startdatum:
        raise ValidationError({"beeindigd_op": "De einddatum ligt vóór de startdatum van de voorziening."})
    if beeindigd_op > locked.einddatum:
        raise ValidationError({"beeindigd_op": f"De voorziening loopt al af op {locked.einddatum:%d-%m-%Y}."})
    _beeindigen(casus, locked, beeindigd_op, reden, door)
    wijziging_vastleggen(casus, soort=None)
    return locked


def _lopende_beeindigen(casus: Casus, op: date, reden: str, door) -> int:
    lopend = list(
        Voorziening.objects.select_for_update(of=("self",))
        .select_related("product")
        .lopend(op)
        .filter(casus=casus)
    )
    for v in lopend:
        _beeindigen(casus, v, op, reden, door)
    return len(lopend)


GEEN_TOESTEMMING = (
    "Er is nog geen toestemming om gegevens met partners te delen. Vraag de inwoner om toestemming en "
    "leg de reikwijdte vast, of sluit de casus af zonder verwijzing."
)


@transaction.atomic
def casus_afschalen(
    *,
    casus: Casus,
    partner,
    toelichting: str,
    door,
    per: date | None = None,
    versie: int | None = None,
    toestemming_scope: str = "",
):
    """Afschaling: maatwerk ends and the voorliggend veld takes over, through a referral by the
    intake service (onderzoek/besluit/in_zorg -> verwezen). Running voorzieningen end ``per``.

    A referral shares personal data, so it needs the inhabitant's consent. When the front door did
    not record it, the consultant records it here (``toestemming_scope``, asked at the kitchen
    table); without consent nothing changes."""
    toelichting = verplicht(toelichting, melding="Licht toe wat de partner overneemt.", veld="toelichting")
    if partner is None:
        raise ValidationError({"partner": "Kies de partner in het voorliggend veld."})
    if partner.is_zorgaanbieder:
        raise ValidationError(
            {"partner": "Afschalen gaat naar het voorliggend veld, niet naar een zorgaanbieder."}
        )
    locked = lock_casus(casus, versie)
    ACTIES.vereist(Stand(locked), "afschalen")
    if not locked.toestemming_delen:
        if not (toestemming_scope or "").strip():
            raise ValidationError({"toestemming_scope": GEEN_TOESTEMMING})
        locked = casus_bijwerken_vergrendeld(
            locked,
            door=door,
            toestemming_delen=True,
            toestemming_scope=toestemming_scope.strip(),
            toestemming_datum=timezone.localdate(),
        )
    per = per or timezone.localdate()
    _lopende_beeindigen(locked, per, f"Afgeschaald naar {partner.naam}", door)
    return verwijzing_maken_vergrendeld(
        locked, partner=partner, door=door, toelichting=f"Afschaling uit maatwerk: {toelichting}"
    )


AFSLUITREDENEN = [
    ("doel bereikt", "Doel bereikt"),
    ("ingetrokken", "Aanvraag of melding ingetrokken"),
    ("afgewezen", "Afgewezen"),
    ("verhuisd", "Verhuisd buiten de gemeente"),
    ("overleden", "Overleden"),
    ("geen contact", "Geen contact meer met de inwoner"),
    ("anders", "Anders"),
]


@transaction.atomic
def maatwerk_afsluiten(
    *, casus: Casus, reden: str, door, toelichting: str = "", versie: int | None = None
) -> Casus:
    """Close a maatwerk case with a reason; running voorzieningen end today with that reason."""
    if reden not in dict(AFSLUITREDENEN):
        raise ValidationError({"reden": "Kies de reden van afsluiten."})
    if reden == "anders" and not (toelichting or "").strip():
        raise ValidationError({"toelichting": "Licht de reden 'anders' toe."})
    locked = lock_casus(casus, versie)
    ACTIES.vereist(Stand(locked), "afsluiten")
    _lopende_beeindigen(locked, timezone.localdate(), f"Casus afgesloten: {reden}", door)
    tekst = reden + (f": {toelichting.strip()}" if toelichting.strip() else "")
    return casus_afsluiten_vergrendeld(locked, reden=tekst, door=door)
