"""Letter templates: only the documented fields, refused at save with the line and the reason,
and every change a new version."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from documenten import sjablonen
from documenten.models import BriefSjabloon
from documenten.velden import VELDEN, veldenlijst

pytestmark = pytest.mark.django_db

GOED = (
    "{{ inwoner.aanhef }},\n{% for v in voorzieningen %}{{ v.product }} {{ forloop.counter }}{% endfor %}\n"
    "Bezwaar tot {{ einde_bezwaartermijn|date:'j F Y' }}"
)


def fouten(inhoud, soort="beschikking_toekenning", onderwerp="Besluit {{ casus.nummer }}"):
    with pytest.raises(ValidationError) as fout:
        sjablonen.controleren(soort, onderwerp, inhoud)
    return fout.value.message_dict


def test_gedocumenteerde_velden_zijn_goed():
    sjablonen.controleren("beschikking_toekenning", "Besluit {{ casus.nummer }}", GOED)


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        ("regel een\n{{ inwoner.bsnummer }}\n" + GOED, "Regel 2: onbekend veld 'inwoner.bsnummer'."),
        ("{{ gebruiker.password }}" + GOED, "Regel 1: onbekend veld 'gebruiker.password'."),
        (
            "{% for v in voorzieningen %}\n\n{{ v.prijs }}{% endfor %}" + GOED,
            "Regel 3: onbekend veld 'v.prijs'.",
        ),
        ("{% load static %}" + GOED, "Regel 1: de tag '{% load %}' is niet toegestaan in een brief."),
        (
            "{% include 'base.html' %}" + GOED,
            "Regel 1: de tag '{% include %}' is niet toegestaan in een brief.",
        ),
        ("{{ vrije_tekst|safe }}" + GOED, "Regel 1: het filter 'safe' is niet toegestaan in een brief."),
        ("a\n{% if %}\n" + GOED, "Regel 2: "),
        ("{% for x in %}" + GOED, "Regel 1: "),
        ("<p>a</p>\n<script>alert(1)</script>" + GOED, "Regel 2: '<script' is niet toegestaan in een brief"),
        ("<img src=x onerror=alert(1)>" + GOED, "Regel 1: 'onerror=' is niet toegestaan"),
        ('<p style="background: url(http://x)">' + GOED, "Regel 1: 'url(' is niet toegestaan"),
        ("{{ inwoner.naam }}", "Dit soort brief moet deze velden gebruiken: {{ voorzieningen }}"),
    ],
)
def test_fout_sjabloon_geweigerd_met_regel_en_reden(inhoud, melding):
    assert fouten(inhoud)["inhoud"][0].startswith(melding)


def test_onbekend_veld_in_het_onderwerp():
    assert fouten(GOED, onderwerp="Besluit {{ casus.bsn }}")["onderwerp"] == [
        "Regel 1: onbekend veld 'casus.bsn'."
    ]


def test_elk_standaardsjabloon_is_geldig_en_elke_soort_heeft_velden():
    from documenten.standaardsjablonen import TEKSTEN

    for soort, (onderwerp, inhoud) in TEKSTEN.items():
        sjablonen.controleren(soort, onderwerp, inhoud)
        assert veldenlijst(soort)
    assert set(TEKSTEN) == set(VELDEN)


def test_beheerder_slaat_sjabloon_op_in_admin_en_krijgt_een_nieuwe_versie(client_for, beheerder, gemeente):
    sjabloon = BriefSjabloon.objects.get(gemeente=gemeente, soort="ontvangstbevestiging", wet="wmo")
    client = client_for(beheerder)
    url = f"/admin/documenten/briefsjabloon/{sjabloon.pk}/change/"
    assert client.get(url).status_code == 200
    data = {
        "gemeente": gemeente.pk,
        "soort": "ontvangstbevestiging",
        "wet": "wmo",
        "onderwerp": "Ontvangen: {{ aanvraag.omschrijving }}",
        "inhoud": "{{ aanvraag.ontvangen_op }}\n{{ aanvraag.kleur }}",
        "versies-TOTAL_FORMS": "0",
        "versies-INITIAL_FORMS": "0",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Regel 2: onbekend veld &#x27;aanvraag.kleur&#x27;." in response.content.decode()
    sjabloon.refresh_from_db()
    assert sjabloon.versie == 1
    data["inhoud"] = "Wij ontvingen uw aanvraag op {{ aanvraag.ontvangen_op|date:'j F Y' }}."
    response = client.post(url, data)
    assert response.status_code == 302
    sjabloon.refresh_from_db()
    assert sjabloon.versie == 2
    assert list(sjabloon.versies.values_list("versie", flat=True)) == [2, 1]
    assert sjabloon.versies.get(versie=1).inhoud != sjabloon.inhoud  # the old text is kept


def test_beheerder_legt_nieuw_sjabloon_en_briefhoofd_vast(client_for, beheerder):
    from documenten.models import Briefhoofd
    from tests.factories.documenten import GemeenteFactory

    gemeente = GemeenteFactory(naam="Westerkwartier", cbs_code="1969")
    client = client_for(beheerder)
    response = client.post(
        "/admin/documenten/briefsjabloon/add/",
        {
            "gemeente": gemeente.pk,
            "soort": "onderzoeksverslag",
            "wet": "jeugdwet",
            "onderwerp": "Verslag",
            "inhoud": "{{ onderzoek.verslag|linebreaks }}{{ vrije_tekst }}",
            "versies-TOTAL_FORMS": "0",
            "versies-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    sjabloon = BriefSjabloon.objects.get(gemeente=gemeente, soort="onderzoeksverslag", wet="jeugdwet")
    assert sjabloon.versie == 1 and sjabloon.versies.count() == 1
    response = client.post(
        "/admin/documenten/briefhoofd/add/",
        {
            "gemeente": gemeente.pk,
            "ondertekenaar_naam": "A. Bakker",
            "ondertekenaar_functie": "manager Sociaal Domein",
            "mandaat": "Namens het college,",
            "logo": SimpleUploadedFile("logo.png", b"geen echte afbeelding"),
        },
    )
    assert "Het logo moet een PNG- of JPEG-afbeelding zijn." in response.content.decode()
    assert not Briefhoofd.objects.filter(gemeente=gemeente).exists()
