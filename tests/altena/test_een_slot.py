"""Lock once: every service that changes a case takes the case's row lock exactly once.

The services are found by introspection: every public function of an app's ``services`` module
(or package) with a parameter that is a case or a record of one (``casus``, ``besluit``,
``termijn``, ...). Each must either have a call here (and then runs with the SQL captured: exactly
one ``SELECT ... FOR UPDATE`` on ``intake_casus``) or be listed as no writer, with the reason. A
new service that is in neither fails ``test_every_case_service_is_covered``.

The ``..._vergrendeld`` variants take a case the caller already locked (parameter ``locked``) and
take no lock of their own; they are covered through the services that call them.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from backoffice import services as bo
from backoffice.models import EindeMelder, Termijn
from berichten.services import mutaties as bt_mutaties
from berichten.services import toewijzingen as bt_toewijzingen
from berichten.services import verzoeken as bt_verzoeken
from berichten.services import wijzigen as bt_wijzigen
from documenten import services as doc
from intake import services as intake
from intake.models import Verwijzing
from intake.workflow import Fase
from mijn import services as mijn_services
from netwerk.models import Gemeente
from tests.backoffice import conftest as backoffice_fixtures
from tests.factories.backoffice import ProductFactory, ZorgaanbiederFactory
from tests.factories.documenten import PDF_BYTES, CasusDocumentFactory
from tests.factories.intake import CasusFactory
from tests.factories.netwerk import PartnerFactory

pytestmark = pytest.mark.django_db

# A parameter with one of these names is a case or one of its records: the service acts on a case.
CASUS_PARAMETERS = {"casus", "besluit", "voorziening", "bezwaar", "onderzoek", "aanvraag", "termijn"}
CASUS_PARAMETERS |= {"document", "verzoek"}

# Functions with such a parameter that change no case themselves, and why.
GEEN_SCHRIJVER = {
    "intake.services.casus.gebeurtenis_toevoegen": "the timeline's own write, under the caller's lock",
    "intake.services.inwoners.zrm_scores_vastleggen": "part of a registration or onderzoek, under its lock",
    "intake.services.triage.maatwerkteam_voor": "reads",
    "backoffice.services.proces.toewijsbare_medewerkers": "reads",
    "backoffice.services.bezwaar.bezwaar_kan_nieuw_besluit": "reads",
    "backoffice.services.termijnen.uitkomst_voor": "computes",
    "backoffice.services.termijnen.termijn_herberekenen": "recomputes a term its caller locked",
    "backoffice.services.termijnen.termijn_starten": "part of a transition, under its lock",
    "backoffice.services.termijnen.termijnen_afronden": "part of a step, under its lock",
    "backoffice.services.termijnen.termijnen_bij_aanvraag": "part of aanvraag_ontvangen, under its lock",
    "backoffice.services.termijnen.termijnen_bij_overgang": "the hook of a transition, under its lock",
    "documenten.services.sjabloon_voor": "reads",
    "documenten.services.brief_opstellen": "reads (the letter's preview and data)",
    "berichten.services.toewijzingen.gemeente_van": "reads",
    "berichten.services.toewijzingen.berichtwaardige_voorzieningen": "reads",
    "berichten.services.toewijzingen.client_van": "reads",
    "berichten.services.toewijzingen.bericht_opslaan": "stores a message, under its caller's lock",
    "berichten.services.toewijzingen.toewijzingbericht_maken": "part of toewijzingen_bijwerken, locked",
    "berichten.services.verzoeken.in_onderzoek_melden": "answers a provider (319); changes no case",
    "backoffice.services.mutaties.mutatie_vastleggen": "the outbox row of a change, under its caller's lock",
}


def _services_modules():
    for cfg in apps.get_app_configs():
        if Path(cfg.path).parent != settings.BASE_DIR:
            continue
        try:
            module = importlib.import_module(f"{cfg.name}.services")
        except ModuleNotFoundError:
            continue
        yield module
        for sub in pkgutil.iter_modules(getattr(module, "__path__", [])):
            yield importlib.import_module(f"{cfg.name}.services.{sub.name}")


def casus_services() -> dict[str, object]:
    gevonden = {}
    for module in _services_modules():
        for naam, functie in vars(module).items():
            if (
                naam.startswith("_")
                or not inspect.isfunction(functie)
                or functie.__module__ != module.__name__
            ):
                continue
            parameters = list(inspect.signature(functie).parameters)
            if parameters[:1] == ["locked"]:
                continue  # a variant on a case its caller already locked: it takes no lock
            if CASUS_PARAMETERS & set(parameters):
                gevonden[f"{module.__name__}.{naam}"] = functie
    return gevonden


def casus_sloten(queries) -> int:
    """The statements that lock a case row: FOR UPDATE on intake_casus itself, or FOR UPDATE
    without OF over a join with it (which locks the joined case row as well)."""
    aantal = 0
    for query in queries:
        sql = query["sql"]
        if "FOR UPDATE" not in sql:
            continue
        hoofd = re.search(r'\bFROM "(\w+)"', sql)
        if hoofd and hoofd.group(1) == "intake_casus":
            aantal += 1
        elif "FOR UPDATE OF" not in sql and 'JOIN "intake_casus"' in sql:
            aantal += 1
    return aantal


# --- the calls: name -> (w -> a function of no arguments that runs the service) -------------


def _aangemeld(w, **velden):
    velden.setdefault("toestemming_delen", True)
    return CasusFactory(team=w.team, **velden)


def _geclaimd(w, wet="wmo"):
    return bo.casus_claimen(casus=w.opschalen(wet), door=w.consultant)


def _met_aanvraag(w, wet="wmo", **extra):
    casus = _geclaimd(w, wet)
    aanvraag = bo.aanvraag_ontvangen(
        casus=casus, ontvangen_op=w.vandaag, omschrijving="Hulp thuis", door=w.consultant, **extra
    )
    return aanvraag.casus, aanvraag


def _besluit(w, start_over: int = 7):
    casus, _aanvraag = _met_aanvraag(w)
    return bo.besluit_nemen(
        casus=casus,
        soort="toekenning",
        besluitdatum=w.vandaag,
        verzonden_op=w.vandaag,
        motivering="Uit het onderzoek blijkt dat begeleiding nodig is.",
        grondslag="Wmo 2015 art. 2.3.5",
        door=w.consultant,
        voorzieningen=[w.voorziening(start=w.vandaag + timedelta(days=start_over))],
    )


def _zorg_starten(w):
    besluit = _besluit(w)
    besluit.voorzieningen.update(startdatum=w.vandaag)
    return lambda: bo.zorg_starten(casus=besluit.casus, door=w.consultant)


def _termijn(w):
    casus = w.opschalen("wmo", meldingsdatum=w.vandaag - timedelta(days=10))
    return Termijn.objects.get(casus=casus, soort="wmo_onderzoek")


def _bezwaar(w):
    return bo.bezwaar_registreren(
        besluit=_besluit(w), ontvangen_op=w.vandaag, adviescommissie=False, door=w.consultant
    )


def _onderzoek(w):
    return bo.onderzoek_starten(casus=_geclaimd(w), door=w.consultant)


def _brief(w):
    from documenten.services import brief_verzenden
    from documenten.standaardsjablonen import standaardsjablonen_laden
    from tests.factories.documenten import BriefhoofdFactory

    gemeente = Gemeente.objects.get_or_create(naam=w.team.gemeente, defaults={"cbs_code": "1959"})[0]
    Gemeente.objects.filter(pk=gemeente.pk).update(
        postadres="Postbus 1", postcode="4280 HA", plaats="Almkerk"
    )
    BriefhoofdFactory(gemeente=gemeente)
    standaardsjablonen_laden(gemeente)
    besluit = _besluit(w)
    return lambda: brief_verzenden(
        casus=besluit.casus,
        soort="beschikking_toekenning",
        obj=besluit,
        verzonden_op=w.vandaag,
        kanaal="post",
        door=w.consultant,
    )


def _voorziening_natura(w):
    return _besluit(w, start_over=0).voorzieningen.get()


def _verzoek(w):
    """A provider's 315 as received (the published example: skipped, with the reason, where
    ../shared is absent)."""
    from berichten.models import Verzoek
    from berichten.services.ontvangen import inbox_verwerken
    from tests.berichten.helpers import in_inbox, opzetten, voorbeeld

    opzetten(voorbeeld("WMO315"))
    in_inbox(w.berichtenmap, "WMO315.xml", voorbeeld("WMO315"))
    inbox_verwerken()
    return Verzoek.objects.get()


AANROEPEN = {
    # Mijn Toegang (issue 24): the inwoner's upload and answer
    "mijn.services.document_uploaden": lambda w: (
        lambda c: (
            lambda: mijn_services.document_uploaden(
                casus=c,
                upload=SimpleUploadedFile("brief.pdf", PDF_BYTES),
                documenttype="overig",
                omschrijving="Brief.",
            )
        )
    )(_aangemeld(w)),
    "mijn.services.antwoord_geven": lambda w: (
        lambda t: (
            lambda o: (
                lambda: mijn_services.antwoord_geven(
                    casus=t.casus,
                    opschorting=o,
                    tekst="Hier is het advies.",
                    upload=SimpleUploadedFile("advies.pdf", PDF_BYTES),
                )
            )  # fmt: skip
        )(bo.termijn_opschorten(termijn=t, van=w.vandaag, reden="Wacht op advies.", door=w.consultant))
    )(_termijn(w)),
    # the provider leg's consequences (issue 22)
    "backoffice.services.melding.voorziening_gestart": lambda w: (
        lambda v: lambda: bo.voorziening_gestart(voorziening=v, op=w.vandaag, gemeld_door="Zorg Altena")
    )(_voorziening_natura(w)),
    "backoffice.services.melding.voorziening_gestopt": lambda w: (
        lambda v: (
            lambda: bo.voorziening_gestopt(
                voorziening=v, op=w.vandaag, reden="volgens plan", melder=EindeMelder.AANBIEDER
            )
        )
    )(_voorziening_natura(w)),
    "berichten.services.mutaties.casus_mutaties_afhandelen": lambda w: (
        lambda v: lambda: bt_mutaties.casus_mutaties_afhandelen(v.casus)
    )(_voorziening_natura(w)),
    # intake
    "intake.services.casus.lock_casus": lambda w: (lambda c: lambda: intake.lock_casus(c))(_aangemeld(w)),
    "intake.services.casus.casus_overgang": lambda w: (
        lambda c: lambda: intake.casus_overgang(casus=c, naar=Fase.AFGEHANDELD, door=w.frontoffice)
    )(_aangemeld(w)),
    "intake.services.casus.casus_bijwerken": lambda w: (
        lambda c: lambda: intake.casus_bijwerken(casus=c, versie=c.versie, door=w.frontoffice, hulpvraag="Nu")
    )(_aangemeld(w)),
    "intake.services.casus.casus_toewijzen": lambda w: (
        lambda c: lambda: intake.casus_toewijzen(casus=c, door=w.teamleider, behandelaar=w.consultant)
    )(_aangemeld(w)),
    "intake.services.triage.casus_afhandelen": lambda w: (
        lambda c: lambda: intake.casus_afhandelen(casus=c, door=w.frontoffice, notitie="Advies gegeven.")
    )(_aangemeld(w)),
    "intake.services.triage.verwijzing_maken": lambda w: (
        lambda c: lambda: intake.verwijzing_maken(casus=c, partner=w.welzijn, door=w.frontoffice)
    )(_aangemeld(w)),
    "intake.services.triage.casus_opschalen": lambda w: (
        lambda c: lambda: intake.casus_opschalen(casus=c, wet="wmo", reden="Zwaar.", door=w.frontoffice)
    )(_aangemeld(w)),
    "intake.services.triage.casus_afsluiten": lambda w: (
        lambda c: lambda: intake.casus_afsluiten(casus=c, reden="Klaar.", door=w.frontoffice)
    )(_aangemeld(w)),
    # backoffice
    "backoffice.services.proces.casus_claimen": lambda w: (
        lambda c: lambda: bo.casus_claimen(casus=c, door=w.consultant)
    )(w.opschalen("wmo")),
    "backoffice.services.proces.casus_toewijzen_aan": lambda w: (
        lambda c: lambda: bo.casus_toewijzen_aan(casus=c, behandelaar=w.consultant, door=w.teamleider)
    )(w.opschalen("wmo")),
    "backoffice.services.proces.onderzoek_starten": lambda w: (
        lambda c: lambda: bo.onderzoek_starten(casus=c, door=w.consultant)
    )(_geclaimd(w)),
    "backoffice.services.proces.onderzoek_vastleggen": lambda w: (
        lambda o: lambda: bo.onderzoek_vastleggen(onderzoek=o, door=w.consultant, verslag="Gesproken.")
    )(_onderzoek(w)),
    "backoffice.services.proces.plan_ontvangen": lambda w: (
        lambda c: (
            lambda: bo.plan_ontvangen(
                casus=c, ontvangen_op=w.vandaag, samenvatting="Plan.", door=w.consultant
            )
        )
    )(_geclaimd(w)),
    "backoffice.services.proces.aanvraag_ontvangen": lambda w: (
        lambda c: (
            lambda: bo.aanvraag_ontvangen(
                casus=c, ontvangen_op=w.vandaag, omschrijving="Hulp.", door=w.consultant
            )
        )
    )(_geclaimd(w)),
    "backoffice.services.proces.voorschot_verlenen": lambda w: (
        lambda a: lambda: bo.voorschot_verlenen(aanvraag=a, verleend_op=w.vandaag, door=w.consultant)
    )(_met_aanvraag(w, "participatiewet", voorschot_gevraagd=True)[1]),
    "backoffice.services.besluit.besluit_nemen": lambda w: (
        lambda c: (
            lambda: bo.besluit_nemen(
                casus=c,
                soort="toekenning",
                besluitdatum=w.vandaag,
                verzonden_op=w.vandaag,
                motivering="Uit het onderzoek blijkt dat begeleiding nodig is.",
                grondslag="Wmo 2015 art. 2.3.5",
                door=w.consultant,
                voorzieningen=[w.voorziening(start=w.vandaag)],
            )
        )
    )(_met_aanvraag(w)[0]),
    "backoffice.services.besluit.zorg_starten": _zorg_starten,
    "backoffice.services.besluit.voorziening_beeindigen": lambda w: (
        lambda v: (
            lambda: bo.voorziening_beeindigen(
                voorziening=v, beeindigd_op=w.vandaag, reden="Verhuisd.", door=w.consultant
            )
        )
    )(_voorziening_natura(w)),
    "backoffice.services.besluit.casus_afschalen": lambda w: (
        lambda c: (
            lambda: bo.casus_afschalen(casus=c, partner=w.welzijn, toelichting="Netwerk.", door=w.consultant)
        )
    )(_onderzoek(w).casus),
    "backoffice.services.besluit.maatwerk_afsluiten": lambda w: (
        lambda c: lambda: bo.maatwerk_afsluiten(casus=c, reden="doel bereikt", door=w.consultant)
    )(_geclaimd(w)),
    "backoffice.services.bekendmaking.besluit_bekendmaken": lambda w: (
        lambda b: (
            lambda: bo.besluit_bekendmaken(
                besluit=b, verzonden_op=w.vandaag + timedelta(days=1), door=w.consultant
            )
        )
    )(_besluit(w)),
    "backoffice.services.bezwaar.bezwaar_registreren": lambda w: (
        lambda b: (
            lambda: bo.bezwaar_registreren(
                besluit=b, ontvangen_op=w.vandaag, adviescommissie=False, door=w.consultant
            )
        )
    )(_besluit(w)),
    "backoffice.services.bezwaar.bezwaar_beslissen": lambda w: (
        lambda bz: (
            lambda: bo.bezwaar_beslissen(
                bezwaar=bz,
                uitkomst="ongegrond",
                beslist_op=w.vandaag,
                toelichting="Zorgvuldig.",
                door=w.consultant,
            )
        )
    )(_bezwaar(w)),
    "backoffice.services.termijnen.termijn_opschorten": lambda w: (
        lambda t: (
            lambda: bo.termijn_opschorten(
                termijn=t, van=w.vandaag, reden="Wacht op advies.", door=w.consultant
            )
        )
    )(_termijn(w)),
    "backoffice.services.termijnen.termijn_hervatten": lambda w: (
        lambda t: (
            bo.termijn_opschorten(termijn=t, van=w.vandaag, reden="Wacht op advies.", door=w.consultant),
            lambda: bo.termijn_hervatten(termijn=t, tot=w.vandaag, door=w.consultant),
        )[1]
    )(_termijn(w)),
    "backoffice.services.termijnen.termijn_verdagen": lambda w: (
        lambda bz: (
            lambda t: (
                lambda: bo.termijn_verdagen(
                    termijn=t,
                    nieuwe_datum=t.uiterste_datum + timedelta(weeks=2),
                    medegedeeld_op=w.vandaag,
                    mededeling="Hoorzitting nodig.",
                    door=w.consultant,
                )
            )
        )(Termijn.objects.get(bezwaar=bz))
    )(_bezwaar(w)),
    # documenten
    "documenten.services.brief_verzenden": _brief,
    "documenten.services.document_toevoegen": lambda w: (
        lambda c: (
            lambda: doc.document_toevoegen(
                casus=c,
                upload=SimpleUploadedFile("verslag.pdf", PDF_BYTES),
                documenttype="overig",
                omschrijving="Verslag.",
                door=w.consultant,
            )
        )
    )(_geclaimd(w)),
    "documenten.services.document_verwijderen": lambda w: (
        lambda d: lambda: doc.document_verwijderen(document=d, reden="Verkeerd bestand.", door=w.consultant)
    )(CasusDocumentFactory(casus=_geclaimd(w))),
    # berichten
    "berichten.services.toewijzingen.toewijzingen_bijwerken": lambda w: (
        lambda v: lambda: bt_toewijzingen.toewijzingen_bijwerken(casus=v.casus)
    )(_voorziening_natura(w)),
    "berichten.services.wijzigen.voorziening_wijzigen": lambda w: (
        lambda v: (
            lambda: bt_wijzigen.voorziening_wijzigen(
                voorziening=v, door=w.consultant, einddatum=v.einddatum - timedelta(days=30)
            )
        )
    )(_voorziening_natura(w)),
    "berichten.services.verzoeken.verzoek_goedkeuren": lambda w: (
        lambda vz: lambda: bt_verzoeken.verzoek_goedkeuren(verzoek=vz, door=w.consultant)
    )(_verzoek(w)),
    "berichten.services.verzoeken.verzoek_afwijzen": lambda w: (
        lambda vz: lambda: bt_verzoeken.verzoek_afwijzen(verzoek=vz, reden="7", door=w.consultant)
    )(_verzoek(w)),
}


def test_every_case_service_is_covered():
    gevonden = set(casus_services())
    zonder = sorted(gevonden - set(AANROEPEN) - set(GEEN_SCHRIJVER))
    assert not zonder, f"services of a case without a lock test here: {zonder}"
    verouderd = sorted((set(AANROEPEN) | set(GEEN_SCHRIJVER)) - gevonden)
    assert not verouderd, f"listed here but no longer a service: {verouderd}"


class Wereld:
    pass


# The backoffice's fixtures (a frozen day, a case opgeschaald at the front door), shared.
vandaag = backoffice_fixtures.vandaag
opschalen = backoffice_fixtures.opschalen


@pytest.fixture
def w(vandaag, team, consultant, teamleider, frontoffice, opschalen, tmp_path, settings):
    settings.BERICHTEN_MAP = str(tmp_path / "berichten")
    wereld = Wereld()
    wereld.vandaag, wereld.team, wereld.opschalen = vandaag, team, opschalen
    wereld.consultant, wereld.teamleider, wereld.frontoffice = consultant, teamleider, frontoffice
    wereld.berichtenmap = tmp_path / "berichten"
    wereld.welzijn = PartnerFactory()
    # The messages to providers need the gemeente's CBS code.
    Gemeente.objects.update_or_create(naam=team.gemeente, defaults={"cbs_code": "1959"})
    product = ProductFactory(
        wet="wmo", naam="Begeleiding", categorie="02", productcode="02A01", eenheid="uur"
    )
    aanbieder = ZorgaanbiederFactory(naam="Zorg Altena", agb_code="75123456", istandaarden_categorieen=["02"])

    def voorziening(start):
        return {
            "product": product,
            "aanbieder": aanbieder,
            "leveringsvorm": "natura",
            "volume": 3,
            "eenheid": "uur",
            "frequentie": "week",
            "startdatum": start,
            "einddatum": start + timedelta(days=180),
        }

    wereld.voorziening = voorziening
    return wereld


@pytest.mark.parametrize("naam", sorted(AANROEPEN))
def test_a_case_service_locks_the_case_once(naam, w):
    aanroep = AANROEPEN[naam](w)
    with CaptureQueriesContext(connection) as queries:
        aanroep()
    assert casus_sloten(queries.captured_queries) == 1, [
        q["sql"][:160] for q in queries.captured_queries if "FOR UPDATE" in q["sql"]
    ]


def test_the_count_sees_a_second_lock(w):
    """The counter itself: two locks are two, a lock of another row joined with the case is one."""
    casus = _aangemeld(w)
    with CaptureQueriesContext(connection) as queries:
        intake.lock_casus(casus)
        intake.lock_casus(casus)
    assert casus_sloten(queries.captured_queries) == 2
    with CaptureQueriesContext(connection) as queries:
        list(type(casus).objects.select_for_update().filter(pk=casus.pk))
        list(Verwijzing.objects.select_for_update().select_related("casus"))
    assert casus_sloten(queries.captured_queries) == 2
