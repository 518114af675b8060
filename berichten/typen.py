"""The message types of iWmo 3.2 and iJw 3.2: code (COD002), namespace, and who sends them."""

from __future__ import annotations

from dataclasses import dataclass

from intake.models import Wet

from .models import Standaard

BERICHTCODES = {
    "WMO301": "414", "WMO302": "415", "WMO305": "418", "WMO306": "419", "WMO307": "420",
    "WMO308": "421", "WMO315": "444", "WMO316": "445", "WMO317": "480", "WMO318": "481",
    "WMO319": "482", "WMO320": "483", "WMO323": "484", "WMO325": "485",
    "JW301": "436", "JW302": "437", "JW305": "438", "JW306": "439", "JW307": "440",
    "JW308": "441", "JW315": "446", "JW316": "447", "JW317": "486", "JW318": "487",
    "JW319": "488", "JW320": "489", "JW323": "490", "JW325": "491",
}  # fmt: skip

# What the gemeente receives and the retour it answers with.
RETOUR_VAN = {"305": "306", "307": "308", "315": "316", "317": "318", "302": None, "320": None, "323": None}

WET_STANDAARD = {Wet.WMO: Standaard.WMO, Wet.JEUGDWET: Standaard.JW}


@dataclass(frozen=True)
class Berichttype:
    standaard: str  # "wmo" or "jw"
    nummer: str  # "301"

    @property
    def naam(self) -> str:
        return ("WMO" if self.standaard == Standaard.WMO else "JW") + self.nummer

    @property
    def prefix(self) -> str:
        return self.naam.lower()

    @property
    def code(self) -> str:
        return BERICHTCODES[self.naam]

    @property
    def namespace(self) -> str:
        return f"{self.basis_url}/{self.prefix}/schema"

    @property
    def basis_url(self) -> str:
        return "http://www.istandaarden.nl/" + ("iwmo" if self.standaard == Standaard.WMO else "ijw") + "/3_2"

    @property
    def basis_namespace(self) -> str:
        return f"{self.basis_url}/basisschema/schema"

    @property
    def basis_prefix(self) -> str:
        return "iwmo" if self.standaard == Standaard.WMO else "ijw"

    @classmethod
    def uit_namespace(cls, namespace: str) -> Berichttype | None:
        """The type of a root element's namespace, or None when it is no iWmo/iJw 3.2 message."""
        for standaard, basis in ((Standaard.WMO, "iwmo"), (Standaard.JW, "ijw")):
            start = f"http://www.istandaarden.nl/{basis}/3_2/"
            if namespace.startswith(start) and namespace.endswith("/schema"):
                naam = namespace[len(start) : -len("/schema")].upper()
                kandidaat = cls(standaard, naam[-3:])
                if kandidaat.naam == naam and naam in BERICHTCODES:
                    return kandidaat
        return None
