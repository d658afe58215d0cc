"""The built-in templates and the catalogue schema's validator, compiled ahead of time.

Compiling them took a tenth of a second of every run that renders, and gave the same code each
time. Every module here but this one is written by ``python -m codegen.precompile`` (``make
precompile``) and committed; ``index`` records what each was compiled from (the text of the
template, the schema, the versions of Jinja2 and fastjsonschema, each target's environment),
and a module is used only while all of that still holds: otherwise the template or the schema
is compiled as it always was (codegen.render, codegen.validate). They are part of the package,
never anything a project brings.

A template's module is never imported: its code runs in a namespace of its own for each
Jinja2 environment that loads it, as the code Jinja2 compiles of the text does.
"""

from __future__ import annotations

import importlib.util
from types import CodeType


def code(module: str) -> CodeType:
    """The code of the module ``module`` of this package, unrun, through the import system
    and so from its cached bytecode when that is current."""
    spec = importlib.util.find_spec(f"{__name__}.{module}")
    if spec is None or spec.loader is None or not hasattr(spec.loader, "get_code"):
        raise ImportError(f"no module {module!r} in {__name__}")
    found: CodeType | None = spec.loader.get_code(spec.name)
    if found is None:
        raise ImportError(f"no code for the module {module!r} in {__name__}")
    return found
