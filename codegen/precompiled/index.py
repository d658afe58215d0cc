"""What each module of codegen.precompiled was compiled from, and by what: a module is
used only while all of it still holds (see codegen.precompiled). Do not edit."""

JINJA2 = "3.1.6"
"""The version of Jinja2 that compiled the templates."""
ENVIRONMENTS: dict[str, str] = {
    "docs": "1b329bf7952c1d31854fcc21574f49256cde1c3d49f806fc6948675afd7a6708",
    "go": "61b81e72f9885d2fe8a5653ca162f12ad89e2cf0ea2600ec50fa1ea8e0872cf4",
    "python": "81821647bf1f8908d8af3ca3918f9d1767c54cc532d626765061542b5242b899",
    "report": "1f3dbb5cdb4c29c9e30dc83401cd3de10fb1f05a44beb925ee0fae705f00d3d5",
    "rust": "8ab71901e07573db5e447deb12bc66aedbb44d8cbec8689cde641b481cca5e88",
    "typescript": "8680cca5ccd5b6cbead67275caa733bd62e2dd655b17c24433d344e0ecf3b1cd",
}
"""Each target's environment as Jinja2's compiler sees it (codegen.render.compiler_digest)."""
TEMPLATES: dict[str, str] = {
    "docs/README.md.j2": "d3bd26ba93ab7a5fbe39e3c0d482f74f824202599aafcca45d435d08daa64525",
    "docs/index.html.j2": "aa1f54cea87e118e866ac8ba19a0b117148ee29d102d03b4cd730178d8acd382",
    "docs/page-end.html.j2": "58e39ef1cc567bc96cfdff8450e81d5d9e510b91bf01263b7f6a7f43c18cbea3",
    "docs/page-start.html.j2": "d9ded033e83bc65c77459c0bde3fd9c9c1aafbfd782db2fa68649a998382515f",
    "docs/platform.html.j2": "a493ee06ff008b2d766ae84ecf17867787c51ccf8e556715a61c187b47d013c6",
    "docs/platform.md.j2": "a4ba5f9ff14cfdb51581c1429094cb0001f2352081e423a3b235a2cd143b7df9",
    "docs/search.js.j2": "bf4dbcf06848ef007ce4839aa866aaac948e230ef49060bb742dd57260bb2e25",
    "docs/site.css.j2": "bf2ddfff948599d67af721e4398ea28e563aee79f9e75f79a3f5702bd9f53f9e",
    "go/go.mod.j2": "e5977f2558a037e22e6d5e3f664997b6d0cb9ad7a555e97e8e9128d43efc4cb4",
    "go/package.go.j2": "216613ad3c21761fe1113a6029fe34bb56b74f38d8a7f63e7305131004c0228b",
    "python/__init__.py.j2": "bfca71cc09b07d66241217d5720f91760722461cacf84eea5055bb791ba0464a",
    "python/_support.py.j2": "ce02f26b44118eaf4b7139f0a954a44dd7be99ffd0dc4ff88b1c9fdbf3664563",
    "python/module.py.j2": "166e6dae82bb406b563c1b1a458c75bcc16878c523140b878866786fa5450a21",
    "python/pyproject.toml.j2": "aafb61712ddfb7f53382281bb1a0247f1db3cf4b48e9e58539105053c864b548",
    "report/shared_codes.md.j2": "c3dff557ccc78d6ccabd4629a215f7a42f2b242fcc06410f80e89bee23e19043",
    "rust/Cargo.toml.j2": "39e390d1c39cd06670adceb39f80c7cbdd872e36206c4acbec41ce97414eb99d",
    "rust/lib.rs.j2": "1286e58a11a6b27ad378d6c0ff33a43e1ad28fc8b034f397051b42718dfeadcf",
    "rust/module.rs.j2": "bfc68200c0552b49e3b5a5efa739522e3f1fde57daf8893b98ebbde5a06c3a88",
    "rust/support.rs.j2": "836e4aba007a81af9c351453c921394bd2dddaac375e640a8460891c0f803355",
    "typescript/common.d.ts.j2": "9d6f27eaf5c78c8291cadc2c64dad42e98cc6901934c86f5939696c6a7e92a1e",
    "typescript/common.js.j2": "656c0f79eebb7a4699588a59027ee3c7fe7eab85aa08bd384ece1ac68a2c9780",
    "typescript/index.d.ts.j2": "43234d58b5c64ab10b4e6497da943c39c4928cef20b984c1e4e3ec8483a1fe4f",
    "typescript/index.js.j2": "e7a972dc64664fdfb8ca30d99c1cc6a5cde81b8469f578e518cbbf6e3e415572",
    "typescript/module.d.ts.j2": "cb6cda187a573a4a0effb79cd3e2c8c5ceb1adfd0494cece5d4190e64875f05f",
    "typescript/module.js.j2": "dd637315c87ef6ece164a85f56d7fc1fa48fa7af770d2daa068fc8a981742ef1",
}
"""The sha256 of each template's text, by its path."""
MODULES: dict[str, str] = {
    "docs/README.md.j2": "docs__README_md_j2",
    "docs/index.html.j2": "docs__index_html_j2",
    "docs/page-end.html.j2": "docs__page_end_html_j2",
    "docs/page-start.html.j2": "docs__page_start_html_j2",
    "docs/platform.html.j2": "docs__platform_html_j2",
    "docs/platform.md.j2": "docs__platform_md_j2",
    "docs/search.js.j2": "docs__search_js_j2",
    "docs/site.css.j2": "docs__site_css_j2",
    "go/go.mod.j2": "go__go_mod_j2",
    "go/package.go.j2": "go__package_go_j2",
    "python/__init__.py.j2": "python____init___py_j2",
    "python/_support.py.j2": "python___support_py_j2",
    "python/module.py.j2": "python__module_py_j2",
    "python/pyproject.toml.j2": "python__pyproject_toml_j2",
    "report/shared_codes.md.j2": "report__shared_codes_md_j2",
    "rust/Cargo.toml.j2": "rust__Cargo_toml_j2",
    "rust/lib.rs.j2": "rust__lib_rs_j2",
    "rust/module.rs.j2": "rust__module_rs_j2",
    "rust/support.rs.j2": "rust__support_rs_j2",
    "typescript/common.d.ts.j2": "typescript__common_d_ts_j2",
    "typescript/common.js.j2": "typescript__common_js_j2",
    "typescript/index.d.ts.j2": "typescript__index_d_ts_j2",
    "typescript/index.js.j2": "typescript__index_js_j2",
    "typescript/module.d.ts.j2": "typescript__module_d_ts_j2",
    "typescript/module.js.j2": "typescript__module_js_j2",
}
"""The module of each template."""

FASTJSONSCHEMA = "2.22.3"
"""The version of fastjsonschema that compiled the validator."""
SCHEMA = "887134d17b3d5791ef938bd3ea05babb4ddb0fd7076cc04e4fa30836ea045db9"
"""The sha256 of the schema it was compiled from (codegen.validate.schema_digest)."""
VALIDATOR_MODULE = "catalog_schema"
VALIDATOR = "validate_https___example_com_errcodes_schema_catalog_v1_json"
"""The validating function of that module."""
# Generated by python -m codegen.precompile: do not edit.
