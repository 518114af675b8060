"""The letter as HTML (for the preview) and as PDF (WeasyPrint, fonts from Debian's packages).

Nothing is fetched while rendering: the url fetcher only accepts data: URIs (the logo is embedded)."""

from __future__ import annotations

import base64
import logging

import filetype
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from . import sjablonen

logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def alleen_data(url: str, timeout: int = 10, ssl_context=None):
    if not url.startswith("data:"):
        raise ValueError("Een brief haalt niets van buiten op.")
    from weasyprint.urls import default_url_fetcher

    return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)


def logo_data_uri(briefhoofd) -> str:
    if briefhoofd is None or not briefhoofd.logo:
        return ""
    try:
        with briefhoofd.logo.open("rb") as fh:
            inhoud = fh.read()
    except OSError:
        return ""
    soort = filetype.guess(inhoud)
    if soort is None or soort.mime not in ("image/png", "image/jpeg"):
        return ""
    return f"data:{soort.mime};base64,{base64.b64encode(inhoud).decode()}"


def brief_html(
    *, onderwerp: str, inhoud: str, context: dict, briefhoofd=None, vervangt=None, volledig=True
) -> str:
    """The letter: the frame (letterhead, address, date, reference, signature) around the body the
    beheerder's template makes."""
    frame = {
        **context,
        "onderwerp": sjablonen.weergeven(onderwerp, context).strip(),
        "romp": mark_safe(sjablonen.weergeven(inhoud, context)),  # noqa: S308 - autoescaped by the engine
        "logo": logo_data_uri(briefhoofd) if volledig else "",
        "vervangt": vervangt,
    }
    naam = "documenten/brief/pdf.html" if volledig else "documenten/brief/_brief.html"
    return render_to_string(naam, frame)


def pdf_maken(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=alleen_data).write_pdf()
