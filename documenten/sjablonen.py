"""The template language of letters: Django's, limited to the documented fields of ``velden``.

``controleren`` refuses a template that names an unknown field, uses a forbidden tag or filter, or
fails to render on sample data, with the line and the reason. ``weergeven`` renders a checked
template on a letter's data. The engine has no loaders, so a template cannot include files.
"""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.template import Context, Engine, TemplateSyntaxError
from django.template.base import FilterExpression, Lexer, Node, Variable, VariableNode
from django.template.defaulttags import (
    CycleNode,
    FilterNode,
    FirstOfNode,
    ForNode,
    IfChangedNode,
    IfNode,
    TemplateLiteral,
    WithNode,
)
from django.utils import translation

from .velden import VELDEN, VERPLICHT, Lijst, Obj

ENGINE = Engine(debug=True, loaders=[], libraries={}, autoescape=True, string_if_invalid="")

VERBODEN_TAGS = {
    "load",
    "include",
    "extends",
    "block",
    "ssi",
    "debug",
    "url",
    "csrf_token",
    "autoescape",
    "regroup",
    "querystring",
    "partialdef",
    "partial",
    "templatetag",
}
VERBODEN_FILTERS = {"safe", "safeseq", "escapejs", "json_script", "pprint", "force_escape", "urlize"}
# Letters are HTML for WeasyPrint and the preview page: no active content, nothing fetched.
ACTIEVE_HTML = re.compile(
    r"<\s*(script|iframe|object|embed|link|meta|style|base|form|input|svg)\b|\son\w+\s*=|javascript:|url\s*\(",
    re.IGNORECASE,
)
FORLOOP = Obj("lus", {k: "" for k in ("counter", "counter0", "revcounter", "first", "last")})


class SjabloonFout(Exception):
    def __init__(self, regel: int | None, reden: str):
        self.regel, self.reden = regel, reden
        super().__init__(f"Regel {regel}: {reden}" if regel else reden)


def _regel(node) -> int | None:
    token = getattr(node, "token", None)
    return getattr(token, "lineno", None)


def _pad_controleren(lookups: tuple[str, ...], scope: dict, regel) -> object:
    naam = lookups[0]
    if naam not in scope:
        raise SjabloonFout(regel, f"onbekend veld '{'.'.join(lookups)}'")
    spec = scope[naam]
    for i, deel in enumerate(lookups[1:], start=1):
        if isinstance(spec, Obj) and deel in spec.velden:
            spec = spec.velden[deel]
            continue
        raise SjabloonFout(regel, f"onbekend veld '{'.'.join(lookups[: i + 1])}'")
    return spec


def _expressie(fe, scope: dict, regel) -> object:
    """Check a FilterExpression (or a bare Variable); return the spec of its base value."""
    if isinstance(fe, Variable):
        return _pad_controleren(fe.lookups, scope, regel) if fe.lookups else None
    if not isinstance(fe, FilterExpression):
        return None
    for func, args in fe.filters:
        naam = getattr(func, "_filter_name", func.__name__)
        if naam in VERBODEN_FILTERS:
            raise SjabloonFout(regel, f"het filter '{naam}' is niet toegestaan in een brief")
        for lookup, arg in args:
            if lookup:
                _expressie(arg, scope, regel)
    if isinstance(fe.var, Variable) and fe.var.lookups:
        return _pad_controleren(fe.var.lookups, scope, regel)
    return None


def _voorwaarde(cond, scope, regel) -> None:
    if cond is None:
        return
    if isinstance(cond, TemplateLiteral):
        _expressie(cond.value, scope, regel)
        return
    for deel in (getattr(cond, "first", None), getattr(cond, "second", None)):
        _voorwaarde(deel, scope, regel)


def _nodes(nodelist, scope: dict, gebruikt: set) -> None:
    for node in nodelist:
        _node(node, scope, gebruikt)


def _gebruik(fe, gebruikt: set) -> None:
    var = fe.var if isinstance(fe, FilterExpression) else fe
    if isinstance(var, Variable) and var.lookups:
        gebruikt.add(var.lookups[0])


def _node(node: Node, scope: dict, gebruikt: set) -> None:
    regel = _regel(node)
    if isinstance(node, VariableNode):
        _expressie(node.filter_expression, scope, regel)
        _gebruik(node.filter_expression, gebruikt)
    elif isinstance(node, IfNode):
        for cond, nodelist in node.conditions_nodelists:
            _voorwaarde(cond, scope, regel)
            if cond is not None:
                for lit in _literals(cond):
                    _gebruik(lit.value, gebruikt)
            _nodes(nodelist, scope, gebruikt)
        return
    elif isinstance(node, ForNode):
        spec = _expressie(node.sequence, scope, regel)
        _gebruik(node.sequence, gebruikt)
        item = Obj(spec.uitleg, spec.velden) if isinstance(spec, Lijst) else "waarde"
        binnen = {**scope, "forloop": FORLOOP}
        for var in node.loopvars:
            binnen[var] = item
        _nodes(node.nodelist_loop, binnen, gebruikt)
        _nodes(node.nodelist_empty, scope, gebruikt)
        return
    elif isinstance(node, WithNode):
        binnen = dict(scope)
        for naam, fe in node.extra_context.items():
            binnen[naam] = _expressie(fe, scope, regel) or "waarde"
            _gebruik(fe, gebruikt)
        _nodes(node.nodelist, binnen, gebruikt)
        return
    elif isinstance(node, FirstOfNode | CycleNode):
        for fe in getattr(node, "vars", None) or getattr(node, "cyclevars", []):
            _expressie(fe, scope, regel)
            _gebruik(fe, gebruikt)
    elif isinstance(node, FilterNode):
        _expressie(node.filter_expr, scope, regel)
    elif isinstance(node, IfChangedNode):
        for fe in node._varlist:
            _expressie(fe, scope, regel)
    for attr in node.child_nodelists:
        nodelist = getattr(node, attr, None)
        if nodelist:
            _nodes(nodelist, scope, gebruikt)


