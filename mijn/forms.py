from django import forms

from documenten.models import DocumentType
from netwerk.leefgebieden import Leefgebied

# The front door's leefgebieden, in plain words for the inwoner.
ONDERWERPEN = [(c.value, c.label) for c in Leefgebied]


class MeldingForm(forms.Form):
    """A short melding: what is the question, which subjects, how can we reach you."""

    hulpvraag = forms.CharField(
        label="Waar heeft u hulp bij nodig?",
        help_text="Schrijf het in uw eigen woorden. Bijvoorbeeld: 'Ik kan niet meer zelf boodschappen doen.'",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Schrijf kort waar u hulp bij nodig heeft."},
    )
    leefgebieden = forms.MultipleChoiceField(
        label="Waar gaat uw vraag over?",
        help_text="Kies een of meer onderwerpen.",
        choices=ONDERWERPEN,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één onderwerp."},
    )
    telefoon = forms.CharField(
        label="Op welk telefoonnummer kunnen wij u bellen? (niet verplicht)",
        max_length=20,
        required=False,
    )
    indienings_token = forms.UUIDField(widget=forms.HiddenInput)
    dubbel_bevestigd = forms.BooleanField(
        label="Dit is een nieuwe, andere vraag. Stuur hem toch.", required=False
    )


class UploadForm(forms.Form):
    bestand = forms.FileField(
        label="Bestand",
        help_text="Een PDF, foto of Word-document. Niet groter dan 20 MB.",
        error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."},
    )
    documenttype = forms.ChoiceField(
        label="Wat voor document is het?",
        choices=[
            (DocumentType.CORRESPONDENTIE, "Een brief of e-mail"),
            (DocumentType.MEDISCH_ADVIES, "Een brief van een arts"),
            (DocumentType.PLAN, "Mijn persoonlijk plan"),
            (DocumentType.OVERIG, "Iets anders"),
        ],
        initial=DocumentType.OVERIG,
    )
    omschrijving = forms.CharField(
        label="Beschrijf kort wat het is",
        max_length=300,
        error_messages={"required": "Beschrijf kort wat dit document is."},
    )


class AntwoordForm(forms.Form):
    tekst = forms.CharField(
        label="Uw antwoord",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Schrijf uw antwoord."},
    )
    bestand = forms.FileField(
        label="Bestand meesturen (niet verplicht)",
        help_text="Een PDF, foto of Word-document. Niet groter dan 20 MB.",
        required=False,
    )


class NieuweMeldingForm(MeldingForm):
    """The melding of someone DigiD knows but this gemeente's toegang does not yet: who and where,
    then the same short question."""

    voornamen = forms.CharField(
        label="Voornamen", max_length=150, error_messages={"required": "Vul uw voornamen in."}
    )
    achternaam = forms.CharField(
        label="Achternaam", max_length=150, error_messages={"required": "Vul uw achternaam in."}
    )
    geboortedatum = forms.DateField(
        label="Geboortedatum",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Vul uw geboortedatum in.", "invalid": "Vul een geldige datum in."},
    )
    straat = forms.CharField(label="Straat", max_length=150, error_messages={"required": "Vul uw straat in."})
    huisnummer = forms.CharField(
        label="Huisnummer", max_length=10, error_messages={"required": "Vul uw huisnummer in."}
    )
    postcode = forms.CharField(
        label="Postcode", max_length=7, error_messages={"required": "Vul uw postcode in."}
    )
    woonplaats = forms.CharField(label="Woonplaats", max_length=100, required=False)

    field_order = [
        "voornamen",
        "achternaam",
        "geboortedatum",
        "straat",
        "huisnummer",
        "postcode",
        "woonplaats",
    ]
