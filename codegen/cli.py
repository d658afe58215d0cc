"""Command line: one function per command (``COMMANDS``). Parsing and printing only.

Exit status: 0 clean (warnings allowed), 1 findings (errors, drift), 2 usage error or
unreadable input, 3 a bug in codegen.
"""

from __future__ import annotations

# Each command imports what it uses when it runs: `codegen --version` and `--help` load no
# more than argparse, a cached `check` neither YAML, Jinja2, jsonschema nor the targets.
import argparse
import gc
import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence
    from typing import TextIO

    from .cache import Cache
    from .checks import Context
    from .config import CheckIDs, Config
    from .diagnostics import Diagnostic
    from .model import Catalog
    from .pipeline import Outcome
    from .write import Files, Seen

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

VERSION = f"codegen {__version__}"
"""What --version prints."""


def _render_rules() -> dict[str, str]:
    """Findings of rendering the project's templates and plugins: always errors."""
    from .render import TEMPLATE, TEMPLATE_SUMMARY
    from .targets.plugin import PLUGIN, PLUGIN_SUMMARY

    return {TEMPLATE: TEMPLATE_SUMMARY, PLUGIN: PLUGIN_SUMMARY}


DESCRIPTION = """\
Compile error-code catalogues (catalogs/*.yaml) into Python, TypeScript, Go and Rust code,
and check every change to them before it merges.

Settings come from [tool.codegen] in the project's pyproject.toml; flags override them."""

