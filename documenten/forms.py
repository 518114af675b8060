from django import forms
from django.utils import timezone

from altena.forms import DatumField

from .models import DocumentType, Kanaal


class BriefForm(forms.Form):
    verzonden_op = DatumField(
        label="Verzonden (bekendgemaakt) op",
        help_text="Voor een besluit loopt de bezwaartermijn vanaf de dag hierna.",
        error_messages={"required": "Vul de verzenddatum in.", "invalid": "Vul een geldige datum in."},
    )
    kanaal = forms.ChoiceField(
        label="Verzonden per",
        choices=Kanaal.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies hoe de brief wordt verzonden."},
    )
    vrije_tekst = forms.CharField(
        label="Vrije tekst (komt in de brief)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, vrije_tekst: bool = True, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("verzonden_op", timezone.localdate())
        kwargs["initial"].setdefault("kanaal", Kanaal.POST)
        super().__init__(*args, **kwargs)
        if not vrije_tekst:
            del self.fields["vrije_tekst"]


class DocumentForm(forms.Form):
    bestand = forms.FileField(
        label="Bestand",
        help_text="PDF, afbeelding of Office-document.",
        error_messages={"required": "Kies een bestand.", "empty": "Het bestand is leeg."},
    )
    documenttype = forms.ChoiceField(
        label="Soort document",
        choices=DocumentType.choices,
        error_messages={"required": "Kies de soort document."},
    )
    omschrijving = forms.CharField(
        label="Omschrijving",
        max_length=300,
        error_messages={"required": "Beschrijf kort wat dit document is."},
    )


class VerwijderenForm(forms.Form):
    reden = forms.CharField(
        label="Reden van verwijderen",
        max_length=300,
        error_messages={"required": "Geef de reden waarom dit document wordt verwijderd."},
    )
