"""The raad report: the figures of ``raad_queries`` as suppressed tables per section, for a period
with the previous period of the same length beside it. No personal data, no case numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from backoffice.models import Leveringsvorm
from intake.models import Wet
from netwerk.istandaarden import IStandaardCategorie
from netwerk.models import Kern, PartnerSoort

from . import grafieken, raad_queries
from .getallen import afgerond, getal_tekst
from .onderdrukking import DREMPEL, Groep, Tabel
from .periode import Periode
from .verwijzingen import UITKOMSTEN

WETTEN = list(Wet)


@dataclass
class Kengetal:
    """A ratio or lead time per law; shown only when its base is at least DREMPEL."""

    label: str
    basis: int
    op_tijd_pct: float | None
    mediaan: float | None
    p90: float | None
    wettelijk: int

    @property
    def zichtbaar(self) -> bool:
        return self.basis >= DREMPEL

    @property
    def op_tijd_tekst(self) -> str:
        return getal_tekst(self.op_tijd_pct)

    @property
    def mediaan_tekst(self) -> str:
        return getal_tekst(self.mediaan)

    @property
    def p90_tekst(self) -> str:
        return getal_tekst(self.p90)


@dataclass
class Sectie:
    sleutel: str
    titel: str
    tabellen: list[Tabel]
    uitleg: str = ""
    kengetallen: list[Kengetal] = field(default_factory=list)
    stapeling: dict | None = None
    grafiek: str = ""


def _kern_tabel(sleutel, titel, kolommen, kernen, waarde, **kwargs) -> Tabel:
    """Rows per kern, grouped by former municipality (subtotals)."""
    rijen = [k.naam for k in kernen]
    groepen = {}
    for i, k in enumerate(kernen):
        groepen.setdefault(k.voormalige_gemeente, []).append(i)
    return Tabel(
        sleutel=sleutel,
        titel=titel,
        kop="Kern",
        kolommen=[label for _key, label in kolommen],
        rijen=rijen,
        waarden=[[waarde(k.pk, key) for key, _label in kolommen] for k in kernen],
        groepen=[Groep(label=naam, rijen=idx) for naam, idx in groepen.items()],
        **kwargs,
    )


def tabellen(c: dict, kernen: list[Kern], categorieen: list[str], soorten: list[str]) -> dict[str, Tabel]:
    """All count tables of one period (suppressed). ``categorieen`` and ``soorten`` are the rows of
    the voorzieningen and referral tables (the same for both periods, so they sit side by side)."""
    wetten = [(w.value, w.label) for w in WETTEN]
    overgang = c["overgangen"]
    t = {}
    t["hulpvragen"] = _kern_tabel(
        "hulpvragen",
        "Hulpvragen (meldingen aan de voordeur) per kern",
        [("n", "Hulpvragen")],
        kernen,
        lambda k, _key: c["hulpvragen"].get(k, 0),
        rijtotaal=False,
    )
    t["meldingen"] = _kern_tabel(
        "meldingen",
        "Meldingen maatwerk per wet en kern",
        wetten,
        kernen,
        lambda k, wet: overgang.get((k, wet), {}).get("melding", 0),
    )
    t["aanvragen"] = _kern_tabel(
        "aanvragen",
        "Aanvragen per wet en kern",
        wetten,
        kernen,
        lambda k, wet: c["aanvragen"].get((k, wet), 0),
    )

    def schaling(k, key):
        return sum(overgang.get((k, w.value), {}).get(key, 0) for w in WETTEN)

    t["schaling"] = _kern_tabel(
        "schaling",
        "Opschalingen en afschalingen per kern",
        [
            ("melding", "Opgeschaald naar maatwerk"),
            ("melding_deur", "waarvan vanaf de voordeur"),
            ("afgeschaald", "Afgeschaald naar het netwerk"),
        ],
        kernen,
        schaling,
        rijtotaal=False,
    )
    besluit_kolommen = [
        ("toekenning", "Toegekend"),
        ("gedeeltelijk", "Deels toegekend"),
        ("afwijzing", "Afgewezen"),
        ("buiten_behandeling", "Buiten behandeling"),
    ]
    t["besluiten"] = Tabel(
        sleutel="besluiten",
        titel="Besluiten per wet en uitkomst",
        kop="Wet",
        kolommen=[label for _k, label in besluit_kolommen],
        rijen=[w.label for w in WETTEN],
        waarden=[[c["besluiten"].get(w.value, {}).get(k) or 0 for k, _l in besluit_kolommen] for w in WETTEN],
    )
    vz_kolommen = [("actief", "Actief op de laatste dag"), ("gestart", "Gestart"), ("beeindigd", "Beëindigd")]
    labels = dict(IStandaardCategorie.choices)
    per_cat = c["voorzieningen"]["categorie"]
    t["voorzieningen_categorie"] = Tabel(
        sleutel="voorzieningen_categorie",
        titel="Maatwerkvoorzieningen per productcategorie (iStandaarden)",
        kop="Productcategorie",
        kolommen=[label for _k, label in vz_kolommen],
        rijen=[labels.get(cat, "Participatiewet (geen categorie)") for cat in categorieen],
        waarden=[[per_cat.get(cat, {}).get(k, 0) for k, _l in vz_kolommen] for cat in categorieen],
        rijtotaal=False,
    )
    t["voorzieningen_vorm"] = Tabel(
        sleutel="voorzieningen_vorm",
        titel="Maatwerkvoorzieningen per leveringsvorm",
        kop="Leveringsvorm",
        kolommen=[label for _k, label in vz_kolommen],
        rijen=[v.label for v in Leveringsvorm],
        waarden=[
            [c["voorzieningen"]["leveringsvorm"].get(v.value, {}).get(k, 0) for k, _l in vz_kolommen]
            for v in Leveringsvorm
        ],
        rijtotaal=False,
    )
    s = c["stapeling"]
    t["stapeling"] = Tabel(
        sleutel="stapeling",
        titel="Stapeling: huishoudens met een voorziening, naar het aantal wetten",
        kop="Voorzieningen onder",
        kolommen=["Huishoudens"],
        rijen=["Eén wet", "Twee wetten", "Alle drie de wetten"],
        waarden=[[s["een"]], [s["twee"]], [s["drie"]]],
        rijtotaal=False,
    )
    bz = c["bezwaren"]
    t["bezwaren"] = Tabel(
        sleutel="bezwaren",
        titel="Bezwaren: ontvangen en binnen de termijn beslist",
        kop="Wet",
        kolommen=["Ontvangen", "Binnen de termijn beslist"],
        rijen=[w.label for w in WETTEN],
        waarden=[
            [bz.get(w.value, {}).get("ontvangen", 0), bz.get(w.value, {}).get("op_tijd", 0)] for w in WETTEN
        ],
        rijtotaal=False,
    )
    uitkomsten = [
        ("gegrond", "Gegrond"),
        ("ongegrond", "Ongegrond"),
        ("niet_ontvankelijk", "Niet-ontvankelijk"),
        ("ingetrokken", "Ingetrokken"),
    ]
    t["bezwaar_uitkomst"] = Tabel(
        sleutel="bezwaar_uitkomst",
        titel="Beslissingen op bezwaar naar uitkomst",
        kop="Wet",
        kolommen=[label for _k, label in uitkomsten],
        rijen=[w.label for w in WETTEN],
        waarden=[[bz.get(w.value, {}).get(k, 0) for k, _l in uitkomsten] for w in WETTEN],
    )
    per_soort = {r["partner__soort"]: r for r in c["verwijzingen"]}
    soort_labels = dict(PartnerSoort.choices)
    partitie = [(k, label) for k, label in UITKOMSTEN if k != "opgeschaald"]  # the three statuses
    t["verwijzingen"] = Tabel(
        sleutel="verwijzingen",
        titel="Verwijzingen naar het voorliggend veld per soort partner en terugkoppeling",
        kop="Soort partner",
        kolommen=[label for _k, label in partitie],
        rijen=[soort_labels.get(s, s) for s in soorten],
        waarden=[[per_soort.get(s, {}).get(k, 0) for k, _l in partitie] for s in soorten],
    )
    t["verwijzingen_opgeschaald"] = Tabel(
        sleutel="verwijzingen_opgeschaald",
        titel="Verwijzingen waarna de casus toch is opgeschaald naar maatwerk",
        kop="Soort partner",
        kolommen=["Daarna opgeschaald"],
        rijen=[soort_labels.get(s, s) for s in soorten],
        waarden=[[per_soort.get(s, {}).get("opgeschaald", 0)] for s in soorten],
        rijtotaal=False,
    )
    return t


def kengetallen(c: dict) -> list[Kengetal]:
    """The lead-time figures per law, rounded once here (half up, one decimal): the page, the XLSX,
    the PDF and the chart all show these values."""
    uit = []
    for w in WETTEN:
        r = c["besluiten"].get(w.value, {})
        basis = r.get("met_aanvraag") or 0
        uit.append(
            Kengetal(
                label=w.label,
                basis=basis,
                op_tijd_pct=afgerond(100 * r["op_tijd"] / basis) if basis else None,
                mediaan=afgerond(r.get("mediaan")),
                p90=afgerond(r.get("p90")),
                wettelijk=raad_queries.WETTELIJKE_DAGEN[w.value],
            )
        )
    return uit


def kernen_van(gemeente: str) -> list[Kern]:
    return list(Kern.objects.filter(gemeente=gemeente).order_by("voormalige_gemeente", "naam"))


SECTIES = [
    (
        "instroom",
        "Hulpvragen, meldingen en aanvragen",
        ["hulpvragen", "meldingen", "aanvragen"],
        "Per kern, met een subtotaal per voormalige gemeente. Een casus telt in de kern waar hij op het "
        "moment van de gebeurtenis stond.",
    ),
    (
        "besluiten",
        "Besluiten en doorlooptijden",
        ["besluiten"],
        "Doorlooptijd: dagen van ontvangst van de aanvraag tot het besluit, tegen de wettelijke termijn.",
    ),
    ("voorzieningen", "Maatwerkvoorzieningen", ["voorzieningen_categorie", "voorzieningen_vorm"], ""),
    (
        "schaling",
        "Opschaling en afschaling",
        ["schaling", "verwijzingen", "verwijzingen_opgeschaald"],
        "Het omslagpunt tussen netwerk en maatwerk, per kern.",
    ),
    (
        "stapeling",
        "Stapeling van voorzieningen",
        ["stapeling"],
        "Huishoudens met een lopende voorziening op de laatste dag van de periode, naar het aantal wetten "
        "(Wmo, Jeugdwet, Participatiewet). Iemand zonder huishouden telt als eigen huishouden.",
    ),
    ("bezwaren", "Bezwaren", ["bezwaren", "bezwaar_uitkomst"], ""),
]


def rapport(periode: Periode, gemeente: str) -> dict:
    """The whole report: sections with their tables (current period, previous beside it)."""
    from . import raad_stand

    vorige = periode.vorige()
    kernen = kernen_van(gemeente)
    kern_ids = [k.pk for k in kernen]
    # From the summary tables when the beat task has counted them (the page says when), else direct.
    stand = raad_stand.huidige()
    bron = raad_stand.cijfers if stand else raad_queries.cijfers
    nu_cijfers = bron(periode, gemeente, kern_ids)
    vorige_cijfers = bron(vorige, gemeente, kern_ids)
    beide = (nu_cijfers, vorige_cijfers)
    categorieen = sorted({cat for c in beide for cat in c["voorzieningen"]["categorie"]})
    aanwezig = {r["partner__soort"] for c in beide for r in c["verwijzingen"]}
    soorten = [s for s in PartnerSoort.values if s in aanwezig]
    nu_t = tabellen(nu_cijfers, kernen, categorieen, soorten)
    vorige_t = tabellen(vorige_cijfers, kernen, categorieen, soorten)
    for sleutel, tabel in nu_t.items():
        tabel.vorige = vorige_t[sleutel]
    secties = []
    for sleutel, titel, namen, uitleg in SECTIES:
        sectie = Sectie(sleutel=sleutel, titel=titel, tabellen=[nu_t[n] for n in namen], uitleg=uitleg)
        if sleutel == "besluiten":
            sectie.kengetallen = kengetallen(nu_cijfers)
        if sleutel == "stapeling":
            sectie.stapeling = stapeling_aandelen(nu_t["stapeling"])
        secties.append(sectie)
    for sectie in secties:
        sectie.grafiek = sectie_grafiek(sectie, periode, vorige)
    return {
        "stand": stand,
        "trend": trend_grafiek(nu_t, periode, vorige),
        "periode": periode,
        "vorige": vorige,
        "gemeente": gemeente,
        "secties": secties,
        "tabellen": nu_t,
        "vorige_tabellen": vorige_t,
    }


def stapeling_aandelen(tabel: Tabel) -> dict:
    """Shares of households with two and with three laws, only where the count itself is shown."""
    totaal = tabel.kolomtotalen[0]
    uit = {"totaal": totaal}
    for i, sleutel in ((1, "twee"), (2, "drie")):
        cel = tabel.cellen[i][0]
        zichtbaar = not cel.onderdrukt and not totaal.onderdrukt and totaal.waarde
        uit[sleutel] = getal_tekst(afgerond(100 * cel.waarde / totaal.waarde)) if zichtbaar else None
    return uit


def _vergelijk(tabel: Tabel, periode: Periode, vorige: Periode) -> str:
    """Bars per row of a table: this period against the previous one (the row's key figure)."""
    return grafieken.staven(
        f"{tabel.titel}: {periode.label} tegen {vorige.label}",
        tabel.rijen,
        [
            (periode.label, [tabel.kerncel(i) for i in range(len(tabel.rijen))]),
            (vorige.label, [tabel.vorige.kerncel(i) for i in range(len(tabel.rijen))]),
        ],
    )


def sectie_grafiek(sectie: Sectie, periode: Periode, vorige: Periode) -> str:
    if sectie.sleutel == "besluiten":
        return grafieken.doorlooptijden(
            "Doorlooptijd per wet tegen de wettelijke termijn", sectie.kengetallen
        )
    if sectie.sleutel == "schaling":
        t = sectie.tabellen[0]
        return grafieken.staven(
            "Opgeschaald en afgeschaald per kern",
            t.rijen,
            [(t.kolommen[0], [r[0] for r in t.cellen]), (t.kolommen[2], [r[2] for r in t.cellen])],
        )
    tabel = sectie.tabellen[1] if sectie.sleutel == "instroom" else sectie.tabellen[0]
    return _vergelijk(tabel, periode, vorige)


def trend_grafiek(tabellen_nu: dict[str, Tabel], periode: Periode, vorige: Periode) -> str:
    """The totals of the main tables against the previous period."""
    namen = {
        "hulpvragen": "Hulpvragen",
        "meldingen": "Meldingen maatwerk",
        "aanvragen": "Aanvragen",
        "besluiten": "Besluiten",
        "bezwaren": "Bezwaren ontvangen",
        "verwijzingen": "Verwijzingen",
    }
    return grafieken.staven(
        f"Trend: {periode.label} tegen {vorige.label}",
        list(namen.values()),
        [
            (periode.label, [tabellen_nu[n].eindcel for n in namen]),
            (vorige.label, [tabellen_nu[n].vorige.eindcel for n in namen]),
        ],
    )
