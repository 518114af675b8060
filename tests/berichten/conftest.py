from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from backoffice.services import aanvraag_ontvangen, besluit_nemen
from berichten.schema import schemafouten
from intake.workflow import Fase
from tests.factories.backoffice import ProductFactory, ZorgaanbiederFactory
from tests.factories.intake import CasusFactory, InwonerFactory
from tests.oracle import ISTANDAARDEN, oracle

# The outside oracle: the published schemas and examples (../shared/istandaarden from the root).
# Where it is absent (a user's clone), a test that reads it is skipped (tests/oracle.py); the
# schema checks of assert_valid fall back to the project's own structural copy, which
# test_schemas_kopie.py holds to the publication wherever the publication is present.
SHARED = ISTANDAARDEN
EIGEN_KOPIE = Path(__file__).resolve().parents[2] / "berichten" / "schemas"


def oracle_schema(berichttype: str) -> etree.XMLSchema:
    folder = "wmo" if berichttype.startswith("WMO") else "jw"
    return etree.XMLSchema(etree.parse(str(oracle(SHARED / folder / "xsd" / f"{berichttype}.xsd"))))


# The iWmo retours the publication lacks, and their BerichtCode (COD002) beside the iJw one.
WMO_RETOURCODES = {"302": ("437", "415"), "306": ("439", "419"), "308": ("441", "421"),
                   "316": ("447", "445"), "318": ("487", "481"), "320": ("489", "483")}  # fmt: skip


def oracle_wmo_retour_tekst(nummer: str) -> bytes:
    """An iWmo retour schema derived here, independently of the project's code, from the
    published iJw one: iJw namespaces and prefixes -> iWmo, the BerichtCode from COD002."""
    jw, wmo = WMO_RETOURCODES[nummer]
    tekst = (oracle(SHARED) / "jw" / "xsd" / f"JW{nummer}.xsd").read_text(encoding="utf-8")
    tekst = tekst.replace("ijw", "iwmo").replace(f"jw{nummer}", f"wmo{nummer}")
    assert tekst.count(f'<xs:pattern value="{jw}"/>') == 1
    return tekst.replace(f'<xs:pattern value="{jw}"/>', f'<xs:pattern value="{wmo}"/>').encode("utf-8")


def oracle_wmo_retour(nummer: str) -> etree.XMLSchema:
    base = str(SHARED / "wmo" / "xsd" / f"WMO{nummer}.xsd")  # imports the iWmo basisschema
    return etree.XMLSchema(etree.fromstring(oracle_wmo_retour_tekst(nummer), base_url=base))


def assert_valid(bericht_of_bytes, berichttype: str | None = None):
    """Validate against the published XSD (for the Wmo retours that are not published: derived
    here from the published iJw retour); without the publication, against the project's copy."""
    inhoud = bytes(getattr(bericht_of_bytes, "inhoud", bericht_of_bytes))
    berichttype = berichttype or bericht_of_bytes.berichttype
    doc = etree.fromstring(inhoud)
    if not SHARED.is_dir():
        fouten = schemafouten(berichttype, etree.ElementTree(doc), map=EIGEN_KOPIE)
        assert not fouten, fouten
        return doc
    pad = SHARED / ("wmo" if berichttype.startswith("WMO") else "jw") / "xsd" / f"{berichttype}.xsd"
    if pad.exists():
        schema = etree.XMLSchema(etree.parse(str(pad)))
    else:
        schema = oracle_wmo_retour(berichttype[-3:])
    assert schema.validate(doc), [e.message for e in schema.error_log]
    return doc


@pytest.fixture(autouse=True)
def altena(request):
    """The gemeente of the demo kernen (seeded by migration; a transactional test elsewhere may
    have flushed it)."""
    if "db" not in request.fixturenames and not request.node.get_closest_marker("django_db"):
        return None
    from netwerk.models import Gemeente

    return Gemeente.objects.get_or_create(naam="Altena", defaults={"cbs_code": "1959"})[0]


@pytest.fixture(autouse=True)
def berichtenmap(settings, tmp_path):
    settings.BERICHTEN_MAP = str(tmp_path / "berichten")
    # The application validates with its own copy (the default), as a user's clone does.
    settings.BERICHTEN_XSD_MAP = str(EIGEN_KOPIE)
    return tmp_path / "berichten"


@pytest.fixture
def huishoudelijke_hulp(db):
    return ProductFactory(
        wet="wmo", naam="Hulp bij het huishouden", categorie="01", productcode="01A01", eenheid="uur"
    )


@pytest.fixture
def jeugd_ggz(db):
    return ProductFactory(
        wet="jeugdwet", naam="Jeugd-ggz behandeling", categorie="54", productcode="54001", eenheid="uur"
    )


@pytest.fixture
def thuiszorg(db):
    return ZorgaanbiederFactory(
        naam="Thuiszorg Altena", agb_code="75123456", istandaarden_categorieen=["01", "02"]
    )


@pytest.fixture
def jeugdaanbieder(db):
    return ZorgaanbiederFactory(
        naam="Jeugdhulp West",
        agb_code="76111111",
        soort="zorgaanbieder_jeugd",
        istandaarden_categorieen=["45", "54"],
    )


@pytest.fixture
def toekennen(consultant, team, django_capture_on_commit_callbacks):
    """toekennen(product, aanbieder, wet="wmo", inwoner=None, **voorziening): a besluit through the
    backoffice service on a fresh case; then the outbox task runs as the beat would."""
    from berichten.services.mutaties import mutaties_verwerken

    def make(product, aanbieder, wet="wmo", inwoner=None, **velden):
        if inwoner is None and wet == "jeugdwet":  # jeugdhulp is for a jeugdige (Jeugdwet art. 1.1)
            inwoner = InwonerFactory(
                kern=team.kernen.first(), geboortedatum=date.today() - timedelta(days=11 * 365)
            )
        casus = CasusFactory(
            maatwerk=True, wet=wet, fase=Fase.ONDERZOEK, team=team, behandelaar=consultant,
            **({"inwoner": inwoner} if inwoner else {}),
        )  # fmt: skip
        vandaag = timezone.localdate()
        aanvraag_ontvangen(casus=casus, ontvangen_op=vandaag, omschrijving="Hulp", door=consultant)
        voorziening = {
            "product": product,
            "leveringsvorm": "natura",
            "aanbieder": aanbieder,
            "volume": 3,
            "eenheid": "uur",
            "frequentie": "week",
            "startdatum": vandaag,
            "einddatum": vandaag + timedelta(days=180),
            **velden,
        }
        with django_capture_on_commit_callbacks(execute=True):
            besluit_nemen(
                casus=casus,
                soort="toekenning",
                besluitdatum=vandaag,
                verzonden_op=vandaag,
                motivering="Uit het onderzoek blijkt dat hulp nodig is.",
                grondslag="Wmo 2015 art. 2.3.5",
                door=consultant,
                voorzieningen=[voorziening],
            )
        with django_capture_on_commit_callbacks(execute=True):
            mutaties_verwerken()
        casus.refresh_from_db()
        return casus

    return make


@pytest.fixture
def inwoner(db):
    return InwonerFactory(
        voornamen="Tim", tussenvoegsel="de", achternaam="Wit", geboortedatum=date(1967, 8, 13)
    )
