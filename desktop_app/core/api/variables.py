"""Prefect variables: read, create, update, delete (part of the client facade).

`FlowdeskClient` inherits `Variables`. Values are checked by
`desktop_app.services.variables` before anything is sent; here they travel
as already-parsed JSON. Prefect's own `VariableCreate`/`VariableUpdate`
validate them again on the way out, so a rule we missed is still refused
in words (`translate`), never half-saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop_app.core.api.api_errors import not_found
from desktop_app.core.api.errors import FlowdeskError
from desktop_app.core.api.facade_part import FacadePart, all_pages
from desktop_app.i18n import tr_core

VARIABLES_PAGE = 200
"""Variables read per request (the server's largest page)."""


@dataclass(frozen=True)
class VariableInfo:
    """One Prefect variable, as our front ends see it."""

    name: str
    value: Any
    tags: list[str] = field(default_factory=list)
    created: datetime | None = None
    updated: datetime | None = None


def _info(raw: Any) -> VariableInfo:
    return VariableInfo(
        name=raw.name,
        value=raw.value,
        tags=list(raw.tags or []),
        created=raw.created,
        updated=raw.updated,
    )


class Variables(FacadePart):
    """Variable operations on top of the facade's `_prefect` and `_call`."""

    async def variables(self) -> list[VariableInfo]:
        """Every variable, sorted by name (paged: the server answers at most 200 at once)."""
        found = await all_pages(
            lambda offset: self._call(self._variables_page(offset), tr_core("Variables")),
            VARIABLES_PAGE,
        )
        return sorted(found, key=lambda v: v.name)

    async def _variables_page(self, offset: int) -> list[VariableInfo]:
        from prefect.client.schemas.objects import Variable

        response = await self._prefect._client.post(
            "/variables/filter",
            json={"limit": VARIABLES_PAGE, "offset": offset, "sort": "NAME_ASC"},
        )
        response.raise_for_status()
        return [_info(Variable.model_validate(item)) for item in response.json()]

    async def read_variable(self, name: str) -> VariableInfo | None:
        """The variable called `name`, or None when there is none."""
        raw = await self._call(self._prefect.read_variable_by_name(name), _what(name))
        return None if raw is None else _info(raw)

    async def create_variable(self, name: str, value: Any, tags: list[str]) -> VariableInfo:
        from prefect.client.schemas.actions import VariableCreate

        try:
            action = VariableCreate(name=name, value=value, tags=tags)
        except ValueError as exc:
            raise FlowdeskError(_first_error(exc)) from None
        raw = await self._call(self._prefect.create_variable(action), _what(name))
        return _info(raw)

    async def update_variable(self, name: str, value: Any, tags: list[str]) -> VariableInfo:
        """Replace the value and tags of an existing variable (NotFound when it is gone)."""
        from prefect.client.schemas.actions import VariableUpdate

        try:
            action = VariableUpdate(name=name, value=value, tags=tags)
        except ValueError as exc:
            raise FlowdeskError(_first_error(exc)) from None
        await self._call(self._prefect.update_variable(action), _what(name))
        found = await self.read_variable(name)
        if found is None:
            raise not_found(_what(name))
        return found

    async def delete_variable(self, name: str) -> None:
        await self._call(self._prefect.delete_variable_by_name(name), _what(name))


def _what(name: str) -> str:
    return tr_core("Variable '{name}'").format(name=name)


def _first_error(exc: ValueError) -> str:
    """A pydantic refusal as one line: its first message, without the model's internals."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        try:
            first = errors()[0]
            return str(first.get("msg", exc)).removeprefix("Value error, ")
        except (IndexError, TypeError, AttributeError):
            pass
    return str(exc).splitlines()[0]
