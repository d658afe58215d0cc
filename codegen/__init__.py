"""codegen: compile error-code catalogues into Python, TypeScript and Go."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("errcodes-codegen")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"
