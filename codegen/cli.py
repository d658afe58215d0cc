"""Command line: ``codegen validate | generate | check``. Parsing and printing only.

Exit status: 0 clean (warnings allowed), 1 findings (errors, drift), 2 usage error or
unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .checks import BUILTIN, CHECKS, Context
from .config import ConfigError, load_config
from .diagnostics import Severity
from .cache import Cache
from .pipeline import Outcome, catalog_files, display_path, run
from .render import Files, targets
from .targets.report import JSON as REPORT_JSON
from .targets.report import MARKDOWN as REPORT_MARKDOWN
from .taxonomy import default_path, load_taxonomy
from .write import drift, write

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
        help=f"a target to generate, repeatable (one of: {', '.join(targets())}; default: all configured)",
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

    report = commands.add_parser(
        "report", help="print every code that more than one catalogue defines, with each meaning"
    )
    report.add_argument("--format", choices=("markdown", "json"), default="markdown")

    for sub in (validate, generate, check, report):
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
            print(f"{check_id:22} {str(severity or 'off'):8} {check.summary}", file=out)
        return EXIT_OK

    catalogs_dir = args.catalogs or config.catalogs
    files: list[Path] = list(getattr(args, "files", None) or [])
    if not files:
        if not catalogs_dir.is_dir():
            print(f"codegen: catalogue directory {catalogs_dir} does not exist", file=err)
            return EXIT_USAGE
        files = catalog_files(catalogs_dir)
        if not files:
            print(f"codegen: no catalogues (*.yaml) in {catalogs_dir}", file=err)
            return EXIT_USAGE

    chosen: tuple[str, ...] = ()
    if args.command == "report":
        chosen = ("report",)
    elif args.command != "validate":
        chosen = tuple(args.targets or config.targets)
        unknown = [t for t in chosen if t not in targets()]
        if unknown:
            print(
                f"codegen: unknown target {', '.join(unknown)} (known: {', '.join(targets())})",
                file=err,
            )
            return EXIT_USAGE
    taxonomy_path = config.categories or default_path()
    categories, problems = load_taxonomy(taxonomy_path, display_path(taxonomy_path))
    if problems:
        for diagnostic in problems:
            print(diagnostic.render(), file=out)
        return EXIT_USAGE if any(d.check_id == "UNREADABLE" for d in problems) else EXIT_FINDINGS
    cache = Cache(None if args.no_cache else config.cache_dir)
    context = Context(categories=categories)
    outcome = run(files, chosen, config.options, config.limits, cache, context, config.severity)
    # The report's own output is stdout: its diagnostics go to stderr.
    stream = err if args.command == "report" else out
    for diagnostic in outcome.diagnostics:
        print(diagnostic.render(), file=stream)
    status = _status(outcome)
    if args.command == "validate" or outcome.files is None:
        _summary(outcome, err)
        if args.command == "generate":
            print("codegen: nothing written: fix the errors above first", file=err)
        return status

    if args.command == "report":
        wanted = REPORT_JSON if args.format == "json" else REPORT_MARKDOWN
        print(outcome.files[wanted], end="", file=out)
        return EXIT_OK
    out_dir: Path = args.out or config.out
    if args.command == "generate":
        return _generate(out_dir, outcome.files, chosen, out)
    return _check(out_dir, outcome.files, chosen, out)


def _status(outcome: Outcome) -> int:
    if outcome.unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if outcome.errors else EXIT_OK


def _summary(outcome: Outcome, err: TextIO) -> None:
    counts = {s: sum(d.severity is s for d in outcome.diagnostics) for s in Severity}
    print(
        f"codegen: {outcome.catalogs} catalogue(s), {outcome.codes} code(s):"
        f" {counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s),"
        f" {counts[Severity.INFO]} info",
        file=err,
    )


def _generate(out_dir: Path, rendered: Files, chosen: tuple[str, ...], out: TextIO) -> int:
    summary = write(out_dir, rendered, chosen)
    for path in summary.written:
        print(f"wrote {out_dir / path}", file=out)
    for path in summary.removed:
        print(f"removed {out_dir / path}", file=out)
    print(
        f"codegen: {len(summary.written)} written, {len(summary.removed)} removed,"
        f" {summary.unchanged} unchanged in {out_dir}",
        file=out,
    )
    return EXIT_OK


def _check(out_dir: Path, rendered: Files, chosen: tuple[str, ...], out: TextIO) -> int:
    found = drift(out_dir, rendered, chosen)
    for item in found:
        print(f"{out_dir / item.path}: {item.kind}: {item.reason}", file=out)
        if item.diff:
            print(item.diff, end="", file=out)
    if found:
        print(
            f"codegen: {len(found)} file(s) in {out_dir} differ from the catalogues; run `codegen generate`",
            file=out,
        )
        return EXIT_FINDINGS
    print(f"codegen: {out_dir} is up to date ({len(rendered)} files)", file=out)
    return EXIT_OK


def entry_point() -> None:
    sys.exit(main())
