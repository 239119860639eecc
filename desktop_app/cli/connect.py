"""Which server the CLI talks to: an explicit one from the environment, else the managed one."""

from __future__ import annotations

import os

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
