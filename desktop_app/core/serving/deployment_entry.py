"""The deployment of a served flow, with an entrypoint that works across drives.

Prefect's `Flow.ato_deployment` computes a file entrypoint relative to the
current working folder (`os.path.relpath`), which raises on Windows when the
flow file and the working folder are on different drives (app on C:, data on
D:; under Wine, C: and Z:). We need an absolute entrypoint anyway (flow-run
processes must find the file from any working folder), so we ask for a
module-path deployment (no relpath) and then make it the file-path deployment
it really is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


async def deployment_for(flow: Any, path: Path, name: str) -> Any:
    """`flow`'s deployment called `name`, served from the file `path`."""
    from prefect.deployments.runner import EntrypointType

    deployment = await flow.ato_deployment(name=name, entrypoint_type=EntrypointType.MODULE_PATH)
    deployment.entrypoint = f"{path}:{flow.fn.__name__}"
    deployment._entrypoint_type = EntrypointType.FILE_PATH
    if not deployment._path:
        deployment._path = "."
    return deployment