EPILOG = """\
exit status: 0 clean (warnings allowed), 1 findings (errors, drift, breaking changes),
2 usage error, refused setting or unreadable input, 3 a bug in codegen

Run `codegen COMMAND --help` for a command's options."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: {message}")

    def _get_formatter(self) -> argparse.HelpFormatter:
        # As argparse's own, with the terminal's width found as shutil finds it, whose import
        # (with every compression module) would cost a run more than parsing its line.
        return self.formatter_class(prog=self.prog, width=_columns() - 2)  # type: ignore[call-arg]


def _columns() -> int:
    """The terminal's width: $COLUMNS, else standard output's, else 80 (shutil's rules)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _UsageError(Exception):
    pass


class Invocation:
    """What every command works with: its arguments, the configuration, where files are
    named from, the catalogue files, and the two output streams. ``inside`` is where listed
    catalogues must stay (None for files named on the command line)."""

    def __init__(
        self,
        args: argparse.Namespace,
        config: Config,
        out: TextIO,
        err: TextIO,
        root: Path,
        catalogs_dir: Path,
        files: list[Path],
        inside: Path | None,
    ) -> None:
        self.args, self.config, self.out, self.err = args, config, out, err
        self.root, self.catalogs_dir, self.files, self.inside = root, catalogs_dir, files, inside

    @property
    def fmt(self) -> str:
        return str(getattr(self.args, "format", "text"))

    @property
    def verbose(self) -> bool:
        return bool(getattr(self.args, "verbose", False))

    def cache(self) -> Cache:
        from .cache import Cache, default_directory

        return Cache(None if self.args.no_cache else default_directory())

    def fail(self, message: str, status: int = EXIT_USAGE) -> int:
        print(f"codegen: {message}", file=self.err)
        return status


class Command:
    """A command: its name, help, the function that runs it, and the shared options it takes
    (catalogs, format, verbose, out, targets)."""

    def __init__(
        self,
        name: str,
        help: str,
        description: str,
        run: Callable[[Invocation], int],
        options: tuple[str, ...] = (),
    ) -> None:
        self.name, self.help, self.description, self.run = name, help, description, run
        self.options = options


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with ``only``, the options of that command alone (those of
    the others are not needed to parse a line that runs it)."""
    from .targets import NAMES

    parser = _Parser(
        prog="codegen",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-V", "--version", action="version", version=VERSION)
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    for command in COMMANDS.values():
        sub = commands.add_parser(
            command.name,
            help=command.help,
            description=command.description,
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if only is not None and command.name != only:
            continue
        if command.name == "validate":
            sub.add_argument(
                "files",
                nargs="*",
                type=Path,
                metavar="FILE",
                help="catalogues to check (default: every *.yaml and *.yml in --catalogs)",
            )
        if command.name in ("breaking", "changelog"):
            sub.add_argument(
                "--against",
                required=True,
                metavar="REF",
                help="the base: a git revision (origin/main, v1.2.0, HEAD~1) or a directory"
                " of catalogues",
            )
        if command.name == "changelog":
            sub.add_argument(
                "--output",
                type=Path,
                metavar="FILE",
                help="write the notes to FILE (whole or not at all) instead of standard output",
            )
        if command.name == "classify":
            sub.add_argument("platform", metavar="PLATFORM", help="the catalogue's platform")
            sub.add_argument(
                "body",
                nargs="?",
                type=Path,
                metavar="FILE",
                help="the response body (default, or -: standard input)",
            )
            sub.add_argument(
                "--status", type=_status_code, metavar="N", help="the HTTP status, 100 to 599"
            )
            sub.add_argument(
                "--format",
                choices=("text", "json"),
                default="text",
                help="one line for people (default) or JSON for programs",
            )
        if command.name == "observe":
            sub.add_argument(
                "logs", nargs="+", type=Path, metavar="FILE", help="JSON Lines of responses"
            )
        if command.name == "report":
            sub.add_argument(
                "--format",
                choices=("markdown", "json"),
                default="markdown",
                help="Markdown for people (default) or JSON for programs",
            )
        if "out" in command.options:
            sub.add_argument(
                "--out", type=Path, metavar="DIR", help="output directory (default: out)"
            )
        if "targets" in command.options:
            sub.add_argument(
                "--target",
                action="append",
                dest="targets",
                metavar="NAME",
                help=f"only this target, repeatable (built in: {', '.join(NAMES)};"
                " default: every configured target)",
            )
        if "targets" in command.options:
            sub.add_argument(
                "--allow-plugins",
                action="store_true",
                help="run the plugins the configuration declares (programs from the repository:"
                " allow them only where you trust its code; also CODEGEN_ALLOW_PLUGINS=1)",
            )
        if "format" in command.options:
            from .formats import FORMATS

            sub.add_argument(
                "--format",
                choices=FORMATS,
                default="text",
                help="how diagnostics are printed: text for people, json for scripts, github"
                " for pull-request annotations, sarif for code scanning (default: text)",
            )
            sub.add_argument(
                "-v",
                "--verbose",
                action="store_true",
                help="in text, also print information (codes shared between platforms,"
                " reworded texts); the other formats always include it",
            )
        if "catalogs" in command.options:
            sub.add_argument(
                "--catalogs",
                type=Path,
                metavar="DIR",
                help="catalogue directory (default: catalogs)",
            )
            sub.add_argument(
                "--no-cache", action="store_true", help="neither read nor write the result cache"
            )
    return parser


def _check_ids(args: argparse.Namespace) -> CheckIDs:
    """config.check_ids(), kept in the per-user cache: the IDs are those of this version of
    codegen (its fingerprint is in the key), and finding them imports every check."""
    from .cache import Cache, default_directory, key
    from .config import CheckIDs, check_ids

    cache = Cache(None if getattr(args, "no_cache", False) else default_directory())
    name = key("check IDs") if cache.enabled else ""
    kept = cache.get(name) if name else None
    try:
        if kept is not None:
            known, builtin = kept
            if all(isinstance(i, str) for i in (*known, *builtin)):
                return CheckIDs(frozenset(known), frozenset(builtin))
    except (TypeError, ValueError):
        pass
    ids = check_ids()
    if name:
        cache.put(name, [sorted(ids.known), sorted(ids.builtin)])
        cache.prune()
    return ids


def _status_code(text: str) -> int:
    if not text.isdigit() or not 100 <= int(text) <= 599:
        raise argparse.ArgumentTypeError(f"{text!r} is not an HTTP status (100 to 599)")
    return int(text)


def _did_you_mean(argv: Sequence[str]) -> str | None:
    """For a mistyped command (``genrate``), the message that names the closest one."""
    word = next((a for a in argv if not a.startswith("-")), None)
    if word is None or word in COMMANDS:
        return None
    import difflib

    close = difflib.get_close_matches(word, list(COMMANDS), n=1, cutoff=0.6)
    known = ", ".join(COMMANDS)
    hint = f"; did you mean {close[0]}?" if close else ""
    return f"codegen: unknown command {word!r}{hint} (commands: {known})"


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments in (["--version"], ["-V"]):  # what argparse prints, without building it
        print(VERSION, file=sys.stdout)
        return EXIT_OK
    mistyped = _did_you_mean(arguments)
    if mistyped is not None and not {"-h", "--help", "-V", "--version"} & set(arguments):
        print(mistyped, file=err)
        return EXIT_USAGE
    from .config import ConfigError, load_config

    try:
        named = next((a for a in arguments if not a.startswith("-")), None)
        args = _parser(named if named in COMMANDS else None).parse_args(arguments)
        config = load_config(ids=lambda: _check_ids(args))
    except _UsageError as exc:
        print(exc, file=err)
        return EXIT_USAGE
    except ConfigError as exc:
        print(f"codegen: {exc}", file=err)
        return EXIT_USAGE
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)
    command = COMMANDS[args.command]
    if getattr(args, "allow_plugins", False) or os.environ.get("CODEGEN_ALLOW_PLUGINS") == "1":
        import dataclasses

        # The person running codegen trusts the repository's plugins: only they may say so.
        config = dataclasses.replace(config, allow_plugins=True)
    if "catalogs" not in command.options:
        return command.run(
            Invocation(args, config, out, err, config.root, config.catalogs, [], None)
        )
    catalogs_dir = args.catalogs.absolute() if args.catalogs else config.catalogs
    # Files are named relative to the project, whatever the working directory; without a
    # configuration, the catalogue directory's parent is the project.
    root = config.root if config.source is not None else catalogs_dir.parent
    files: list[Path] = list(getattr(args, "files", None) or [])
    # A file named on the command line is the user's choice; a catalogue found by listing
    # the directory may be a link a pull request added: it must stay inside the project.
    call = Invocation(args, config, out, err, root, catalogs_dir, files, None if files else root)
    if not files:
        from .source import catalog_files

        if not catalogs_dir.is_dir():
            return call.fail(f"catalogue directory {_shown(catalogs_dir, root)} does not exist")
        call.files = catalog_files(catalogs_dir)
        if not call.files:
            return call.fail(f"no catalogues (*.yaml, *.yml) in {_shown(catalogs_dir, root)}")
    return command.run(call)


def _context(call: Invocation) -> Context | int:
    """What the checks need beyond the catalogues (the category taxonomy), or the exit
    status when it cannot be had."""
    from .checks import Context

    categories = _categories(call)
    return categories if isinstance(categories, int) else Context(categories=categories)


def _categories(call: Invocation) -> dict[str, str] | int:
    """The category taxonomy, or the exit status when it cannot be had."""
    from .pipeline import taxonomy
    from .source import display

    config = call.config
    path = config.categories or _default_taxonomy()
    name = "categories.yaml (built in)" if config.categories is None else display(path, call.root)
    categories, problems = taxonomy(path, name, config.limits.file_bytes, call.cache())
    if problems or categories is None:
        # The report's own output is stdout: its diagnostics go to stderr, as text.
        stream = call.err if call.args.command == "report" else call.out
        fmt = "text" if call.args.command == "report" else call.fmt
        _print_diagnostics(problems, fmt, stream, verbose=True)
        return EXIT_USAGE if any(d.check_id == "UNREADABLE" for d in problems) else EXIT_FINDINGS
    return categories


def _default_taxonomy() -> Path:
    """The taxonomy shipped with codegen (schema/categories.yaml)."""
    import importlib.util

    spec = importlib.util.find_spec("codegen.schema")
    assert spec is not None and spec.submodule_search_locations is not None
    return Path(list(spec.submodule_search_locations)[0], "categories.yaml")


def _outcome(call: Invocation, targets: Sequence[str]) -> Outcome | int:
    from .pipeline import run

    categories = _categories(call)
    if isinstance(categories, int):
        return categories
    config = call.config
    return run(
        call.files,
        targets,
        config.options,
        config.limits,
        call.cache(),
        None,
        config.severity,
        call.root,
        call.inside,
        extensions=config.extensions,
        categories=categories,
    )


def _chosen(call: Invocation) -> tuple[str, ...] | int:
    from .targets import NAMES

    chosen = tuple(call.args.targets or call.config.targets)
    known = [*NAMES, *call.config.custom_targets]
    unknown = [t for t in chosen if t not in known]
    if unknown:
        return call.fail(f"unknown target {', '.join(unknown)} (known: {', '.join(known)})")
    return chosen


def _out_dir(call: Invocation) -> Path | int:
    args, config = call.args, call.config
    if not args.out:
        return config.out
    from .config import ConfigError, check_out

    out_dir: Path = args.out.absolute()
    try:
        check_out(out_dir, config, "--out", os.fspath(args.out))
    except ConfigError as exc:
        return call.fail(str(exc))
    return out_dir


def _cannot_render(call: Invocation, outcome: Outcome) -> int:
    """Diagnostics and the summary when the catalogues have errors (nothing rendered)."""
    _print_diagnostics(outcome.diagnostics, call.fmt, call.out, call.verbose)
    _summary(
        outcome.diagnostics,
        f"{outcome.catalogs} catalogue(s), {outcome.codes} code(s)",
        call.fmt,
        call.verbose,
        call.err,
    )
    return _status(outcome)


def validate_command(call: Invocation) -> int:
    outcome = _outcome(call, ())
    if isinstance(outcome, int):
        return outcome
    return _cannot_render(call, outcome)


def generate_command(call: Invocation) -> int:
    chosen = _chosen(call)
    if isinstance(chosen, int):
        return chosen
    outcome = _outcome(call, chosen)
    if isinstance(outcome, int):
        return outcome
    if outcome.files is None:
        status = _cannot_render(call, outcome)
        print("codegen: nothing written: fix the errors above first", file=call.err)
        return status
    _print_diagnostics(outcome.diagnostics, call.fmt, call.out, call.verbose)
    out_dir = _out_dir(call)
    if isinstance(out_dir, int):
        return out_dir
    from .formats import MACHINE

    # In json and sarif, stdout is one JSON document: the lines for people go to stderr.
    human = call.err if call.fmt in MACHINE else call.out
    with _seen(call, out_dir) as seen:
        return _generate(out_dir, call.root, outcome.files, chosen, human, call.err, seen)


def check_command(call: Invocation) -> int:
    chosen = _chosen(call)
    if isinstance(chosen, int):
        return chosen
    outcome = _outcome(call, chosen)
    if isinstance(outcome, int):
        return outcome
    if outcome.files is None:
        return _cannot_render(call, outcome)
    out_dir = _out_dir(call)
    if isinstance(out_dir, int):
        return out_dir
    from .formats import MACHINE

    human = call.err if call.fmt in MACHINE else call.out
    with _seen(call, out_dir) as seen:
        return _check(
            out_dir,
            call.root,
            outcome.files,
            chosen,
            outcome.diagnostics,
            call.fmt,
            call.verbose,
            call.out,
            human,
            call.err,
            seen,
        )


@contextmanager
def _seen(call: Invocation, out_dir: Path) -> Iterator[Seen | None]:
    """What the files of ``out_dir`` were when last read (write.Seen), from the per-user
    cache, and kept there again after the block."""
    from .cache import key
    from .write import Seen

    cache = call.cache()
    if not cache.enabled:
        yield None
        return
    name = key("seen", os.fspath(out_dir.resolve()))
    kept = cache.get(name)
    seen = Seen(kept if isinstance(kept, dict) else None)
    yield seen
    if seen.changed:
        cache.put(name, seen.records)
        cache.prune()


def report_command(call: Invocation) -> int:
    outcome = _outcome(call, ("report",))
    if isinstance(outcome, int):
        return outcome
    # The report's own output is stdout: its diagnostics go to stderr, as text.
    _print_diagnostics(outcome.diagnostics, "text", call.err, call.verbose)
    if outcome.files is None:
        _summary(
            outcome.diagnostics,
            f"{outcome.catalogs} catalogue(s), {outcome.codes} code(s)",
            "text",
            call.verbose,
            call.err,
        )
        return _status(outcome)
    from .targets.report import JSON as REPORT_JSON
    from .targets.report import MARKDOWN as REPORT_MARKDOWN

    wanted = REPORT_JSON if call.args.format == "json" else REPORT_MARKDOWN
    print(outcome.files[wanted], end="", file=call.out)
    return EXIT_OK


def export_command(call: Invocation) -> int:
    """The data model of the catalogues, as JSON on stdout, for any program to consume."""
    from .datamodel import export

    catalogs = _catalogs(call, "nothing exported")
    if isinstance(catalogs, int):
        return catalogs
    print(export(catalogs, call.config.options), end="", file=call.out)
    return EXIT_OK


def checks_command(call: Invocation) -> int:
    from .breaking import RULES
    from .checks import BUILTIN, CHECKS

    out, severity = call.out, call.config.severity
    for check_id, summary in sorted(BUILTIN.items()):
        print(f"{check_id:22} error    {summary}", file=out)
    for check_id, check in sorted(CHECKS.items()):
        level = severity.get(check_id, check.severity)
        print(f"{check_id:22} {'off' if level is None else str(level):8} {check.summary}", file=out)
    for check_id, summary in sorted(_render_rules().items()):
        print(f"{check_id:22} error    {summary}", file=out)
    print("\ncodegen breaking:", file=out)
    for check_id, rule in sorted(RULES.items()):
        level = severity.get(check_id, rule.severity)
        print(f"{check_id:22} {'off' if level is None else str(level):8} {rule.summary}", file=out)
    return EXIT_OK


def breaking_command(call: Invocation) -> int:
    """The working tree's catalogues against those at ``--against``."""
    from . import breaking
    from .diagnostics import Severity

    against = call.args.against
    compared = _compared(
        call, call.fmt, call.out, f"fix the errors above before comparing with {against}"
    )
    if isinstance(compared, int):
        return compared
    base, head = compared
    changes = breaking.diagnostics(breaking.compare(base, head), call.config.severity)
    _print_diagnostics(changes, call.fmt, call.out, call.verbose)
    breaks = sum(d.severity is Severity.ERROR for d in changes)
    _summary(
        changes, f"{breaks} breaking change(s) against {against}", call.fmt, call.verbose, call.err
    )
    return EXIT_FINDINGS if breaks else EXIT_OK


def changelog_command(call: Invocation) -> int:
    """Release notes, as Markdown: the working tree's catalogues against those at
    ``--against``. Never a gate: exit 0 whatever changed, breaking changes included."""
    from . import changelog
    from .diagnostics import printable

    against = call.args.against
    output: Path | None = call.args.output
    if output is not None and output.is_dir():
        return call.fail(f"--output {printable(os.fspath(output))} is a directory: name a file")
    # The notes are stdout: what is wrong with the catalogues goes to stderr, as text.
    compared = _compared(
        call,
        "text",
        call.err,
        f"no changelog against {printable(against)}: fix the errors above first",
    )
    if isinstance(compared, int):
        return compared
    notes = changelog.release_notes(*compared, against, call.config.severity)
    if output is None:
        print(notes, end="", file=call.out)
        return EXIT_OK
    shown = printable(os.fspath(output))
    try:
        changelog.write(output, notes)
    except OSError as exc:
        return call.fail(f"cannot write {shown}: {exc.strerror or exc}")
    print(f"codegen: wrote {shown}", file=call.err)
    return EXIT_OK


def _compared(
    call: Invocation, fmt: str, stream: TextIO, refusal: str
) -> tuple[list[Catalog], list[Catalog]] | int:
    """The valid catalogues at ``--against`` and in the working tree, for breaking and
    changelog; or the exit status after saying why they cannot be compared: the base cannot
    be read, or the working tree has errors (printed in ``fmt`` on ``stream``, then
    ``refusal``). Base catalogues that are not valid now are left out, with a warning."""
    from .breaking import BaseError, base_inputs
    from .diagnostics import Diagnostic, has_errors, printable
    from .pipeline import process, read

    context = _context(call)
    if isinstance(context, int):
        return context
    against, config = call.args.against, call.config
    try:
        base_files = base_inputs(against, call.catalogs_dir, call.root, config.limits.file_bytes)
    except BaseError as exc:
        return call.fail(printable(str(exc)))
    inputs, problems = read(call.files, config.limits.file_bytes, call.root, call.inside)
    head = process(inputs, context, config.severity, config.limits)
    found = sorted([*problems, *head.diagnostics], key=Diagnostic.sort_key)
    if has_errors(found):
        _print_diagnostics(found, fmt, stream, call.verbose)
        return call.fail(refusal, EXIT_USAGE if problems else EXIT_FINDINGS)
    base = process(base_files, context, config.severity, config.limits)
    if base.errors:
        print(
            f"codegen: some catalogues at {printable(against)} are not valid now; they are not"
            " compared",
            file=call.err,
        )
    return base.catalogs, head.catalogs


def _catalogs(call: Invocation, refusal: str) -> list[Catalog] | int:
    """The valid catalogues, or the exit status after printing why there are none, and
    ``refusal`` (what the command does not do)."""
    from .diagnostics import Diagnostic, has_errors
    from .pipeline import process, read

    context = _context(call)
    if isinstance(context, int):
        return context
    config = call.config
    inputs, problems = read(call.files, config.limits.file_bytes, call.root, call.inside)
    result = process(inputs, context, config.severity, config.limits)
    found = sorted([*problems, *result.diagnostics], key=Diagnostic.sort_key)
    if has_errors(found):
        _print_diagnostics(found, "text", call.err, call.verbose)
        status = EXIT_USAGE if problems else EXIT_FINDINGS
        return call.fail(f"{refusal}: fix the errors above first", status)
    return list(result.catalogs)


def classify_command(call: Invocation) -> int:
    """Which entry of PLATFORM's catalogue one response (a status and a body) is."""
    import json

    from .classify import Classifier
    from .diagnostics import printable
    from .source import InputError, read_input

    catalogs = _catalogs(call, "nothing classified")
    if isinstance(catalogs, int):
        return catalogs
    args = call.args
    catalog = next((c for c in catalogs if c.platform == args.platform), None)
    if catalog is None:
        known = ", ".join(sorted(c.platform for c in catalogs))
        return call.fail(f"no catalogue for platform {args.platform!r} (known: {known})")
    try:
        if args.body is None or str(args.body) == "-":
            data = sys.stdin.buffer.read(call.config.limits.file_bytes + 1)
            if len(data) > call.config.limits.file_bytes:
                raise InputError(
                    f"more than {call.config.limits.file_bytes} bytes (max_file_bytes)"
                )
            name = "standard input"
        else:
            data = read_input(args.body, call.config.limits.file_bytes, None)
            name = os.fspath(args.body)
        text = data.decode("utf-8")
    except InputError as exc:
        return call.fail(printable(f"{args.body or 'standard input'}: {exc}"))
    except UnicodeDecodeError as exc:
        return call.fail(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})")
    result = Classifier(catalog).classify_text(args.status, text)
    entry = None if result is None else next(e for e in catalog.errors if e.code == result.code)
    if call.fmt == "json":
        found: object = None
        if result is not None and entry is not None:
            found = {
                "code": result.code,
                "name": entry.name,
                "how": result.how,
                "params": dict(result.params),
                "message": _filled(entry.default_message, result.params),
                "category": entry.category,
                "http_status": entry.http_status,
                "retryable": entry.retryable,
            }
        document = {"platform": catalog.platform, "status": args.status, "match": found}
        print(json.dumps(document, ensure_ascii=False, indent=2), file=call.out)
    elif result is None or entry is None:
        print(printable(f"{catalog.platform}: no entry matches"), file=call.out)
    else:
        params = "".join(f", {name}={value}" for name, value in result.params.items())
        message = _filled(entry.default_message, result.params)
        shown = (
            f"{catalog.platform} {result.code} {entry.name} (by {result.how}{params}): {message}"
        )
        print(printable(shown), file=call.out)
    return EXIT_OK if result is not None else EXIT_FINDINGS


