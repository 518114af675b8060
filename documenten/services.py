"""Writes of documenten: keyword-only, one transaction each, the case locked first.

- ``sjabloon_opslaan``: a checked template becomes a new frozen version;
- ``brief_verzenden``: render, store (immutable, SHA-256), record the bekendmaking and, for a
  beschikking, start the bezwaartermijn through the backoffice;
- ``document_toevoegen`` / ``document_verwijderen``: case files, deleted only by marking."""

from __future__ import annotations

import hashlib
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from altena.validatie import datum_verplicht, niet_in_de_toekomst
from backoffice.services import besluit_bekendmaken_vergrendeld
from intake.models import Casus, CasusGebeurtenis
from intake.services import gebeurtenis_toevoegen, lock_casus

from . import bestanden, gegevens, pdf, sjablonen
from .models import Brief, BriefSjabloon, BriefSjabloonVersie, CasusDocument, Kanaal
from .velden import BESCHIKKING_SOORTEN


class BriefAlVerzonden(Exception):
    """The letter was already sent (by someone else, a moment ago)."""

    def __init__(self, brief: Brief):
        self.brief = brief
        super().__init__(
            f"Deze brief is al verzonden op {brief.verzonden_op:%d-%m-%Y}. "
            "Een fout herstelt u met een correctie."
        )


@transaction.atomic
def sjabloon_opslaan(*, sjabloon: BriefSjabloon, onderwerp: str, inhoud: str, door) -> BriefSjabloon:
    """Check and store a template; a changed text becomes the next frozen version."""
    sjablonen.controleren(sjabloon.soort, onderwerp, inhoud)
    if sjabloon.pk:
        sjabloon = BriefSjabloon.objects.select_for_update().get(pk=sjabloon.pk)
        if sjabloon.onderwerp == onderwerp and sjabloon.inhoud == inhoud and sjabloon.versie:
            return sjabloon
    sjabloon.onderwerp, sjabloon.inhoud = onderwerp, inhoud
    sjabloon.versie += 1
    sjabloon.gewijzigd, sjabloon.gewijzigd_door = timezone.now(), door
    sjabloon.save()
    BriefSjabloonVersie.objects.create(
        sjabloon=sjabloon, versie=sjabloon.versie, onderwerp=onderwerp, inhoud=inhoud, door=door
    )
    return sjabloon


def sjabloon_voor(casus: Casus, soort: str) -> BriefSjabloon:
    sjabloon = BriefSjabloon.objects.filter(
        gemeente__naam=casus.kern.gemeente, soort=soort, wet=casus.wet
    ).first()
    if sjabloon is None or not sjabloon.versie:
        raise ValidationError(
            f"Er is geen briefsjabloon voor deze brief ({soort.replace('_', ' ')}, "
            f"{casus.get_wet_display()}, "
            f"gemeente {casus.kern.gemeente}). Vraag de beheerder het sjabloon vast te leggen."
        )
    return sjabloon


def brief_opstellen(*, casus: Casus, soort: str, obj, verzonden_op: date, vrije_tekst: str = ""):
    """The letter as it would be sent: (its data, the template, the letterhead). Raises
    ValidationError listing what is missing."""
    _datum_controleren(verzonden_op, soort, obj)
    sjabloon = sjabloon_voor(casus, soort)
    if vrije_tekst and not sjablonen.gebruikt_veld(sjabloon.inhoud, "vrije_tekst"):
        raise ValidationError({"vrije_tekst": "Dit sjabloon heeft geen ruimte voor vrije tekst."})
    data = gegevens.briefgegevens(casus, soort, obj, verzonden_op=verzonden_op, vrije_tekst=vrije_tekst)
    if data.ontbreekt:
        raise ValidationError(["De brief kan nog niet worden verzonden. Er ontbreekt:", *data.ontbreekt])
    briefhoofd = getattr(gegevens.gemeente_van(casus), "briefhoofd", None)
    return data, sjabloon, briefhoofd


