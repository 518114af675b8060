"""Every page of the URL map, with a small seeded data set and the role that may open it.

The accessibility test (test_toegankelijkheid.py) runs axe-core on each of them. New URLs are picked up
from Django's URL resolver by themselves; a URL with a parameter needs ONE line in ``PARAMS`` (url name
-> the kwargs from the seed), or the test fails and lists it. Admin pages with ``<object_id>`` are
filled with the first object of their model. What is no page at all (a redirect, a download, JSON)
goes in ``NOT_PAGES`` with its reason.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.apps import apps
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from altena.access import Rol, sync_role_permissions
from tests.factories.altena import ingelogde_client

ANONIEM = "anoniem"
SUPERUSER = "superuser"
# Who opens a page: the first of these that gets a 200 (anonymous first, the superuser last, for the
# admin pages no role may open).
KIJKERS = (ANONIEM, *Rol.ALL, SUPERUSER)


def _casus(s):
    return {"nummer": s.voordeur.nummer}


def _maatwerk(s):
    return {"nummer": s.maatwerk.nummer}


def _besluit(s):
    return {"nummer": s.besloten.nummer}


def _beschikking(s):
    return {**_besluit(s), "soort": "beschikking_toekenning", "object_id": s.besluit.pk}


# url name -> kwargs from the seed. One line per page with a parameter.
PARAMS = {
    "netwerk:partner_detail": lambda s: {"pk": s.partner.pk},
    "intake:inwoner": lambda s: {"pk": s.voordeur.inwoner_id},
    "intake:hulpvraag": lambda s: {"pk": s.voordeur.inwoner_id},
    "intake:casus": _casus,
    "intake:casus_bewerken": _casus,
    "intake:afhandelen": _casus,
    "intake:verwijzen": _casus,
    "intake:opschalen": _casus,
    "intake:afsluiten": lambda s: {"nummer": s.verwijzing.casus.nummer},  # only a referred case
    "intake:terugkoppeling": lambda s: {"pk": s.verwijzing.pk},
    "intake:huishouden": lambda s: {"pk": s.voordeur.huishouden_id},
    "intake:regisseur": lambda s: {"pk": s.voordeur.huishouden_id},
    "backoffice:casus": _maatwerk,
    "backoffice:claimen": _maatwerk,
    "backoffice:toewijzen": _maatwerk,
    "backoffice:onderzoek_starten": _maatwerk,
    "backoffice:onderzoek": _maatwerk,
    "backoffice:plan": _maatwerk,
    "backoffice:aanvraag": _maatwerk,
    "backoffice:voorschot": _maatwerk,
    "backoffice:besluit": _maatwerk,
    "backoffice:zorg_starten": _besluit,
    "backoffice:voorziening_beeindigen": lambda s: {**_besluit(s), "pk": s.voorziening.pk},
    "backoffice:opschorten": lambda s: {**_maatwerk(s), "pk": s.termijn.pk},
    "backoffice:hervatten": lambda s: {**_maatwerk(s), "pk": s.termijn.pk},
    "backoffice:verdagen": lambda s: {**_maatwerk(s), "pk": s.termijn.pk},
    "backoffice:bezwaar": lambda s: {**_besluit(s), "pk": s.besluit.pk},
    "backoffice:bezwaar_beslissen": lambda s: {**_besluit(s), "pk": s.bezwaar.pk},
    "backoffice:afschalen": _besluit,
    "backoffice:afsluiten": _maatwerk,
    "documenten:casus": _besluit,
    "documenten:brief": lambda s: {
        **_besluit(s),
        "soort": "beschikking_toekenning",
        "object_id": s.besluit.pk,
    },
    "documenten:document_toevoegen": _besluit,
    "documenten:document_verwijderen": lambda s: {**_besluit(s), "pk": s.document.pk},
    "berichten:casus": _besluit,
    "berichten:bericht": lambda s: {"pk": s.bericht.pk},
    "berichten:verzoek": lambda s: {"pk": s.verzoek.pk},
    "berichten:wijzigen": lambda s: {"pk": s.voorziening.pk},
    "signalen:openen": lambda s: {"pk": s.signaal.pk},
    "signalen:afhandelen": lambda s: {"pk": s.signaal.pk},
    "password_reset_confirm": lambda s: {"uidb64": "x", "token": "x"},  # the "link ongeldig" page
    "partner:verwijzing": lambda s: {"pk": s.verwijzing.pk},
    "partner:uitnodiging": lambda s: {"token": UITNODIGING_TOKEN},
    "ontgrendelen": lambda s: {"token": "axe-toets"},  # the unlock form (an unknown token: its message)
}

UITNODIGING_TOKEN = "axe-toets-uitnodiging"

# url name -> why it is not a page to check (a redirect, a download, JSON or JavaScript).
NOT_PAGES = {
    "home": "stuurt door naar de startpagina van de rol",
    "partner:actie": "alleen POST; GET stuurt door naar de verwijzing",
    "health": "JSON voor de monitoring",
    "signalen:openen": "stuurt door naar de casus",
    "documenten:brief_pdf": "PDF-download",
    "rapportage:raad_csv": "CSV-download per tabel",
    "berichten:xml": "XML-download",
    "documenten:document": "download van een bestand",
    "admin:view_on_site": "stuurt door naar de site",
    "admin:jsi18n": "JavaScript",
    "admin:autocomplete": "JSON",
    "admin:app_list": "reguliere-expressieroute; de app-pagina's worden per app hieronder gevuld",
    "admin:password_change_done": "alleen na een wachtwoordwijziging",
    "admin:auth_user_password_change": "Django's eigen wachtwoordformulier",
    "tweestaps:verifieren": "stuurt door zodra de tweede stap gegeven is (tests/e2e/test_tweestaps.py)",
    "intake:inwoner_uit_brp": "stuurt door naar het zoekscherm zolang geen persoon uit de BRP gekozen is "
    "(de pagina zelf in tests/e2e/test_brp_voordeur.py)",
}
# Mijn Toegang: the pages behind DigiD are the inwoner's, no role's (a staff session gets 403); axe
# runs on every one of them as the inwoner in tests/e2e/test_mijn_toegang.py.
_MIJN = "pagina van de inwoner: axe in tests/e2e/test_mijn_toegang.py"
NOT_PAGES.update(
    {
        **{
            f"mijn:{naam}": _MIJN
            for naam in (
                "overzicht",
                "casus",
                "upload",
                "document",
                "antwoord",
                "brieven",
                "brief",
                "melding",
                "melding_ontvangen",
                "wie_keek",
                "wie_keek_pdf",
                "uitloggen",
            )
        },
        "mijn:digid_demo_login": "stuurt door naar de DigiD-demo",
        "mijn:digid_demo_acs": "stuurt door naar Mijn Toegang",
        "digid:login": "stuurt door naar DigiD (SAML), of terug zonder configuratie",
        "digid:acs": "stuurt door (SAML-artifact van DigiD)",
        "digid-mock:login": _MIJN,
        "digid-mock:bsn": _MIJN,
        "eherkenning:login": "stuurt door naar eHerkenning (SAML), of terug zonder configuratie",
        "eherkenning:acs": "stuurt door (SAML-artifact van eHerkenning)",
        "metadata:digid": "XML-download (SAML-metadata)",
        "metadata:eherkenning": "XML-download (SAML-metadata)",
        "metadata:eh-dienstcatalogus": "XML-download (SAML-metadata)",
    }
)


# The admin of django-digid-eherkenning and django-simple-certmanager (the DigiD/eHerkenning SAML
# configuration, its certificates and the demo IdP's users): the superuser's configuration screens of
# those libraries, with their own templates and widgets (certificate upload, django-solo), not
# screens of this project; the app index pages of both are still checked.
NOT_PAGES_PREFIXES = ("admin:digid_eherkenning_", "admin:simple_certmanager_", "admin:download_csr")


# The admin's history and delete pages are one Django template for every model: checked on this model
# only (its change lists and change forms differ per model and are checked for each).
ADMIN_VOORBEELD = "netwerk_kern"


def _admin_eenmaal(name: str) -> bool:
    """An admin history/delete page of a model other than ADMIN_VOORBEELD: not checked again."""
    return name.endswith(("_history", "_delete")) and not name.startswith(f"admin:{ADMIN_VOORBEELD}_")


def _seed_partnerportaal(partner, gebruiker):
    """The partner role's worker at the partner, an offer with capacity and an open invitation."""
    from netwerk.models import Aanbod
    from partner.models import PartnerMedewerker, Uitnodiging, token_hash

    PartnerMedewerker.objects.create(gebruiker=gebruiker, partner=partner)
    Aanbod.objects.create(partner=partner, naam="Maatje", capaciteit="wachtlijst", wachttijd_weken=3)
    Uitnodiging.objects.create(
        partner=partner,
        email="nieuw@partner.example",
        token_hash=token_hash(UITNODIGING_TOKEN),
        verloopt_op=timezone.now() + datetime.timedelta(days=7),
    )


