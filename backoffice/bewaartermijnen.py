"""Retention (issue 10): which closed cases passed their term, a dry-run report for the beheerder,
and anonymisation with a verwerkingenlog row per case and per person.

Anonymise rather than delete: the rows that the raad report counts (law, kern, fase, dates, product,
volume) stay, so aggregated figures of past periods are unchanged; only what identifies a person or
tells their story goes. A case is never deleted (its timeline is append-only for the application).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.db import connection, transaction
from django.db.models import Exists, F, Max, OuterRef, Q, Value
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.utils import timezone

from altena.models import Verwerking
from altena.verwerkingen import log_objecten
from intake.models import Casus, CasusGebeurtenis, Huishouden, Inwoner, Verwijzing, ZrmScore
from intake.workflow import OPEN_FASEN

from .models import (
    Aanvraag,
    Besluit,
    Bewaartermijn,
    Bezwaar,
    Onderzoek,
    PersoonlijkPlan,
    Verdaging,
    Voorziening,
)

ANONIEM = "[geanonimiseerd]"
DOEL = "Archief: vernietiging na bewaartermijn"

# Per model, per case: the free-text fields that tell a person's story, and what they become.
TEKSTVELDEN = [
    (Casus, "pk", {"hulpvraag": ANONIEM, "toestemming_scope": ""}),
    # The partner's texts too: its feedback and its reason for asking opschaling (issue 21).
    (Verwijzing, "casus", {"toelichting": ANONIEM, "terugkoppeling_tekst": "", "opschaling_reden": ""}),
    (ZrmScore, "casus", {"reden": ANONIEM}),
    (
        Onderzoek,
        "casus",
        {"deelnemers": "", "verslag": ANONIEM, "eigen_mogelijkheden": "", "mantelzorg": ""}
        | {"voorliggende_voorzieningen": ""},
    ),
    (PersoonlijkPlan, "casus", {"samenvatting": ANONIEM}),
    (Aanvraag, "casus", {"omschrijving": ANONIEM}),
    (Besluit, "casus", {"motivering": ANONIEM}),
    (Bezwaar, "casus", {"gronden": "", "toelichting_beslissing": ""}),
    (Verdaging, "termijn__casus", {"mededeling": ANONIEM}),
    (Voorziening, "casus", {"beeindigingsreden": ""}),
]


@dataclass(frozen=True)
class Bewaarstap:
    """What a higher app (documenten, berichten) destroys of cases whose term has passed: ``tellen``
    for the dry run, ``vernietigen`` in the same transaction as the anonymisation (it writes its own
    verwerkingenlog rows with the purpose it is given). Registered in the app's AppConfig.ready,
    since backoffice imports no higher app."""

    categorie: str
    tellen: Callable[[list[int]], int]
    vernietigen: Callable[[list[int], str], int]


BEWAARSTAPPEN: list[Bewaarstap] = []


def registreer_bewaarstap(stap: Bewaarstap) -> None:
    if all(s.categorie != stap.categorie for s in BEWAARSTAPPEN):
        BEWAARSTAPPEN.append(stap)


def proef_per_categorie(regel: Bewaartermijn, op: date | None = None) -> dict[str, int]:
    """The dry run of one rule per category: cases, and what each registered step would destroy."""
    ids = list(voorbij_termijn(regel, op).values_list("pk", flat=True))
    return {"casussen": len(ids), **{stap.categorie: stap.tellen(ids) for stap in BEWAARSTAPPEN}}


def jaren_terug(op: date, jaren: int) -> date:
    try:
        return op.replace(year=op.year - jaren)
    except ValueError:  # 29 February
        return op.replace(year=op.year - jaren, day=28)


def afgesloten_casussen():
    """Closed, not yet anonymised cases with their end (the later of closing and the end of the last
    voorziening) and whether a voorziening was granted."""
    voorzieningen = Voorziening.objects.filter(casus=OuterRef("pk"))
    laatste_voorziening = (
        Voorziening.objects.filter(casus=OuterRef("pk"))
        .values("casus")
        .annotate(eind=Max(Coalesce("beeindigd_op", "einddatum")))
        .values("eind")
    )
    return (
        Casus.objects.exclude(fase__in=OPEN_FASEN)
        .filter(geanonimiseerd_op__isnull=True)
        .annotate(
            met_voorziening=Exists(voorzieningen),
            einde=Greatest(
                TruncDate(Coalesce("afgesloten_op", "gewijzigd")),
                Coalesce(laatste_voorziening, Value(date(1900, 1, 1))),
            ),
        )
    )


def voorbij_termijn(regel: Bewaartermijn, op: date | None = None):
    op = op or timezone.localdate()
    return afgesloten_casussen().filter(
        wet=regel.wet, met_voorziening=regel.met_voorziening, einde__lt=jaren_terug(op, regel.jaren)
    )


@dataclass
class RapportRegel:
    regel: Bewaartermijn
    aantal: int
    oudste_einde: date | None


_PROEFRAPPORT_SQL = """
WITH voorziening AS (
    SELECT casus_id, max(coalesce(beeindigd_op, einddatum)) AS eind FROM {voorziening} GROUP BY casus_id
), afgesloten AS (
    SELECT c.wet, v.casus_id IS NOT NULL AS met_voorziening,
           greatest((coalesce(c.afgesloten_op, c.gewijzigd) AT TIME ZONE %(tz)s)::date,
                    coalesce(v.eind, DATE '1900-01-01')) AS einde
    FROM {casus} c LEFT JOIN voorziening v ON v.casus_id = c.id
    WHERE c.fase <> ALL(%(open)s) AND c.geanonimiseerd_op IS NULL
)
SELECT r.id, count(a.einde), min(a.einde)
FROM {regel} r
LEFT JOIN afgesloten a ON a.wet = r.wet AND a.met_voorziening = r.met_voorziening
                      AND a.einde < (%(op)s::date - make_interval(years => r.jaren))::date
