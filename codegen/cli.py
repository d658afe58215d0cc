"""Command line: ``codegen validate | generate | check``. Parsing and printing only.

Exit status: 0 clean (warnings allowed), 1 findings (errors, drift), 2 usage error or
unreadable input, 3 a bug in codegen.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from . import breaking
from .breaking import RULES, BaseError, base_inputs
from .checks import BUILTIN, CHECKS, Context
from .config import Config, ConfigError, check_out, load_config
from .diagnostics import Diagnostic, Severity, has_errors, printable
from .formats import DRIFT, DRIFT_SUMMARY, FORMATS, MACHINE, drift_diagnostic, render
from .cache import Cache, default_directory
from .pipeline import Outcome, process, read, run
from .render import Files
from .targets import registry
from .source import catalog_files, display
from .targets.report import JSON as REPORT_JSON
from .targets.report import MARKDOWN as REPORT_MARKDOWN
from .taxonomy import default_path, load_taxonomy
from .write import WriteError, drift, write

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: {message}")


class _UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="codegen", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"codegen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    validate = commands.add_parser("validate", help="run every check and print diagnostics")
    validate.add_argument(
        "files",
        nargs="*",
        type=Path,
        metavar="FILE",
        help="catalogues (default: all in --catalogs)",
    )

    generate = commands.add_parser(
        "generate", help="validate, then write the generated code to --out"
    )
    generate.add_argument("--out", type=Path, help="output directory (default from [tool.codegen])")
    generate.add_argument(
        "--target",
        action="append",
        dest="targets",
        metavar="NAME",
        help=f"a target to generate, repeatable (one of: {', '.join(registry())}; default: all configured)",
    )

    check = commands.add_parser(
        "check", help="fail when --out differs from what generate would write"
    )
    check.add_argument("--out", type=Path, help="output directory (default from [tool.codegen])")
    check.add_argument(
        "--target",
        action="append",
        dest="targets",
        metavar="NAME",
        help="a target to check, repeatable",
    )

    commands.add_parser("checks", help="list the checks with their IDs and default severities")

    breaking_ = commands.add_parser(
        "breaking",
        help="report what would break code using the generated enums, against a git revision",
    )
    breaking_.add_argument(
        "--against",
        required=True,
        metavar="REF",
        help="the base: a git revision (origin/main, v1.2.0, HEAD~1) or a directory of catalogues",
    )

    report = commands.add_parser(
        "report", help="print every code that more than one catalogue defines, with each meaning"
    )
    report.add_argument("--format", choices=("markdown", "json"), default="markdown")

    for sub in (validate, generate, check, breaking_):
        sub.add_argument(
            "--format",
            choices=FORMATS,
            default="text",
            help="how to print diagnostics (default: text)",
        )
        sub.add_argument(
            "-v",
            "--verbose",
            action="store_true",
            help="also print information (codes shared between platforms, reworded texts)"
            " in the text format; the other formats always include it",
        )
    for sub in (validate, generate, check, report, breaking_):
        sub.add_argument(
            "--catalogs", type=Path, help="catalogue directory (default from [tool.codegen])"
        )
        sub.add_argument(
            "--no-cache", action="store_true", help="neither read nor write the result cache"
        )
    return parser


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        args = _parser().parse_args(argv)
        config = load_config()
    except _UsageError as exc:
        print(exc, file=err)
        return EXIT_USAGE
    except ConfigError as exc:
        print(f"codegen: {exc}", file=err)
        return EXIT_USAGE
    except SystemExit as exc:  # --help, --version
        return int(exc.code or 0)

    if args.command == "checks":
        for check_id, summary in sorted(BUILTIN.items()):
            print(f"{check_id:22} error    {summary}", file=out)
        for check_id, check in sorted(CHECKS.items()):
            severity = config.severity.get(check_id, check.severity)
            print(
                f"{check_id:22} {'off' if severity is None else str(severity):8} {check.summary}",
                file=out,
            )
        print("\ncodegen breaking:", file=out)
        for check_id, rule in sorted(RULES.items()):
            severity = config.severity.get(check_id, rule.severity)
            print(
                f"{check_id:22} {'off' if severity is None else str(severity):8} {rule.summary}",
                file=out,
            )
        return EXIT_OK

    catalogs_dir = args.catalogs.absolute() if args.catalogs else config.catalogs
    # Files are named relative to the project, whatever the working directory; without a
    # configuration, the catalogue directory's parent is the project.
    root = config.root if config.source is not None else catalogs_dir.parent
    files: list[Path] = list(getattr(args, "files", None) or [])
    # A file named on the command line is the user's choice; a catalogue found by listing
    # the directory may be a link a pull request added: it must stay inside the project.
    inside = None if files else root
    if not files:
        if not catalogs_dir.is_dir():
            print(
                f"codegen: catalogue directory {_shown(catalogs_dir, root)} does not exist",
                file=err,
            )
            return EXIT_USAGE
        files = catalog_files(catalogs_dir)
        if not files:
            print(
                f"codegen: no catalogues (*.yaml, *.yml) in {_shown(catalogs_dir, root)}",
                file=err,
            )
            return EXIT_USAGE

    chosen: tuple[str, ...] = ()
    if args.command == "report":
        chosen = ("report",)
    elif args.command in ("generate", "check"):
        chosen = tuple(args.targets or config.targets)
        unknown = [t for t in chosen if t not in registry()]
        if unknown:
            print(
                f"codegen: unknown target {', '.join(unknown)} (known: {', '.join(registry())})",
                file=err,
            )
            return EXIT_USAGE
    taxonomy_path = config.categories or default_path()
    taxonomy_name = (
        "categories.yaml (built in)" if config.categories is None else display(taxonomy_path, root)
    )
    categories, problems = load_taxonomy(taxonomy_path, taxonomy_name, config.limits.file_bytes)
    # The report's --format is its own; its diagnostics are always text.
    fmt = "text" if args.command == "report" else args.format
    if problems:
        _print_diagnostics(problems, fmt, out, verbose=True)
        return EXIT_USAGE if any(d.check_id == "UNREADABLE" for d in problems) else EXIT_FINDINGS
    cache = Cache(None if args.no_cache else default_directory())
    context = Context(categories=categories)
    verbose = getattr(args, "verbose", False)
    if args.command == "breaking":
        return _breaking(
            args.against, catalogs_dir, files, root, inside, config, context, fmt, verbose, out, err
        )
    outcome = run(
        files, chosen, config.options, config.limits, cache, context, config.severity, root, inside
    )
    # The report's own output is stdout: its diagnostics go to stderr.
    if args.command == "report":
        _print_diagnostics(outcome.diagnostics, fmt, err, verbose)
    elif args.command != "check" or outcome.files is None:
        _print_diagnostics(outcome.diagnostics, fmt, out, verbose)
    status = _status(outcome)
    if args.command == "validate" or outcome.files is None:
        _summary(
            outcome.diagnostics,
            f"{outcome.catalogs} catalogue(s), {outcome.codes} code(s)",
            fmt,
            verbose,
            err,
        )
        if args.command == "generate":
            print("codegen: nothing written: fix the errors above first", file=err)
        return status

    if args.command == "report":
        wanted = REPORT_JSON if args.format == "json" else REPORT_MARKDOWN
        print(outcome.files[wanted], end="", file=out)
        return EXIT_OK
    out_dir: Path = args.out.absolute() if args.out else config.out
    if args.out:
        try:
            check_out(out_dir, config, "--out", os.fspath(args.out))
        except ConfigError as exc:
            print(f"codegen: {exc}", file=err)
            return EXIT_USAGE
    # In json and sarif, stdout is one JSON document: the lines for people go to stderr.
    human = err if fmt in MACHINE else out
    if args.command == "generate":
        return _generate(out_dir, root, outcome.files, chosen, human, err)
    return _check(
        out_dir, root, outcome.files, chosen, outcome.diagnostics, fmt, verbose, out, human, err
    )


def _print_diagnostics(
    diagnostics: Sequence[Diagnostic], fmt: str, stream: TextIO, verbose: bool
) -> None:
    """Diagnostics in ``fmt``. Text leaves information out unless ``verbose``: dozens of codes
    shared between vendors would bury the warnings (the summary line still counts them)."""
    if fmt == "text" and not verbose:
        diagnostics = [d for d in diagnostics if d.severity is not Severity.INFO]
    rules = {
        **BUILTIN,
        **{i: check.summary for i, check in CHECKS.items()},
        **{i: rule.summary for i, rule in RULES.items()},
        DRIFT: DRIFT_SUMMARY,
    }
    print(render(diagnostics, fmt, rules, __version__), end="", file=stream)


def _status(outcome: Outcome) -> int:
    if outcome.unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if outcome.errors else EXIT_OK


def _summary(
    diagnostics: Sequence[Diagnostic], what: str, fmt: str, verbose: bool, err: TextIO
) -> None:
    counts = {s: sum(d.severity is s for d in diagnostics) for s in Severity}
    hidden = " (-v shows them)" if fmt == "text" and not verbose and counts[Severity.INFO] else ""
    print(
        f"codegen: {what}: {counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]}"
        f" warning(s), {counts[Severity.INFO]} info{hidden}",
        file=err,
    )


def _breaking(
    against: str,
    catalogs_dir: Path,
    files: Sequence[Path],
    root: Path,
    inside: Path | None,
    config: Config,
    context: Context,
    fmt: str,
    verbose: bool,
    out: TextIO,
    err: TextIO,
) -> int:
    """The working tree's catalogues against those at ``against``."""
    try:
        base_files = base_inputs(against, catalogs_dir, root, config.limits.file_bytes)
    except BaseError as exc:
        print(f"codegen: {exc}", file=err)
        return EXIT_USAGE
    inputs, problems = read(files, config.limits.file_bytes, root, inside)
    head = process(inputs, context, config.severity, config.limits)
    found = sorted([*problems, *head.diagnostics], key=Diagnostic.sort_key)
    if has_errors(found):
        _print_diagnostics(found, fmt, out, verbose)
        print(f"codegen: fix the errors above before comparing with {against}", file=err)
        return EXIT_USAGE if problems else EXIT_FINDINGS
    base = process(base_files, context, config.severity, config.limits)
    if base.errors:
        print(
            f"codegen: some catalogues at {against} are not valid now; they are not compared",
            file=err,
        )
    changes = breaking.diagnostics(breaking.compare(base.catalogs, head.catalogs), config.severity)
    _print_diagnostics(changes, fmt, out, verbose)
    breaks = sum(d.severity is Severity.ERROR for d in changes)
    _summary(changes, f"{breaks} breaking change(s) against {against}", fmt, verbose, err)
    return EXIT_FINDINGS if breaks else EXIT_OK


