from django import forms

from altena.forms import DatumField

from .codelijsten import WJ759

BESLISSINGEN = [
    ("goedkeuren", "Goedkeuren: toewijzing (301) versturen"),
    ("afwijzen", "Afwijzen: antwoord (319)"),
]


class VerzoekBeoordelenForm(forms.Form):
    beslissing = forms.ChoiceField(label="Beslissing", choices=BESLISSINGEN, widget=forms.RadioSelect)
    reden = forms.ChoiceField(
        label="Reden van afwijzing (WJ759)",
        choices=[("", "---------"), *[(c, f"{c} {t}") for c, t in WJ759.items()]],
        required=False,
    )
    toelichting = forms.CharField(
        label="Toelichting", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("beslissing") == "afwijzen" and not data.get("reden"):
            self.add_error("reden", "Kies de reden van afwijzing.")
        return data


class VoorzieningWijzigenForm(forms.Form):
    einddatum = DatumField(label="Nieuwe einddatum (verlenging of verkorting)", required=False)
    volume = forms.DecimalField(
        label="Nieuw volume", required=False, max_digits=9, decimal_places=2, min_value=0
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if not data.get("einddatum") and data.get("volume") in (None, ""):
            raise forms.ValidationError("Vul een nieuwe einddatum of een nieuw volume in.")
        return data