GROUP BY r.id
"""


def proefrapport(op: date | None = None) -> list[RapportRegel]:
    """What each rule would anonymise today: the beheerder reviews this before switching a rule to
    ``actief``. The same selection as ``voorbij_termijn`` (a test holds them equal), in one pass
    over the closed cases for every rule together: one query instead of one per rule, each with two
    subqueries per case (seconds at a million cases)."""
    op = op or timezone.localdate()
    sql = _PROEFRAPPORT_SQL.format(
        voorziening=Voorziening._meta.db_table, casus=Casus._meta.db_table, regel=Bewaartermijn._meta.db_table
    )
    params = {"tz": timezone.get_current_timezone_name(), "open": sorted(OPEN_FASEN), "op": op}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        cijfers = {regel_id: (aantal, oudste) for regel_id, aantal, oudste in cursor.fetchall()}
    return [RapportRegel(regel, *cijfers[regel.pk]) for regel in Bewaartermijn.objects.all()]


def proefrapport_bijwerken(op: date | None = None) -> list[RapportRegel]:
    """Compute the dry run of every rule and store it on the rules (the nightly task and the
    report's "Opnieuw berekenen")."""
    rapport = proefrapport(op)
    nu = timezone.now()
    for r in rapport:
        r.regel.proef_aantal, r.regel.proef_oudste_einde, r.regel.proef_berekend_op = (
            r.aantal,
            r.oudste_einde,
            nu,
        )
    Bewaartermijn.objects.bulk_update([r.regel for r in rapport], list(Bewaartermijn.PROEF_VELDEN))
    return rapport


def opgeslagen_proefrapport() -> tuple[list[RapportRegel], datetime | None]:
    """The stored dry run, recomputed first when a rule has none or it is from before today (the
    selection moves with the date); returns the report and when it was computed."""
    regels = list(Bewaartermijn.objects.all())
    vandaag = timezone.localdate()
    if any(
        r.proef_berekend_op is None or timezone.localtime(r.proef_berekend_op).date() < vandaag
        for r in regels
    ):
        rapport = proefrapport_bijwerken()
        return rapport, rapport[0].regel.proef_berekend_op if rapport else None
    rapport = [RapportRegel(r, r.proef_aantal, r.proef_oudste_einde) for r in regels]
    return rapport, min(r.proef_berekend_op for r in regels) if regels else None


@transaction.atomic
def anonimiseer(casus_ids: list[int], *, regel: Bewaartermijn | None = None) -> dict:
    """Anonymise these cases, then every person and household that has nothing left that is not
    anonymised. Writes one verwerkingenlog row per case and per person."""
    nu = timezone.now()
    casussen = list(
        Casus.objects.select_for_update()
        .filter(pk__in=casus_ids, geanonimiseerd_op__isnull=True)
        .values_list("pk", "nummer", "inwoner_id")
    )
    ids = [pk for pk, _, _ in casussen]
    if not ids:
        return {"casussen": 0, "inwoners": 0, **{stap.categorie: 0 for stap in BEWAARSTAPPEN}}
    for model, pad, velden in TEKSTVELDEN:
        model.objects.filter(**{f"{pad}__in": ids}).update(**velden)
    Casus.objects.filter(pk__in=ids).update(geanonimiseerd_op=nu, versie=F("versie") + 1)
    # The registered steps (documents, messages) run once the case counts as anonymised: the message
    # archive's database function acts only on anonymised cases.
    doel = (f"{DOEL} ({regel})" if regel else DOEL)[:100]
    vernietigd = {stap.categorie: stap.vernietigen(ids, doel) for stap in BEWAARSTAPPEN}
    # The timeline's trigger lets exactly this through, and only now that the case is anonymised.
    CasusGebeurtenis.objects.filter(casus_id__in=ids).exclude(tekst=ANONIEM).update(
        tekst=ANONIEM, gegevens={}
    )
    nog_in_gebruik = Casus.objects.filter(inwoner=OuterRef("pk")).filter(
        Q(geanonimiseerd_op__isnull=True) | Q(fase__in=OPEN_FASEN)
    )
    inwoners = list(
        Inwoner.objects.filter(pk__in={i for _, _, i in casussen}, geanonimiseerd_op__isnull=True)
        .exclude(Exists(nog_in_gebruik))
        .values_list("pk", "geboortedatum", "postcode")
    )
    for pk, geboortedatum, postcode in inwoners:
        Inwoner.objects.filter(pk=pk).update(
            bsn=f"X{pk:08d}"[-9:],  # unique per gemeente, never a valid BSN
            voornamen="",
            tussenvoegsel="",
            achternaam="Geanonimiseerd",
            geboortedatum=geboortedatum.replace(month=1, day=1),  # the year stays for age figures
            straat="",
            huisnummer="",
            postcode=(postcode or "")[:4],
            telefoon="",
            email="",
            geanonimiseerd_op=nu,
        )
    Huishouden.objects.filter(leden__pk__in=[pk for pk, _, _ in inwoners]).exclude(
        leden__geanonimiseerd_op__isnull=True
    ).update(naam="Huishouden (geanonimiseerd)", regisseur=None)
    log_objecten(
        request=None,
        handeling=Verwerking.Handeling.VERNIETIGEN,
        verwerkingsactiviteit=doel,
        objecten=[("casus", pk, inwoner_id, nummer) for pk, nummer, inwoner_id in casussen]
        + [("inwoner", pk, pk, "") for pk, _, _ in inwoners],
    )
    return {"casussen": len(ids), "inwoners": len(inwoners), **vernietigd}


def bewaartermijnen_toepassen(op: date | None = None, batch: int = 1000) -> dict:
    """The nightly run: anonymise what passed its term under every active rule, in batches."""
    totaal = {"casussen": 0, "inwoners": 0, **{stap.categorie: 0 for stap in BEWAARSTAPPEN}}
    for regel in Bewaartermijn.objects.filter(actief=True):
        while True:
            ids = list(voorbij_termijn(regel, op).values_list("pk", flat=True)[:batch])
            if not ids:
                break
            resultaat = anonimiseer(ids, regel=regel)
            for k, v in resultaat.items():
                totaal[k] = totaal.get(k, 0) + v
    return totaal
