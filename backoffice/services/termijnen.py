"""Writes on the stored legal terms: start, recompute, pause (opschorting), resume, extend
(verdaging) and finish. The arithmetic lives in ``backoffice.termijnen``; this module stores it."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from altena.validatie import datum_verplicht, verplicht
from intake.models import Casus, CasusGebeurtenis, Wet
from intake.services import lock_casus, wijziging_vastleggen
from intake.workflow import Fase

from .. import termijnen as tw
from ..models import Aanvraag, Opschorting, Termijn, Verdaging
from ..selectors import atw_feestdagen

BESCHIKKING_SOORTEN = (
    tw.TermijnSoort.WMO_BESCHIKKING,
    tw.TermijnSoort.JEUGD_BESCHIKKING,
    tw.TermijnSoort.PW_BESCHIKKING,
    tw.TermijnSoort.PW_VOORSCHOT,
)


def uitkomst_voor(termijn: Termijn, feestdagen: tw.Feestdagen | None = None) -> tw.Uitkomst:
    """Compute a stored term from its own inputs."""
    feestdagen = feestdagen or atw_feestdagen()
    if termijn.soort == tw.TermijnSoort.BEZWAAR_BESLISSING:
        bezwaar = termijn.bezwaar
        return tw.bereken_beslistermijn_bezwaar(
            einde_bezwaartermijn=bezwaar.einde_bezwaartermijn,
            ontvangen_op=bezwaar.ontvangen_op,
            adviescommissie=bezwaar.adviescommissie,
            feestdagen=feestdagen,
            opgeschort_dagen=termijn.opgeschort_dagen,
            verdaagd_tot=termijn.verdaagd_tot,
        )
    return tw.bereken_termijn(
        termijn.soort,
        termijn.startdatum,
        feestdagen=feestdagen,
        opgeschort_dagen=termijn.opgeschort_dagen,
        verdaagd_tot=termijn.verdaagd_tot,
    )


def termijn_herberekenen(termijn: Termijn, feestdagen: tw.Feestdagen | None = None) -> Termijn:
    """Recompute and store the deadline after an input changed (caller holds the lock)."""
    uitkomst = uitkomst_voor(termijn, feestdagen)
    termijn.uiterste_datum = uitkomst.uiterste_datum
    termijn.regel = uitkomst.regel
    termijn.berekend_op = timezone.now()
    if termijn.pk:
        termijn.save(
            update_fields=[
                "uiterste_datum",
                "regel",
                "berekend_op",
                "startdatum",
                "opgeschort_dagen",
                "opgeschort_sinds",
                "verdaagd_tot",
            ]
        )
    return termijn


def termijn_starten(
    *, casus: Casus, soort: str, startdatum: date, bezwaar=None, feestdagen: tw.Feestdagen | None = None
) -> Termijn:
    """Start a term, or recompute the running one of the same kind when its start changed.

    Runs inside the caller's transaction (which holds the case lock)."""
    bestaand = (
        Termijn.objects.select_for_update()
        .filter(casus=casus, soort=soort, bezwaar=bezwaar, afgerond_op__isnull=True)
        .first()
    )
    if bestaand is not None:
        if bestaand.startdatum != startdatum:
            bestaand.startdatum = startdatum
            termijn_herberekenen(bestaand, feestdagen)
        return bestaand
    termijn = Termijn(casus=casus, soort=soort, startdatum=startdatum, bezwaar=bezwaar)
    termijn_herberekenen(termijn, feestdagen)
    termijn.save()
    return termijn


def termijnen_afronden(*, casus: Casus, soorten=None, op: date | None = None) -> int:
    """Mark the running terms of a case (not those of a bezwaar) as done."""
    qs = Termijn.objects.filter(casus=casus, afgerond_op__isnull=True, bezwaar__isnull=True)
    if soorten is not None:
        qs = qs.filter(soort__in=list(soorten))
    return qs.update(afgerond_op=op or timezone.localdate(), opgeschort_sinds=None)


def termijnen_bij_aanvraag(*, casus: Casus, aanvraag: Aanvraag) -> None:
    """The aanvraag came in (``aanvraag_ontvangen``): the onderzoek and plan windows end, the
    beschikking term of the law (and the Participatiewet voorschot) starts from its date."""
    termijnen_afronden(
        casus=casus,
        soorten=[tw.TermijnSoort.WMO_ONDERZOEK, tw.TermijnSoort.WMO_PLAN],
        op=timezone.localdate(),
    )
    feestdagen = atw_feestdagen()
    for soort in tw.soorten_bij_aanvraag(casus.wet, voorschot=aanvraag.voorschot_gevraagd):
        termijn_starten(casus=casus, soort=soort, startdatum=aanvraag.ontvangen_op, feestdagen=feestdagen)


