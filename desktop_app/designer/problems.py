"""What validation reports: one `Problem` per thing to fix, pointing at where to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    """Errors block deploying; warnings are shown but do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """A finding, located precisely enough for the editor to jump to it.

    `field` names the node field at fault (`"body"`, `"title"`,
    `"parameters[1].name"`, `"inputs.items"` for a port, ...). `line` and
    `column` are 1-based and count in the text *as the person typed it*
    (the code body or expression), not in the generated module. `node_id`
    is None for problems of the design itself (its name, say).
    """

    node_id: str | None
    field: str | None
    line: int | None
    column: int | None
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form (for `flowdesk design validate --json`)."""
        return {
            "node_id": self.node_id,
            "field": self.field,
            "line": self.line,
            "column": self.column,
            "message": self.message,
            "severity": self.severity.value,
        }


def error(node_id: str | None, field: str | None, message: str, line: int | None = None,
          column: int | None = None) -> Problem:
    return Problem(node_id, field, line, column, message, Severity.ERROR)


def warning(node_id: str | None, field: str | None, message: str, line: int | None = None,
            column: int | None = None) -> Problem:
    return Problem(node_id, field, line, column, message, Severity.WARNING)
