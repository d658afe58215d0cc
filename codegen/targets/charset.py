"""Which characters every target writes as escapes rather than as themselves.

Generated source stays printable and unambiguous: control characters, line and paragraph
separators, format characters (bidirectional overrides among them: "Trojan Source"),
surrogates, private-use and unassigned code points, and spaces other than U+0020 are all
escaped in string literals, and replaced by their escape in comments.
"""

from __future__ import annotations

from collections.abc import Callable


def must_escape(char: str) -> bool:
    # str.isprintable is False exactly for the categories Cc, Cf, Cs, Co, Cn, Zl, Zp and
    # Zs other than U+0020: the set above, answered in C.
    return not char.isprintable()


def comment_text(text: str, escape: Callable[[str], str], forbidden: tuple[str, ...] = ()) -> str:
    """``text`` made safe to sit on one comment line: escapes instead of invisible characters.

    ``forbidden`` lists sequences that would end the comment (``*/``) or that a formatter
    rewrites (gofmt makes ``''`` a curly quote); a backslash goes between their characters
    until none is left (three quotes hold two pairs). Surrounding blanks are dropped, as
    every formatter drops trailing ones; a text of nothing but blanks is shown escaped.
    """
    shown = text.strip()
    if not shown:
        return "".join(escape(c) for c in text)
    if shown.isprintable():
        out = shown  # nothing to escape: the common case, kept fast
    else:
        out = "".join(escape(c) if must_escape(c) else c for c in shown)
    for sequence in forbidden:
        while sequence in out:
            out = out.replace(sequence, sequence[0] + "\\" + sequence[1:])
    return out


_SIMPLE_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def quoted(text: str, quote: str, escape: Callable[[str], str]) -> str:
    """``text`` as a string literal between ``quote`` characters: backslash, the quote and
    line ends escaped as in C, every other character that must_escape by ``escape``."""
    if text.isprintable() and "\\" not in text and quote not in text:
        return quote + text + quote  # nothing to escape: the common case, kept fast
    out = [quote]
    for char in text:
        if char in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[char])
        elif char == quote:
            out.append("\\" + char)
        elif must_escape(char):
            out.append(escape(char))
        else:
            out.append(char)
    out.append(quote)
    return "".join(out)


def preferred_quote(text: str) -> str:
    """Double quotes unless single ones need fewer escapes: what black and prettier choose."""
    return "'" if text.count('"') > text.count("'") else '"'


class Memo(dict[str, str]):
    """``function`` remembered by argument: ``memo[text]`` is ``function(text)``, worked out
    once. For text that repeats across a catalogue (language tags, categories, names), so
    that its escape is made once rather than once an entry."""

    def __init__(self, function: Callable[[str], str]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, key: str) -> str:
        value = self[key] = self.function(key)
        return value
