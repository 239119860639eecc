"""Artifacts for every front end: reading them, and turning their data into something to show.

Prefect stores an artifact's data as its creator sent it: markdown text, a
table serialised to JSON (a list of rows as dicts, a dict of columns as
lists, or a list of lists), a number for progress, a URL for an image. A
flow can send anything, so each shape is checked here and a malformed one
becomes a sentence (`Shown.problem`) instead of an exception in a view.
Links are checked here too: only web and mail addresses are opened; a
`file:` or `javascript:` link in a flow's markdown is shown, never followed.
No Qt, no Prefect: the window and the CLI both use it, and it is tested fast.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import islice, zip_longest
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from desktop_app.core.api.artifact_models import ArtifactInfo
from desktop_app.i18n import tr_core

if TYPE_CHECKING:
    from desktop_app.core.api.client import FlowdeskClient

MAX_MARKDOWN_CHARS = 100_000
"""Beyond this the text is cut (and the view says so): Qt lays out 100,000
characters of markdown in ~0.25 s here (a 2.8 MB artifact cut to this,
measured offscreen); the whole 2.8 MB would freeze the window for seconds."""
MAX_TABLE_ROWS = 10_000
MAX_TABLE_COLUMNS = 200
OPEN_SCHEMES = frozenset({"http", "https", "mailto"})
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total_rows: int

    @property
    def cut(self) -> bool:
        return self.total_rows > len(self.rows)


@dataclass(frozen=True)
class Shown:
    """What a view shows for one artifact: one of markdown/table/progress, or a problem."""

    kind: str  # "markdown" | "table" | "progress" | "problem"
    markdown: str = ""
    table: Table | None = None
    progress: float | None = None
    problem: str = ""
    note: str = ""
    raw: str = ""
    """The data as text, for "show the data" next to a problem."""


class BadTable(ValueError):
    """Table data in a shape Prefect's table artifacts do not have (the message says which)."""


# -- reading ---------------------------------------------------------------------------


def is_result_record(artifact: ArtifactInfo) -> bool:
    """Prefect's own bookkeeping for a persisted result (no type, data = where it is stored).

    Prefect writes one for a flow run whose result is persisted; its UI does
    not list them as artifacts and neither do we (the Result tab shows the result).
    """
    data = artifact.data
    return (
        artifact.type in ("", "result")
        and isinstance(data, dict)
        and "storage_key" in data
        and "serializer" in data
    )


async def run_artifacts(client: FlowdeskClient, run_id: str) -> list[ArtifactInfo]:
    """The run's artifacts and its task runs', oldest first."""
    return [a for a in await client.run_artifacts(run_id) if not is_result_record(a)]


async def latest_artifacts(
    client: FlowdeskClient, *, flow_id: str | None = None, deployment_id: str | None = None
) -> list[ArtifactInfo]:
    """The latest artifact of each key made by this flow's (or deployment's) runs."""
    found = await client.latest_artifacts(flow_id=flow_id, deployment_id=deployment_id)
    return [a for a in found if not is_result_record(a)]


# -- shapes ----------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _loaded(data: Any) -> Any:
    """Table data as Python: Prefect sends it as a JSON string."""
    if isinstance(data, str):
        try:
            return json.loads(data)
        except ValueError as exc:
            raise BadTable(
                tr_core("The table data is not valid JSON ({error}).").format(error=exc)
            ) from None
    return data


def parse_table(data: Any, max_rows: int = MAX_TABLE_ROWS) -> Table:
    """Rows and columns from any of Prefect's three table shapes; `BadTable` in words otherwise."""
    data = _loaded(data)
    if isinstance(data, dict):
        columns = [str(k) for k in data]
        values = list(data.values())
        bad = [columns[i] for i, v in enumerate(values) if not isinstance(v, list)]
        if bad:
            raise BadTable(
                tr_core(
                    "The table is a dict of columns, but column '{column}' is not a list of values."
                ).format(column=bad[0])
            )
        total = max((len(v) for v in values), default=0)
        rows = [
            tuple(_cell(c) for c in row)
            for row in islice(zip_longest(*values, fillvalue=None), max_rows)
        ]
    elif isinstance(data, list):
        total = len(data)
        if all(isinstance(r, dict) for r in data):
            columns = []
            for row in data:
                columns += [str(k) for k in row if str(k) not in columns]
                if len(columns) > MAX_TABLE_COLUMNS:
                    break
            rows = [
                tuple(_cell({str(k): v for k, v in r.items()}.get(c)) for c in columns)
                for r in data[:max_rows]
            ]
        elif all(isinstance(r, list) for r in data):
            width = max((len(r) for r in data), default=0)
            columns = [str(i + 1) for i in range(width)]
            rows = [tuple(_cell(c) for c in r) + ("",) * (width - len(r)) for r in data[:max_rows]]
        else:
            kinds = sorted({type(r).__name__ for r in data})
            raise BadTable(
                tr_core(
                    "The table's rows must all be dicts or all be lists; this one mixes {kinds}."
                ).format(kinds=", ".join(kinds))
            )
    else:
        raise BadTable(
            tr_core(
                "The table data is a {kind}; a table is a list of rows or a dict of columns."
            ).format(kind=type(data).__name__)
        )
    if len(columns) > MAX_TABLE_COLUMNS:
        columns = columns[:MAX_TABLE_COLUMNS]
        rows = [r[:MAX_TABLE_COLUMNS] for r in rows]
    return Table(columns=tuple(columns), rows=tuple(rows), total_rows=total)


