"""Login, logout, "wachtwoord vergeten" and the set-password e-mail of a new account.

The reset flow never tells whether an account exists: the same page follows every request. A new
user never gets a password from a beheerder; they receive a link to set one themselves.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import include, path, reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views.decorators.debug import sensitive_post_parameters

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


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class InlogView(auth_views.LoginView):
    verwerking = GEEN_PERSOONSGEGEVENS
    authentication_form = InlogForm
    redirect_authenticated_user = True


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
    path("wachtwoord-vergeten/", include(_password_patterns)),
    path("tweestaps/", include("altena.tweestaps")),
]


class MinimumLengteValidator(MinimumLengthValidator):
    """Django's length rule with its message in Dutch (the nl catalogue lacks the plural form)."""

    def get_error_message(self):
        return f"Dit wachtwoord is te kort. Het moet minstens {self.min_length} tekens bevatten."