def seed():
    """A small data set: one kern and team, a front-door case, a referral, a maatwerk case with a
    running onderzoek and an overdue term, a decided case with a voorziening and a bezwaar, signals."""
    from altena.models import Heartbeat, Verwerking
    from backoffice.models import Onderzoek
    from documenten.standaardsjablonen import standaardsjablonen_laden
    from signalen.models import SignaalRegel
    from tests.factories.altena import UserFactory
    from tests.factories.backoffice import (
        BesluitFactory,
        BezwaarFactory,
        FeestdagFactory,
        TermijnFactory,
        VoorzieningFactory,
    )
    from tests.factories.documenten import BriefhoofdFactory, CasusDocumentFactory, GemeenteFactory
    from tests.factories.intake import (
        CasusFactory,
        HuishoudenFactory,
        InwonerFactory,
        VerwijzingFactory,
        ZrmScoreFactory,
    )
    from tests.factories.netwerk import ContactpersoonFactory, KernFactory, PartnerFactory, TeamFactory
    from tests.factories.signalen import SignaalFactory

    sync_role_permissions()  # a transactional test starts from a flushed database
    vandaag = timezone.localdate()
    kern = KernFactory(naam="Sleeuwijk", voormalige_gemeente="Werkendam", postcodegebieden=["4254"])
    gemeente = GemeenteFactory()
    BriefhoofdFactory(gemeente=gemeente)
    standaardsjablonen_laden(gemeente)
    gebruikers = {
        rol: UserFactory(username=rol.lower(), rollen=[rol], is_staff=(rol == Rol.BEHEERDER))
        for rol in Rol.ALL
    }
    gebruikers[SUPERUSER] = UserFactory(username="super", is_staff=True, is_superuser=True)
    team = TeamFactory(
        naam="Team Altena",
        kernen=[kern],
        leden=[gebruikers[r] for r in (Rol.FRONTOFFICE, Rol.CONSULTANT, Rol.TEAMLEIDER)],
    )
    partner = PartnerFactory(naam="Welzijn Sleeuwijk", kernen=[kern])
    ContactpersoonFactory(partner=partner)
    _seed_partnerportaal(partner, gebruikers[Rol.PARTNER])

    def inwoner():
        return InwonerFactory(kern=kern, huishouden=HuishoudenFactory(naam="Huishouden Jansen"))

    voordeur = CasusFactory(inwoner=inwoner(), team=team, met_toestemming=True)
    verwijzing = VerwijzingFactory(
        casus=CasusFactory(inwoner=inwoner(), team=team, verwezen=True, met_toestemming=True), partner=partner
    )
    consultant = gebruikers[Rol.CONSULTANT]
    maatwerk = CasusFactory(
        inwoner=inwoner(), team=team, maatwerk=True, fase="onderzoek", behandelaar=consultant
    )
    Onderzoek.objects.create(casus=maatwerk, gestart_op=vandaag, door=consultant)
    termijn = TermijnFactory(
        casus=maatwerk,
        startdatum=vandaag - datetime.timedelta(weeks=8),
        uiterste_datum=vandaag - datetime.timedelta(days=3),  # overdue: the red alert in the queue
    )
    besloten = CasusFactory(
        inwoner=inwoner(), team=team, maatwerk=True, fase="besluit", behandelaar=consultant
    )
    besluit = BesluitFactory(casus=besloten)
    voorziening = VoorzieningFactory(besluit=besluit, casus=besloten)
    bezwaar = BezwaarFactory(besluit=besluit, casus=besloten)
    document = CasusDocumentFactory(casus=besloten)
    bericht, verzoek = _seed_berichten(besloten, voorziening.aanbieder)
    signaal = SignaalFactory(casus=maatwerk, ontvanger=consultant)
    SignaalFactory(casus=maatwerk, escalatie=True, team=team)
    FeestdagFactory()
    ZrmScoreFactory(casus=voordeur)
    SignaalRegel.objects.get_or_create(code="termijn_nadert", defaults={"drempel": 5, "eenheid": "werkdagen"})
    Heartbeat.objects.create(naam="beat", laatst=timezone.now())
    # A retention rule for its admin change page (issue 10 part b).
    apps.get_model("backoffice", "Bewaartermijn").objects.get_or_create(
        wet="", met_voorziening=False, defaults={"jaren": 20}
    )
    Verwerking.objects.create(
        actor=consultant,
        actor_naam=consultant.username,
        handeling="lezen",
        verwerkingsactiviteit="Maatwerk sociaal domein",
        object_type="casus",
        object_id=str(maatwerk.pk),
        casus_nummer=maatwerk.nummer,
    )
    _seed_axes()
    # Mijn Toegang: the privacy officer's setting, for its admin change page.
    apps.get_model("mijn", "Portaalinstelling").objects.get_or_create(gemeente="Altena")
    Group.objects.get_or_create(name=Rol.BEHEERDER)
    return SimpleNamespace(**locals())


