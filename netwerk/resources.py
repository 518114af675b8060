"""CSV/XLSX import and export of partners (django-import-export).

Columns carry readable values: soort and leefgebieden by label (codes work too), kernen by name within
the row's gemeente, ja/nee for yes/no. Every row is validated like the admin form (Partner.full_clean,
including the duplicate-name check); a bad row is reported with a Dutch message and, because the
admin refuses to confirm an import with invalid rows, nothing is half-saved.
"""

import re

from import_export import fields, widgets

from altena.exports import NeutraleResource

from .istandaarden import IStandaardCategorie
from .leefgebieden import Leefgebied
from .models import Kern, Partner, PartnerSoort
from .search import normaliseer
from .validators import normaliseer_nummer

_SPLIT = re.compile(r"[,;\n]")


def _delen(value) -> list[str]:
    return [d.strip() for d in _SPLIT.split(str(value or "")) if d.strip()]


class JaNeeWidget(widgets.Widget):
    JA = {"ja", "j", "1", "true", "waar", "x", "yes", "y"}
    NEE = {"nee", "n", "0", "false", "onwaar", "no"}

    def __init__(self, leeg: bool):
        self.leeg = leeg
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            return bool(value)
        tekst = normaliseer(str(value or ""))
        if not tekst:
            return self.leeg
        if tekst in self.JA:
            return True
        if tekst in self.NEE:
            return False
        raise ValueError(f"Vul ja of nee in, niet “{value}”.")

    def render(self, value, obj=None, **kwargs):
        return "ja" if value else "nee"


class KeuzeWidget(widgets.Widget):
    """One choice, by label or by code; exported as the label."""

    def __init__(self, choices, onbekend: str):
        self.choices = list(choices)
        self.onbekend = onbekend  # "Onbekende soort", "Onbekend leefgebied": Dutch articles differ
        super().__init__()

    def opzoeken(self, value) -> str:
        gezocht = normaliseer(str(value))
        for code, label in self.choices:
            if gezocht in (normaliseer(code), normaliseer(label)):
                return code
        keuzes = ", ".join(label for _, label in self.choices)
        raise ValueError(f"{self.onbekend} “{value}”. Kies uit: {keuzes}.")

    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            return ""
        return self.opzoeken(value)

    def render(self, value, obj=None, **kwargs):
        return dict(self.choices).get(value, value or "")


class KeuzelijstWidget(KeuzeWidget):
    """Several choices separated by commas; ``codes=True`` exports codes (iStandaarden: "01, 02")."""

    def __init__(self, choices, onbekend: str, codes: bool = False):
        self.codes = codes
        super().__init__(choices, onbekend)

    def opzoeken(self, value) -> str:
        tekst = str(value).strip()
        if self.codes and tekst.isdigit():  # "1" from a spreadsheet cell means "01"
            tekst = tekst.zfill(2)
        return super().opzoeken(tekst)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, int | float):
            value = str(int(value))
        return [self.opzoeken(deel) for deel in _delen(value)]

    def render(self, value, obj=None, **kwargs):
        labels = dict(self.choices)
        return ", ".join(v if self.codes else labels.get(v, v) for v in value or [])


class NummerWidget(widgets.CharWidget):
    """AGB code or KvK number: a number cell from a spreadsheet keeps its leading zeros."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return normaliseer_nummer(value)


class KernenWidget(widgets.Widget):
    """Kernen by name (comma-separated), looked up within the row's gemeente, accents ignored."""

    def clean(self, value, row=None, **kwargs):
        namen = _delen(value)
        if not namen:
            return []
        gemeente = str((row or {}).get("gemeente") or "").strip()
        if not gemeente:
            raise ValueError("Vul de gemeente in: kernen worden binnen de gemeente gezocht.")
        bekend = {normaliseer(k.naam): k for k in Kern.objects.filter(gemeente__iexact=gemeente)}
        onbekend = [naam for naam in namen if normaliseer(naam) not in bekend]
        if onbekend:
            lijst = ", ".join(f"“{naam}”" for naam in onbekend)
            woord = "Onbekende kern" if len(onbekend) == 1 else "Onbekende kernen"
            raise ValueError(f"{woord} {lijst} in gemeente {gemeente}.")
        return [bekend[normaliseer(naam)] for naam in namen]

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        kernen = value.all() if hasattr(value, "all") else value
        return ", ".join(k.naam for k in kernen)


class KernenField(fields.Field):
    """Kernen are set after the partner is saved; until then they wait on the instance for clean()."""

    def save(self, instance, row, is_m2m=False, **kwargs):
        instance.kernen_voor_controle = self.clean(row, **kwargs)


class PartnerResource(NeutraleResource):
    id = fields.Field(attribute="id", column_name="id", widget=widgets.IntegerWidget())
    soort = fields.Field(
        attribute="soort", column_name="soort", widget=KeuzeWidget(PartnerSoort.choices, "Onbekende soort")
    )
    leefgebieden = fields.Field(
        attribute="leefgebieden",
        column_name="leefgebieden",
        widget=KeuzelijstWidget(Leefgebied.choices, "Onbekend leefgebied"),
    )
    kernen = KernenField(attribute="kernen", column_name="kernen", widget=KernenWidget())
    alle_kernen = fields.Field(attribute="alle_kernen", column_name="alle_kernen", widget=JaNeeWidget(False))
    agb_code = fields.Field(attribute="agb_code", column_name="agb_code", widget=NummerWidget())
    kvk_nummer = fields.Field(attribute="kvk_nummer", column_name="kvk_nummer", widget=NummerWidget())
    istandaarden_categorieen = fields.Field(
        attribute="istandaarden_categorieen",
        column_name="istandaarden_categorieen",
        widget=KeuzelijstWidget(IStandaardCategorie.choices, "Onbekende iStandaarden-categorie", codes=True),
    )
    actief = fields.Field(attribute="actief", column_name="actief", widget=JaNeeWidget(True))

    class Meta:
        model = Partner
        fields = (
            "id",
            "naam",
            "soort",
            "gemeente",
            "omschrijving",
            "leefgebieden",
            "kernen",
            "alle_kernen",
            "adres",
            "telefoon",
            "email",
            "website",
            "bereikbaarheid",
            "agb_code",
            "kvk_nummer",
            "istandaarden_categorieen",
            "actief",
        )
        import_id_fields = ["id"]
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = False

    def get_queryset(self):
        return super().get_queryset().prefetch_related("kernen")

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        # An id that matches no partner (e.g. from another environment) makes a new partner.
        if field.attribute == "id" and instance.pk is None:
            return
        super().import_field(field, instance, row, is_m2m, **kwargs)

    def after_save_instance(self, instance, row, **kwargs):
        kernen = getattr(instance, "kernen_voor_controle", None)
        if kernen is not None and instance.pk:
            instance.kernen.set(kernen)
