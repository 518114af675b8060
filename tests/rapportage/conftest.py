"""A small hand-built data set for the raad report of the first quarter of 2026 (gemeente Altena).

The right answers are written in the tests (test_raad.py), counted by hand from this file:

hulpvragen (registered in Q1, Amsterdam time): Veen 7 (V1..V6, one at 31 March 23:30, and M, which
moved to Almkerk later), Sleeuwijk 2 (S1, S2); one at 1 April 00:30 is Q2; one in Westerkwartier.
meldingen (opschaling to maatwerk in Q1): Veen Wmo 5 (V1..V5 from the door), Almkerk Wmo 1 (M, after
its move), Sleeuwijk Jeugdwet 1 (S1, after a referral). Afschaling: Sleeuwijk 1 (S2).
aanvragen: Veen Wmo 5 (V1..V5, 1 February). besluiten: Wmo 4 toegekend after 10 days, 1 afgewezen
after 30 days (term 14 days): 80% on time, median 10, p90 22.
voorzieningen: cat 02 (V1..V4, from 15 February): 4 active on 31 March, 4 started; cat 01 (V1, ended
31 January): 1 ended; cat 45 Jeugd x2 and Participatiewet x1 active since 2025. Natura 6 active / 3
started / 1 ended; pgb (V4) 1 / 1 / 0.
stapeling on 31 March: household H1 three laws, H2 two laws, V3 and V4 one law each.
bezwaren: 1 received (V5), decided in time, gegrond.
verwijzingen sent in Q1: welzijn 6 (4 accepted or finished, 1 declined, 1 open); school 1 (open, and
the case was opgeschaald afterwards).
previous period (Q4 2025): 1 hulpvraag in Veen.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest

from altena.access import Rol
from backoffice.models import Besluit, Leveringsvorm
from intake.models import CasusGebeurtenis, Verwijzing
from intake.workflow import Fase
from netwerk.models import PartnerSoort
from tests.factories.altena import UserFactory
from tests.factories.backoffice import (
    AanvraagFactory,
    BesluitFactory,
    BezwaarFactory,
    ProductFactory,
    VoorzieningFactory,
)
from tests.factories.intake import CasusFactory, HuishoudenFactory, InwonerFactory, VerwijzingFactory
from tests.factories.netwerk import KernFactory, PartnerFactory, TeamFactory

AMS = ZoneInfo("Europe/Amsterdam")


def moment(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=AMS)


def d(*args) -> datetime.date:
    return datetime.date(*args)


def overgang(casus, van, naar, tijdstip):
    CasusGebeurtenis.objects.create(
        casus=casus, soort=CasusGebeurtenis.Soort.OVERGANG, fase_van=van, fase_naar=naar, tijdstip=tijdstip
    )


@pytest.fixture
def raad_team(db):
    return TeamFactory(naam="Team Altena breed")


@pytest.fixture
def raad_teamleider(raad_team):
    user = UserFactory(username="raadleider", rollen=[Rol.TEAMLEIDER])
    raad_team.leden.add(user)
    return user


@pytest.fixture
def raad_beleid(raad_team):
    beleid_team = TeamFactory(naam="Beleid Altena")
    user = UserFactory(username="beleidsmedewerker", rollen=[Rol.BELEID])
    beleid_team.leden.add(user)
    return user


@pytest.fixture
def q1(db):
    veen = KernFactory(naam="Veen", voormalige_gemeente="Aalburg")
    sleeuwijk = KernFactory(naam="Sleeuwijk", voormalige_gemeente="Werkendam")
    almkerk = KernFactory(naam="Almkerk", voormalige_gemeente="Woudrichem")
    aduard = KernFactory(naam="Aduard", voormalige_gemeente="Zuidhorn", gemeente="Westerkwartier")

    h1, h2 = HuishoudenFactory(naam="Huishouden Eén"), HuishoudenFactory(naam="Huishouden Twee")

    def casus(kern, aangemaakt, huishouden=None, **kw):
        inwoner = InwonerFactory(kern=kern, huishouden=huishouden, achternaam="Geheimnaam")
        return CasusFactory(inwoner=inwoner, kern=kern, aangemaakt=aangemaakt, **kw)

    v = [
        casus(veen, moment(2026, 1, 5 + i, 10), huishouden=[h1, h2, None, None, None][i], maatwerk=True)
        for i in range(5)
    ]
    v.append(casus(veen, moment(2026, 3, 31, 23, 30)))  # V6: last minute of Q1 in Amsterdam
    casus(veen, moment(2026, 4, 1, 0, 30))  # 31 March 22:30 UTC, but Q2 in Amsterdam
    casus(veen, moment(2025, 11, 1, 9))  # previous period
    casus(aduard, moment(2026, 2, 2, 9), maatwerk=True)  # another gemeente
    s1 = casus(sleeuwijk, moment(2026, 1, 3, 9), maatwerk=True, wet="jeugdwet")
    s2 = casus(sleeuwijk, moment(2026, 1, 4, 9), fase=Fase.VERWEZEN, wet="wmo")

    # M: registered in Veen, moved to Almkerk on 15 February, opgeschaald on 20 February.
    m = casus(almkerk, moment(2026, 1, 10, 9), maatwerk=True)
    CasusGebeurtenis.objects.create(
        casus=m,
        soort=CasusGebeurtenis.Soort.GEWIJZIGD,
        tijdstip=moment(2026, 2, 15, 12),
        gegevens={"velden": ["kern"], "kern": [veen.pk, almkerk.pk]},
    )

    for c in v[:5]:
        overgang(c, Fase.AANGEMELD, Fase.MELDING, moment(2026, 1, 20, 10))
    overgang(m, Fase.AANGEMELD, Fase.MELDING, moment(2026, 2, 20, 10))
    overgang(s1, Fase.VERWEZEN, Fase.MELDING, moment(2026, 1, 20, 10))
    overgang(s2, Fase.ONDERZOEK, Fase.VERWEZEN, moment(2026, 3, 1, 10))
    overgang(
        casus(aduard, moment(2025, 2, 3), maatwerk=True), Fase.AANGEMELD, Fase.MELDING, moment(2026, 2, 3, 10)
    )

    begeleiding = ProductFactory()  # Wmo 02
    huishoudelijk = ProductFactory(naam="Hulp bij het huishouden", categorie="01", productcode="01A01")
    jeugd = ProductFactory(wet="jeugdwet", naam="Jeugdhulp ambulant", categorie="45", productcode="45A01")
    pw = ProductFactory(wet="participatiewet", naam="Beschut werk", categorie="", productcode="")

    besluiten = []
    for i, c in enumerate(v[:5]):
        aanvraag = AanvraagFactory(casus=c, wet="wmo", ontvangen_op=d(2026, 2, 1))
        afgewezen = i == 4
        besluiten.append(
            BesluitFactory(
                casus=c,
                aanvraag=aanvraag,
                soort=Besluit.Soort.AFWIJZING if afgewezen else Besluit.Soort.TOEKENNING,
                besluitdatum=d(2026, 3, 3) if afgewezen else d(2026, 2, 11),
            )
        )
    for i, c in enumerate(v[:4]):
        VoorzieningFactory(
            casus=c,
            besluit=besluiten[i],
            product=begeleiding,
            startdatum=d(2026, 2, 15),
            einddatum=d(2026, 12, 31),
            leveringsvorm=Leveringsvorm.PGB if i == 3 else Leveringsvorm.NATURA,
        )
    VoorzieningFactory(
        casus=v[0],
        besluit=besluiten[0],
        product=huishoudelijk,
        startdatum=d(2025, 10, 1),
        einddatum=d(2026, 1, 31),
    )
    for huishouden in (h1, h2):
        kind = casus(veen, moment(2025, 5, 1, 9), huishouden=huishouden, maatwerk=True, wet="jeugdwet")
        VoorzieningFactory(
            casus=kind,
            besluit=BesluitFactory(casus=kind, besluitdatum=d(2025, 5, 20)),
            product=jeugd,
            startdatum=d(2025, 6, 1),
            einddatum=d(2026, 12, 31),
        )
    werk = casus(veen, moment(2025, 5, 1, 9), huishouden=h1, maatwerk=True, wet="participatiewet")
    VoorzieningFactory(
        casus=werk,
        besluit=BesluitFactory(casus=werk, besluitdatum=d(2025, 5, 20)),
        product=pw,
        startdatum=d(2025, 6, 1),
        einddatum=d(2026, 12, 31),
    )

    BezwaarFactory(
        casus=v[4],
        besluit=besluiten[4],
        ontvangen_op=d(2026, 3, 10),
        beslist_op=d(2026, 3, 20),
        uitkomst="gegrond",
    )

    welzijn = PartnerFactory(soort=PartnerSoort.WELZIJN)
    school = PartnerFactory(soort=PartnerSoort.SCHOOL)
    S = Verwijzing.Status
    for i, status in enumerate(
        [S.GEACCEPTEERD, S.GEACCEPTEERD, S.GEACCEPTEERD, S.AFGEROND, S.AFGEWEZEN, S.VERSTUURD]
    ):
        VerwijzingFactory(casus=v[i], partner=welzijn, status=status, verstuurd_op=moment(2026, 1, 6 + i, 9))
    VerwijzingFactory(casus=s1, partner=school, verstuurd_op=moment(2026, 1, 5, 9))
    return {"veen": veen, "sleeuwijk": sleeuwijk, "almkerk": almkerk, "v": v, "m": m, "s1": s1, "s2": s2}
