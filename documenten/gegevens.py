"""The data of a letter, taken from the case: the fields of ``velden`` filled in, and what is
missing for the letter to be lawful (a besluit that lacks anything cannot be sent)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from backoffice.models import (
    Aanvraag,
    Besluit,
    Bezwaar,
    Eenheid,
    Leveringsvorm,
    Onderzoek,
    Termijn,
    Verdaging,
)
from backoffice.services import BESLUIT_GRONDSLAG, einde_bezwaartermijn
from backoffice.termijnen import TermijnSoort
from intake.models import Casus, Wet
from netwerk.istandaarden import IStandaardCategorie
from netwerk.models import Gemeente

from .models import BriefSoort as S
from .velden import BESCHIKKING_SOORTEN

BESLUIT_BRIEF = {
    Besluit.Soort.TOEKENNING: S.BESCHIKKING_TOEKENNING,
    Besluit.Soort.GEDEELTELIJK: S.BESCHIKKING_GEDEELTELIJK,
    Besluit.Soort.AFWIJZING: S.BESCHIKKING_AFWIJZING,
}
MODEL_VAN = {
    **dict.fromkeys(BESCHIKKING_SOORTEN, Besluit),
    S.BUITEN_BEHANDELING: Aanvraag,
    S.ONTVANGSTBEVESTIGING: Aanvraag,
    S.ONDERZOEKSVERSLAG: Onderzoek,
    S.VERDAGING: Verdaging,
    S.BESLISSING_OP_BEZWAAR: Bezwaar,
}


@dataclass
class Briefgegevens:
    context: dict
    ontbreekt: list[str] = field(default_factory=list)
    einde_termijn: date | None = None
    termijn_regel: str = ""


def onderwerp_ophalen(casus: Casus, soort: str, object_id: int):
    """The record a letter is about, within this case; LookupError when it does not fit."""
    model = MODEL_VAN.get(soort)
    if model is None:
        raise LookupError(soort)
    qs = model.objects.all()
    qs = qs.filter(termijn__casus=casus) if model is Verdaging else qs.filter(casus=casus)
    obj = qs.filter(pk=object_id).first()
    if obj is None or (model is Besluit and BESLUIT_BRIEF[obj.soort] != soort):
        raise LookupError(soort)
    return obj


def sleutel(soort: str, obj) -> str:
    """What makes a letter unique: one beschikking per besluit (of whatever kind), one letter of
    each other kind per record."""
    if soort in BESCHIKKING_SOORTEN:
        return f"beschikking:besluit:{obj.pk}"
    return f"{soort}:{obj.pk}"


def gemeente_van(casus: Casus) -> Gemeente | None:
    return Gemeente.objects.filter(naam=casus.kern.gemeente).select_related("briefhoofd").first()


def _naam(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def _bedrag(waarde) -> str:
    tekst = f"{waarde:,.2f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def _categorie_naam(code: str) -> str:
    if code in IStandaardCategorie.values:
        return IStandaardCategorie(code).label.removeprefix(code).strip()
    return ""


def _voorziening(v, wet: str, ontbreekt: list[str]) -> dict:
    naam = v.product.naam
    pgb = v.leveringsvorm == Leveringsvorm.PGB
    if wet != Wet.PARTICIPATIEWET and not v.product.categorie:
        ontbreekt.append(f"Voorziening '{naam}': de iStandaarden-categorie van het product ontbreekt.")
    if wet != Wet.PARTICIPATIEWET and not pgb and v.aanbieder is None:
        ontbreekt.append(f"Voorziening '{naam}': zorg in natura zonder zorgaanbieder.")
    if pgb and v.eenheid != Eenheid.EURO:
        ontbreekt.append(
            f"Voorziening '{naam}': een pgb zonder bedrag. Leg het pgb vast in euro's (eenheid euro)."
        )
    return {
        "product": naam,
        "categorie": v.product.categorie,
        "categorie_naam": _categorie_naam(v.product.categorie),
        "productcode": v.product.productcode,
        "volume": f"{v.volume:f}".rstrip("0").rstrip(".").replace(".", ","),
        "eenheid": v.get_eenheid_display(),
        "frequentie": v.get_frequentie_display(),
        "omvang": v.omvang.replace(".", ","),
        "startdatum": v.startdatum,
        "einddatum": v.einddatum,
        "leveringsvorm": v.get_leveringsvorm_display(),
        "pgb": pgb,
        "pgb_bedrag": _bedrag(v.volume) if pgb and v.eenheid == Eenheid.EURO else "",
        "aanbieder": v.aanbieder.naam if v.aanbieder else "",
        "aanbieder_agb": v.aanbieder.agb_code if v.aanbieder else "",
    }


def adressering_van(casus: Casus, peil: date, ontbreekt) -> dict | None:
    """The BRP's own addressing (docs/brp.md), from the inwoner's BRP cache: aanschrijfwijze, aanhef
    and address lines. For a minor on a Jeugdwet case the letter goes to the gezaghouders; when the
    BRP says gezag cannot be determined, the letter waits until it is established. None: no BRP data
    (an inwoner 'niet gecontroleerd'), the letter uses the registered name and address."""
    inwoner = casus.inwoner
    brp = inwoner.brp_gegevens or {}
    if not brp:
        return None
    regels = list(brp.get("adresregels") or [])
    minderjarig = (
        inwoner.geboortedatum
        and (peil.year - inwoner.geboortedatum.year)
        - ((peil.month, peil.day) < (inwoner.geboortedatum.month, inwoner.geboortedatum.day))
        < 18
    )
    if casus.wet == "jeugdwet" and minderjarig and brp.get("gezag"):
        relatie = brp["gezag"][0]
        houders = [h["naam"] for h in relatie.get("gezaghouders", []) if h.get("naam")]
        if relatie.get("soort") in ("GezagNietTeBepalen", "TijdelijkGeenGezag") or not houders:
            ontbreekt.append(
                "Het gezag over deze minderjarige is volgens de BRP niet te bepalen: stel eerst vast aan wie "
                "de beschikking gaat."
            )
            return None
        return {
            "naam": f"{' en '.join(houders)}, gezaghouder{'s' * (len(houders) > 1)} van {inwoner.naam}",
            "aanhef": f"Geachte {' en '.join(houders)}",
            "adresregels": regels,
        }
    if not brp.get("aanhef"):
        return None
    return {
        "naam": brp.get("aanschrijfwijze") or inwoner.naam,
        "aanhef": brp["aanhef"],
        "adresregels": regels,
    }


def _algemeen(
    casus: Casus, gemeente: Gemeente | None, verzonden_op: date, vrije_tekst: str, ontbreekt
) -> dict:
    inwoner = casus.inwoner
    for veld, label in (
        ("straat", "straat"),
        ("huisnummer", "huisnummer"),
        ("postcode", "postcode"),
        ("woonplaats", "woonplaats"),
    ):
        if not getattr(inwoner, veld):
            ontbreekt.append(f"Het adres van de inwoner is niet compleet: de {label} ontbreekt.")
    briefhoofd = getattr(gemeente, "briefhoofd", None) if gemeente else None
    if gemeente is None:
        ontbreekt.append(f"De gemeente '{casus.kern.gemeente}' staat niet in het beheer (gemeenten).")
    elif not (gemeente.postadres and gemeente.postcode and gemeente.plaats):
        ontbreekt.append(
            f"Het postadres van de gemeente {gemeente.naam} ontbreekt; de beheerder vult het aan."
        )
    if gemeente is not None and briefhoofd is None:
        ontbreekt.append(
            f"Er is geen briefhoofd (ondertekenaar) voor {gemeente.naam}; de beheerder legt het vast."
        )
    tussen = inwoner.tussenvoegsel
    achternaam = f"{tussen[:1].upper()}{tussen[1:]} {inwoner.achternaam}".strip()
    adressering = adressering_van(casus, verzonden_op, ontbreekt) or {
        "naam": inwoner.naam,
        "aanhef": f"Geachte heer/mevrouw {achternaam}",
        "adresregels": [],
    }
    behandelaar = casus.behandelaar
    return {
        "gemeente": {
            k: getattr(gemeente, k, "") or ""
            for k in ("naam", "postadres", "postcode", "plaats", "telefoon", "email", "website")
        },
        "ondertekening": {
            "naam": briefhoofd.ondertekenaar_naam if briefhoofd else "",
            "functie": briefhoofd.ondertekenaar_functie if briefhoofd else "",
            "mandaat": briefhoofd.mandaat if briefhoofd else "",
        },
        "inwoner": {
            **adressering,
            "straat": inwoner.straat,
            "huisnummer": inwoner.huisnummer,
            "postcode": inwoner.postcode,
            "woonplaats": inwoner.woonplaats,
            "geboortedatum": inwoner.geboortedatum,
            "bsn": inwoner.bsn,
        },
        "casus": {"nummer": casus.nummer, "wet": casus.get_wet_display(), "kern": casus.kern.naam},
        "behandelaar": {"naam": _naam(behandelaar), "email": getattr(behandelaar, "email", "") or ""},
        "datum": verzonden_op,
        "vrije_tekst": vrije_tekst or "",
    }


def als_zin(tekst: str) -> str:
    """A consultant's short text as a whole sentence: the letter templates put the next sentence
    right after it ("...: Hulp bij het huishouden. In deze brief ..."), so it must end in a stop."""
    tekst = (tekst or "").strip()
    if tekst and tekst[-1] not in ".!?:;)\"'":
        tekst += "."
    return tekst


def _aanvraag(aanvraag: Aanvraag | None) -> dict:
    if aanvraag is None:
        return {"ontvangen_op": None, "omschrijving": ""}
    return {"ontvangen_op": aanvraag.ontvangen_op, "omschrijving": als_zin(aanvraag.omschrijving)}


def _beschikking(besluit: Besluit, wet: str, ctx: dict, g: Briefgegevens) -> None:
    if besluit.aanvraag is None:
        g.ontbreekt.append("Het besluit hoort niet bij een aanvraag: de datum van de aanvraag ontbreekt.")
    if not besluit.grondslag.strip():
        g.ontbreekt.append("De wettelijke grondslag van het besluit ontbreekt.")
    voorzieningen = list(
        besluit.voorzieningen.select_related("product", "aanbieder").order_by("startdatum", "id")
    )
    if besluit.soort != Besluit.Soort.AFWIJZING and not voorzieningen:
        g.ontbreekt.append("Een toekenning zonder voorziening: leg de voorziening(en) vast.")
    ctx.update(
        aanvraag=_aanvraag(besluit.aanvraag),
        besluit={
            "soort": besluit.get_soort_display().lower(),
            "besluitdatum": besluit.besluitdatum,
            "motivering": besluit.motivering,
            "grondslag": besluit.grondslag,
        },
        voorzieningen=[_voorziening(v, wet, g.ontbreekt) for v in voorzieningen],
    )


def briefgegevens(
    casus: Casus, soort: str, obj, *, verzonden_op: date, vrije_tekst: str = ""
) -> Briefgegevens:
    """Every field of the letter's kind, and what is missing."""
    g = Briefgegevens(context={})
    gemeente = gemeente_van(casus)
    ctx = _algemeen(casus, gemeente, verzonden_op, vrije_tekst, g.ontbreekt)
    wet = casus.wet
    if soort in BESCHIKKING_SOORTEN or soort == S.BUITEN_BEHANDELING:
        if soort == S.BUITEN_BEHANDELING:
            ctx["aanvraag"] = _aanvraag(obj)
        else:
            _beschikking(obj, wet, ctx, g)
        termijn = einde_bezwaartermijn(verzonden_op)
        g.einde_termijn, g.termijn_regel = termijn.uiterste_datum, termijn.regel
        ctx.update(
            wettelijke_grondslag=BESLUIT_GRONDSLAG.get(wet, ""),
            einde_bezwaartermijn=termijn.uiterste_datum,
            bezwaartermijn_regel=termijn.regel,
        )
    elif soort == S.ONTVANGSTBEVESTIGING:
        lopend = (
            Termijn.objects.lopend()
            .filter(
                casus=casus,
                bezwaar__isnull=True,
                soort__in=[
                    TermijnSoort.WMO_BESCHIKKING,
                    TermijnSoort.JEUGD_BESCHIKKING,
                    TermijnSoort.PW_BESCHIKKING,
                ],
            )
            .first()
        )
        ctx.update(
            aanvraag=_aanvraag(obj),
            beslistermijn={
                "uiterste_datum": lopend.uiterste_datum if lopend else None,
                "regel": lopend.regel if lopend else "",
            },
        )
    elif soort == S.ONDERZOEKSVERSLAG:
        if not obj.verslag.strip():
            g.ontbreekt.append("Het onderzoek heeft nog geen verslag.")
        ctx["onderzoek"] = {
            k: getattr(obj, k)
            for k in (
                "gestart_op",
                "gesprek_datum",
                "deelnemers",
                "verslag",
                "eigen_mogelijkheden",
                "mantelzorg",
                "voorliggende_voorzieningen",
                "afgerond_op",
            )
        }
    elif soort == S.VERDAGING:
        ctx.update(
            aanvraag=_aanvraag(casus.aanvragen.order_by("-ontvangen_op", "-id").first()),
            verdaging={
                "termijn": obj.termijn.get_soort_display(),
                "nieuwe_datum": obj.nieuwe_datum,
                "mededeling": obj.mededeling,
            },
        )
    elif soort == S.BESLISSING_OP_BEZWAAR:
        if not obj.uitkomst:
            g.ontbreekt.append("Op dit bezwaar is nog niet beslist.")
        termijn = einde_bezwaartermijn(verzonden_op)
        g.einde_termijn, g.termijn_regel = termijn.uiterste_datum, termijn.regel
        ctx.update(
            bezwaar={
                "ontvangen_op": obj.ontvangen_op,
                "gronden": obj.gronden,
                "uitkomst": obj.get_uitkomst_display().lower() if obj.uitkomst else "",
                "beslist_op": obj.beslist_op,
                "toelichting": obj.toelichting_beslissing,
                "besluit_datum": obj.besluit.besluitdatum,
            },
            einde_beroepstermijn=termijn.uiterste_datum,
            beroepstermijn_regel=termijn.regel.replace("bezwaartermijn", "beroepstermijn"),
        )
    g.context = ctx
    return g
