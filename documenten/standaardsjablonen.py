# ruff: noqa: E501 - letter texts read best unwrapped
"""The standard texts of each kind of letter, loaded for a gemeente by ``briefsjablonen_laden``
(and by seed_demo). The beheerder adapts them in admin; these are only the starting point."""

from __future__ import annotations

from intake.models import Wet

from .models import BriefSoort as S

AANHEF = "<p>{{ inwoner.aanhef }},</p>\n"
VRIJE_TEKST = "{% if vrije_tekst %}{{ vrije_tekst|linebreaks }}{% endif %}\n"
VOORZIENINGEN = """<table class="voorzieningen table table-sm">
<thead><tr><th>Voorziening</th><th>Omvang</th><th>Periode</th><th>Levering</th></tr></thead>
<tbody>{% for v in voorzieningen %}
<tr><td>{{ v.product }}{% if v.categorie %}<br><small>categorie {{ v.categorie }} {{ v.categorie_naam }}{% if v.productcode %}, productcode {{ v.productcode }}{% endif %}</small>{% endif %}</td>
<td>{{ v.omvang }}</td>
<td>{{ v.startdatum|date:"j F Y" }} tot en met {{ v.einddatum|date:"j F Y" }}</td>
<td>{% if v.pgb %}Persoonsgebonden budget (pgb) van &euro; {{ v.pgb_bedrag }}{% elif v.aanbieder %}Zorg in natura door {{ v.aanbieder }} (AGB {{ v.aanbieder_agb }}){% else %}{{ v.leveringsvorm }}{% endif %}</td></tr>
{% endfor %}</tbody></table>
"""
BEZWAAR = """<h2>Bent u het niet eens met dit besluit?</h2>
<p>Dan kunt u bezwaar maken. Stuur uw bezwaarschrift uiterlijk op <strong>{{ einde_bezwaartermijn|date:"l j F Y" }}</strong>
naar het college van burgemeester en wethouders van {{ gemeente.naam }}, {{ gemeente.postadres }},
{{ gemeente.postcode }} {{ gemeente.plaats }}. Zet in uw brief uw naam en adres, de datum, ons kenmerk
{{ casus.nummer }}, waarom u het niet eens bent met het besluit, en uw handtekening. Dit staat in de
Algemene wet bestuursrecht (artikel 6:5, 6:7 en 6:8). Bezwaar maken schorst de werking van het besluit niet;
bij spoed kunt u de voorzieningenrechter van de rechtbank om een voorlopige voorziening vragen.</p>
"""
BESCHIKKING_KOP = """<p>Op {{ aanvraag.ontvangen_op|date:"j F Y" }} heeft u een aanvraag gedaan: {{ aanvraag.omschrijving }}
In deze brief leest u ons besluit.</p>
"""
MOTIVERING = """<h2>Waarom dit besluit</h2>
{{ besluit.motivering|linebreaks }}
<p>Wij baseren dit besluit op {{ besluit.grondslag }}.</p>
"""

