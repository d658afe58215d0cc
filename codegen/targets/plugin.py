"""Plugin targets, as protoc's and sqlc's: a program the project names (``command``, an argv
list, never a shell string) receives ``{"version": 1, "target": name, "model": <data
model>}`` as JSON on stdin and answers ``{"files": [{"path", "content"}], "diagnostics":
[{"severity", "message"}]}`` on stdout (schema/plugin.schema.json).

A plugin is a program from the repository, and so, on a pull request, a stranger's code: it
runs only when the person running codegen allows it (``Extensions.allow_plugins``). Whatever
it answers is checked as codegen's own output: paths stay under out/<name>/, every file
carries the marker, and anything else (a failure, a timeout, no JSON) is a PLUGIN diagnostic
naming it, with nothing written. Its output depends on a program codegen cannot fingerprint,
so a run with a plugin is never cached.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import shlex
import signal
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from ..diagnostics import Diagnostic, Location, Severity, printable
from ..model import Catalog
from ..render import Files, Options, RenderFailure, rendering
from .custom import Output, checked

if TYPE_CHECKING:  # imported by the first plugin answer checked: listing the rules needs none
    import jsonschema

PROTOCOL = 1
"""The ``version`` of requests; a plugin should refuse one it does not know."""
PLUGIN = "PLUGIN"
"""The check ID of a plugin's failure, refusal or own diagnostics."""
PLUGIN_SUMMARY = (
    "a plugin target was not allowed to run, failed, or answered against the protocol; or what"
    " the plugin itself reports"
)
TIMEOUT = 60.0
"""Seconds a plugin may run unless its target sets ``timeout``."""
STDERR_TAIL = 400
"""Characters of a failing plugin's stderr quoted in its diagnostic (the end, where the
error usually is)."""
ALLOW_HINT = "--allow-plugins (or CODEGEN_ALLOW_PLUGINS=1)"
"""How the person running codegen allows plugins, as the command line offers it."""

_SEVERITIES = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO}


@functools.cache
def _response_validator() -> jsonschema.Draft202012Validator:
    import jsonschema

    text = resources.files("codegen.schema").joinpath("plugin.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/response"})


@dataclass(frozen=True)
class PluginRenderer:
    """The renderer of a plugin target. Data only, as TemplateRenderer."""

    name: str
    command: tuple[str, ...]
    timeout: float = TIMEOUT

    @property
    def shown(self) -> str:
        """The command as a shell would read it, on one visible line."""
        return printable(shlex.join(self.command))

    def __call__(self, catalogs: Sequence[Catalog], options: Options) -> Files:
        current = rendering()
        where = Location(current.extensions.declared_in)
        if not current.extensions.allow_plugins:
            self._fail(
                where,
                f"runs a program from the repository, `{self.shown}`, and plugins run only when"
                f" allowed: if you trust this repository's code, run codegen with {ALLOW_HINT}",
            )
        request = {
            "version": PROTOCOL,
            "target": self.name,
            "model": current.model(catalogs, options),
        }
        status, out, err = self._run(
            json.dumps(request, ensure_ascii=False).encode(), current.extensions.root, where
        )
        if status != 0:
            how = (
                f"was killed by signal {-status}" if status < 0 else f"exited with status {status}"
            )
            self._fail(where, f"`{self.shown}` {how}{_tail(err)}")
        try:
            answer = json.loads(out)
        except (ValueError, RecursionError) as exc:
            self._fail(where, f"`{self.shown}` answered no JSON document ({exc}){_tail(err)}")
        from jsonschema.exceptions import best_match

        error = best_match(_response_validator().iter_errors(answer))
        if error is not None:
            at = "".join(f"[{p!r}]" for p in error.absolute_path) or "the top"
            self._fail(
                where,
                f"`{self.shown}` answered against schema/plugin.schema.json at {at}:"
                f" {_shorten(error.message)}",
            )
        told = [self._diagnostic(d, where) for d in answer.get("diagnostics", [])]
        outputs = [Output(f["path"], f["content"], where) for f in answer["files"]]
        files, refused = checked(self.name, outputs, PLUGIN)
        refused = [
            Diagnostic(d.check_id, d.severity, d.location, f"plugin {d.message}") for d in refused
        ]
        errors = [d for d in told if d.severity is Severity.ERROR]
        if errors or refused:
            raise RenderFailure([*told, *refused])
        current.diagnostics.extend(told)
        return files

    def _fail(self, where: Location, message: str) -> NoReturn:
        raise RenderFailure(
            [Diagnostic(PLUGIN, Severity.ERROR, where, f"plugin target {self.name} {message}")]
        )

    def _diagnostic(self, told: dict[str, Any], where: Location) -> Diagnostic:
        """A diagnostic the plugin gave, at the place it named (else its declaration)."""
        location = where
        if "path" in told:
            location = Location(told["path"], told.get("line", 0), told.get("column", 0))
        return Diagnostic(
            PLUGIN,
            _SEVERITIES[told["severity"]],
            location,
            f"plugin target {self.name}: {told['message']}",
        )

    def _run(self, request: bytes, cwd: Path, where: Location) -> tuple[int, bytes, bytes]:
        """The plugin's exit status, stdout and stderr; in a process group of its own, so that a
        timeout kills whatever it started too."""
        posix = os.name == "posix"
        try:
            process = subprocess.Popen(
                list(self.command),
                cwd=cwd,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=posix,
            )
        except OSError as exc:
            self._fail(where, f"cannot run `{self.shown}`: {exc.strerror or exc}")
        try:
            out, err = process.communicate(request, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):  # it may have ended meanwhile
                if posix:
                    os.killpg(process.pid, signal.SIGKILL)
                else:  # pragma: no cover
                    process.kill()
            try:
                _, err = process.communicate(timeout=5)
            except subprocess.TimeoutExpired:  # a descendant left its process group, holding a pipe
                err = b""
            self._fail(where, f"`{self.shown}` ran longer than {self.timeout:g} s{_tail(err)}")
        return process.returncode, out, err


def _tail(stderr: bytes) -> str:
    text = stderr.decode("utf-8", "replace").strip()
    if not text:
        return "; it wrote nothing to stderr"
    cut = "..." if len(text) > STDERR_TAIL else ""
    return f"; its stderr ends: {cut}{printable(text[-STDERR_TAIL:])}"


def _shorten(text: str, limit: int = 200) -> str:
    return printable(text if len(text) <= limit else text[:limit] + "...")
