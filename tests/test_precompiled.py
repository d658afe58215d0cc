"""codegen/precompiled/: the built-in templates and the schema's validator compiled ahead of time.

What is committed must be what ``python -m codegen.precompile`` writes now; what it holds must
render and validate exactly as what Jinja2 and fastjsonschema compile at run time; and anything
that makes it out of date (an edited template, another Jinja2 or fastjsonschema, an environment
set up otherwise, another schema) must make the run compile as it always did. The tests hold
in every venv: where the installed Jinja2 or fastjsonschema is not the one that wrote the
package (``make test-minimum``), what needs it is skipped and the fallback is what runs.
"""

from __future__ import annotations

import copy
import importlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import fastjsonschema
import jinja2
import pytest
import yaml

from codegen import precompile, render, validate
from codegen.diagnostics import Severity
from codegen.model import Catalog
from codegen.pipeline import process, read
from codegen.precompiled import index
from codegen.render import Options
from codegen.source import catalog_files
from codegen.targets import NAMES
from conftest import CASES, ROOT

VALIDATOR = f"codegen.precompiled.{index.VALIDATOR_MODULE}"
RUN = "run `make precompile` (python -m codegen.precompile) and commit codegen/precompiled/"

SAME_JINJA2 = jinja2.__version__ == index.JINJA2
SAME_FASTJSONSCHEMA = fastjsonschema.VERSION == index.FASTJSONSCHEMA
needs_jinja2 = pytest.mark.skipif(
    not SAME_JINJA2, reason=f"Jinja2 {jinja2.__version__} did not write the package"
)
needs_fastjsonschema = pytest.mark.skipif(
    not SAME_FASTJSONSCHEMA,
    reason=f"fastjsonschema {fastjsonschema.VERSION} did not write the package",
)


@pytest.fixture(autouse=True)
def _fresh() -> Iterator[None]:
    """Environments and the validator made anew, before and after: what a test changes
    (the index, Jinja2's version, the template directory) reaches them, and no other test
    keeps what a test made."""
    render.environment.cache_clear()
    validate._fast_validator.cache_clear()
    yield
    render.environment.cache_clear()
    validate._fast_validator.cache_clear()


def environments() -> Iterator[tuple[str, jinja2.Environment]]:
    """Each target with templates, and its environment as the target renders with it."""
    for target, module in sorted(precompile.targets().items()):
        filters = importlib.import_module(module).FILTERS
        yield target, render.environment(target, tuple(sorted(filters.items())))


def precompiled(template: jinja2.Template) -> bool:
    """Whether ``template`` runs the code of codegen/precompiled/ (else code compiled now)."""
    filename = Path(template.root_render_func.__code__.co_filename)
    return filename.parent == precompile.directory()


def catalogues(directory: Path) -> list[Catalog]:
    result = process(read(catalog_files(directory), None)[0])
    errors = [d.render() for d in result.diagnostics if d.severity is Severity.ERROR]
    assert result.catalogs and not errors, errors
    return sorted(result.catalogs, key=lambda c: c.platform)


def rendered(catalogs: list[Catalog], targets: tuple[str, ...] = NAMES) -> dict[str, str]:
    result = render.render(catalogs, targets, Options())
    assert result.files is not None, result.diagnostics
    return {path.as_posix(): text for path, text in result.files.items()}


PROJECTS = {"catalogs": ROOT / "catalogs", "features": CASES / "features" / "catalogs"}


# --- What is committed ----------------------------------------------------------------------


def test_the_index_knows_every_template_as_it_is() -> None:
    """Version-independent: each template's text, each environment and the schema are those
    the package was compiled from (an edit without `make precompile` fails here)."""
    sources, environments_now = {}, {}
    for target, env in environments():
        environments_now[target] = render.compiler_digest(env)
        assert env.loader is not None
        for name in env.list_templates(extensions=["j2"]):
            source = env.loader.get_source(env, name)[0]
            sources[f"{target}/{name}"] = render.source_digest(source)
    assert sources == index.TEMPLATES, RUN
    assert sorted(index.MODULES) == sorted(sources), RUN
    assert environments_now == index.ENVIRONMENTS, RUN
    assert validate.schema_digest(validate._checked_schema()[0]) == index.SCHEMA, RUN


