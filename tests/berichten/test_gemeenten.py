"""One gemeente per message: the receiving gemeente is the one the header addresses (Ontvanger);
client, toewijzing and the aanbieder's contract are looked up within it only, and the answer never
tells a provider whether another gemeente knows a BSN. Case-less messages stay inside their
gemeente, and the screens mask the BSN (the XML download keeps it, logged)."""

import pytest
from django.urls import reverse
from lxml import etree

from altena.access import Rol
from altena.models import Verwerking
from berichten import demo
from berichten.models import Bericht, Levering, Richting, Status, Verzoek
from berichten.services.ontvangen import bestand_verwerken
from netwerk.models import Gemeente
from tests.factories.altena import UserFactory
from tests.factories.backoffice import ZorgaanbiederFactory
from tests.factories.intake import bsn_for
from tests.factories.netwerk import KernFactory, TeamFactory

pytestmark = pytest.mark.django_db

ONBEKEND_BSN = bsn_for(987654)


@pytest.fixture
def westerkwartier(db):
    # The demo seed or another test may have it already: one row with this name and code.
    Gemeente.objects.filter(cbs_code="1969").exclude(naam="Westerkwartier").delete()
    gemeente, _ = Gemeente.objects.update_or_create(naam="Westerkwartier", defaults={"cbs_code": "1969"})
    kern = KernFactory(gemeente="Westerkwartier", naam="Zuidhorn", postcodegebieden=["9801"])
    team = TeamFactory(naam="Team Zuidhorn", gemeente="Westerkwartier", kernen=[kern])
    consultant = UserFactory(username="consultant_wk", rollen=[Rol.CONSULTANT])
    team.leden.add(consultant)
    return gemeente, consultant


@pytest.fixture
def altena_casus(toekennen, huishoudelijke_hulp, thuiszorg):
    """An Altena client with a toewijzing at Thuiszorg Altena (contracted by Altena)."""
    return toekennen(huishoudelijke_hulp, thuiszorg)


def _codes(bericht: Bericht) -> list[str]:
    retour = bericht.antwoorden.get()
    return [el.text for el in etree.fromstring(bytes(retour.inhoud)).iter("{*}RetourCode")]


def _met_bsn(inhoud: bytes, bsn: str) -> bytes:
    root = etree.fromstring(inhoud)
    next(root.iter("{*}Bsn")).text = bsn
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_315_aan_andere_gemeente_voor_bekend_bsn_krijgt_hetzelfde_antwoord_als_onbekend(
    altena_casus, westerkwartier, thuiszorg
):
    ZorgaanbiederFactory(agb_code=thuiszorg.agb_code, gemeente="Westerkwartier")  # contracted there too
    inhoud = demo.verzoek_om_toewijzing(altena_casus, thuiszorg, "1969", "01", "")
    bekend = bestand_verwerken(bestandsnaam="a.xml", inhoud=inhoud)
    onbekend = bestand_verwerken(
        bestandsnaam="b.xml",
        inhoud=_met_bsn(demo.verzoek_om_toewijzing(altena_casus, thuiszorg, "1969", "01", ""), ONBEKEND_BSN),
    )
    for bericht in (bekend, onbekend):
        assert bericht.status == Status.AFGEWEZEN
        assert bericht.casus is None and bericht.gemeente == "Westerkwartier"
        assert [f["regel"] for f in bericht.fouten] == ["AT03"]
        retour = bericht.antwoorden.get()
        assert retour.afzender == "1969" and retour.gemeente == "Westerkwartier"
    assert _codes(bekend) == _codes(onbekend)
    assert not Verzoek.objects.exists()
    assert not altena_casus.gebeurtenissen.filter(tekst__icontains="verzoek").exists()


def test_305_aan_andere_gemeente_start_geen_altena_toewijzing(altena_casus, westerkwartier, thuiszorg):
    ZorgaanbiederFactory(agb_code=thuiszorg.agb_code, gemeente="Westerkwartier")
    toewijzing = altena_casus.toewijzingen.get()
    bericht = bestand_verwerken(bestandsnaam="s.xml", inhoud=demo.startbericht(toewijzing, "1969"))
    assert bericht.status == Status.AFGEWEZEN
    assert [f["regel"] for f in bericht.fouten] == ["TR019"]
    assert not Levering.objects.exists()
    # The same start addressed to Altena is accepted.
    bericht = bestand_verwerken(bestandsnaam="s2.xml", inhoud=demo.startbericht(toewijzing, "1959"))
    assert bericht.status == Status.VERWERKT, bericht.fouten


def test_contract_is_per_gemeente(altena_casus, westerkwartier, huishoudelijke_hulp):
    """An aanbieder contracted by Westerkwartier only is no contracted aanbieder of Altena."""
    alleen_wk = ZorgaanbiederFactory(agb_code="75999999", gemeente="Westerkwartier")
    toewijzing = altena_casus.toewijzingen.get()
    inhoud = demo.startbericht(toewijzing, "1959")
    inhoud = inhoud.replace(
        f"<wmo305:Afzender>{toewijzing.aanbieder.agb_code}<".encode(),
        f"<wmo305:Afzender>{alleen_wk.agb_code}<".encode(),
    )
    bericht = bestand_verwerken(bestandsnaam="c.xml", inhoud=inhoud)
    assert bericht.aanbieder is None
    assert "AT02" in [f["regel"] for f in bericht.fouten]


def test_berichten_zonder_casus_alleen_binnen_de_eigen_gemeente(
    client_for, consultant, westerkwartier, altena_casus, thuiszorg
):
    _, consultant_wk = westerkwartier
    ZorgaanbiederFactory(agb_code=thuiszorg.agb_code, gemeente="Westerkwartier")
    wk = bestand_verwerken(
        bestandsnaam="wk.xml", inhoud=demo.verzoek_om_toewijzing(altena_casus, thuiszorg, "1969", "01", "")
    )
    assert wk.casus is None
    altena = client_for(consultant)
    assert wk not in altena.get(reverse("berichten:box")).context["object_list"]
    assert altena.get(reverse("berichten:bericht", args=[wk.pk])).status_code == 404
    assert altena.get(reverse("berichten:xml", args=[wk.pk])).status_code == 404
    eigen = client_for(consultant_wk)
    assert wk in eigen.get(reverse("berichten:box")).context["object_list"]
    assert eigen.get(reverse("berichten:bericht", args=[wk.pk])).status_code == 200


def test_schermen_maskeren_het_bsn_download_niet(client_for, consultant, altena_casus):
    bsn = altena_casus.inwoner.bsn
    bericht = Bericht.objects.filter(richting=Richting.UIT, casus=altena_casus).first()
    c = client_for(consultant)
    html = c.get(reverse("berichten:bericht", args=[bericht.pk])).content.decode()
    assert bsn not in html and f"******{bsn[-3:]}" in html
    assert bsn not in c.get(reverse("berichten:casus", args=[altena_casus.nummer])).content.decode()
    response = c.get(reverse("berichten:xml", args=[bericht.pk]))
    assert bsn.encode() in response.content
    assert Verwerking.objects.filter(
        handeling="exporteren", object_type="bericht", object_id=bericht.pk
    ).exists()
