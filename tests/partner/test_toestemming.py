"""The consent's scope recorded at referral decides each field a partner sees; the BSN, other cases
and the maatwerk history never reach the partner; every look is logged as a look by the worker."""

import pytest

from altena.models import Verwerking
from intake.models import GedeeldGegeven, Verwijzing
from tests.factories.intake import CasusFactory

pytestmark = pytest.mark.django_db

WAARDEN = {
    "naam": "Anna Jansen",
    "kern": "Sleeuwijk",
    "adres": "Dorpsstraat",
    "telefoon": "06-11112222",
    "email": "anna@voorbeeld.nl",
    "geboortedatum": "17-05-1950",
    "hulpvraag": "Ik zit veel alleen thuis",
    "leefgebieden": "Sociaal netwerk",
}


def test_every_choice_has_a_value_to_check():
    assert set(WAARDEN) == set(GedeeldGegeven.values)


@pytest.mark.parametrize("gegeven", GedeeldGegeven.values)
def test_only_the_consented_field_is_shown(pw, verwijzing, gegeven):
    Verwijzing.objects.filter(pk=verwijzing.pk).update(gedeelde_gegevens=[gegeven])
    html = pw.get(f"/partner/verwijzing/{verwijzing.pk}/").content.decode()
    assert f'data-veld="{gegeven}"' in html
    assert WAARDEN[gegeven] in html
    for ander, waarde in WAARDEN.items():
        if ander != gegeven:
            assert f'data-veld="{ander}"' not in html
            if ander not in ("kern",):  # "Sleeuwijk" is also the team's name ("Team Werkendam" is not)
                assert waarde not in html, (gegeven, ander)


def test_nothing_shared_shows_no_personal_data(pw, verwijzing):
    Verwijzing.objects.filter(pk=verwijzing.pk).update(gedeelde_gegevens=[])
    html = pw.get(f"/partner/verwijzing/{verwijzing.pk}/").content.decode()
    assert "geen persoonsgegevens gedeeld" in html
    assert not any(w in html for k, w in WAARDEN.items() if k != "kern")
    assert "(naam niet gedeeld)" in pw.get("/partner/").content.decode()


def test_never_bsn_other_cases_or_maatwerk(pw, verwijzing):
    casus = verwijzing.casus
    CasusFactory(
        inwoner=casus.inwoner, kern=casus.kern, maatwerk=True, hulpvraag="Andere vraag over schulden"
    )
    Verwijzing.objects.filter(pk=verwijzing.pk).update(gedeelde_gegevens=GedeeldGegeven.values)
    html = pw.get(f"/partner/verwijzing/{verwijzing.pk}/").content.decode()
    assert casus.inwoner.bsn not in html and casus.inwoner.bsn_gemaskeerd not in html
    assert "Andere vraag over schulden" not in html and "Wmo" not in html
    assert casus.nummer not in html


def test_the_referring_staff_member_and_how_to_reach_them(pw, verwijzing, frontoffice):
    frontoffice.first_name, frontoffice.last_name, frontoffice.email = (
        "Fenna",
        "Balie",
        "fenna@altena.example",
    )
    frontoffice.save()
    html = pw.get(f"/partner/verwijzing/{verwijzing.pk}/").content.decode()
    assert "Fenna Balie" in html and "mailto:fenna@altena.example" in html and "Team Werkendam" in html


def test_each_look_is_logged_as_a_look_by_the_partner_worker(pw, medewerker, verwijzing):
    pw.get("/partner/")
    pw.get(f"/partner/verwijzing/{verwijzing.pk}/")
    looks = Verwerking.objects.filter(actor=medewerker.gebruiker, handeling="lezen", resultaat="geslaagd")
    assert looks.count() == 2
    assert {(v.object_type, v.object_id, v.inwoner_id) for v in looks} == {
        ("verwijzing", str(verwijzing.pk), verwijzing.casus.inwoner_id)
    }
    assert all(v.actor_naam == medewerker.gebruiker.username for v in looks)


def test_the_list_has_a_constant_query_count(pw, medewerker, verwijzing):
    from tests.factories.intake import VerwijzingFactory

    pw.get("/partner/")  # warm the session

    def queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            assert pw.get("/partner/").status_code == 200
        return len(ctx.captured_queries)

    een = queries()
    for _ in range(24):
        VerwijzingFactory(partner=medewerker.partner, casus__met_toestemming=True)
    assert queries() == een


def test_a_referral_without_consent_never_reaches_the_partner(pw, verwijzing):
    type(verwijzing.casus).objects.filter(pk=verwijzing.casus_id).update(toestemming_delen=False)
    assert pw.get(f"/partner/verwijzing/{verwijzing.pk}/").status_code == 404
    assert "Anna" not in pw.get("/partner/?toon=alle").content.decode()
