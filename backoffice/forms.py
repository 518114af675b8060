"""Forms of the maatwerk steps. Every form carries the case's ``versie`` (optimistic locking); the
date field, the version form and the ZRM formset are the shared ones (``altena.forms``, intake)."""

from crispy_forms.layout import Column, Fieldset, Row
from django import forms
from django.forms import formset_factory

from altena.forms import DatumField, VersieForm
from altena.namen import naam_van
from intake.models import Wet
from netwerk.models import ZORGAANBIEDER_SOORTEN, Partner

from .models import Besluit, Bezwaar, Eenheid, Frequentie, Leveringsvorm, Product, VerlengdeJeugdhulp
from .services import AFSLUITREDENEN, voorziening_fouten
from .services.besluit import AANBIEDER_SOORT


class ToewijzenForm(VersieForm):
    behandelaar = forms.ModelChoiceField(queryset=None, label="Consulent", empty_label="— kies —")

    def __init__(self, *args, medewerkers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["behandelaar"].queryset = medewerkers
        self.fields["behandelaar"].label_from_instance = naam_van


class OnderzoekStartenForm(VersieForm):
    gestart_op = DatumField(label="Gestart op")


class OnderzoekForm(VersieForm):
    gesprek_datum = DatumField(label="Datum keukentafelgesprek", required=False)
    deelnemers = forms.CharField(
        label="Deelnemers", required=False, help_text="Bijv. inwoner, dochter (mantelzorger), consulent."
    )
    verslag = forms.CharField(label="Verslag", required=False, widget=forms.Textarea(attrs={"rows": 5}))
    eigen_mogelijkheden = forms.CharField(
        label="Eigen mogelijkheden van de inwoner", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    mantelzorg = forms.CharField(
        label="Mantelzorg en sociaal netwerk", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    voorliggende_voorzieningen = forms.CharField(
        label="Voorliggende en algemene voorzieningen",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    afronden = forms.BooleanField(label="Onderzoek afronden (het verslag is compleet)", required=False)

    WMO_VERPLICHT = ("eigen_mogelijkheden", "mantelzorg", "voorliggende_voorzieningen")

    def indeling(self):
        return [
            "versie",
            Fieldset("Het gesprek", Row(Column("gesprek_datum"), Column("deelnemers")), "verslag"),
            Fieldset("Wat de Wmo vraagt te betrekken", *self.WMO_VERPLICHT),
            "afronden",
        ]

    def __init__(self, *args, wet="", **kwargs):
        super().__init__(*args, **kwargs)
        if wet == Wet.WMO:  # the Wmo asks these of every onderzoek (art. 2.3.2 lid 4): say so up front
            for veld in self.WMO_VERPLICHT:
                self.fields[veld].required = True
                self.fields[
                    veld
                ].help_text = "De Wmo vraagt dit in elk onderzoek te betrekken (art. 2.3.2 lid 4)."


class PlanForm(VersieForm):
    ontvangen_op = DatumField(label="Ontvangen op")
    samenvatting = forms.CharField(label="Samenvatting", widget=forms.Textarea(attrs={"rows": 4}))


class AanvraagForm(VersieForm):
    ontvangen_op = DatumField(label="Aanvraag ontvangen op")
    omschrijving = forms.CharField(
        label="Wat vraagt de inwoner aan", widget=forms.Textarea(attrs={"rows": 3})
    )
    voorschot_gevraagd = forms.BooleanField(
        label="Voorschot gevraagd (Participatiewet art. 52)", required=False
    )

    def __init__(self, *args, wet, **kwargs):
        super().__init__(*args, **kwargs)
        if wet != Wet.PARTICIPATIEWET:
            del self.fields["voorschot_gevraagd"]


class VoorschotForm(VersieForm):
    verleend_op = DatumField(label="Voorschot verleend op")


class BesluitForm(VersieForm):
    soort = forms.ChoiceField(label="Besluit", choices=Besluit.Soort.choices, widget=forms.RadioSelect)
    besluitdatum = DatumField(label="Datum besluit")
    verzonden_op = DatumField(
        label="Verzonden op",
        help_text="De bezwaartermijn van zes weken loopt vanaf de dag hierna.",
    )
    grondslag = forms.CharField(label="Wettelijke grondslag", max_length=300)
    motivering = forms.CharField(
        label="Motivering",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Waarom deze uitkomst: de bevindingen uit het onderzoek en de afweging.",
    )

    def indeling(self):
        return [
            "versie",
            "soort",
            Row(Column("besluitdatum"), Column("verzonden_op")),
            "grondslag",
            "motivering",
        ]

    def clean_motivering(self):
        motivering = (self.cleaned_data.get("motivering") or "").strip()
        if not motivering:
            raise forms.ValidationError("Een besluit zonder motivering is niet toegestaan (Awb 3:46).")
        return motivering

    def clean(self):
        data = super().clean()
        b, v = data.get("besluitdatum"), data.get("verzonden_op")
        if b and v and v < b:
            self.add_error("verzonden_op", "Het besluit kan niet vóór de besluitdatum zijn verzonden.")
        return data


class ProductSelect(forms.Select):
    """Each product option carries its iStandaarden category (for static/backoffice/aanbieders.js)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.attrs["data-rol"] = "product"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        optie = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            optie["attrs"]["data-categorie"] = instance.categorie
        return optie


class AanbiederSelect(forms.Select):
    """Each provider option carries the categories it delivers (empty: all)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.attrs["data-rol"] = "aanbieder"

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        optie = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            optie["attrs"]["data-categorieen"] = " ".join(instance.istandaarden_categorieen or [])
        return optie


class VoorzieningForm(forms.Form):
    product = forms.ModelChoiceField(
        queryset=Product.objects.none(), label="Product", required=False, widget=ProductSelect
    )
    leveringsvorm = forms.ChoiceField(label="Leveringsvorm", choices=Leveringsvorm.choices, required=False)
    aanbieder = forms.ModelChoiceField(
        queryset=Partner.objects.none(),
        label="Zorgaanbieder",
        required=False,
        empty_label="— geen (pgb) —",
        widget=AanbiederSelect,
        help_text="Alleen aanbieders die de categorie van het gekozen product leveren.",
    )
    volume = forms.DecimalField(label="Volume", required=False, min_value=0, decimal_places=2, max_digits=9)
    eenheid = forms.ChoiceField(label="Eenheid", choices=[("", "—"), *Eenheid.choices], required=False)
    frequentie = forms.ChoiceField(
        label="Frequentie", choices=[("", "—"), *Frequentie.choices], required=False
    )
    startdatum = DatumField(label="Startdatum", required=False)
    einddatum = DatumField(label="Einddatum", required=False)
    verlengde_jeugdhulp = forms.ChoiceField(
        label="Grond voor verlengde jeugdhulp (18 tot 23 jaar)",
        choices=[("", "— niet van toepassing (jonger dan 18) —"), *VerlengdeJeugdhulp.choices],
        required=False,
        help_text="Jeugdhulp na 18 jaar alleen bij voortzetting, hervatting of een justitieel kader "
        "(Jeugdwet art. 1.1); vanaf 23 jaar nooit.",
    )

    def __init__(self, *args, wet, geboortedatum=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.wet = wet
        self.geboortedatum = geboortedatum
        if wet != Wet.JEUGDWET:
            del self.fields["verlengde_jeugdhulp"]
        self.fields["product"].queryset = Product.objects.actief().voor_wet(wet)
        soort = AANBIEDER_SOORT.get(wet)
        aanbieders = Partner.objects.filter(actief=True, soort__in=ZORGAANBIEDER_SOORTEN).exclude(agb_code="")
        self.fields["aanbieder"].queryset = aanbieders.filter(soort=soort) if soort else aanbieders.none()
        self.fields["aanbieder"].label_from_instance = lambda p: f"{p.naam} (AGB {p.agb_code})"
        if soort is None:
            del self.fields["aanbieder"]
            del self.fields["leveringsvorm"]

    def is_leeg(self) -> bool:
        return not self.has_changed() or not any(
            self.cleaned_data.get(f) for f in ("product", "aanbieder", "volume", "startdatum", "einddatum")
        )

    def clean(self):
        data = super().clean()
        if not self.has_changed() or not any(
            data.get(f) for f in ("product", "aanbieder", "volume", "startdatum", "einddatum")
        ):
            return data
        if "leveringsvorm" not in self.fields:
            data["leveringsvorm"] = Leveringsvorm.NATURA
        if data.get("product") and not data.get("eenheid"):
            data["eenheid"] = data["product"].eenheid
        for veld, melding in voorziening_fouten(self.wet, data, geboortedatum=self.geboortedatum).items():
            if veld in self.fields and veld not in self.errors:
                self.add_error(veld, melding)
        return data


class BaseVoorzieningFormSet(forms.BaseFormSet):
    def voorzieningen(self) -> list[dict]:
        return [f.cleaned_data for f in self.forms if f.cleaned_data and not f.is_leeg()]


VoorzieningFormSet = formset_factory(VoorzieningForm, formset=BaseVoorzieningFormSet, extra=2)


class VoorzieningBeeindigenForm(VersieForm):
    beeindigd_op = DatumField(label="Beëindigd per")
    reden = forms.CharField(label="Reden", max_length=300)


class OpschortenForm(VersieForm):
    van = DatumField(label="Termijn staat stil vanaf")
    reden = forms.CharField(
        label="Reden", max_length=300, help_text="Bijv. de inwoner vult de aanvraag aan (Awb 4:15)."
    )


class HervattenForm(VersieForm):
    tot = DatumField(label="Termijn loopt weer vanaf")


class VerdagenForm(VersieForm):
    nieuwe_datum = DatumField(label="Nieuwe uiterste datum")
    medegedeeld_op = DatumField(label="Meegedeeld aan de inwoner op")

    def indeling(self):
        return [
            "versie",
            Row(Column("nieuwe_datum"), Column("medegedeeld_op")),
            "mededeling",
            "met_instemming",
        ]

    mededeling = forms.CharField(
        label="Mededeling aan de inwoner",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="De reden en de nieuwe termijn, zoals schriftelijk meegedeeld.",
    )
    met_instemming = forms.BooleanField(
        label="Met instemming van de belanghebbende",
        required=False,
        help_text="Alleen nodig om een beslissing op bezwaar een tweede keer te verdagen.",
    )


class BezwaarForm(VersieForm):
    ontvangen_op = DatumField(label="Bezwaarschrift ontvangen op")
    adviescommissie = forms.BooleanField(
        label="Advies van een bezwaarcommissie (beslistermijn 12 in plaats van 6 weken)", required=False
    )
    gronden = forms.CharField(
        label="Gronden van het bezwaar", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class BezwaarBeslissenForm(VersieForm):
    uitkomst = forms.ChoiceField(label="Uitkomst", choices=Bezwaar.Uitkomst.choices, widget=forms.RadioSelect)
    beslist_op = DatumField(label="Beslist op")
    toelichting = forms.CharField(
        label="Motivering van de beslissing", widget=forms.Textarea(attrs={"rows": 3})
    )


class AfschalenForm(VersieForm):
    partner = forms.ModelChoiceField(
        queryset=Partner.objects.filter(actief=True).exclude(soort__in=ZORGAANBIEDER_SOORTEN),
        label="Partner in het voorliggend veld",
    )
    toelichting = forms.CharField(label="Wat neemt de partner over", widget=forms.Textarea(attrs={"rows": 3}))
    per = DatumField(
        label="Lopende voorzieningen beëindigen per",
        required=False,
        help_text="Leeg: vandaag.",
    )
    toestemming_scope = forms.CharField(
        label="Toestemming van de inwoner om gegevens te delen (reikwijdte)",
        required=False,
        max_length=255,
        help_text="Alleen nodig als er nog geen toestemming is vastgelegd; bijv. 'Delen met Welzijn Altena "
        "voor begeleiding na afschaling'.",
    )


class AfsluitenForm(VersieForm):
    reden = forms.ChoiceField(label="Reden", choices=[("", "— kies —"), *AFSLUITREDENEN])
    toelichting = forms.CharField(
        label="Toelichting", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
