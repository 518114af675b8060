"""The hulpvraag (new and edited) and the optional ZRM quick scan."""

from __future__ import annotations

import uuid

from crispy_forms.layout import Column, Field, Fieldset, Layout, Row
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from altena.forms import DatumField, GeenTagHelper
from altena.validatie import niet_in_de_toekomst
from netwerk.leefgebieden import keuzes_met_uitleg
from netwerk.models import Kern, Partner

from ..models import Kanaal, Urgentie, Verwijzer, ZrmScore


class HulpvraagVelden(forms.Form):
    """The intake part of a case, shared by registering and editing."""

    kern = forms.ModelChoiceField(label="Kern", queryset=Kern.objects.none(), empty_label=None)
    leefgebieden = forms.MultipleChoiceField(
        label="Leefgebieden",
        choices=keuzes_met_uitleg,
        widget=forms.CheckboxSelectMultiple,
        help_text="Alle leefgebieden waar de vraag over gaat.",
    )
    hulpvraag = forms.CharField(
        label="Hulpvraag in de woorden van de inwoner", widget=forms.Textarea(attrs={"rows": 4})
    )
    # "Via Mijn Toegang" is set by the portal only, never chosen at the desk.
    kanaal = forms.ChoiceField(
        label="Kanaal",
        choices=[c for c in Kanaal.choices if c[0] != Kanaal.MIJN_TOEGANG],
        widget=forms.RadioSelect,
    )
    verwijzer = forms.ChoiceField(label="Verwijzer", choices=Verwijzer.choices, initial=Verwijzer.ZELF)
    verwijzer_partner = forms.ModelChoiceField(
        label="Verwijzende partner",
        queryset=Partner.objects.none(),
        required=False,
        help_text="Alleen als een partner uit de sociale kaart de inwoner verwees.",
    )
    urgentie = forms.ChoiceField(
        label="Urgentie", choices=Urgentie.choices, initial=Urgentie.NORMAAL, widget=forms.RadioSelect
    )
    crisis = forms.BooleanField(
        label="Crisis: direct oppakken (staat bovenaan elke werkvoorraad)", required=False
    )
    toestemming_delen = forms.BooleanField(
        label="De inwoner geeft toestemming om gegevens te delen met partners", required=False
    )
    toestemming_scope = forms.CharField(
        label="Reikwijdte van de toestemming",
        required=False,
        max_length=255,
        help_text="Met wie en welke gegevens, bijv. 'welzijnsorganisatie: naam, adres en hulpvraag'.",
    )
    toestemming_datum = DatumField(label="Datum toestemming", required=False)

    def __init__(self, *args, kernen, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kern"].queryset = kernen
        self.fields["verwijzer_partner"].queryset = partners
        self.helper = GeenTagHelper()
        self.helper.layout = Layout(
            Fieldset("De vraag", "leefgebieden", "hulpvraag", "kern"),
            Fieldset(
                "Hoe kwam de vraag binnen",
                Row(Column("kanaal"), Column("verwijzer", "verwijzer_partner")),
            ),
            Fieldset("Urgentie", Row(Column("urgentie"), Column(Field("crisis")))),
            Fieldset(
                "Toestemming",
                "toestemming_delen",
                Row(Column("toestemming_scope"), Column("toestemming_datum", css_class="col-md-3")),
            ),
        )

    def clean_toestemming_datum(self):
        return niet_in_de_toekomst(self.cleaned_data.get("toestemming_datum"))

    def clean(self):
        data = super().clean()
        if data.get("verwijzer") == Verwijzer.PARTNER and not data.get("verwijzer_partner"):
            self.add_error("verwijzer_partner", "Kies de partner die de inwoner verwees.")
        if data.get("verwijzer") != Verwijzer.PARTNER:
            data["verwijzer_partner"] = None
        if data.get("toestemming_delen"):
            if not (data.get("toestemming_scope") or "").strip():
                self.add_error("toestemming_scope", "Leg vast waarvoor de inwoner toestemming geeft.")
            if not data.get("toestemming_datum") and "toestemming_datum" not in self.errors:
                data["toestemming_datum"] = timezone.localdate()
        else:
            data["toestemming_scope"] = ""
            data["toestemming_datum"] = None
        if data.get("crisis"):
            data["urgentie"] = Urgentie.HOOG
        return data


class HulpvraagForm(HulpvraagVelden):
    """Register a new hulpvraag. The hidden token makes a double submit create one case."""

    indienings_token = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    dubbel_bevestigd = forms.BooleanField(
        label="Dit is een nieuwe, andere hulpvraag: toch registreren", required=False
    )


class CasusBewerkenForm(HulpvraagVelden):
    """Edit the intake part; ``versie`` is the version the desk worker saw (optimistic locking)."""

    versie = forms.IntegerField(widget=forms.HiddenInput)

    @classmethod
    def initial_voor(cls, casus) -> dict:
        velden = [n for n in cls.base_fields if n != "versie"]
        initial = {n: getattr(casus, n) for n in velden}
        initial["verwijzer_partner"] = casus.verwijzer_partner_id
        initial["kern"] = casus.kern_id
        initial["versie"] = casus.versie
        return initial


class ZrmRegelForm(forms.Form):
    domein = forms.ChoiceField(
        label="Domein", choices=lambda: [("", "—"), *keuzes_met_uitleg()], required=False
    )
    score = forms.TypedChoiceField(
        label="Score",
        choices=[("", "—")] + ZrmScore.Score.choices,
        coerce=int,
        required=False,
        empty_value=None,
    )
    reden = forms.CharField(label="Reden", required=False, max_length=500)

    def clean(self):
        data = super().clean()
        ingevuld = [n for n in ("domein", "score", "reden") if data.get(n) not in (None, "")]
        if ingevuld and len(ingevuld) < 3:
            if not data.get("domein"):
                self.add_error("domein", "Kies het domein.")
            if data.get("score") is None:
                self.add_error("score", "Kies een score van 1 tot 5.")
            if not (data.get("reden") or "").strip():
                self.add_error("reden", "Geef kort de reden waarom dit domein relevant is.")
        return data


class BaseZrmFormSet(forms.BaseFormSet):
    """Optional ZRM scores, each domain once, each with a reason. At the front door (``leefgebieden``
    set) only domains among the question's leefgebieden; in the onderzoek (None) any domain.
    The one ZRM formset of the project: backoffice's onderzoek uses it too."""

    leefgebieden: list[str] | None = None

    def clean(self):
        if any(self.errors):
            return
        gezien = set()
        for form in self.forms:
            domein = form.cleaned_data.get("domein")
            if not domein:
                continue
            if self.leefgebieden is not None and domein not in self.leefgebieden:
                form.add_error(
                    "domein",
                    "Score alleen domeinen die bij de hulpvraag horen; kies dit leefgebied ook bij de vraag.",
                )
            if domein in gezien:
                form.add_error("domein", "Dit domein is al gescoord.")
            gezien.add(domein)
        if any(self.errors):
            raise ValidationError("Controleer de ZRM-quickscan.")

    def scores(self) -> list[dict]:
        return [f.cleaned_data for f in self.forms if f.cleaned_data.get("domein")]


ZrmFormSet = forms.formset_factory(
    ZrmRegelForm, formset=BaseZrmFormSet, extra=3, max_num=13, validate_max=True
)
