"""The access matrix (issue 10): every URL pattern of the project, taken from the resolver, requested
(GET) by anonymous and by each role, on an object of the user's own team, of another team and of
another gemeente, with the expected status.

ONE LINE PER URL in MATRIX below. A new URL without a line fails ``test_every_url_has_a_line``.
A line says: which object the URL names (``obj``), which roles may use it (``rollen``) and the status
they get on their own object (``ok``). Everyone else gets 403, anonymous 302 (login), and an allowed
role gets 404 on another team's or another gemeente's object, unless ``anders`` says otherwise
(keys: (role or "anoniem", variant) with variant "eigen", "team" or "gemeente").

Admin pages are covered per app by ADMIN (superuser-only personal data, beheerder's configuration).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from altena.access import Rol
from backoffice.models import Onderzoek
from tests.factories.altena import UserFactory
from tests.factories.backoffice import BesluitFactory, BezwaarFactory, TermijnFactory, VoorzieningFactory
from tests.factories.documenten import CasusDocumentFactory
from tests.factories.intake import CasusFactory, HuishoudenFactory, InwonerFactory, VerwijzingFactory
from tests.factories.netwerk import KernFactory, PartnerFactory, TeamFactory
from tests.factories.partner import PartnerMedewerkerFactory
from tests.factories.signalen import SignaalFactory

pytestmark = pytest.mark.django_db

FO, CO, TL, BH, PR, BL, PA = Rol.ALL
ANON = "anoniem"
VARIANTEN = ("eigen", "team", "gemeente")


@dataclass
class Regel:
    obj: str | None = None  # which object the URL names (a key of the world), None: no object
    rollen: tuple = ()  # roles that may use the page
    ok: int = 200  # what those roles get on their own object
    anders: dict = field(default_factory=dict)  # exceptions: {(role, variant): status}
    anoniem: int = 302
    kwargs: dict = field(default_factory=dict)  # fixed URL arguments of a page without an object
    alleen_post: bool = False  # a GET gets 405 before any object is looked up: it reveals nothing

    def __post_init__(self):
        if self.alleen_post:
            self.ok = 405


CASE = (FO, CO, TL)
BO = (CO, TL)
ALLE_ROLLEN = Rol.ALL

MATRIX: dict[str, Regel] = {
    "home": Regel(rollen=ALLE_ROLLEN, ok=302),
    "login": Regel(rollen=ALLE_ROLLEN, ok=302, anoniem=200),
    "logout": Regel(rollen=ALLE_ROLLEN, alleen_post=True),
    # A partner's worker is kept inside /partner/ (partner.middleware): this page too is refused.
    "geen_rol": Regel(rollen=ALLE_ROLLEN, anders={(PA, "eigen"): 403}),
    "zo_werkt_het": Regel(rollen=ALLE_ROLLEN),
    "privacy_log": Regel(rollen=(PR,)),
    "privacy_gebruikers": Regel(rollen=(PR,)),
    # The account proposals a second person decides (ADR 0009): teamleider and privacy officer.
    "accountvoorstellen": Regel(rollen=(TL, PR)),
    # The unlock link of a locked username: open to anyone (an unknown link says so on its page).
    "ontgrendelen": Regel(rollen=ALLE_ROLLEN, anoniem=200, kwargs={"token": "ongeldig"}),
    # Password reset and the new user's set-password link (issue 10, part a): open to anyone, and an
    # unknown link says so on its page.
    "password_reset": Regel(rollen=ALLE_ROLLEN, anoniem=200),
    "password_reset_done": Regel(rollen=ALLE_ROLLEN, anoniem=200),
    "password_reset_confirm": Regel(
        rollen=ALLE_ROLLEN, anoniem=200, kwargs={"uidb64": "MA", "token": "ongeldig-token"}
    ),
    "password_reset_complete": Regel(rollen=ALLE_ROLLEN, anoniem=200),
    # Every user's own two-factor pages; the test clients have passed the two-factor step, so the
    # verification page sends them on, and new recovery codes are made by a POST only.
    "tweestaps:verifieren": Regel(rollen=ALLE_ROLLEN, ok=302),
    "tweestaps:instellen": Regel(rollen=ALLE_ROLLEN),
    "tweestaps:herstelcodes": Regel(rollen=ALLE_ROLLEN, alleen_post=True),
    "health": Regel(rollen=ALLE_ROLLEN, anoniem=200),
    "netwerk:sociale_kaart": Regel(rollen=CASE),
    # The sociale kaart is public information about organisations, no personal data: any gemeente's.
    "netwerk:partner_detail": Regel(
        obj="partner", rollen=CASE, anders={(r, v): 200 for r in CASE for v in ("team", "gemeente")}
    ),
    "intake:werkvoorraad": Regel(rollen=CASE),
    "intake:nieuw": Regel(rollen=(FO,)),
    "intake:inwoner_registreren": Regel(rollen=(FO,)),
    # GET goes back to the search (the choice is a POST by position in the last search)
    "intake:inwoner_uit_brp": Regel(rollen=(FO,), ok=302),
    # The front door finds any person of its own gemeente (no second registration), never elsewhere.
    "intake:inwoner": Regel(obj="inwoner", rollen=CASE, anders={(FO, "team"): 200}),
    "intake:hulpvraag": Regel(obj="inwoner", rollen=(FO,)),
    "intake:casus": Regel(obj="voordeur", rollen=CASE),
    "intake:casus_bewerken": Regel(obj="voordeur", rollen=(FO,)),
    "intake:afhandelen": Regel(obj="voordeur", rollen=(FO,)),
    "intake:verwijzen": Regel(obj="voordeur", rollen=(FO, CO)),
    "intake:opschalen": Regel(obj="voordeur", rollen=(FO,)),
    "intake:afsluiten": Regel(obj="voordeur", rollen=(FO,), anders={(FO, "eigen"): 302}),  # not referred yet
    "intake:terugkoppeling": Regel(obj="verwijzing", rollen=(FO, CO)),
    # ...but a household only with a reason of the user's own (werkgebied, a case in scope, regie).
    "intake:huishouden": Regel(obj="huishouden", rollen=CASE),
    "intake:regisseur": Regel(obj="huishouden", rollen=BO, alleen_post=True),
    "backoffice:werkvoorraad": Regel(rollen=BO),
    "backoffice:bewaartermijnen": Regel(rollen=(BH,)),
    "backoffice:jeugdhulp_volwassenen": Regel(rollen=(TL,)),
    "backoffice:casus": Regel(obj="maatwerk", rollen=BO),
    "backoffice:claimen": Regel(obj="maatwerk", rollen=(CO,), alleen_post=True),
    "backoffice:toewijzen": Regel(obj="maatwerk", rollen=(TL,)),
    "backoffice:onderzoek_starten": Regel(obj="maatwerk", rollen=BO),
    "backoffice:onderzoek": Regel(obj="maatwerk", rollen=BO),
    "backoffice:plan": Regel(obj="maatwerk", rollen=BO),
    "backoffice:aanvraag": Regel(obj="maatwerk", rollen=BO),
    "backoffice:voorschot": Regel(obj="maatwerk", rollen=BO),
    "backoffice:besluit": Regel(obj="maatwerk", rollen=BO),
    "backoffice:zorg_starten": Regel(obj="maatwerk", rollen=BO),
    "backoffice:voorziening_beeindigen": Regel(obj="voorziening", rollen=BO),
    "backoffice:opschorten": Regel(obj="termijn", rollen=BO),
    "backoffice:hervatten": Regel(obj="termijn", rollen=BO),
    "backoffice:verdagen": Regel(obj="termijn", rollen=BO),
    "backoffice:bezwaar": Regel(obj="besluit", rollen=BO),
    "backoffice:bezwaar_beslissen": Regel(obj="bezwaar", rollen=BO),
    "backoffice:afschalen": Regel(obj="maatwerk", rollen=BO),
    "backoffice:afsluiten": Regel(obj="maatwerk", rollen=BO),
    "signalen:inbox": Regel(rollen=CASE),
    "signalen:voorkeur": Regel(rollen=CASE),
    # A signal opens only from its recipient's inbox (here the consultant's).
    "signalen:openen": Regel(
        obj="signaal", rollen=CASE, ok=302, anders={(FO, "eigen"): 404, (TL, "eigen"): 404}
    ),
    "signalen:afhandelen": Regel(obj="signaal", rollen=CASE, alleen_post=True),
    "documenten:casus": Regel(obj="maatwerk", rollen=BO),
    "documenten:brief": Regel(obj="brief_besluit", rollen=BO),
    # no letter exists in this world: the PDF is not found for anyone allowed (it names no object)
    "documenten:brief_pdf": Regel(obj="brief_pdf", rollen=BO, anders={(r, "eigen"): 404 for r in BO}),
    "documenten:document_toevoegen": Regel(obj="maatwerk", rollen=BO),
    "documenten:document": Regel(obj="document", rollen=BO),
    "documenten:document_verwijderen": Regel(obj="document", rollen=BO),
    # berichten (issue 13): objects of its own not built here; an unknown id is not found (404)
    "berichten:box": Regel(rollen=BO),
    "berichten:casus": Regel(obj="maatwerk", rollen=BO),
    "berichten:bericht": Regel(rollen=BO, ok=404, kwargs={"pk": 0}),
    "berichten:xml": Regel(rollen=BO, ok=404, kwargs={"pk": 0}),
    "berichten:verzoeken": Regel(rollen=BO),
    "berichten:verzoek": Regel(rollen=(CO,), ok=404, kwargs={"pk": 0}),
    "berichten:wijzigen": Regel(rollen=(CO,), ok=404, kwargs={"pk": 0}),
    "rapportage:dashboard": Regel(rollen=(TL,)),
    "rapportage:raad": Regel(rollen=(TL, BL)),
    # The fixture's beleid user is in no team, so has no gemeente: the exports send it back to the form.
    "rapportage:raad_csv": Regel(
        rollen=(TL, BL), kwargs={"sleutel": "besluiten"}, anders={(BL, "eigen"): 302}
    ),
    "rapportage:raad_xlsx": Regel(rollen=(TL, BL), anders={(BL, "eigen"): 302}),
    "rapportage:raad_pdf": Regel(rollen=(TL, BL), anders={(BL, "eigen"): 302}),
    "rapportage:cbs": Regel(rollen=(TL, BL)),
    "rapportage:cbs_csv": Regel(rollen=(TL, BL), anders={(BL, "eigen"): 302}),
    # The partner portal (issue 14): only a partner's worker, only referrals to its own organisation
    # in its own gemeente ("gemeente": a referral to that same organisation of another gemeente's case).
    "partner:overzicht": Regel(rollen=(PA,)),
    "partner:verwijzing": Regel(obj="partnerverwijzing", rollen=(PA,)),
    "partner:actie": Regel(obj="partnerverwijzing", rollen=(PA,), ok=302, kwargs={"actie": "accepteren"}),
    "partner:capaciteit": Regel(rollen=(PA,)),
    # Opening an invitation needs no login; an unknown token is not found for anyone.
    "partner:uitnodiging": Regel(rollen=ALLE_ROLLEN, ok=404, anoniem=404, kwargs={"token": "onbekend"}),
    # Mijn Toegang (issue 24): the inwoner's portal. No staff role opens any of it (403, a staff
    # session never opens /mijn/); anonymous: the start page, DigiD's steps, or back to /mijn/. The
    # inwoners A and B are in test_mijn_matrix_inwoners below.
    "mijn:start": Regel(anoniem=200),
    "mijn:geen_koppeling": Regel(anoniem=200),
    "mijn:uitloggen": Regel(anoniem=405),
    "mijn:overzicht": Regel(),
    "mijn:casus": Regel(kwargs={"nummer": "2026-000001"}),
    "mijn:upload": Regel(kwargs={"nummer": "2026-000001"}),
    "mijn:document": Regel(kwargs={"nummer": "2026-000001", "pk": 1}),
    "mijn:antwoord": Regel(kwargs={"nummer": "2026-000001", "pk": 1}),
    "mijn:brieven": Regel(),
    "mijn:brief": Regel(kwargs={"pk": 1}),
    "mijn:melding": Regel(),
    "mijn:melding_ontvangen": Regel(kwargs={"nummer": "2026-000001"}),
    "mijn:wie_keek": Regel(),
    "mijn:wie_keek_pdf": Regel(),
    "mijn:digid_demo_login": Regel(),
    "mijn:digid_demo_acs": Regel(),
    "digid:login": Regel(),
    "digid:acs": Regel(),
    # The library's mock identity provider refuses a request without its acs/next parameters.
    "digid-mock:login": Regel(anoniem=400),
    "digid-mock:bsn": Regel(anoniem=400),
    # The SP metadata for Logius and the eHerkenning broker: the superuser who configures them only.
    "metadata:digid": Regel(),
    "metadata:eherkenning": Regel(),
    "metadata:eh-dienstcatalogus": Regel(),
    # eHerkenning for partners: its start page and demo IdP are open; the SAML steps send on.
    "partner_eherkenning": Regel(anoniem=200, rollen=ALLE_ROLLEN),
    "partner_eherkenning_demo": Regel(anoniem=200, rollen=ALLE_ROLLEN),
    "eherkenning:login": Regel(rollen=ALLE_ROLLEN, ok=302),
    "eherkenning:acs": Regel(rollen=ALLE_ROLLEN, ok=302),
}

# Admin pages, per app: who gets in (beheerder: configuration; persons and cases: superuser only).
# Anyone without is_staff is sent to the admin's login (302); staff without permission gets 403.
# (partner: inviting and deactivating partners' workers, issue 14.)
ADMIN_BEHEERDER = {"netwerk", "backoffice", "signalen", "documenten", "auth", "altena.heartbeat", "partner"}
# (mijn: the privacy officer's portal setting, for a privacy officer with staff status; the DigiD and
# eHerkenning configuration with its certificates: superuser only.)
ADMIN_GEEN_BEHEERDER = {
    "intake",
    "altena",
    "axes",
    "berichten",
    "mijn",
    "digid_eherkenning",
    "simple_certmanager",
}


def url_namen(resolver=None, ns=""):
    resolver = resolver or get_resolver()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            sub = f"{ns}:{p.namespace}" if ns and p.namespace else (p.namespace or ns)
            yield from url_namen(p, sub)
        elif isinstance(p, URLPattern):
            yield (f"{ns}:{p.name}" if ns else p.name), p


def test_every_url_has_a_line():
    ontbreekt = [
        naam for naam, _ in url_namen() if not (naam or "").startswith("admin:") and naam not in MATRIX
    ]
    assert not ontbreekt, f"URL's zonder regel in de toegangsmatrix: {ontbreekt}"
    overbodig = set(MATRIX) - {naam for naam, _ in url_namen()}
    assert not overbodig, f"Regels zonder URL: {overbodig}"


@pytest.fixture
def wereld(kern, team, role_users):
    """Objects of the users' own team, of another team (other kern) and of another gemeente."""
    consultant, frontoffice = role_users[CO], role_users[FO]
    andel = KernFactory(naam="Andel", postcodegebieden=["4281"])
    ander_team = TeamFactory(naam="Team Andel", kernen=[andel])
    grootegast = KernFactory(gemeente="Westerkwartier", naam="Grootegast", postcodegebieden=["9861"])
    wk_team = TeamFactory(naam="Team Westerkwartier", gemeente="Westerkwartier", kernen=[grootegast])
    wk_consulent = UserFactory(username="wk-consulent", rollen=[CO])
    wk_team.leden.add(wk_consulent)
    werelden = {}
    for variant, k, t, gemeente in (
        ("eigen", kern, team, "Altena"),
        ("team", andel, ander_team, "Altena"),
        ("gemeente", grootegast, wk_team, "Westerkwartier"),
    ):
        huishouden = HuishoudenFactory(gemeente=gemeente)
        inwoner = InwonerFactory(kern=k, huishouden=huishouden, postcode=f"{k.postcodegebieden[0]} AA")
        voordeur = CasusFactory(inwoner=inwoner, team=t, kern=k)
        maatwerk = CasusFactory(
            inwoner=inwoner, team=t, maatwerk=True, behandelaar=consultant if variant == "eigen" else None
        )
        besluit = BesluitFactory(casus=maatwerk)
        Onderzoek.objects.create(casus=maatwerk, gestart_op=maatwerk.meldingsdatum)
        signaal = SignaalFactory(casus=maatwerk, ontvanger=consultant if variant == "eigen" else wk_consulent)
        werelden[variant] = {
            "inwoner": inwoner,
            "huishouden": huishouden,
            "voordeur": voordeur,
            "maatwerk": maatwerk,
            "verwijzing": VerwijzingFactory(casus=CasusFactory(inwoner=inwoner, team=t, verwezen=True)),
            "besluit": besluit,
            "voorziening": VoorzieningFactory(besluit=besluit),
            "termijn": TermijnFactory(casus=maatwerk),
            "bezwaar": BezwaarFactory(besluit=besluit),
            "signaal": signaal,
            "document": CasusDocumentFactory(casus=maatwerk),
            "partner": PartnerFactory(gemeente=gemeente),
        }
    # The partner user works for the own world's partner; "team" is a referral to another partner of
    # the same gemeente, "gemeente" one to the user's own organisation about a case of another gemeente.
    eigen_partner = werelden["eigen"]["partner"]
    PartnerMedewerkerFactory(partner=eigen_partner, gebruiker=role_users[PA])
    for variant, partner in (
        ("eigen", eigen_partner),
        ("team", werelden["team"]["partner"]),
        ("gemeente", eigen_partner),
    ):
        casus = werelden[variant]["voordeur"]
        werelden[variant]["partnerverwijzing"] = VerwijzingFactory(
            casus=CasusFactory(
                inwoner=casus.inwoner, team=casus.team, kern=casus.kern, verwezen=True, met_toestemming=True
            ),
            partner=partner,
        )
    frontoffice.refresh_from_db()
    return werelden


