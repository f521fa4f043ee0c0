"""The one place that talks to Arelle: load taxonomy concepts, validate outputs, read facts back.

Arelle keeps process-global state, so every call runs its own `arelle.api.Session` and closes it.
Results come back as our own types (ConceptInfo, Finding, FactKey), never as Arelle objects.
"""

import logging
import os
import pickle
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from arelle import ModelDocument, Validate, XbrlConst
from arelle.api.Session import Session
from arelle.ModelXbrl import loadSchemalocatedSchemas
from arelle.RuntimeOptions import RuntimeOptions
from arelle.Version import __version__ as arelle_version

from .errors import TaxonomyError, internal_error
from .mapping.model import ConceptInfo
from .mapping.rules import TaxonomyRef
from .warm import freeze_loaded

_LEVELS = {"ERROR": "error", "CRITICAL": "error", "WARNING": "warning", "INCONSISTENCY": "error"}
_ONE_DAY = timedelta(days=1)  # Arelle stores end dates as the following midnight
_IGNORED_CODES = ("info", "arelle:info", "arelle.info")
# Arelle warns of inconsistent duplicate facts (the only duplicates it is asked to report); EDGAR
# rejects them (EFM 6.5.12), so they are errors here.
_ERROR_CODES = frozenset({"arelle:duplicateFacts"})
_DEPRECATED_ROLE = re.compile(r"/deprecated(?:/|$)", re.I)


@dataclass(frozen=True)
class ArelleSettings:
    """How Arelle finds taxonomies: packages (zips) and whether it may use the network."""

    packages: tuple[str, ...] = ()
    offline: bool = False
    timeout_seconds: int = 30
    plugins: tuple[str, ...] = ()  # Arelle plugins a user asks for (e.g. the SEC's EDGAR/EFM rules)
    disclosure_system: str = ""  # e.g. "efm-pragmatic", for those plugins


@dataclass(frozen=True)
class Finding:
    """One message from validation, in our terms."""

    level: str  # error | warning
    code: str
    message: str
    location: str = ""  # the file it is in
    objects: tuple[str, ...] = ()  # ids of what it is about in our outputs (facts, concepts...), role URIs
    line: int = 0  # the line of `location` it is on, when known


@dataclass(frozen=True, order=True)
class FactKey:
    """A fact reduced to what must agree between the iXBRL and the XBRL instance."""

    concept: str
    entity: str
    period: str
    unit: str
    value: str
    decimals: str


@dataclass(frozen=True)
class LoadedFact:
    """A fact as a validated file states it, for our own rules: what it says and where."""

    key: FactKey
    namespace: str
    local_name: str
    numeric: bool
    dimensional: bool  # its context has dimensions (a member of an axis), not the entity as a whole
    location: str  # the file it is in
    line: int


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.findings: list[Finding] = []
        self.load_problems: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        code = str(getattr(record, "messageCode", "") or "")
        level = _LEVELS.get(record.levelname)
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        if code.startswith("IOerror") or "IOerror" in code or "FileNotLoadable" in code:
            self.load_problems.append(message)
        if level is None or code in _IGNORED_CODES:
            return
        if code in _ERROR_CODES:
            level = "error"
        refs = [ref for ref in getattr(record, "refs", None) or [] if isinstance(ref, dict)]
        location, line = "", 0
        if refs:
            location = Path(str(refs[0].get("href", "")).split("#")[0]).name
            line = _line_number(refs[0].get("sourceLine"))
        self.findings.append(Finding(level, code, message, location, _objects(refs, record.args), line))


def _line_number(value) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


def _objects(refs: list[dict], args) -> tuple[str, ...]:
    """What a message is about, as our outputs name it: the ids of the elements Arelle points at
    (a fact, a context, a concept's declaration; not positional 'element(/1/2)' pointers) and the
    extended link role it names, in Arelle's order (a calculation's total comes first), and the
    concept a relationship it names starts from."""
    ids = [str(ref.get("href", "")).partition("#")[2] for ref in refs]
    found = [i for i in ids if i and not i.startswith("element(")]
    source = args.get("source") if isinstance(args, dict) else None  # a relationship's 'from' concept
    if source is not None and ":" in str(source):
        found.append(str(source).replace(":", "_", 1))
    role = args.get("linkrole") if isinstance(args, dict) else None
    if isinstance(role, str) and role:
        found.append(role)
    return tuple(dict.fromkeys(found))


