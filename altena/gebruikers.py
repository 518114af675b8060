"""User management for the beheerder, restricted, and the privacy officer's view of its audit log.

A beheerder creates and deactivates accounts and gives them only the work roles (WERKROLLEN). They
never see or set a password (a new user gets a set-password e-mail), never make anyone superuser,
staff, Privacy or Beheerder, never hand out single permissions, and cannot change the accounts of
superusers, beheerders, privacy officers, partner users or themselves. Nobody deletes a user
(the database refuses it too: migration 0004). Superusers keep the full user admin, minus delete.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import ListView
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import voorstellen
from .access import Rol, RoleRequiredMixin, has_role
from .accounts import stuur_uitnodiging
from .audit import log_gebruiker
from .models import AccountVoorstel, GebruikerAudit
from .security import sessies_beeindigen
from .verwerkingen import GEEN_PERSOONSGEGEVENS
from .voorstellen import WERKROLLEN

User = get_user_model()
W = GebruikerAudit.Wijziging
S = AccountVoorstel.Soort

# The roles a beheerder may propose (WERKROLLEN). Partner users are invited by the partner app;
# Beheerder and Privacy only by a superuser (one cannot raise one's own kind).
BESCHERMDE_ROLLEN = (Rol.BEHEERDER, Rol.PRIVACY, Rol.PARTNER)


def beheerder_mag_wijzigen(actor, gebruiker) -> bool:
    if actor.is_superuser:
        return True
    if gebruiker.pk == actor.pk or gebruiker.is_superuser or gebruiker.is_staff:
        return False
    return not gebruiker.groups.filter(name__in=BESCHERMDE_ROLLEN).exists()


class GebruikerForm(forms.ModelForm):
    """What a beheerder may set: name, e-mail, active, and work roles. A new work role, and a new
    e-mail address of an account with a work role, become proposals (altena.voorstellen)."""

    rollen = forms.ModelMultipleChoiceField(
        label="rollen",
        queryset=Group.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "Alleen werkrollen. Een nieuwe rol gaat pas in als de teamleider van het gekozen team hem "
            "goedkeurt. Beheerder en Privacy kent alleen een superuser toe."
        ),
    )
    team = forms.ModelChoiceField(
        label="team",
        queryset=Group.objects.none(),
        required=False,
        help_text="Het team waarin de nieuwe rol wordt gegeven; de teamleider van dat team keurt hem goed.",
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rollen"].queryset = Group.objects.filter(name__in=WERKROLLEN).order_by("name")
        self.fields["team"].queryset = voorstellen.team_model().objects.order_by("naam")
        self.fields["email"].required = True
        self.fields[
            "email"
        ].help_text = "Hierheen gaat de link waarmee de medewerker zelf een wachtwoord instelt."
        if self.instance.pk:
            self.fields["rollen"].initial = self.instance.groups.filter(name__in=WERKROLLEN)

    def clean_email(self):
        email = self.cleaned_data["email"]
        if User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError("Er is al een account met dit e-mailadres.")
        return email

    def _huidige_rollen(self):
        if not self.instance.pk:
            return set()
        return set(self.instance.groups.filter(name__in=WERKROLLEN))

    def clean(self):
        cleaned = super().clean()
        nieuw = set(cleaned.get("rollen") or []) - self._huidige_rollen()
        if nieuw and not cleaned.get("team"):
            self.add_error(
                "team",
                "Kies het team waarin de nieuwe rol wordt gegeven: "
                "de teamleider van dat team keurt hem goed.",
            )
        return cleaned

    def save_rollen(self, user, door) -> list[AccountVoorstel]:
        """Roles taken away go at once; roles given become proposals for the team's teamleider."""
        gekozen = set(self.cleaned_data["rollen"])
        huidig = set(user.groups.filter(name__in=WERKROLLEN))
        if huidig - gekozen:
            user.groups.remove(*(huidig - gekozen))
        return [
            voorstellen.stel_voor(
                soort=S.ROL, gebruiker=user, door=door, team=self.cleaned_data["team"], nieuw=rol.name
            )
            for rol in sorted(gekozen - huidig, key=lambda g: g.name)
        ]


class GebruikerAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "rollen", "is_active", "last_login"]
    list_filter = ["is_active", "groups"]
    actions = ["deactiveren", "sessies_beeindigen_actie", "tweestaps_wissen", "uitnodiging_versturen"]

    @admin.display(description="rollen")
    def rollen(self, obj):
        return ", ".join(sorted(g.name for g in obj.groups.all()))

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    # Nobody deletes a user: deactivate instead.
    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or beheerder_mag_wijzigen(request.user, obj)

    def user_change_password(self, request, id, form_url=""):
        """A beheerder never sets a password (the user does, through the e-mailed link)."""
        if self._beperkt(request):
            raise PermissionDenied("Een beheerder stelt geen wachtwoorden in; stuur een uitnodiging.")
        return super().user_change_password(request, id, form_url)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def _beperkt(self, request) -> bool:
        return not request.user.is_superuser

    def get_form(self, request, obj=None, **kwargs):
        if self._beperkt(request):
            if obj is not None and not self.has_change_permission(request, obj):
                # A protected account is shown read-only: every field is in readonly_fields, so the
                # form has none (GebruikerForm would ask for the fields it does not get: a 500).
                kwargs["form"] = forms.ModelForm
                kwargs["fields"] = []
            else:
                kwargs["form"] = GebruikerForm
                kwargs["fields"] = None
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        if self._beperkt(request) and obj is not None and not self.has_change_permission(request, obj):
            return ["username", "first_name", "last_name", "email", "is_active", "rollen"]
        return super().get_readonly_fields(request, obj)

    def get_fieldsets(self, request, obj=None):
        if not self._beperkt(request):
            return super().get_fieldsets(request, obj)
        velden = ["username", "first_name", "last_name", "email", "rollen"]
        if obj is not None:
            velden.insert(4, "is_active")
            if self.has_change_permission(request, obj):
                velden.append("team")
        else:
            velden.append("team")
        return [(None, {"fields": velden})]

    def save_model(self, request, obj, form, change):
        if not self._beperkt(request):
            return super().save_model(request, obj, form, change)
        request._altena_voorstellen = []
        if change and "email" in form.changed_data:
            oud = form.initial.get("email", "")
            if voorstellen.heeft_werkrol(obj) or obj.last_login is not None:
                # Whoever reads the new mailbox could take the account over: the privacy officer decides.
                request._altena_voorstellen.append(
                    voorstellen.stel_voor(
                        soort=S.EMAIL, gebruiker=obj, door=request.user, oud=oud, nieuw=obj.email
                    )
                )
                obj.email = oud
        if not change:
            obj.set_unusable_password()
        obj.save()
        if change and "is_active" in form.changed_data and not obj.is_active:
            sessies_beeindigen(obj)
        if not change:
            if voorstellen.binnen_maildomeinen(obj.email):
                transaction.on_commit(lambda: stuur_uitnodiging(obj))
                log_gebruiker(gebruiker=obj, wijziging=W.UITNODIGING_VERSTUURD, waarde=obj.email)
            else:
                request._altena_voorstellen.append(
                    voorstellen.stel_voor(
                        soort=S.LINK,
                        gebruiker=obj,
                        door=request.user,
                        nieuw=obj.email,
                        reden="eerste uitnodiging buiten de maildomeinen van de gemeente",
                    )
                )

    def save_related(self, request, form, formsets, change):
        if isinstance(form, GebruikerForm):
            request._altena_voorstellen += form.save_rollen(form.instance, request.user)
            for formset in formsets:
                self.save_formset(request, form, formset, change=change)
        else:
            super().save_related(request, form, formsets, change)

    def _meld_voorstellen(self, request):
        for voorstel in getattr(request, "_altena_voorstellen", []):
            wie = (
                f"de teamleider van team {voorstel.team_naam}"
                if voorstel.soort in voorstellen.DOOR_TEAMLEIDER
                else "de privacy officer"
            )
            messages.warning(
                request,
                f"Voorstel '{voorstel.get_soort_display()}: {voorstel.nieuwe_waarde}' wacht op goedkeuring "
                f"door {wie}; het gaat pas daarna in.",
            )

    def response_add(self, request, obj, post_url_continue=None):
        if self._beperkt(request):
            self._meld_voorstellen(request)
            if voorstellen.binnen_maildomeinen(obj.email):
                messages.info(
                    request, f"Er is een e-mail naar {obj.email} gestuurd om een wachtwoord in te stellen."
                )
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if self._beperkt(request):
            self._meld_voorstellen(request)
        return super().response_change(request, obj)

    def _toegestaan(self, request, queryset):
        toegestaan = [u for u in queryset if beheerder_mag_wijzigen(request.user, u)]
        if len(toegestaan) < len(queryset):
            self.message_user(
                request,
                "Accounts van beheerders, privacy officers en uzelf zijn overgeslagen.",
                messages.WARNING,
            )
        return toegestaan

    @admin.action(description="Geselecteerde accounts deactiveren (en uitloggen)", permissions=["change"])
    def deactiveren(self, request, queryset):
        for user in self._toegestaan(request, queryset):
            if user.is_active:
                user.is_active = False
                user.save(update_fields=["is_active"])
            sessies_beeindigen(user)
        self.message_user(request, "De accounts zijn gedeactiveerd en uitgelogd.")

    @admin.action(description="Alle sessies beëindigen (uitloggen)", permissions=["change"])
    def sessies_beeindigen_actie(self, request, queryset):
        totaal = 0
        for user in self._toegestaan(request, queryset):
            aantal = sessies_beeindigen(user)
            totaal += aantal
            log_gebruiker(gebruiker=user, wijziging=W.SESSIES_BEEINDIGD, waarde=str(aantal))
        self.message_user(request, f"{totaal} sessie(s) beëindigd.")

    @admin.action(
        description="Tweestapsverificatie wissen (opnieuw instellen bij volgende login)",
        permissions=["change"],
    )
    def tweestaps_wissen(self, request, queryset):
        if not self._beperkt(request):
            for user in queryset:
                TOTPDevice.objects.filter(user=user).delete()
                StaticDevice.objects.filter(user=user).delete()
                sessies_beeindigen(user)
                log_gebruiker(gebruiker=user, wijziging=W.TWEESTAPS_GEWIST)
            self.message_user(request, "Tweestapsverificatie gewist.")
            return
        for user in self._toegestaan(request, queryset):
            voorstellen.stel_voor(soort=S.TWEESTAPS, gebruiker=user, door=request.user)
        self.message_user(
            request,
            "Het wissen van de tweestapsverificatie is voorgesteld; het gebeurt pas als de privacy officer "
            "het goedkeurt.",
            messages.WARNING,
        )

    @admin.action(description="Uitnodiging (wachtwoordlink) opnieuw versturen", permissions=["change"])
    def uitnodiging_versturen(self, request, queryset):
        verstuurd = voorgesteld = 0
        for user in self._toegestaan(request, queryset):
            if not (user.is_active and user.email):
                continue
            if user.last_login is None or not self._beperkt(request):
                stuur_uitnodiging(user)
                log_gebruiker(gebruiker=user, wijziging=W.UITNODIGING_VERSTUURD, waarde=user.email)
                verstuurd += 1
            else:
                # A link to an account that has been used lets its mailbox take it over: second person.
                voorstellen.stel_voor(soort=S.LINK, gebruiker=user, door=request.user, nieuw=user.email)
                voorgesteld += 1
        self.message_user(request, f"{verstuurd} uitnodiging(en) verstuurd.")
        if voorgesteld:
            self.message_user(
                request,
                f"{voorgesteld} account(s) hebben al eens ingelogd: de link gaat pas weg als de privacy "
                "officer het goedkeurt.",
                messages.WARNING,
            )


