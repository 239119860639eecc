"""One verified TLS context for all of a flow run's Prefect clients (warm starts).

Every `PrefectClient` / `SyncPrefectClient` Prefect constructs builds a fresh
`ssl.create_default_context(cafile=certifi.where())`, even for a plain-http
API: OpenSSL parses the ~140-certificate bundle each time, 85-100 ms here. A
flow run builds four clients before it proposes Running (reading its run,
loading its flow, the engine's own, the suspension observer), so a third of a
second of "Run" → Running was spent parsing the same file over and over.

The fork server builds that context once, before it forks; inside Prefect's
client module `create_default_context` then hands back that context for the
same certificate file, and builds any other context as before. The context is
configured exactly as a fresh one would be and is only read afterwards
(httpx passes it to each connection; OpenSSL contexts are made to be shared),
so a client cannot tell the difference. Only Prefect's client module sees it:
the flow's own code still gets `ssl` untouched.
"""

from __future__ import annotations

import ssl
import threading
from typing import Any

from desktop_app.core.serving.prefect_patch import prefect_module

_CLIENT_MODULE = "prefect.client.orchestration"


class SharedVerifiedContexts:
    """Stands in for the `ssl` module inside Prefect's client module."""

    def __init__(self, real: Any = ssl) -> None:
        self._real = real
        self._contexts: dict[str, ssl.SSLContext] = {}
        self._lock = threading.Lock()

    def create_default_context(
        self,
        purpose: ssl.Purpose = ssl.Purpose.SERVER_AUTH,
        *,
        cafile: str | None = None,
        capath: str | None = None,
        cadata: str | bytes | None = None,
    ) -> ssl.SSLContext:
        if purpose != ssl.Purpose.SERVER_AUTH or cafile is None or capath or cadata:
            # Prefect's "skip verification" context is changed after creation:
            # never shared. Nor is anything else we did not build ahead.
            return self._real.create_default_context(
                purpose, cafile=cafile, capath=capath, cadata=cadata
            )
        with self._lock:
            context = self._contexts.get(cafile)
            if context is None:
                context = self._contexts[cafile] = self._real.create_default_context(
                    purpose, cafile=cafile
                )
        return context

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def prefect_ca_file() -> str:
    """The CA file Prefect's clients verify with, as they compute it."""
    import certifi
    from prefect.settings import PREFECT_API_SSL_CERT_FILE

    return PREFECT_API_SSL_CERT_FILE.value() or certifi.where()


def share_client_tls_context() -> bool:
    """Give Prefect's client module one verified context per CA file; True if done.

    Builds the context Prefect's current settings ask for now, so processes
    forked afterwards inherit it ready-made. Call it again after the settings
    change (a context for another file is then built too).
    """
    module = prefect_module(_CLIENT_MODULE)
    if module is None:
        return False
    shared = getattr(module, "ssl", None)
    if shared is ssl:
        shared = SharedVerifiedContexts()
        module.ssl = shared  # type: ignore[attr-defined]
    if not isinstance(shared, SharedVerifiedContexts):
        return False  # someone else's stand-in: leave it
    shared.create_default_context(cafile=prefect_ca_file())
    return True
