"""`flowdesk runner`: serves every flow file as a deployment and follows edits.

Runs as a supervised child of the daemon. Each flow run it starts is a
separate Python process that loads the flow file afresh, so an edited file
is used by the next run without restarting anything; the runner only has to
(re-)register deployments when files appear, change (parameters) or vanish.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

from desktop_app.core.config import paths
from desktop_app.core.config.atomic import atomic_write_json
from desktop_app.core.serving.deployment_entry import deployment_for
from desktop_app.core.serving.flow_discovery import (
    DEPLOYMENT_NAME,
    flow_files,
    load_file,
    signature,
)
from desktop_app.core.serving.flow_ownership import (
    EXAMPLE_TAG,
    Resolution,
    clash_message,
    entrypoint_file,
    resolve,
)
from desktop_app.core.serving.run_waker import SAFETY_POLL_SECONDS, wake_runner
from desktop_app.core.serving.runner_status import read_runner_status, runner_status_file
from desktop_app.core.serving.schedule_marks import edited_here, keep_server_schedules
from desktop_app.core.serving.settings_env_cache import remember_settings_environment
from desktop_app.core.serving.user_flows import ensure_user_flows_folder
from desktop_app.core.serving.warm_start import WarmStarter, fork_server_early
from desktop_app.core.supervision.processes import (
    kill_tree,
    listen_for_stop_request,
    start_parent_watch,
)

log = logging.getLogger("flowdesk.runner")

RESCAN_SECONDS = 1.0
RETRY_SECONDS = 5.0
SUSPEND_ON_STOP_SECONDS = 7 * 24 * 3600
STOP_MESSAGE = (
    "Suspended because Flowdesk's runner stopped. Resume to run it again from the top; "
    "finished tasks are reused."
)


def served_folders() -> list[Path]:
    return [paths.seed_flows_dir(), paths.user_flows_dir()]


def previous_owners() -> dict[str, Path]:
    """Deployment name → owning file, as the last runner recorded it (empty if none)."""
    owners: dict[str, Path] = {}
    deployments = read_runner_status().get("deployments")
    if isinstance(deployments, dict):
        for path, names in deployments.items():
            for name in names if isinstance(names, list) else []:
                owners[str(name)] = Path(path)
    return owners


class FlowServer:
    """Keeps the Prefect `Runner`'s deployments in step with the flow files.

    Each file owns the deployments it registered (`flow_ownership`): a file
    that is deleted, or stops defining a flow, takes exactly its own
    deployments off the server, and a name two files define is refused for
    the second one instead of silently overwritten. Ownership survives a
    runner restart through the status file, so a file deleted while the runner
    was down is cleaned up on the next start.
    """

    def __init__(
        self,
        runner: Any,
        folders: list[Path],
        example_folders: list[Path] | None = None,
        previous: dict[str, Path] | None = None,
    ) -> None:
        self.runner = runner
        self.folders = folders
        self.example_folders = [f.resolve() for f in example_folders or []]
        self.seen: dict[Path, float] = {}
        self.flows: dict[Path, dict[str, Any]] = {}
        """Deployment name → Flow, per file that imported cleanly."""
        self.load_errors: dict[Path, str] = {}
        self.register_errors: dict[str, tuple[Path, str]] = {}
        self.owners: dict[str, Path] = dict(previous or {})
        self.resolution = Resolution()
        self.retry: set[str] = set()
        """Names whose registration or removal failed (server busy?): tried again later."""
        self._next_retry = 0.0
        self._first = True

    # -- compatibility views -------------------------------------------------------
    @property
    def deployments(self) -> dict[Path, list[str]]:
        owned: dict[Path, list[str]] = {}
        for name, path in sorted(self.owners.items()):
            owned.setdefault(path, []).append(name)
        return owned

    @property
    def errors(self) -> dict[Path, str]:
        """Every problem per file, in words: what `server status` and Deploy show."""
        problems: dict[Path, list[str]] = {p: [e] for p, e in self.load_errors.items()}
        for path, message in self.register_errors.values():
            problems.setdefault(path, []).append(message)
        for clash in self.resolution.clashes:
            problems.setdefault(Path(clash.path), []).append(clash_message(clash))
        return {p: "\n".join(m) for p, m in problems.items()}

    def is_example(self, path: Path) -> bool:
        return any(path.is_relative_to(folder) for folder in self.example_folders)

    # -- scanning ------------------------------------------------------------------
    def load(self, path: Path) -> None:
        self.flows.pop(path, None)
        loaded = load_file(path)
        if loaded.error:
            self.load_errors[path] = loaded.error
            log.error("cannot load %s: %s", path, loaded.error)
            return
        self.load_errors.pop(path, None)
        self.flows[path] = {f"{flow.name}/{DEPLOYMENT_NAME}": flow for flow in loaded.flows}

    def claims(self) -> dict[Path, list[str]]:
        claims = {path: list(flows) for path, flows in self.flows.items()}
        for path in self.load_errors:
            # A file that fails to import keeps what it owned: a typo in the middle of
            # an edit must not delete its deployment (and its schedules) from the server.
            claims[path] = [name for name, owner in self.owners.items() if owner == path]
        return claims

    async def sync(self) -> bool:
        """Apply what changed since the last call; True if anything did."""
        current = signature(flow_files(self.folders))
        changed = {p for p, mtime in current.items() if self.seen.get(p) != mtime}
        removed = [p for p in self.seen if p not in current]
        for path in removed:
            self.flows.pop(path, None)
            self.load_errors.pop(path, None)
        for path in sorted(changed):
            self.load(path)
        self.seen = current
        retry_due = bool(self.retry) and time.monotonic() >= self._next_retry
        if not (changed or removed or retry_due or self._first):
            return False
        self._first = False
        await self.apply(changed)
        self.write_status()
        return True

    async def apply(self, changed: set[Path]) -> None:
        """Register what each file now owns; remove what no file defines any more."""
        claims = self.claims()
        examples = {p for p in claims if self.is_example(p)}
        resolution = resolve(claims, examples, self.owners)
        before, retry = self.owners, self.retry
        self.retry = set()
        owners = dict(resolution.owners)
        for name, path in resolution.owners.items():
            flow = self.flows.get(path, {}).get(name)
            if flow is None:
                continue  # the file does not import now: the server keeps what it had
            if before.get(name) == path and path not in changed and name not in retry:
                continue
            try:
                await self.register(path, flow)
                self.register_errors.pop(name, None)
            except Exception as exc:  # one file must never stop the others being served
                log.exception("cannot register %s from %s", name, path)
                self.register_errors[name] = (path, f"cannot register {name}: {exc}")
                self.retry.add(name)
        for name, path in before.items():
            if name in owners:
                continue
            self.register_errors.pop(name, None)
            if not await self.unregister(name, path):
                owners[name] = path  # still on the server: keep the record, try again
                self.retry.add(name)
        for clash in resolution.clashes:
            log.warning("%s: %s", clash.path, clash_message(clash))
        self.owners, self.resolution = owners, resolution
        if self.retry:
            self._next_retry = time.monotonic() + RETRY_SECONDS

    async def register(self, path: Path, flow: Any) -> None:
        # Absolute entrypoint, on any drive (deployment_entry).
        deployment = await deployment_for(flow, path, DEPLOYMENT_NAME)
        tags = {*(deployment.tags or []), "flowdesk"}
        if self.is_example(path):
            tags.add(EXAMPLE_TAG)
        deployment.tags = sorted(tags)
        if edited_here(f"{flow.name}/{DEPLOYMENT_NAME}"):
            keep_server_schedules(deployment)  # edited in Flowdesk: theirs win (schedule_marks)
        await self.runner.aadd_deployment(deployment)
        log.info("serving %s from %s", f"{flow.name}/{DEPLOYMENT_NAME}", path)

    async def unregister(self, name: str, path: Path) -> bool:
        """Delete `name` from the server if `path` registered it; False if that failed."""
        from prefect.client.orchestration import get_client
        from prefect.exceptions import ObjectNotFound

        try:
            async with get_client() as client:
                try:
                    deployment = await client.read_deployment_by_name(name)
                except ObjectNotFound:
                    return True
                if entrypoint_file(deployment.entrypoint) != str(path):
                    log.info("leaving %s: it is served from %s", name, deployment.entrypoint)
                    return True
                await client.delete_deployment(deployment.id)
        except Exception as exc:
            log.warning("could not remove deployment %s: %s", name, exc)
            return False
        log.info("removed deployment %s (%s no longer defines it)", name, path)
        return True

    def write_status(self) -> None:
        user = [f for f in self.folders if not self.is_example(f.resolve())]
        status = {
            "updated": time.time(),
            "deployments": {str(p): n for p, n in self.deployments.items()},
            "errors": {str(p): e for p, e in self.errors.items()},
            "load_errors": {str(p): e for p, e in self.load_errors.items()},
            "clashes": [vars(c) for c in self.resolution.clashes],
            "shadowed": [vars(s) for s in self.resolution.shadowed],
            "user_folder": str(user[0].resolve()) if user else "",
            "example_folder": str(self.example_folders[0]) if self.example_folders else "",
        }
        atomic_write_json(runner_status_file(), status)

    async def watch(self) -> None:
        while True:
            await asyncio.sleep(RESCAN_SECONDS)
            try:
                await self.sync()
            except Exception:
                log.exception("re-scanning flow files failed")


def suspend_in_progress() -> list[str]:
    """Suspend the runs of our deployments that are in progress, before we stop.

    Killing their processes would leave them Running or Paused forever (a paused
    flow waits *in its process*). Suspended instead, they wait for a resume that
    restarts them from the top, reusing persisted task results; a pause that
    waited for input keeps its form. Synchronous: it runs from a signal or the
    parent-watch thread while the process is going down.
    """
    from prefect.client.orchestration import get_client
    from prefect.client.schemas import filters as f
    from prefect.client.schemas.objects import StateType

    from desktop_app.core.supervision.reconcile import suspended_state_for

    suspended: list[str] = []
    with get_client(sync_client=True) as client:
        deployments = client.read_deployments(
            deployment_filter=f.DeploymentFilter(tags=f.DeploymentFilterTags(all_=["flowdesk"]))
        )
        if not deployments:
            return suspended
        runs = client.read_flow_runs(
            flow_run_filter=f.FlowRunFilter(
                deployment_id=f.FlowRunFilterDeploymentId(any_=[d.id for d in deployments]),
                state=f.FlowRunFilterState(
                    type=f.FlowRunFilterStateType(
                        any_=[StateType.RUNNING, StateType.PENDING, StateType.PAUSED]
                    )
                ),
            ),
            limit=200,
        )
        for run in runs:
            if run.state.type == StateType.PAUSED and run.state.state_details.pause_reschedule:
                continue  # already suspended: nothing runs
            state = suspended_state_for(run, STOP_MESSAGE, SUSPEND_ON_STOP_SECONDS)
            try:
                client.set_flow_run_state(run.id, state, force=True)
                suspended.append(str(run.id))
            except Exception as exc:  # the server may be going down too
                log.warning("could not suspend %s: %s", run.id, exc)
    if suspended:
        log.info("suspended %d run(s) in progress: %s", len(suspended), ", ".join(suspended))
    return suspended


_stopping = threading.Lock()
_serving_loop: asyncio.AbstractEventLoop | None = None


def hold_runner_loop(timeout: float = 2.0) -> bool:
    """Freeze the Runner's event loop for good (we are about to exit); True once held.

    While we suspend runs and kill their processes, the Runner would see each
    process exit and propose Crashed for its run -- racing our Suspended, and
    sometimes winning. A loop blocked in a callback reacts to nothing.
    """
    loop = _serving_loop
    if loop is None or loop.is_closed() or not loop.is_running():
        return False
    held = threading.Event()

    def block() -> None:
        held.set()
        threading.Event().wait()  # until os._exit

    loop.call_soon_threadsafe(block)
    return held.wait(timeout)


def _leave_with_runs_suspended() -> None:
    """The parent died: the same order as a stop, minus the exit (the watch does it)."""
    hold_runner_loop()
    suspend_in_progress()


def stop_now() -> None:
    """Suspend what is in progress, kill our flow-run processes, exit."""
    if not _stopping.acquire(blocking=False):
        return
    try:
        if not hold_runner_loop():
            log.warning("the runner's loop did not pause within 2 s; stopping anyway")
        suspend_in_progress()
    except Exception:
        log.exception("suspending runs in progress failed")
    kill_tree(os.getpid(), include_root=False, hard=True)
    logging.shutdown()
    os._exit(0)


async def _serve(folders: list[Path], warm: WarmStarter) -> None:
    from prefect.runner import Runner

    global _serving_loop
    # The poll is a safety net: the waker starts runs on events and when due.
    runner = Runner(
        name=f"flowdesk-{os.getpid()}",
        pause_on_shutdown=False,
        limit=None,
        query_seconds=SAFETY_POLL_SECONDS,
    )
    await warm.start()
    warm.install()
    remember_settings_environment()  # ~0.1 s less per run start (settings_env_cache)
    loop = _serving_loop = asyncio.get_running_loop()
    if os.name != "nt":
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(
                signum, lambda: threading.Thread(target=stop_now, daemon=True).start()
            )
    server = FlowServer(runner, folders, [paths.seed_flows_dir()], previous_owners())
    await server.sync()
    watcher = asyncio.create_task(server.watch())
    waker = asyncio.create_task(wake_runner(runner))
    try:
        await runner.start()
    finally:
        watcher.cancel()
        waker.cancel()
        await warm.stop()


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
    warm = WarmStarter(fork_server_early())  # before any thread: it forks
    start_parent_watch(on_parent_death=_leave_with_runs_suspended)
    if os.name == "nt":  # no SIGTERM there: the supervisor asks through a file
        listen_for_stop_request(stop_now)
    os.chdir(paths.data_dir())
    ensure_user_flows_folder()
    asyncio.run(_serve(folders or served_folders(), warm))
    return 0
