"""DigiD's SAML on the library's real assertion-consumer path: a test identity provider whose keys
these tests generate, its metadata in the library's DigidConfiguration, and its artifact resolution
endpoint answered by a stubbed HTTP layer. A valid response logs the inwoner in; an unsigned, expired,
wrong-audience or replayed one is refused and logged."""

from __future__ import annotations

import base64
import datetime
import hashlib
import os
import re
import uuid

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from digid_eherkenning.choices import ConfigTypes
from digid_eherkenning.models import DigidConfiguration
from digid_eherkenning.models.certificates import ConfigCertificate
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.test import Client
from onelogin.saml2.constants import OneLogin_Saml2_Constants
from onelogin.saml2.errors import OneLogin_Saml2_ValidationError as E
from onelogin.saml2.utils import OneLogin_Saml2_Utils
from simple_certmanager.constants import CertificateTypes
from simple_certmanager.models import Certificate

from altena.models import Verwerking
from mijn import sessie

pytestmark = pytest.mark.django_db

IDP = "https://idp.test/saml/idp"
SP = "https://toegang.example/saml/sp"
BASE = "https://toegang.example"
ACS = f"{BASE}/mijn/digid/acs/"


def sleutelpaar(naam: str) -> tuple[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    onderwerp = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, naam)])
    nu = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(onderwerp)
        .issuer_name(onderwerp)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - datetime.timedelta(days=1))
        .not_valid_after(nu + datetime.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    return key_pem, cert.public_bytes(serialization.Encoding.PEM).decode()


def _der_b64(cert_pem: str) -> str:
    return "".join(line for line in cert_pem.splitlines() if "CERTIFICATE" not in line)


@pytest.fixture(scope="module")
def sleutels():
    return {"idp": sleutelpaar("test-idp"), "sp": sleutelpaar("toegang-sp"), "vreemd": sleutelpaar("vreemd")}


@pytest.fixture
def digid(sleutels, settings, inwoner_a):
    settings.MIJN_GEMEENTE = "Altena"
    cache.clear()
    sp_key, sp_cert = sleutels["sp"]
    certificaat = Certificate.objects.create(
        label="SP",
        type=CertificateTypes.key_pair,
        public_certificate=ContentFile(sp_cert.encode(), name="sp.crt"),
        private_key=ContentFile(sp_key.encode(), name="sp.key"),
    )
    ConfigCertificate.objects.create(config_type=ConfigTypes.digid, certificate=certificaat)
    idp_cert = _der_b64(sleutels["idp"][1])
    soap, redirect, post = (
        f"urn:oasis:names:tc:SAML:2.0:bindings:{b}" for b in ("SOAP", "HTTP-Redirect", "HTTP-POST")
    )
    metadata = f"""<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"
  xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="{IDP}">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data>
      <ds:X509Certificate>{idp_cert}</ds:X509Certificate>
    </ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:ArtifactResolutionService Binding="{soap}" Location="https://idp.test/ars" index="0"/>
    <md:SingleLogoutService Binding="{redirect}" Location="https://idp.test/slo"/>
    <md:SingleSignOnService Binding="{redirect}" Location="https://idp.test/sso"/>
    <md:SingleSignOnService Binding="{post}" Location="https://idp.test/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>"""
    config = DigidConfiguration.get_solo()
    config.idp_metadata_file = ContentFile(metadata.encode(), name="idp.xml")
    config.idp_service_entity_id = IDP
    config.entity_id = SP
    config.base_url = BASE
    config.service_name = "Mijn Toegang"
    config.want_assertions_signed = False
    config.slo = False
    config.save()
    return config


def _tijd(delta_minuten: int) -> str:
    moment = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=delta_minuten)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def saml_response(*, sleutels, in_response_to, bsn, audience=SP, geldig_minuten=5, ondertekenen="idp"):
    nu, tot = _tijd(0), _tijd(geldig_minuten)
    assertion = (
        f'<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_{uuid.uuid4().hex}" '
        f'IssueInstant="{nu}" Version="2.0"><saml:Issuer>{IDP}</saml:Issuer>'
        f"<saml:Subject><saml:NameID>s00000000:{bsn}</saml:NameID>"
        f'<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">'
        f'<saml:SubjectConfirmationData InResponseTo="{in_response_to}" NotOnOrAfter="{tot}" '
        f'Recipient="{ACS}"/>'
        f"</saml:SubjectConfirmation></saml:Subject>"
        f'<saml:Conditions NotBefore="{_tijd(-5)}" NotOnOrAfter="{tot}"><saml:AudienceRestriction>'
        f"<saml:Audience>{audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>"
        f'<saml:AuthnStatement AuthnInstant="{nu}" SessionIndex="_{uuid.uuid4().hex}"><saml:AuthnContext>'
        f"<saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"
        f"</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement></saml:Assertion>"
    )
    response = (
        f'<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" '
        f'xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_{uuid.uuid4().hex}" Version="2.0" '
        f'IssueInstant="{nu}" Destination="{ACS}" InResponseTo="{in_response_to}">'
        f"<saml:Issuer>{IDP}</saml:Issuer><samlp:Status>"
        f'<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>'
        f"{assertion}</samlp:Response>"
    )
    if ondertekenen:
        key, cert = sleutels[ondertekenen]
        response = OneLogin_Saml2_Utils.add_sign(
            response,
            key,
            cert,
            sign_algorithm=OneLogin_Saml2_Constants.RSA_SHA256,
            digest_algorithm=OneLogin_Saml2_Constants.SHA256,
        )
        response = re.sub(
            r"^<\?xml[^>]*\?>\s*", "", response.decode() if isinstance(response, bytes) else response
        )
    return response


