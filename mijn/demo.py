"""Demo data of Mijn Toegang (step 95, after the letters of step 80): a demo inwoner who can log in
with "DigiD (demo)" and finds what issue 24's "done when" asks for: their Wmo case whose decision
term the gemeente extended (with the reason), its beschikking, and a consultant of team Maatwerk
Altena who looked at the dossier yesterday. A second demo inwoner sees none of it. Makes no case
(the case counts of seed_demo stay as asked); idempotent."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from digid_eherkenning.models.digid import MockDigidUser
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from altena.demo import DemoContext, demo_step
from altena.models import Verwerking
from backoffice.models import Termijn, Verdaging
from backoffice.termijnen import TermijnSoort
from documenten.models import Brief
from intake.models import Casus, Inwoner

REDEN_VERDAGING = (
    "Wij hebben een advies van een ergotherapeut nodig over aanpassingen in uw badkamer. Dat advies "
    "kost meer tijd, daarom verlengen wij de termijn met twee weken."
)


def _insert_verwerking_gisteren(*, consultant, inwoner: Inwoner, casus: Casus) -> None:
    """A read by the demo consultant yesterday afternoon. The verwerkingenlog's time is set by the
    database default on insert (auto_now_add), so this one row is inserted with its own time."""
    gisteren = timezone.make_aware(datetime.combine(timezone.localdate() - timedelta(days=1), time(14, 10)))
    meta = Verwerking._meta
    kolommen = [meta.get_field(n).column for n in (
        "tijdstip", "actor", "actor_naam", "handeling", "verwerkingsactiviteit", "object_type", "object_id",
        "inwoner_id", "casus_nummer", "vertrouwelijkheid", "bewaartermijn", "resultaat", "oorsprong",
    )]  # fmt: skip
    waarden = [
        gisteren, consultant.pk, consultant.get_username(), Verwerking.Handeling.LEZEN,
        "Maatwerk sociaal domein (Wmo 2015)", "casus", str(casus.pk), inwoner.pk, casus.nummer,
        "vertrouwelijk", "P10Y", "geslaagd", f"GET /backoffice/casus/{casus.nummer}/",
    ]  # fmt: skip
    plaatsen = ", ".join(["%s"] * len(kolommen))
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {meta.db_table} ({', '.join(kolommen)}) VALUES ({plaatsen})", waarden)  # nosec B608  # model table and column names; values are parameters


@demo_step(95)
def demo_mijn_toegang(ctx: DemoContext) -> None:
    User = get_user_model()
    consultant = User.objects.filter(username="consultant").first()
    brief = (
        Brief.objects.filter(
            casus__wet="wmo", soort__startswith="beschikking", casus__gemeente=ctx.gemeente_naam
        )
        .select_related("casus__inwoner")
        .order_by("-verzonden_op", "-id")
        .first()
    )
    if consultant is None or brief is None:
        ctx.log("  Mijn Toegang: geen beschikking of demo-medewerkers; overgeslagen")
        return
    inwoner, casus = brief.casus.inwoner, brief.casus
    with transaction.atomic():
        # The decision term of the beschikking, extended while it ran (Awb 4:14), with its reason: as
        # the consultant's verdaging does it; set here directly because the term has since ended.
        termijn = (
            Termijn.objects.filter(casus=casus, soort=TermijnSoort.WMO_BESCHIKKING).order_by("id").first()
        )
        if termijn is not None and not termijn.verdagingen.exists():
            nieuwe_datum = termijn.uiterste_datum + timedelta(weeks=2)
            Verdaging.objects.create(
                termijn=termijn,
                medegedeeld_op=min(termijn.startdatum + timedelta(days=3), termijn.uiterste_datum),
                nieuwe_datum=nieuwe_datum,
                mededeling=REDEN_VERDAGING,
                door=consultant,
            )
            Termijn.objects.filter(pk=termijn.pk).update(
                uiterste_datum=nieuwe_datum, verdaagd_tot=nieuwe_datum
            )
        gisteren = timezone.localdate() - timedelta(days=1)
        if not Verwerking.objects.filter(
            inwoner_id=inwoner.pk, actor=consultant, tijdstip__date=gisteren
        ).exists():
            _insert_verwerking_gisteren(consultant=consultant, inwoner=inwoner, casus=casus)
        MockDigidUser.objects.get_or_create(
            bsn=inwoner.bsn, defaults={"name": f"{inwoner.voornamen} (demo A)"[:50]}
        )
        ander = (
            Inwoner.objects.filter(gemeente=ctx.gemeente_naam, casussen__isnull=False)
            .exclude(pk=inwoner.pk)
            .order_by("pk")
            .first()
        )
        if ander is not None:
            MockDigidUser.objects.get_or_create(
                bsn=ander.bsn, defaults={"name": f"{ander.voornamen} (demo B)"[:50]}
            )
    ctx.log(
        f"  Mijn Toegang: demo-inwoner A {inwoner.voornamen} (zaak {casus.nummer}); kies hem bij DigiD (demo)"
    )
