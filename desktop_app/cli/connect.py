"""Which server the CLI talks to: an explicit one from the environment, else the managed one."""

from __future__ import annotations

import argparse
import asyncio
import os
from collections.abc import Awaitable, Callable

from desktop_app.core.api.connection import Connection


def current_connection() -> Connection | None:
    url = os.environ.get("FLOWDESK_API_URL")
    if url:
        return Connection(
            api_url=url,
            auth_string=os.environ.get("FLOWDESK_API_AUTH_STRING") or None,
            api_key=os.environ.get("FLOWDESK_API_KEY") or None,
            kind="remote",
            managed=False,
        )
    from desktop_app.core.supervision.server import ServerError, ServerManager

    try:
        return ServerManager().attached_connection()
    except ServerError as exc:  # e.g. its auth string file is gone: say so, create nothing
        from desktop_app.cli.output import error

        error(str(exc))
        raise SystemExit(1) from None


def with_client(args: argparse.Namespace, command: Callable[..., Awaitable[int]]) -> int:
    """Run `command(client, args)` on the current server: 0/1 from it, 1 for a refusal,
    2 for bad input (a usage error), each said in one line."""
    from desktop_app.cli.output import error
    from desktop_app.core.api.errors import FlowdeskError
    from desktop_app.i18n import _
    from desktop_app.services.variables import BadInput

    conn = current_connection()
    if conn is None:
        error(
            _(
                "no Flowdesk server is running; start it with 'flowdesk server start' "
                "or open the app"
            )
        )
        return 1

    async def go() -> int:
        from desktop_app.core.api.client import FlowdeskClient

        async with FlowdeskClient(conn) as client:
            return await command(client, args)

    try:
        return asyncio.run(go())
    except BadInput as exc:
        error(str(exc))
        return 2
    except FlowdeskError as exc:
        error(str(exc))
        return 1
