"""Naming helpers every target shares. Each language's own rules (identifiers, module and
package names, reserved words) live in its target module (``codegen.targets.<language>``),
as part of its ``Naming``.

Catalogue names are UPPER_SNAKE (``INVALID_API_KEY``); platform names are snake_case
(``okx_dex_ws``).
"""

from __future__ import annotations


def words(name: str) -> list[str]:
    """``INVALID_API_KEY`` -> ``['INVALID', 'API', 'KEY']``; also splits snake_case platforms."""
    return [w for w in name.split("_") if w]


def pascal(name: str) -> str:
    """``okx_dex_ws`` -> ``OkxDexWs``: plain capitalisation, for type-name prefixes."""
    return "".join(w[:1].upper() + w[1:].lower() for w in words(name))
