"""Retention of a case's documents (issue 21): when backoffice's bewaartermijnen task anonymises a
case, the PDFs of its letters and its uploaded files are destroyed on storage.

* a letter (``Brief``): the PDF and the free text go; the register keeps that a letter of this kind
  was sent, when, through which channel, and its SHA-256 (the trigger of migration 0003 allows
  exactly this UPDATE and no other);
* a case file (``CasusDocument``): the file goes, its name and description become "[vernietigd]";
  type, size, hash and dates stay.

Every destroyed object gets a verwerkingenlog row (handeling ``vernietigen``). Registered with
``backoffice.bewaartermijnen.registreer_bewaarstap`` in ``DocumentenConfig.ready``.
"""

from __future__ import annotations

from django.utils import timezone

from altena.models import Verwerking
from altena.verwerkingen import log_objecten

from .models import Brief, CasusDocument

VERNIETIGD = "[vernietigd]"


def _verwijder_bestand(veld) -> None:
    if veld.name:
        veld.storage.delete(veld.name)


def brieven_tellen(casus_ids: list[int]) -> int:
    return Brief.objects.filter(casus_id__in=casus_ids, vernietigd_op__isnull=True).count()


def documenten_tellen(casus_ids: list[int]) -> int:
    return CasusDocument.objects.filter(casus_id__in=casus_ids).exclude(bestandsnaam=VERNIETIGD).count()


def brieven_vernietigen(casus_ids: list[int], doel: str) -> int:
    brieven = list(
        Brief.objects.filter(casus_id__in=casus_ids, vernietigd_op__isnull=True).select_related("casus")
    )
    for brief in brieven:
        _verwijder_bestand(brief.bestand)
    Brief.objects.filter(pk__in=[b.pk for b in brieven]).update(
        bestand="", vrije_tekst="", vernietigd_op=timezone.now()
    )
    log_objecten(
        request=None,
        handeling=Verwerking.Handeling.VERNIETIGEN,
        verwerkingsactiviteit=doel,
        objecten=[("brief", b.pk, b.casus.inwoner_id, b.casus.nummer) for b in brieven],
    )
    return len(brieven)


def documenten_vernietigen(casus_ids: list[int], doel: str) -> int:
    documenten = list(
        CasusDocument.objects.filter(casus_id__in=casus_ids)
        .exclude(bestandsnaam=VERNIETIGD)
        .select_related("casus")
    )
    nu = timezone.now()
    for document in documenten:
        _verwijder_bestand(document.bestand)
    CasusDocument.objects.filter(pk__in=[d.pk for d in documenten]).update(
        bestand="",
        bestandsnaam=VERNIETIGD,
        omschrijving=VERNIETIGD,
        verwijderreden="bewaartermijn verstreken",
    )
    CasusDocument.objects.filter(pk__in=[d.pk for d in documenten], verwijderd_op__isnull=True).update(
        verwijderd_op=nu
    )
    log_objecten(
        request=None,
        handeling=Verwerking.Handeling.VERNIETIGEN,
        verwerkingsactiviteit=doel,
        objecten=[("casusdocument", d.pk, d.casus.inwoner_id, d.casus.nummer) for d in documenten],
    )
    return len(documenten)


def registreer() -> None:
    from backoffice.bewaartermijnen import Bewaarstap, registreer_bewaarstap

    registreer_bewaarstap(Bewaarstap("brieven (PDF)", brieven_tellen, brieven_vernietigen))
    registreer_bewaarstap(Bewaarstap("casusdocumenten", documenten_tellen, documenten_vernietigen))
