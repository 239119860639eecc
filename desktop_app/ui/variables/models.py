"""Variables and concurrency limits as tables (pure presentation; the views read)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from desktop_app.core.api.limits_models import DEPLOYMENT_PREFIX, GlobalLimitInfo, TagLimitInfo
from desktop_app.core.api.variables import VariableInfo
from desktop_app.ui.style import state_color
from desktop_app.ui.table_model import ALIGN_RIGHT, ListTableModel, TableColumn

VALUE_WIDTH = 80
translate = QCoreApplication.translate


def _tr(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("VariablesLimits", …) elsewhere."""
    return translate("VariablesLimits", text)


def _when(value: Any) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else "—"


def value_text(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= VALUE_WIDTH else text[: VALUE_WIDTH - 1] + "…"


VARIABLE_COLUMNS = (
    TableColumn(QT_TRANSLATE_NOOP("VariablesLimits", "Name"), lambda v: v.name),
    TableColumn(
        QT_TRANSLATE_NOOP("VariablesLimits", "Value (JSON)"),
        lambda v: value_text(v.value),
        tooltip=lambda v: json.dumps(v.value, ensure_ascii=False, indent=2)[:2000],
    ),
    TableColumn(QT_TRANSLATE_NOOP("VariablesLimits", "Tags"), lambda v: ", ".join(v.tags)),
    TableColumn(QT_TRANSLATE_NOOP("VariablesLimits", "Updated"), lambda v: _when(v.updated)),
)
V_NAME, V_VALUE, V_TAGS, V_UPDATED = range(len(VARIABLE_COLUMNS))


class VariablesModel(ListTableModel):
    context = "VariablesLimits"
    columns = VARIABLE_COLUMNS

    def arrange(self, items: list[VariableInfo]) -> list[VariableInfo]:
        return sorted(items, key=lambda v: v.name)


@dataclass(frozen=True)
class LimitRow:
    """One line of the limits table: a global limit or a tag limit."""

    kind: str  # "global", "deployment" or "tag"
    name: str
    limit: int
    used: int
    active: bool
    decay: float | None
    label: str = ""
    """What the table shows when not the name (a deployment's limit: its deployment)."""

    @property
    def full(self) -> bool:
        return self.active and self.used >= self.limit


def limit_rows(
    globals_: list[GlobalLimitInfo],
    tags: list[TagLimitInfo],
    deployment_names: dict[str, str] | None = None,
) -> list[LimitRow]:
    """Table rows; `deployment_names` (id → "flow/deployment") names deployment limits."""
    names = deployment_names or {}
    rows = [
        LimitRow(
            g.kind,
            g.name,
            g.limit,
            g.active_slots,
            g.active,
            g.slot_decay_per_second,
            names.get(g.name.removeprefix(DEPLOYMENT_PREFIX), "") if g.kind == "deployment" else "",
        )
        for g in globals_
    ]
    rows += [LimitRow("tag", t.tag, t.limit, t.used, True, None) for t in tags]
    return rows


KIND_NAMES = {
    "global": QT_TRANSLATE_NOOP("VariablesLimits", "Global"),
    "deployment": QT_TRANSLATE_NOOP("VariablesLimits", "Deployment"),
    "tag": QT_TRANSLATE_NOOP("VariablesLimits", "Tag"),
}


def _in_use(row: LimitRow) -> str:
    return translate("VariablesLimits", "{used} of {limit}").format(used=row.used, limit=row.limit)


def _in_use_color(row: LimitRow) -> QColor | None:
    return QColor(state_color("SCHEDULED")) if row.full else None


def _in_use_tip(row: LimitRow) -> str | None:
    if row.full:
        return translate(
            "VariablesLimits", "Every slot is taken: the next run that asks waits for one."
        )
    return None


LIMIT_COLUMNS = (
    TableColumn(
        QT_TRANSLATE_NOOP("VariablesLimits", "Name or tag"),
        lambda r: r.label or r.name,
        tooltip=lambda r: r.name if r.label else None,
    ),
    TableColumn(QT_TRANSLATE_NOOP("VariablesLimits", "Kind"), lambda r: _tr(KIND_NAMES[r.kind])),
    TableColumn(
        QT_TRANSLATE_NOOP("VariablesLimits", "Slots in use"),
        _in_use,
        foreground=_in_use_color,
        tooltip=_in_use_tip,
        sort=lambda r: (r.used, r.limit),
    ),
    TableColumn(
        QT_TRANSLATE_NOOP("VariablesLimits", "Enforced"),
        lambda r: (
            translate("VariablesLimits", "yes") if r.active else translate("VariablesLimits", "no")
        ),
    ),
    TableColumn(
        QT_TRANSLATE_NOOP("VariablesLimits", "Decay / s"),
        lambda r: "—" if r.decay is None else f"{r.decay:g}",
        alignment=ALIGN_RIGHT,
    ),
)
L_NAME, L_KIND, L_USED, L_ACTIVE, L_DECAY = range(len(LIMIT_COLUMNS))


class LimitsModel(ListTableModel):
    context = "VariablesLimits"
    columns = LIMIT_COLUMNS

    def row_of(self, name: str, kind: str | None = None) -> int | None:
        """A global limit and a tag limit may share a name: `kind` tells them apart."""
        return next(
            (i for i, r in enumerate(self.items) if r.name == name and kind in (None, r.kind)),
            None,
        )
