"""Jinja2 for a project's templates: the sandbox they run in, the loader that serves the text
the pipeline read, and how their errors become diagnostics. Imported only when a project
brings templates, with Jinja2."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping
from pathlib import PurePosixPath
from types import TracebackType
from typing import Any

import jinja2
import jinja2.sandbox

from .diagnostics import Diagnostic, Location, Severity
from .render import _RENDERING, TEMPLATE, RenderFailure

MAX_SIZE = 10_000_000
"""Characters or items a sandboxed ``*`` may produce, and bits a ``**`` may: a template can
loop for long (bounded by range()'s own limit), but not ask for gigabytes in one operation."""


def _too_large(op: str, left: object, right: object) -> bool:
    if op == "**":
        if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right > 0:
            return right * abs(left).bit_length() > MAX_SIZE
        return False
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, (str, bytes, list, tuple)) and isinstance(times, int):
            return len(sequence) * times > MAX_SIZE
    return False


class Sandbox(jinja2.sandbox.ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox (no underscore attributes, no mutating methods, bounded
    range()), with ``*`` and ``**`` bounded too."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: jinja2.runtime.Context, op: str, left: Any, right: Any) -> Any:
        if _too_large(op, left, right):
            raise jinja2.exceptions.SecurityError(f"the result of {op} would be too large")
        return {"*": operator.mul, "**": operator.pow}[op](left, right)


class ProjectLoader(jinja2.BaseLoader):
    """Templates under one project directory, from the text the pipeline read: each named by
    its path from the project, which is how its errors are located."""

    def __init__(self, sources: Mapping[str, str], directory: str) -> None:
        self.sources, self.directory = sources, directory

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        # split_template_path refuses ".." and normalises "a//b" and "./a".
        pieces = jinja2.loaders.split_template_path(template)
        path = PurePosixPath(self.directory, *pieces).as_posix()
        if path not in self.sources:
            raise jinja2.TemplateNotFound(template)
        return self.sources[path], path, lambda: True


class ProjectTemplate(jinja2.Template):
    """A project's template: whatever goes wrong while it renders is a TEMPLATE diagnostic."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        try:
            return super().render(*args, **kwargs)
        except Exception as exc:
            raise RenderFailure([diagnostic(exc, self.filename or self.name or "")]) from None


def diagnostic(exc: BaseException, fallback: str) -> Diagnostic:
    """An error of a project's template at the innermost line of a project template."""
    current = _RENDERING.get()
    sources = current.templates if current is not None else {}
    path, line = fallback, 0
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename in sources:
        path, line = str(exc.filename), exc.lineno
    else:
        for frame, lineno in _frames(exc.__traceback__):
            if frame in sources:
                path, line = frame, lineno
    return Diagnostic(TEMPLATE, Severity.ERROR, Location(path, line, 1 if line else 0), _why(exc))


def _frames(tb: TracebackType | None) -> Iterator[tuple[str, int]]:
    while tb is not None:
        yield tb.tb_frame.f_code.co_filename, tb.tb_lineno
        tb = tb.tb_next


def _why(exc: BaseException) -> str:
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"no template {exc.name!r} in the project's template directory"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"syntax error: {exc.message}"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return f"refused by the sandbox: {exc}"
    if isinstance(exc, jinja2.UndefinedError):
        return str(exc.message)
    if isinstance(exc, RecursionError):
        return "the template includes itself without end"
    return f"{type(exc).__name__}: {exc}"
