"""The front half every command shares: read, load, validate, check and render a set of
catalogue files, through the cache, so that an unchanged set costs only its hashes and a
changed catalogue costs only what depends on it.

What is kept, and under what (every key also holds codegen's fingerprint, cache.key):

- each catalogue's load, validation and own checks (checks.catalog_checks), with the model
  they build, under its name and bytes, the limits, the taxonomy and the severities;
- each built-in target's files of one catalogue, under that catalogue, the options and what
  those files depend on of the others (Split.context); the target's other files (index
  modules, manifests) under a summary of all catalogues (Split.aggregate);
- the files of a target that gathers every catalogue's text (the report, the reference site)
  or that the project declares, under every catalogue, the options and the project's
  templates;
- a whole run: its diagnostics and each file's sha256, so that checking an unchanged tree
  reads no text but the files on disk.

What compares catalogues with each other (checks.project_checks, the suppressions) runs on
every run that is not answered whole, over the catalogues the cache gives back.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from . import cache as cache_module
from . import stored
from .diagnostics import CatalogError, Diagnostic, Location, Severity, has_errors
from .source import UNREADABLE
from .render import (
    TEMPLATE,
    Extensions,
    Files,
    Options,
    Output,
    Rendering,
    available,
    header_line,
    render_target,
    rendering_of,
)
from .source import InputError, Limits, display, read_input

if TYPE_CHECKING:  # the checks are imported by a run the cache does not answer whole
    from .checks import Context, Severities, Used
    from .model import Catalog
    from .targets.base import Split, Target


@dataclass
class Result:
    catalogs: list[Catalog] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> bool:
        return has_errors(self.diagnostics)


@dataclass(frozen=True)
class Outcome:
    """What a command needs of a run: diagnostics, counts, and the rendered files
    (None when there were errors or no targets were asked for)."""

    diagnostics: tuple[Diagnostic, ...]
    catalogs: int
    codes: int
    files: Output | None

    @property
    def errors(self) -> bool:
        return has_errors(self.diagnostics)

    @property
    def unreadable(self) -> bool:
        return any(d.check_id == UNREADABLE for d in self.diagnostics)


def read(
    paths: Sequence[Path],
    max_bytes: int | None,
    root: Path | None = None,
    inside: Path | None = None,
) -> tuple[list[tuple[str, bytes]], list[Diagnostic]]:
    """The bytes of each readable file, named relative to the project ``root`` (by default
    the working directory), and a diagnostic for each other. Links found by listing a
    directory must stay ``inside`` it."""
    inputs, problems = [], []
    for path in paths:
        name = display(path, root or Path.cwd())
        try:
            inputs.append((name, read_input(path, max_bytes, inside)))
        except InputError as exc:
            problems.append(Diagnostic(UNREADABLE, Severity.ERROR, Location(name), str(exc)))
    return inputs, problems


# --- One catalogue at a time ----------------------------------------------------------------


@dataclass(frozen=True)
class _Checked:
    """One catalogue file loaded, validated and checked on its own."""

    diagnostics: list[Diagnostic]
    catalog: Catalog | None
    used: Used
    """The suppressions its own checks used (checks.Used)."""


def _check_one(
    name: str,
    data: bytes,
    context: Context | None,
    severities: Severities | None,
    limits: Limits | None,
) -> _Checked:
    from .checks import catalog_checks
    from .load import load_bytes
    from .validate import validate

    try:
        document = load_bytes(data, name)
    except CatalogError as exc:
        return _Checked([exc.diagnostic], None, set())
    catalog, diagnostics = validate(document, limits)
    if catalog is None:
        return _Checked(diagnostics, None, set())
    found, used = catalog_checks(catalog, context, severities)
    return _Checked([*diagnostics, *found], catalog, used)


def _encode_checked(checked: _Checked) -> dict[str, Any]:
    return {
        "diagnostics": stored.diagnostics(checked.diagnostics),
        "catalog": None if checked.catalog is None else stored.catalog(checked.catalog),
        "used": sorted([n, check_id] for n, check_id in checked.used),
    }


def _decode_checked(data: Any) -> _Checked | None:
    if data is None:
        return None
    try:
        catalog = data["catalog"]
        return _Checked(
            stored.to_diagnostics(data["diagnostics"]),
            None if catalog is None else stored.to_catalog(catalog),
            {(int(n), str(check_id)) for n, check_id in data["used"]},
        )
    except stored.DAMAGED:
        return None


def _together(
    checked: Sequence[_Checked], context: Context | None, severities: Severities | None
) -> Result:
    """What the catalogues checked one at a time say together: their own findings, those of
    the checks across catalogues, and the suppressions that are unknown or silence nothing."""
    from .checks import project_checks, suppression_checks

    result = Result()
    valid = [c for c in checked if c.catalog is not None]
    result.catalogs = [c.catalog for c in valid if c.catalog is not None]
    for one in checked:
        result.diagnostics += one.diagnostics
    across, used = project_checks(result.catalogs, context, severities)
    result.diagnostics += across
    for one, others in zip(valid, used):
        assert one.catalog is not None
        result.diagnostics += suppression_checks(one.catalog, one.used | others, severities)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def process(
    inputs: Sequence[tuple[str, bytes]],
    context: Context | None = None,
    severities: Severities | None = None,
    limits: Limits | None = None,
) -> Result:
    """Load, validate and check each file; a broken file never stops the others."""
    checked = [_check_one(name, data, context, severities, limits) for name, data in inputs]
    return _together(checked, context, severities)


# --- The taxonomy ---------------------------------------------------------------------------


def taxonomy(
    path: Path, name: str, max_bytes: int | None, cache: cache_module.Cache | None = None
) -> tuple[dict[str, str] | None, list[Diagnostic]]:
    """The category taxonomy at ``path`` (shown as ``name``), or the problems that make it
    unusable; kept in the cache under the file's bytes, so that a cached run neither parses
    nor validates it."""
    store = cache or cache_module.Cache(None)
    try:
        data = read_input(path, max_bytes)
    except InputError:
        data = None
    key = None
    if data is not None and store.enabled:
        key = cache_module.key("taxonomy", name, max_bytes, hashlib.sha256(data).hexdigest())
        kept = store.get(key)
        try:
            if kept is not None:
                categories = {str(k): str(v) for k, v in kept["categories"].items()}
                problems = stored.to_diagnostics(kept["problems"])
                return (None if problems else categories), problems
        except stored.DAMAGED:
            pass
    from .taxonomy import load_taxonomy

    categories, problems = load_taxonomy(path, name, max_bytes)
    if key is not None:
        store.put(key, {"categories": categories, "problems": stored.diagnostics(problems)})
    return (None if problems else categories), problems


# --- Templates of the project ---------------------------------------------------------------

TEMPLATE_NAME = re.compile(r"[A-Za-z0-9_.-]+")
"""What each part of a template's path, from its directory, may hold: Jinja2 compiles the
name into Python, and before 3.1.5 a name such as ``{__import__(...)}.j2`` ran as code
(CVE-2024-56201), sandbox or not. A pull request chooses file names as freely as contents."""

MAX_TEMPLATES = 1000
"""Files a project's template directories may hold: a setting pointed at a large tree
(``templates = "."``) is refused rather than read."""


def read_templates(
    extensions: Extensions, targets: Sequence[str], max_bytes: int | None
) -> tuple[dict[str, str], list[Diagnostic]]:
    """The text of every ``*.j2`` file in the project's template directories that rendering
    ``targets`` may use, by path from the project, and a diagnostic for each file that cannot
    be read (as a catalogue: regular files inside the project, UTF-8, bounded)."""
    root = extensions.root
    templates: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for directory in extensions.directories(targets):
        # Links to directories are not followed: what a template includes stays in the tree.
        for parent, dirnames, filenames in os.walk(root / directory):
            dirnames.sort()
            for path in sorted(Path(parent, f) for f in filenames if f.endswith(".j2")):
                if len(templates) + len(problems) == MAX_TEMPLATES:
                    too_many = f"more than {MAX_TEMPLATES} templates: choose a smaller directory"
                    problems.append(
                        Diagnostic(TEMPLATE, Severity.ERROR, Location(directory), too_many)
                    )
                    return templates, problems
                name = display(path, root)
                relative = path.relative_to(root / directory).parts
                if not all(TEMPLATE_NAME.fullmatch(part) for part in relative):
                    problems.append(Diagnostic(TEMPLATE, Severity.ERROR, Location(name), _NAMES))
                    continue
                try:
                    templates[name] = read_input(path, max_bytes, root).decode("utf-8")
                except (InputError, UnicodeDecodeError) as exc:
                    why = str(exc) if isinstance(exc, InputError) else "cannot read: not UTF-8"
                    problems.append(Diagnostic(UNREADABLE, Severity.ERROR, Location(name), why))
    return templates, problems


_NAMES = "a template's name and directories hold only letters, digits, '.', '_' and '-'"


# --- A run ----------------------------------------------------------------------------------


def run(
    paths: Sequence[Path],
    targets: Sequence[str],
    options: Options,
    limits: Limits | None = None,
    cache: cache_module.Cache | None = None,
    context: Context | None = None,
    severities: Severities | None = None,
    root: Path | None = None,
    inside: Path | None = None,
    extensions: Extensions | None = None,
    categories: Mapping[str, str] | None = None,
) -> Outcome:
    """Everything about ``paths`` that validate, generate and check print or write; files
    are named relative to ``root`` (by default the working directory). ``extensions`` are
    the project's templates and targets (``Config.extensions``). ``categories``, the
    taxonomy, stands for a ``context`` of them: the checks, and the context, are imported
    only by a run the cache does not answer whole."""
    limits = limits or Limits()
    inputs, problems = read(paths, limits.file_bytes, root, inside)
    templates: dict[str, str] = {}
    unreadable: list[Diagnostic] = []
    if targets and extensions is not None:
        templates, unreadable = read_templates(extensions, targets, limits.file_bytes)
    custom = extensions.targets if extensions is not None else {}
    # A plugin is a program codegen cannot fingerprint: a run with one is never cached.
    cacheable = not unreadable and all(
        name not in custom or custom[name].cacheable for name in targets
    )
    store = cache if cache is not None and cacheable else cache_module.Cache(None)
    work = _Run(inputs, tuple(targets), options, limits, store, context, severities)
    if context is None and categories is not None:
        work.categories = dict(categories)
    work.extensions, work.templates = extensions, templates
    work.renders = not unreadable  # a template that cannot be read: nothing is rendered
    outcome = work.outcome()
    store.prune()
    if problems or unreadable:
        diagnostics = sorted(
            [*outcome.diagnostics, *problems, *unreadable], key=Diagnostic.sort_key
        )
        return Outcome(tuple(diagnostics), outcome.catalogs, outcome.codes, None)
    return outcome


class _Run:
    """One run through the cache: answered whole when nothing changed, else a catalogue and
    a target at a time."""

    def __init__(
        self,
        inputs: Sequence[tuple[str, bytes]],
        targets: tuple[str, ...],
        options: Options,
        limits: Limits,
        store: cache_module.Cache,
        context: Context | None,
        severities: Severities | None,
    ) -> None:
        self.inputs, self.targets, self.options, self.limits = inputs, targets, options, limits
        self.store, self._context, self.severities = store, context, severities
        self.categories = None if context is None else dict(context.categories)
        self.extensions: Extensions | None = None
        self.templates: dict[str, str] = {}
        self.renders = True
        self.digests = [hashlib.sha256(data).hexdigest() for _, data in inputs]

    # The keys.

    @property
    def context(self) -> Context | None:
        if self._context is None and self.categories is not None:
            from .checks import Context

            self._context = Context(categories=self.categories)
        return self._context

    def _settings(self) -> object:
        categories = sorted(self.categories.items()) if self.categories is not None else None
        return (self.limits, categories, sorted((self.severities or {}).items()))

    def _catalog_key(self, name: str, digest: str) -> str:
        return cache_module.key("catalog", name, digest, self._settings())

    def _run_key(self) -> str:
        return cache_module.key(
            "run",
            [(name, digest) for (name, _), digest in zip(self.inputs, self.digests)],
            self.targets,
            self.options,
            self._settings(),
            _extensions_key(self.extensions, self.targets, self.templates),
        )

    # The run.

    def outcome(self) -> Outcome:
        if not self.store.enabled:
            return self._compute()[0]
        run_key = self._run_key()
        kept = _decode_run(self.store.get(run_key), self._fetch)
        if kept is not None:
            return kept
        outcome, parts = self._compute()
        self.store.put(run_key, _encode_run(outcome, parts))
        return outcome

    def _fetch(
        self, parts: Mapping[PurePosixPath, str], digests: Mapping[PurePosixPath, str]
    ) -> Files:
        """The text of every file of a run answered whole, from the entries its parts are
        kept in, each the file whose sha256 the run entry holds; when one is gone or is
        another, the run done again without the cache."""
        texts: Files = {}
        for key in set(parts.values()):
            part = _decode_part(self.store.get(key))
            if part is None or part.files is None:
                break
            texts.update(part.files)
        else:
            if all(path in texts and _sha256(texts[path]) == digests[path] for path in parts):
                return {path: texts[path] for path in parts}
        self.store = cache_module.Cache(None)
        files = self._compute()[0].files
        assert files is not None  # the same run: it rendered then, it renders now
        return dict(files.items())

    def _compute(self) -> tuple[Outcome, dict[PurePosixPath, str]]:
        """The run, a catalogue and a target at a time; and for each file, the key of the
        cache entry that holds its text."""
        checked = [self._checked(i) for i in range(len(self.inputs))]
        result = _together(checked, self.context, self.severities)
        diagnostics = list(result.diagnostics)
        codes = sum(len(c.errors) for c in result.catalogs)
        if not self.targets or result.errors or not self.renders:
            return Outcome(tuple(diagnostics), len(result.catalogs), codes, None), {}
        files, found, parts, digests = self._render(result.catalogs)
        diagnostics = sorted([*diagnostics, *found], key=Diagnostic.sort_key)
        output = None if files is None or has_errors(found) else Output(files, digests)
        return Outcome(tuple(diagnostics), len(result.catalogs), codes, output), parts

    def _checked(self, index: int) -> _Checked:
        name, data = self.inputs[index]
        key = self._catalog_key(name, self.digests[index]) if self.store.enabled else ""
        kept = _decode_checked(self.store.get(key)) if key else None
        if kept is not None:
            return kept
        checked = _check_one(name, data, self.context, self.severities, self.limits)
        if key:
            self.store.put(key, _encode_checked(checked))
        return checked

    def _render(
        self, catalogs: Sequence[Catalog]
    ) -> tuple[Files | None, list[Diagnostic], dict[PurePosixPath, str], dict[PurePosixPath, str]]:
        """The files of every target, what rendering them reported, and for each file the
        key of the entry that holds it, and its sha256."""
        from .targets import UnknownTarget, splits

        known = available(self.extensions)
        unknown = [name for name in self.targets if name not in known]
        if unknown:
            raise UnknownTarget(unknown[0])
        ordered = sorted(catalogs, key=lambda c: c.platform)
        builtin = splits()
        files: Files = {}
        parts: dict[PurePosixPath, str] = {}
        digests: dict[PurePosixPath, str] = {}
        with rendering_of(self.extensions, self.templates) as current:
            found = list(current.diagnostics)
            if has_errors(found):
                return None, found, {}, {}

            def made_of(names: Sequence[str]) -> dict[str, list[tuple[str, _Part]]]:
                made = {}
                for name in names:
                    target = known[name]
                    own = _project_templates(self.extensions, self.templates, name)
                    split = builtin.get(name) if not own and name not in _custom(self) else None
                    if split is not None:
                        made[name] = self._split(current, target, split, ordered)
                    else:
                        made[name] = self._whole(current, target, ordered, own)
                return made

            here, there = self._shares(known, ordered)

            def theirs() -> tuple[dict[str, list[tuple[str, _Part]]], cache_module.Record]:
                return made_of(there), self.store.record()

            if there:
                from . import parallel

                made, (forked, record) = parallel.both(lambda: made_of(here), theirs)
                made.update(forked)
                self.store.adopt(record)
            else:
                made = made_of(here)
            for name in self.targets:
                for part_key, part in made[name]:
                    found += part.diagnostics
                    for path, text in (part.files or {}).items():
                        files[path] = text
                        parts[path] = part_key
                        if path in part.digests:  # else found if the run is kept
                            digests[path] = part.digests[path]
        return dict(sorted(files.items())), found, parts, digests

    def _shares(
        self, known: Mapping[str, Target], ordered: Sequence[Catalog]
    ) -> tuple[list[str], list[str]]:
        """The targets this process renders, and those a second process may (built-in ones
        rendered from codegen's own templates: a project's templates and plugins stay here,
        where their diagnostics are gathered), shared by cost, the costliest first."""
        from . import parallel

        movable = [
            name
            for name in self.targets
            if name not in _custom(self)
            and not _project_templates(self.extensions, self.templates, name)
        ]
        here = [name for name in self.targets if name not in movable]
        codes = sum(len(c.errors) for c in ordered)
        if len(movable) < 2 or codes < parallel.WORTH_A_FORK or not parallel.available():
            return list(self.targets), []
        there: list[str] = []
        here_cost, there_cost = sum(known[n].cost for n in here), 0
        # The costliest to the second process first (the site with the built-in targets: the
        # fewest bytes for their time, and its files are sent back), then each to the process
        # with less to do.
        for name in sorted(movable, key=lambda n: -known[n].cost):
            if there_cost <= here_cost:
                there.append(name)
                there_cost += known[name].cost
            else:
                here.append(name)
                here_cost += known[name].cost
        return here, there

    def _whole(
        self, current: Rendering, target: Target, ordered: Sequence[Catalog], own: object
    ) -> list[tuple[str, _Part]]:
        """A target rendered from every catalogue at once, kept as one entry."""
        declared = repr(target.render) if target.name in _custom(self) else None
        key = ""
        if self.store.enabled and target.cacheable:
            key = cache_module.key(
                "target",
                target.name,
                [(c.path, c.digest) for c in ordered],
                self.options,
                own,
                declared,
            )
            kept = _decode_part(self.store.get(key))
            if kept is not None:
                return [(key, kept)]
        rendered = render_target(current, target, ordered, self.options)
        part = _Part(rendered.files, list(rendered.diagnostics))
        if key:
            self.store.put(key, _encode_part(part))
        return [(key, part)]

    def _split(
        self, current: Rendering, target: Target, split: Split, ordered: Sequence[Catalog]
    ) -> list[tuple[str, _Part]]:
        """A built-in target whose files divide by catalogue: each catalogue's files kept
        with it, the others under the summary they depend on (targets.base.Split)."""
        enabled = self.store.enabled
        name, options = target.name, self.options
        shared = split.context(ordered)
        aggregate_key = cache_module.key("aggregate", name, options, split.aggregate(ordered))
        own_keys = [
            cache_module.key("own", name, c.path, c.digest, options, shared) for c in ordered
        ]
        aggregate = _decode_part(self.store.get(aggregate_key)) if enabled else None
        owned: list[_Part | None] = [
            _decode_part(self.store.get(k)) if enabled else None for k in own_keys
        ]
        if aggregate is None:
            # Everything at once: the aggregate files come only from a render of them all.
            rendered = render_target(current, target, ordered, options)
            if rendered.files is None:
                return [("", _Part(None, list(rendered.diagnostics)))]
            pieces = _divide(rendered.files, ordered)
            aggregate = _Part(pieces.pop(None), list(rendered.diagnostics))
            owned = [_Part(pieces.get(c.path, {}), []) for c in ordered]
            if enabled:
                self.store.put(aggregate_key, _encode_part(aggregate))
                for key, made_now in zip(own_keys, owned):
                    assert made_now is not None
                    self.store.put(key, _encode_part(made_now))
        made = [(aggregate_key, aggregate)]
        for index, catalog in enumerate(ordered):
            part = owned[index]
            if part is None:
                rendered = render_target(
                    current, target, split.companions(ordered, catalog), options
                )
                files = rendered.files
                mine = None if files is None else _divide(files, [catalog]).get(catalog.path, {})
                part = _Part(mine, list(rendered.diagnostics))
                if enabled:
                    self.store.put(own_keys[index], _encode_part(part))
            made.append((own_keys[index], part))
        return made


def _custom(work: _Run) -> Mapping[str, Target]:
    return work.extensions.targets if work.extensions is not None else {}


def _project_templates(
    extensions: Extensions | None, templates: Mapping[str, str], name: str
) -> tuple[tuple[str, str], ...]:
    """(path, sha256) of each template of the project that rendering target ``name`` may
    read: those of a custom target's directory, or those replacing a built-in target's."""
    if extensions is None:
        return ()
    directories = extensions.directories([name])
    return tuple(
        (path, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
        for path, text in sorted(templates.items())
        if any(path.startswith(f"{d}/") for d in directories)
    )


def _divide(files: Files, catalogs: Sequence[Catalog]) -> dict[str | None, Files]:
    """``files`` by the catalogue whose own they are (its path; its header on their first
    line), the others under None."""
    lines = {header_line(c): c.path for c in catalogs}
    pieces: dict[str | None, Files] = {None: {}}
    for path, text in files.items():
        first = text[: text.find("\n")] if "\n" in text else text
        owner = next((p for line, p in lines.items() if line in first), None)
        pieces.setdefault(owner, {})[path] = text
    return pieces


def _extensions_key(
    extensions: Extensions | None, targets: Sequence[str], templates: dict[str, str]
) -> object:
    """What the output owes to the project's templates and targets: the templates' text and
    each chosen custom target's declaration (its renderer is data, and its repr says it all)."""
    if extensions is None:
        return None
    digest = hashlib.sha256()
    for name, text in sorted(templates.items()):
        digest.update(name.encode() + b"\0" + text.encode("utf-8", "surrogatepass") + b"\0")
    declared = [repr(extensions.targets[t].render) for t in targets if t in extensions.targets]
    return (extensions.templates, declared, digest.hexdigest())


