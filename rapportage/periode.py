"""The reporting period of the raad report and its form.

A period is a range of local dates (Europe/Amsterdam), both inclusive; its moments run from local
midnight at the start of ``van`` to local midnight after ``tot``, so a melding at 23:30 on 31 March
belongs to the first quarter. The previous period has the same length and ends the day before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django import forms
from django.utils import timezone

from intake.stromen import dag_begin

EERSTE_JAAR = 2000


@dataclass(frozen=True)
class Periode:
    van: date
    tot: date
    soort: str = "vrij"

    @property
    def begin(self) -> datetime:
        return dag_begin(self.van)

    @property
    def einde(self) -> datetime:
        """The first moment after the period (exclusive)."""
        return dag_begin(self.tot + timedelta(days=1))

    @property
    def dagen(self) -> int:
        return (self.tot - self.van).days + 1

    @property
    def label(self) -> str:
        if self.soort == "kwartaal":
            return f"{(self.van.month - 1) // 3 + 1}e kwartaal {self.van.year}"
        if self.soort == "halfjaar":
            return f"{(self.van.month - 1) // 6 + 1}e halfjaar {self.van.year}"
        if self.soort == "jaar":
            return str(self.van.year)
        return f"{self.van:%d-%m-%Y} t/m {self.tot:%d-%m-%Y}"

    def vorige(self) -> Periode:
        if self.soort in MAANDEN:
            maanden = MAANDEN[self.soort]
            maand = self.van.month - maanden
            jaar = self.van.year
            if maand < 1:
                maand += 12
                jaar -= 1
            return periode_van(self.soort, jaar, (maand - 1) // maanden + 1)
        tot = self.van - timedelta(days=1)
        return Periode(tot - timedelta(days=self.dagen - 1), tot, "vrij")

    def as_params(self) -> dict:
        if self.soort == "vrij":
            return {"soort": "vrij", "van": self.van.isoformat(), "tot": self.tot.isoformat()}
        nummer = (self.van.month - 1) // MAANDEN[self.soort] + 1
        return {"soort": self.soort, "jaar": self.van.year, "nummer": nummer}


MAANDEN = {"kwartaal": 3, "halfjaar": 6, "jaar": 12}


def periode_van(soort: str, jaar: int, nummer: int = 1) -> Periode:
    maanden = MAANDEN[soort]
    van = date(jaar, (nummer - 1) * maanden + 1, 1)
    eind_maand = van.month + maanden
    volgende = date(jaar + 1, 1, 1) if eind_maand > 12 else date(jaar, eind_maand, 1)
    return Periode(van, volgende - timedelta(days=1), soort)


def laatste_volle_kwartaal(vandaag: date | None = None) -> Periode:
    vandaag = vandaag or timezone.localdate()
    huidig = (vandaag.month - 1) // 3 + 1
    if huidig == 1:
        return periode_van("kwartaal", vandaag.year - 1, 4)
    return periode_van("kwartaal", vandaag.year, huidig - 1)


def laatste_volle_halfjaar(vandaag: date | None = None) -> Periode:
    vandaag = vandaag or timezone.localdate()
    if vandaag.month <= 6:
        return periode_van("halfjaar", vandaag.year - 1, 2)
    return periode_van("halfjaar", vandaag.year, 1)


class PeriodeForm(forms.Form):
    """Only fixed, completed periods (issue 21, docs/rapportage.md "Kleine aantallen"): a free van–tot
    period let two downloads one day apart be subtracted, and a period still running changes from day
    to day, so both would reveal counts the tables show as "<5". The previous-period column is the
    previous fixed period of the same kind."""

    soort = forms.ChoiceField(
        label="Soort periode",
        choices=[("kwartaal", "Kwartaal"), ("halfjaar", "Halfjaar"), ("jaar", "Jaar")],
        initial="kwartaal",
    )
    jaar = forms.IntegerField(label="Jaar", required=False)
    nummer = forms.IntegerField(label="Kwartaal of halfjaar", required=False, min_value=1, max_value=4)

    def __init__(self, *args, vandaag: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.vandaag = vandaag or timezone.localdate()
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = css

    def clean(self):
        data = super().clean()
        soort = data.get("soort")
        if not soort or self.errors:
            return data
        jaar, nummer = data.get("jaar"), data.get("nummer") or 1
        if jaar is None:
            self.add_error("jaar", "Vul een jaar in, zoals 2026.")
            return data
        if jaar < EERSTE_JAAR or jaar > self.vandaag.year:
            self.add_error("jaar", f"Kies een jaar van {EERSTE_JAAR} tot en met {self.vandaag.year}.")
            return data
        maximaal = {"kwartaal": 4, "halfjaar": 2, "jaar": 1}[soort]
        if nummer > maximaal:
            veld = "kwartaal (1 tot en met 4)" if soort == "kwartaal" else "halfjaar (1 of 2)"
            self.add_error("nummer", f"Kies een geldig {veld}.")
            return data
        periode = periode_van(soort, jaar, nummer)
        if periode.van > self.vandaag:
            self.add_error("jaar", "Deze periode ligt in de toekomst: er zijn nog geen gegevens.")
            return data
        if periode.tot >= self.vandaag:
            self.add_error(
                "jaar" if soort == "jaar" else "nummer",
                "Deze periode is nog niet voorbij. Kies een afgelopen kwartaal, halfjaar of jaar: de "
                "cijfers van een lopende periode veranderen elke dag, en het verschil tussen twee dagen "
                "zou kleine aantallen verraden.",
            )
            return data
        data["periode"] = periode
        return data