def termijnen_bij_overgang(*, casus: Casus, van: str, naar: str) -> None:
    """Keep the terms in step with the transitions intake starts (receiver of
    ``intake.hooks.casus_fase_gewijzigd``): opschaling to a Wmo melding starts the onderzoek and
    plan terms; a referral (also afschaling) or closing ends every running term. Backoffice's own
    transitions handle their terms in their own services (aanvraag, besluit)."""
    vandaag = timezone.localdate()
    if naar == Fase.MELDING:
        if casus.wet == Wet.WMO:
            start = casus.meldingsdatum or vandaag
            feestdagen = atw_feestdagen()
            termijn_starten(
                casus=casus, soort=tw.TermijnSoort.WMO_ONDERZOEK, startdatum=start, feestdagen=feestdagen
            )
            termijn_starten(
                casus=casus, soort=tw.TermijnSoort.WMO_PLAN, startdatum=start, feestdagen=feestdagen
            )
    elif naar in (Fase.VERWEZEN, Fase.AFGESLOTEN):
        termijnen_afronden(casus=casus, op=vandaag)


def _termijn_vergrendelen(termijn: Termijn, versie: int | None) -> tuple[Casus, Termijn]:
    casus = lock_casus(termijn.casus, versie)
    locked = Termijn.objects.select_for_update(of=("self",)).select_related("bezwaar").get(pk=termijn.pk)
    if locked.afgerond_op is not None:
        raise ValidationError("Deze termijn is al afgerond; opschorten of verdagen kan niet meer.")
    return casus, locked


@transaction.atomic
def termijn_opschorten(
    *, termijn: Termijn, van: date, reden: str, door, versie: int | None = None
) -> Opschorting:
    """The term stands still from ``van`` (Awb 4:15; for a bezwaar Awb 7:10 lid 2)."""
    datum_verplicht(van, melding="Vul de datum in vanaf wanneer de termijn stilstaat.", veld="van")
    reden = verplicht(
        reden,
        melding="Geef de reden van de opschorting (bijv. de inwoner vult de aanvraag aan).",
        veld="reden",
    )
    casus, locked = _termijn_vergrendelen(termijn, versie)
    if locked.opgeschort_sinds is not None:
        raise ValidationError("Deze termijn is al opgeschort. Hervat hem eerst.")
    if van <= locked.startdatum:
        raise ValidationError({"van": "Een opschorting begint na de start van de termijn."})
    if van > locked.uiterste_datum:
        raise ValidationError(
            {"van": "De termijn was op die dag al verstreken; opschorten kan alleen binnen de termijn."}
        )
    opschorting = Opschorting.objects.create(termijn=locked, van=van, reden=reden, door=door)
    locked.opgeschort_sinds = van
    locked.save(update_fields=["opgeschort_sinds"])
    wijziging_vastleggen(
        casus,
        soort=CasusGebeurtenis.Soort.TERMIJN,
        door=door,
        tekst=f"{locked.get_soort_display()} opgeschort vanaf {van:%d-%m-%Y}: {reden}",
        gegevens={"termijn": locked.pk, "opschorting": opschorting.pk},
    )
    return opschorting


@transaction.atomic
def termijn_hervatten(*, termijn: Termijn, tot: date, door, versie: int | None = None) -> Termijn:
    """The pause ends on ``tot``: its days are added and the deadline recomputed."""
    datum_verplicht(tot, melding="Vul de datum in waarop de termijn weer loopt.", veld="tot")
    casus, locked = _termijn_vergrendelen(termijn, versie)
    opschorting = locked.opschortingen.select_for_update().filter(tot__isnull=True).first()
    if opschorting is None:
        raise ValidationError("Deze termijn is niet opgeschort.")
    if tot < opschorting.van:
        raise ValidationError(
            {"tot": f"De termijn kan niet hervatten vóór de opschorting ({opschorting.van:%d-%m-%Y})."}
        )
    dagen = (tot - opschorting.van).days
    opschorting.tot = tot
    opschorting.save(update_fields=["tot"])
    locked.opgeschort_dagen += dagen
    locked.opgeschort_sinds = None
    if locked.verdaagd_tot is not None:
        locked.verdaagd_tot += timedelta(days=dagen)
    termijn_herberekenen(locked)
    wijziging_vastleggen(
        casus,
        soort=CasusGebeurtenis.Soort.TERMIJN,
        door=door,
        tekst=(
            f"{locked.get_soort_display()} hervat op {tot:%d-%m-%Y} na {dagen} dagen opschorting; "
            f"nieuwe uiterste datum {locked.uiterste_datum:%d-%m-%Y}."
        ),
        gegevens={"termijn": locked.pk, "dagen": dagen},
    )
    return locked