def _raw_text(data: Any, limit: int = 2000) -> str:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[:limit] + "…"


def progress_value(data: Any) -> float:
    """A progress artifact's percentage (0–100); ValueError in words when not a number."""
    if isinstance(data, bool):
        raise ValueError(tr_core("The progress is not a number."))
    try:
        value = float(data)
    except (TypeError, ValueError):
        raise ValueError(tr_core("The progress is not a number.")) from None
    if value != value:  # NaN
        raise ValueError(tr_core("The progress is not a number."))
    return value


def shown(artifact: ArtifactInfo) -> Shown:
    """How to show `artifact`; never raises on bad data."""
    data = artifact.data
    kind = artifact.type
    if kind == "table":
        try:
            table = parse_table(data)
        except BadTable as exc:
            return Shown("problem", problem=str(exc), raw=_raw_text(data))
        note = ""
        if table.cut:
            note = tr_core("Showing the first {shown} of {total} rows.").format(
                shown=len(table.rows), total=table.total_rows
            )
        return Shown("table", table=table, note=note)
    if kind == "progress":
        try:
            value = progress_value(data)
        except ValueError as exc:
            return Shown("problem", problem=str(exc), raw=_raw_text(data))
        clamped = min(100.0, max(0.0, value))
        note = (
            ""
            if clamped == value
            else tr_core("The flow reported {value}%; shown as {shown}%.").format(
                value=f"{value:g}", shown=f"{clamped:g}"
            )
        )
        return Shown("progress", progress=clamped, note=note)
    if kind == "image" and isinstance(data, str):
        return Shown("markdown", markdown=f"[{data}]({data})")
    if kind == "markdown" or isinstance(data, str):
        text = data if isinstance(data, str) else _cell(data)
        note = ""
        if len(text) > MAX_MARKDOWN_CHARS:
            note = tr_core(
                "This artifact holds {total} characters; the first {shown} are shown."
            ).format(total=f"{len(text):,}", shown=f"{MAX_MARKDOWN_CHARS:,}")
            text = text[:MAX_MARKDOWN_CHARS]
        return Shown("markdown", markdown=text, note=note)
    # "result" and kinds we do not know: the data as JSON, readable and honest.
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    if len(text) > MAX_MARKDOWN_CHARS:
        text = text[:MAX_MARKDOWN_CHARS]
    return Shown("markdown", markdown=f"```\n{text}\n```")


# -- links -----------------------------------------------------------------------------


def link_refusal(url: str) -> str | None:
    """None when `url` may be opened in the browser; otherwise why it is not opened."""
    scheme = urlsplit(url.strip()).scheme.lower()
    if scheme in OPEN_SCHEMES:
        return None
    if not scheme:
        return tr_core(
            "“{url}” is not a full web address (no http:// or https://), so it was not opened."
        ).format(url=url)
    return tr_core(
        "Not opened: “{url}” is a {scheme}: link. Flowdesk opens only web and mail links from "
        "a flow's artifacts, since others can open local files or run code. Copy it if you "
        "trust it."
    ).format(url=url, scheme=scheme)


# -- one line, for lists and the CLI -------------------------------------------------


def one_line(artifact: ArtifactInfo, width: int = 60) -> str:
    """A short description: the artifact's own description, else what its data holds."""
    text = (artifact.description or "").strip().splitlines()
    if text:
        line = text[0].lstrip("# ").strip()
    else:
        view = shown(artifact)
        if view.kind == "table" and view.table is not None:
            line = tr_core("{rows} rows × {columns} columns").format(
                rows=view.table.total_rows, columns=len(view.table.columns)
            )
        elif view.kind == "progress":
            line = f"{view.progress:g}%"
        elif view.kind == "problem":
            line = view.problem
        else:
            lines = [s.strip() for s in view.markdown.splitlines() if s.strip()]
            line = lines[0].lstrip("# ").strip() if lines else ""
            line = _MARKDOWN_LINK.sub(lambda m: m.group(1), line)  # a link: its text
    return line if len(line) <= width else line[: width - 1] + "…"
