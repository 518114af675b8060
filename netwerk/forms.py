"""The admin form of a partner: checkboxes for the lists, kernen checked against the gemeente."""

from django import forms

from .istandaarden import IStandaardCategorie
from .leefgebieden import Leefgebied
from .models import Kern, Partner
from .validators import normaliseer_nummer


class PartnerAdminForm(forms.ModelForm):
    leefgebieden = forms.MultipleChoiceField(
        label="Leefgebieden",
        choices=Leefgebied.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    istandaarden_categorieen = forms.MultipleChoiceField(
        label="iStandaarden-categorieën",
        choices=IStandaardCategorie.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Alleen voor zorgaanbieders: de categorieën (iWmo/iJw) die zij leveren.",
    )

    # Wider than the 8 stored digits so pasted "98 00 10 11" reaches the normalisation below.
    agb_code = forms.CharField(
        label="AGB-code",
        required=False,
        max_length=20,
        help_text=Partner._meta.get_field("agb_code").help_text,
    )
    kvk_nummer = forms.CharField(label="KvK-nummer", required=False, max_length=20, help_text="8 cijfers.")
    website = forms.URLField(label="Website", required=False, assume_scheme="https")

    class Meta:
        model = Partner
        fields = [
            "naam",
            "soort",
            "gemeente",
            "actief",
            "omschrijving",
            "leefgebieden",
            "alle_kernen",
            "kernen",
            "telefoon",
            "email",
            "website",
            "adres",
            "bereikbaarheid",
            "agb_code",
            "kvk_nummer",
            "istandaarden_categorieen",
        ]

    def clean_agb_code(self):
        return normaliseer_nummer(self.cleaned_data["agb_code"])

    def clean_kvk_nummer(self):
        return normaliseer_nummer(self.cleaned_data["kvk_nummer"])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The gemeenten are those of the kernen in the database: data, not code.
        gemeenten = set(Kern.objects.order_by().values_list("gemeente", flat=True).distinct())
        if gemeenten:
            if self.instance.gemeente:
                gemeenten.add(self.instance.gemeente)
            self.fields["gemeente"] = forms.ChoiceField(
                label="Gemeente",
                choices=[("", "---------")] + [(g, g) for g in sorted(gemeenten)],
                initial=next(iter(gemeenten)) if len(gemeenten) == 1 else None,
            )

    def clean(self):
        cleaned = super().clean()
        kernen = cleaned.get("kernen")
        gemeente = cleaned.get("gemeente")
        if kernen is not None and gemeente:
            vreemd = sorted(k.naam for k in kernen if k.gemeente != gemeente)
            if vreemd:
                self.add_error(
                    "kernen", f"Deze kernen horen niet bij gemeente {gemeente}: {', '.join(vreemd)}."
                )
        # The model's duplicate check (Partner.clean) needs the kernen that are about to be saved.
        self.instance.kernen_voor_controle = list(kernen or [])
        return cleaned
