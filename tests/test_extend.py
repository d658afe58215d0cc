"""A project's own templates and targets: the data model they receive, templates replacing
built-in ones, template-only targets (a C header, compiled by gcc) and plugins (Node.js
programs in tests/plugins/), each end to end; every error of theirs a diagnostic.

Configuration is read through the command line (``codegen.cli.main``). Generating and
checking go through the layer the command line calls (``pipeline.run`` with
``Config.extensions``, then ``write``/``drift``), as ``generate`` and ``check`` will once
they pass the project's extensions and the ``allow_plugins`` permission along.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import referencing

from codegen import datamodel
from codegen.cache import Cache
from codegen.cli import main
from codegen.config import load_config
from codegen.pipeline import process, read
from codegen.render import MARKER, Options
from codegen.source import catalog_files
from conftest import CASES, ROOT, Run, toolchain

FEATURES = CASES / "features" / "catalogs" / "features.yaml"
SQLSTATE = CASES / "string_codes" / "catalogs" / "sqlstate.yaml"
PLUGINS = ROOT / "tests" / "plugins"
SCHEMA = ROOT / "schema"


def project(tmp_path: Path, pyproject: str, *catalogs: Path) -> Path:
    """A project of its own (a git top stops the search for configuration) holding
    ``catalogs`` (default: the features case) and ``pyproject``."""
    root = tmp_path / "project"
    (root / "catalogs").mkdir(parents=True)
    (root / ".git").mkdir()
    for catalog in catalogs or (FEATURES,):
        shutil.copy(catalog, root / "catalogs")
    (root / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    return root


def put(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def codegen_run(
    root: Path, command: str, *, allow_plugins: bool = False, cache: Cache | None = None
) -> Run:
    """``codegen generate`` or ``check`` run in ``root`` through the command line, with
    ``--allow-plugins`` when asked and the cache only when given: what it prints on stdout
    but the summary line and the diffs (diagnostics, ``wrote`` lines or drift), and the exit
    status."""
    argv = [command, *(["--allow-plugins"] if allow_plugins else [])]
    if cache is None or cache.directory is None:
        argv.append("--no-cache")
    out, err = io.StringIO(), io.StringIO()
    here, saved = os.getcwd(), os.environ.get("CODEGEN_CACHE_DIR")
    try:
        os.chdir(root)
        if cache is not None and cache.directory is not None:
            os.environ["CODEGEN_CACHE_DIR"] = str(cache.directory)
        status = main(argv, out, err)
    finally:
        os.chdir(here)
        if saved is not None:
            os.environ["CODEGEN_CACHE_DIR"] = saved
    said = ("codegen: ", "---", "+++", "@@", " ", "-", "+", "...")
    lines = [line for line in out.getvalue().splitlines() if not line.startswith(said)]
    return Run(status, "".join(f"{line}\n" for line in lines), "")


def tree(directory: Path) -> dict[str, str]:
    return {
        p.relative_to(directory).as_posix(): p.read_text("utf-8")
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def gcc() -> str:
    return toolchain("gcc")


# --- The data model -------------------------------------------------------------------------


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMA / name).read_text("utf-8"))
    return loaded


def catalogs_of(directory: Path) -> list[Any]:
    inputs, problems = read(catalog_files(directory), None, directory.parent)
    result = process(inputs)
    assert not problems and not result.errors
    return result.catalogs


MODELLED = [ROOT / "catalogs", CASES / "features" / "catalogs", CASES / "string_codes" / "catalogs"]


def test_datamodel_schema_is_this_version() -> None:
    document = schema("datamodel.schema.json")
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["properties"]["version"]["const"] == datamodel.VERSION


@pytest.mark.parametrize("directory", MODELLED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_datamodel_validates(directory: Path) -> None:
    """The model of this repository's catalogues and of the golden cases follows the schema;
    catalogues come sorted by platform, entries in catalogue order."""
    catalogs = catalogs_of(directory)
    validator = jsonschema.Draft202012Validator(schema("datamodel.schema.json"))
    validator.validate(datamodel.model(catalogs, Options(docs_url="https://example.com/")))
    model = datamodel.model(catalogs, Options())
    validator.validate(model)
    platforms = [c["platform"] for c in model["catalogs"]]
    assert platforms == sorted(c.platform for c in catalogs)
    for shown in model["catalogs"]:
        catalog = next(c for c in catalogs if c.platform == shown["platform"])
        assert [e["code"] for e in shown["errors"]] == [e.code for e in catalog.errors]


def test_datamodel_entry() -> None:
    """Every field of an entry, as documented."""
    (catalog,) = catalogs_of(CASES / "features" / "catalogs")
    model = datamodel.model([catalog], Options(python_package="acme"))
    assert model["version"] == 1
    assert model["generator"]["name"] == "codegen"
    assert model["options"] == {
        "version": "0.1.0",
        "python_package": "acme",
        "typescript_package": "errcodes",
        "go_module": "example.com/errcodes",
        "go_mod": True,
        "rust_crate": "errcodes",
        "docs_url": None,
    }
    (shown,) = model["catalogs"]
    assert shown["path"] == "catalogs/features.yaml"
    assert shown["digest"] == catalog.digest and shown["code_space"] is None
    assert (
        shown["generated"].startswith(f"{MARKER} ")
        and "catalogs/features.yaml" in shown["generated"]
    )
    assert MARKER in model["generated"] and "1 catalogues" in model["generated"]
    entry = next(e for e in shown["errors"] if e["name"] == "TOO_MANY_REQUESTS")
    assert entry == {
        "code": 429,
        "name": "TOO_MANY_REQUESTS",
        "aliases": ["RATE_LIMITED", "HTTP_429"],
        "message": {
            "en": "Too many requests; current limit is {limit} requests per minute.",
            "zh": "请求过多;当前限制为每分钟 {limit} 次",
        },
        "default_message": "Too many requests; current limit is {limit} requests per minute.",
        "solution": {},
        "default_solution": None,
        "placeholders": ["limit"],
        "category": "rate_limit",
        "http_status": 429,
        "retryable": True,
        "deprecated": None,
    }
    old = next(e for e in shown["errors"] if e["name"] == "OLD_LIMIT_EXCEEDED")
    assert old["deprecated"] == {
        "reason": "Split into two codes.",
        "replaced_by": "TOO_MANY_REQUESTS",
    }
    assert shown["reserved"] == [
        {
            "code": 6,
            "name": "FORMER_FEATURE",
            "reason": "Removed in 2.0; its code must not be reused.",
        }
    ]


def test_datamodel_schema_documents_every_option_and_field() -> None:
    document = schema("datamodel.schema.json")
    options = document["properties"]["options"]["properties"]
    assert set(options) == {f.name for f in dataclasses.fields(Options)}

    def walk(node: Any, where: str) -> Iterator[str]:
        if isinstance(node, dict):
            for name, value in node.get("properties", {}).items():
                described = "description" in value or "$ref" in value
                if not described:
                    yield f"{where}.{name}"
            for key, value in node.items():
                yield from walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, f"{where}[{i}]")

    assert list(walk(document, "$")) == []


def test_export_is_the_model_as_json() -> None:
    catalogs = catalogs_of(CASES / "features" / "catalogs")
    text = datamodel.export(catalogs, Options())
    assert text.endswith("}\n")
    assert json.loads(text) == datamodel.model(catalogs, Options())
    assert "请求成功" in text  # texts as themselves, not \u escapes


# --- Templates replacing built-in ones -----------------------------------------------------

OVERRIDE_PYPROJECT = """\
[tool.codegen]
targets = ["python", "go"]
templates = "codegen-templates"
"""

BUILTIN_DOCSTRING = (
    '"""Error codes of {{ title_doc }}, generated from the {{ catalog.platform }} catalogue."""\n'
)
OVERRIDE_DOCSTRING = (
    '"""{{ title_doc }}: error codes.\n'
    "\n"
    "Generated from the {{ catalog.platform }} catalogue; see {{ catalog.source | comment }}.\n"
    '"""\n'
)


