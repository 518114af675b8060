"""The first hour of a consultant: errors that say what is allowed instead of only what is not."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from backoffice import services
from backoffice.models import Termijn

pytestmark = pytest.mark.django_db


def test_opschorting_op_de_startdag_noemt_de_eerste_toegestane_datum(vandaag, opschalen, consultant):
    casus = services.casus_claimen(casus=opschalen("wmo"), door=consultant)
    services.aanvraag_ontvangen(casus=casus, ontvangen_op=vandaag, omschrijving="x", door=consultant)
    termijn = Termijn.objects.get(casus=casus, soort="wmo_beschikking")
    with pytest.raises(ValidationError) as fout:
        services.termijn_opschorten(termijn=termijn, van=date(2026, 3, 2), reden="Stukken", door=consultant)
    assert fout.value.message_dict["van"] == [
        "Een opschorting begint na de start van de termijn (02-03-2026); "
        "de eerste mogelijke dag is 03-03-2026."
    ]
    services.termijn_opschorten(termijn=termijn, van=date(2026, 3, 3), reden="Stukken", door=consultant)


def test_maatwerk_wachtrij_op_wat_actie_vraagt(vandaag, client_for, consultant, team):
    """A crisis not yet in zorg, then a passed term, then a nearing one, then a melding nobody has,
    and only then a crisis case already in zorg without a running term."""
    from datetime import timedelta

    from django.urls import reverse

    from tests.factories.backoffice import TermijnFactory
    from tests.factories.intake import CasusFactory

    crisis_in_zorg = CasusFactory(
        maatwerk=True, team=team, fase="in_zorg", crisis=True, behandelaar=consultant
    )
    oud_toegewezen = CasusFactory(maatwerk=True, team=team, fase="onderzoek", behandelaar=consultant)
    ontoegewezen = CasusFactory(maatwerk=True, team=team, wet="jeugdwet")
    nadert = CasusFactory(maatwerk=True, team=team, behandelaar=consultant)
    TermijnFactory(casus=nadert, uiterste_datum=vandaag + timedelta(days=3))
    verstreken = CasusFactory(maatwerk=True, team=team, behandelaar=consultant)
    TermijnFactory(casus=verstreken, uiterste_datum=vandaag - timedelta(days=2))
    crisis = CasusFactory(maatwerk=True, team=team, crisis=True)
    rijen = client_for(consultant).get(reverse("backoffice:werkvoorraad")).context["object_list"]
    # the last two have no running term and are both taken: the oldest first
    assert [c.pk for c in rijen] == [
        c.pk for c in (crisis, verstreken, nadert, ontoegewezen, crisis_in_zorg, oud_toegewezen)
    ]
