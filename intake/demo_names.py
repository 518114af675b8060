"""Word lists for synthetic demo inwoners: Dutch-looking, invented combinations of common names."""

VOORNAMEN = (
    "Jan Piet Kees Henk Gerrit Willem Hendrik Johannes Cornelis Adriaan Arie Teun Bas Daan Sem Lucas Finn "
    "Levi Noah Jesse Thijs Ruben Bram Koen Sander Maarten Wouter Joost Martijn Dirk Marinus Leendert "
    "Aart Huib "
    "Maria Johanna Anna Cornelia Hendrika Wilhelmina Adriana Grietje Neeltje Aaltje Emma Julia Sophie Tess "
    "Sara Fleur Lotte Anouk Femke Iris Lieke Marloes Esther Ingrid Annemiek Mirjam Judith Janneke "
    "Gerdien Teuntje"
).split()

ACHTERNAMEN = [
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Verhoeven"),
    ("van der", "Linden"),
    ("", "Kok"),
    ("", "Jacobs"),
    ("de", "Haan"),
    ("", "Vermeulen"),
    ("van den", "Heuvel"),
    ("van der", "Veen"),
    ("van den", "Broek"),
    ("de", "Bruijn"),
    ("", "Schouten"),
    ("van", "Beek"),
    ("", "Willems"),
    ("van", "Vliet"),
    ("van de", "Ven"),
    ("", "Hoekstra"),
    ("", "Maas"),
    ("", "Verbeek"),
    ("", "Kuipers"),
    ("van", "Wijk"),
    ("", "Post"),
    ("", "Kuiper"),
    ("van", "Andel"),
    ("", "Sterrenburg"),
    ("", "Verheij"),
    ("van der", "Werf"),
    ("", "Boogaard"),
    ("", "Spek"),
    ("", "Verschoor"),
    ("den", "Hartog"),
    ("van", "Tuijl"),
    ("", "Kant"),
    ("", "Rijsdijk"),
    ("", "Baaijens"),
    ("van", "Houwelingen"),
    ("", "Vink"),
    ("", "Rovers"),
    ("van", "Oversteeg"),
    ("", "Hakkesteegt"),
    ("", "Mierop"),
]

STRATEN = (
    "Dorpsstraat Kerkstraat Molenstraat Schoolstraat Nieuweweg Dijk Havenstraat Julianastraat Beatrixstraat "
    "Wilhelminastraat Burgemeester-Van-Dijkstraat Lindenlaan Eikenlaan Populierenlaan Weidelaan Buitendijk "
    "Binnenweg Sluisweg Rivierdijk Polderweg Kastanjelaan Meidoornstraat Vlietstraat Oranjestraat "
    "Prinsenstraat"
).split()

HULPVRAGEN = {
    "huisvesting": "Mijn huis is niet meer geschikt nu ik slecht ter been ben.",
    "instrumentele_adl": "Ik red het niet meer met het huishouden sinds mijn operatie.",
    "basale_adl": "Ik heb hulp nodig bij het wassen en aankleden.",
    "financien": "Ik heb schulden en kan de huur niet meer betalen.",
    "werk_opleiding": "Ik ben mijn baan kwijt en zoek werk.",
    "sociaal_netwerk": "Sinds mijn vrouw is overleden zie ik bijna niemand meer.",
    "huiselijke_relaties": "Thuis zijn veel spanningen; de kinderen lijden eronder.",
    "geestelijke_gezondheid": "Mijn zoon van 15 zit al maanden thuis en komt niet meer naar buiten.",
    "lichamelijke_gezondheid": "Na mijn beroerte kan ik minder en mijn man raakt overbelast.",
    "middelengebruik": "Mijn broer drinkt te veel en verwaarloost zichzelf.",
    "tijdsbesteding": "Ik zit de hele dag thuis en zou graag iets zinvols doen.",
    "maatschappelijke_participatie": "Ik wil meedoen in het dorp maar weet niet hoe.",
    "justitie": "Mijn dochter is in aanraking gekomen met de politie.",
}
