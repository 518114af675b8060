"""The partner portal at /partner/: a partner's worker sees and answers the referrals addressed to
its organisation, keeps its capacity up to date, and sets up its account from an invitation.

Every view is behind the Partner role and the organisation scope of ``selectors``; every page that
shows an inwoner's data writes the verwerkingenlogging as a read by that worker; a referral of
another partner gives 404 and is logged as refused.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import TemplateView

from altena.access import Rol, RoleRequiredMixin
from altena.models import Verwerking
from altena.verwerkingen import GEEN_PERSOONSGEGEVENS, log_objecten, log_verwerking
from intake.models import Verwijzing

from . import selectors, services
from .accounts import UitnodigingOngeldig, uitnodiging_aanvaarden, uitnodiging_controleren
from .forms import ACTIES, AanbodForm, UitnodigingForm
from .middleware import PORTAAL
from .weergave import gedeeld, verwijzer_contact

S = Verwijzing.Status


def _log(request, verwijzing: Verwijzing, handeling: str) -> None:
    log_verwerking(
        request=request,
        handeling=handeling,
        verwerkingsactiviteit=PORTAAL,
        object_type="verwijzing",
        object_id=verwijzing.pk,
        inwoner_id=verwijzing.casus.inwoner_id,
        casus_nummer=verwijzing.casus.nummer,
    )


class PartnerMixin(RoleRequiredMixin):
    """Behind the Partner role. Pages that show an inwoner's data declare the portal's purpose, so
    ``VerwerkingMiddleware`` logs a refused attempt (403, 404) on them (issue 10's one mechanism)."""

    allowed_roles = (Rol.PARTNER,)
    verwerking = PORTAAL
    verwerking_object = "verwijzing"

    @cached_property
    def medewerker(self):
        return selectors.medewerker_van(self.request.user)


class OverzichtView(PartnerMixin, TemplateView):
    """The referrals addressed to the organisation; open ones first. Showing a name is a read, so
    each row shown is logged (one INSERT for the page)."""

    template_name = "partner/overzicht.html"
    paginate_by = 25

    def get_context_data(self, **kwargs):
        alle = self.request.GET.get("toon") == "alle"
        paginator = Paginator(selectors.overzicht(self.request.user, alleen_open=not alle), self.paginate_by)
        page_obj = paginator.get_page(self.request.GET.get("page"))  # a bad page number: the nearest
        rijen = list(page_obj)
        log_objecten(
            request=self.request,
            handeling=Verwerking.Handeling.LEZEN,
            verwerkingsactiviteit=PORTAAL,
            objecten=[("verwijzing", v.pk, v.casus.inwoner_id, v.casus.nummer) for v in rijen],
        )
        return super().get_context_data(
            medewerker=self.medewerker,
            verwijzingen=[gedeeld(v) for v in rijen],
            page_obj=page_obj,
            alle=alle,
            aanbod=list(selectors.aanbod_van(self.request.user)),
            **kwargs,
        )


class VerwijzingMixin(PartnerMixin):
    @cached_property
    def verwijzing(self) -> Verwijzing:
        verwijzing = selectors.verwijzing_voor(self.request.user, self.kwargs["pk"])
        if verwijzing is None:
            # Logged as refused by VerwerkingMiddleware (the view declares the portal's purpose).
            raise Http404("Deze verwijzing bestaat niet of is niet aan uw organisatie gericht.")
        return verwijzing

    def formulieren(self, **gebonden) -> dict:
        """The answer forms that fit the referral's status now (a bound one keeps its input)."""
        v = self.verwijzing
        mogelijk = {
            S.VERSTUURD: ("accepteren", "afwijzen", "opschaling"),
            S.GEACCEPTEERD: ("eerste-contact", "terugkoppeling", "opschaling"),
        }.get(v.status, ())
        forms = {}
        for actie in mogelijk:
            forms[actie] = gebonden.get(actie) or ACTIES[actie](initial={"versie": v.versie}, prefix=actie)
        return forms

    def render_detail(self, **gebonden):
        v = self.verwijzing
        context = {
            "verwijzing": v,
            "gedeeld": gedeeld(v),
            "verwijzer": verwijzer_contact(v),
            "formulieren": self.formulieren(**gebonden),
            "antwoorden": v.casus.gebeurtenissen.filter(
                gegevens__verwijzing=v.pk, gegevens__bron="partner"
            ).select_related("actor"),
        }
        return render(self.request, "partner/verwijzing.html", context)


class VerwijzingView(VerwijzingMixin, View):
    def get(self, request, pk):
        _log(request, self.verwijzing, Verwerking.Handeling.LEZEN)
        return self.render_detail()


SERVICES = {
    "accepteren": lambda v, d, u: services.verwijzing_accepteren(verwijzing=v, door=u, versie=d["versie"]),
    "afwijzen": lambda v, d, u: services.verwijzing_afwijzen(
        verwijzing=v, door=u, reden=d["reden"], versie=d["versie"]
    ),
    "eerste-contact": lambda v, d, u: services.eerste_contact_vastleggen(
        verwijzing=v, door=u, datum=d["datum"], versie=d["versie"]
    ),
    "terugkoppeling": lambda v, d, u: services.terugkoppeling_geven(
        verwijzing=v, door=u, tekst=d["tekst"], uitkomst=d["uitkomst"], versie=d["versie"]
    ),
    "opschaling": lambda v, d, u: services.opschaling_vragen(
        verwijzing=v, door=u, reden=d["reden"], versie=d["versie"]
    ),
}
GELUKT = {
    "accepteren": "U heeft de verwijzing geaccepteerd. Neem contact op met de inwoner.",
    "afwijzen": "U heeft de verwijzing afgewezen. De gemeente is op de hoogte gebracht.",
    "eerste-contact": "De datum van het eerste contact is vastgelegd.",
    "terugkoppeling": "Uw terugkoppeling is verstuurd naar de gemeente.",
    "opschaling": "Uw verzoek om opschaling is verstuurd naar het team dat verwees.",
}


class ActieView(VerwijzingMixin, View):
    """One answer (accept, decline, first contact, terugkoppeling, opschaling) to one referral."""

    def get(self, request, pk, actie):
        self.verwijzing  # noqa: B018 - 404 (and logged) for a referral of another partner
        return redirect("partner:verwijzing", pk=pk)

    def post(self, request, pk, actie):
        if actie not in ACTIES:
            raise Http404("Onbekende actie.")
        verwijzing = self.verwijzing
        form = ACTIES[actie](request.POST, prefix=actie)
        if actie not in self.formulieren():
            messages.error(
                request,
                f"Dit kan niet (meer): de verwijzing staat op '{verwijzing.get_status_display().lower()}'. "
                "Er is niets opgeslagen.",
            )
            return redirect("partner:verwijzing", pk=pk)
        if not form.is_valid():
            return self.render_detail(**{actie: form})
        try:
            SERVICES[actie](verwijzing, form.cleaned_data, request.user)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for veld, fouten in exc.error_dict.items():
                    form.add_error(veld if veld in form.fields else None, fouten)
            else:
                form.add_error(None, exc)
            return self.render_detail(**{actie: form})
        _log(request, verwijzing, Verwerking.Handeling.WIJZIGEN)
        messages.success(request, GELUKT[actie])
        return redirect("partner:verwijzing", pk=pk)


class CapaciteitView(PartnerMixin, TemplateView):
    """The organisation's offers with their capacity; saving one confirms it as of today. About the
    organisation, not about inwoners: no personal data."""

    template_name = "partner/capaciteit.html"
    verwerking = GEEN_PERSOONSGEGEVENS

    def get_context_data(self, **kwargs):
        gebonden = kwargs.pop("gebonden", {})
        rijen = []
        for aanbod in selectors.aanbod_van(self.request.user):
            form = gebonden.get(aanbod.pk) or AanbodForm(
                initial={"capaciteit": aanbod.capaciteit, "wachttijd_weken": aanbod.wachttijd_weken},
                prefix=f"aanbod-{aanbod.pk}",
            )
            rijen.append((aanbod, form))
        return super().get_context_data(medewerker=self.medewerker, rijen=rijen, **kwargs)

    def post(self, request):
        aanbod_id = str(request.POST.get("aanbod", ""))
        # A non-numeric id is hostile input, not a server error (issue 21: 87 of 2,000 fuzz requests).
        aanbod_id = int(aanbod_id) if aanbod_id.isdigit() and len(aanbod_id) < 19 else 0
        aanbod = selectors.aanbod_van(request.user).filter(pk=aanbod_id).first()
        if aanbod is None:
            raise Http404("Dit aanbod hoort niet bij uw organisatie.")
        form = AanbodForm(request.POST, prefix=f"aanbod-{aanbod.pk}")
        if form.is_valid():
            try:
                services.aanbod_bijwerken(
                    aanbod=aanbod,
                    capaciteit=form.cleaned_data["capaciteit"],
                    wachttijd_weken=form.cleaned_data["wachttijd_weken"],
                    door=request.user,
                )
            except ValidationError as exc:
                for veld, fouten in exc.error_dict.items():
                    form.add_error(veld if veld in form.fields else None, fouten)
            else:
                messages.success(request, f"De capaciteit van “{aanbod.naam}” is bijgewerkt en bevestigd.")
                return redirect("partner:capaciteit")
        return self.render_to_response(self.get_context_data(gebonden={aanbod.pk: form}))


@method_decorator(login_not_required, name="dispatch")
class UitnodigingView(View):
    """Set up an account from an invitation link: valid once, until it expires (said in Dutch)."""

    template_name = "partner/uitnodiging.html"
    verwerking = GEEN_PERSOONSGEGEVENS  # the invited worker's own account, no inwoner's data

    def _ongeldig(self, request, exc: UitnodigingOngeldig):
        return render(
            request,
            self.template_name,
            {"ongeldig": exc.melding, "reden": exc.reden},
            status=410 if exc.reden != "onbekend" else 404,
        )

    def get(self, request, token):
        try:
            uitnodiging = uitnodiging_controleren(token)
        except UitnodigingOngeldig as exc:
            return self._ongeldig(request, exc)
        form = UitnodigingForm(initial={"gebruikersnaam": uitnodiging.email})
        return render(request, self.template_name, {"uitnodiging": uitnodiging, "form": form})

    def post(self, request, token):
        try:
            uitnodiging = uitnodiging_controleren(token)
        except UitnodigingOngeldig as exc:
            return self._ongeldig(request, exc)
        form = UitnodigingForm(request.POST)
        if form.is_valid():
            try:
                uitnodiging_aanvaarden(
                    token=token,
                    gebruikersnaam=form.cleaned_data["gebruikersnaam"],
                    wachtwoord=form.cleaned_data["wachtwoord1"],
                )
            except UitnodigingOngeldig as exc:
                return self._ongeldig(request, exc)
            except ValidationError as exc:
                for veld, fouten in exc.error_dict.items():
                    form.add_error(veld if veld in form.fields else None, fouten)
            else:
                messages.success(
                    request, "Uw account is aangemaakt. Log in met uw gebruikersnaam en wachtwoord."
                )
                return redirect("login")
        return render(request, self.template_name, {"uitnodiging": uitnodiging, "form": form})