TEKSTEN: dict[str, tuple[str, str]] = {
    S.BESCHIKKING_TOEKENNING: (
        "Besluit op uw aanvraag: toekenning",
        AANHEF
        + BESCHIKKING_KOP
        + "<h2>Ons besluit</h2>\n<p>Wij kennen u de volgende voorziening(en) toe:</p>\n"
        + VOORZIENINGEN
        + MOTIVERING
        + VRIJE_TEKST
        + BEZWAAR,
    ),
    S.BESCHIKKING_GEDEELTELIJK: (
        "Besluit op uw aanvraag: gedeeltelijke toekenning",
        AANHEF
        + BESCHIKKING_KOP
        + "<h2>Ons besluit</h2>\n<p>Wij kennen uw aanvraag voor een deel toe. U krijgt:</p>\n"
        + VOORZIENINGEN
        + "<p>Voor het overige wijzen wij uw aanvraag af.</p>\n"
        + MOTIVERING
        + VRIJE_TEKST
        + BEZWAAR,
    ),
    S.BESCHIKKING_AFWIJZING: (
        "Besluit op uw aanvraag: afwijzing",
        AANHEF
        + BESCHIKKING_KOP
        + "<h2>Ons besluit</h2>\n<p>Wij wijzen uw aanvraag af.</p>\n"
        + MOTIVERING
        + VRIJE_TEKST
        + BEZWAAR,
    ),
    S.BUITEN_BEHANDELING: (
        "Uw aanvraag wordt niet behandeld",
        AANHEF
        + """<p>Op {{ aanvraag.ontvangen_op|date:"j F Y" }} heeft u een aanvraag gedaan: {{ aanvraag.omschrijving }}
Wij hebben u gevraagd uw aanvraag aan te vullen. Dat is niet (op tijd) gebeurd. Daarom nemen wij uw aanvraag
niet in behandeling (Algemene wet bestuursrecht, artikel 4:5; {{ wettelijke_grondslag }}).</p>
"""
        + VRIJE_TEKST
        + BEZWAAR,
    ),
    S.VERDAGING: (
        "Wij hebben meer tijd nodig voor uw aanvraag",
        AANHEF
        + """<p>Op {{ aanvraag.ontvangen_op|date:"j F Y" }} heeft u een aanvraag gedaan. Het lukt ons niet om op tijd
te beslissen ({{ verdaging.termijn }}). {{ verdaging.mededeling|linebreaks }}
<p>U krijgt uiterlijk op <strong>{{ verdaging.nieuwe_datum|date:"l j F Y" }}</strong> ons besluit
(Algemene wet bestuursrecht, artikel 4:14).</p>
"""
        + VRIJE_TEKST,
    ),
    S.ONDERZOEKSVERSLAG: (
        "Verslag van ons gesprek",
        AANHEF
        + """<p>Op {{ onderzoek.gesprek_datum|default:onderzoek.gestart_op|date:"j F Y" }} hebben wij met u gesproken
over uw hulpvraag. Hieronder leest u het verslag van dat onderzoek.</p>
<h2>Aanwezig</h2><p>{{ onderzoek.deelnemers|default:"-" }}</p>
<h2>Verslag</h2>{{ onderzoek.verslag|linebreaks }}
{% if onderzoek.eigen_mogelijkheden %}<h2>Wat u zelf kunt</h2>{{ onderzoek.eigen_mogelijkheden|linebreaks }}{% endif %}
{% if onderzoek.mantelzorg %}<h2>Mantelzorg en uw netwerk</h2>{{ onderzoek.mantelzorg|linebreaks }}{% endif %}
{% if onderzoek.voorliggende_voorzieningen %}<h2>Andere mogelijkheden</h2>{{ onderzoek.voorliggende_voorzieningen|linebreaks }}{% endif %}
"""
        + VRIJE_TEKST
        + """<p>Klopt er iets niet, of wilt u iets toevoegen? Laat het ons binnen twee weken weten; wij voegen uw
opmerkingen bij het verslag (Wmo 2015, artikel 2.3.2, lid 8).</p>
""",
    ),
    S.ONTVANGSTBEVESTIGING: (
        "Wij hebben uw aanvraag ontvangen",
        AANHEF
        + """<p>Op {{ aanvraag.ontvangen_op|date:"j F Y" }} hebben wij uw aanvraag ontvangen: {{ aanvraag.omschrijving }}</p>
{% if beslistermijn.uiterste_datum %}<p>U krijgt uiterlijk op <strong>{{ beslistermijn.uiterste_datum|date:"l j F Y" }}</strong>
ons besluit ({{ beslistermijn.regel }}).</p>{% endif %}
"""
        + VRIJE_TEKST
        + "<p>Heeft u vragen? Neem dan contact op met {{ behandelaar.naam }}.</p>\n",
    ),
    S.BESLISSING_OP_BEZWAAR: (
        "Beslissing op uw bezwaar",
        AANHEF
        + """<p>Op {{ bezwaar.ontvangen_op|date:"j F Y" }} hebben wij uw bezwaar ontvangen tegen ons besluit van
{{ bezwaar.besluit_datum|date:"j F Y" }}. Wij hebben uw bezwaar opnieuw bekeken.</p>
<h2>Onze beslissing</h2><p>Wij verklaren uw bezwaar <strong>{{ bezwaar.uitkomst }}</strong>.</p>
{{ bezwaar.toelichting|linebreaks }}
"""
        + VRIJE_TEKST
        + """<h2>Bent u het niet eens met deze beslissing?</h2>
<p>Dan kunt u beroep instellen bij de rechtbank (sector bestuursrecht), uiterlijk op
<strong>{{ einde_beroepstermijn|date:"l j F Y" }}</strong> (Algemene wet bestuursrecht, artikel 6:7, 6:8 en 8:1).
Ons kenmerk is {{ casus.nummer }}.</p>
""",
    ),
}


def standaardsjablonen_laden(gemeente, door=None) -> int:
    """Create the standard template of every kind and law that the gemeente does not have yet."""
    from .models import BriefSjabloon
    from .services import sjabloon_opslaan

    aantal = 0
    for wet in Wet.values:
        for soort, (onderwerp, inhoud) in TEKSTEN.items():
            if BriefSjabloon.objects.filter(gemeente=gemeente, soort=soort, wet=wet).exists():
                continue
            sjabloon_opslaan(
                sjabloon=BriefSjabloon(gemeente=gemeente, soort=soort, wet=wet),
                onderwerp=onderwerp,
                inhoud=inhoud,
                door=door,
            )
            aantal += 1
    return aantal