def _filled(text: str, params: Mapping[str, str]) -> str:
    """``text`` with the placeholders ``params`` has filled in; the others as written."""
    from .model import PLACEHOLDER

    return PLACEHOLDER.sub(lambda m: params.get(m.group(1), m.group(0)), text)


def observe_command(call: Invocation) -> int:
    """The responses of the logs that no catalogue entry knows, grouped and counted."""
    from . import observe
    from .diagnostics import printable
    from .formats import render
    from .source import InputError, read_input

    catalogs = _catalogs(call, "nothing observed")
    if isinstance(catalogs, int):
        return catalogs
    logs = []
    for path in call.args.logs:
        try:
            logs.append((os.fspath(path), read_input(path, None, None)))
        except InputError as exc:
            return call.fail(f"{path}: {exc}")
    seen = observe.observe(logs, catalogs)
    found = [*seen.problems, *observe.diagnostics(seen, catalogs)]
    if call.fmt == "text":
        for diagnostic in found:
            for line in observe.lines(diagnostic):
                print(printable(line), file=call.out)
    else:
        print(render(found, call.fmt, observe.RULES, __version__), end="", file=call.out)
    counts = observe.summary(seen)
    print(
        f"codegen: {counts['responses']} response(s): {counts['known']} known,"
        f" {counts['unknown']} unknown in {counts['groups']} group(s),"
        f" {counts['invalid']} line(s) not a response",
        file=call.err,
    )
    return EXIT_FINDINGS if found else EXIT_OK


