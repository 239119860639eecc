"""Liveness of a Prefect server, without importing Prefect (which costs ~1 s)."""

from __future__ import annotations

import urllib.error
import urllib.request


def server_healthy(api_url: str, timeout: float = 1.0) -> bool:
    """True if `GET {api_url}/health` answers 200 (open even with an auth string)."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False