def _seed_berichten(casus, aanbieder):
    """An inbound verzoek om toewijzing (315) on a case, and one code of the code tables."""
    from berichten.models import Bericht, Code, Standaard, Verzoek

    Code.objects.get_or_create(lijst="WJ756", code="04", defaults={"betekenis": "Uur"})
    bericht = Bericht.objects.create(
        richting="in", berichttype="WMO315", status="ontvangen", casus=casus, aanbieder=aanbieder
    )
    verzoek = Verzoek.objects.create(
        soort=Verzoek.Soort.TOEWIJZING,
        bericht=bericht,
        casus=casus,
        aanbieder=aanbieder,
        standaard=Standaard.values[0],
        referentie_aanbieder="REF-1",
    )
    return bericht, verzoek


def _seed_axes():
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    velden = {
        "user_agent": "Chromium",
        "ip_address": "127.0.0.1",
        "username": "onbekend",
        "path_info": "/accounts/login/",
    }
    AccessAttempt.objects.create(**velden, failures_since_start=1, get_data="", post_data="")
    AccessLog.objects.create(**velden)
    AccessFailureLog.objects.create(**velden, locked_out=False)


def _walk(patterns, prefix="", namespace=""):
    for p in patterns:
        route = prefix + str(p.pattern)
        if isinstance(p, URLResolver):
            ns = ":".join(x for x in (namespace, p.namespace) if x)
            yield from _walk(p.url_patterns, route, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield route, f"{namespace}:{p.name}" if namespace else p.name


def _admin_object_kwargs(name: str) -> dict | None:
    """admin:<app>_<model>_<view> with <object_id>: the first object of that model."""
    from django.contrib import admin

    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix):
            obj = model._default_manager.order_by("pk").first()
            return None if obj is None else {"object_id": obj.pk}
    return None


