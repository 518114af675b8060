"""What a screen of the berichtenbox may show of a message: the BSN masked as everywhere else
(``intake.validators.mask_bsn``: its last three digits). The XML download keeps the full message;
it is an export and logged as one."""

from __future__ import annotations

import re

from intake.validators import mask_bsn

# <Bsn>, <wmo301:Bsn>, <ijw:Bsn> ...: the element content, whatever the prefix.
BSN_ELEMENT = re.compile(r"(<(?:[\w.-]+:)?Bsn\b[^>]*>)\s*([^<]*?)\s*(</(?:[\w.-]+:)?Bsn>)")
# Any standalone nine-digit number in a free text (an XSD error quotes the value it refuses).
NEGEN_CIJFERS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def bsn_maskeren_in_xml(xml: str) -> str:
    return BSN_ELEMENT.sub(lambda m: f"{m.group(1)}{mask_bsn(m.group(2))}{m.group(3)}", xml)


def bsn_maskeren_in_tekst(tekst: str) -> str:
    return NEGEN_CIJFERS.sub(lambda m: mask_bsn(m.group(0)), tekst or "")
