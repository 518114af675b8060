"""Writes of the signalen app: running the sweeps, reading and handling a signal, the daily digest."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import connection, transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Dagoverzicht, DagoverzichtSignaal, Signaal, SignaalRegel, SignaalSoort, Voorkeur
from .regels import STANDAARD
from .selectors import signalen_voor
from .sweeps import AMSTERDAM, Peil, sweep_regel

logger = logging.getLogger(__name__)

DIGEST_VENSTER = timedelta(days=7)  # a first digest never dumps months of old signals


def standaardregels_aanmaken() -> int:
    """Create the rules that are missing with their default thresholds (never overwrites)."""
    gemaakt = 0
    for code, (drempel, eenheid, herhalen, toelichting) in STANDAARD.items():
        _, nieuw = SignaalRegel.objects.get_or_create(
            code=code,
            defaults={
                "drempel": drempel,
                "eenheid": eenheid,
                "herhalen_na_dagen": herhalen,
                "toelichting": toelichting,
            },
        )
        gemaakt += nieuw
    return gemaakt


def sweep_alle(*, nu: datetime | None = None) -> dict[str, int]:
    """Run the sweep of every active rule, each in its own transaction; returns signals made per
    rule. A rule that fails is logged and the others still run; the first error is raised at the end
    so the task is marked failed (and the next beat catches up)."""
    peil = Peil.op(nu)
    gemaakt: dict[str, int] = {}
    fout: Exception | None = None
    for regel in SignaalRegel.objects.filter(actief=True).order_by("code"):
        try:
            gemaakt[regel.code] = sweep_regel(regel, peil)
        except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the others
            logger.exception("Sweep van signaalregel %s mislukt", regel.code)
            fout = fout or exc
    if any(gemaakt.values()):
        logger.info("Signalen gemaakt: %s", {k: v for k, v in gemaakt.items() if v})
    if fout is not None:
        raise fout
    return gemaakt


def sweep_regels(*codes: str, nu: datetime | None = None) -> dict[str, int]:
    """Run the sweeps of these (active) rules now, e.g. right after a partner answered a referral,
    so the signal is there at once; the next beat finds nothing left to make."""
    peil = Peil.op(nu)
    return {
        regel.code: sweep_regel(regel, peil)
        for regel in SignaalRegel.objects.filter(actief=True, code__in=codes).order_by("code")
    }


def _eigen_signaal(signaal_id: int, door) -> Signaal:
    """The signal, locked, if it is in ``door``'s inbox; Signaal.DoesNotExist otherwise."""
    return signalen_voor(door).select_for_update(of=("self",)).get(pk=signaal_id)


@transaction.atomic
def signaal_gelezen(*, signaal_id: int, door) -> Signaal:
    """Mark a signal read (the first reader and time are kept)."""
    signaal = _eigen_signaal(signaal_id, door)
    if signaal.gelezen_op is None:
        signaal.gelezen_op = timezone.now()
        signaal.gelezen_door = door
        signaal.save(update_fields=["gelezen_op", "gelezen_door"])
    return signaal


@transaction.atomic
def signaal_afhandelen(*, signaal_id: int, door) -> Signaal:
    """Mark a signal handled, with who and when. Handling twice keeps the first."""
    signaal = _eigen_signaal(signaal_id, door)
    if signaal.afgehandeld_op is None:
        nu = timezone.now()
        signaal.afgehandeld_op = nu
        signaal.afgehandeld_door = door
        if signaal.gelezen_op is None:
            signaal.gelezen_op, signaal.gelezen_door = nu, door
        signaal.save(update_fields=["afgehandeld_op", "afgehandeld_door", "gelezen_op", "gelezen_door"])
    return signaal


def voorkeur_opslaan(*, gebruiker, dagelijkse_mail: bool) -> Voorkeur:
    voorkeur, _ = Voorkeur.objects.update_or_create(
        gebruiker=gebruiker, defaults={"dagelijkse_mail": dagelijkse_mail}
    )
    return voorkeur


