"""Where a signal's work is done: the page (and the spot on it) a signal opens on.

The signal's ``onderwerp`` names what it is about (``termijn:<id>``, ``verwijzing:<id>``,
``voorziening:<id>``, ``melding``, ``crisis``), so one click lands on:

* a term (approaching, exceeded, bezwaar): the term on the maatwerk case page, with its
  opschorten/verdagen links;
* an unassigned melding or an unpicked crisis, for a teamleider: the toewijzen page; for others,
  the case page (a crisis still at the door: the front-door page with the triage buttons);
* a referral without feedback: the referral on the front-door page (terugkoppeling, opschalen);
* a voorziening that ends: the voorziening on the maatwerk page (beëindigen, herindicatie);
* a provider's verzoek (315/317) or a retour with errors: its page in the berichten app.
"""

from __future__ import annotations

from django.urls import reverse

from altena.access import Rol, has_role
from intake.routes import casus_url
from intake.workflow import MAATWERK_FASEN

from .models import Signaal


def bestemming(signaal: Signaal, user) -> str:
    casus = signaal.casus
    soort, _, ref = signaal.onderwerp.partition(":")
    if soort in ("termijn", "voorziening") and ref:
        return casus_url(casus, user, anker=f"{soort}-{ref}")
    if soort == "verwijzing" and ref:
        return reverse("intake:casus", kwargs={"nummer": casus.nummer}) + f"#verwijzing-{ref}"
    if soort == "verzoek" and ref:  # a provider's 315/317: judged on its own page (berichten)
        return reverse("berichten:verzoek", kwargs={"pk": ref})
    if soort == "bericht" and ref:  # a retour with errors: the message itself
        return reverse("berichten:bericht", kwargs={"pk": ref})
    if soort in ("melding", "crisis") and casus.behandelaar_id is None:
        if casus.fase in MAATWERK_FASEN and has_role(user, Rol.TEAMLEIDER):
            return reverse("backoffice:toewijzen", kwargs={"nummer": casus.nummer})
    return casus_url(casus, user)