def override(root: Path, replace: str, by: str) -> None:
    """codegen-templates/python/module.py.j2: the built-in template with ``replace`` replaced."""
    text = (ROOT / "templates" / "python" / "module.py.j2").read_text("utf-8")
    assert replace in text
    put(root, {"codegen-templates/python/module.py.j2": text.replace(replace, by, 1)})


def test_override_changes_only_its_template(tmp_path: Path) -> None:
    """The Python module's docstring in another style; every other file, and the rest of the
    module, as built in; black leaves it unchanged and it compiles."""
    root = project(tmp_path, OVERRIDE_PYPROJECT)
    (root / "codegen-templates").mkdir()
    assert codegen_run(root, "generate").status == 0
    builtin = tree(root / "out")
    override(root, BUILTIN_DOCSTRING, OVERRIDE_DOCSTRING)
    result = codegen_run(root, "generate")
    assert result.status == 0, result.stdout
    assert result.stdout == "wrote out/python/errcodes/features.py\n"
    replaced = tree(root / "out")
    module = "python/errcodes/features.py"
    assert {k: v for k, v in replaced.items() if k != module} == {
        k: v for k, v in builtin.items() if k != module
    }
    old, new = builtin[module].splitlines(), replaced[module].splitlines()
    assert old[0] == new[0] and old[2:] == new[5:]
    assert new[1:5] == [
        '"""Feature test API: error codes.',
        "",
        "Generated from the features catalogue; see tests/cases/features: hand-written.",
        '"""',
    ]
    path = root / "out" / module
    black = subprocess.run(
        [toolchain("black"), "--check", "--quiet", str(path)], capture_output=True, text=True
    )
    assert black.returncode == 0, black.stderr
    compile(path.read_text("utf-8"), str(path), "exec")
    assert codegen_run(root, "check").status == 0


