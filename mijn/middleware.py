"""The inwoner's session timeouts, enforced by the project itself (so the demo behaves like
production): MIJN_SESSIE_IDLE seconds without a request, MIJN_SESSIE_MAX after login."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect

from . import sessie


class InwonerSessieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.inwoner_id = None
        pk = sessie.inwoner_id(request)
        if pk is not None:
            if request.user.is_authenticated:
                # Never both: a staff login drops the inwoner's keys (sessie.bij_medewerker_login).
                for sleutel in sessie.SLEUTELS:
                    request.session.pop(sleutel, None)
                return self.get_response(request)
            nu = int(time.time())
            begin = request.session.get(sessie.BEGIN, 0)
            gezien = request.session.get(sessie.GEZIEN, 0)
            if nu - gezien > settings.MIJN_SESSIE_IDLE or nu - begin > settings.MIJN_SESSIE_MAX:
                sessie.inwoner_uitloggen(request)
                if request.path.startswith("/mijn/"):
                    messages.info(
                        request, "U bent uitgelogd omdat u een tijd niets heeft gedaan. Log opnieuw in."
                    )
                    return redirect("mijn:start")
                return self.get_response(request)
            if nu - gezien >= 60:
                request.session[sessie.GEZIEN] = nu
            request.inwoner_id = pk
        return self.get_response(request)
