"""The providers' verzoeken: a verzoek om toewijzing (315) or om wijziging (317) becomes a task on
the case. The gemeente answers at once with a 319 "aanvraag in onderzoek"; the consultant then
approves (a new 301 with the provider's reference) or rejects (a 319 with a reason from WJ759)."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone

from intake.models import Casus, CasusGebeurtenis, Wet
from intake.services import gebeurtenis_toevoegen, lock_casus
from intake.workflow import OPEN_FASEN
from netwerk.models import Gemeente

from ..codelijsten import WJ759
from ..models import Bericht, Standaard, Toewijzing, Verzoek
from ..typen import Berichttype
from ..xml import schrijven
from .toewijzingen import (
    bericht_opslaan,
    gemeente_van,
    toewijzingbericht_maken,
    volgend_toewijzingnummer,
    volgende_identificatie,
)

STANDAARD_WET = {Standaard.WMO: Wet.WMO, Standaard.JW: Wet.JEUGDWET}
AFGEWEZEN, IN_ONDERZOEK = "1", "2"
DOOR_AANBIEDER = "12"  # reden wijziging: geïnitieerd door de aanbieder


def _casus_voor(bsn: str, standaard: str, gemeente: str) -> Casus | None:
    """The case a verzoek belongs to: the inhabitant's open case under that law, else the latest,
    within the addressed gemeente only (a case elsewhere is as unknown as no case at all)."""
    if not gemeente:
        return None
    open_eerst = Case(
        When(fase__in=list(OPEN_FASEN), then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return (
        Casus.objects.filter(inwoner__bsn=bsn, wet=STANDAARD_WET[standaard], gemeente=gemeente)
        .order_by(open_eerst, "-aangemaakt")
        .first()
    )


def _omvang(g, el) -> dict:
    return {
        "volume": g.tekst(el, "m:Omvang/b:Volume"),
        "eenheid": g.tekst(el, "m:Omvang/b:Eenheid"),
        "frequentie": g.tekst(el, "m:Omvang/b:Frequentie"),
    }


def _gemeenschappelijk(bericht: Bericht, g, oordeel):
    client = g.root.find("m:Client", g.ns)
    bsn = g.tekst(client, "m:Bsn")
    casus = _casus_voor(bsn, g.bt.standaard, bericht.gemeente)
    if casus is None:
        from .ontvangen import EIGEN_REGELS

        oordeel.fout("0001", EIGEN_REGELS["AT03"], klasse=g.pad(client), regel="AT03")
        return client, None
    oordeel.casus = casus
    if Verzoek.objects.filter(
        casus__inwoner=casus.inwoner_id,
        casus__gemeente=bericht.gemeente,
        aanbieder_agb=bericht.afzender,
        uitkomst=Verzoek.Uitkomst.OPEN,
    ).exists():
        oordeel.fout("9374", klasse=g.pad(client), regel="TR374")
    return client, casus


def _referentie_bestaat(bericht: Bericht, standaard: str, referentie: str) -> bool:
    bestaand = Verzoek.objects.filter(
        aanbieder_agb=bericht.afzender, casus__gemeente=bericht.gemeente, standaard=standaard
    )
    return (
        bestaand.filter(referentie_aanbieder=referentie).exists()
        or bestaand.filter(producten__contains=[{"referentie": referentie}]).exists()
    )


def vot_verwerken(bericht: Bericht, g, oordeel) -> None:
    client, casus = _gemeenschappelijk(bericht, g, oordeel)
    producten = []
    for el in g.alle(client, "m:AangevraagdeProducten/m:AangevraagdProduct"):
        referentie = g.tekst(el, "m:ReferentieAanbieder")
        if _referentie_bestaat(bericht, g.bt.standaard, referentie):
            oordeel.fout("9347", klasse=g.pad(el), regel="TR347")
        producten.append(
            {
                "soort": "nieuw",
                "referentie": referentie,
                "categorie": g.tekst(el, "m:Product/b:Categorie"),
                "code": g.tekst(el, "m:Product/b:Code"),
                "ingangsdatum": g.tekst(el, "m:ToewijzingIngangsdatum"),
                "einddatum": g.tekst(el, "m:ToewijzingEinddatum"),
                "verwijzer": g.tekst(el, "m:Verwijzer/b:Type"),
                **_omvang(g, el),
            }
        )
    if casus is not None and not oordeel.afgekeurd:
        _verzoek_maken(bericht, g, casus, Verzoek.Soort.TOEWIJZING, producten[0]["referentie"], producten)


def vow_verwerken(bericht: Bericht, g, oordeel) -> None:
    client, casus = _gemeenschappelijk(bericht, g, oordeel)
    verzoek = client.find("m:Verzoek", g.ns)
    referentie = g.tekst(verzoek, "m:ReferentieAanbieder")
    if _referentie_bestaat(bericht, g.bt.standaard, referentie):
        oordeel.fout("9347", klasse=g.pad(verzoek), regel="TR347")
    if casus is None:
        return
    actueel = {
        t.nummer: t
        for t in Toewijzing.objects.filter(
            casus__inwoner=casus.inwoner_id,
            aanbieder=bericht.aanbieder,
            standaard=g.bt.standaard,
            einddatum__gte=bericht.dagtekening or timezone.localdate(),
        )
    }
    genoemd, producten = set(), []
    for soort, pad, code in (("ongewijzigd", "OngewijzigdeProducten/m:OngewijzigdProduct", "9350"),
                             ("wijzigen", "TeWijzigenProducten/m:TeWijzigenProduct", "9351")):  # fmt: skip
        for el in g.alle(verzoek, f"m:{pad}"):
            nummer = int(g.tekst(el, "m:ToewijzingNummer") or 0)
            if nummer not in actueel:
                oordeel.fout(code, klasse=g.pad(el), regel=f"TR{code[1:]}")
            genoemd.add(nummer)
            if soort == "wijzigen":
                producten.append(
                    {
                        "soort": soort,
                        "nummer": nummer,
                        "ingangsdatum": g.tekst(el, "m:GewensteIngangsdatum"),
                        "einddatum": g.tekst(el, "m:Einddatum"),
                        **_omvang(g, el),
                    }
                )
    if set(actueel) - genoemd:
        oordeel.fout("9349", klasse=g.pad(verzoek), regel="TR349")
    for el in g.alle(verzoek, "m:NieuweProducten/m:NieuwProduct"):
        producten.append(
            {
                "soort": "nieuw",
                "referentie": referentie,
                "categorie": g.tekst(el, "m:Product/b:Categorie"),
                "code": g.tekst(el, "m:Product/b:Code"),
                "ingangsdatum": g.tekst(el, "m:GewensteIngangsdatum"),
                "einddatum": g.tekst(el, "m:Einddatum"),
                **_omvang(g, el),
            }
        )
    if not oordeel.afgekeurd:
        _verzoek_maken(bericht, g, casus, Verzoek.Soort.WIJZIGING, referentie, producten)


def _verzoek_maken(bericht, g, casus, soort, referentie, producten) -> Verzoek:
    verzoek = Verzoek.objects.create(
        soort=soort,
        bericht=bericht,
        casus=casus,
        aanbieder=bericht.aanbieder,
        aanbieder_agb=bericht.afzender,
        standaard=g.bt.standaard,
        referentie_aanbieder=referentie,
        producten=producten,
    )
    gebeurtenis_toevoegen(
        casus=casus,
        soort=CasusGebeurtenis.Soort.VOORZIENING,
        tekst=f"{verzoek.get_soort_display()} ontvangen van {verzoek.aanbieder_naam}: te beoordelen.",
        gegevens={"bericht": bericht.pk, "verzoek": verzoek.pk},
    )
    return verzoek


def _antwoord(verzoek: Verzoek, antwoord: str, reden: str = "") -> list[Bericht]:
    bt = Berichttype(verzoek.standaard, "319")
    # Answer as the gemeente the verzoek was addressed to (a known code, TR378), else the case's.
    gemeente = Gemeente.objects.filter(cbs_code=verzoek.bericht.ontvanger).first() or gemeente_van(
        verzoek.casus
    )
    referenties = sorted(
        {p.get("referentie") or verzoek.referentie_aanbieder for p in verzoek.producten}
    ) or [verzoek.referentie_aanbieder]
    if verzoek.soort == Verzoek.Soort.WIJZIGING:
        referenties = [verzoek.referentie_aanbieder]
    berichten = []
    for referentie in referenties:
        identificatie = volgende_identificatie()
        inhoud = schrijven.antwoordbericht(
            bt=bt,
            gemeente=gemeente.cbs_code,
            agb=verzoek.aanbieder_agb,
            identificatie=identificatie,
            dagtekening=timezone.localdate(),
            referentie_aanbieder=referentie,
            antwoord=antwoord,
            reden_afwijzing=reden,
        )
        berichten.append(
            bericht_opslaan(
                bt=bt,
                inhoud=inhoud,
                casus=verzoek.casus,
                aanbieder=verzoek.aanbieder,
                afzender=gemeente.cbs_code,
                ontvanger=verzoek.aanbieder_agb,
                identificatie=identificatie,
                antwoord_op=verzoek.bericht,
            )
        )
    return berichten


def in_onderzoek_melden(verzoek: Verzoek) -> list[Bericht]:
    """The first answer: 319 with VerzoekAntwoord 2, "aanvraag in onderzoek"."""
    return _antwoord(verzoek, IN_ONDERZOEK)


def _vergrendelen(verzoek: Verzoek) -> Verzoek:
    lock_casus(verzoek.casus, None)
    locked = (
        Verzoek.objects.select_for_update(of=("self",))
        .select_related("casus", "aanbieder", "bericht")
        .get(pk=verzoek.pk)
    )
    if locked.uitkomst != Verzoek.Uitkomst.OPEN:
        raise ValidationError("Dit verzoek is al beoordeeld.")
    return locked


def _datum(tekst: str, standaard: date) -> date:
    try:
        return date.fromisoformat(tekst)
    except (TypeError, ValueError):
        return standaard


def _toewijzing_uit_verzoek(verzoek: Verzoek, p: dict) -> Toewijzing:
    begin = _datum(p.get("ingangsdatum"), timezone.localdate())
    eind = max(_datum(p.get("einddatum"), begin + timedelta(days=364)), begin)
    return Toewijzing.objects.create(
        nummer=volgend_toewijzingnummer(),
        casus=verzoek.casus,
        aanbieder=verzoek.aanbieder,
        standaard=verzoek.standaard,
        categorie=p.get("categorie", ""),
        productcode=p.get("code", ""),
        ingangsdatum=begin,
        einddatum=eind,
        volume=int(p.get("volume") or 1),
        eenheid=p.get("eenheid") or "82",
        frequentie=p.get("frequentie") or "6",
        referentie_aanbieder=p.get("referentie", verzoek.referentie_aanbieder),
    )


def _wijzigen(verzoek: Verzoek, p: dict, gewijzigd: set) -> None:
    t = Toewijzing.objects.select_for_update().get(nummer=p["nummer"])
    nieuw_eind = _datum(p.get("einddatum"), t.einddatum)
    omvang = (int(p["volume"]), p["eenheid"], p["frequentie"]) if p.get("volume") else None
    if omvang and omvang != (t.volume, t.eenheid, t.frequentie):
        per = max(_datum(p.get("ingangsdatum"), timezone.localdate()), t.ingangsdatum + timedelta(days=1))
        t.einddatum, t.reden_wijziging, t.toegewezen_op = (
            per - timedelta(days=1),
            DOOR_AANBIEDER,
            timezone.now(),
        )
        t.save(update_fields=["einddatum", "reden_wijziging", "toegewezen_op"])
        gewijzigd.add(t.pk)
        nieuw = _toewijzing_uit_verzoek(
            verzoek,
            {"categorie": t.categorie, "code": t.productcode, "ingangsdatum": per.isoformat(),
             "einddatum": nieuw_eind.isoformat(), "volume": omvang[0], "eenheid": omvang[1],
             "frequentie": omvang[2], "referentie": verzoek.referentie_aanbieder},
        )  # fmt: skip
        gewijzigd.add(nieuw.pk)
    elif nieuw_eind != t.einddatum:
        t.einddatum = max(nieuw_eind, t.ingangsdatum)
        t.reden_wijziging, t.toegewezen_op = DOOR_AANBIEDER, timezone.now()
        t.referentie_aanbieder = verzoek.referentie_aanbieder
        t.save(update_fields=["einddatum", "reden_wijziging", "toegewezen_op", "referentie_aanbieder"])
        gewijzigd.add(t.pk)


@transaction.atomic
def verzoek_goedkeuren(*, verzoek: Verzoek, door, toelichting: str = "") -> Bericht:
    """Approve: the requested toewijzingen are made (or changed) and a new 301 goes out. Not
    without a contract: a toewijzing needs an aanbieder the gemeente contracts."""
    locked = _vergrendelen(verzoek)
    if locked.zonder_contract:
        raise ValidationError(
            f"De gemeente heeft geen contract met AGB {locked.aanbieder_agb} voor deze wet: goedkeuren kan "
            "niet. Wijs het verzoek af met reden 3 (Geen contract), of leg eerst het contract vast (de "
            "aanbieder op de sociale kaart van de gemeente) en laat de aanbieder het verzoek opnieuw sturen."
        )
    gewijzigd: set[int] = set()
    for p in locked.producten:
        if p.get("soort") == "wijzigen":
            _wijzigen(locked, p, gewijzigd)
        elif p.get("soort") == "nieuw":
            gewijzigd.add(_toewijzing_uit_verzoek(locked, p).pk)
    locked.uitkomst, locked.beoordeeld_door, locked.beoordeeld_op = (
        Verzoek.Uitkomst.GOEDGEKEURD,
        door,
        timezone.now(),
    )
    locked.toelichting = (toelichting or "").strip()
    locked.save(update_fields=["uitkomst", "beoordeeld_door", "beoordeeld_op", "toelichting"])
    gebeurtenis_toevoegen(
        casus=locked.casus,
        soort=CasusGebeurtenis.Soort.VOORZIENING,
        door=door,
        tekst=f"{locked.get_soort_display()} van {locked.aanbieder_naam} goedgekeurd.",
        gegevens={"verzoek": locked.pk},
    )
    return toewijzingbericht_maken(casus=locked.casus, aanbieder=locked.aanbieder, gewijzigd=gewijzigd)


@transaction.atomic
def verzoek_afwijzen(*, verzoek: Verzoek, reden: str, door, toelichting: str = "") -> list[Bericht]:
    """Reject with a reason from WJ759: a 319 with VerzoekAntwoord 1 goes out."""
    if reden not in WJ759:
        raise ValidationError({"reden": "Kies de reden van afwijzing."})
    locked = _vergrendelen(verzoek)
    locked.uitkomst, locked.reden_afwijzing = Verzoek.Uitkomst.AFGEWEZEN, reden
    locked.beoordeeld_door, locked.beoordeeld_op = door, timezone.now()
    locked.toelichting = (toelichting or "").strip()
    locked.save(
        update_fields=["uitkomst", "reden_afwijzing", "beoordeeld_door", "beoordeeld_op", "toelichting"]
    )
    gebeurtenis_toevoegen(
        casus=locked.casus,
        soort=CasusGebeurtenis.Soort.VOORZIENING,
        door=door,
        tekst=f"{locked.get_soort_display()} van {locked.aanbieder_naam} afgewezen: {WJ759[reden]}.",
        gegevens={"verzoek": locked.pk},
    )
    return _antwoord(locked, AFGEWEZEN, reden)