def test_copies_of_the_builtin_templates_render_the_same(tmp_path: Path) -> None:
    """Every built-in template, copied into the project, renders in the sandbox exactly what
    it renders built in: the sandbox's settings are the built-in ones."""
    from codegen.targets import registry

    pyproject = f"[tool.codegen]\ntargets = {json.dumps(list(registry()))}\n"
    root = project(tmp_path, pyproject, FEATURES, SQLSTATE)
    assert codegen_run(root, "generate").status == 0
    shutil.copytree(ROOT / "templates", root / "codegen-templates")
    (root / "pyproject.toml").write_text(pyproject + 'templates = "codegen-templates"\n')
    assert codegen_run(root, "check") == Run(0, "", "")
    with (root / "codegen-templates/report/shared_codes.md.j2").open("a") as template:
        template.write("One more line.\n")
    assert codegen_run(root, "check").stdout.startswith("out/report/shared_codes.md: hand-edited")
    config = load_config(root)
    assert config.extensions.directories(config.targets) == tuple(
        f"codegen-templates/{name}" for name in registry()
    )


def test_override_edit_regenerates(tmp_path: Path) -> None:
    """The cache key holds the templates' text: an edited template is rendered again."""
    root = project(tmp_path, OVERRIDE_PYPROJECT)
    cache = Cache(tmp_path / "cache")
    override(root, BUILTIN_DOCSTRING, '"""First."""\n')
    assert codegen_run(root, "generate", cache=cache).status == 0
    assert codegen_run(root, "generate", cache=cache).stdout == ""
    override(root, BUILTIN_DOCSTRING, '"""Second."""\n')
    assert codegen_run(root, "generate", cache=cache).stdout == (
        "wrote out/python/errcodes/features.py\n"
    )
    assert '"""Second."""' in (root / "out/python/errcodes/features.py").read_text("utf-8")


HOSTILE_TEMPLATES = {
    "syntax": ("{{ header }}\n\n{% if %}\n", 3, "syntax error: Expected an expression"),
    "undefined": ("{{ header }}\n{{ no_such_name }}\n", 2, "'no_such_name' is undefined"),
    "class": (
        "{{ header }}\n{{ ''.__class__.__mro__ }}\n",
        2,
        "refused by the sandbox: access to attribute '__class__' of 'str' object is unsafe",
    ),
    "globals": (
        "{{ header }}\n\n{{ cycler.__init__.__globals__.os }}\n",
        3,
        "refused by the sandbox: access to attribute '__init__'",
    ),
    # Ways out that Jinja2 closed in 3.1.5 and 3.1.6 (CVE-2024-56326, CVE-2025-27516).
    "stored format": (
        "{{ header }}\n{% set f = '{0.__class__.__mro__}'.format %}{{ f(1) }}\n",
        2,
        "refused by the sandbox: access to attribute '__class__' of 'int' object is unsafe",
    ),
    "attr format": (
        "{{ header }}\n{{ ('{0.__class__.__mro__}' | attr('format'))(1) }}\n",
        2,
        "refused by the sandbox: access to attribute '__class__' of 'int' object is unsafe",
    ),
    "mutation": (
        "{{ header }}\n{{ catalog.errors[0].message.clear() }}\n",
        2,
        "refused by the sandbox: access to attribute 'clear' of",
    ),
    "memory": (
        "{{ header }}\n{{ 'x' * 10 ** 9 }}\n",
        2,
        "refused by the sandbox: the result of * would be too large",
    ),
    "endless comment": (
        "{{ header }}\n\n{{ 'text' | comment('t') }}\n",
        3,
        "ValueError: comment() breaks sequences of two characters or more",
    ),
    "filter": ("{{ header }}\n{{ 1 | py_str }}\n", 2, "AttributeError: 'int' object"),
    "missing": ("{{ header }}\n{% include 'nowhere.j2' %}\n", 2, "no template 'nowhere.j2'"),
}


@pytest.mark.parametrize("case", HOSTILE_TEMPLATES)
def test_template_error_is_a_diagnostic(tmp_path: Path, case: str) -> None:
    """A syntax error, an undefined name, a way out of the sandbox: one TEMPLATE error at
    the template's file and line, exit 1, nothing written."""
    text, line, message = HOSTILE_TEMPLATES[case]
    root = project(tmp_path, OVERRIDE_PYPROJECT)
    put(root, {"codegen-templates/python/module.py.j2": text})
    result = codegen_run(root, "generate")
    assert result.status == 1
    prefix = f"codegen-templates/python/module.py.j2:{line}:1: error[TEMPLATE]: "
    assert result.stdout.startswith(prefix + message), result.stdout
    assert result.stdout.count("\n") == 1
    assert not (root / "out").exists()


def test_override_without_marker(tmp_path: Path) -> None:
    """A replaced template must keep the header: generate owns only files carrying it."""
    root = project(tmp_path, OVERRIDE_PYPROJECT)
    override(root, "{{ header }}\n", "")
    assert codegen_run(root, "generate") == Run(
        1,
        "codegen-templates/python: error[TEMPLATE]: target python: errcodes/features.py: the"
        f" first line must carry the generated-code marker ({MARKER!r}), as in every file"
        " generate owns\n",
        "",
    )
    assert not (root / "out").exists()