COMMANDS = {
    command.name: command
    for command in (
        Command(
            "validate",
            "check the catalogues and print what is wrong, where",
            "Run every check on the catalogues and print each finding as"
            " path:line:col: severity[CHECK_ID]: message.",
            validate_command,
            ("catalogs", "format"),
        ),
        Command(
            "generate",
            "check the catalogues, then write the generated code",
            "Check the catalogues; if nothing is wrong, bring the output directory to exactly"
            " what they generate (all or nothing; files without the generated header are never"
            " touched).",
            generate_command,
            ("catalogs", "format", "out", "targets"),
        ),
        Command(
            "check",
            "fail when the output directory is not what generate would write",
            "Exit 1 when the output directory differs from what the catalogues generate,"
            " naming each missing, stale, hand-edited or orphaned file, with a diff. For CI"
            " and pre-commit.",
            check_command,
            ("catalogs", "format", "out", "targets"),
        ),
        Command(
            "breaking",
            "report what a change would break for code using the generated enums",
            "Compare the catalogues with those at a git revision (or in a directory) and report"
            " each change that breaks code written against the generated code. Exit 1 when"
            " anything breaks.",
            breaking_command,
            ("catalogs", "format"),
        ),
        Command(
            "changelog",
            "print release notes (Markdown) of what changed since a revision",
            "Compare the catalogues with those at a git revision (or in a directory) and print"
            " Markdown release notes: the breaking changes first (as `codegen breaking` judges"
            " them), then per platform the codes added, deprecated, removed, renamed and"
            " changed (texts, category, HTTP status, retryable, placeholders, match rules,"
            " response shapes). Exit 0 even when something breaks: release notes are not a"
            " gate.",
            changelog_command,
            ("catalogs",),
        ),
        Command(
            "report",
            "print the codes that several platforms share, with each meaning",
            "Print every code that more than one catalogue defines, with its meaning on each"
            " platform (the text of out/report/).",
            report_command,
            ("catalogs",),
        ),
        Command(
            "export",
            "print the catalogues' data model as JSON",
            "Print the data model that project templates and plugins receive"
            " (schema/datamodel.schema.json) as JSON on stdout, for any program to consume.",
            export_command,
            ("catalogs",),
        ),
        Command(
            "classify",
            "tell which entry a vendor's response is (status and body)",
            "Read one response body (JSON, from FILE or standard input) and print the entry of"
            " PLATFORM's catalogue it is, how it matched (code, message pattern or status) and"
            " the parameters its message yields. Exit 1 when no entry matches.",
            classify_command,
            ("catalogs",),
        ),
        Command(
            "observe",
            "list the codes and messages of logged responses that no entry knows",
            "Classify every response of the logs (JSON Lines: platform, status, body or text)"
            " and report those no catalogue entry knows, grouped and counted, each with the"
            " entry to paste. Exit 1 when there are any.",
            observe_command,
            ("catalogs", "format"),
        ),
        Command(
            "checks",
            "list every check and breaking rule with its severity",
            "List every check and breaking rule ID with its severity, as configured.",
            checks_command,
        ),
    )
}


