"""E-mail to partners' workers: a new referral (a link only) and the daily summary of open ones.
The content of a referral never travels by e-mail: no name, no question, no case number."""

from __future__ import annotations

import logging
from datetime import datetime

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from intake.models import Verwijzing

from .accounts import site_url
from .models import PartnerDagoverzicht, PartnerMedewerker

logger = logging.getLogger(__name__)


def _ontvangers(partner_id):
    return list(
        PartnerMedewerker.objects.actief()
        .filter(partner_id=partner_id)
        .exclude(gebruiker__email="")
        .values_list("gebruiker__email", flat=True)
    )


def nieuwe_verwijzing_melden(verwijzing_id: int) -> int:
    """Mail every active worker of the partner that a referral waits (after commit; never raises)."""
    verwijzing = Verwijzing.objects.select_related("partner").filter(pk=verwijzing_id).first()
    if verwijzing is None:
        return 0
    ontvangers = _ontvangers(verwijzing.partner_id)
    if not ontvangers:
        return 0
    context = {
        "partner": verwijzing.partner,
        "link": site_url() + reverse("partner:verwijzing", args=[verwijzing.pk]),
    }
    try:
        send_mail(
            "Nieuwe verwijzing in het partnerportaal",
            render_to_string("partner/mail/nieuwe_verwijzing.txt", context),
            None,
            ontvangers,
            fail_silently=False,
        )
    except Exception:  # noqa: BLE001 - the referral stands; the daily summary mentions it again
        logger.exception("Melding nieuwe verwijzing %s niet verstuurd", verwijzing_id)
        return 0
    return len(ontvangers)


def bij_verwijzing_gemaakt(sender, *, verwijzing, **kwargs):
    transaction.on_commit(lambda: nieuwe_verwijzing_melden(verwijzing.pk))


def dagoverzichten_versturen(*, nu: datetime | None = None) -> int:
    """Once a day per worker with open referrals: how many, and a link. Exactly once per day: the
    claim (one row per worker and date) is committed before sending and removed when sending fails."""
    nu = nu or timezone.now()
    datum = timezone.localtime(nu).date()
    actief = Q(partner__verwijzingen__status__in=Verwijzing.ACTIEVE_STATUSSEN)
    medewerkers = (
        PartnerMedewerker.objects.actief()
        .exclude(gebruiker__email="")
        .select_related("gebruiker", "partner")
        .annotate(
            open_aantal=Count("partner__verwijzingen", filter=actief),
            nieuw_aantal=Count(
                "partner__verwijzingen", filter=Q(partner__verwijzingen__status=Verwijzing.Status.VERSTUURD)
            ),
        )
        .filter(open_aantal__gt=0)
    )
    verzonden = 0
    for m in medewerkers:
        try:
            with transaction.atomic():
                claim = PartnerDagoverzicht.objects.create(
                    gebruiker=m.gebruiker, datum=datum, aantal=m.open_aantal
                )
        except IntegrityError:
            continue  # already sent (or being sent) today
        context = {
            "partner": m.partner,
            "aantal": m.open_aantal,
            "nieuw": m.nieuw_aantal,
            "link": site_url() + reverse("partner:overzicht"),
        }
        try:
            send_mail(
                "Openstaande verwijzingen in het partnerportaal",
                render_to_string("partner/mail/dagoverzicht.txt", context),
                None,
                [m.gebruiker.email],
                fail_silently=False,
            )
        except Exception:  # noqa: BLE001
            logger.exception(
                "Dagoverzicht partner voor %s niet verstuurd; volgende keer opnieuw", m.gebruiker_id
            )
            claim.delete()
            continue
        PartnerDagoverzicht.objects.filter(pk=claim.pk).update(verzonden_op=timezone.now())
        verzonden += 1
    return verzonden
