"""Forms of the maatwerk steps. Every form carries the case's ``versie`` (optimistic locking)."""

from django import forms
from django.forms import formset_factory

from intake.models import Wet, ZrmScore
from netwerk.leefgebieden import Leefgebied
from netwerk.models import ZORGAANBIEDER_SOORTEN, Partner

from .models import Besluit, Bezwaar, Eenheid, Frequentie, Leveringsvorm, Product
from .services import AFSLUITREDENEN, voorziening_fouten
from .services.besluit import AANBIEDER_SOORT


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class VersieForm(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)


class ToewijzenForm(VersieForm):
    behandelaar = forms.ModelChoiceField(queryset=None, label="Consulent", empty_label="— kies —")

    def __init__(self, *args, medewerkers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["behandelaar"].queryset = medewerkers


class OnderzoekStartenForm(VersieForm):
    gestart_op = forms.DateField(label="Gestart op", widget=DatumInput)


class OnderzoekForm(VersieForm):
    gesprek_datum = forms.DateField(label="Datum keukentafelgesprek", required=False, widget=DatumInput)
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


class ZrmScoreForm(forms.Form):
    domein = forms.ChoiceField(
        label="Domein", choices=[("", "— geen —"), *Leefgebied.choices], required=False
    )
    score = forms.TypedChoiceField(
        label="Score",
        choices=[("", "—"), *ZrmScore.Score.choices],
        coerce=int,
        required=False,
        empty_value=None,
    )
    reden = forms.CharField(label="Waarom relevant", required=False)

    def clean(self):
        data = super().clean()
        if data.get("domein"):
            if data.get("score") is None:
                self.add_error("score", "Kies een score van 1 tot 5.")
            if not (data.get("reden") or "").strip():
                self.add_error("reden", "Geef de reden waarom dit domein relevant is.")
        return data


ZrmFormSet = formset_factory(ZrmScoreForm, extra=3)


class PlanForm(VersieForm):
    ontvangen_op = forms.DateField(label="Ontvangen op", widget=DatumInput)
    samenvatting = forms.CharField(label="Samenvatting", widget=forms.Textarea(attrs={"rows": 4}))


class AanvraagForm(VersieForm):
    ontvangen_op = forms.DateField(label="Aanvraag ontvangen op", widget=DatumInput)
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
    verleend_op = forms.DateField(label="Voorschot verleend op", widget=DatumInput)


class BesluitForm(VersieForm):
    soort = forms.ChoiceField(label="Besluit", choices=Besluit.Soort.choices, widget=forms.RadioSelect)
    besluitdatum = forms.DateField(label="Datum besluit", widget=DatumInput)
    verzonden_op = forms.DateField(
        label="Verzonden op",
        widget=DatumInput,
        help_text="De bezwaartermijn van zes weken loopt vanaf de dag hierna.",
    )
    grondslag = forms.CharField(label="Wettelijke grondslag", max_length=300)
    motivering = forms.CharField(
        label="Motivering",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Waarom deze uitkomst: de bevindingen uit het onderzoek en de afweging.",
    )

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


class VoorzieningForm(forms.Form):
    product = forms.ModelChoiceField(queryset=Product.objects.none(), label="Product", required=False)
    leveringsvorm = forms.ChoiceField(label="Leveringsvorm", choices=Leveringsvorm.choices, required=False)
    aanbieder = forms.ModelChoiceField(
        queryset=Partner.objects.none(), label="Zorgaanbieder", required=False, empty_label="— geen (pgb) —"
    )
    volume = forms.DecimalField(label="Volume", required=False, min_value=0, decimal_places=2, max_digits=9)
    eenheid = forms.ChoiceField(label="Eenheid", choices=[("", "—"), *Eenheid.choices], required=False)
    frequentie = forms.ChoiceField(
        label="Frequentie", choices=[("", "—"), *Frequentie.choices], required=False
    )
    startdatum = forms.DateField(label="Startdatum", required=False, widget=DatumInput)
    einddatum = forms.DateField(label="Einddatum", required=False, widget=DatumInput)

    def __init__(self, *args, wet, **kwargs):
        super().__init__(*args, **kwargs)
        self.wet = wet
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
        for veld, melding in voorziening_fouten(self.wet, data).items():
            if veld in self.fields and veld not in self.errors:
                self.add_error(veld, melding)
        return data


class BaseVoorzieningFormSet(forms.BaseFormSet):
    def voorzieningen(self) -> list[dict]:
        return [f.cleaned_data for f in self.forms if f.cleaned_data and not f.is_leeg()]


VoorzieningFormSet = formset_factory(VoorzieningForm, formset=BaseVoorzieningFormSet, extra=2)


class VoorzieningBeeindigenForm(VersieForm):
    beeindigd_op = forms.DateField(label="Beëindigd per", widget=DatumInput)
    reden = forms.CharField(label="Reden", max_length=300)


class OpschortenForm(VersieForm):
    van = forms.DateField(label="Termijn staat stil vanaf", widget=DatumInput)
    reden = forms.CharField(
        label="Reden", max_length=300, help_text="Bijv. de inwoner vult de aanvraag aan (Awb 4:15)."
    )


class HervattenForm(VersieForm):
    tot = forms.DateField(label="Termijn loopt weer vanaf", widget=DatumInput)


class VerdagenForm(VersieForm):
    nieuwe_datum = forms.DateField(label="Nieuwe uiterste datum", widget=DatumInput)
    medegedeeld_op = forms.DateField(label="Meegedeeld aan de inwoner op", widget=DatumInput)
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
    ontvangen_op = forms.DateField(label="Bezwaarschrift ontvangen op", widget=DatumInput)
    adviescommissie = forms.BooleanField(
        label="Advies van een bezwaarcommissie (beslistermijn 12 in plaats van 6 weken)", required=False
    )
    gronden = forms.CharField(
        label="Gronden van het bezwaar", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class BezwaarBeslissenForm(VersieForm):
    uitkomst = forms.ChoiceField(label="Uitkomst", choices=Bezwaar.Uitkomst.choices, widget=forms.RadioSelect)
    beslist_op = forms.DateField(label="Beslist op", widget=DatumInput)
    toelichting = forms.CharField(
        label="Motivering van de beslissing", widget=forms.Textarea(attrs={"rows": 3})
    )


class AfschalenForm(VersieForm):
    partner = forms.ModelChoiceField(
        queryset=Partner.objects.filter(actief=True).exclude(soort__in=ZORGAANBIEDER_SOORTEN),
        label="Partner in het voorliggend veld",
    )
    toelichting = forms.CharField(label="Wat neemt de partner over", widget=forms.Textarea(attrs={"rows": 3}))
    per = forms.DateField(
        label="Lopende voorzieningen beëindigen per",
        widget=DatumInput,
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
