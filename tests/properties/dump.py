"""Print, as JSON, everything the generated Python modules say about every code.

Usage: dump.py OUT_PYTHON PACKAGE SPEC_JSON, where SPEC_JSON maps each platform to
{"class": its enum class, "languages": the language tags to ask for}.
"""

from __future__ import annotations

import importlib
import json
import sys
from typing import Any


def main() -> None:
    directory, package, spec = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    sys.path.insert(0, directory)
    aggregate = importlib.import_module(package)
    out: dict[str, Any] = {}
    for platform, wanted in spec.items():
        module = importlib.import_module(f"{package}.{platform}")
        enum = getattr(module, wanted["class"])
        assert getattr(aggregate, wanted["class"]) is enum
        entries = []
        for member in enum:
            assert enum.lookup(member.value) is member
            deprecated = member.deprecated
            entries.append(
                {
                    "code": member.value if isinstance(member.value, int) else str(member.value),
                    "name": member.name,
                    "message": member.message,
                    "messages": dict(member.messages),
                    "message_in": {lang: member.message_in(lang) for lang in wanted["languages"]},
                    "solution": member.solution,
                    "solution_in": {lang: member.solution_in(lang) for lang in wanted["languages"]},
                    "category": member.category,
                    "http_status": member.http_status,
                    "retryable": member.retryable,
                    "deprecated": (
                        None
                        if deprecated is None
                        else {"reason": deprecated.reason, "replaced_by": deprecated.replaced_by}
                    ),
                }
            )
        out[platform] = {
            "entries": entries,
            "aliases": {
                alias: member.name
                for alias, member in enum.__members__.items()
                if alias != member.name
            },
            "docs": [module.__doc__, enum.__doc__],
        }
    # ASCII JSON: the pipe's encoding cannot change a character.
    print(json.dumps(out))


main()