def kwargs_voor(regel: Regel, objecten: dict) -> dict:
    if regel.obj is None:
        return dict(regel.kwargs)
    obj = objecten[{"brief_besluit": "besluit", "brief_pdf": "maatwerk"}.get(regel.obj, regel.obj)]
    if regel.obj in ("voordeur", "maatwerk"):
        return {"nummer": obj.nummer}
    if regel.obj in ("voorziening", "termijn", "besluit", "bezwaar", "document"):
        return {"nummer": obj.casus.nummer, "pk": obj.pk}
    if regel.obj == "brief_besluit":
        return {"nummer": obj.casus.nummer, "soort": "beschikking_toekenning", "object_id": obj.pk}
    if regel.obj == "brief_pdf":
        return {"nummer": obj.nummer, "pk": 0}
    return {"pk": obj.pk, **regel.kwargs}


def verwacht(regel: Regel, wie: str, variant: str) -> int:
    if (wie, variant) in regel.anders:
        return regel.anders[(wie, variant)]
    if wie == ANON:
        return regel.anoniem
    if wie not in regel.rollen:
        return 403
    if variant == "eigen" or regel.obj is None or regel.alleen_post:
        return regel.ok
    return 404


def test_access_matrix(client, client_for, role_users, wereld):
    from django.urls import reverse

    clients = {ANON: client, **{rol: client_for(user) for rol, user in role_users.items()}}
    fouten = []
    for naam, _pattern in url_namen():
        if (naam or "").startswith("admin:"):
            continue
        regel = MATRIX[naam]
        varianten = VARIANTEN if regel.obj else ("eigen",)
        for variant in varianten:
            url = reverse(naam, kwargs=kwargs_voor(regel, wereld[variant]))
            for wie, c in clients.items():
                status = c.get(url).status_code
                if status != verwacht(regel, wie, variant):
                    fouten.append(
                        f"{naam} {variant} {wie}: {status} (verwacht {verwacht(regel, wie, variant)})"
                    )
    assert not fouten, "\n".join(fouten)


