"""'Zo werkt het': one short page per role that a new worker reads in five minutes, linked from the
menu. The texts are here (not in the database): they change with the code they describe."""

from django.views.generic import TemplateView

from .access import Rol, RoleRequiredMixin, user_roles
from .verwerkingen import GEEN_PERSOONSGEGEVENS

# Per role: (title, [(heading, text), ...]). Plain Dutch, the order of a first working day.
UITLEG = {
    Rol.FRONTOFFICE: (
        "Frontoffice (balie)",
        [
            (
                "Uw startpagina",
                "De werkvoorraad toegang: hulpvragen van uw kernen, crisis bovenaan, dan wat nog "
                "op triage wacht, dan de oudste.",
            ),
            (
                "Een nieuwe hulpvraag",
                "Kies Nieuwe hulpvraag. Zoek de inwoner eerst (BSN, naam met geboortedatum "
                "of adres); kent de toegang hem al, dan registreert u de hulpvraag bij die inwoner. Vraag om "
                "toestemming voor het delen met partners en leg de reikwijdte vast.",
            ),
            (
                "Triage",
                "Handel af aan de balie, verwijs naar een partner in de kern (voorliggend veld) of schaal op "
                "naar maatwerk onder een wet. Bij opschaling naar de Wmo start de wettelijke termijn van het "
                "onderzoek (zes weken); de casus toont hem meteen.",
            ),
            (
                "Signalen",
                "Het belletje telt uw open signalen. De inbox opent op wat nog open staat, het meest "
                "urgente bovenaan; handel een signaal af als het werk gedaan is.",
            ),
        ],
    ),
    Rol.CONSULTANT: (
        "Consultant (backoffice, regisseur)",
        [
            (
                "Uw startpagina",
                "Maatwerk: eerst een crisis die nog niet in zorg is, dan de dichtstbijzijnde "
                "wettelijke termijn (een verstreken termijn staat bovenaan), dan meldingen die nog "
                "niemand heeft. Claim een melding om hem te behandelen.",
            ),
            (
                "Van melding tot beschikking",
                "Onderzoek (Wmo: keukentafelgesprek, binnen zes weken), aanvraag, "
                "besluit met voorzieningen. De termijnen rekenen zelf met weekenden en feestdagen; schort op "
                "als de inwoner stukken aanvult (vanaf de dag na de start van de termijn).",
            ),
            (
                "Jeugdwet",
                "Jeugdhulp is voor een jeugdige: onder 18 jaar, of tot 23 jaar alleen bij voortzetting, "
                "hervatting of een justitieel kader. Het besluit vraagt dan de grond.",
            ),
            (
                "Afschalen",
                "Kan het netwerk het weer dragen, schaal dan af naar een partner; lopende voorzieningen "
                "eindigen op de datum die u kiest.",
            ),
            ("Signalen", "De inbox opent op open signalen, het meest urgente bovenaan."),
        ],
    ),
    Rol.TEAMLEIDER: (
        "Teamleider",
        [
            (
                "Uw startpagina",
                "Het dashboard: per kern de op- en afschaling, termijnen in gevaar, het werk per "
                "consultant en verwijzingen die wachten bij partners. Elk getal opent de lijst erachter, met "
                "hetzelfde moment als het getal.",
            ),
            (
                "Toewijzen",
                "In Maatwerk ziet u meldingen die nog niemand heeft; wijs ze toe aan een consultant "
                "van het team.",
            ),
            (
                "Escalaties",
                "Verstreken termijnen, meldingen die niet zijn opgepakt en crisis die blijft liggen "
                "komen als signaal bij u.",
            ),
            (
                "Raadsrapportage",
                "Per kwartaal of halfjaar, met kleine aantallen verborgen (<5, en x waar een "
                "totaal een klein aantal zou verraden). Vanuit de raadsrapportage ook de CBS-levering.",
            ),
        ],
    ),
    Rol.BEHEERDER: (
        "Beheerder",
        [
            (
                "Uw startpagina",
                "Het beheer: kernen, teams, partners (met import en export), de productcatalogus, "
                "signaalregels, briefsjablonen en gebruikers. U ziet geen casusinhoud.",
            ),
            (
                "Briefsjablonen",
                "De wettelijke grondslag per voorzieningssoort (wetsartikel en artikel van de "
                "verordening) onderhoudt u in de briefsjablonen.",
            ),
            (
                "Bewaartermijnen",
                "Het proefrapport toont wat elke regel zou anonimiseren; zet een regel pas aan na controle.",
            ),
        ],
    ),
    Rol.PRIVACY: (
        "Privacy officer (FG)",
        [
            (
                "Uw startpagina",
                "Het verwerkingenlog: wie wat heeft ingezien, gewijzigd of geëxporteerd, en elke "
                "geweigerde poging. Filter op medewerker, inwoner of periode.",
            ),
            (
                "Gebruikersaudit",
                "Wie welke rol kreeg of verloor, en wanneer tweestapsverificatie is ingesteld.",
            ),
        ],
    ),
    Rol.BELEID: (
        "Beleidsmedewerker",
        [
            (
                "Uw startpagina",
                "De raadsrapportage van uw gemeente, per kwartaal of halfjaar, als pagina, XLSX en "
                "PDF, met dezelfde cijfers. U ziet geen casussen of personen.",
            ),
            (
                "Tekens",
                "<5 is een aantal onder de vijf; x is een aantal van vijf of meer dat verborgen is omdat "
                "een totaal anders een klein aantal zou verraden.",
            ),
            ("CBS", "De levering Beleidsinformatie Jeugd staat onder CBS in het menu."),
        ],
    ),
    Rol.PARTNER: (
        "Partner (voorliggend veld)",
        [
            (
                "Uw startpagina",
                "De verwijzingen aan uw organisatie, met alleen de gegevens waarvoor de inwoner "
                "toestemming gaf.",
            ),
            (
                "Een verwijzing beantwoorden",
                "Open een verwijzing en kies wat u doet: accepteren, afwijzen (met "
                "reden), terugkoppelen of vragen om opschaling naar maatwerk. Per keuze één formulier.",
            ),
            ("Capaciteit", "Geef aan hoeveel u kunt opnemen, zodat de toegang weet waar ruimte is."),
        ],
    ),
}


class ZoWerktHetView(RoleRequiredMixin, TemplateView):
    allowed_roles = Rol.ALL
    verwerking = GEEN_PERSOONSGEGEVENS
    template_name = "altena/zo_werkt_het.html"

    def get_context_data(self, **kwargs):
        rollen = user_roles(self.request.user)
        return super().get_context_data(
            uitleg=[UITLEG[r] for r in Rol.ALL if r in rollen and r in UITLEG], **kwargs
        )
