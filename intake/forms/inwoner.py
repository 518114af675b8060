"""Finding and registering an inwoner, and choosing a household's regisseur."""

from __future__ import annotations

from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.core.exceptions import ValidationError

from altena.forms import DatumField, GeenTagHelper
from altena.namen import naam_van
from altena.validatie import niet_in_de_toekomst
from netwerk.models import Kern

from ..scope import controleer_postcode_bij_kern
from ..validators import normaliseer_bsn, normaliseer_postcode, validate_bsn, validate_postcode


class InwonerZoekForm(forms.Form):
    """One of three ways to find a person. Sent by POST so a BSN never lands in a URL."""

    bsn = forms.CharField(label="BSN", required=False, max_length=11)
    achternaam = forms.CharField(label="Achternaam", required=False, max_length=150)
    geboortedatum = DatumField(label="Geboortedatum", required=False)
    postcode = forms.CharField(label="Postcode", required=False, max_length=7)
    huisnummer = forms.CharField(label="Huisnummer", required=False, max_length=10)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = GeenTagHelper()
        self.helper.layout = Layout(
            Fieldset("Op BSN", "bsn"),
            Fieldset("Of op naam en geboortedatum", Row(Column("achternaam"), Column("geboortedatum"))),
            Fieldset("Of op adres", Row(Column("postcode"), Column("huisnummer"))),
        )

    def clean_bsn(self):
        bsn = (self.cleaned_data.get("bsn") or "").strip()
        if bsn:
            bsn = normaliseer_bsn(bsn)
            validate_bsn(bsn)
        return bsn

    def clean_postcode(self):
        postcode = (self.cleaned_data.get("postcode") or "").strip()
        if postcode:
            postcode = normaliseer_postcode(postcode)
            validate_postcode(postcode)
        return postcode

    def clean_geboortedatum(self):
        return niet_in_de_toekomst(
            self.cleaned_data.get("geboortedatum"), melding="De geboortedatum ligt in de toekomst."
        )

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data.get("bsn"):
            data["zoekwijze"] = "bsn"
        elif data.get("achternaam") or data.get("geboortedatum"):
            if not data.get("achternaam"):
                self.add_error("achternaam", "Vul ook de achternaam in.")
            if not data.get("geboortedatum"):
                self.add_error("geboortedatum", "Vul ook de geboortedatum in.")
            data["zoekwijze"] = "naam"
        elif data.get("postcode") or data.get("huisnummer"):
            if not data.get("postcode"):
                self.add_error("postcode", "Vul ook de postcode in.")
            if not data.get("huisnummer"):
                self.add_error("huisnummer", "Vul ook het huisnummer in.")
            data["zoekwijze"] = "adres"
        else:
            raise ValidationError(
                "Zoek op BSN, op achternaam met geboortedatum, of op postcode met huisnummer.", code="leeg"
            )
        return data


class InwonerForm(forms.Form):
    """Register a new inwoner; the kern follows from the postcode unless chosen."""

    bsn = forms.CharField(
        label="BSN", max_length=11, help_text="9 cijfers; wordt gecontroleerd met de elfproef."
    )
    voornamen = forms.CharField(label="Voornamen", max_length=150)
    tussenvoegsel = forms.CharField(label="Tussenvoegsel", max_length=20, required=False)
    achternaam = forms.CharField(label="Achternaam", max_length=150)
    geboortedatum = DatumField(label="Geboortedatum")
    straat = forms.CharField(label="Straat", max_length=150)
    huisnummer = forms.CharField(
        label="Huisnummer", max_length=10, help_text="Met eventuele toevoeging, bijv. 12a."
    )
    postcode = forms.CharField(label="Postcode", max_length=7)
    woonplaats = forms.CharField(label="Woonplaats", max_length=100, required=False)
    kern = forms.ModelChoiceField(
        label="Kern",
        queryset=Kern.objects.none(),
        required=False,
        empty_label="Automatisch uit de postcode",
        help_text="Laat leeg om de kern uit de postcode af te leiden; kies zelf als dat niet klopt.",
    )
    telefoon = forms.CharField(label="Telefoon", max_length=20, required=False)
    email = forms.EmailField(label="E-mail", required=False)

    def __init__(self, *args, kernen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kern"].queryset = kernen if kernen is not None else Kern.objects.all()
        self.helper = GeenTagHelper()
        self.helper.layout = Layout(
            Fieldset(
                "Persoon",
                "bsn",
                Row(Column("voornamen"), Column("tussenvoegsel", css_class="col-md-2"), Column("achternaam")),
                "geboortedatum",
            ),
            Fieldset(
                "Adres",
                Row(Column("straat"), Column("huisnummer", css_class="col-md-2")),
                Row(Column("postcode", css_class="col-md-3"), Column("woonplaats"), Column("kern")),
            ),
            Fieldset("Contact", Row(Column("telefoon"), Column("email"))),
        )

    def clean_bsn(self):
        bsn = normaliseer_bsn(self.cleaned_data["bsn"])
        validate_bsn(bsn)
        return bsn

    def clean_postcode(self):
        postcode = normaliseer_postcode(self.cleaned_data["postcode"])
        validate_postcode(postcode)
        return postcode

    def clean_geboortedatum(self):
        return niet_in_de_toekomst(
            self.cleaned_data["geboortedatum"], melding="De geboortedatum ligt in de toekomst."
        )

    def clean(self):
        data = super().clean()
        if data.get("kern") or not data.get("postcode"):
            return data
        kandidaten = list(self.fields["kern"].queryset.voor_postcode(data["postcode"]))
        if len(kandidaten) == 1:
            data["kern"] = kandidaten[0]
        elif kandidaten:
            namen = " of ".join(k.naam for k in kandidaten)
            self.add_error("kern", f"Postcode {data['postcode']} hoort bij {namen}: kies de kern.")
        else:
            self.add_error("kern", f"Bij postcode {data['postcode']} is geen kern bekend: kies de kern.")
        return data

    def _post_clean(self):
        super()._post_clean()
        # A postcode outside the gemeente or the chosen kern is refused at the postcode field.
        kern, postcode = self.cleaned_data.get("kern"), self.cleaned_data.get("postcode")
        if kern is not None and postcode and "postcode" not in self.errors:
            try:
                controleer_postcode_bij_kern(postcode, kern)
            except ValidationError as exc:
                self.add_error(None, exc)


class RegisseurForm(forms.Form):
    regisseur = forms.ModelChoiceField(
        label="Regisseur", queryset=None, required=False, empty_label="Geen regisseur"
    )
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regisseur"].queryset = kandidaten
        self.fields["regisseur"].label_from_instance = naam_van
        self.helper = GeenTagHelper()