def test_the_locked_versions_wrote_the_package() -> None:
    """The Jinja2 and fastjsonschema of the lock (requirements/dev.txt), which make installs
    in .venv: there no test here is skipped, and a run compiles nothing."""
    locked = {}
    for line in (ROOT / "requirements" / "dev.txt").read_text("utf-8").splitlines():
        name, _, version = line.partition("==")
        if name.lower() in ("jinja2", "fastjsonschema"):
            locked[name.lower()] = version.split()[0].rstrip("\\").strip()
    assert locked == {"jinja2": index.JINJA2, "fastjsonschema": index.FASTJSONSCHEMA}, RUN


def test_the_committed_files_are_what_precompile_writes() -> None:
    """Byte for byte, each file the Jinja2 or fastjsonschema installed here wrote; and no file
    of an earlier run left behind."""
    wanted = precompile.files()
    directory = precompile.directory()
    committed = sorted(p.name for p in directory.glob("*.py") if p.name != "__init__.py")
    assert committed == sorted(wanted), RUN
    validator = f"{precompile.VALIDATOR_MODULE}.py"
    compared = 0
    for name, text in sorted(wanted.items()):
        needs = {
            precompile.INDEX: SAME_JINJA2 and SAME_FASTJSONSCHEMA,
            validator: SAME_FASTJSONSCHEMA,
        }
        if not needs.get(name, SAME_JINJA2):
            continue
        # Text mode: a checkout that converts line endings changes nothing the import sees.
        assert (directory / name).read_text(encoding="utf-8") == text, f"{name}: {RUN}"
        compared += 1
    if not compared:
        pytest.skip("neither Jinja2 nor fastjsonschema here wrote the package")


