"""Set up what a published example message names (gemeente, aanbieder, client, toewijzingen) and
drop files into the inbox."""

from datetime import date

from lxml import etree

from berichten.models import Levering, Toewijzing
from berichten.typen import Berichttype
from intake.workflow import Fase
from netwerk.models import Gemeente
from tests.factories.backoffice import ZorgaanbiederFactory
from tests.factories.intake import CasusFactory, InwonerFactory
from tests.oracle import oracle

from .conftest import SHARED

# The published JW317 breaks CS003 by the Zorginstituut's own stylesheet (a NieuwProduct ending
# 2024-02-28, before its GewensteIngangsdatum 2026-11-01); the project checks CS003 itself, so the
# tests use the example with that one date corrected (test_regels_differentieel holds the rule).
CORRECTIES = {"JW317": (b"<jw317:Einddatum>2024-02-28<", b"<jw317:Einddatum>2027-02-28<")}


def voorbeeld(naam: str, *, gecorrigeerd: bool = True) -> bytes:
    folder = "wmo" if naam.startswith("WMO") else "jw"
    inhoud = (oracle(SHARED) / folder / "voorbeelden" / f"{naam}.xml").read_bytes()
    if gecorrigeerd and naam in CORRECTIES:
        inhoud = inhoud.replace(*CORRECTIES[naam])
    return inhoud


def in_inbox(map, naam: str, inhoud: bytes):
    inbox = map / "in"
    inbox.mkdir(parents=True, exist_ok=True)
    (inbox / naam).write_bytes(inhoud)
    return inbox / naam


def opzetten(inhoud: bytes, *, team=None, behandelaar=None, met_levering: bool = False):
    """Create the gemeente, the contracted aanbieder, the client with a case, and every
    toewijzing the message names, so the example can be processed."""
    root = etree.fromstring(inhoud)
    bt = Berichttype.uit_namespace(etree.QName(root).namespace)
    ns = {"m": bt.namespace, "b": bt.basis_namespace}
    afzender = root.findtext("m:Header/m:Afzender", namespaces=ns)
    ontvanger = root.findtext("m:Header/m:Ontvanger", namespaces=ns)
    # The example addresses our gemeente (Altena, where the case and the aanbieder's contract are):
    # Altena takes the example's gemeentecode for this test.
    Gemeente.objects.update_or_create(naam="Altena", defaults={"cbs_code": ontvanger})
    soort = "zorgaanbieder_wmo" if bt.standaard == "wmo" else "zorgaanbieder_jeugd"
    aanbieder = ZorgaanbiederFactory(agb_code=afzender, soort=soort)
    bsn = next(root.iter(f"{{{bt.namespace}}}Bsn")).text
    inwoner = InwonerFactory(bsn=bsn)
    casus = CasusFactory(
        inwoner=inwoner,
        maatwerk=True,
        wet="wmo" if bt.standaard == "wmo" else "jeugdwet",
        fase=Fase.IN_ZORG,
        team=team,
        behandelaar=behandelaar,
    )
    toewijzingen = {}
    for el in root.iter(f"{{{bt.namespace}}}ToewijzingNummer"):
        nummer = int(el.text)
        product = el.getparent()
        ingang = product.findtext("m:ToewijzingIngangsdatum", namespaces=ns) or "2020-01-01"
        t = toewijzingen.get(nummer) or Toewijzing.objects.create(
            nummer=nummer,
            casus=casus,
            aanbieder=aanbieder,
            standaard=bt.standaard,
            categorie=product.findtext("m:Product/b:Categorie", namespaces=ns)
            or ("01" if bt.standaard == "wmo" else "45"),
            productcode=product.findtext("m:Product/b:Code", namespaces=ns) or "",
            ingangsdatum=date.fromisoformat(ingang),
            einddatum=date(2030, 12, 31),
            volume=1,
            eenheid="04",
            frequentie="2",
        )
        toewijzingen[nummer] = t
        begin = product.findtext("m:Begindatum", namespaces=ns)
        if met_levering and begin:
            Levering.objects.get_or_create(toewijzing=t, begindatum=date.fromisoformat(begin))
    return casus, aanbieder, toewijzingen
