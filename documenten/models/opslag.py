"""Where stored files go: a random name, never the uploader's, so a name cannot steer the path."""

from __future__ import annotations

import uuid

from django.utils import timezone


def brief_pad(instance, filename: str) -> str:
    return f"brieven/{timezone.now():%Y}/{uuid.uuid4().hex}.pdf"


def document_pad(instance, filename: str) -> str:
    return f"casusdocumenten/{timezone.now():%Y}/{uuid.uuid4().hex}"


def logo_pad(instance, filename: str) -> str:
    return f"briefhoofd/{uuid.uuid4().hex}"
