"""Print, as JSON, what the generated Python modules say about every code.

Usage: dump_python.py OUT_PYTHON PACKAGE SPEC_JSON, where SPEC_JSON maps each platform to
{"class": enum class name, "unknown": a code the catalogue does not define}.
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
                    "message_in": {lang: member.message_in(lang) for lang in ("en", "zh", "xx")},
                    "solution": member.solution,
                    "solutions": {lang: member.solution_in(lang) for lang in ("en", "zh")},
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
        out[platform] = {"entries": entries, "unknown": enum.lookup(wanted["unknown"])}
    print(json.dumps(out, ensure_ascii=False))


main()