def _print_diagnostics(
    diagnostics: Sequence[Diagnostic], fmt: str, stream: TextIO, verbose: bool
) -> None:
    """Diagnostics in ``fmt``. Text leaves information out unless ``verbose``: dozens of codes
    shared between vendors would bury the warnings (the summary line still counts them)."""
    from .diagnostics import Severity

    if fmt == "text" and not verbose:
        diagnostics = [d for d in diagnostics if d.severity is not Severity.INFO]
    if not diagnostics and fmt in ("text", "github"):
        return
    from .formats import render

    print(render(diagnostics, fmt, _rules(fmt), __version__), end="", file=stream)


def _rules(fmt: str) -> dict[str, str]:
    """Every check ID's one-line summary, which only SARIF lists: gathering them imports
    every check, the breaking-change rules and the plugin target."""
    if fmt != "sarif":
        return {}
    from .breaking import RULES
    from .checks import BUILTIN, CHECKS
    from .formats import DRIFT, DRIFT_SUMMARY

    return {
        **BUILTIN,
        **{i: check.summary for i, check in CHECKS.items()},
        **{i: rule.summary for i, rule in RULES.items()},
        **_render_rules(),
        DRIFT: DRIFT_SUMMARY,
    }


def _status(outcome: Outcome) -> int:
    if outcome.unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if outcome.errors else EXIT_OK


