"""The generated code, formatted, type-checked and tested by each language's own toolchain.

Every tree of generated code (the committed out/ and each golden case) must be left
unchanged by its formatter (black, prettier, gofmt, rustfmt) and pass its type checker or
linter (mypy --strict, tsc --strict, go vet, cargo clippy -D warnings). Then each language's
own test runner (pytest, node --test, go test, cargo test) checks it against the tree's test
vectors, out/vectors/, with the harnesses in tests/conformance/: once per tree and language.
Cargo builds only copies of out/rust, in temporary directories: out/ never gets a target/ or
a Cargo.lock. When CI=true a missing toolchain fails the test instead of skipping it.
"""

from __future__ import annotations

import html.parser
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import black
import pytest

from codegen.config import load_config
from codegen.targets.golang import go_constructor
from codegen.targets.rust import EDITION, rust_comment, rust_constructor, rust_doc
from conftest import CASES, ROOT, toolchain

CONFORMANCE = ROOT / "tests" / "conformance"
TREES = {
    "catalogs": ROOT / "out",
    **{case.name: case / "out" for case in sorted(CASES.iterdir()) if (case / "out").is_dir()},
}
OPTIONS = load_config(ROOT).options
GO_ENV = {"GOFLAGS": "-mod=mod", "GOWORK": "off", "GOTOOLCHAIN": "local"}
CARGO_ENV = {"CARGO_NET_OFFLINE": "true", "CARGO_TERM_COLOR": "never"}
LANGUAGES = ("python", "typescript", "go", "rust")

Process = subprocess.CompletedProcess[str]
Conformance = Callable[[str, str, Path], Process]
"""Runs one language's conformance tests on a tree's generated code against a directory of
vectors: ``conformance("go", "features", vectors)``."""