def _options(settings: ArelleSettings, entrypoint: str, **extra) -> RuntimeOptions:
    return RuntimeOptions(
        entrypointFile=entrypoint,
        packages=list(settings.packages) or None,
        internetConnectivity="offline" if settings.offline else "online",
        internetTimeout=settings.timeout_seconds,
        disablePersistentConfig=True,
        keepOpen=True,
        logLevel="INFO",
        plugins="|".join(settings.plugins) or None,
        disclosureSystemName=settings.disclosure_system or None,
        **extra,
    )


def _concept_info(prefix: str, concept, deprecated: bool) -> ConceptInfo:
    type_qname = concept.typeQname
    type_prefix = "dtr-types" if type_qname.localName == "perShareItemType" else (type_qname.prefix or "xbrli")
    return ConceptInfo(
        prefix=prefix,
        name=concept.name,
        namespace=concept.qname.namespaceURI,
        period_type=concept.periodType or "duration",
        balance=concept.balance,
        data_type=f"{type_prefix}:{type_qname.localName}",
        nillable=bool(concept.isNillable),
        abstract=bool(concept.isAbstract),
        deprecated=deprecated,
    )


def _index_schema(taxonomies: list[TaxonomyRef]) -> str:
    """One schema importing every taxonomy and referencing their deprecation linkbases."""
    imports = "".join(f'<xs:import namespace="{t.namespace}" schemaLocation="{t.schema}"/>' for t in taxonomies)
    refs = "".join(
        f'<link:linkbaseRef xlink:type="simple" xlink:href="{t.deprecations}" '
        'xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>'
        for t in taxonomies
        if t.deprecations
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:link="http://www.xbrl.org/2003/linkbase" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" targetNamespace="urn:xbrlconv:taxonomy-index">'
        f"<xs:annotation><xs:appinfo>{refs}</xs:appinfo></xs:annotation>{imports}</xs:schema>"
    )


def _deprecated(model) -> set:
    """Concepts the deprecation linkbases present under a 'deprecated' role."""
    found = set()
    relationships = model.relationshipSet(XbrlConst.parentChild)
    for rel in relationships.modelRelationships if relationships else ():
        if _DEPRECATED_ROLE.search(rel.linkrole or ""):
            found.update(c.qname for c in (rel.fromModelObject, rel.toModelObject) if c is not None)
    return found


def load_concepts(taxonomies: Iterable[TaxonomyRef], settings: ArelleSettings) -> dict[str, ConceptInfo]:
    """Concepts of the given taxonomies, keyed by 'prefix:Name', deprecated ones marked.

    Raises TaxonomyError, naming the schema and what to do, when a taxonomy cannot be loaded.
    """
    taxonomies = list(taxonomies)
    collector = _Collector()
    with tempfile.TemporaryDirectory(prefix="xbrlconv-") as tmp:
        path = Path(tmp) / "taxonomy-index.xsd"
        path.write_text(_index_schema(taxonomies), encoding="utf-8")
        with Session() as session:
            session.run(_options(settings, str(path)), logHandler=collector)
            models = session.get_models()
            concepts: dict[str, ConceptInfo] = {}
            prefixes = {t.namespace: t.prefix for t in taxonomies}
            for model in models:
                retired = _deprecated(model)
                for qname, concept in model.qnameConcepts.items():
                    prefix = prefixes.get(qname.namespaceURI)
                    if prefix and concept.isItem:
                        concepts[f"{prefix}:{qname.localName}"] = _concept_info(prefix, concept, qname in retired)
    missing = [t.schema for t in taxonomies if not any(k.startswith(t.prefix + ":") for k in concepts)]
    if missing:
        if settings.packages:
            how = "not found in the given taxonomy packages"
        elif settings.offline:
            how = "no taxonomy package given and offline"
        else:
            how = "not in Arelle's web cache and not downloadable"
        raise TaxonomyError(
            f"cannot load taxonomy {missing[0]} ({how}); pass --taxonomy-package ZIP "
            "or set XBRLCONV_TAXONOMY_PACKAGES to a directory of taxonomy package zips"
        )
    return concepts