def _summary(
    diagnostics: Sequence[Diagnostic], what: str, fmt: str, verbose: bool, err: TextIO
) -> None:
    from .diagnostics import Severity

    counts = {s: sum(d.severity is s for d in diagnostics) for s in Severity}
    hidden = " (-v shows them)" if fmt == "text" and not verbose and counts[Severity.INFO] else ""
    print(
        f"codegen: {what}: {counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]}"
        f" warning(s), {counts[Severity.INFO]} info{hidden}",
        file=err,
    )


def _generate(
    out_dir: Path,
    root: Path,
    rendered: Files,
    chosen: tuple[str, ...],
    out: TextIO,
    err: TextIO,
    seen: Seen | None = None,
) -> int:
    from .diagnostics import printable
    from .source import display
    from .write import WriteError, write

    name = display(out_dir, root)
    shown = printable(name)
    try:
        summary = write(out_dir, rendered, chosen, on_wait=_waiting(err), name=name, seen=seen)
    except WriteError as exc:
        print(f"codegen: {printable(str(exc))}", file=err)
        return EXIT_USAGE
    except OSError as exc:
        reason = exc.strerror or str(exc)
        where = f" ({_shown(Path(exc.filename), root)})" if exc.filename else ""
        print(f"codegen: cannot write {shown}: {reason}{where}; it is unchanged", file=err)
        return EXIT_USAGE
    for leftover in summary.kept:
        print(
            f"codegen: kept {_shown(leftover, root)}: not generated, and its place in {shown} is"
            " taken; move it where it belongs",
            file=err,
        )
    for path in summary.written:
        print(f"wrote {_shown(out_dir / path, root)}", file=out)
    for path in summary.removed:
        print(f"removed {_shown(out_dir / path, root)}", file=out)
    print(
        f"codegen: {len(summary.written)} written, {len(summary.removed)} removed,"
        f" {summary.unchanged} unchanged in {shown}",
        file=out,
    )
    return EXIT_OK