class StubSessie:
    """The HTTP layer of the artifact resolution: answers the ArtifactResolve with the prepared
    ArtifactResponse around the given SAML Response."""

    def __init__(self, response_xml: str, verzoeken: list):
        self.response_xml = response_xml
        self.verzoeken = verzoeken

    def mount(self, *args, **kwargs):
        pass

    def post(self, url, data, headers):
        tekst = data.decode() if isinstance(data, bytes) else data
        self.verzoeken.append((url, tekst))
        resolve_id = re.search(r'ArtifactResolve[^>]*\sID="([^"]+)"', tekst).group(1)
        body = (
            f'<samlp:ArtifactResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" '
            f'xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_{uuid.uuid4().hex}" Version="2.0" '
            f'IssueInstant="{_tijd(0)}" InResponseTo="{resolve_id}"><saml:Issuer>{IDP}</saml:Issuer>'
            f"<samlp:Status>"
            f'<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>'
            f"{self.response_xml}</samlp:ArtifactResponse>"
        )
        envelope = (
            f'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>{body}'
            f"</soap:Body></soap:Envelope>"
        )

        class Antwoord:
            status_code = 200
            content = envelope.encode()

        return Antwoord()


def artifact() -> str:
    ruw = b"\x00\x04" + (0).to_bytes(2, "big") + hashlib.sha1(IDP.encode()).digest() + os.urandom(20)  # noqa: S324
    return base64.b64encode(ruw).decode()


def authn_request_id(client: Client) -> str:
    """Step 2 through the library's login view: the AuthnRequest id it stored for the response."""
    pagina = client.get("/mijn/digid/login/")
    assert pagina.status_code == 200, pagina
    saml_request = re.search(r'name="SAMLRequest" value="([^"]+)"', pagina.content.decode()).group(1)
    return re.search(r'ID="([^"]+)"', base64.b64decode(saml_request).decode()).group(1)


def inloggen(client, monkeypatch, response_xml, art=None):
    verzoeken: list = []
    monkeypatch.setattr(
        "onelogin.saml2.artifact_resolve.requests.session", lambda: StubSessie(response_xml, verzoeken)
    )
    return client.get("/mijn/digid/acs/", {"SAMLart": art or artifact()}), verzoeken


def geweigerd() -> int:
    return Verwerking.objects.filter(object_type="digid", resultaat="geweigerd").count()


def test_geldig_antwoord_logt_de_inwoner_in(digid, sleutels, monkeypatch, inwoner_a):
    client = Client()
    xml = saml_response(sleutels=sleutels, in_response_to=authn_request_id(client), bsn=inwoner_a.bsn)
    response, verzoeken = inloggen(client, monkeypatch, xml)
    assert response.status_code == 302 and response.url == "/mijn/overzicht/"
    assert client.session[sessie.INWONER] == inwoner_a.pk
    assert verzoeken and verzoeken[0][0] == "https://idp.test/ars"


@pytest.mark.parametrize(
    ("soort", "kwargs", "code"),
    [
        ("niet ondertekend", {"ondertekenen": None}, E.NO_SIGNATURE_FOUND),
        ("ondertekend met een vreemde sleutel", {"ondertekenen": "vreemd"}, E.INVALID_SIGNATURE),
        ("verlopen", {"geldig_minuten": -10}, E.ASSERTION_EXPIRED),
        ("ander publiek", {"audience": "https://iets-anders.example/sp"}, E.WRONG_AUDIENCE),
    ],
)
def test_ongeldig_antwoord_geweigerd_en_gelogd(digid, sleutels, monkeypatch, inwoner_a, soort, kwargs, code):
    client = Client()
    xml = saml_response(
        sleutels=sleutels, in_response_to=authn_request_id(client), bsn=inwoner_a.bsn, **kwargs
    )
    response, _ = inloggen(client, monkeypatch, xml)
    assert response.status_code == 302 and response.url == "/mijn/", soort
    assert sessie.INWONER not in client.session, soort
    assert geweigerd() == 1, soort
    # refused by the library's validation for exactly this reason
    assert Verwerking.objects.get(object_type="digid").object_id == f"saml-fout {code}", soort


def test_herhaald_artifact_geweigerd_en_gelogd(digid, sleutels, monkeypatch, inwoner_a):
    client = Client()
    art = artifact()
    xml = saml_response(sleutels=sleutels, in_response_to=authn_request_id(client), bsn=inwoner_a.bsn)
    eerste, _ = inloggen(client, monkeypatch, xml, art=art)
    assert eerste.url == "/mijn/overzicht/"
    ander = Client()
    xml = saml_response(sleutels=sleutels, in_response_to=authn_request_id(ander), bsn=inwoner_a.bsn)
    tweede, verzoeken = inloggen(ander, monkeypatch, xml, art=art)
    assert tweede.url == "/mijn/" and sessie.INWONER not in ander.session
    assert verzoeken == []  # refused before it reached the identity provider
    assert Verwerking.objects.filter(
        object_type="digid", object_id="herhaald artifact", resultaat="geweigerd"
    ).exists()


def test_antwoord_op_een_onbekend_verzoek_geweigerd(digid, sleutels, monkeypatch, inwoner_a):
    client = Client()
    xml = saml_response(sleutels=sleutels, in_response_to="_nooit-gevraagd", bsn=inwoner_a.bsn)
    response, _ = inloggen(client, monkeypatch, xml)
    assert response.url == "/mijn/" and geweigerd() == 1
    assert Verwerking.objects.get(object_type="digid").object_id == f"saml-fout {E.WRONG_INRESPONSETO}"