def _fact_key(fact) -> FactKey:
    context = fact.context
    if context is None:
        period = entity = ""
    else:
        entity = f"{context.entityIdentifier[0]}|{context.entityIdentifier[1]}"
        if context.isInstantPeriod:
            period = str(context.instantDatetime.date() - _ONE_DAY)
        else:
            start = context.startDatetime.date()
            end = context.endDatetime.date() - _ONE_DAY
            period = f"{start}/{end}"
    unit = ""
    if fact.unit is not None:
        num, den = fact.unit.measures
        unit = "*".join(str(m) for m in num) + ("/" + "*".join(str(m) for m in den) if den else "")
    if fact.isNil:
        value = "(nil)"
    elif fact.isNumeric:
        try:
            value = str(Decimal(str(fact.xValue)).normalize())
        except (InvalidOperation, TypeError):
            value = str(fact.value)
    else:
        value = " ".join(str(fact.xValue if fact.xValue is not None else fact.value).split())
    return FactKey(str(fact.qname), entity, period, unit, value, str(fact.decimals or ""))


def _loaded_facts(facts: Iterable) -> tuple[LoadedFact, ...]:
    return tuple(sorted((_loaded_fact(f) for f in facts), key=lambda f: (f.key, f.line)))


def _loaded_fact(fact) -> LoadedFact:
    context = fact.context
    dimensional = bool(context is not None and context.qnameDims)
    document = getattr(fact.modelDocument, "uri", "") or ""
    return LoadedFact(
        _fact_key(fact),
        fact.qname.namespaceURI or "",
        fact.qname.localName,
        bool(fact.isNumeric),
        dimensional,
        Path(document).name,
        _line_number(fact.sourceline),
    )


# Arelle versions whose internals _trusting and WarmValidator were checked with; on others both
# step aside for the plain path.
_CHECKED_VERSIONS = ("2.47.",)


def _checked_arelle() -> bool:
    return arelle_version.startswith(_CHECKED_VERSIONS)


@contextmanager
def _trusting(namespaces: frozenset[str]) -> Iterator[None]:
    """During one validation, let Arelle treat the namespaces of published base taxonomies (us-gaap,
    dei, srt...) as it treats XBRL's own: it does not check their concepts' definitions again,
    which is most of a validation's time (a loop over every us-gaap concept). With base taxonomy
    validation off it already skips their documents; the publishers validated them. Our own
    concepts, facts, contexts, units, linkbases and calculations are checked as before."""
    plain = (
        not namespaces
        or not _checked_arelle()
        or "standardNamespaces" not in XbrlConst.isStandardNamespace.__code__.co_names
    )
    if plain:
        yield
        return
    original = XbrlConst.standardNamespaces
    XbrlConst.standardNamespaces = original | namespaces
    try:
        yield
    finally:
        XbrlConst.standardNamespaces = original


_VALIDATION = {
    "validate": True,
    "calcs": "c11r",
    "validateDuplicateFacts": "inconsistent",
    "baseTaxonomyValidationMode": "none",
}
Validated = tuple[tuple[Finding, ...], tuple[LoadedFact, ...]]


def _not_loaded(path: Path, collector: _Collector) -> Validated:
    problem = collector.load_problems[0] if collector.load_problems else "Arelle could not load it"
    return (Finding("error", "xbrlconv:notLoaded", f"{path.name}: {problem}"),), ()