def _check(
    out_dir: Path,
    root: Path,
    rendered: Files,
    chosen: tuple[str, ...],
    diagnostics: Sequence[Diagnostic],
    fmt: str,
    verbose: bool,
    out: TextIO,
    human: TextIO,
    err: TextIO,
    seen: Seen | None = None,
) -> int:
    """Drift is text with diffs in the text format, and a DRIFT diagnostic per file otherwise."""
    from .diagnostics import printable
    from .formats import drift_diagnostic
    from .source import display
    from .write import WriteError, drift

    name = display(out_dir, root)
    shown = printable(name)
    try:
        found = drift(out_dir, rendered, chosen, on_wait=_waiting(err), name=name, seen=seen)
    except WriteError as exc:
        print(f"codegen: {printable(str(exc))}", file=err)
        return EXIT_USAGE
    if fmt == "text":
        _print_diagnostics(diagnostics, fmt, out, verbose)
        for item in found:
            print(f"{_shown(out_dir / item.path, root)}: {item.kind}: {item.reason}", file=out)
            # A diff shows what is on disk, which a pull request may have written: one
            # visible line per line, as for diagnostics.
            for line in item.diff.splitlines():
                print(printable(line), file=out)
    else:
        drifted = [drift_diagnostic(display(out_dir / item.path, root), item) for item in found]
        _print_diagnostics([*diagnostics, *drifted], fmt, out, verbose)
    if found:
        print(
            f"codegen: {len(found)} file(s) in {shown} differ from the catalogues; run `codegen generate`",
            file=human,
        )
        return EXIT_FINDINGS
    print(f"codegen: {shown} is up to date ({len(rendered)} files)", file=human)
    return EXIT_OK


