"""Forms of the partner portal: the answers to a referral, capacity and the invitation."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from django import forms
from django.utils import timezone

from altena.forms import DatumField
from intake.models import Uitkomst
from netwerk.models import Capaciteit


class ZonderTag(FormHelper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form_tag = False
        self.disable_csrf = True


class ActieForm(forms.Form):
    """One answer of the partner; the page shows its ``titel`` and a button ``knop`` in ``knopstijl``."""

    titel = ""
    knop = ""
    knopstijl = "btn-primary"
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = ZonderTag()


class AccepterenForm(ActieForm):
    titel, knop, knopstijl = "Accepteren", "Verwijzing accepteren", "btn-success"


class AfwijzenForm(ActieForm):
    titel, knop, knopstijl = "Afwijzen", "Verwijzing afwijzen", "btn-outline-danger"
    reden = forms.CharField(
        label="Reden van afwijzen",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        error_messages={"required": "Geef de reden waarom u de verwijzing afwijst."},
    )


class EersteContactForm(ActieForm):
    titel, knop = "Eerste contact", "Eerste contact vastleggen"
    datum = DatumField(
        label="Datum eerste contact",
        initial=timezone.localdate,
        error_messages={
            "required": "Vul de datum van het eerste contact in.",
        },
    )


class TerugkoppelingForm(ActieForm):
    titel, knop = "Terugkoppeling geven", "Terugkoppeling versturen"
    tekst = forms.CharField(
        label="Terugkoppeling",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="Kort en zakelijk: hoe gaat het, wat is er gedaan? Geen medische details.",
        error_messages={"required": "Schrijf kort hoe het gaat of hoe het is afgelopen."},
    )
    uitkomst = forms.ChoiceField(
        label="Stand",
        choices=[("", "Loopt nog (voortgang)")] + list(Uitkomst.choices),
        required=False,
        widget=forms.RadioSelect,
    )


class OpschalingForm(ActieForm):
    titel, knop, knopstijl = "Opschaling vragen", "Opschaling vragen", "btn-outline-danger"
    reden = forms.CharField(
        label="Waarom is meer nodig?",
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        error_messages={"required": "Geef de reden waarom meer nodig is dan u kunt bieden."},
    )


ACTIES = {
    "accepteren": AccepterenForm,
    "afwijzen": AfwijzenForm,
    "eerste-contact": EersteContactForm,
    "terugkoppeling": TerugkoppelingForm,
    "opschaling": OpschalingForm,
}


class AanbodForm(forms.Form):
    """One offer's capacity; the partner confirms it by saving (the date is set to today)."""

    capaciteit = forms.ChoiceField(label="Capaciteit", choices=Capaciteit.choices, widget=forms.RadioSelect)
    wachttijd_weken = forms.IntegerField(
        label="Verwachte wachttijd (weken)",
        required=False,
        min_value=0,
        max_value=104,
        error_messages={"invalid": "Vul een aantal weken in.", "max_value": "Hooguit 104 weken."},
    )

    def clean(self):
        data = super().clean()
        if data.get("capaciteit") == Capaciteit.WACHTLIJST and data.get("wachttijd_weken") is None:
            self.add_error("wachttijd_weken", "Vul bij een wachtlijst de verwachte wachttijd in weken in.")
        return data


class UitnodigingForm(forms.Form):
    gebruikersnaam = forms.CharField(label="Gebruikersnaam", max_length=150)
    wachtwoord1 = forms.CharField(
        label="Wachtwoord",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Minstens 8 tekens, niet alleen cijfers en niet te eenvoudig.",
    )
    wachtwoord2 = forms.CharField(
        label="Wachtwoord (nogmaals)", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        data = super().clean()
        if data.get("wachtwoord1") and data.get("wachtwoord2") and data["wachtwoord1"] != data["wachtwoord2"]:
            self.add_error("wachtwoord2", "De twee wachtwoorden zijn niet gelijk.")
        return data
