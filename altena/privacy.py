"""The privacy officer's verwerkingenlog: search by BSN (only by POST, never in a URL), by user, case
and date range, refused attempts only, and a CSV export. Every search and export is logged itself.

The BSN is turned into inwoner ids by the app that owns inwoners (registered with
``registreer_bsn_zoeker``): the log never holds a BSN, and altena imports no domain app.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.core.paginator import Paginator
from django.utils import timezone
from django.views.generic import TemplateView

from .access import Rol, RoleRequiredMixin
from .exports import csv_response
from .forms import DatumField
from .models import Verwerking
from .verwerkingen import GEWEIGERD, H, log_objecten, log_verwerking

DOEL = "Privacy: toezicht op de verwerkingenlogging"
MAX_RESULTATEN = 200
MAX_EXPORT = 50_000

_bsn_zoekers: list[Callable[[str], list[int]]] = []


def registreer_bsn_zoeker(func: Callable[[str], list[int]]) -> None:
    """The app that holds inwoners registers how a BSN becomes inwoner ids (all gemeenten)."""
    if func not in _bsn_zoekers:
        _bsn_zoekers.append(func)


def inwoner_ids_voor_bsn(bsn: str) -> list[int]:
    return sorted({pk for zoeker in _bsn_zoekers for pk in zoeker(bsn)})


class LogZoekForm(forms.Form):
    bsn = forms.CharField(
        label="BSN", required=False, max_length=11, help_text="Wordt nooit in de URL gezet."
    )
    actor = forms.CharField(label="Medewerker", required=False, max_length=150)
    casus = forms.CharField(label="Casusnummer", required=False, max_length=20)
    van = DatumField(label="Van", required=False)
    tot = DatumField(label="Tot en met", required=False)
    alleen_geweigerd = forms.BooleanField(label="Alleen geweigerde pogingen", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Row(Column("bsn"), Column("actor"), Column("casus")),
            Row(Column("van"), Column("tot"), Column("alleen_geweigerd", css_class="pt-4")),
        )

    def clean_bsn(self):
        bsn = "".join((self.cleaned_data.get("bsn") or "").split())
        if not bsn:
            return ""
        if not bsn.isdigit() or len(bsn) not in (8, 9):
            raise forms.ValidationError("Een BSN bestaat uit 9 cijfers (of 8 met een voorloopnul).")
        return bsn.zfill(9)

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", "De einddatum ligt vóór de begindatum.")
        return data

    def gevuld(self) -> bool:
        return any(self.cleaned_data.get(k) for k in self.fields)


def zoek(data: dict, inwoner_ids: list[int] | None):
    qs = Verwerking.objects.select_related(None)
    if inwoner_ids is not None:
        qs = qs.filter(inwoner_id__in=inwoner_ids)
    if data.get("actor"):
        qs = qs.filter(actor_naam__icontains=data["actor"])
    if data.get("casus"):
        qs = qs.filter(casus_nummer=data["casus"].strip())
    zone = timezone.get_current_timezone()
    if data.get("van"):
        qs = qs.filter(tijdstip__gte=datetime.combine(data["van"], time.min, tzinfo=zone))
    if data.get("tot"):
        qs = qs.filter(tijdstip__lte=datetime.combine(data["tot"], time.max, tzinfo=zone))
    if data.get("alleen_geweigerd"):
        qs = qs.filter(resultaat=GEWEIGERD)
    return qs.order_by("-tijdstip", "-id")


class VerwerkingenLogView(RoleRequiredMixin, TemplateView):
    """GET: the newest rows, filtered by user, case and dates (no BSN). POST: the full search, with
    the BSN, or its CSV export. Both leave a row of their own in the log."""

    allowed_roles = (Rol.PRIVACY,)
    verwerking = DOEL
    template_name = "altena/verwerkingen.html"
    paginate_by = 50

    def get(self, request, *args, **kwargs):
        params = request.GET.copy()
        params.pop("bsn", None)  # a BSN in a URL is never used (nor kept in the page's links)
        params.pop("page", None)
        form = LogZoekForm(params or None)
        if form.is_bound and not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, page_obj=None))
        data = form.cleaned_data if form.is_bound else {}
        qs = zoek(data, None)
        page_obj = Paginator(qs, self.paginate_by).get_page(request.GET.get("page"))
        page_obj.object_list = list(page_obj.object_list)  # read before this search is logged
        if form.is_bound and form.gevuld():
            self.log_zoekopdracht(data, None)
        return self.render_to_response(
            self.get_context_data(form=form, page_obj=page_obj, querystring=params.urlencode())
        )

    def post(self, request, *args, **kwargs):
        form = LogZoekForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, page_obj=None))
        data = form.cleaned_data
        inwoner_ids = inwoner_ids_voor_bsn(data["bsn"]) if data.get("bsn") else None
        qs = zoek(data, inwoner_ids)
        if "exporteren" in request.POST:
            self.log_zoekopdracht(data, inwoner_ids, handeling=H.EXPORTEREN)
            rijen = (
                (
                    timezone.localtime(v.tijdstip).strftime("%Y-%m-%d %H:%M:%S"),
                    v.actor_naam,
                    v.get_handeling_display(),
                    v.verwerkingsactiviteit,
                    v.object_type,
                    v.object_id,
                    v.inwoner_id or "",
                    v.casus_nummer,
                    v.resultaat,
                    v.oorsprong,
                )
                for v in qs[:MAX_EXPORT].iterator()
            )
            koppen = ["tijdstip", "medewerker", "handeling", "doel", "objecttype", "object", "inwoner-id"]
            koppen += ["casus", "resultaat", "oorsprong"]
            return csv_response("verwerkingenlog.csv", koppen, rijen)
        resultaten = list(qs[: MAX_RESULTATEN + 1])
        self.log_zoekopdracht(data, inwoner_ids)  # after the query: the results are what was looked at
        return self.render_to_response(
            self.get_context_data(
                form=form,
                page_obj=None,
                resultaten=resultaten[:MAX_RESULTATEN],
                meer=len(resultaten) > MAX_RESULTATEN,
                gezocht=True,
            )
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        page_obj = ctx.get("page_obj")
        ctx["rijen"] = ctx.get("resultaten") or (page_obj.object_list if page_obj else [])
        return ctx

    def log_zoekopdracht(self, data: dict, inwoner_ids: list[int] | None, handeling: str = H.ZOEKEN) -> None:
        """The officer's own search is a processing too: on the persons looked up by BSN (one row
        each), or one row for the search with the case named."""
        if inwoner_ids:
            log_objecten(
                request=self.request,
                handeling=handeling,
                verwerkingsactiviteit=DOEL,
                objecten=[("inwoner", pk, pk, data.get("casus", "")) for pk in inwoner_ids],
            )
            return
        log_verwerking(
            request=self.request,
            handeling=handeling,
            verwerkingsactiviteit=DOEL,
            object_type="verwerkingenlog",
            object_id="zoekopdracht",
            casus_nummer=data.get("casus", ""),
            resultaat="niet gevonden" if inwoner_ids == [] else "geslaagd",
        )
