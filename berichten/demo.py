"""Demo: the 301s the demo besluiten imply (seed_demo, bounded) and the provider's side
(``manage.py berichten_demo_aanbieder``): a 305 for each toewijzing without a start, a 307 for
some, and a few 315s. Never for production data."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.utils import timezone
from lxml import etree

from altena.demo import DemoContext, demo_step
from backoffice.models import Leveringsvorm, Voorziening
from intake.models import Casus, Wet

from .models import Levering, Toewijzing
from .services.toewijzingen import toewijzingen_bijwerken
from .transport import MapTransport
from .typen import WET_STANDAARD, Berichttype
from .xml.schrijven import _bytes, _Maker

VOLGENS_PLAN = {"wmo": "19", "jw": "31"}  # reden beëindiging: levering volgens plan beëindigd
DEMO_TOEWIJZINGEN = 40  # bounded: seed_demo stays fast at a million cases


@demo_step(85)  # after documenten (80), which gives the demo gemeente its CBS code
def demo_toewijzingen(ctx: DemoContext) -> None:
    """Toewijzingen and their 301s for the most recent running natura voorzieningen (idempotent)."""
    vandaag = timezone.localdate()
    casus_ids = list(
        Voorziening.objects.filter(
            leveringsvorm=Leveringsvorm.NATURA,
            aanbieder__isnull=False,
            beeindigd_op__isnull=True,
            einddatum__gte=vandaag,
            casus__wet__in=list(WET_STANDAARD),
        )
        .exclude(product__categorie="")
        .exclude(aanbieder__agb_code="")
        .order_by("-startdatum", "-pk")
        .values_list("casus_id", flat=True)[: DEMO_TOEWIJZINGEN * 3]
    )
    gedaan, aantal = set(), 0
    for casus_id in casus_ids:
        if casus_id in gedaan or len(gedaan) >= DEMO_TOEWIJZINGEN:
            continue
        gedaan.add(casus_id)
        if Toewijzing.objects.filter(casus_id=casus_id).exists():
            continue
        try:
            aantal += len(toewijzingen_bijwerken(casus=Casus.objects.get(pk=casus_id)))
        except Exception as exc:  # noqa: BLE001 - a demo case with odd data must not stop the seed
            ctx.log(f"  casus {casus_id}: geen toewijzing ({exc})")
    ctx.log(f"  {aantal} toewijzingsberichten (301) voor de democasussen")


def _client(m: _Maker, parent, casus: Casus):
    i = casus.inwoner
    c = m.e(parent, "Client")
    m.e(c, "Bsn", i.bsn)
    geboren = m.e(c, "Geboortedatum")
    m.b(geboren, "Datum", i.geboortedatum.isoformat())
    m.e(c, "Geslacht", "0")
    naam = m.e(c, "Naam")
    geslachtsnaam = m.b(naam, "Geslachtsnaam")
    m.b(geslachtsnaam, "Achternaam", i.achternaam[:200])
    if i.tussenvoegsel:
        m.b(geslachtsnaam, "Voorvoegsel", i.tussenvoegsel[:10])
    return c


def _bericht(bt: Berichttype, agb: str, gemeente: str):
    m = _Maker(bt)
    root = m.root()
    m.header(root, agb, gemeente, uuid.uuid4().hex[:12].upper(), timezone.localdate())
    return m, root


def _product(m: _Maker, parent, t: Toewijzing):
    m.e(parent, "ToewijzingNummer", t.nummer)
    product = m.e(parent, "Product")
    m.b(product, "Categorie", t.categorie)
    if t.productcode:
        m.b(product, "Code", t.productcode)
    m.e(parent, "ToewijzingIngangsdatum", t.ingangsdatum.isoformat())


def startbericht(t: Toewijzing, gemeente: str) -> bytes:
    bt = Berichttype(t.standaard, "305")
    m, root = _bericht(bt, t.aanbieder.agb_code, gemeente)
    c = _client(m, root, t.casus)
    sp = m.e(m.e(c, "StartProducten"), "StartProduct")
    _product(m, sp, t)
    m.e(sp, "Begindatum", min(t.ingangsdatum, timezone.localdate()).isoformat())
    m.e(sp, "StatusAanlevering", "1")
    return _bytes(root)


def stopbericht(levering: Levering, gemeente: str, reden: str = "") -> bytes:
    t = levering.toewijzing
    bt = Berichttype(t.standaard, "307")
    m, root = _bericht(bt, t.aanbieder.agb_code, gemeente)
    c = _client(m, root, t.casus)
    sp = m.e(m.e(c, "StopProducten"), "StopProduct")
    _product(m, sp, t)
    m.e(sp, "Begindatum", levering.begindatum.isoformat())
    m.e(sp, "RedenBeeindiging", reden or VOLGENS_PLAN[t.standaard])
    m.e(sp, "Einddatum", max(levering.begindatum, timezone.localdate()).isoformat())
    m.e(sp, "StatusAanlevering", "1")
    return _bytes(root)


def verzoek_om_toewijzing(casus: Casus, aanbieder, gemeente: str, categorie: str, code: str) -> bytes:
    bt = Berichttype(WET_STANDAARD[casus.wet], "315")
    m, root = _bericht(bt, aanbieder.agb_code, gemeente)
    c = _client(m, root, casus)
    ap = m.e(m.e(c, "AangevraagdeProducten"), "AangevraagdProduct")
    m.e(ap, "ReferentieAanbieder", uuid.uuid4().hex[:12].upper())
    product = m.e(ap, "Product")
    m.b(product, "Categorie", categorie)
    if code:
        m.b(product, "Code", code)
    begin = timezone.localdate() + timedelta(days=14)
    m.e(ap, "ToewijzingIngangsdatum", begin.isoformat())
    m.e(ap, "ToewijzingEinddatum", (begin + timedelta(days=182)).isoformat())
    omvang = m.e(ap, "Omvang")
    m.b(omvang, "Volume", 2)
    m.b(omvang, "Eenheid", "04")
    m.b(omvang, "Frequentie", "2")
    verwijzer = m.e(ap, "Verwijzer")
    m.b(verwijzer, "Type", "02" if casus.wet == Wet.JEUGDWET else "01")
    return _bytes(root)


def naar_inbox(transport: MapTransport, bt_naam: str, inhoud: bytes) -> str:
    from .transport import atomisch_schrijven

    ident = etree.fromstring(inhoud).findtext(".//{*}Identificatie")
    naam = f"{bt_naam}_{ident}.xml"
    atomisch_schrijven(transport.inbox / naam, inhoud)
    return naam
