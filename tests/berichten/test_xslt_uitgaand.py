"""Every message the gemeente writes passes the Zorginstituut's own rules (the official XSLT) with
zero Fout, on every path: first toewijzing, extension, change of volume, early end, two products of
one client at one aanbieder, the answers on a verzoek (in onderzoek, approved, rejected) and the
retours on 305/307/315/317, for Wmo and Jeugdwet."""

from datetime import timedelta

import pytest
from django.utils import timezone

from backoffice.services import voorziening_beeindigen
from berichten import demo
from berichten.models import Bericht, Levering, Richting, Verzoek
from berichten.services.mutaties import mutaties_verwerken
from berichten.services.ontvangen import bestand_verwerken
from berichten.services.verzoeken import verzoek_afwijzen, verzoek_goedkeuren
from berichten.services.wijzigen import voorziening_wijzigen
from tests.factories.backoffice import ProductFactory, ZorgaanbiederFactory

from .conftest import assert_valid
from .xslt import vereist_xslt, xslt_fouten

pytestmark = pytest.mark.django_db


def alle_paden(wet, toekennen, product, tweede_product, aanbieder, andere, consultant, time_machine):
    """Walk every path that makes an outbound message; returns the outbound messages."""
    casus = toekennen(product, aanbieder, wet=wet)  # first toewijzing
    # Two products for one client at one aanbieder: a second besluit on another case of the client.
    toekennen(tweede_product, aanbieder, wet=wet, inwoner=casus.inwoner)
    voorziening = casus.voorzieningen.get()
    voorziening_wijzigen(  # extension
        voorziening=voorziening, door=consultant, einddatum=voorziening.einddatum + timedelta(days=30)
    )
    time_machine.move_to(timezone.now() + timedelta(days=7))
    voorziening_wijzigen(voorziening=voorziening, door=consultant, volume="1.5")  # change of volume
    # The provider starts and stops (retours 306, 308); a definitive stop ends the voorziening.
    gemeente = "1959"
    toewijzing = casus.toewijzingen.order_by("-nummer").first()
    bestand_verwerken(bestandsnaam="s.xml", inhoud=demo.startbericht(toewijzing, gemeente))
    levering = Levering.objects.get(toewijzing=toewijzing)
    bestand_verwerken(bestandsnaam="t.xml", inhoud=demo.stopbericht(levering, gemeente, reden="20"))
    # Verzoeken (retour 316, 319 in onderzoek; approved: 301; rejected: 319 afgewezen).
    categorie = "02" if wet == "wmo" else "45"
    for beslissing in ("goedkeuren", "afwijzen"):
        bericht = bestand_verwerken(
            bestandsnaam=f"v{beslissing}.xml",
            inhoud=demo.verzoek_om_toewijzing(casus, andere, gemeente, categorie, ""),
        )
        verzoek = Verzoek.objects.get(bericht=bericht)
        if beslissing == "goedkeuren":
            verzoek_goedkeuren(verzoek=verzoek, door=consultant)
        else:
            verzoek_afwijzen(verzoek=verzoek, reden="7", door=consultant)
    # A rejected 305 (unknown toewijzing): a retour with an error code.
    onbekend = demo.startbericht(toewijzing, gemeente).replace(
        f"ToewijzingNummer>{toewijzing.nummer}<".encode(), b"ToewijzingNummer>99999999<"
    )
    bestand_verwerken(bestandsnaam="x.xml", inhoud=onbekend)
    # Early end through the backoffice (the outbox makes the 301).
    voorziening_beeindigen(
        voorziening=casus.voorzieningen.get(),
        beeindigd_op=timezone.localdate() + timedelta(days=1),
        reden="Inwoner is verhuisd",
        door=consultant,
    )
    mutaties_verwerken()
    return list(Bericht.objects.filter(richting=Richting.UIT).order_by("pk"))


@pytest.mark.parametrize("wet", ["wmo", "jeugdwet"])
def test_elk_uitgaand_bericht_zonder_fout_volgens_de_xslt(
    wet, toekennen, huishoudelijke_hulp, jeugd_ggz, thuiszorg, jeugdaanbieder, consultant, time_machine
):
    vereist_xslt()
    if wet == "wmo":
        product, aanbieder = huishoudelijke_hulp, thuiszorg
        tweede = ProductFactory(
            wet="wmo", naam="Begeleiding", categorie="02", productcode="02A01", eenheid="uur"
        )
        andere = ZorgaanbiederFactory(naam="Andere Wmo", agb_code="75777777", istandaarden_categorieen=["02"])
    else:
        product, aanbieder = jeugd_ggz, jeugdaanbieder
        tweede = ProductFactory(
            wet="jeugdwet", naam="Jeugdhulp", categorie="45", productcode="45A01", eenheid="uur"
        )
        andere = ZorgaanbiederFactory(
            naam="Andere Jeugd",
            agb_code="76777777",
            soort="zorgaanbieder_jeugd",
            istandaarden_categorieen=["45"],
        )
    berichten = alle_paden(wet, toekennen, product, tweede, aanbieder, andere, consultant, time_machine)
    soorten = {b.berichttype[-3:] for b in berichten}
    assert soorten >= {"301", "306", "308", "316", "319"}, soorten
    fouten = {}
    for b in berichten:
        assert_valid(b)
        if gevonden := xslt_fouten(bytes(b.inhoud)):
            fouten[f"{b.berichttype} {b.identificatie}"] = gevonden
    print(f"\n{wet}: {len(berichten)} uitgaande berichten tegen de XSLT, {len(fouten)} met een Fout")
    assert not fouten, fouten


def test_cd080_toewijzing_zonder_productcode_zonder_omvang():
    """The one rule the project's 301 broke before (found by the stylesheet, not by the XSD)."""
    vereist_xslt()
    from datetime import date, datetime

    from berichten.typen import Berichttype
    from berichten.xml import schrijven

    inhoud = schrijven.toewijzingbericht(
        bt=Berichttype("wmo", "301"),
        gemeente="1959",
        agb="75123456",
        identificatie="000000000001",
        dagtekening=date(2026, 1, 5),
        client=schrijven.Client(
            bsn="999900006", geboortedatum=date(1950, 1, 1), achternaam="W", huisnummer="1", postcode="4254AB"
        ),
        producten=[
            schrijven.ToegewezenProduct(
                nummer=1, categorie="02", productcode="", toegewezen_op=datetime(2026, 1, 5, 10, 0),
                ingangsdatum=date(2026, 1, 19), einddatum=date(2026, 7, 19), volume=2, eenheid="04",
                frequentie="2",
            )
        ],
    )  # fmt: skip
    assert_valid(inhoud, "WMO301")
    assert xslt_fouten(inhoud) == []
