"""Input checks: clear errors for text we cannot check, findings for text we can.

Empty, oversized and binary input is refused with a message that names the problem.
Stray control characters, other scripts and markup are checked anyway, each reported as
an ``input`` finding with its offsets, so nothing the user wrote is silently dropped.
"""

from __future__ import annotations

import re
import unicodedata

from drafting.report import Finding

MAX_CHARS = 20_000


class InputError(ValueError):
    """Text that cannot be checked. ``code`` is stable for programs; ``str()`` is for people."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_MARKUP = re.compile(r"<\s*/?\s*(script|img|iframe|a|div|span|p|b|i|style|svg|html|body|br|"
                     r"object|embed|form|input|link|meta)\b[^>]*>|\[[^\]]*\]\([^)]*\)",
                     re.IGNORECASE)


def validate(text: object, *, max_chars: int = MAX_CHARS) -> str:
    """Return the text unchanged if it can be checked; raise InputError if not."""
    if not isinstance(text, str):
        raise InputError("not_text", f"Expected text, got {type(text).__name__}.")
    if not text.strip():
        raise InputError("empty", "The text is empty: there is nothing to check.")
    if len(text) > max_chars:
        raise InputError(
            "too_long",
            f"The text is {len(text):,} characters long; one statement is checked up to "
            f"{max_chars:,}. Split it into separate statements, or check case notes in bulk.",
        )
    if "\x00" in text or len(_CONTROL.findall(text)) > max(8, len(text) // 20):
        raise InputError(
            "binary",
            "The text contains binary data (NUL or many control characters): is this the "
            "right file?",
        )
    return text


def _script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return ""
    return name.split(" ", 1)[0]


def input_findings(text: str) -> list[Finding]:
    """Control characters, other scripts and markup: checked as text, but worth knowing."""
    out: list[Finding] = []
    for m in _CONTROL.finditer(text):
        out.append(Finding(
            rule_id="input.control_character",
            category="input",
            severity="warning",
            start=m.start(),
            end=m.end(),
            text=m.group(0),
            message=f"An invisible control character (U+{ord(m.group(0)):04X}), often pasted "
                    "from another program.",
            replacements=("",),
            fix="Delete it.",
        ))
    run_start = None
    run_script = ""
    # Latin script only (the usual case) has no run to find: skip the per-character pass
    others = bool(text) and max(text) > "\u024f"
    for i, ch in enumerate(text + " " if others else ""):
        script = _script(ch) if ch.isalpha() and ord(ch) > 0x24F else ""
        if script and run_start is None:
            run_start, run_script = i, script
        elif run_start is not None and not script and not (ch.isspace() and
                                                          i + 1 < len(text) and
                                                          _script(text[i + 1]) == run_script):
            out.append(Finding(
                rule_id="input.other_script",
                category="input",
                severity="suggestion",
                start=run_start,
                end=i,
                text=text[run_start:i],
                message=f"Text in another script ({run_script.title()}): the checker reads "
                        "English and does not check this part.",
                fix="If the family's own words are quoted, keep them and add an English "
                    "version beside them.",
            ))
            run_start = None
    for m in _MARKUP.finditer(text):
        out.append(Finding(
            rule_id="input.markup",
            category="input",
            severity="suggestion",
            start=m.start(),
            end=m.end(),
            text=m.group(0),
            message="This looks like HTML or a link; it is treated as plain text and never run.",
            fix="Remove it if it was pasted by mistake.",
        ))
    return out