def _datum_controleren(verzonden_op: date | None, soort: str, obj) -> None:
    datum_verplicht(verzonden_op, veld="verzonden_op", melding="Vul de verzenddatum in.")
    niet_in_de_toekomst(
        verzonden_op,
        veld="verzonden_op",
        melding="De verzenddatum ligt in de toekomst. Verstuur de brief op de dag zelf.",
    )
    if soort in BESCHIKKING_SOORTEN and verzonden_op < obj.besluitdatum:
        raise ValidationError(
            {
                "verzonden_op": f"Het besluit is genomen op {obj.besluitdatum:%d-%m-%Y}; "
                "eerder verzenden kan niet."
            }
        )


def brief_verzenden(
    *,
    casus: Casus,
    soort: str,
    obj,
    verzonden_op: date,
    kanaal: str,
    door,
    vrije_tekst: str = "",
    vervangt: Brief | None = None,
) -> Brief:
    """Make the PDF, store it once with its checksum, and record the bekendmaking.

    The PDF is rendered first, before any lock is taken (it takes the longest). Then, in one
    transaction, the case is locked once, so two consultants confirming the same letter at once
    make one letter: the second finds the first and gets ``BriefAlVerzonden``. A correction
    (``vervangt``) is a new letter; the original is never changed."""
    if kanaal not in Kanaal.values:
        raise ValidationError({"kanaal": "Kies hoe de brief is verzonden: post, e-mail of portaal."})
    _datum_controleren(verzonden_op, soort, obj)
    data, sjabloon, briefhoofd = brief_opstellen(
        casus=casus, soort=soort, obj=obj, verzonden_op=verzonden_op, vrije_tekst=vrije_tekst
    )
    versie = sjabloon.versies.get(versie=sjabloon.versie)
    html = pdf.brief_html(
        onderwerp=versie.onderwerp,
        inhoud=versie.inhoud,
        context=data.context,
        briefhoofd=briefhoofd,
        vervangt=vervangt,
    )
    inhoud = pdf.pdf_maken(html)
    onderwerp = sjablonen.weergeven(versie.onderwerp, data.context).strip()[:250]
    with transaction.atomic():
        return _brief_vastleggen(
            lock_casus(casus, None),
            soort=soort,
            obj=obj,
            verzonden_op=verzonden_op,
            kanaal=kanaal,
            door=door,
            vrije_tekst=vrije_tekst,
            vervangt=vervangt,
            versie=versie,
            onderwerp=onderwerp,
            inhoud=inhoud,
            data=data,
        )


def _brief_vastleggen(
    locked: Casus,
    *,
    soort,
    obj,
    verzonden_op,
    kanaal,
    door,
    vrije_tekst,
    vervangt,
    versie,
    onderwerp,
    inhoud,
    data,
) -> Brief:
    """The rendered letter on the locked case: refuse a second one, record the bekendmaking (the
    bezwaartermijn runs from it, a backoffice rule), store the file and the timeline event."""
    sleutel = gegevens.sleutel(soort, obj)
    if vervangt is None:
        bestaand = Brief.objects.filter(sleutel=sleutel, vervangt__isnull=True).first()
        if bestaand is not None:
            raise BriefAlVerzonden(bestaand)
    else:
        vervangt = Brief.objects.select_for_update().get(pk=vervangt.pk)
        if vervangt.casus_id != locked.pk or vervangt.sleutel != sleutel:
            raise ValidationError("Een correctie vervangt een brief over hetzelfde onderwerp van deze casus.")
        opvolger = Brief.objects.filter(vervangt=vervangt).first()
        if opvolger is not None:
            raise BriefAlVerzonden(opvolger)
    if soort in BESCHIKKING_SOORTEN:
        besluit_bekendmaken_vergrendeld(locked, besluit=obj, verzonden_op=verzonden_op, door=door)
    brief = Brief(
        casus=locked,
        soort=soort,
        sleutel=sleutel,
        besluit=obj if soort in BESCHIKKING_SOORTEN else None,
        sjabloon_versie=versie,
        vervangt=vervangt,
        onderwerp=onderwerp,
        vrije_tekst=vrije_tekst or "",
        sha256=hashlib.sha256(inhoud).hexdigest(),
        grootte=len(inhoud),
        verzonden_op=verzonden_op,
        kanaal=kanaal,
        einde_bezwaartermijn=data.einde_termijn,
        termijn_regel=data.termijn_regel,
        door=door,
    )
    brief.bestand.save(f"{soort}.pdf", ContentFile(inhoud), save=False)
    try:
        with transaction.atomic():
            brief.save()
    except IntegrityError as exc:  # the constraint is the last guard; the lock normally wins
        brief.bestand.delete(save=False)
        bestaand = Brief.objects.filter(sleutel=sleutel, vervangt=vervangt).first()
        if bestaand is None:
            raise
        raise BriefAlVerzonden(bestaand) from exc
    kanaal_tekst = brief.get_kanaal_display().lower()
    tekst = f"{brief.get_soort_display()} verzonden per {kanaal_tekst} op {verzonden_op:%d-%m-%Y}"
    if vervangt is not None:
        tekst += f", ter correctie van de brief van {vervangt.verzonden_op:%d-%m-%Y}"
    if brief.einde_bezwaartermijn:
        tekst += f". Bezwaar of beroep mogelijk tot en met {brief.einde_bezwaartermijn:%d-%m-%Y}"
    gebeurtenis_toevoegen(
        casus=locked,
        soort=CasusGebeurtenis.Soort.BRIEF,
        door=door,
        tekst=tekst + ".",
        gegevens={"brief": brief.pk, "soort": soort, "sha256": brief.sha256},
    )
    return brief