class GebruikerAuditView(RoleRequiredMixin, ListView):
    """The privacy officer reads every change of users' roles and state, newest first."""

    # Staff accounts' changes, no inwoners' personal data: not a verwerking of the verwerkingenlog.
    verwerking = GEEN_PERSOONSGEGEVENS
    allowed_roles = (Rol.PRIVACY,)
    paginate_by = 50
    template_name = "altena/gebruikersaudit.html"

    def get_queryset(self):
        qs = GebruikerAudit.objects.all()
        gebruiker = self.request.GET.get("gebruiker", "").strip()[:150]
        if gebruiker:
            qs = qs.filter(gebruiker_naam__icontains=gebruiker)
        return qs


class AccountVoorstellenView(RoleRequiredMixin, ListView):
    """The second person's page: the open account proposals this teamleider or privacy officer may
    approve or reject (never their own, never of their own account). POST decides one."""

    verwerking = GEEN_PERSOONSGEGEVENS  # staff accounts, no inwoners' data
    allowed_roles = (Rol.TEAMLEIDER, Rol.PRIVACY)
    template_name = "altena/accountvoorstellen.html"
    context_object_name = "voorstellen"

    def get_queryset(self):
        return voorstellen.te_beoordelen(self.request.user)[:200]

    def post(self, request):
        try:
            voorstel_id = int(request.POST.get("voorstel", ""))
        except ValueError:
            messages.error(request, "Kies een voorstel.")
            return redirect("accountvoorstellen")
        besluit = request.POST.get("besluit")
        if besluit not in ("goedkeuren", "afwijzen"):
            messages.error(request, "Kies goedkeuren of afwijzen.")
            return redirect("accountvoorstellen")
        if not AccountVoorstel.objects.filter(pk=voorstel_id).exists():
            raise Http404("Dit voorstel bestaat niet.")
        voorstel = voorstellen.beoordeel(voorstel_id, request.user, goedkeuren=besluit == "goedkeuren")
        messages.success(
            request,
            f"Voorstel '{voorstel.get_soort_display()}' voor {voorstel.gebruiker.get_username()} is "
            f"{'goedgekeurd en uitgevoerd' if besluit == 'goedkeuren' else 'afgewezen'}.",
        )
        return redirect("accountvoorstellen")


def register(site) -> None:
    if site.is_registered(User):
        site.unregister(User)
    site.register(User, GebruikerAdmin)


def admin_toegang(request) -> bool:
    """Admin access: active superusers and beheerders. The staff flag grants nothing by itself, so a
    beheerder cannot hand out admin access by setting it."""
    user = request.user
    return user.is_active and (user.is_superuser or has_role(user, Rol.BEHEERDER))
