"""Writes of Mijn Toegang: a melding by the inwoner, a file on their own case, and their answer to a
request for information. Each reuses the owning app's service, so the checks are the same as at the
front door and in the case file."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction

from documenten.models import DocumentType
from documenten.services import document_toevoegen, document_toevoegen_vergrendeld
from intake.models import Casus, CasusGebeurtenis, Inwoner, Kanaal
from intake.services import casus_aanmaken, gebeurtenis_toevoegen, lock_casus

from .models import InformatieAntwoord


@transaction.atomic
def melding_doen(
    *,
    inwoner: Inwoner,
    hulpvraag: str,
    leefgebieden: list[str],
    telefoon: str = "",
    indienings_token: uuid.UUID | None = None,
    dubbel_bevestigd: bool = False,
) -> Casus:
    """The same hulpvraag the front door registers, marked "Via Mijn Toegang": it lands in the
    front door's queue of the inwoner's kern. A repeated submit returns the first case; a likely
    duplicate raises ``intake.services.MogelijkDubbel`` unless confirmed."""
    hulpvraag = (hulpvraag or "").strip()
    if not hulpvraag:
        raise ValidationError({"hulpvraag": "Schrijf kort waar u hulp bij nodig heeft."})
    if telefoon.strip() and not inwoner.telefoon:
        Inwoner.objects.filter(pk=inwoner.pk).update(telefoon=telefoon.strip()[:20])
    return casus_aanmaken(
        inwoner=inwoner,
        door=None,
        hulpvraag=hulpvraag,
        kanaal=Kanaal.MIJN_TOEGANG,
        leefgebieden=leefgebieden,
        indienings_token=indienings_token,
        dubbel_bevestigd=dubbel_bevestigd,
    )


def document_uploaden(
    *, casus: Casus, upload, documenttype: str, omschrijving: str, vergrendeld: bool = False
):
    """Through documenten's own service: the same type, size, content and virus checks as a
    consultant's upload; on the timeline as added by the inwoner. ``vergrendeld``: the caller holds
    the case's lock already (an answer with a file), so none is taken again."""
    if documenttype not in DocumentType.values:
        raise ValidationError({"documenttype": "Kies wat voor document het is."})
    velden = {
        "upload": upload,
        "documenttype": documenttype,
        "omschrijving": f"{omschrijving.strip()} (via Mijn Toegang)" if omschrijving.strip() else "",
        "door": None,
    }
    if vergrendeld:
        return document_toevoegen_vergrendeld(casus, **velden)
    return document_toevoegen(casus=casus, **velden)


@transaction.atomic
def antwoord_geven(*, casus: Casus, opschorting, tekst: str, upload=None) -> InformatieAntwoord:
    """The inwoner answers the request for information that suspended a term. The term stays
    suspended until the consultant resumes it (they judge whether the answer is complete); the
    answer and any file are on the case's timeline."""
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({"tekst": "Schrijf uw antwoord."})
    locked = lock_casus(casus, None)
    if opschorting.tot is not None or opschorting.termijn.casus_id != locked.pk:
        raise ValidationError("Op deze vraag kunt u niet (meer) antwoorden.")
    document = None
    if upload is not None:
        document = document_uploaden(
            vergrendeld=True,
            casus=locked,
            upload=upload,
            documenttype=DocumentType.CORRESPONDENTIE,
            omschrijving="Bijlage bij antwoord op vraag om informatie",
        )
    antwoord = InformatieAntwoord.objects.create(
        casus=locked, opschorting=opschorting, tekst=tekst[:5000], document=document
    )
    gebeurtenis_toevoegen(
        casus=locked,
        soort=CasusGebeurtenis.Soort.NOTITIE,
        door=None,
        tekst=(
            f"Antwoord van de inwoner via Mijn Toegang op de vraag om informatie ({opschorting.reden}): "
            f"{tekst}"
        ),
        gegevens={"informatie_antwoord": antwoord.pk, "opschorting": opschorting.pk},
    )
    return antwoord