def test_template_errors_at_every_file_and_included_line(tmp_path: Path) -> None:
    """Every template that does not parse is reported, not only the first; an error in an
    included template is at its own line."""
    root = project(tmp_path, OVERRIDE_PYPROJECT)
    put(
        root,
        {
            "codegen-templates/python/module.py.j2": "{{ header }}\n{% include 'part.j2' %}\n",
            "codegen-templates/python/part.j2": "one\ntwo {{ catalog.nothing }}\n",
            "codegen-templates/go/package.go.j2": "{% for %}\n",
            "codegen-templates/go/go.mod.j2": "{{ header }}\n{% endif %}\n",
        },
    )
    assert codegen_run(root, "generate").stdout.splitlines() == [
        "codegen-templates/go/go.mod.j2:2:1: error[TEMPLATE]: syntax error: Encountered unknown"
        " tag 'endif'.",
        "codegen-templates/go/package.go.j2:1:1: error[TEMPLATE]: syntax error: Expected an"
        " expression, got 'end of statement block'",
    ]
    shutil.rmtree(root / "codegen-templates/go")
    result = codegen_run(root, "generate")
    assert result.stdout.startswith(
        "codegen-templates/python/part.j2:2:1: error[TEMPLATE]: 'codegen.model.Catalog object' has"
        " no attribute 'nothing'"
    ), result.stdout


def test_unreadable_template(tmp_path: Path) -> None:
    """A template that is not UTF-8, or a link out of the project, is unreadable (exit 2)."""
    root = project(tmp_path, OVERRIDE_PYPROJECT)
    (root / "codegen-templates/python").mkdir(parents=True)
    (root / "codegen-templates/python/module.py.j2").write_bytes(b"\xff\xfe")
    (tmp_path / "secret.j2").write_text("secret")
    (root / "codegen-templates/python/__init__.py.j2").symlink_to(tmp_path / "secret.j2")
    result = codegen_run(root, "generate")
    assert result.status == 2
    assert result.stdout.splitlines() == [
        "codegen-templates/python/__init__.py.j2: error[UNREADABLE]: cannot read: a symbolic"
        " link to a file outside the project (codegen reads only files inside it)",
        "codegen-templates/python/module.py.j2: error[UNREADABLE]: cannot read: not UTF-8",
    ]


# --- The filters of custom targets --------------------------------------------------------

HOSTILE_TEXT = 'say "hi"\\ ??=??/ \x00 1\n\t\r\x7f \u2028 é 😀 \U000e0001 */ /* -->'


def test_filters() -> None:
    from codegen.targets.custom import FILTERS

    assert [FILTERS[f]("INVALID_API_KEY") for f in ("snake", "camel", "pascal")] == [
        "invalid_api_key",
        "invalidApiKey",
        "InvalidApiKey",
    ]
    assert FILTERS["c_string"]('a??=b\x001"é\n') == '"a?\\?=b\\0001\\"\\303\\251\\n"'
    assert FILTERS["json_string"]("a\u2028b\U000e0001") == '"a\\u2028b\\udb40\\udc01"'
    assert json.loads(str(FILTERS["json_string"](HOSTILE_TEXT))) == HOSTILE_TEXT
    assert FILTERS["comment"]("a */ b /* c --> dd\ne", "dd") == "a *\\/ b /\\* c -\\-> d\\d\\ne"
    for endless in ("d", "a\\", ""):
        with pytest.raises(ValueError, match="comment\\(\\) breaks sequences of two characters"):
            FILTERS["comment"]("text", endless)


def test_c_string_round_trip(tmp_path: Path) -> None:
    """gcc (C11, trigraphs on) gives back every byte of the text's UTF-8."""
    from codegen.targets.custom import c_string

    literal = c_string(HOSTILE_TEXT)
    assert literal.isascii() and literal.isprintable()
    source = tmp_path / "main.c"
    source.write_text(
        "#include <stdio.h>\n"
        f"static const char text[] = {literal};\n"
        "int main(void) { fwrite(text, 1, sizeof text - 1, stdout); return 0; }\n"
    )
    flags = ["-std=c11", "-trigraphs", "-Wall", "-Wextra", "-Wpedantic", "-Werror"]
    built = subprocess.run(
        [gcc(), *flags, str(source), "-o", str(tmp_path / "main")], capture_output=True
    )
    assert built.returncode == 0, built.stderr.decode()
    printed = subprocess.run([str(tmp_path / "main")], capture_output=True, check=True).stdout
    assert printed == HOSTILE_TEXT.encode("utf-8")


