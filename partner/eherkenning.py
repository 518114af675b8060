"""eHerkenning for partners' workers, through django-digid-eherkenning's SAML client.

The library's own backend keys on RSIN and makes a user per organisation; partners are known here by
their KvK number. ``PartnerEherkenningBackend`` keeps the library's SAML work (artifact resolution,
signature, audience, time and status checks, attributes) and matches the organisation by
``urn:etoegang:1.9:EntityConcernedID:KvKnr`` to ``netwerk.Partner.kvk_nummer``. The acting person is
the pseudonym eHerkenning gives (NameID): each gets an account of its own, with the Partner role,
for that organisation only (first login makes it). No match: refused and logged.

The library has no eHerkenning mock; ``DemoEherkenningView`` is the project's own demo identity
provider (pick an organisation), mounted only with MIJN_DEMO_IDP like the DigiD mock.
"""

from __future__ import annotations

import hashlib
import logging

from digid_eherkenning.backends import eHerkenningBackend
from digid_eherkenning.exceptions import CertificateProblem
from digid_eherkenning.views import eHerkenningAssertionConsumerServiceView, eHerkenningLoginView
from django import forms
from django.conf import settings
from django.contrib import auth, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.generic import FormView, TemplateView
from onelogin.saml2.errors import OneLogin_Saml2_Error

from altena.access import Rol
from altena.verwerkingen import log_verwerking
from netwerk.models import Partner

from .models import PartnerMedewerker

logger = logging.getLogger(__name__)

BACKEND = "partner.eherkenning.PartnerEherkenningBackend"
DOEL = "Netwerk: inloggen partnerportaal met eHerkenning"
FOUT = "Inloggen met eHerkenning is niet gelukt. Probeer het opnieuw of neem contact op met de gemeente."


def partner_voor_kvk(kvk: str) -> Partner | None:
    kandidaten = list(Partner.objects.filter(kvk_nummer=(kvk or "").strip(), actief=True)[:2])
    return kandidaten[0] if len(kandidaten) == 1 else None


@transaction.atomic
def medewerker_voor(partner: Partner, pseudoniem: str):
    """The account of the acting person of this organisation (made at the first login)."""
    sleutel = hashlib.sha256(f"{partner.kvk_nummer}:{pseudoniem}".encode()).hexdigest()[:24]
    User = get_user_model()
    user, gemaakt = User.objects.get_or_create(username=f"eh-{sleutel}")
    if gemaakt:
        user.set_unusable_password()
        user.save()
        user.groups.set([Group.objects.get(name=Rol.PARTNER)])
    medewerker, _ = PartnerMedewerker.objects.get_or_create(gebruiker=user, defaults={"partner": partner})
    if medewerker.partner_id != partner.pk or not medewerker.actief or not user.is_active:
        return None
    return user


def weigeren(request, reden: str) -> None:
    logger.warning("eHerkenning-inlog geweigerd (%s)", reden)
    log_verwerking(
        request=request,
        handeling="lezen",
        verwerkingsactiviteit=DOEL,
        object_type="eherkenning",
        object_id=reden[:50],
        resultaat="geweigerd",
    )


class PartnerEherkenningBackend(eHerkenningBackend):
    """The library's eHerkenning backend, matched by KvK instead of RSIN."""

    def get_or_create_user(self, request, saml_response, saml_attributes):
        kvk = self.get_legal_subject_kvk(saml_attributes)
        partner = partner_voor_kvk(kvk)
        if partner is None:
            weigeren(request, "onbekend KvK-nummer")
            return None, False
        user = medewerker_voor(partner, saml_response.get_nameid())
        if user is None:
            weigeren(request, "account niet actief")
        return user, False

    def authenticate(self, request, eherkenning=None, saml_art=None):
        return super().authenticate(request, eherkenning=eherkenning, saml_art=saml_art)


@method_decorator(login_not_required, name="dispatch")
class StartView(TemplateView):
    """/partner/eherkenning/: the way in for a partner organisation."""

    template_name = "partner/eherkenning.html"
    verwerking = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(demo=settings.MIJN_DEMO_IDP, **kwargs)


@method_decorator(login_not_required, name="dispatch")
class LoginView(eHerkenningLoginView):
    verwerking = ""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except (CertificateProblem, ImproperlyConfigured, OneLogin_Saml2_Error) as fout:
            logger.error("eHerkenning is niet (goed) geconfigureerd: %s", fout)
            messages.error(request, FOUT)
            return redirect("partner_eherkenning")


@method_decorator(login_not_required, name="dispatch")
class AcsView(eHerkenningAssertionConsumerServiceView):
    verwerking = DOEL

    def get_login_url(self):
        return "/partner/eherkenning/"

    def get_success_url(self):
        return "/partner/"

    def handle_error(self, request, message):
        weigeren(request, "saml")
        return super().handle_error(request, FOUT)


class DemoForm(forms.Form):
    partner = forms.ModelChoiceField(
        label="Organisatie (KvK-nummer)",
        queryset=Partner.objects.filter(actief=True).exclude(kvk_nummer="").order_by("naam"),
        error_messages={"required": "Kies een organisatie.", "invalid_choice": "Kies een organisatie."},
    )
    medewerker = forms.CharField(
        label="Uw naam (demo)", max_length=60, initial="Demo-medewerker",
        error_messages={"required": "Vul een naam in."},
    )  # fmt: skip


@method_decorator(login_not_required, name="dispatch")
class DemoEherkenningView(FormView):
    """The project's eHerkenning demo identity provider: choose an organisation, get in as one of
    its workers. Only under MIJN_DEMO_IDP (system check mijn.E001)."""

    template_name = "partner/eherkenning_demo.html"
    form_class = DemoForm
    verwerking = ""

    def form_valid(self, form):
        partner = partner_voor_kvk(form.cleaned_data["partner"].kvk_nummer)
        user = medewerker_voor(partner, form.cleaned_data["medewerker"]) if partner else None
        if user is None:
            weigeren(self.request, "demo: geen organisatie")
            form.add_error("partner", "Met deze organisatie kunt u niet inloggen.")
            return self.form_invalid(form)
        if not user.first_name:
            user.first_name = form.cleaned_data["medewerker"][:150]
            user.save(update_fields=["first_name"])
        auth.login(self.request, user, backend=BACKEND)
        return redirect("partner:overzicht")
