"""Writes on inwoners, households and ZRM scores."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from altena.access import Rol, has_role
from altena.namen import naam_van
from altena.validatie import niet_in_de_toekomst
from netwerk.leefgebieden import Leefgebied

from ..models import Casus, CasusGebeurtenis, Huishouden, Inwoner, ZrmScore
from ..scope import controleer_postcode_bij_kern
from ..validators import normaliseer_bsn, normaliseer_postcode
from ..workflow import OPEN_FASEN


class BsnBestaatAl(ValidationError):
    """Registering a BSN that is already known; ``inwoner`` is the existing person."""

    def __init__(self, inwoner: Inwoner):
        self.inwoner = inwoner
        super().__init__({"bsn": "Er is al een inwoner met dit BSN geregistreerd."}, code="bsn_bestaat")


class HuishoudenConflict(Exception):
    def __init__(self, huishouden: Huishouden):
        self.huishouden = huishouden
        super().__init__(
            f"{huishouden.naam} is intussen gewijzigd door een collega. Bekijk de huidige gegevens en "
            "probeer het opnieuw."
        )


def huishouden_op_adres(*, gemeente: str, postcode: str, huisnummer: str) -> Huishouden | None:
    """The household of someone already registered at this address in the same gemeente, if any.
    Never across gemeenten: each gemeente is its own controller."""
    buur = (
        Inwoner.objects.filter(
            gemeente=gemeente,
            postcode=postcode,
            huisnummer__iexact=huisnummer.strip(),
            huishouden__isnull=False,
            huishouden__gemeente=gemeente,
        )
        .select_related("huishouden")
        .order_by("pk")
        .first()
    )
    return buur.huishouden if buur else None


@transaction.atomic
def inwoner_registreren(
    *,
    door,
    bsn: str,
    voornamen: str,
    achternaam: str,
    geboortedatum: date,
    straat: str,
    huisnummer: str,
    postcode: str,
    kern,
    tussenvoegsel: str = "",
    woonplaats: str = "",
    telefoon: str = "",
    email: str = "",
    huishouden: Huishouden | None = None,
) -> Inwoner:
    """Register a new inwoner in the kern's gemeente. Joins the household of the address in that
    gemeente, or starts a new one. A BSN is unique per gemeente: another gemeente's registration of
    the same person is neither found nor revealed."""
    bsn = normaliseer_bsn(bsn)
    postcode = normaliseer_postcode(postcode)
    gemeente = kern.gemeente
    controleer_postcode_bij_kern(postcode, kern)
    bestaand = Inwoner.objects.filter(gemeente=gemeente, bsn=bsn).first()
    if bestaand is not None:
        raise BsnBestaatAl(bestaand)
    if huishouden is not None and huishouden.gemeente != gemeente:
        raise ValidationError({"huishouden": "Dit huishouden hoort bij een andere gemeente."})
    niet_in_de_toekomst(geboortedatum, veld="geboortedatum", melding="De geboortedatum ligt in de toekomst.")
    inwoner = Inwoner(
        bsn=bsn,
        voornamen=voornamen.strip(),
        tussenvoegsel=tussenvoegsel.strip(),
        achternaam=achternaam.strip(),
        geboortedatum=geboortedatum,
        straat=straat.strip(),
        huisnummer=huisnummer.strip(),
        postcode=postcode,
        woonplaats=woonplaats.strip() or kern.naam,
        kern=kern,
        gemeente=gemeente,
        telefoon=telefoon.strip(),
        email=email.strip(),
    )
    inwoner.full_clean(exclude=["huishouden"])
    if huishouden is None:
        huishouden = huishouden_op_adres(gemeente=gemeente, postcode=postcode, huisnummer=huisnummer)
    if huishouden is None:
        huishouden = Huishouden.objects.create(
            naam=f"Huishouden {inwoner.achternaam}, {inwoner.straat} {inwoner.huisnummer}"[:150],
            gemeente=gemeente,
        )
    inwoner.huishouden = huishouden
    try:
        with transaction.atomic():
            inwoner.save()
    except IntegrityError as exc:  # a colleague registered the same BSN a moment ago
        raise BsnBestaatAl(Inwoner.objects.get(gemeente=gemeente, bsn=bsn)) from exc
    return inwoner


@transaction.atomic
def huishouden_regisseur_toewijzen(*, huishouden: Huishouden, regisseur, door, versie: int | None = None):
    """1 huishouden, 1 plan, 1 regisseur: set the household's regisseur and direct its open cases."""
    locked = Huishouden.objects.select_for_update().get(pk=huishouden.pk)
    if versie is not None and locked.versie != versie:
        raise HuishoudenConflict(locked)
    if regisseur is not None and not has_role(regisseur, Rol.CONSULTANT):
        raise ValidationError({"regisseur": "Alleen een consulent kan regisseur van een huishouden zijn."})
    locked.regisseur = regisseur
    locked.versie += 1
    locked.save(update_fields=["regisseur", "versie"])
    open_casussen = Casus.objects.select_for_update().filter(huishouden=locked, fase__in=OPEN_FASEN)
    ids = list(open_casussen.values_list("pk", flat=True))
    Casus.objects.filter(pk__in=ids).update(
        regisseur=regisseur, versie=F("versie") + 1, gewijzigd=timezone.now()
    )
    nu = timezone.now()
    naam = naam_van(regisseur, "geen")
    CasusGebeurtenis.objects.bulk_create(
        CasusGebeurtenis(
            casus_id=pk,
            soort=CasusGebeurtenis.Soort.TOEGEWEZEN,
            actor=door,
            tijdstip=nu,
            tekst=f"Regisseur van het huishouden: {naam}.",
            gegevens={"regisseur": regisseur.pk if regisseur else None},
        )
        for pk in ids
    )
    return locked


