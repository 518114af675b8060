"""Login, logout, "wachtwoord vergeten" and the set-password e-mail of a new account.

The reset flow never tells whether an account exists: the same page follows every request. A new
user never gets a password from a beheerder; they receive a link to set one themselves.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import include, path, reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views import View
from django.views.decorators.debug import sensitive_post_parameters

from . import blokkade
from .access import Rol, has_role
from .verwerkingen import GEEN_PERSOONSGEGEVENS


class InlogForm(AuthenticationForm):
    """The login form; an overlong username is an ordinary failed login, not a server error."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Gebruikersnaam of wachtwoord is onjuist. Probeer het opnieuw.",
        "inactive": "Dit account is niet actief. Neem contact op met de servicedesk.",
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        # PARTNER_LOKAAL_INLOGGEN=false: partners' workers log in with eHerkenning only.
        if not settings.PARTNER_LOKAAL_INLOGGEN and has_role(user, Rol.PARTNER):
            raise ValidationError(
                "Medewerkers van partnerorganisaties loggen in met eHerkenning.", code="eherkenning"
            )

    def clean(self):
        username = self.data.get("username", "")
        if len(username) > 150 or len(self.data.get("password", "")) > 4096:
            raise self.get_invalid_login_error()
        return super().clean()


def geblokkeerd_antwoord(request, username: str):
    """The 429 page of a locked username (altena.blokkade): how long, and that a link was mailed."""
    minuten = blokkade.resterende_minuten(username)
    return render(
        request,
        "registration/geblokkeerd.html",
        {"minuten": minuten, "minuten_tekst": f"{minuten} minuut" if minuten == 1 else f"{minuten} minuten"},
        status=429,
    )


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class InlogView(auth_views.LoginView):
    verwerking = GEEN_PERSOONSGEGEVENS
    authentication_form = InlogForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        username = str(request.POST.get("username", ""))[:150]
        if blokkade.geblokkeerd_tot(username):
            return geblokkeerd_antwoord(request, username)
        response = super().post(request, *args, **kwargs)
        if not request.user.is_authenticated and blokkade.geblokkeerd_tot(username):
            return geblokkeerd_antwoord(request, username)
        return response


@method_decorator(login_not_required, name="dispatch")
class OntgrendelenView(View):
    """The single-use link (1 hour) mailed to the account's own address when it was locked."""

    verwerking = GEEN_PERSOONSGEGEVENS

    def get(self, request, token):
        return render(request, "registration/ontgrendelen.html", {"ongeldig": len(token) > 500})

    def post(self, request, token):
        if len(token) > 500 or blokkade.ontgrendel(token) is None:
            return render(request, "registration/ontgrendelen.html", {"ongeldig": True}, status=400)
        messages.success(request, "De blokkade is opgeheven. U kunt weer inloggen.")
        return redirect("login")


class WachtwoordVergetenForm(PasswordResetForm):
    email = forms.EmailField(label="E-mailadres", max_length=254)

    def get_users(self, email):
        """Active accounts with this address, also those that never set a password (an expired
        invitation): the link lets them set one."""
        User = get_user_model()
        return (
            u
            for u in User._default_manager.filter(email__iexact=email, is_active=True)
            if u.email.lower() == email.lower()
        )


# The password pages (reset and the new user's set-password link) show no inwoners' data.
class WachtwoordVergetenView(auth_views.PasswordResetView):
    verwerking = GEEN_PERSOONSGEGEVENS


class WachtwoordVerzondenView(auth_views.PasswordResetDoneView):
    verwerking = GEEN_PERSOONSGEGEVENS


class WachtwoordInstellenView(auth_views.PasswordResetConfirmView):
    verwerking = GEEN_PERSOONSGEGEVENS

    def form_valid(self, form):
        from .audit import log_gebruiker
        from .models import GebruikerAudit

        response = super().form_valid(form)
        # Who holds the mailbox now holds the account: the user audit log says when that happened.
        log_gebruiker(
            gebruiker=self.user,
            wijziging=GebruikerAudit.Wijziging.WACHTWOORD_INGESTELD,
            waarde=self.user.email,
            actor=self.user,
        )
        return response


class WachtwoordIngesteldView(auth_views.PasswordResetCompleteView):
    verwerking = GEEN_PERSOONSGEGEVENS


def stuur_uitnodiging(user) -> None:
    """E-mail a new user a link to set their own password (valid PASSWORD_RESET_TIMEOUT seconds)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = settings.SITE_URL.rstrip("/") + reverse(
        "password_reset_confirm", kwargs={"uidb64": uid, "token": token}
    )
    context = {"user": user, "link": link, "uren": settings.PASSWORD_RESET_TIMEOUT // 3600}
    send_mail(
        "Uw account voor Altena Toegang",
        render_to_string("registration/uitnodiging_email.txt", context),
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )


_password_patterns = [
    path(
        "",
        WachtwoordVergetenView.as_view(
            form_class=WachtwoordVergetenForm,
            template_name="registration/wachtwoord_vergeten.html",
            email_template_name="registration/wachtwoord_email.txt",
            subject_template_name="registration/wachtwoord_onderwerp.txt",
            success_url=reverse_lazy("password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "verzonden/",
        WachtwoordVerzondenView.as_view(template_name="registration/wachtwoord_verzonden.html"),
        name="password_reset_done",
    ),
    path(
        "nieuw/<uidb64>/<token>/",
        WachtwoordInstellenView.as_view(
            template_name="registration/wachtwoord_instellen.html",
            success_url=reverse_lazy("password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "ingesteld/",
        WachtwoordIngesteldView.as_view(template_name="registration/wachtwoord_ingesteld.html"),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("login/", InlogView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("ontgrendelen/<str:token>/", OntgrendelenView.as_view(), name="ontgrendelen"),
    path("wachtwoord-vergeten/", include(_password_patterns)),
    path("tweestaps/", include("altena.tweestaps")),
]


class MinimumLengteValidator(MinimumLengthValidator):
    """Django's length rule with its message in Dutch (the nl catalogue lacks the plural form)."""

    def get_error_message(self):
        return f"Dit wachtwoord is te kort. Het moet minstens {self.min_length} tekens bevatten."
