import hashlib

import factory
from django.core.files.base import ContentFile

from documenten.models import Briefhoofd, CasusDocument
from netwerk.models import Gemeente

from .intake import CasusFactory

# The smallest valid PDF that filetype recognises by its content.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["naam"]

    naam = "Altena"
    cbs_code = "1959"
    postadres = "Postbus 10000"
    postcode = "4280 HA"
    plaats = "Almkerk"
    telefoon = "14 0183"
    website = "https://www.gemeentealtena.nl"


class BriefhoofdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Briefhoofd
        django_get_or_create = ["gemeente"]

    gemeente = factory.SubFactory(GemeenteFactory)
    ondertekenaar_naam = "J. de Vries"
    ondertekenaar_functie = "teamleider Toegang"


class CasusDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CasusDocument

    casus = factory.SubFactory(CasusFactory, maatwerk=True)
    documenttype = "medisch_advies"
    omschrijving = "Brief van de huisarts"
    bestandsnaam = "huisarts.pdf"
    bestand = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="x.pdf"))
    content_type = "application/pdf"
    grootte = len(PDF_BYTES)
    sha256 = hashlib.sha256(PDF_BYTES).hexdigest()  # downloads check it (issue 21)