@transaction.atomic
def zrm_scores_vastleggen(
    *,
    casus: Casus,
    scores: Iterable[dict],
    door,
    bron: str = ZrmScore.Bron.QUICKSCAN,
    gescoord_op: date | None = None,
) -> list[ZrmScore]:
    """Score only the domains relevant to the question, each with a reason (never a full matrix)."""
    gescoord_op = gescoord_op or timezone.localdate()
    regels, gezien, fouten = [], set(), []
    for item in scores:
        domein, score, reden = item.get("domein"), item.get("score"), (item.get("reden") or "").strip()
        if domein not in Leefgebied.values:
            fouten.append(f"Onbekend domein: {domein}.")
            continue
        label = Leefgebied(domein).label
        if domein in gezien:
            fouten.append(f"{label} is twee keer gescoord.")
        if score is None or not 1 <= int(score) <= 5:
            fouten.append(f"{label}: de score moet tussen 1 en 5 liggen.")
        if not reden:
            fouten.append(f"{label}: geef de reden waarom dit domein relevant is.")
        gezien.add(domein)
        regels.append(
            ZrmScore(
                casus=casus,
                domein=domein,
                score=score,
                reden=reden,
                gescoord_op=gescoord_op,
                door=door,
                bron=bron,
            )
        )
    if fouten:
        raise ValidationError(fouten)
    if not regels:
        return []
    ZrmScore.objects.bulk_create(regels)
    samenvatting = ", ".join(f"{r.get_domein_display()} {r.score}" for r in regels)
    CasusGebeurtenis.objects.create(
        casus=casus,
        soort=CasusGebeurtenis.Soort.NOTITIE,
        actor=door,
        tijdstip=timezone.now(),
        tekst=f"ZRM ({ZrmScore.Bron(bron).label.lower()}): {samenvatting}.",
        gegevens={"zrm": {r.domein: r.score for r in regels}, "bron": bron},
    )
    return regels
