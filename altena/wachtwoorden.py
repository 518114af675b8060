"""Password strength beyond length (issue 21 build 3).

Three validators in ``AUTH_PASSWORD_VALIDATORS`` besides Django's own:

* zxcvbn (django-zxcvbn-password-validator, minimum score 3, ``PASSWORD_MINIMAL_STRENGTH``) with the
  gemeente's and product's names as its extra dictionary (``PASSWORD_EXTRA_DICTIONARY``);
* ``BekendWachtwoordValidator``: the commonest Dutch passwords and the names of the gemeenten, their
  kernen and the product, also repeated or with digits and punctuation around them;
* ``WoordJaartalValidator``: a dictionary word followed by digits (a year) and punctuation, the
  pattern people use to satisfy "a digit and a special character" (zxcvbn alone scores
  ``Welkom2026!!`` at 4).

No breached-password corpus ships as an offline package, and a closed municipal network cannot call
an online one: no password is ever sent anywhere.
"""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError

# The commonest Dutch passwords (and the Dutch words inside the common ones), lower case.
NEDERLANDSE_WACHTWOORDEN = frozenset(
    """
    wachtwoord welkom welkom01 geheim geheimpje hallo hallootjes hoi doei hallo123 letmein paswoord
    password wachtwoord1 gebruiker gebruikersnaam inloggen toegang beheer beheerder medewerker
    ajax feyenoord psv voetbal oranje nederland holland hollandia amsterdam rotterdam utrecht denhaag
    eindhoven groningen tilburg breda dordrecht gorinchem liefde liefje schat schatje lieverd prinses
    prinsesje engeltje hondje poesje konijn paard paardje bloemetje zonnetje sterretje vlinder
    zomer winter lente herfst voorjaar najaar zomertijd wintertijd maandag dinsdag woensdag donderdag
    vrijdag zaterdag zondag januari februari maart april mei juni juli augustus september oktober
    november december kerstmis pasen vakantie familie kinderen mama papa oma opa broer zus tante oom
    kaas fiets molen tulp klompen stroopwafel appeltaart koffie thee bier chocolade snoepje
    computer welkomstwoord nieuw nieuwwachtwoord wijzigen veranderen tijdelijk tijdelijk01 test testen
    qwerty azerty asdfgh zxcvbn abcdef abcdefgh
    gemeente gemeentehuis stadhuis raadhuis sociaal sociaaldomein domein zorg jeugd jeugdzorg wmo
    participatie participatiewet jeugdwet toegangsteam wijkteam keukentafel
    altena altenatoegang westerkwartier werkendam woudrichem aalburg almkerk sleeuwijk dussen andel
    giessen rijswijk uitwijk waardhuizen nieuwendijk hank veen babyloniënbroek babylonienbroek
    genderen eethen meeuwen drongelen wijkenaalburg sintlaurens zevenbergen leek zuidhorn grootegast
    marum
    """.split()
)

_JAARTAL = re.compile(r"^([a-z]+?)(\d{1,4})([^a-z0-9]*)$")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})


def _letters(tekst: str) -> str:
    tekst = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", tekst.lower())


def _is_herhaling(tekst: str, woorden) -> bool:
    """'altenaaltena', 'welkomwelkom': a word of the list, once or repeated."""
    for lengte in range(3, len(tekst) + 1):
        deel = tekst[:lengte]
        if len(tekst) % lengte == 0 and deel * (len(tekst) // lengte) == tekst and deel in woorden:
            return True
    return False


def _woordenboek() -> frozenset[str]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    if not hasattr(_woordenboek, "_cache"):
        engels = set()
        for naam in ("passwords", "english_wikipedia", "us_tv_and_film"):
            engels.update(w for w in FREQUENCY_LISTS.get(naam, [])[:20000] if len(w) >= 4)
        _woordenboek._cache = frozenset(engels) | NEDERLANDSE_WACHTWOORDEN
    return _woordenboek._cache


class BekendWachtwoordValidator:
    """A common Dutch password, the gemeente's or product's name, or the username, repeated or with
    digits and punctuation around them."""

    def validate(self, password, user=None):
        letters = _letters(password.translate(_LEET)) or _letters(password)
        eigen = {_letters(getattr(user, "username", "") or "")} - {""}
        woorden = NEDERLANDSE_WACHTWOORDEN | eigen
        if _letters(password) and (
            _is_herhaling(letters, woorden) or _is_herhaling(_letters(password), woorden)
        ):
            raise ValidationError(
                "Dit wachtwoord is een veelgebruikt wachtwoord, de naam van de gemeente of de toepassing, "
                "of uw gebruikersnaam (eventueel herhaald of met cijfers en leestekens). Zulke "
                "wachtwoorden proberen aanvallers als eerste. Kies een zin van een paar woorden die niet "
                "bij elkaar horen.",
                code="password_bekend",
            )

    def get_help_text(self):
        return "Geen veelgebruikt wachtwoord, geen naam van de gemeente of van Altena Toegang."


class WoordJaartalValidator:
    """A dictionary word plus digits (a year) plus punctuation: 'Welkom2026!!', 'Zomer2026!!!'."""

    def validate(self, password, user=None):
        match = _JAARTAL.match(password.strip().lower())
        if match and (match.group(1) in _woordenboek() or _is_herhaling(match.group(1), _woordenboek())):
            raise ValidationError(
                "Dit wachtwoord is een woord uit het woordenboek met een jaartal of cijfers en leestekens "
                "erachter (zoals Welkom2026!!). Dat patroon proberen aanvallers als eerste. Kies een zin "
                "van een paar woorden die niet bij elkaar horen.",
                code="password_woord_jaartal",
            )

    def get_help_text(self):
        return "Geen woord met alleen een jaartal en leestekens erachter."
