"""Prefect and httpx failures → one sentence a person can act on, and a log line.

The client facade passes every failure through `translate`: the user reads
"Run … was not found on the server" instead of a traceback, and the log
(logger `desktop_app.core.api.client`, record attributes `http_status` and
`http_path`) keeps which of our requests failed and why, so none fails
silently. The tests fail on any such record they did not expect.
"""

from __future__ import annotations

import logging
from uuid import UUID

import httpx
from prefect.exceptions import ObjectNotFound, PrefectHTTPStatusError

from desktop_app.core.api.errors import ConnectionFailed, FlowdeskError, NotFound, Unauthorized
from desktop_app.i18n import tr_core

log = logging.getLogger("desktop_app.core.api.client")


def as_uuid(value: str | UUID) -> UUID:
    try:
        return value if isinstance(value, UUID) else UUID(str(value))
    except ValueError:
        raise NotFound(tr_core("'{value}' is not a run id.").format(value=value)) from None


def not_found(what: str) -> NotFound:
    if what:
        return NotFound(tr_core("{what} was not found on the server.").format(what=what))
    return NotFound(tr_core("That object was not found on the server."))


def translate(exc: BaseException, what: str = "") -> FlowdeskError:
    """Prefect/httpx exceptions → one clear sentence."""
    if isinstance(exc, FlowdeskError):
        return exc
    if isinstance(exc, ObjectNotFound):
        response = getattr(exc.http_exc, "response", None)
        if isinstance(response, httpx.Response):
            log_http_failure(response)
        return not_found(what)
    if isinstance(exc, (PrefectHTTPStatusError, httpx.HTTPStatusError)):
        code = exc.response.status_code
        log_http_failure(exc.response)
        if code == 401:
            return Unauthorized(
                tr_core("The server refused our credentials (401): check the auth string.")
            )
        if code == 403:
            return Unauthorized(
                tr_core("The server refused the request (403): check the auth string.")
            )
        if code == 404:
            return not_found(what)
        try:
            detail = exc.response.json().get("detail")
        except Exception:
            detail = exc.response.text[:200]
        return FlowdeskError(
            tr_core("The server answered {code}: {detail}").format(code=code, detail=detail)
        )
    if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, ConnectionError)):
        text = tr_core("Cannot reach the Prefect server: {error}")
        return ConnectionFailed(text.format(error=exc))
    if isinstance(exc, httpx.TimeoutException):
        return ConnectionFailed(tr_core("The Prefect server did not answer in time."))
    return FlowdeskError(f"{type(exc).__name__}: {exc}")


def log_http_failure(response: httpx.Response) -> None:
    """Say in the log which of our requests failed and why (never silently)."""
    request = response.request
    try:
        detail = response.json().get("detail")
    except Exception:
        detail = response.text[:200]
    code = response.status_code
    # A missing object is an ordinary answer (a run deleted elsewhere); the rest is not.
    level = logging.INFO if code == 404 else logging.WARNING
    log.log(
        level,
        "HTTP %s on %s %s: %s",
        code,
        request.method,
        request.url.path,
        str(detail)[:300],
        extra={"http_status": code, "http_path": request.url.path},
    )