def _waiting(err: TextIO) -> Callable[[str], None]:
    """Tells, once, that another run holds out/ and this one waits."""
    from .diagnostics import printable

    return lambda message: print(f"codegen: {printable(message)}", file=err, flush=True)


def _shown(path: Path, root: Path) -> str:
    """A path for a line people read: from the project, every character visible."""
    from .diagnostics import printable
    from .source import display

    return printable(display(path, root))


EXIT_INTERNAL = 3


def entry_point() -> None:
    """The console script: a bug in codegen is one line on stderr and exit 3, never a
    traceback in someone's CI log (CODEGEN_TRACEBACK=1 shows it).

    The process runs one command and exits, so the cyclic garbage collector is off: what a
    run builds (catalogues, rows, texts) stays alive to the end and holds no cycles worth
    collecting, and the collector's passes over it cost a fifth of a large run's time."""
    gc.disable()
    try:
        status = main()
    except KeyboardInterrupt:
        status = 130
    except BrokenPipeError:  # the reader stopped reading (`codegen checks | head -1`)
        status = EXIT_BROKEN_PIPE
    except Exception as exc:
        if os.environ.get("CODEGEN_TRACEBACK"):
            raise
        from .diagnostics import printable

        print(
            f"codegen: internal error: {type(exc).__name__}: {printable(str(exc))};"
            " please report it (CODEGEN_TRACEBACK=1 shows where)",
            file=sys.stderr,
        )
        status = EXIT_INTERNAL
    # The process ends here, its heap (every catalogue, every file's text) left to the system
    # rather than freed object by object: a tenth of a large run. Nothing is left to do at
    # exit but to flush what was printed.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            status = status or EXIT_BROKEN_PIPE
        except OSError:  # the output could not all be written (a full disk)
            status = status or EXIT_UNFLUSHED
    os._exit(status)


EXIT_BROKEN_PIPE = 141
"""The status of a program whose output's reader went away: what a shell shows for one that
SIGPIPE ended (128 + 13). Nothing is wrong and nothing more is said."""
EXIT_UNFLUSHED = 120
"""What Python itself exits with when it cannot flush its output at exit."""
