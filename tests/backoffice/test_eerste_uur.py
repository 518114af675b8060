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