def dagoverzichten_versturen(*, nu: datetime | None = None) -> int:
    """Send today's digest to every active staff member who wants one; returns how many were sent.
    Safe to run every hour: a recipient gets at most one digest a day."""
    nu = nu or timezone.now()
    verzonden = 0
    voorkeuren = (
        Voorkeur.objects.filter(dagelijkse_mail=True, gebruiker__is_active=True)
        .exclude(gebruiker__email="")
        .select_related("gebruiker")
    )
    for voorkeur in voorkeuren:
        overzicht = dagoverzicht_versturen(ontvanger=voorkeur.gebruiker, nu=nu)
        verzonden += bool(overzicht and overzicht.verzonden_op)
    return verzonden


def dagoverzicht_versturen(*, ontvanger, nu: datetime | None = None) -> Dagoverzicht | None:
    """Claim today's digest of ``ontvanger`` and the new signals in it, commit, then send.

    Exactly once: the claim is one row per recipient and day (a concurrent or repeated run finds it
    and stops), and each signal is claimed at most once per recipient (DagoverzichtSignaal). The
    mail goes out only after the claim is committed; when sending fails the claim is removed again,
    so the next run retries. Only a crash between a successful send and the ``verzonden_op`` update
    leaves a digest marked unsent, never one sent twice.
    """
    nu = nu or timezone.now()
    datum = nu.astimezone(AMSTERDAM).date()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            """INSERT INTO signalen_dagoverzicht (ontvanger_id, datum, aangemaakt, aantal)
               VALUES (%s, %s, %s, 0)
               ON CONFLICT ON CONSTRAINT dagoverzicht_een_per_dag DO NOTHING RETURNING id""",
            [ontvanger.pk, datum, nu],
        )
        rij = cursor.fetchone()
        if rij is None:
            return None
        overzicht_id = rij[0]
        nieuw = (
            signalen_voor(ontvanger)
            .open()
            .filter(aangemaakt__lte=nu, aangemaakt__gt=nu - DIGEST_VENSTER)
            .exclude(pk__in=DagoverzichtSignaal.objects.filter(ontvanger=ontvanger).values("signaal_id"))
            .order_by()
            .values("id")
        )
        sql, params = nieuw.query.sql_with_params()
        cursor.execute(
            f"""INSERT INTO signalen_dagoverzichtsignaal (dagoverzicht_id, ontvanger_id, signaal_id)
                SELECT %s, %s, n.id FROM ({sql}) n
                ON CONFLICT ON CONSTRAINT dagoverzicht_signaal_eenmaal DO NOTHING""",  # nosec B608  # constant SQL; every value is a parameter
            [overzicht_id, ontvanger.pk, *params],
        )
        aantal = cursor.rowcount
        Dagoverzicht.objects.filter(pk=overzicht_id).update(aantal=aantal)
    overzicht = Dagoverzicht.objects.get(pk=overzicht_id)
    if not aantal:
        return overzicht
    # Only counts per kind and a link: an e-mail leaves our systems, so no case numbers, names or
    # provision types in it (the inbox behind the login shows the details).
    per_soort = (
        Signaal.objects.filter(pk__in=overzicht.regels.values("signaal_id"))
        .values("regel")
        .annotate(aantal=Count("id"))
        .order_by("-aantal", "regel")
    )
    context = {
        "ontvanger": ontvanger,
        "per_soort": [(SignaalSoort(r["regel"]).label, r["aantal"]) for r in per_soort],
        "aantal": aantal,
        "site_url": getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/"),
    }
    onderwerp = "Altena Toegang: " + ("1 nieuw signaal" if aantal == 1 else f"{aantal} nieuwe signalen")
    try:
        send_mail(
            onderwerp,
            render_to_string("signalen/dagoverzicht.txt", context),
            None,
            [ontvanger.email],
            fail_silently=False,
        )
    except Exception:
        logger.exception("Dagoverzicht voor %s niet verstuurd; volgende keer opnieuw", ontvanger.pk)
        Dagoverzicht.objects.filter(pk=overzicht_id).delete()
        return None
    Dagoverzicht.objects.filter(pk=overzicht_id).update(verzonden_op=timezone.now())
    overzicht.refresh_from_db()
    return overzicht
