"""The nightly BRP sweep: changes in the BRP reach the regisseur.

Every inwoner with an open case or a running voorziening is re-read from the BRP, twenty BSNs per
call (``RaadpleegMetBurgerservicenummer``, purpose "controle", fields from the allow-list), and
compared with what the application knows:

* death -> a signal to the regisseur to end the voorzieningen (the toewijzingen follow through the
  berichtenverkeer once the voorzieningen are ended; nothing ends automatically);
* a move out of the gemeente (another gemeentecode or abroad) -> a signal that names the law: the Wmo
  ends with the inschrijving, for the Jeugdwet the woonplaatsbeginsel decides; nothing ends by itself;
* a move within the gemeente to a kern of another team -> a signal to both teams (within the werkgebied
  of the same team(s): silent, only the address is updated);
* a change of gezag for a minor -> a signal (to whom the beschikking goes may change).

Exactly once: every event is first claimed in ``BrpGebeurtenis`` under the key
(soort, inwoner, the BRP's date of the event) by ``INSERT ... ON CONFLICT DO NOTHING``; only the
claimer makes the signal(s), in the same transaction. The date is the BRP's own (datum overlijden,
datumVan of the new address); where the BRP gives none (gezag, an address abroad) it is the sweep's
date, and the cache update in the same transaction keeps the next night from seeing the change again.
Another part of the application that reacts to the same event (berichten's "zorg gestopt" for a 307)
can claim the same key: ``("overleden", inwoner_id, overlijdensdatum)``.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import date

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from backoffice.models import Voorziening
from brp import client as brp_client
from brp.client import BrpFout, Context
from brp.persoon import Persoon
from brp.velden import Doel as BrpDoel
from intake.brp import cache_bijwerken, cache_gegevens
from intake.models import BrpStatus, Casus, CasusGebeurtenis, Inwoner
from intake.workflow import OPEN_FASEN
from netwerk.models import Gemeente, Kern, Team

from .models import BrpGebeurtenis, Doel, Signaal, SignaalSoort

logger = logging.getLogger(__name__)

PER_VRAAG = 20


@dataclass
class Uitkomst:
    inwoners: int = 0
    vragen: int = 0
    fouten: int = 0
    signalen: int = 0
    per_soort: dict = field(default_factory=dict)
    seconden: float = 0.0


def te_controleren():
    """Inwoners with an open case or a running voorziening, by id (a keyset, no OFFSET)."""
    open_casus = Casus.objects.filter(inwoner_id=OuterRef("pk"), fase__in=OPEN_FASEN)
    lopend = Voorziening.objects.filter(casus__inwoner_id=OuterRef("pk"), beeindigd_op__isnull=True).filter(
        einddatum__gte=timezone.localdate()
    )
    return Inwoner.objects.filter(Exists(open_casus) | Exists(lopend)).filter(geanonimiseerd_op__isnull=True)


def _gezag_sleutel(gezag: list) -> list:
    return sorted(
        [g.get("soort", ""), sorted(h.get("bsn", "") for h in g.get("gezaghouders", []))] for g in gezag or []
    )


def brp_controle(*, api=None, peil: date | None = None, batch: int = 2000) -> Uitkomst:
    api = api or brp_client.client()
    peil = peil or timezone.localdate()
    begin = time.monotonic()
    uit = Uitkomst()
    cbs = dict(Gemeente.objects.values_list("naam", "cbs_code"))
    laatste = 0
    basis = te_controleren().order_by("pk")
    while True:
        blok = list(basis.filter(pk__gt=laatste)[:batch])
        if not blok:
            break
        laatste = blok[-1].pk
        uit.inwoners += len(blok)
        per_bsn: dict[str, list[Inwoner]] = {}
        for inwoner in blok:
            if inwoner.bsn:
                per_bsn.setdefault(inwoner.bsn, []).append(inwoner)
        bsns = list(per_bsn)
        for i in range(0, len(bsns), PER_VRAAG):
            deel = bsns[i : i + PER_VRAAG]
            uit.vragen += 1
            try:
                personen = api.raadpleeg(deel, ctx=Context(doel=BrpDoel.CONTROLE))
            except BrpFout as exc:
                uit.fouten += 1
                logger.warning("BRP-controle: %d personen niet gelezen (%s)", len(deel), type(exc).__name__)
                continue
            gelezen = []
            for persoon in personen:
                for inwoner in per_bsn.get(persoon.bsn, []):
                    if ongewijzigd(inwoner, persoon):
                        gelezen.append(inwoner.pk)
                        continue
                    gemaakt = vergelijk(inwoner, persoon, peil=peil, cbs_code=cbs.get(inwoner.gemeente, ""))
                    for soort, n in gemaakt.items():
                        uit.per_soort[soort] = uit.per_soort.get(soort, 0) + n
                        uit.signalen += n
            if gelezen:  # unchanged: only the moment of reading, one statement per call
                Inwoner.objects.filter(pk__in=gelezen).update(brp_gelezen_op=timezone.now())
    uit.seconden = round(time.monotonic() - begin, 2)
    logger.info(
        "BRP-controle: %d inwoners, %d vragen, %d fouten, %d signalen in %.1f s",
        uit.inwoners,
        uit.vragen,
        uit.fouten,
        uit.signalen,
        uit.seconden,
    )
    return uit


def _kern_voor(gemeente: str, postcode: str) -> Kern | None:
    kandidaten = list(Kern.objects.van_gemeente(gemeente).voor_postcode(postcode)[:2])
    return kandidaten[0] if len(kandidaten) == 1 else None


def ongewijzigd(inwoner: Inwoner, persoon: Persoon) -> bool:
    """Nothing to signal or write: the cache already says what the BRP says (most inwoners, most nights)."""
    if inwoner.brp_status != BrpStatus.GECONTROLEERD or persoon.overleden or inwoner.overleden_op:
        return False
    oud = inwoner.brp_gegevens or {}
    nieuw = cache_gegevens(persoon)
    adres = persoon.adres
    zelfde_adres = (
        adres is not None
        and not adres.buitenland
        and (adres.postcode_opgemaakt, adres.huisnummer.lower())
        == (
            inwoner.postcode,
            inwoner.huisnummer.lower(),
        )
    )
    return (
        zelfde_adres
        and oud.get("gemeentecode", "") == nieuw.get("gemeentecode", "")
        and _gezag_sleutel(oud.get("gezag")) == _gezag_sleutel(nieuw.get("gezag"))
        and oud.get("in_onderzoek") == nieuw.get("in_onderzoek")
        and oud.get("geheimhouding") == nieuw.get("geheimhouding")
        and oud.get("adres") == nieuw.get("adres")
    )


@transaction.atomic
def vergelijk(inwoner: Inwoner, persoon: Persoon, *, peil: date, cbs_code: str) -> dict[str, int]:
    """Compare one inwoner with the BRP, claim and signal what changed, update the cache."""
    gemaakt: dict[str, int] = {}
    oud = inwoner.brp_gegevens or {}
    # death
    if persoon.overleden:
        datum = persoon.overlijdensdatum or peil
        n = _signaleer(
            inwoner,
            SignaalSoort.BRP_OVERLEDEN,
            datum,
            f"Overleden volgens de BRP op {datum:%d-%m-%Y}: beëindig de voorzieningen (de toewijzingen "
            "volgen via het berichtenverkeer).",
        )
        gemaakt[SignaalSoort.BRP_OVERLEDEN] = n
    adres = persoon.adres
    verhuisd_buiten = adres is not None and (
        bool(adres.buitenland) or (persoon.gemeentecode and cbs_code and persoon.gemeentecode != cbs_code)
    )
    nieuwe_kern = None
    if verhuisd_buiten and not persoon.overleden:
        datum = (adres.datum_van if adres else None) or peil
        waar = f"naar het buitenland ({adres.buitenland})" if adres.buitenland else "naar een andere gemeente"
        n = _signaleer(
            inwoner,
            SignaalSoort.BRP_VERHUISD_BUITEN,
            datum,
            f"Verhuisd {waar} volgens de BRP ({datum:%d-%m-%Y}). Wmo: de voorziening eindigt met de "
            "inschrijving elders. Jeugdwet: het woonplaatsbeginsel bepaalt welke gemeente verantwoordelijk "
            "is. Niets eindigt vanzelf: beoordeel en beëindig zelf.",
        )
        gemaakt[SignaalSoort.BRP_VERHUISD_BUITEN] = n
    elif adres is not None and adres.straat and not persoon.overleden:
        nieuw = (adres.postcode_opgemaakt, adres.huisnummer.lower())
        if nieuw != (inwoner.postcode, inwoner.huisnummer.lower()):
            nieuwe_kern = _kern_voor(inwoner.gemeente, adres.postcode_opgemaakt)
            if nieuwe_kern is not None and nieuwe_kern.pk != inwoner.kern_id:
                oude_teams = set(Team.objects.filter(kernen=inwoner.kern_id).values_list("pk", flat=True))
                nieuwe_teams = set(Team.objects.filter(kernen=nieuwe_kern.pk).values_list("pk", flat=True))
                if oude_teams != nieuwe_teams:
                    datum = adres.datum_van or peil
                    n = _signaleer(
                        inwoner,
                        SignaalSoort.BRP_VERHUISD_BINNEN,
                        datum,
                        f"Verhuisd binnen de gemeente naar {nieuwe_kern.naam} "
                        f"({adres.straat} {adres.huisnummer}) volgens de BRP ({datum:%d-%m-%Y}): de kern "
                        "valt onder een ander team. Draag over of houd de regie.",
                        extra_teams=sorted(nieuwe_teams - oude_teams),
                    )
                    gemaakt[SignaalSoort.BRP_VERHUISD_BINNEN] = n
            Inwoner.objects.filter(pk=inwoner.pk).update(
                straat=adres.straat[:150],
                huisnummer=adres.huisnummer[:10],
                postcode=adres.postcode_opgemaakt,
                woonplaats=adres.woonplaats[:100],
                **({"kern": nieuwe_kern} if nieuwe_kern else {}),
            )
    # gezag of a minor
    nieuw_gezag = [g for g in persoon.als_dict()["gezag"]]
    if oud.get("gezag") and nieuw_gezag and _gezag_sleutel(oud["gezag"]) != _gezag_sleutel(nieuw_gezag):
        namen = "; ".join(
            " en ".join(h["naam"] for h in g["gezaghouders"]) or "gezag niet te bepalen" for g in nieuw_gezag
        )
        n = _signaleer(
            inwoner,
            SignaalSoort.BRP_GEZAG,
            peil,
            f"Het gezag is gewijzigd volgens de BRP: {namen}. Controleer wie de aanvraag mag doen en aan wie "
            "de beschikking gaat.",
        )
        gemaakt[SignaalSoort.BRP_GEZAG] = n
    cache_bijwerken(inwoner, persoon)
    return gemaakt


def _hoofdcasus(inwoner: Inwoner) -> Casus | None:
    """The case the signal hangs on: one with a running voorziening, else the newest open one."""
    lopend = Voorziening.objects.filter(casus_id=OuterRef("pk"), beeindigd_op__isnull=True)
    return (
        Casus.objects.filter(inwoner=inwoner)
        .filter(Q(fase__in=OPEN_FASEN) | Exists(lopend))
        .select_related("huishouden")
        .order_by("-aangemaakt", "-pk")
        .first()
    )


def _signaleer(inwoner: Inwoner, soort: str, datum: date, tekst: str, extra_teams=()) -> int:
    """Claim (soort, inwoner, datum); only the claimer makes the signal(s). Returns how many."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {BrpGebeurtenis._meta.db_table} (soort, inwoner_id, datum, aangemaakt) "  # nosec B608  # model table name; values are parameters
            "VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING RETURNING id",
            [soort, inwoner.pk, datum, timezone.now()],
        )
        if cursor.fetchone() is None:
            return 0
    casus = _hoofdcasus(inwoner)
    if casus is None:
        return 0
    nu = timezone.now()
    onderwerp = f"brp:{inwoner.pk}"
    regisseur = casus.regisseur_id or (casus.huishouden.regisseur_id if casus.huishouden_id else None)
    persoon = regisseur or casus.behandelaar_id
    rijen = []
    if extra_teams:  # a move between werkgebieden: both teams (their teamleiders)
        for team_id in dict.fromkeys([casus.team_id, *extra_teams]):
            if team_id:
                rijen.append(
                    Signaal(
                        regel=soort,
                        casus=casus,
                        doel=Doel.TEAMLEIDER,
                        onderwerp=f"{onderwerp}:{team_id}",
                        peildatum=datum,
                        team_id=team_id,
                        tekst=tekst[:300],
                        aangemaakt=nu,
                    )
                )
    elif persoon or casus.team_id:
        rijen.append(
            Signaal(
                regel=soort,
                casus=casus,
                doel=Doel.PERSOON,
                onderwerp=onderwerp,
                peildatum=datum,
                ontvanger_id=persoon,
                team_id=None if persoon else casus.team_id,
                tekst=tekst[:300],
                aangemaakt=nu,
            )
        )
    gemaakt = Signaal.objects.bulk_create(rijen, ignore_conflicts=True)
    CasusGebeurtenis.objects.create(
        casus=casus,
        soort=CasusGebeurtenis.Soort.SIGNAAL,
        tijdstip=nu,
        tekst=tekst[:300],
        gegevens={"regel": soort, "bron": "brp"},
    )
    return len(gemaakt)