def test_template_names_are_plain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Jinja2 compiles a template's name into Python: before 3.1.5 a name in braces ran as
    code, sandbox or not (CVE-2024-56201). Such a name is refused, whatever the version."""
    monkeypatch.delenv("CODEGEN_PWNED", raising=False)
    variable = "+".join(f"chr({ord(c)})" for c in "CODEGEN_PWNED")  # a name holds no quote
    code = f"__import__(chr(111)+chr(115)).environ.setdefault({variable},chr(49))"
    evil = f"x{{{code}}}.j2"
    root = project(tmp_path, OVERRIDE_PYPROJECT)
    put(
        root,
        {
            "codegen-templates/python/module.py.j2": "{{ header }}\n"
            + f"{{% include '{evil}' %}}\n",
            f"codegen-templates/python/{evil}": "{% from 'helper.j2' import missing %}\n",
            "codegen-templates/python/helper.j2": "{% macro present() %}{% endmacro %}\n",
        },
    )
    assert codegen_run(root, "generate") == Run(
        1,
        f"codegen-templates/python/{evil}: error[TEMPLATE]: a template's name and directories"
        " hold only letters, digits, '.', '_' and '-'\n",
        "",
    )
    assert "CODEGEN_PWNED" not in os.environ


# --- Configuration of templates and custom targets, refused as codegen refuses any ----------

C_HEADER_TABLE = """\
[tool.codegen.target.c_header]
templates = "codegen-templates/c_header"
files = [
  {template = "platform.h.j2", path = "{platform}.h"},
  {template = "all.h.j2", path = "errcodes.h"},
]
"""

REFUSED = {
    "templates outside": (
        '[tool.codegen]\ntemplates = "../elsewhere"\n',
        "[tool.codegen] templates '../elsewhere' leads outside the project",
    ),
    "templates absolute": (
        '[tool.codegen]\ntemplates = "/etc"\n',
        "[tool.codegen] templates must be a path relative to the project, not '/etc'",
    ),
    "templates missing": (
        '[tool.codegen]\ntemplates = "nowhere"\n',
        "[tool.codegen] templates 'nowhere' is not a directory of the project",
    ),
    "built-in name": (
        C_HEADER_TABLE.replace("c_header]", "go]"),
        "[tool.codegen.target] go is a built-in target: choose another name",
    ),
    "bad name": (
        C_HEADER_TABLE.replace("target.c_header]", 'target."C-Header"]'),
        "[tool.codegen.target] 'C-Header' is not a target name",
    ),
    "parent path": (
        C_HEADER_TABLE.replace('"errcodes.h"', '"../errcodes.h"'),
        "[tool.codegen.target.c_header] files: path '../errcodes.h' leads out of its directory",
    ),
    "absolute path": (
        C_HEADER_TABLE.replace('"errcodes.h"', '"/tmp/errcodes.h"'),
        "[tool.codegen.target.c_header] files: path '/tmp/errcodes.h' is absolute",
    ),
    "backslash": (
        C_HEADER_TABLE.replace('"errcodes.h"', '"c\\\\errcodes.h"'),
        "[tool.codegen.target.c_header] files: path 'c\\\\errcodes.h' holds a backslash",
    ),
    "control character": (
        C_HEADER_TABLE.replace('"errcodes.h"', '"errcodes\\n.h"'),
        "[tool.codegen.target.c_header] files: path 'errcodes\\n.h' holds a control",
    ),
    "other placeholder": (
        C_HEADER_TABLE.replace('"{platform}.h"', '"{title}.h"'),
        "[tool.codegen.target.c_header] files: path '{title}.h' has a placeholder other than",
    ),
    "missing template": (
        C_HEADER_TABLE.replace('"all.h.j2"', '"none.h.j2"'),
        "[tool.codegen.target.c_header] files: template 'none.h.j2' is not a file of"
        " codegen-templates/c_header/",
    ),
    "not a template": (
        C_HEADER_TABLE.replace('"all.h.j2"', '"all.h"'),
        "[tool.codegen.target.c_header] files: template 'all.h' must end in .j2",
    ),
    "template outside": (
        C_HEADER_TABLE.replace('"all.h.j2"', '"../../pyproject.toml"'),
        "[tool.codegen.target.c_header] files: template '../../pyproject.toml' leads out",
    ),
    "shell string": (
        '[tool.codegen.target.manual]\ncommand = "node plugins/docs.mjs"\n',
        "[tool.codegen.target.manual] command must be a non-empty list of arguments",
    ),
    "both kinds": (
        C_HEADER_TABLE + 'command = ["node"]\n',
        "[tool.codegen.target.c_header] needs either templates and files",
    ),
    "unknown key": (
        '[tool.codegen.target.manual]\ncommand = ["node"]\nshell = true\n',
        "[tool.codegen.target.manual] has unknown setting 'shell'",
    ),
    "timeout": (
        '[tool.codegen.target.manual]\ncommand = ["node"]\ntimeout = 0\n',
        "[tool.codegen.target.manual] timeout must be a number of seconds",
    ),
    "unknown target": (
        '[tool.codegen]\ntargets = ["python", "c_heder"]\n' + C_HEADER_TABLE,
        "[tool.codegen] targets names unknown target 'c_heder' (known: python, ",
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_configuration_refused(
    tmp_path: Path, case: str, codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exit 2 and the setting's name, before anything is read or written."""
    pyproject, message = REFUSED[case]
    root = project(tmp_path, pyproject)
    put(
        root,
        {"codegen-templates/c_header/platform.h.j2": "", "codegen-templates/c_header/all.h.j2": ""},
    )
    monkeypatch.chdir(root)
    result = codegen("validate")
    assert result.status == 2
    assert result.stderr.startswith(f"codegen: pyproject.toml: {message}"), result.stderr