def _gecontroleerd(upload, omschrijving: str):
    """The upload's checks (type, size, active content, virus scan): before any lock is taken."""
    if not (omschrijving or "").strip():
        raise ValidationError({"omschrijving": "Beschrijf kort wat dit document is."})
    try:
        return bestanden.controleren(upload)
    except ValidationError as fout:
        raise ValidationError({"bestand": fout.messages}) from fout


@transaction.atomic
def document_toevoegen(*, casus: Casus, upload, documenttype: str, omschrijving: str, door) -> CasusDocument:
    """Store a checked file under a random name; the display name is sanitised."""
    gecontroleerd = _gecontroleerd(upload, omschrijving)
    return _document_opslaan(lock_casus(casus, None), gecontroleerd, upload, documenttype, omschrijving, door)


def document_toevoegen_vergrendeld(
    locked: Casus, *, upload, documenttype: str, omschrijving: str, door
) -> CasusDocument:
    """``document_toevoegen`` on a case the caller already locked (an inwoner's answer with a file)."""
    gecontroleerd = _gecontroleerd(upload, omschrijving)
    return _document_opslaan(locked, gecontroleerd, upload, documenttype, omschrijving, door)


def _document_opslaan(
    locked: Casus, gecontroleerd, upload, documenttype, omschrijving, door
) -> CasusDocument:
    document = CasusDocument(
        casus=locked,
        documenttype=documenttype,
        omschrijving=omschrijving.strip()[:300],
        bestandsnaam=gecontroleerd.naam,
        content_type=gecontroleerd.content_type,
        grootte=gecontroleerd.grootte,
        sha256=gecontroleerd.sha256,
        toegevoegd_door=door,
    )
    document.bestand.save("document", upload, save=False)
    try:
        document.save()
    except Exception:
        document.bestand.delete(save=False)
        raise
    gebeurtenis_toevoegen(
        casus=locked,
        soort=CasusGebeurtenis.Soort.DOCUMENT,
        door=door,
        tekst=f"Document toegevoegd: {document.get_documenttype_display()} ({document.bestandsnaam}).",
        gegevens={"document": document.pk},
    )
    return document


@transaction.atomic
def document_verwijderen(*, document: CasusDocument, reden: str, door) -> CasusDocument:
    """Mark a file as deleted: it disappears from the list but stays until retention ends."""
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": "Geef de reden waarom dit document wordt verwijderd."})
    locked_casus = lock_casus(document.casus, None)
    locked = CasusDocument.objects.select_for_update().get(pk=document.pk)
    if locked.verwijderd_op is not None:
        raise ValidationError("Dit document is al verwijderd.")
    locked.verwijderd_op, locked.verwijderd_door, locked.verwijderreden = timezone.now(), door, reden[:300]
    locked.save(update_fields=["verwijderd_op", "verwijderd_door", "verwijderreden"])
    gebeurtenis_toevoegen(
        casus=locked_casus,
        soort=CasusGebeurtenis.Soort.DOCUMENT,
        door=door,
        tekst=f"Document verwijderd: {locked.bestandsnaam}. Reden: {reden}",
        gegevens={"document": locked.pk},
    )
    return locked