def _literals(cond):
    if isinstance(cond, TemplateLiteral):
        yield cond
        return
    for deel in (getattr(cond, "first", None), getattr(cond, "second", None)):
        if deel is not None:
            yield from _literals(deel)


def _compileren(tekst: str):
    if (gevonden := ACTIEVE_HTML.search(tekst)) is not None:
        regel = tekst.count("\n", 0, gevonden.start()) + 1
        raise SjabloonFout(
            regel, f"'{gevonden.group(0).strip()}' is niet toegestaan in een brief (alleen opmaak-HTML)"
        )
    for token in Lexer(tekst).tokenize():
        if token.token_type.name == "BLOCK":
            tag = token.contents.split()[0] if token.contents.split() else ""
            if tag in VERBODEN_TAGS:
                raise SjabloonFout(token.lineno, f"de tag '{{% {tag} %}}' is niet toegestaan in een brief")
    try:
        return ENGINE.from_string(tekst)
    except TemplateSyntaxError as exc:
        info = getattr(exc, "template_debug", None) or {}
        raise SjabloonFout(info.get("line"), str(exc)) from exc


def _voorbeeld(spec) -> object:
    if isinstance(spec, Lijst):
        return [{k: _voorbeeldwaarde(k) for k in spec.velden}]
    if isinstance(spec, Obj):
        return {k: _voorbeeldwaarde(k) for k in spec.velden}
    return "voorbeeld"


def _voorbeeldwaarde(naam: str) -> object:
    if naam.endswith("_op") or "datum" in naam or naam in ("einde_bezwaartermijn", "einde_beroepstermijn"):
        return date(2026, 3, 2)
    return "voorbeeld"


def voorbeeldcontext(soort: str) -> dict:
    ctx = {naam: _voorbeeld(spec) for naam, spec in VELDEN[soort].items()}
    for naam in ("datum", "einde_bezwaartermijn", "einde_beroepstermijn"):
        if naam in ctx:
            ctx[naam] = date(2026, 3, 2)
    return ctx


def controleren(soort: str, onderwerp: str, inhoud: str) -> None:
    """Refuse a template with an unknown field, a forbidden tag or filter, a syntax error, a
    missing required field or a render failure: ValidationError per form field, with the line."""
    fouten: dict[str, str] = {}
    gebruikt: set[str] = set()
    scope = VELDEN[soort]
    for veld, tekst in (("onderwerp", onderwerp), ("inhoud", inhoud)):
        try:
            template = _compileren(tekst or "")
            _nodes(template.nodelist, scope, gebruikt)
            with translation.override("nl"):
                template.render(Context(voorbeeldcontext(soort)))
        except SjabloonFout as fout:
            reden = fout.reden.rstrip(".")
            fouten[veld] = f"Regel {fout.regel}: {reden}." if fout.regel else f"{reden}."
        except Exception as exc:  # noqa: BLE001 - any render failure refuses the template
            fouten[veld] = f"Het sjabloon kan niet worden weergegeven: {exc}."
    if "inhoud" not in fouten:
        ontbreekt = [v for v in VERPLICHT.get(soort, ()) if v not in gebruikt]
        if ontbreekt:
            namen = ", ".join(f"{{{{ {v} }}}}" for v in ontbreekt)
            fouten["inhoud"] = f"Dit soort brief moet deze velden gebruiken: {namen}."
    if fouten:
        raise ValidationError(fouten)


def gebruikt_veld(inhoud: str, veld: str) -> bool:
    """Does a (checked) template name this field? (Free text is offered only when it does.)"""
    gebruikt: set[str] = set()
    try:
        _nodes(_compileren(inhoud).nodelist, {k: "waarde" for k in ("vrije_tekst",)} | _alles(), gebruikt)
    except (SjabloonFout, AttributeError):
        return False
    return veld in gebruikt


def _alles() -> dict:
    scope: dict = {}
    for velden in VELDEN.values():
        scope.update(velden)
    return scope


def weergeven(tekst: str, context: dict) -> str:
    with translation.override("nl"):
        return ENGINE.from_string(tekst).render(Context(context))
