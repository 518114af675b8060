"""The regieberichten: start (305) and stop (307) of care, keyed by toewijzing and begindatum,
and the providers' retours (302/320) on what the gemeente sent."""

from __future__ import annotations

from datetime import date

from backoffice.models import EindeMelder
from backoffice.services import voorziening_gestart, voorziening_gestopt
from intake.models import CasusGebeurtenis
from intake.services import gebeurtenis_toevoegen

from ..codelijsten import GEEN_FOUTEN, JZ588, TIJDELIJK_BEEINDIGD, WJ001, WMO588
from ..models import Bericht, Levering, Richting, Status, Toewijzing

EERSTE, GEWIJZIGD, VERWIJDEREN = "1", "2", "3"


def _datum(tekst: str) -> date | None:
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        return None


def _toewijzing(bericht: Bericht, g, bsn: str, product) -> Toewijzing | None:
    nummer = g.tekst(product, "m:ToewijzingNummer")
    if not nummer.isdigit():
        return None
    return (
        Toewijzing.objects.select_for_update(of=("self",))
        .select_related("casus", "voorziening")
        .filter(
            nummer=int(nummer),
            aanbieder=bericht.aanbieder,
            standaard=g.bt.standaard,
            casus__inwoner__bsn=bsn,
            casus__gemeente=bericht.gemeente,
        )
        .first()
    )


def _regels(bericht: Bericht, g, oordeel, klasse: str):
    client = g.root.find("m:Client", g.ns)
    bsn = g.tekst(client, "m:Bsn")
    for product in g.alle(client, f"m:{klasse}en/m:{klasse}"):
        pad = g.pad(product)
        toewijzing = _toewijzing(bericht, g, bsn, product)
        if toewijzing is None:
            oordeel.fout("9019", klasse=pad, regel="TR019")
            continue
        oordeel.casus = oordeel.casus or toewijzing.casus
        yield product, pad, toewijzing


def start_verwerken(bericht: Bericht, g, oordeel) -> None:
    for product, pad, toewijzing in _regels(bericht, g, oordeel, "StartProduct"):
        begin = _datum(g.tekst(product, "m:Begindatum"))
        status = g.tekst(product, "m:StatusAanlevering")
        bestaand = Levering.objects.filter(toewijzing=toewijzing, begindatum=begin).first()
        if status == VERWIJDEREN:
            if bestaand is None:
                oordeel.fout("9063", klasse=pad, regel="TR063")
            elif bestaand.einddatum is not None and bestaand.reden_beeindiging != TIJDELIJK_BEEINDIGD:
                oordeel.fout("9071", klasse=pad, regel="TR071")
            else:
                bestaand.delete()
            continue
        if status == GEWIJZIGD:
            if bestaand is None:
                oordeel.fout("9063", klasse=pad, regel="TR063")
            else:
                bestaand.startbericht = bericht
                bestaand.save(update_fields=["startbericht"])
            continue
        if bestaand is not None:
            oordeel.fout("9074", klasse=pad, regel="TR074")
            continue
        if toewijzing.leveringen.filter(einddatum__isnull=True).exists():
            oordeel.fout(
                "9326",
                "De actuele levering is nog niet gestopt met een Stopbericht.",
                klasse=pad,
                regel="TR326",
            )
            continue
        Levering.objects.create(toewijzing=toewijzing, begindatum=begin, startbericht=bericht)
        if toewijzing.voorziening_id is not None:
            voorziening_gestart(
                voorziening=toewijzing.voorziening, op=begin, gemeld_door=bericht.aanbieder.naam
            )
        gebeurtenis_toevoegen(
            casus=toewijzing.casus,
            soort=CasusGebeurtenis.Soort.VOORZIENING,
            tekst=(
                f"{bericht.aanbieder.naam} meldt de start van toewijzing {toewijzing.nummer} "
                f"per {begin:%d-%m-%Y}."
            ),
            gegevens={"bericht": bericht.pk, "toewijzing": toewijzing.nummer},
        )