def run(argv: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Process:
    return subprocess.run(
        argv, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


def succeeds(process: Process) -> str:
    argv = " ".join(map(str, process.args))
    assert process.returncode == 0, f"{argv} failed:\n{process.stdout}\n{process.stderr}"
    return process.stdout


def files(directory: Path, suffix: str) -> list[Path]:
    return sorted(directory.rglob(f"*{suffix}"))


def load_vectors(directory: Path) -> list[dict[str, Any]]:
    paths = files(directory, ".json")
    assert paths, f"no vectors in {directory}"
    return [json.loads(path.read_text(encoding="utf-8")) for path in paths]


# --- Formatters and type checkers --------------------------------------------------------


@pytest.mark.parametrize("tree", TREES)
def test_python_is_black_formatted(tree: str) -> None:
    for path in files(TREES[tree] / "python", ".py"):
        source = path.read_text(encoding="utf-8")
        assert black.format_str(source, mode=black.Mode()) == source, f"black would change {path}"


@pytest.mark.parametrize("tree", TREES)
def test_python_passes_mypy_strict(tree: str) -> None:
    mypy = toolchain("mypy")
    succeeds(
        run(
            [
                mypy,
                "--strict",
                "--no-incremental",
                "--cache-dir",
                os.devnull,
                OPTIONS.python_package,
            ],
            cwd=TREES[tree] / "python",
        )
    )


@pytest.mark.parametrize("tree", TREES)
def test_typescript_is_prettier_formatted(tree: str) -> None:
    """The code and declarations; package.json carries the generated-code marker on its
    first line, as out/vectors do, where prettier would put a lone brace."""
    prettier = toolchain("prettier")
    package = TREES[tree] / "typescript"
    code = [*files(package, ".js"), *files(package, ".d.ts")]
    assert code, f"no TypeScript in {package}"
    succeeds(run([prettier, "--check", "--no-config", *map(str, code)]))


@pytest.mark.parametrize("tree", TREES)
def test_go_is_gofmt_formatted(tree: str) -> None:
    gofmt = toolchain("gofmt")
    assert succeeds(run([gofmt, "-l", str(TREES[tree] / "go")])) == ""


@pytest.mark.parametrize("tree", TREES)
def test_go_passes_vet(tree: str) -> None:
    go = toolchain("go")
    succeeds(run([go, "vet", "./..."], cwd=TREES[tree] / "go", env=GO_ENV))


def rustfmt_check(crate: Path, config: Path) -> Process:
    """``rustfmt --check`` on a crate with rustfmt's defaults (an empty rustfmt.toml in
    ``config``), whatever configuration the machine or a parent directory holds."""
    (config / "rustfmt.toml").write_text("")
    rustfmt = toolchain("rustfmt")
    lib = crate / "src" / "lib.rs"  # rustfmt follows its `mod` declarations
    return run([rustfmt, "--check", "--edition", EDITION, "--config-path", str(config), str(lib)])


def copy_crate(out: Path, directory: Path) -> Path:
    """A copy of the generated crate: cargo writes Cargo.lock beside Cargo.toml."""
    return Path(shutil.copytree(out / "rust", directory / "crate"))


def cargo_env(directory: Path) -> dict[str, str]:
    return {**CARGO_ENV, "CARGO_TARGET_DIR": str(directory / "target")}


def assert_untouched(out: Path) -> None:
    """out/rust holds what generate wrote, and nothing that cargo writes."""
    assert not any((out / "rust" / name).exists() for name in ("target", "Cargo.lock"))


@pytest.mark.parametrize("tree", TREES)
def test_rust_is_rustfmt_formatted(tree: str, tmp_path: Path) -> None:
    succeeds(rustfmt_check(TREES[tree] / "rust", tmp_path))


@pytest.mark.parametrize("tree", TREES)
def test_rust_passes_clippy(tree: str, tmp_path: Path) -> None:
    cargo = toolchain("cargo")
    toolchain("cargo-clippy")
    crate = copy_crate(TREES[tree], tmp_path)
    clippy = [cargo, "clippy", "--offline", "--all-targets", "--", "-D", "warnings"]
    succeeds(run(clippy, cwd=crate, env=cargo_env(tmp_path)))
    assert_untouched(TREES[tree])


def layout_catalogues() -> dict[str, str]:
    """Catalogues in which every width that decides a layout of the Rust output changes one
    column at a time: names, aliases, replacements and string codes of 1 to 90 characters,
    huge negative codes, lists of codes (Code::ALL) whose one-line width is every width
    from 7 on, one code alone in its catalogue, and typed constructors of 1 to 6
    parameters of 1 to 16 characters."""

    def name(length: int, first: str) -> str:
        return first + "B" * (length - 1)

    def entry(code: int | str, name: str, more: str = "", message: str = "m") -> str:
        return (
            f'  - {{code: {json.dumps(code)}, name: "{name}", message: {{en: "{message}"}}'
            f"{more}}}\n"
        )

    def placeholders(count: int, length: int) -> str:
        return "m" + "".join(f" {{{chr(ord('a') + i) * length}}}" for i in range(count))

    catalogues = {}
    head = "title: t\nsource: s\ncode_type: {}\nerrors:\n"
    for n in range(1, 91):
        catalogues[f"n{n}"] = head.format("integer") + "".join(
            [
                entry(
                    -(10**15),
                    name(n, "A"),
                    f", aliases: [{name(n, 'C')}], category: rate_limit, http_status: 429,"
                    " retryable: true, solution: {en: s, zh: z}",
                ),
                entry(
                    1,
                    name(n, "D"),
                    f", deprecated: {{reason: r, replaced_by: {name(n, 'A')}}}",
                    placeholders(1, 1),
                ),
                entry(
                    2,
                    name(n, "E"),
                    ", deprecated: {reason: r}",
                    placeholders(1 + n % 6, 1 + n // 6),
                ),
            ]
        )
        catalogues[f"a{n}"] = head.format("integer") + entry(1, name(n, "A"))
        # Two codes whose Self::... take 2n + 14 and 2n + 15 columns on one line.
        for kind, extra in (("s", 0), ("t", 1)):
            catalogues[f"{kind}{n}"] = head.format("string") + "".join(
                [entry("c" * n, name(n, "D")), entry("d" * n, name(n + extra, "E"))]
            )
    for k in range(1, 41):  # k codes with short names: Self::A, Self::B...
        catalogues[f"m{k}"] = head.format("integer") + "".join(
            entry(i, "ABCDEFGHJKLMNOPQRTUVWXYZ"[i % 24] + "X" * (i // 24)) for i in range(k)
        )
    for n in range(1, 91):
        # How responses are classified (the module's RULES): shape names, pointers (with
        # characters written as escapes), generic codes, placeholders and the codes of
        # patterns and statuses of every width; one shape, pattern, wildcard and status
        # alone (odd n) or several of each (even n).
        shapes = f'  - {{name: {"s" * n}, code: "/{"c" * n}", message: "/{"é" * (n // 6)}m"}}\n'
        if n % 2:
            rules = entry(1, name(n, "A"), ", match: {statuses: [429]}", f"m {{{'p' * n}}}")
            generic = "[1]"
        else:
            shapes += "  - {name: t, message: /m}\n"
            rules = entry(
                1,
                name(n, "A"),
                f", match: {{statuses: [429, 418], messages: ['w {{{'a' * n}}} z {{b}} y']}}",
            ) + entry(2, name(n, "D"), ", match: {statuses: [500]}")
            generic = "[1, 2]"
        response = f"response:\n  generic_codes: {generic}\n  shapes:\n{shapes}"
        catalogues[f"r{n}"] = head.format("integer").replace("errors:", response + "errors:")
        catalogues[f"r{n}"] += rules
    return {platform: f"platform: {platform}\n{text}" for platform, text in catalogues.items()}


def test_rust_layout_follows_rustfmt_at_every_width(
    tmp_path: Path, codegen: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where a width decides rustfmt's layout, every part is ASCII and codegen lays it out
    as rustfmt would: lines that just fit, that just do not, and lines that fit nowhere
    (which rustfmt leaves as they are)."""
    (tmp_path / "pyproject.toml").write_text('[tool.codegen]\ntargets = ["rust"]\n')
    (tmp_path / "catalogs").mkdir()
    for platform, text in layout_catalogues().items():
        (tmp_path / "catalogs" / f"{platform}.yaml").write_text(text)
    monkeypatch.chdir(tmp_path)
    result = codegen("generate", "--no-cache")
    assert result.status == 0, result.stdout + result.stderr
    (tmp_path / "config").mkdir()
    succeeds(rustfmt_check(tmp_path / "out" / "rust", tmp_path / "config"))


class _Paragraphs(html.parser.HTMLParser):
    """The text of each <p> of a rustdoc page, and the tags found inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[tuple[str, list[str]]] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self.inside = True
            self.paragraphs.append(("", []))
        elif self.inside:
            self.paragraphs[-1][1].append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if self.inside:
            text, tags = self.paragraphs[-1]
            self.paragraphs[-1] = (text + data, tags)


DOC_TEXTS = [
    *("*a* _a_ __a__ **b** `c` ``d`` ~e~ ~~f~~ [g](h) ![i](j) [k] [^1] <b>x</b>".split()),
    *(r"<http://x.y> &amp; &#65; &copy H~2~O \ \* a\ [[x]] <!--c--> {#id} $x$".split()),
    "ACCESS_KEY snake_case_2 中_文 a__b _c d_ e_, *_f_* _g__h_",
    "a -- b --- c ---- d",
    "x... y .. z .... w",
    "\"quoted\" and 'single' and can't",
    "see https://example.com/a_b and ftp://x",
    "# h",
    "1. x",
    "- y",
    "> z",
    "| a | b |",
    "```rust",
    "    indented",
    "trailing  ",
    "tab\there, line\nbreak, \u202eright-to-left\u202c, \x00, \u3000",
    "\u4e2d\u6587 \U0001f600 e\u0301",
    "   ",
]
"""Markdown that rustdoc would render as something else if it were not escaped."""


def test_rustdoc_shows_every_doc_text_as_written(tmp_path: Path) -> None:
    """rustdoc reads doc comments as Markdown (emphasis, code, links, HTML, smart quotes and
    dashes): rust_doc escapes each text so that the page shows it exactly as the comment
    shows it, with no markup and no rustdoc warning (a bare URL, a broken link)."""
    cargo = toolchain("cargo")
    (tmp_path / "src").mkdir()
    (tmp_path / "Cargo.toml").write_text(
        f'[package]\nname = "docs"\nversion = "0.0.0"\nedition = "{EDITION}"\n'
    )
    items = [
        f"/// T{i}: {rust_doc(text)}\npub fn f{i}() {{}}\n" for i, text in enumerate(DOC_TEXTS)
    ]
    (tmp_path / "src" / "lib.rs").write_text("//! Doc texts.\n\n" + "\n".join(items))
    env = {**cargo_env(tmp_path), "RUSTDOCFLAGS": "-D warnings"}
    succeeds(run([cargo, "doc", "--offline", "--no-deps"], cwd=tmp_path, env=env))
    for i, text in enumerate(DOC_TEXTS):
        page = _Paragraphs()
        page.feed((tmp_path / "target" / "doc" / "docs" / f"fn.f{i}.html").read_text("utf-8"))
        found = [p for p in page.paragraphs if p[0].startswith(f"T{i}: ")]
        assert found, f"{text!r}: no paragraph on the page"
        paragraph, tags = found[0]
        assert tags == [], f"{text!r} became markup: {tags}"
        # As a plain comment shows it: invisible characters as escapes, nothing else changed.
        assert paragraph == f"T{i}: {rust_comment(text)}", text


# --- Conformance to the vectors ----------------------------------------------------------


def build_typescript(out: Path, directory: Path) -> Path:
    """Check the package's declarations with tsc --strict, and that its ES modules agree
    with them: a program assigns each module's code (read as JavaScript, in a directory
    without the declarations) to its declared type, and lists each platform module's value
    exports, exactly. Returns a copy of the package: the harness imports its .js as they are."""
    tsc = toolchain("tsc")
    package = Path(shutil.copytree(out / "typescript", directory / "package"))
    (directory / "code").mkdir()
    for path in files(package, ".js"):
        shutil.copy(path, directory / "code")
    vectors = load_vectors(out / "vectors")
    errors = {v["typescript"]["module"]: v["typescript"]["error"] for v in vectors}
    modules = sorted(path.name.removesuffix(".d.ts") for path in package.glob("*.d.ts"))
    agree = []
    for i, module in enumerate(modules):
        agree.append(
            f'import type * as d{i} from "./package/{module}.js";\n'
            f'import * as j{i} from "./code/{module}.js";\n'
            f"export const m{i}: typeof d{i} = j{i};\n"
        )
        if module in errors:
            names = [*TYPESCRIPT_API, errors[module], f"is{errors[module]}"]
            listed = ", ".join(f"{name}: true" for name in names)
            agree.append(f"export const n{i}: Record<keyof typeof d{i}, true> = {{{listed}}};\n")
    (directory / "agree.ts").write_text("".join(agree))
    (directory / "package.json").write_text('{"type": "module"}\n')
    flags = ["--strict", "--noEmit", "--allowJs", "--target", "es2022", "--module", "nodenext"]
    declarations = files(package, ".d.ts")
    succeeds(run([tsc, *flags, str(directory / "agree.ts"), *map(str, declarations)]))
    return package


TYPESCRIPT_API = (
    "Code byName classify classifyText codeInfo codes docUrl format formatSolution isCode lookup"
    " message solution toError"
).split()
"""What every platform's module exports besides its error class and the class's guard."""


def build_go(out: Path, directory: Path) -> Path:
    """A module that requires the generated one and holds the Go harness and its adapter."""
    (directory / "go.mod").write_text(
        f"module conformance\n\ngo 1.22\n\nrequire {OPTIONS.go_module} v0.0.0\n\n"
        f"replace {OPTIONS.go_module} => {out / 'go'}\n"
    )
    shutil.copy(CONFORMANCE / "conformance_test.go", directory)
    (directory / "packages_test.go").write_text(go_adapter(load_vectors(out / "vectors")))
    return directory


def go_adapter(vectors: list[dict[str, Any]]) -> str:
    """The Go harness's list of generated packages: each constant by its Go identifier,
    each typed constructor by its Go name, its arguments in the order of the vectors'
    placeholders, and Classify, ClassifyText and the fields of a Classification, so that a
    missing or misnamed one, or one of another arity or type, does not compile."""
    imports = "".join(f'\tp{i} "{v["go"]["import_path"]}"\n' for i, v in enumerate(vectors))
    checkers = []
    for i, v in enumerate(vectors):
        names = [
            identifiers["go"]
            for c in v["codes"]
            for identifiers in (c["identifiers"], *(a["identifiers"] for a in c["aliases"]))
        ]
        constants = "".join(f'\t\t\t"{name}": p{i}.{name},\n' for name in names)
        constructors = []
        for c in v["codes"]:
            if c["placeholders"]:
                name = go_constructor(c["identifiers"]["go"])
                args = ", ".join(f"p[{json.dumps(p)}]" for p in c["placeholders"])
                constructors.append(
                    f'\t\t\t{json.dumps(c["name"])}: {{"{name}", func(p map[string]any)'
                    f" *p{i}.Error {{ return p{i}.{name}({args}) }}}},\n"
                )
        checkers.append(
            f'\t"{v["platform"]}": adapt(api[p{i}.Code, p{i}.Info, *p{i}.Error,'
            f" p{i}.Classification]{{\n"
            f"\t\tconstants: map[string]p{i}.Code{{\n{constants}\t\t}},\n"
            f"\t\tconstructors: map[string]constructor[*p{i}.Error]{{\n{''.join(constructors)}"
            f"\t\t}},\n\t\tcodes: p{i}.Codes, lookup: p{i}.Lookup, byName: p{i}.ByName,"
            f" construct: p{i}.New,\n"
            f"\t\tclassify: p{i}.Classify, classifyText: p{i}.ClassifyText,\n"
            f"\t\tread: func(c p{i}.Classification) classified[p{i}.Code] {{"
            f" return classified[p{i}.Code]{{c.Code, string(c.How), c.Params}} }},\n\t}}),\n"
        )
    return (
        f"package conformance\n\nimport (\n{imports})\n\n"
        f"var packages = map[string]checker{{\n{''.join(checkers)}}}\n"
    )


def build_rust(out: Path, directory: Path) -> Path:
    """A crate that depends on a copy of the generated one and holds the Rust harness as its
    src/lib.rs and the adapter as src/modules.rs."""
    vectors = load_vectors(out / "vectors")
    (package,) = {v["rust"]["crate"] for v in vectors}
    copy_crate(out, directory)
    harness = directory / "harness"
    (harness / "src").mkdir(parents=True)
    (harness / "Cargo.toml").write_text(
        f'[package]\nname = "conformance"\nversion = "0.0.0"\nedition = "{EDITION}"\n\n'
        f'[dependencies]\n{package} = {{ path = "../crate" }}\n'
    )
    shutil.copy(CONFORMANCE / "conformance.rs", harness / "src" / "lib.rs")
    (harness / "src" / "modules.rs").write_text(rust_adapter(vectors))
    return harness


def rust_adapter(vectors: list[dict[str, Any]]) -> str:
    """The Rust harness's list of generated modules: each code by its Rust identifier, alias
    constants too, and the typed constructor of each code with placeholders, with an
    argument for each, so that a missing or misnamed one does not compile."""
    modules = []
    for v in vectors:
        names = [
            identifiers["rust"]
            for c in v["codes"]
            for identifiers in (c["identifiers"], *(a["identifiers"] for a in c["aliases"]))
        ]
        constructors = [
            f"({c['identifiers']['rust']}, {rust_constructor(c['name'])}, "
            f"[{', '.join(map(str, range(len(c['placeholders']))))}])"
            for c in v["codes"]
            if c["placeholders"]
        ]
        modules.append(
            f'        ("{v["platform"]}", module!({v["rust"]["module"]}, {v["code_type"]}, '
            f"[{', '.join(names)}], [{', '.join(constructors)}])),\n"
        )
    return (
        "//! The generated modules, written from the vectors.\n\n"
        "use crate::{module, Module};\n\n"
        "pub fn modules() -> Vec<(&'static str, Module)> {\n"
        f"    vec![\n{''.join(modules)}    ]\n}}\n"
    )


@pytest.fixture(scope="module")
def conformance(tmp_path_factory: pytest.TempPathFactory) -> Conformance:
    built: dict[tuple[str, str], Path] = {}

    def build(language: str, tree: str, builder: Callable[[Path, Path], Path]) -> Path:
        if (language, tree) not in built:
            directory = tmp_path_factory.mktemp(f"{language}-{tree}")
            built[language, tree] = builder(TREES[tree], directory)
        return built[language, tree]

    def conform(language: str, tree: str, vectors: Path) -> Process:
        load_vectors(vectors)  # fails when there are none: no runner may pass on nothing
        env = {"CONFORMANCE_VECTORS": str(vectors)}
        if language == "python":
            env["CONFORMANCE_CODE"] = str(TREES[tree] / "python")
            # -B: no __pycache__ in out/; --confcutdir: without this suite's conftest.py.
            pytest_ = [sys.executable, "-B", "-m", "pytest", "-q", "-p", "no:cacheprovider"]
            harness = ["--confcutdir", str(CONFORMANCE), str(CONFORMANCE / "conformance.py")]
            return run(pytest_ + harness, env=env)
        if language == "typescript":
            env["CONFORMANCE_CODE"] = str(build(language, tree, build_typescript))
            harness = [str(CONFORMANCE / "conformance.test.mjs")]
            return run([toolchain("node"), "--test", "--test-reporter=spec", *harness], env=env)
        if language == "rust":
            harness = build(language, tree, build_rust)
            cargo = [toolchain("cargo"), "test", "--offline", "-q"]
            return run(cargo, cwd=harness, env=env | cargo_env(harness.parent))
        module = build(language, tree, build_go)
        return run([toolchain("go"), "test", "-count=1", "."], cwd=module, env=env | GO_ENV)

    return conform


@pytest.mark.parametrize("tree", TREES)
def test_python_conforms(tree: str, conformance: Conformance) -> None:
    succeeds(conformance("python", tree, TREES[tree] / "vectors"))


@pytest.mark.parametrize("tree", TREES)
def test_typescript_compiles_strict_and_conforms(tree: str, conformance: Conformance) -> None:
    succeeds(conformance("typescript", tree, TREES[tree] / "vectors"))


@pytest.mark.parametrize("tree", TREES)
def test_go_conforms(tree: str, conformance: Conformance) -> None:
    succeeds(conformance("go", tree, TREES[tree] / "vectors"))


@pytest.mark.parametrize("tree", TREES)
def test_rust_conforms(tree: str, conformance: Conformance) -> None:
    succeeds(conformance("rust", tree, TREES[tree] / "vectors"))
    assert_untouched(TREES[tree])


@pytest.mark.parametrize("language", LANGUAGES)
def test_conformance_fails_on_a_wrong_vector(
    language: str, conformance: Conformance, tmp_path: Path
) -> None:
    """Each runner notices one altered message byte, one flipped retryable flag and one
    altered documentation URL, and names the platform, the code and the field."""
    (vectors,) = load_vectors(TREES["features"] / "vectors")
    altered = next(c for c in vectors["codes"] if "zh" in c["message"])
    text = altered["message"]["zh"]
    altered["message"]["zh"] = text[:-1] + chr(ord(text[-1]) ^ 1)
    flipped = next(c for c in vectors["codes"] if c["retryable"] is not None)
    flipped["retryable"] = not flipped["retryable"]
    moved = vectors["codes"][-1]
    moved["doc_url"] = moved["doc_url"].replace("#", "#0")
    (tmp_path / "features.json").write_text(json.dumps(vectors, ensure_ascii=False), "utf-8")

    process = conformance(language, "features", tmp_path)
    output = process.stdout + process.stderr
    assert process.returncode != 0, output
    assert f"features {json.dumps(altered['code'])} message.zh: got " in output
    assert f"features {json.dumps(flipped['code'])} retryable: got " in output
    assert f"features {json.dumps(moved['code'])} doc_url: got " in output


# --- Classification: every runtime agrees on responses hypothesis makes ---------------------


def _features() -> Any:
    from codegen.load import load_bytes
    from codegen.validate import validate

    path = CASES / "features" / "catalogs" / "features.yaml"
    catalog, _ = validate(load_bytes(path.read_bytes(), "catalogs/features.yaml"))
    assert catalog is not None
    return catalog


def _responses() -> Any:
    """Bodies in the features catalogue's two shapes, with codes right, wrong and of the
    wrong type, and messages made from its patterns in other case and spacing, cut short or
    run on; statuses it claims and others."""
    from hypothesis import strategies as st

    from codegen.classify import rules

    compiled = rules(_features())
    samples = [
        "".join(part if i % 2 == 0 else "Val" + part for i, part in enumerate(p.segments))
        for p in compiled.patterns
    ]
    word = st.text(alphabet=" \t\nAbc:{}!.-_0123456789仮", max_size=8)
    message = st.one_of(
        st.sampled_from(samples),
        st.builds(lambda m: m.upper(), st.sampled_from(samples)),
        st.builds(lambda m, w: m.replace(" ", w or " "), st.sampled_from(samples), word),
        st.builds(lambda m, w: m + w, st.sampled_from(samples), word),
        st.builds(lambda m, n: m[:n], st.sampled_from(samples), st.integers(0, 20)),
        word,
        st.none(),
        st.integers(-5, 5),
    )
    code = st.one_of(
        st.sampled_from([0, 5, 7, 429, -1021, 1, 9007199254740991, 9007199254740992]),
        st.builds(str, st.sampled_from([0, 5, 7, 429, -1021, 1])),
        st.sampled_from(["0429", "+7", " 7", "-0", "1e2", "", True, None, 7.0, 7.5, -0.0]),
        st.integers(-(2**60), 2**60),
        st.floats(allow_nan=False, allow_infinity=False),
    )

    def body(code: object, message: object, shape: int, extra: object) -> object:
        if shape == 0:
            error: dict[str, object] = {"code": code, "message": message}
            return {"error": {k: v for k, v in error.items() if v is not None}, "x": extra}
        socket: dict[str, object] = {"c/d": [code], "msg": message, "x": extra}
        return {k: v for k, v in socket.items() if v is not None}

    json_value = st.recursive(
        st.none() | st.booleans() | st.integers(-1000, 1000) | st.text(max_size=5),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
        max_leaves=6,
    )
    bodies = st.builds(body, code, message, st.integers(0, 1), json_value) | json_value
    statuses = st.sampled_from([None, 200, 400, 418, 429, 503])
    return st.lists(st.tuples(statuses, bodies), min_size=50, max_size=50)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_runtime_classifies_made_up_responses_as_the_reference(
    language: str, conformance: Conformance, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Hypothesis makes responses; the reference classifier answers them; each language's
    conformance harness must give the same answers, through classify and classify_text."""
    from hypothesis import HealthCheck, given, settings

    from codegen.classify import Classifier

    classifier = Classifier(_features())
    (vectors,) = load_vectors(TREES["features"] / "vectors")

    @settings(
        max_examples=3,
        deadline=None,
        derandomize=os.environ.get("CI") == "true",
        suppress_health_check=list(HealthCheck),
    )
    @given(_responses())
    def agree(responses: list[tuple[int | None, object]]) -> None:
        cases = []
        for status, body in responses:
            for kind, value in (("body", body), ("text", json.dumps(body))):
                result = (
                    classifier.classify(status, body)
                    if kind == "body"
                    else classifier.classify_text(status, str(value))
                )
                want = None
                if result is not None:
                    want = {"code": result.code, "how": result.how, "params": dict(result.params)}
                cases.append({"status": status, kind: value, "want": want})
        directory = tmp_path_factory.mktemp("made-up")
        made_up = {**vectors, "classify": cases}
        (directory / "features.json").write_text(json.dumps(made_up, ensure_ascii=False), "utf-8")
        succeeds(conformance(language, "features", directory))

    agree()