def test_admin_matrix(client, client_for, role_users, wereld):
    """Every admin list page: anonymous and non-staff to the login, beheerder only to configuration."""
    from django.contrib import admin

    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    clients = {
        ANON: client,
        FO: client_for(role_users[FO]),
        BH: client_for(role_users[BH]),
        PR: client_for(role_users[PR]),
        "superuser": client_for(superuser),
    }
    fouten = []
    for model in admin.site._registry:
        app, naam = model._meta.app_label, model._meta.model_name
        url = f"/admin/{app}/{naam}/"
        assert app in ADMIN_BEHEERDER | ADMIN_GEEN_BEHEERDER, f"admin app {app} heeft geen regel"
        verwachting = {ANON: 302, FO: 302, PR: 302, "superuser": 200}
        beheer = app in ADMIN_BEHEERDER or model._meta.label_lower in ADMIN_BEHEERDER
        verwachting[BH] = 200 if beheer else 403
        for wie, c in clients.items():
            status = c.get(url).status_code
            if status != verwachting[wie]:
                fouten.append(f"{url} {wie}: {status} (verwacht {verwachting[wie]})")
    assert not fouten, "\n".join(fouten)


def test_mijn_matrix_inwoners(settings, wereld, client_for, role_users):
    """/mijn/ for inwoner A (the own world's inwoner) and inwoner B (another inwoner of the same
    gemeente): A opens their own case, letter and file; B gets the same 404 as for a number that
    does not exist; no staff role opens any of it."""
    from django.test import Client
    from django.urls import reverse

    from documenten.models import Brief  # noqa: F401  (letters: tests/mijn/test_mijn_toegang.py)

    settings.MIJN_GEMEENTE = "Altena"
    a, b = wereld["eigen"]["inwoner"], wereld["team"]["inwoner"]
    casus, document = wereld["eigen"]["maatwerk"], wereld["eigen"]["document"]
    paginas = {
        reverse("mijn:overzicht"): (200, 200),
        reverse("mijn:casus", kwargs={"nummer": casus.nummer}): (200, 404),
        reverse("mijn:upload", kwargs={"nummer": casus.nummer}): (200, 404),
        reverse("mijn:document", kwargs={"nummer": casus.nummer, "pk": document.pk}): (200, 404),
        reverse("mijn:melding_ontvangen", kwargs={"nummer": casus.nummer}): (200, 404),
        reverse("mijn:brieven"): (200, 200),
        reverse("mijn:melding"): (200, 200),
        reverse("mijn:wie_keek"): (200, 200),
        reverse("mijn:wie_keek_pdf"): (200, 200),
    }
    clients = {}
    for naam, inwoner in (("A", a), ("B", b)):
        clients[naam] = Client()
        assert clients[naam].get(reverse("mijn:digid_demo_acs"), {"bsn": inwoner.bsn}).status_code == 302
    fouten = []
    for url, (voor_a, voor_b) in paginas.items():
        for naam, verwacht_status in (("A", voor_a), ("B", voor_b)):
            status = clients[naam].get(url).status_code
            if status != verwacht_status:
                fouten.append(f"{url} inwoner {naam}: {status} (verwacht {verwacht_status})")
        for rol, user in role_users.items():
            status = client_for(user).get(url).status_code
            if status != 403:
                fouten.append(f"{url} {rol}: {status} (verwacht 403)")
    assert not fouten, "\n".join(fouten)
