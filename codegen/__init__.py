"""codegen: compile error-code catalogues into Python, TypeScript, Go and Rust."""

__version__ = "0.1.0"
"""The version of codegen, as pyproject.toml's ``[project] version`` gives it (a test holds
the two, and the installed distribution's, equal): written here rather than read from the
installed metadata, whose import alone costs more than the rest of ``codegen --version``."""
