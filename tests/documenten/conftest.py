from datetime import date, timedelta

import pytest
from django.utils import timezone

from documenten.standaardsjablonen import standaardsjablonen_laden
from netwerk.models import Gemeente
from tests.factories.backoffice import AanvraagFactory, BesluitFactory, ProductFactory, VoorzieningFactory
from tests.factories.documenten import BriefhoofdFactory, GemeenteFactory
from tests.factories.intake import CasusFactory, InwonerFactory


@pytest.fixture
def gemeente(db):
    gemeente = GemeenteFactory()
    Gemeente.objects.filter(pk=gemeente.pk).update(
        postadres="Postbus 10000", postcode="4280 HA", plaats="Almkerk"
    )
    gemeente.refresh_from_db()
    BriefhoofdFactory(gemeente=gemeente)
    standaardsjablonen_laden(gemeente)
    return gemeente


@pytest.fixture
def besluit_met_voorziening(gemeente, kern, team, consultant):
    """A toekenning of household help at a provider, on a case of the consultant's team."""
    inwoner = InwonerFactory(kern=kern, voornamen="Johanna", achternaam="Verbeek", woonplaats="Sleeuwijk")
    casus = CasusFactory(inwoner=inwoner, maatwerk=True, fase="besluit", team=team, behandelaar=consultant)
    aanvraag = AanvraagFactory(casus=casus, ontvangen_op=timezone.localdate() - timedelta(days=10))
    besluit = BesluitFactory(
        casus=casus,
        aanvraag=aanvraag,
        besluitdatum=timezone.localdate() - timedelta(days=2),
        verzonden_op=timezone.localdate() - timedelta(days=2),
    )
    product = ProductFactory(
        wet="wmo", naam="Hulp bij het huishouden", categorie="01", productcode="01A01", eenheid="uur"
    )
    VoorzieningFactory(
        besluit=besluit,
        product=product,
        aanbieder__naam="Thuiszorg De Waard",
        aanbieder__agb_code="75009876",
        volume=3,
        startdatum=date(2026, 1, 5),
        einddatum=date(2026, 12, 31),
    )
    return besluit


def pdf_tekst(brief) -> str:
    """The text of a stored letter, whitespace collapsed (a PDF wraps lines where it likes)."""
    import io

    from pypdf import PdfReader

    with brief.bestand.open("rb") as fh:
        reader = PdfReader(io.BytesIO(fh.read()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def lang(d) -> str:
    """A date as the letters write it: 'maandag 11 januari 2027'."""
    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override("nl"):
        return date_format(d, "l j F Y")
