"""A verzoek (315/317) approved gives a new 301 with the provider's reference; rejected, a 319
with a WJ759 reason. Both valid against the XSD, for Wmo and Jeugdwet."""

import pytest
from django.core.exceptions import ValidationError

from berichten.models import Bericht, Toewijzing, Verzoek
from berichten.services.ontvangen import inbox_verwerken
from berichten.services.verzoeken import verzoek_afwijzen, verzoek_goedkeuren

from .conftest import assert_valid
from .helpers import in_inbox, opzetten, voorbeeld

pytestmark = pytest.mark.django_db


def verzoek_uit(map, naam):
    opzetten(voorbeeld(naam))
    in_inbox(map, f"{naam}.xml", voorbeeld(naam))
    inbox_verwerken()
    return Verzoek.objects.get()


@pytest.mark.parametrize("naam", ["WMO315", "JW315", "WMO317", "JW317"])
def test_goedkeuren_geeft_nieuwe_301(berichtenmap, consultant, naam):
    verzoek = verzoek_uit(berichtenmap, naam)
    voor = Toewijzing.objects.count()
    bericht = verzoek_goedkeuren(verzoek=verzoek, door=consultant)
    assert bericht.berichttype == naam[:-3] + "301"
    doc = assert_valid(bericht)
    verzoek.refresh_from_db()
    assert verzoek.uitkomst == "goedgekeurd" and verzoek.beoordeeld_door == consultant
    assert Toewijzing.objects.count() >= voor
    referenties = {el.text for el in doc.iter() if str(el.tag).endswith("ReferentieAanbieder")}
    assert referenties & ({p.get("referentie") for p in verzoek.producten} | {verzoek.referentie_aanbieder})
    with pytest.raises(ValidationError):
        verzoek_afwijzen(verzoek=verzoek, reden="7", door=consultant)


@pytest.mark.parametrize("naam", ["WMO315", "JW317"])
def test_afwijzen_geeft_319_met_reden(berichtenmap, consultant, naam):
    verzoek = verzoek_uit(berichtenmap, naam)
    berichten = verzoek_afwijzen(verzoek=verzoek, reden="7", door=consultant, toelichting="Niet nodig.")
    assert berichten
    for bericht in berichten:
        assert_valid(bericht)
        assert "RedenAfwijzingVerzoek>7<" in bericht.xml
        assert "VerzoekAntwoord>1<" in bericht.xml
    verzoek.refresh_from_db()
    assert (verzoek.uitkomst, verzoek.reden_afwijzing) == ("afgewezen", "7")


def test_afwijzen_zonder_geldige_reden(berichtenmap, consultant):
    verzoek = verzoek_uit(berichtenmap, "WMO315")
    with pytest.raises(ValidationError):
        verzoek_afwijzen(verzoek=verzoek, reden="", door=consultant)
    verzoek.refresh_from_db()
    assert verzoek.uitkomst == "open"


def test_tweede_verzoek_terwijl_eerste_open_is_tr374(berichtenmap):
    verzoek_uit(berichtenmap, "WMO315")
    ander = voorbeeld("WMO315").replace(b"Identificatie>123456789012", b"Identificatie>X23456789012")
    ander = ander.replace(b"42420001</wmo315:ReferentieAanbieder>", b"NIEUW1</wmo315:ReferentieAanbieder>")
    ander = ander.replace(b"42420002</wmo315:ReferentieAanbieder>", b"NIEUW2</wmo315:ReferentieAanbieder>")
    in_inbox(berichtenmap, "tweede.xml", ander)
    inbox_verwerken()
    tweede = Bericht.objects.get(bestandsnaam="tweede.xml")
    assert "9374" in tweede.retourcodes, tweede.fouten
    assert Verzoek.objects.count() == 1
