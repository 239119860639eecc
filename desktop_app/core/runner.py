"""`flowdesk runner`: serves every flow file as a deployment and follows edits.

Runs as a supervised child of the daemon. Each flow run it starts is a
separate Python process that loads the flow file afresh, so an edited file
is used by the next run without restarting anything; the runner only has to
(re-)register deployments when files appear, change (parameters) or vanish.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from desktop_app.core import paths
from desktop_app.core.flow_discovery import DEPLOYMENT_NAME, flow_files, load_file, signature
from desktop_app.core.processes import start_parent_watch

log = logging.getLogger("flowdesk.runner")

RESCAN_SECONDS = 1.0


def served_folders() -> list[Path]:
    return [paths.seed_flows_dir(), paths.user_flows_dir()]


def runner_status_file() -> Path:
    return paths.data_dir() / "runner-status.json"


class FlowServer:
    """Keeps the Prefect `Runner`'s deployments in step with the flow files."""

    def __init__(self, runner: Any, folders: list[Path]) -> None:
        self.runner = runner
        self.folders = folders
        self.seen: dict[Path, float] = {}
        self.deployments: dict[Path, list[str]] = {}
        self.errors: dict[Path, str] = {}

    async def apply_file(self, path: Path) -> None:
        loaded = load_file(path)
        if loaded.error:
            self.errors[path] = loaded.error
            log.error("cannot load %s: %s", path, loaded.error)
            return
        self.errors.pop(path, None)
        names = []
        for flow in loaded.flows:
            deployment = await flow.ato_deployment(name=DEPLOYMENT_NAME)
            # Absolute entrypoint: flow-run processes must find the file from any cwd.
            deployment.entrypoint = f"{path}:{flow.fn.__name__}"
            deployment.description = deployment.description or f"Served by Flowdesk from {path}"
            deployment.tags = sorted({*(deployment.tags or []), "flowdesk"})
            await self.runner.aadd_deployment(deployment)
            names.append(f"{flow.name}/{DEPLOYMENT_NAME}")
        self.deployments[path] = names
        log.info("serving %s: %s", path.name, ", ".join(names) or "no flows")

    async def remove_file(self, path: Path) -> None:
        from prefect.client.orchestration import get_client

        self.errors.pop(path, None)
        async with get_client() as client:
            for name in self.deployments.pop(path, []):
                try:
                    deployment = await client.read_deployment_by_name(name)
                    await client.delete_deployment(deployment.id)
                    log.info("removed deployment %s (file deleted)", name)
                except Exception as exc:
                    log.warning("could not remove deployment %s: %s", name, exc)

    async def sync(self) -> bool:
        """Apply what changed since the last call; True if anything did."""
        current = signature(flow_files(self.folders))
        changed = [p for p, mtime in current.items() if self.seen.get(p) != mtime]
        removed = [p for p in self.seen if p not in current]
        for path in changed:
            await self.apply_file(path)
        for path in removed:
            await self.remove_file(path)
        self.seen = current
        if changed or removed:
            self.write_status()
        return bool(changed or removed)

    def write_status(self) -> None:
        status = {
            "updated": time.time(),
            "deployments": {str(p): n for p, n in self.deployments.items()},
            "errors": {str(p): e for p, e in self.errors.items()},
        }
        target = runner_status_file()
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(json.dumps(status, indent=2), encoding="utf-8")
        os.replace(tmp, target)

    async def watch(self) -> None:
        while True:
            await asyncio.sleep(RESCAN_SECONDS)
            try:
                await self.sync()
            except Exception:
                log.exception("re-scanning flow files failed")


async def _serve(folders: list[Path]) -> None:
    from prefect.runner import Runner

    runner = Runner(name=f"flowdesk-{os.getpid()}", pause_on_shutdown=False, limit=None)
    server = FlowServer(runner, folders)
    await server.sync()
    watcher = asyncio.create_task(server.watch())
    try:
        await runner.start()
    finally:
        watcher.cancel()


def run_runner(folders: list[Path] | None = None) -> int:
    """Entry of `flowdesk runner`: needs PREFECT_API_URL (+ auth) in the environment."""
    if not os.environ.get("PREFECT_API_URL"):
        raise SystemExit(
            "flowdesk runner: no server to serve flows to. Start one with "
            "'flowdesk server start', or run the runner through 'flowdesk exec -- flowdesk runner'."
        )
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)
    start_parent_watch()
    os.chdir(paths.data_dir())
    asyncio.run(_serve(folders or served_folders()))
    return 0
