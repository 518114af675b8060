"""The published OpenAPI of the BRP API Personen (../shared/brp/openapi.json) as the test oracle.

openapi-core validates a request or response against the operation, with the specification's
``servers`` replaced by the stand-in's address. openapi-core does not follow the ``discriminator``
of PersonenQuery / PersonenQueryResponse, so each body is also validated against the subschema its
``type`` maps to (without that, 21 BSNs or a BSN as a number would pass).
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import httpx

from tests.oracle import BRP, oracle

SPEC_PAD = BRP / "openapi.json"


def laad_spec() -> dict:
    return json.loads(oracle(SPEC_PAD).read_text(encoding="utf-8"))


class _Params:
    def __init__(self):
        from werkzeug.datastructures import Headers, ImmutableMultiDict

        self.query = ImmutableMultiDict()
        self.header = Headers()
        self.cookie = ImmutableMultiDict()
        self.path = {}


class _Verzoek:
    def __init__(self, request: httpx.Request, basis: str):
        self._r = request
        self.host_url = f"{request.url.scheme}://{request.url.netloc.decode()}"
        self.path = request.url.path
        self.method = request.method.lower()
        self.body = request.content
        self.content_type = request.headers.get("content-type", "")
        self.parameters = _Params()
        self.full_url_pattern = basis + "/personen"


class _Antwoord:
    def __init__(self, response: httpx.Response):
        self.data = response.content
        self.status_code = response.status_code
        self.content_type = response.headers.get("content-type", "")
        from werkzeug.datastructures import Headers

        self.headers = Headers(list(response.headers.items()))


class Orakel:
    def __init__(self, basis_url: str):
        from openapi_core import OpenAPI
        from openapi_schema_validator import OAS30Validator

        spec = laad_spec()
        spec["servers"] = [{"url": basis_url}]
        self.spec = spec
        self.basis = basis_url
        self.openapi = OpenAPI.from_dict(spec)
        self._validator = OAS30Validator
        self.verzoeken = 0
        self.antwoorden = 0

    def _subschema(self, naam: str, data) -> None:
        schema = {"$ref": f"#/components/schemas/{naam}", "components": self.spec["components"]}
        self._validator(schema).validate(data)

    def verzoek(self, request: httpx.Request) -> None:
        self.openapi.validate_request(_Verzoek(request, self.basis))
        body = json.loads(request.content)
        self._subschema(body["type"], body)
        self.verzoeken += 1

    def antwoord(self, request: httpx.Request, response: httpx.Response) -> None:
        self.openapi.validate_response(_Verzoek(request, self.basis), _Antwoord(response))
        if response.status_code == 200:
            body = response.json()
            self._subschema(f"{body['type']}Response", body)
        self.antwoorden += 1


class OrakelTransport(httpx.HTTPTransport):
    """Sends as usual, and validates every request and response against the specification."""

    def __init__(self, orakel: Orakel, **kwargs):
        super().__init__(**kwargs)
        self.orakel = orakel

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.orakel.verzoek(request)
        response = super().handle_request(request)
        inhoud = response.read()
        kopie = httpx.Response(
            response.status_code, headers=response.headers, content=inhoud, request=request
        )
        self.orakel.antwoord(request, kopie)
        return httpx.Response(
            response.status_code, headers=response.headers, stream=httpx.ByteStream(inhoud), request=request
        )


def basis_van(url: str) -> str:
    delen = urlsplit(url)
    return f"{delen.scheme}://{delen.netloc}{delen.path}"