def _generate(
    out_dir: Path, root: Path, rendered: Files, chosen: tuple[str, ...], out: TextIO, err: TextIO
) -> int:
    name = display(out_dir, root)
    shown = printable(name)
    try:
        summary = write(out_dir, rendered, chosen, on_wait=_waiting(err), name=name)
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
) -> int:
    """Drift is text with diffs in the text format, and a DRIFT diagnostic per file otherwise."""
    name = display(out_dir, root)
    shown = printable(name)
    try:
        found = drift(out_dir, rendered, chosen, on_wait=_waiting(err), name=name)
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
    return lambda message: print(f"codegen: {printable(message)}", file=err, flush=True)


def _shown(path: Path, root: Path) -> str:
    """A path for a line people read: from the project, every character visible."""
    return printable(display(path, root))


EXIT_INTERNAL = 3


def entry_point() -> None:
    """The console script: a bug in codegen is one line on stderr and exit 3, never a
    traceback in someone's CI log (CODEGEN_TRACEBACK=1 shows it)."""
    try:
        status = main()
    except KeyboardInterrupt:
        status = 130
    except Exception as exc:
        if os.environ.get("CODEGEN_TRACEBACK"):
            raise
        print(
            f"codegen: internal error: {type(exc).__name__}: {printable(str(exc))};"
            " please report it (CODEGEN_TRACEBACK=1 shows where)",
            file=sys.stderr,
        )
        status = EXIT_INTERNAL
    sys.exit(status)
