"""Where the app's client connects: the managed server or a remote one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Connection:
    api_url: str
    auth_string: str | None = None
    api_key: str | None = None
    kind: str = "local"  # local | remote | cloud
    managed: bool = True

    @property
    def ui_url(self) -> str:
        """Prefect's web UI for this API (`…/api` → `…`)."""
        url = self.api_url.rstrip("/")
        return url[: -len("/api")] if url.endswith("/api") else url

    def run_url(self, run_id: str) -> str:
        return f"{self.ui_url}/runs/flow-run/{run_id}"