# --- Entries --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Part:
    """Files a target rendered (None when it failed) and what it reported."""

    files: Files | None
    diagnostics: list[Diagnostic]
    digests: dict[PurePosixPath, str] = field(default_factory=dict)
    """The sha256 of each file, once known (kept with them: a run's entry lists them all)."""

    def digest(self, path: PurePosixPath) -> str:
        found = self.digests.get(path)
        if found is None:
            assert self.files is not None
            found = self.digests[path] = _sha256(self.files[path])
        return found


def _encode_part(part: _Part) -> dict[str, Any]:
    files = part.files
    return {
        "files": None if files is None else {str(p): [t, part.digest(p)] for p, t in files.items()},
        "diagnostics": stored.diagnostics(part.diagnostics),
    }


def _decode_part(data: Any) -> _Part | None:
    if data is None:
        return None
    try:
        kept = data["files"]
        diagnostics = stored.to_diagnostics(data["diagnostics"])
        if kept is None:
            return _Part(None, diagnostics)
        files, digests = {}, {}
        for path, (text, digest) in kept.items():
            files[PurePosixPath(_text(path))] = _text(text)
            digests[PurePosixPath(path)] = _text(digest)
        return _Part(files, diagnostics, digests)
    except stored.DAMAGED:
        return None


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _encode_run(outcome: Outcome, parts: Mapping[PurePosixPath, str]) -> dict[str, Any]:
    files = outcome.files
    return {
        "diagnostics": stored.diagnostics(outcome.diagnostics),
        "catalogs": outcome.catalogs,
        "codes": outcome.codes,
        "files": (
            None if files is None else {str(p): [files.digest(p), parts.get(p, "")] for p in files}
        ),
    }


def _decode_run(
    data: Any,
    fetch: Callable[[Mapping[PurePosixPath, str], Mapping[PurePosixPath, str]], Files],
) -> Outcome | None:
    """The outcome a run entry holds, its files' text fetched from their parts when asked
    for; None when the entry is not of that shape, or a file's part is unknown."""
    if data is None:
        return None
    try:
        files = data["files"]
        output = None
        if files is not None:
            digests = {PurePosixPath(_text(p)): _text(d) for p, (d, _) in files.items()}
            parts = {PurePosixPath(p): _text(k) for p, (_, k) in files.items()}
            if not all(parts.values()):
                return None
            output = Output.of(digests, lambda: fetch(parts, digests))
        return Outcome(
            tuple(stored.to_diagnostics(data["diagnostics"])),
            int(data["catalogs"]),
            int(data["codes"]),
            output,
        )
    except stored.DAMAGED:
        return None
