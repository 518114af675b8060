"""The teamleider's dashboard and the raad report with its exports. Thin views: the figures come from
``dashboard`` and ``raad``; the gemeente is one of the user's (404 otherwise)."""

from __future__ import annotations

from types import SimpleNamespace

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import TemplateView, View

from altena.access import Rol, RoleRequiredMixin
from altena.models import Verwerking
from altena.verwerkingen import GEEN_PERSOONSGEGEVENS
from intake.scope import gemeenten_van
from intake.verwerking import log_personen
from netwerk.models import Gemeente

from . import cbs, exports
from .dashboard import dashboard
from .periode import PeriodeForm, laatste_volle_halfjaar, laatste_volle_kwartaal
from .raad import rapport

RAAD_ROLLEN = (Rol.TEAMLEIDER, Rol.BELEID)
CBS_DOEL = "Beleidsinformatie Jeugd: levering aan het CBS (Jeugdwet art. 7.4.4)"


class DashboardView(RoleRequiredMixin, TemplateView):
    """Team-lead start page: the team's figures, each a link to the queue behind it."""

    allowed_roles = (Rol.TEAMLEIDER,)
    verwerking = GEEN_PERSOONSGEGEVENS  # counts only (each a link to the queue, which logs)
    template_name = "rapportage/dashboard.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **dashboard(self.request.user))


class RaadMixin(RoleRequiredMixin):
    """The gemeente (one of the user's, else 404) and the period (a Dutch error at the field)."""

    allowed_roles = RAAD_ROLLEN
    verwerking = GEEN_PERSOONSGEGEVENS  # aggregated figures, small numbers suppressed
    standaard_periode = staticmethod(laatste_volle_kwartaal)

    def setup_rapport(self):
        self.setup_rapport_zonder_cijfers()
        self.rapport = rapport(self.periode, self.gemeente) if self.periode and self.gemeente else None

    def setup_rapport_zonder_cijfers(self):
        request = self.request
        gemeenten = gemeenten_van(request.user)
        gevraagd = request.GET.get("gemeente")
        if gevraagd and gevraagd not in gemeenten:
            raise Http404("Deze gemeente bestaat niet of valt buiten uw werkgebied.")
        self.gemeenten = gemeenten
        self.gemeente = gevraagd or (gemeenten[0] if gemeenten else None)
        periode_velden = {"soort", "jaar", "nummer", "van", "tot"}
        if periode_velden & set(request.GET):
            self.form = PeriodeForm(request.GET)
            self.periode = self.form.cleaned_data["periode"] if self.form.is_valid() else None
        else:
            self.periode = self.standaard_periode()
            self.form = PeriodeForm(initial=self.periode.as_params())

    def params(self) -> str:
        return urlencode({"gemeente": self.gemeente, **self.periode.as_params()})


class RaadView(RaadMixin, TemplateView):
    template_name = "rapportage/raad.html"

    def get_context_data(self, **kwargs):
        self.setup_rapport()
        ctx = super().get_context_data(**kwargs)
        ctx.update(form=self.form, gemeenten=self.gemeenten, gemeente=self.gemeente, rapport=self.rapport)
        if self.rapport:
            ctx["params"] = self.params()
            ctx["uitleg"] = exports.onderdrukking_uitleg()
        return ctx

    def render_to_response(self, context, **kwargs):
        status = 400 if context["form"].is_bound and not context["form"].is_valid() else 200
        return super().render_to_response(context, status=status, **kwargs)


class RaadExportMixin(RaadMixin, View):
    def get(self, request, *args, **kwargs):
        self.setup_rapport()
        if self.rapport is None:
            return HttpResponseRedirect(reverse("rapportage:raad") + "?" + request.GET.urlencode())
        return self.export(**kwargs)

    def bestandsnaam(self, extensie: str) -> str:
        p = self.periode
        return f"raadsrapportage-{self.gemeente}-{p.van:%Y%m%d}-{p.tot:%Y%m%d}.{extensie}".replace(" ", "-")

    def download(self, inhoud, content_type: str, naam: str) -> HttpResponse:
        response = HttpResponse(inhoud, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{naam}"'
        return response


class RaadCsvView(RaadExportMixin):
    def export(self, sleutel):
        tabel = self.rapport["tabellen"].get(sleutel)
        if tabel is None:
            raise Http404("Deze tabel bestaat niet.")
        return self.download(
            "\ufeff" + exports.csv_van(tabel, self.rapport),
            "text/csv; charset=utf-8",
            self.bestandsnaam(f"{sleutel}.csv"),
        )


class RaadXlsxView(RaadExportMixin):
    def export(self):
        return self.download(
            exports.xlsx_van(self.rapport),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            self.bestandsnaam("xlsx"),
        )


class RaadPdfView(RaadExportMixin):
    def export(self):
        return self.download(
            exports.pdf_van(self.rapport, self.request), "application/pdf", self.bestandsnaam("pdf")
        )


class CbsMixin(RaadMixin):
    """The CBS export goes per half year (protocol 7.3); default the last full half year."""

    verwerking = CBS_DOEL  # record-level data of jeugdhulp clients

    standaard_periode = staticmethod(laatste_volle_halfjaar)

    def setup_cbs(self):
        self.setup_rapport_zonder_cijfers()
        if self.periode is not None and self.periode.soort != "halfjaar":
            self.form.add_error("soort", "De levering aan het CBS gaat per halfjaar: kies Halfjaar.")
            self.periode = None
        self.cbs_code = ""
        if self.periode and self.gemeente:
            self.cbs_code = (
                Gemeente.objects.filter(naam=self.gemeente).values_list("cbs_code", flat=True).first() or ""
            )


class CbsView(CbsMixin, TemplateView):
    """The check of the half year's delivery: the stored check of the day (checking reads every
    trajectory), or a new one on POST ("Opnieuw controleren")."""

    template_name = "rapportage/cbs.html"
    opnieuw = False

    def post(self, request, *args, **kwargs):
        self.opnieuw = True
        return self.get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        self.setup_cbs()
        ctx = super().get_context_data(**kwargs)
        ctx.update(form=self.form, gemeente=self.gemeente, gemeenten=self.gemeenten, periode=self.periode)
        if self.periode and self.gemeente:
            controle = cbs.controle(self.periode, self.gemeente, self.cbs_code, opnieuw=self.opnieuw)
            ctx.update(controle=controle, params=self.params())
        return ctx

    def render_to_response(self, context, **kwargs):
        status = 400 if context["form"].errors else 200
        return super().render_to_response(context, status=status, **kwargs)


class CbsCsvView(CbsMixin, View):
    def get(self, request, *args, **kwargs):
        self.setup_cbs()
        if not (self.periode and self.gemeente):
            return HttpResponseRedirect(reverse("rapportage:cbs") + "?" + request.GET.urlencode())
        # The file is always made afresh (the page may show a check from earlier today).
        rijen, _uitval, inwoner_ids = cbs.records(self.periode, self.gemeente, self.cbs_code)
        log_personen(
            request=request,
            handeling=Verwerking.Handeling.EXPORTEREN,
            verwerkingsactiviteit=CBS_DOEL,
            inwoners=[SimpleNamespace(pk=pk) for pk in inwoner_ids],
        )
        p = self.periode
        naam = f"cbs-beleidsinformatie-jeugd-{self.gemeente}-{p.van:%Y%m%d}-{p.tot:%Y%m%d}.csv"
        response = HttpResponse(cbs.csv_van(rijen), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{naam.replace(" ", "-")}"'
        return response