def stop_verwerken(bericht: Bericht, g, oordeel) -> None:
    redenen = WMO588 if g.bt.standaard == "wmo" else JZ588
    for product, pad, toewijzing in _regels(bericht, g, oordeel, "StopProduct"):
        begin = _datum(g.tekst(product, "m:Begindatum"))
        status = g.tekst(product, "m:StatusAanlevering")
        levering = Levering.objects.filter(toewijzing=toewijzing, begindatum=begin).first()
        if levering is None:
            oordeel.fout("9069", klasse=pad, regel="TR069")
            continue
        if status == VERWIJDEREN:
            levering.einddatum, levering.reden_beeindiging, levering.stopbericht = None, "", None
            levering.save(update_fields=["einddatum", "reden_beeindiging", "stopbericht"])
            continue
        reden = g.tekst(product, "m:RedenBeeindiging")
        eind = _datum(g.tekst(product, "m:Einddatum"))
        if (
            status == EERSTE
            and levering.einddatum is not None
            and levering.reden_beeindiging != TIJDELIJK_BEEINDIGD
        ):
            oordeel.fout(
                "9415", WJ001.get("9415", "Er is al een definitief stopbericht."), klasse=pad, regel="TR415"
            )
            continue
        levering.einddatum, levering.reden_beeindiging, levering.stopbericht = eind, reden, bericht
        levering.save(update_fields=["einddatum", "reden_beeindiging", "stopbericht"])
        if reden != TIJDELIJK_BEEINDIGD:
            _voorziening_beeindigen(bericht, toewijzing, eind, redenen.get(reden, reden))
        soort = "onderbreekt (tijdelijk)" if reden == TIJDELIJK_BEEINDIGD else "stopt"
        gebeurtenis_toevoegen(
            casus=toewijzing.casus,
            soort=CasusGebeurtenis.Soort.VOORZIENING,
            tekst=(
                f"{bericht.aanbieder.naam} {soort} toewijzing {toewijzing.nummer} per {eind:%d-%m-%Y}: "
                f"{redenen.get(reden, reden)}."
            ),
            gegevens={"bericht": bericht.pk, "toewijzing": toewijzing.nummer},
        )


def _voorziening_beeindigen(bericht: Bericht, toewijzing: Toewijzing, eind: date, reden: str) -> None:
    """A definitive stop ends the voorziening behind the toewijzing (when this toewijzing is its
    current one: a stop on a toewijzing a change of omvang already replaced ends nothing), through
    the backoffice service, which also makes sure the regisseur hears of it once."""
    v = toewijzing.voorziening
    if v is None or v.toewijzingen.filter(ingangsdatum__gt=toewijzing.ingangsdatum).exists():
        return
    voorziening_gestopt(
        voorziening=v,
        op=eind,
        reden=f"{reden} (stopbericht {bericht.berichttype} van {bericht.aanbieder.naam})",
        melder=EindeMelder.AANBIEDER,
    )


def retour_verwerken(bericht: Bericht, g, oordeel) -> None:
    """A provider's retour (302 on a 301, 320 on a 319): the sent message gets its status and the
    errors the provider found, in Dutch with their retourcode."""
    header = g.root.find("m:Header", g.ns)
    origineel = (
        Bericht.objects.select_for_update()
        .filter(
            richting=Richting.UIT, identificatie=g.tekst(header, "m:BerichtIdentificatie/b:Identificatie")
        )
        .filter(afzender=g.kop["afzender"])
        .first()
    )
    if origineel is None:
        oordeel.fout(
            "9063", "Dit retourbericht hoort bij geen bericht dat de gemeente verstuurde.", regel="TR063"
        )
        return
    codes = [el.text.strip() for el in g.root.iter(f"{{{g.bt.namespace}}}RetourCode") if el.text]
    fouten = sorted({c for c in codes if c != GEEN_FOUTEN})
    origineel.retourcodes = fouten or [GEEN_FOUTEN]
    origineel.fouten = [
        {"code": c, "regel": "", "tekst": WJ001.get(c, "Onbekende retourcode.")} for c in fouten
    ]
    origineel.status = Status.RETOUR_FOUTEN if fouten else Status.RETOUR_OK
    origineel.save(update_fields=["retourcodes", "fouten", "status"])
    bericht.antwoord_op = origineel
    oordeel.casus = origineel.casus