@dataclass
class Kaart:
    """The checked pages as (url, viewer) and what could not be turned into a page, with reasons."""

    paginas: list[tuple[str, str]] = field(default_factory=list)
    problemen: list[str] = field(default_factory=list)
    geen_pagina: list[str] = field(default_factory=list)


def urls(s) -> tuple[list[tuple[str, str]], list[str]]:
    """(url name, concrete url) for every named route, and the routes that could not be filled."""
    result, missing = [], []
    for route, name in _walk(get_resolver().url_patterns):
        if name in NOT_PAGES or name.startswith(NOT_PAGES_PREFIXES) or _admin_eenmaal(name):
            continue
        if "<" not in route and "(?P" not in route:
            result.append((name, "/" + route))
        elif name in PARAMS:
            result.append((name, reverse(name, kwargs=PARAMS[name](s))))
        elif name.startswith("admin:") and "<path:object_id>" in route:
            kwargs = _admin_object_kwargs(name)
            if kwargs is None:
                missing.append(f"{name} ({route}): geen object van dit model in seed()")
            else:
                result.append((name, reverse(name, kwargs=kwargs)))
        else:
            missing.append(f"{name} ({route}): voeg een regel toe aan PARAMS in tests/e2e/paginas.py")
    for app in apps.get_app_configs():  # the admin's per-app pages (a regex route)
        try:
            result.append(("admin:app_list", reverse("admin:app_list", kwargs={"app_label": app.label})))
        except Exception:  # noqa: BLE001 - an app without models in the admin
            continue
    return result, missing


def kaart(s) -> Kaart:
    """Each page with the first viewer that gets it as HTML (200); loud about the rest."""
    clients = {ANONIEM: Client()}
    for kijker in KIJKERS[1:]:  # past the two-factor step where the role requires it
        clients[kijker] = ingelogde_client(s.gebruikers[kijker])
    result = Kaart()
    gevonden, missing = urls(s)
    result.problemen += missing
    for name, url in gevonden:
        statussen = {}
        # the admin's own users first (same outcome, fewer requests)
        for kijker in (Rol.BEHEERDER, SUPERUSER, *KIJKERS) if name.startswith("admin:") else KIJKERS:
            response = clients[kijker].get(url)
            statussen[kijker] = response.status_code
            if response.status_code == 200:
                soort = response.get("Content-Type", "")
                if "text/html" in soort:
                    result.paginas.append((url, kijker))
                else:  # a download (CSV, XLSX, PDF): no page to check
                    result.geen_pagina.append(f"{url} ({name}): {soort.split(';')[0]}")
                break
        else:
            if 405 in statussen.values():  # only POST for those who may: a form's action, no page
                result.geen_pagina.append(f"{url} ({name}): alleen POST")
            elif name.startswith("admin:") and statussen[SUPERUSER] == 403:
                result.geen_pagina.append(f"{url} ({name}): de admin biedt dit niemand aan")
            else:
                result.problemen.append(f"{url} ({name}): geen kijker krijgt een pagina: {statussen}")
    return result
