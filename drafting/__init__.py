"""drafting: an offline checker for child-protection statements.

    >>> from drafting import check
    >>> report = check("Nan is worried that Dad hits Amy when he drinks.", kind="danger")
    >>> report.to_dict()["criteria"]["worried_person_attribution"]["passed"]
    True

Heavy modules (spaCy, the rules) load on first use, not on import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["check", "check_many", "InputError", "Report", "KINDS", "__version__"]

if TYPE_CHECKING:
    from drafting.engine import check, check_many
    from drafting.kinds import KINDS
    from drafting.report import Report
    from drafting.textinput import InputError


def __getattr__(name: str) -> Any:
    if name in ("check", "check_many"):
        from drafting import engine

        return getattr(engine, name)
    if name == "InputError":
        from drafting.textinput import InputError

        return InputError
    if name == "Report":
        from drafting.report import Report

        return Report
    if name == "KINDS":
        from drafting.kinds import KINDS

        return KINDS
    raise AttributeError(name)