def test_declared_targets_do_not_stop_validate(
    tmp_path: Path, codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """validate renders nothing: it neither reads templates nor runs plugins."""
    root = project(
        tmp_path,
        '[tool.codegen]\ntemplates = "codegen-templates"\n\n'
        + C_HEADER_TABLE
        + '\n[tool.codegen.target.manual]\ncommand = ["no-such-program"]\n',
    )
    put(
        root,
        {
            "codegen-templates/c_header/platform.h.j2": "{% if %}",
            "codegen-templates/c_header/all.h.j2": "",
        },
    )
    monkeypatch.chdir(root)
    assert load_config(root).targets[-2:] == ("c_header", "manual")
    result = codegen("validate")
    assert result.status == 0, result.stdout + result.stderr


# --- A template-only target: a C header -----------------------------------------------------

C_HEADER_PYPROJECT = """\
[tool.codegen]
targets = ["python", "c_header"]

[tool.codegen.target.c_header]
templates = "codegen-templates/c_header"
files = [
  {template = "platform.h.j2", path = "{platform}.h"},
  {template = "all.h.j2", path = "errcodes.h"},
]
"""

PLATFORM_H = """\
{{ header("/*", "*/") }}
/* Error codes of {{ catalog.title | comment }}. */
#ifndef ERRCODES_{{ catalog.platform | upper }}_H
#define ERRCODES_{{ catalog.platform | upper }}_H

{% set prefix = catalog.platform | upper %}
{% set integer = catalog.code_type == "integer" %}
#include <string.h>

{% for e in catalog.errors %}
/* {{ e.default_message | comment }} */
#define {{ prefix }}_{{ e.name }} {{ "(%dLL)" % e.code if integer else e.code | c_string }}
{% for alias in e.aliases %}
#define {{ prefix }}_{{ alias }} {{ prefix }}_{{ e.name }} /* deprecated */
{% endfor %}
{% endfor %}

/* The message of a code (English if there is one), or NULL for an unknown code. */
static inline const char *{{ catalog.platform }}_message(
    {{- "long long" if integer else "const char *" }} code) {
{% for e in catalog.errors %}
{% set name = prefix ~ "_" ~ e.name %}
    if ({{ "code == " ~ name if integer else "strcmp(code, " ~ name ~ ") == 0" }})
        return {{ e.default_message | c_string }};
{% endfor %}
    return NULL;
}

#endif
"""

ALL_H = """\
{{ header("/*", "*/") }}
#ifndef ERRCODES_H
#define ERRCODES_H

{% for catalog in catalogs %}
#include "{{ catalog.platform }}.h"
{% endfor %}

#endif
"""


def c_header_project(tmp_path: Path) -> Path:
    root = project(tmp_path, C_HEADER_PYPROJECT, FEATURES, SQLSTATE)
    put(
        root,
        {
            "codegen-templates/c_header/platform.h.j2": PLATFORM_H,
            "codegen-templates/c_header/all.h.j2": ALL_H,
        },
    )
    return root


def test_c_header_target(tmp_path: Path) -> None:
    """Generated beside the built-in targets, one header per catalogue and one for all;
    gcc compiles it (C11, every warning an error) and gives back every message byte for
    byte; check passes, then finds a hand edit."""
    root = c_header_project(tmp_path)
    result = codegen_run(root, "generate")
    assert result.status == 0, result.stdout
    assert result.stdout.splitlines() == [
        "wrote out/c_header/errcodes.h",
        "wrote out/c_header/features.h",
        "wrote out/c_header/sqlstate.h",
        "wrote out/python/errcodes/__init__.py",
        "wrote out/python/errcodes/_support.py",
        "wrote out/python/errcodes/features.py",
        "wrote out/python/errcodes/py.typed",
        "wrote out/python/errcodes/sqlstate.py",
        "wrote out/python/pyproject.toml",
    ]
    out = root / "out" / "c_header"
    for header in out.iterdir():
        first = header.read_text("utf-8").partition("\n")[0]
        assert first.startswith(f"/* {MARKER} ") and first.endswith(". DO NOT EDIT. */")
    catalogs = {c.platform: c for c in catalogs_of(root / "catalogs")}
    lines = ['#include "errcodes.h"', "#include <stdio.h>", "int main(void) {"]
    for catalog in catalogs.values():
        for entry in catalog.errors:
            code = f"{entry.code}LL" if catalog.code_type == "integer" else json.dumps(entry.code)
            lines.append(f"    puts({catalog.platform}_message({code}));")
    lines += ["    return 0;", "}", ""]
    (tmp_path / "main.c").write_text("\n".join(lines))
    flags = ["-std=c11", "-Wall", "-Wextra", "-Wpedantic", "-Werror", f"-iquote{out}"]
    for header in ("errcodes.h", "features.h", "sqlstate.h"):
        syntax = subprocess.run(
            [gcc(), *flags, "-fsyntax-only", "-x", "c", str(out / header)], capture_output=True
        )
        assert syntax.returncode == 0, syntax.stderr.decode()
    built = subprocess.run(
        [gcc(), *flags, str(tmp_path / "main.c"), "-o", str(tmp_path / "main")], capture_output=True
    )
    assert built.returncode == 0, built.stderr.decode()
    printed = subprocess.run([str(tmp_path / "main")], capture_output=True, check=True).stdout
    assert printed.decode("utf-8").splitlines() == [
        e.default_message for c in catalogs.values() for e in c.errors
    ]

    assert codegen_run(root, "check") == Run(0, "", "")
    features = out / "features.h"
    features.write_text(features.read_text("utf-8").replace("NULL", "0"), "utf-8")
    assert codegen_run(root, "check") == Run(
        1,
        "out/c_header/features.h: hand-edited: edited after generation: its header matches,"
        " its body does not\n",
        "",
    )


def test_custom_target_output_checked(tmp_path: Path) -> None:
    """A file without the marker on its first line is a TEMPLATE error at its template;
    nothing is written."""
    root = c_header_project(tmp_path)
    put(root, {"codegen-templates/c_header/all.h.j2": "#pragma once\n" + ALL_H})
    result = codegen_run(root, "generate")
    assert result == Run(
        1,
        "codegen-templates/c_header/all.h.j2:1:1: error[TEMPLATE]: target c_header: errcodes.h:"
        f" the first line must carry the generated-code marker ({MARKER!r}), as in every file"
        " generate owns\n",
        "",
    )
    assert not (root / "out").exists()


def test_custom_target_paths_collide(tmp_path: Path) -> None:
    """A platform named errcodes: {platform}.h and errcodes.h are one file; an error, nothing
    written."""
    root = c_header_project(tmp_path)
    for name in ("features", "sqlstate"):
        (root / "catalogs" / f"{name}.yaml").unlink()
    (root / "catalogs" / "errcodes.yaml").write_text(
        FEATURES.read_text("utf-8").replace("platform: features", "platform: errcodes")
    )
    assert codegen_run(root, "generate") == Run(
        1,
        "codegen-templates/c_header/all.h.j2:1:1: error[TEMPLATE]: target c_header: output path"
        " 'errcodes.h' is produced twice\n",
        "",
    )
    assert not (root / "out").exists()


# --- Plugins ----------------------------------------------------------------------------------

PLUGIN_PYPROJECT = """\
[tool.codegen]
targets = ["codes"]

[tool.codegen.target.codes]
command = ["node", "plugins/codes.mjs"]
"""


def plugin_project(tmp_path: Path, mode: str | None = None, timeout: float | None = None) -> Path:
    """The README's plugin (tests/plugins/codes.mjs), or tests/plugins/docs.mjs in ``mode``."""
    toolchain("node")
    if mode is None:
        root = project(tmp_path, PLUGIN_PYPROJECT)
        put(root, {"plugins/codes.mjs": (PLUGINS / "codes.mjs").read_text("utf-8")})
        return root
    command = json.dumps(["node", str(PLUGINS / "docs.mjs"), mode])
    extra = "" if timeout is None else f"timeout = {timeout}\n"
    return project(
        tmp_path,
        '[tool.codegen]\ntargets = ["manual"]\n\n'
        f"[tool.codegen.target.manual]\ncommand = {command}\n{extra}",
    )


def test_plugin_end_to_end(tmp_path: Path) -> None:
    """Allowed, the plugin writes out/codes/; check passes, then finds a hand edit."""
    root = plugin_project(tmp_path)
    assert codegen_run(root, "generate", allow_plugins=True) == Run(
        0, "wrote out/codes/codes.tsv\n", ""
    )
    written = (root / "out/codes/codes.tsv").read_text("utf-8").splitlines()
    assert written[0].startswith(f"# {MARKER} ") and written[0].endswith(" DO NOT EDIT.")
    assert written[1:4] == [
        "features\t0\tOK",
        "features\t-1021\tTIMESTAMP_OUTSIDE_RECV_WINDOW",
        "features\t429\tTOO_MANY_REQUESTS",
    ]
    assert codegen_run(root, "check", allow_plugins=True) == Run(0, "", "")
    with (root / "out/codes/codes.tsv").open("a") as handle:
        handle.write("by hand\n")
    result = codegen_run(root, "check", allow_plugins=True)
    assert result.status == 1
    assert (
        result.stdout
        == "out/codes/codes.tsv: hand-edited: edited after generation: its header matches, its"
        " body does not\n"
    )


def test_plugin_not_allowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the permission, the plugin never runs: an error says which command would run
    and how to allow it; nothing is written."""
    root = plugin_project(tmp_path, "record")
    record = tmp_path / "request.json"
    monkeypatch.setenv("RECORD", str(record))
    result = codegen_run(root, "generate")
    command = f"node {PLUGINS / 'docs.mjs'} record"
    assert result == Run(
        1,
        f"pyproject.toml: error[PLUGIN]: plugin target manual runs a program from the repository,"
        f" `{command}`, and plugins run only when allowed: if you trust this repository's code,"
        " run codegen with --allow-plugins (or CODEGEN_ALLOW_PLUGINS=1)\n",
        "",
    )
    assert not record.exists() and not (root / "out").exists()


def test_plugin_request_follows_the_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = plugin_project(tmp_path, "record")
    record = tmp_path / "request.json"
    monkeypatch.setenv("RECORD", str(record))
    assert codegen_run(root, "generate", allow_plugins=True).status == 0
    request = json.loads(record.read_text("utf-8"))
    assert request["version"] == 1 and request["target"] == "manual"
    model = schema("datamodel.schema.json")
    protocol = schema("plugin.schema.json")
    jsonschema.Draft202012Validator.check_schema(protocol)
    registry: referencing.Registry[Any] = referencing.Registry().with_resources(
        [(s["$id"], referencing.Resource.from_contents(s)) for s in (model, protocol)]
    )
    validator = jsonschema.Draft202012Validator(protocol, registry=registry)
    validator.validate(request)
    answer = {"files": [{"path": "a.md", "content": "x"}], "diagnostics": []}
    validator.validate(answer)
    bad = {**request, "model": {**request["model"], "version": 2}}
    assert not validator.is_valid(bad)


PLUGIN_FAILURES = {
    "parent": "plugin target manual: output path '../x' leads out of its directory (..)",
    "absolute": "plugin target manual: output path '/tmp/codegen-plugin-x' is absolute",
    "fail": (
        f"plugin target manual `node {PLUGINS / 'docs.mjs'} fail` exited with status 1; its stderr"
        " ends: docs: something went wrong\\n\\x1b[31mred\\x1b[0m at the end"
    ),
    "garbage": (
        f"plugin target manual `node {PLUGINS / 'docs.mjs'} garbage` answered no JSON document"
        " (Expecting value: line 1 column 1 (char 0)); it wrote nothing to stderr"
    ),
    "unmarked": (
        "plugin target manual: features.md: the first line must carry the generated-code marker"
    ),
    "error": "plugin target manual: cannot document this model",
}


@pytest.mark.parametrize("mode", PLUGIN_FAILURES)
def test_plugin_failure(tmp_path: Path, mode: str) -> None:
    """A path out of out/manual/, a failure, no JSON, no marker, an error of its own: one
    PLUGIN error naming it, exit 1, nothing written."""
    root = plugin_project(tmp_path, mode)
    result = codegen_run(root, "generate", allow_plugins=True)
    assert result.status == 1
    assert result.stdout.startswith(
        f"pyproject.toml: error[PLUGIN]: {PLUGIN_FAILURES[mode]}"
    ), result.stdout
    assert result.stdout.count("\n") == 1
    assert not (root / "out").exists()


def test_plugin_timeout_and_missing_program(tmp_path: Path) -> None:
    root = plugin_project(tmp_path / "hang", "hang", timeout=1)
    result = codegen_run(root, "generate", allow_plugins=True)
    assert result.stdout == (
        f"pyproject.toml: error[PLUGIN]: plugin target manual `node {PLUGINS / 'docs.mjs'} hang`"
        " ran longer than 1 s; it wrote nothing to stderr\n"
    )
    root = project(
        tmp_path / "missing",
        '[tool.codegen]\ntargets = ["manual"]\n'
        '[tool.codegen.target.manual]\ncommand = ["no-such-program-x"]\n',
    )
    result = codegen_run(root, "generate", allow_plugins=True)
    assert result == Run(
        1,
        "pyproject.toml: error[PLUGIN]: plugin target manual cannot run `no-such-program-x`: No"
        " such file or directory\n",
        "",
    )


def test_plugin_warning(tmp_path: Path) -> None:
    """A plugin's warning is printed; its files are written."""
    root = plugin_project(tmp_path, "warn")
    result = codegen_run(root, "generate", allow_plugins=True)
    assert result == Run(
        0,
        "pyproject.toml: warning[PLUGIN]: plugin target manual: index.md lists every catalogue\n"
        "wrote out/manual/features.md\nwrote out/manual/index.md\n",
        "",
    )


def test_plugin_run_is_not_cached(tmp_path: Path) -> None:
    """The plugin is a program codegen cannot fingerprint: an edit to it shows at once."""
    root = plugin_project(tmp_path)
    cache = Cache(tmp_path / "cache")
    assert codegen_run(root, "generate", allow_plugins=True, cache=cache).status == 0
    plugin = root / "plugins/codes.mjs"
    plugin.write_text(plugin.read_text("utf-8").replace("\\t${error.name}", " ${error.name}"))
    result = codegen_run(root, "generate", allow_plugins=True, cache=cache)
    assert result.stdout == "wrote out/codes/codes.tsv\n"
    assert "features\t0 OK" in (root / "out/codes/codes.tsv").read_text("utf-8")
    # Neither the run nor any of its targets' files: only what no plugin can change (the
    # category taxonomy).
    kept = [p.read_text("utf-8") for p in (tmp_path / "cache").glob("codegen-*.json")]
    assert not [text for text in kept if '"files"' in text or "codes.tsv" in text]