@transaction.atomic
def termijn_verdagen(
    *,
    termijn: Termijn,
    nieuwe_datum: date,
    medegedeeld_op: date,
    mededeling: str,
    door,
    met_instemming: bool = False,
    versie: int | None = None,
) -> Verdaging:
    """Extend a term with a notice to the inhabitant, told within the term (Awb 4:14; for a
    bezwaar once by at most six weeks, further only with consent: Awb 7:10 lid 3 and 4)."""
    datum_verplicht(nieuwe_datum, melding="Vul de nieuwe uiterste datum in.", veld="nieuwe_datum")
    datum_verplicht(
        medegedeeld_op, melding="Vul in wanneer de inwoner de verdaging is meegedeeld.", veld="medegedeeld_op"
    )
    mededeling = verplicht(
        mededeling,
        melding="Noteer wat de inwoner is meegedeeld (reden en nieuwe termijn).",
        veld="mededeling",
    )
    casus, locked = _termijn_vergrendelen(termijn, versie)
    if locked.soort == tw.TermijnSoort.WMO_PLAN:
        raise ValidationError(
            "De termijn voor het persoonlijk plan is een recht van de inwoner en kan niet worden verdaagd."
        )
    if locked.opgeschort_sinds is not None:
        raise ValidationError("De termijn is opgeschort. Hervat hem eerst en verdaag daarna.")
    if medegedeeld_op > locked.uiterste_datum:
        raise ValidationError(
            {
                "medegedeeld_op": (
                    f"Een verdaging moet binnen de termijn worden meegedeeld; de termijn eindigde op "
                    f"{locked.uiterste_datum:%d-%m-%Y}."
                )
            }
        )
    if nieuwe_datum <= locked.uiterste_datum:
        raise ValidationError(
            {"nieuwe_datum": f"De nieuwe datum moet na {locked.uiterste_datum:%d-%m-%Y} liggen."}
        )
    if locked.soort == tw.TermijnSoort.BEZWAAR_BESLISSING and not met_instemming:
        if locked.verdagingen.exists():
            raise ValidationError(
                "Een beslissing op bezwaar kan maar één keer worden verdaagd; verder uitstel kan alleen met "
                "instemming van de indiener (Awb 7:10 lid 4)."
            )
        if nieuwe_datum > locked.uiterste_datum + tw.MAX_VERDAGING_BEZWAAR:
            raise ValidationError(
                {
                    "nieuwe_datum": (
                        "Een beslissing op bezwaar kan ten hoogste zes weken worden verdaagd, dus tot "
                        f"{locked.uiterste_datum + tw.MAX_VERDAGING_BEZWAAR:%d-%m-%Y} (Awb 7:10 lid 3)."
                    )
                }
            )
    verdaging = Verdaging.objects.create(
        termijn=locked,
        medegedeeld_op=medegedeeld_op,
        nieuwe_datum=nieuwe_datum,
        mededeling=mededeling,
        met_instemming=met_instemming,
        door=door,
    )
    locked.verdaagd_tot = nieuwe_datum
    termijn_herberekenen(locked)
    wijziging_vastleggen(
        casus,
        soort=CasusGebeurtenis.Soort.TERMIJN,
        door=door,
        tekst=(
            f"{locked.get_soort_display()} verdaagd tot {locked.uiterste_datum:%d-%m-%Y}, "
            f"meegedeeld op {medegedeeld_op:%d-%m-%Y}: {mededeling}"
        ),
        gegevens={"termijn": locked.pk, "verdaging": verdaging.pk},
    )
    return verdaging


@transaction.atomic
def termijnen_herberekenen_rond(datum: date) -> int:
    """A decreed feestdag was added, changed or removed: recompute the running terms it may touch.

    Locked like every backoffice write (the cases first, then their terms), so a consultant's
    simultaneous opschorting, hervatting or verdaging is waited for and read, never overwritten."""
    feestdagen = atw_feestdagen()
    aantal = 0
    geraakt = Termijn.objects.lopend().filter(
        startdatum__lte=datum, uiterste_datum__gte=datum - timedelta(days=7)
    )
    list(
        Casus.objects.select_for_update()
        .filter(pk__in=geraakt.values("casus_id"))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    qs = geraakt.select_for_update(of=("self",)).select_related("bezwaar").order_by("pk")
    for termijn in qs.iterator(chunk_size=500):
        oud = termijn.uiterste_datum
        termijn_herberekenen(termijn, feestdagen)
        aantal += termijn.uiterste_datum != oud
    return aantal
