"""DigiD for the inwoner, through django-digid-eherkenning.

Production: the library's login view (SAML AuthnRequest) and its assertion consumer: the artifact
is resolved and the response validated by the library's own backend and client
(``DigiDBackend.authenticate`` -> ``DigiDClient.artifact_resolve``), then the BSN is matched to the
Inwoner of the right gemeente (``koppeling``) and the inwoner's own session starts (ADR 0010): no
Django user is made. Demo (MIJN_DEMO_IDP): the library's mock identity provider, which does no SAML
and takes any BSN, so it is mounted only under the demo flag.
"""

from __future__ import annotations

import hashlib
import logging
from urllib.parse import urlencode

from digid_eherkenning.backends import DigiDBackend
from digid_eherkenning.exceptions import CertificateProblem
from digid_eherkenning.views import DigiDAssertionConsumerServiceView, DigiDLoginView
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from onelogin.saml2.errors import OneLogin_Saml2_Error

from altena.verwerkingen import log_verwerking

from . import koppeling, sessie
from .logboek import DOEL_AANMELDEN, GEWEIGERD, H, log_inwoner

logger = logging.getLogger(__name__)

DIGID_FOUT = (
    "Inloggen met DigiD is niet gelukt. Probeer het later opnieuw. Lukt het dan nog niet? "
    "Bel dan de gemeente."
)
# An artifact is resolved once: a second use within this time is a replay and refused.
ARTIFACT_GEHEUGEN = 60 * 60


class BsnUitDigiD:
    """What the library's backend returns here: only the BSN, never a Django user."""

    def __init__(self, bsn: str):
        self.bsn = bsn

    def __str__(self):
        return "inwoner"


class InwonerDigiDBackend(DigiDBackend):
    """The library's DigiD backend (artifact resolution, signature, audience, time and status
    checks, NameID sector), returning the BSN instead of making a user. Not in
    AUTHENTICATION_BACKENDS: a staff login never reaches it."""

    def get_or_create_user_from_bsn(self, request, bsn):
        if not bsn:
            return None
        return BsnUitDigiD(bsn)


def weigeren(request, reden: str):
    """A refused DigiD login: logged (no BSN), a message, back to the start page."""
    logger.warning("Mijn Toegang: DigiD-inlog geweigerd (%s)", reden)
    log_inwoner(
        request,
        handeling=H.LEZEN,
        object_type="digid",
        object_id=reden,
        doel=DOEL_AANMELDEN,
        resultaat=GEWEIGERD,
        actor_naam="DigiD (geweigerd)",
    )
    messages.error(request, DIGID_FOUT)
    return redirect("mijn:start")


def inloggen_met_bsn(request, bsn: str, *, middel: str):
    """Match the BSN within the gemeente and start the inwoner's session; no match: the clear page
    (which never tells whether the BSN is known elsewhere)."""
    inwoner = koppeling.inwoner_voor_bsn(bsn)
    if inwoner is None:
        log_inwoner(
            request,
            handeling=H.LEZEN,
            object_type="digid",
            object_id="geen inwoner",
            doel=DOEL_AANMELDEN,
            resultaat=GEWEIGERD,
            actor_naam=f"{middel} (geen inwoner)",
        )
        gemeente = koppeling.gemeente_van_inschrijving(bsn) if koppeling.bsn_geldig(bsn) else None
        if gemeente:
            sessie.onbekend_onthouden(request, bsn, gemeente)
        else:
            sessie.inwoner_uitloggen(request)
        return redirect("mijn:geen_koppeling")
    sessie.inwoner_inloggen(request, inwoner, middel=middel)
    log_inwoner(
        request,
        handeling=H.LEZEN,
        object_type="inwoner",
        object_id=inwoner.pk,
        inwoner_id=inwoner.pk,
        doel=DOEL_AANMELDEN,
    )
    return redirect("mijn:overzicht")


class GeenMedewerker:
    """A staff session never takes the inwoner's way in (403, logged as refused)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            log_verwerking(
                request=request,
                handeling=H.LEZEN,
                verwerkingsactiviteit=DOEL_AANMELDEN,
                object_type="pagina",
                object_id=request.path,
                resultaat=GEWEIGERD,
            )
            raise PermissionDenied("Mijn Toegang is voor inwoners. U bent ingelogd als medewerker.")
        return super().dispatch(request, *args, **kwargs)


@method_decorator(login_not_required, name="dispatch")
class LoginView(GeenMedewerker, DigiDLoginView):
    """The library's step 2 (AuthnRequest by POST binding) for the gemeente's real DigiD."""

    verwerking = ""  # no personal data yet (altena.verwerkingen.GEEN_PERSOONSGEGEVENS)

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except (CertificateProblem, ImproperlyConfigured, OneLogin_Saml2_Error) as fout:
            logger.error("Mijn Toegang: DigiD is niet (goed) geconfigureerd: %s", fout)
            messages.error(
                request, "Inloggen met DigiD kan nu niet. Probeer het later opnieuw of bel de gemeente."
            )
            return redirect("mijn:start")


@method_decorator(login_not_required, name="dispatch")
class AcsView(GeenMedewerker, DigiDAssertionConsumerServiceView):
    """The library's assertion consumer, with the inwoner's session instead of ``auth.login``."""

    verwerking = DOEL_AANMELDEN

    def get(self, request):
        artifact = request.GET.get("SAMLart") or ""
        if not artifact:
            return weigeren(request, "geen artifact")
        sleutel = "mijn:samlart:" + hashlib.sha256(artifact.encode()).hexdigest()
        if not cache.add(sleutel, 1, ARTIFACT_GEHEUGEN):
            return weigeren(request, "herhaald artifact")
        errors: list = []
        resultaat = InwonerDigiDBackend().authenticate(request, digid=True, saml_art=artifact, errors=errors)
        if resultaat is None:
            code = getattr(errors[0], "code", "") if errors else ""
            return weigeren(request, f"saml-fout {code}".strip()[:50])
        return inloggen_met_bsn(request, resultaat.bsn, middel="DigiD")


@method_decorator(login_not_required, name="dispatch")
class DemoLoginView(GeenMedewerker, View):
    """To the library's mock identity provider (demo flag only)."""

    verwerking = ""

    def get(self, request):
        params = {
            "acs": request.build_absolute_uri(reverse("mijn:digid_demo_acs")),
            "next": request.build_absolute_uri(reverse("mijn:overzicht")),
            "cancel": request.build_absolute_uri(reverse("mijn:start")),
        }
        return redirect(f"{reverse('digid-mock:login')}?{urlencode(params)}")


@method_decorator(login_not_required, name="dispatch")
class DemoAcsView(GeenMedewerker, View):
    """The mock's return page: takes the BSN from the address, as the library's mock does. Mounted
    only with MIJN_DEMO_IDP (system check mijn.E001)."""

    verwerking = DOEL_AANMELDEN

    def get(self, request):
        return inloggen_met_bsn(request, request.GET.get("bsn", ""), middel="DigiD (demo)")
