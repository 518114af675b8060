"""The triage outcomes, the partner's feedback on a referral, and closing a case."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from altena.forms import DatumField, VersieForm
from altena.validatie import niet_in_de_toekomst
from netwerk.leefgebieden import Leefgebied
from netwerk.models import Kern

from ..models import STANDAARD_GEDEELD, GedeeldGegeven, Verwijzing, Wet


class AfhandelenForm(VersieForm):
    notitie = forms.CharField(
        label="Gegeven informatie of advies",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kort: wat heeft de inwoner meegekregen?",
    )


class OpschalenForm(VersieForm):
    wet = forms.ChoiceField(label="Wet", choices=Wet.choices, widget=forms.RadioSelect)
    reden = forms.CharField(
        label="Reden van opschaling",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Waarom volstaat het voorliggend veld niet?",
    )
    meldingsdatum = DatumField(
        label="Meldingsdatum",
        initial=timezone.localdate,
        help_text="Bij de Wmo begint hiermee de onderzoekstermijn van zes weken.",
    )

    def clean_meldingsdatum(self):
        return niet_in_de_toekomst(
            self.cleaned_data["meldingsdatum"], melding="De meldingsdatum ligt in de toekomst."
        )


class PartnerFilterForm(forms.Form):
    """GET filter above the partner choice: pre-filled with the case's kern and leefgebieden."""

    kern = forms.ModelChoiceField(
        label="Kern", queryset=Kern.objects.none(), required=False, empty_label=None
    )
    leefgebied = forms.ChoiceField(label="Leefgebied", required=False)

    def __init__(self, *args, kernen, casus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kern"].queryset = kernen
        self.fields["leefgebied"].choices = [
            ("", "Leefgebieden van de hulpvraag"),
            ("alle", "Alle leefgebieden"),
        ] + [(c, label) for c, label in Leefgebied.choices]
        self.casus = casus
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def filter_args(self) -> dict:
        kern, leefgebieden = self.casus.kern, None
        if self.is_valid():
            kern = self.cleaned_data.get("kern") or kern
            keuze = self.cleaned_data.get("leefgebied")
            if keuze == "alle":
                leefgebieden = []
            elif keuze:
                leefgebieden = [keuze]
        return {"kern": kern, "leefgebieden": leefgebieden}


class VerwijzenForm(VersieForm):
    partner = forms.ModelChoiceField(
        label="Partner",
        queryset=None,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies de partner waarnaar u verwijst."},
    )
    toelichting = forms.CharField(
        label="Toelichting voor de partner", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    gedeelde_gegevens = forms.MultipleChoiceField(
        label="Toestemming: wat mag de partner zien?",
        choices=GedeeldGegeven.choices,
        initial=STANDAARD_GEDEELD,
        widget=forms.CheckboxSelectMultiple,
        help_text="Vink alleen aan waarvoor de inwoner toestemming gaf. Het BSN, andere casussen en "
        "maatwerk deelt u nooit.",
        error_messages={"required": "Kies welke gegevens de partner mag zien (ten minste naam en contact)."},
    )

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = partners
        self.fields["partner"].label_from_instance = partner_label


def partner_label(p) -> str:
    """The partner with its soort and its capacity (partners with room come first in the list)."""
    label = f"{p.naam} ({p.get_soort_display()})"
    aanbod = list(p.aanbod.all()) if hasattr(p, "_prefetched_objects_cache") else []
    if aanbod:
        delen = []
        for a in aanbod:
            stand = a.capaciteit_tekst.lower()
            if a.is_verouderd:
                bevestigd = f"{a.bevestigd_op:%d-%m-%Y}" if a.bevestigd_op else "nooit"
                stand += f" (verouderd, bevestigd {bevestigd})"
            delen.append(f"{a.naam}: {stand}")
        label += " — " + "; ".join(delen)
    return label


class TerugkoppelingForm(VersieForm):
    status = forms.ChoiceField(label="Uitkomst", widget=forms.RadioSelect)
    datum = DatumField(label="Datum terugkoppeling", initial=timezone.localdate)
    tekst = forms.CharField(label="Wat koppelde de partner terug?", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, verwijzing: Verwijzing, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (s, Verwijzing.Status(s).label) for s in verwijzing.volgende_statussen()
        ]

    def clean_datum(self):
        return niet_in_de_toekomst(self.cleaned_data["datum"])


class AfsluitenForm(VersieForm):
    reden = forms.CharField(
        label="Reden van afsluiten", max_length=100, help_text="Bijv. doel bereikt, ingetrokken."
    )