def test_write_replaces_what_changed_and_removes_only_its_own(tmp_path: Path) -> None:
    marker = f"{precompile.MARKER}: do not edit.\n"
    (tmp_path / "__init__.py").write_text(f"'''Hand-written.'''\n{marker}", encoding="utf-8")
    (tmp_path / "mine.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "stale.py").write_text(f"x = 1\n{marker}", encoding="utf-8")
    (tmp_path / "same.py").write_text(f"y = 2\n{marker}", encoding="utf-8")
    cached = tmp_path / "__pycache__"
    cached.mkdir()
    for name in ("mine", "stale", "same"):
        (cached / f"{name}.cpython-311.pyc").write_bytes(b"")
    wanted = {"same.py": f"y = 2\n{marker}", "new.py": f"z = 3\n{marker}", "index.py": marker}
    assert precompile.write(tmp_path, wanted) == (["new.py", "index.py"], ["stale.py"])
    assert sorted(p.name for p in cached.iterdir()) == [
        "mine.cpython-311.pyc",
        "same.cpython-311.pyc",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "__init__.py",
        "__pycache__",
        "index.py",
        "mine.py",
        "new.py",
        "same.py",
    ]
    assert precompile.write(tmp_path, wanted) == ([], [])


def test_module_names_are_identifiers() -> None:
    assert precompile.module_name("python/__init__.py.j2") == "python____init___py_j2"
    assert precompile.module_name("docs/page-end.html.j2") == "docs__page_end_html_j2"
    assert all(module.isidentifier() for module in index.MODULES.values())


# --- Templates ------------------------------------------------------------------------------


@needs_jinja2
def test_every_builtin_template_loads_precompiled() -> None:
    for target, env in environments():
        for name in env.list_templates(extensions=["j2"]):
            template = env.get_template(name)
            assert precompiled(template), f"{target}/{name}"
            # As compiled from the text: named after the template, up to date while it is.
            assert template.filename == str(Path(render.builtin_directory(target), name))
            assert template.is_up_to_date
            assert env.get_template(name) is template  # the environment keeps it


@pytest.mark.parametrize("project", sorted(PROJECTS))
def test_precompiled_templates_render_what_compiled_ones_do(
    project: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every target on the seed catalogues and the golden features case, byte for byte,
    once with the package's code and once with the templates compiled from their text."""
    catalogs = catalogues(PROJECTS[project])
    loaded: dict[str, bool] = {}
    found = render.precompiled

    def recording(target: str, name: str, source: str, env: jinja2.Environment) -> Any:
        code = found(target, name, source, env)
        loaded[f"{target}/{name}"] = code is not None
        return code

    monkeypatch.setattr(render, "precompiled", recording)
    ahead = rendered(catalogs)
    assert sorted(loaded) == sorted(index.TEMPLATES)  # every built-in template renders
    assert all(loaded.values()) == SAME_JINJA2, loaded
    render.environment.cache_clear()
    monkeypatch.setattr(index, "JINJA2", "0")
    loaded.clear()
    now = rendered(catalogs)
    assert sorted(loaded) == sorted(index.TEMPLATES) and not any(loaded.values())
    assert ahead.keys() == now.keys()
    for path in ahead:
        assert ahead[path] == now[path], path


def test_an_edited_template_is_compiled_from_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(Path(render.builtin_directory("report")).parent, templates)
    edited = templates / "report" / "shared_codes.md.j2"
    edited.write_text(edited.read_text("utf-8") + "EDITED {{ catalogs | length }}\n", "utf-8")
    monkeypatch.setattr(render, "builtin_directory", lambda target: str(templates / target))
    catalogs = catalogues(PROJECTS["catalogs"])
    report = rendered(catalogs, ("report",))
    assert report["report/shared_codes.md"].endswith(f"EDITED {len(catalogs)}\n")
    env = next(env for target, env in environments() if target == "report")
    assert not precompiled(env.get_template("shared_codes.md.j2"))


@needs_jinja2
def test_a_template_edited_after_loading_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """auto_reload, as for any FileSystemLoader: the environment checks the file's time."""
    templates = tmp_path / "templates"
    shutil.copytree(Path(render.builtin_directory("go")).parent, templates)
    monkeypatch.setattr(render, "builtin_directory", lambda target: str(templates / target))
    catalogs = catalogues(PROJECTS["features"])
    before = rendered(catalogs, ("go",))
    env = dict(environments())["go"]
    loaded = env.get_template("go.mod.j2")
    assert precompiled(loaded) and loaded.is_up_to_date
    path = templates / "go" / "go.mod.j2"
    path.write_text(path.read_text("utf-8") + "// EDITED\n", "utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    assert not loaded.is_up_to_date
    after = rendered(catalogs, ("go",))
    assert after["go/go.mod"] == before["go/go.mod"] + "// EDITED\n"
    assert not precompiled(env.get_template("go.mod.j2"))


def test_another_jinja2_compiles_the_templates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jinja2, "__version__", "0.0")
    for target, env in environments():
        for name in env.list_templates(extensions=["j2"]):
            assert not precompiled(env.get_template(name)), f"{target}/{name}"


def test_an_environment_set_up_otherwise_compiles_the_templates() -> None:
    """A filter passed the context, say, is called otherwise by the compiled code: the code
    compiled for the target's own filters is not used."""
    from codegen.targets import report

    @jinja2.pass_context
    def letter(context: Any, value: Any) -> Any:
        return report.FILTERS["letter"](value)

    filters = {**report.FILTERS, "letter": letter}
    env = render.environment("report", tuple(sorted(filters.items())))
    assert render.compiler_digest(env) != index.ENVIRONMENTS["report"]
    assert not precompiled(env.get_template("shared_codes.md.j2"))


def test_a_project_template_never_runs_precompiled_code(tmp_path: Path) -> None:
    """A project's replacement runs in the sandbox, compiled from its text; so does the
    built-in template it includes."""
    current = render.Rendering(
        render.Extensions(tmp_path, templates="tpl"),
        {"tpl/docs/index.html.j2": '{% include "page-start.html.j2" %}x'},
    )
    template = current.override("docs", "index.html.j2", {})
    assert template is not None and not precompiled(template)
    included = template.environment.get_template("page-start.html.j2")
    assert not precompiled(included)


# --- The validator --------------------------------------------------------------------------


def documents() -> list[tuple[str, Any, bool]]:
    """Catalogues, each with why it is there and whether it is valid: the seed and golden
    ones, and invalid ones of each kind of fault."""
    seed = yaml.safe_load((ROOT / "catalogs" / "weex.yaml").read_text("utf-8"))
    found: list[tuple[str, Any, bool]] = [("weex.yaml", seed, True)]
    for path in catalog_files(CASES / "features" / "catalogs"):
        found.append((path.name, yaml.safe_load(path.read_text("utf-8")), True))

    def changed(why: str, change: Any) -> None:
        document = copy.deepcopy(seed)
        change(document)
        found.append((why, document, False))

    changed("no platform", lambda d: d.pop("platform"))
    changed("platform not a string", lambda d: d.update(platform=3))
    changed("name in lower case", lambda d: d["errors"][0].update(name="lower"))
    changed("name ending in a newline", lambda d: d["errors"][0].update(name="NAME\n"))
    changed("unknown field", lambda d: d["errors"][0].update(colour="red"))
    changed("no errors", lambda d: d.update(errors=[]))
    changed("retryable a string", lambda d: d["errors"][0].update(retryable="yes"))
    changed("empty", lambda d: d.clear())
    found.append(("not a mapping", ["a", "list"], False))
    return found


def outcome(validator: Any, document: Any) -> tuple[Any, ...]:
    try:
        return ("valid", validator(copy.deepcopy(document)))
    except fastjsonschema.JsonSchemaValueException as exc:
        return (type(exc), exc.message, exc.name, exc.rule, exc.value)


@needs_fastjsonschema
def test_the_precompiled_validator_judges_as_the_compiled_one() -> None:
    schema = validate._checked_schema()[0]
    compiled = fastjsonschema.compile(copy.deepcopy(schema))
    ahead = validate._fast_validator()
    assert ahead.__module__ == VALIDATOR
    for why, document, valid in documents():
        found = outcome(ahead, document)
        assert found == outcome(compiled, document), why
        assert (found[0] == "valid") == valid, why


def test_another_schema_compiles_the_validator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index, "SCHEMA", "0" * 64)
    validator = validate._fast_validator()
    assert validator.__module__ != VALIDATOR
    compiled = fastjsonschema.compile(copy.deepcopy(validate._checked_schema()[0]))
    for why, document, valid in documents():
        found = outcome(validator, document)
        assert found == outcome(compiled, document), why
        assert (found[0] == "valid") == valid, why


def test_another_fastjsonschema_compiles_the_validator(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fastjsonschema, "VERSION", "0.0")
    assert validate._fast_validator().__module__ != VALIDATOR


@pytest.mark.parametrize("version", ["installed", "other"])
def test_the_schema_stays_as_written(version: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """fastjsonschema rewrites the $refs of a schema it compiles: never the one jsonschema
    explains errors with, whichever validator runs."""
    schema = copy.deepcopy(validate._checked_schema()[0])
    if version == "other":
        monkeypatch.setattr(fastjsonschema, "VERSION", "0.0")
    validate._fast_validator()
    assert validate._checked_schema()[0] == schema


# --- A run ----------------------------------------------------------------------------------


@pytest.mark.skipif(
    not (SAME_JINJA2 or SAME_FASTJSONSCHEMA),
    reason="neither Jinja2 nor fastjsonschema here wrote the package",
)
def test_a_run_compiles_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Catalogues validated and every target rendered with Jinja2's and fastjsonschema's
    compilers out of reach (each where the installed version wrote the package)."""

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("compiled at run time")

    if SAME_JINJA2:
        monkeypatch.setattr(jinja2.Environment, "compile", refused)
    if SAME_FASTJSONSCHEMA:
        monkeypatch.setattr(fastjsonschema, "compile", refused)
    files = rendered(catalogues(PROJECTS["catalogs"]))
    assert "docs/index.html" in files and "report/shared_codes.md" in files
