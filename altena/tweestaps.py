"""Two-factor login: TOTP (an authenticator app) with recovery codes (django-otp's static device).

Required for the roles in settings.TWEESTAPS_ROLLEN, offered to everyone. After the password the
user gives a code (``verifieren``); a user whose role requires it and who has no device yet is led
through enrolment first (``instellen``): scan the QR code, confirm one code, write down the
recovery codes. Verification is django-otp's own state (``django_otp.login``, ``user.is_verified()``).
"""

from __future__ import annotations

from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import blokkade
from .accounts import geblokkeerd_antwoord
from .audit import log_gebruiker
from .models import GebruikerAudit
from .security import TWEESTAPS_NODIG, heeft_tweestaps, is_geverifieerd, tweestaps_vereist
from .verwerkingen import GEEN_PERSOONSGEGEVENS

app_name = "tweestaps"

AANTAL_HERSTELCODES = 10


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=16,
        help_text="De 6 cijfers uit uw authenticator-app, of een van uw herstelcodes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        return self.cleaned_data["code"].replace(" ", "").strip()


def _veilige_next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("home")


def _markeer_geverifieerd(request, device) -> None:
    request.session.cycle_key()
    otp_login(request, device)
    request.session[TWEESTAPS_NODIG] = True


def nieuwe_herstelcodes(user) -> list[str]:
    """Replace the user's recovery codes with new ones; returns them (shown once)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name="Herstelcodes", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(AANTAL_HERSTELCODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


@method_decorator(sensitive_post_parameters("code"), name="dispatch")
class VerifierenView(View):
    """The second step of login: a code from the app or a recovery code."""

    verwerking = GEEN_PERSOONSGEGEVENS

    template_name = "registration/tweestaps_verifieren.html"

    def dispatch(self, request, *args, **kwargs):
        if is_geverifieerd(request):
            return redirect(_veilige_next(request))
        if not heeft_tweestaps(request.user):
            if tweestaps_vereist(request.user):
                return redirect(f"{reverse('tweestaps:instellen')}?next={_veilige_next(request)}")
            return redirect(_veilige_next(request))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return render(request, self.template_name, {"form": CodeForm(), "next": _veilige_next(request)})

    def post(self, request):
        username = request.user.get_username()
        if blokkade.geblokkeerd_tot(username):
            logout(request)
            return geblokkeerd_antwoord(request, username)
        form = CodeForm(request.POST)
        if form.is_valid():
            device = match_token(request.user, form.cleaned_data["code"])
            if device is None:
                # A wrong code is a failed login: audited, and counted by the same lockout.
                log_gebruiker(
                    gebruiker=request.user,
                    wijziging=GebruikerAudit.Wijziging.INLOG_MISLUKT,
                    actor=request.user,
                )
                if blokkade.registreer_mislukking(username, request):
                    logout(request)
                    return geblokkeerd_antwoord(request, username)
            else:
                blokkade.reset(username)
                _markeer_geverifieerd(request, device)
                if isinstance(device, StaticDevice):
                    over = device.token_set.count()
                    messages.warning(
                        request, f"U heeft een herstelcode gebruikt; er zijn er nog {over} over."
                    )
                return redirect(_veilige_next(request))
            form.add_error("code", "Deze code is onjuist of verlopen. Probeer het opnieuw.")
        return render(request, self.template_name, {"form": form, "next": _veilige_next(request)})


@method_decorator(sensitive_post_parameters("code"), name="dispatch")
class InstellenView(View):
    """Enrol an authenticator app: QR code and secret, confirm with one code, get recovery codes."""

    verwerking = GEEN_PERSOONSGEGEVENS

    template_name = "registration/tweestaps_instellen.html"

    def dispatch(self, request, *args, **kwargs):
        if heeft_tweestaps(request.user) and not is_geverifieerd(request):
            return redirect(f"{reverse('tweestaps:verifieren')}?next={_veilige_next(request)}")
        return super().dispatch(request, *args, **kwargs)

    def _device(self, request) -> TOTPDevice:
        device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
        return device or TOTPDevice.objects.create(
            user=request.user, name="Authenticator-app", confirmed=False
        )

    def _context(self, request, form):
        device = self._device(request)
        qr = segno.make(device.config_url, error="m")
        return {
            "form": form,
            "next": _veilige_next(request),
            # An SVG data URI in an <img> (CSP img-src allows data:), so no markup is marked safe.
            "qr_data_uri": qr.svg_data_uri(scale=4, dark="#000", light="#fff"),
            "geheim": b32encode(device.bin_key).decode(),
            "al_ingesteld": heeft_tweestaps(request.user),
            "verplicht": tweestaps_vereist(request.user),
        }

    def get(self, request):
        return render(request, self.template_name, self._context(request, CodeForm()))

    def post(self, request):
        form = CodeForm(request.POST)
        if form.is_valid():
            device = self._device(request)
            if device.verify_token(form.cleaned_data["code"]):
                with transaction.atomic():
                    TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
                    device.confirmed = True
                    device.save(update_fields=["confirmed"])
                    codes = nieuwe_herstelcodes(request.user)
                    log_gebruiker(
                        gebruiker=request.user, wijziging=GebruikerAudit.Wijziging.TWEESTAPS_INGESTELD
                    )
                _markeer_geverifieerd(request, device)
                return render(
                    request,
                    "registration/tweestaps_herstelcodes.html",
                    {"codes": codes, "next": _veilige_next(request)},
                )
            form.add_error(
                "code", "Deze code klopt niet. Controleer de tijd op uw telefoon en probeer het opnieuw."
            )
        return render(request, self.template_name, self._context(request, form))


class HerstelcodesView(View):
    """Make a new set of recovery codes (only after the second factor was given)."""

    verwerking = GEEN_PERSOONSGEGEVENS

    def post(self, request):
        if not (heeft_tweestaps(request.user) and is_geverifieerd(request)):
            messages.error(request, "Stel eerst tweestapsverificatie in.")
            return redirect("tweestaps:instellen")
        codes = nieuwe_herstelcodes(request.user)
        return render(
            request, "registration/tweestaps_herstelcodes.html", {"codes": codes, "next": reverse("home")}
        )


urlpatterns = [
    path("", VerifierenView.as_view(), name="verifieren"),
    path("instellen/", InstellenView.as_view(), name="instellen"),
    path("herstelcodes/", HerstelcodesView.as_view(), name="herstelcodes"),
]