class WarmValidator:
    """Arelle with the published base taxonomies loaded once (about 2.5 s), for a process that
    validates many files: each file is validated in a forked child that loads only the file and
    what it adds to the base (its extension taxonomy), validates, sends back the findings and
    exits, so the base stays as loaded. The checks and options are validate_file's; findings
    differ at most in Arelle's internal object numbers quoted in some messages. Only where
    os.fork exists and on the Arelle versions _trusting was checked with (see warm_validator)."""

    def __init__(self, taxonomies: Iterable[TaxonomyRef], settings: ArelleSettings) -> None:
        taxonomies = tuple(taxonomies)
        self.settings = settings
        self.trusted = frozenset(t.namespace for t in taxonomies)
        self._collector = _Collector()
        self._tmp = tempfile.TemporaryDirectory(prefix="xbrlconv-")
        index = Path(self._tmp.name) / "taxonomy-index.xsd"
        index.write_text(_index_schema(list(taxonomies)), encoding="utf-8")
        self._session = Session()
        self._session.run(_options(settings, str(index), **_VALIDATION), logHandler=self._collector)
        models = self._session.get_models()
        if not models or models[0].modelDocument is None or self._collector.load_problems:
            self.close()
            raise TaxonomyError("cannot load the base taxonomies for validation; check --taxonomy-package")
        self._base = models[0]
        freeze_loaded()

    def validate(self, path: Path) -> Validated:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: load the file into the base, validate, report, exit
            os.close(read)
            with os.fdopen(write, "wb") as pipe:
                pickle.dump(self._validate_here(path), pipe)
            os._exit(0)
        os.close(write)
        try:
            with os.fdopen(read, "rb") as pipe:
                return pickle.load(pipe)
        except (EOFError, pickle.UnpicklingError):
            return (Finding("error", "xbrlconv:validatorDied", f"{path.name}: the validating process died"),), ()
        finally:
            os.waitpid(pid, 0)

    def _validate_here(self, path: Path) -> Validated:
        self._collector.findings.clear()
        self._collector.load_problems.clear()
        try:
            with _trusting(self.trusted):
                document = ModelDocument.load(self._base, str(path), isEntry=True)
                if document is None:
                    return _not_loaded(path, self._collector)
                self._base.modelDocument = document
                loadSchemalocatedSchemas(self._base)
                Validate.validate(self._base)
            return tuple(self._collector.findings), _loaded_facts(self._base.facts)
        except Exception as exc:  # noqa: BLE001 - reported as a finding, like Arelle's own exceptions
            return (Finding("error", "xbrlconv:validatorException", f"{path.name}: {internal_error(exc)}"),), ()

    def close(self) -> None:
        self._session.close()
        self._tmp.cleanup()


_WARM: list[WarmValidator] = []  # at most one per process: the one warm_validator made


def warm_validator(taxonomies: Iterable[TaxonomyRef], settings: ArelleSettings) -> WarmValidator | None:
    """This process's WarmValidator for these taxonomies and settings (made on the first call), or
    None where it cannot work (no os.fork, an Arelle version it was not checked with): callers then
    use validate_file."""
    taxonomies = tuple(taxonomies)
    if not hasattr(os, "fork") or not _checked_arelle():
        return None
    trusted = frozenset(t.namespace for t in taxonomies)
    if not _WARM or _WARM[0].settings != settings or _WARM[0].trusted != trusted:
        while _WARM:
            _WARM.pop().close()
        _WARM.append(WarmValidator(taxonomies, settings))
    return _WARM[0]


def validate_file(path: Path, settings: ArelleSettings, trusted: frozenset[str] = frozenset()) -> Validated:
    """Validate one XBRL or iXBRL file (XBRL 2.1, Inline XBRL, dimensions, Calc 1.1, duplicates).

    The published base taxonomies (us-gaap, dei...) are not re-validated, only what we wrote: that
    saves seconds per file and checks the same things of our outputs; `trusted` names their
    namespaces, whose concept definitions are not checked again either (see _trusting).
    Returns the errors and warnings, and the file's facts (for cross-checking and our own rules).
    """
    collector = _Collector()
    with Session() as session, _trusting(trusted):
        session.run(_options(settings, str(path), **_VALIDATION), logHandler=collector)
        models = [m for m in session.get_models() if m.modelDocument is not None]
        facts = _loaded_facts(f for m in models for f in m.facts)
    if not models:
        return _not_loaded(path, collector)
    return tuple(collector.findings), facts
