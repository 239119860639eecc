"""A remote profile against a second, plain Prefect server with its own auth string."""

from __future__ import annotations

import asyncio

import pytest

from tests.remote_prefect import remote_prefect_server

pytestmark = pytest.mark.integration

REMOTE_AUTH = "remote-admin:another-secret"


@pytest.fixture(scope="module")
def remote_server(managed_server, tmp_path_factory):
    with remote_prefect_server(tmp_path_factory.mktemp("remote-prefect-home"), REMOTE_AUTH) as url:
        yield url


def _check(url, auth=None, key=None, kind="remote"):
    from desktop_app.core.api.connection import Connection
    from desktop_app.core.api.connection_check import check_connection

    return asyncio.run(
        check_connection(Connection(api_url=url, auth_string=auth, api_key=key, kind=kind))
    )


def test_connection_check_names_each_problem(remote_server):
    from desktop_app.core.supervision.ports import free_port

    base = remote_server.rsplit("/api", 1)[0]
    assert _check("ftp://x/api").step == "url"
    shape = _check(base)
    assert shape.step == "url" and "does not end with /api" in shape.message
    dns = _check("http://no-such-host.invalid:4200/api")
    assert dns.step == "dns" and "cannot be resolved" in dns.message
    refused = _check(f"http://127.0.0.1:{free_port()}/api")
    assert refused.step == "connect"
    wrong_path = _check(f"{base}/nothing/api")
    assert wrong_path.step == "api" and "404" in wrong_path.message
    wrong_auth = _check(remote_server, auth="remote-admin:wrong")
    assert wrong_auth.step == "auth" and "refused the auth string" in wrong_auth.message
    ok = _check(remote_server, auth=REMOTE_AUTH)
    assert ok.ok and ok.server_version.startswith("3.")


@pytest.mark.http_expected(401)  # the wrong auth string is part of the test
def test_remote_profile_lists_runs_and_wrong_auth_is_clear(remote_server, tmp_path):
    from desktop_app.core.api.client import FlowdeskClient
    from desktop_app.core.api.errors import Unauthorized
    from desktop_app.core.config.profiles import Profile, ProfileStore
    from desktop_app.core.config.secrets import SecretStore

    store = ProfileStore(tmp_path / "p.json", SecretStore(tmp_path / "s.json", use_keyring=False))
    profile = Profile(name="Team", kind="remote", api_url=remote_server)
    store.upsert(profile, secret="remote-admin:wrong")

    async def runs():
        async with FlowdeskClient(store.remote_connection(profile)) as client:
            return await client.list_runs(limit=5)

    with pytest.raises(Unauthorized, match="401"):
        asyncio.run(runs())
    store.upsert(profile, secret=REMOTE_AUTH)

    async def create_run():
        from prefect import flow

        @flow(name="remote-only-flow")
        def remote_only():
            return 1

        async with FlowdeskClient(store.remote_connection(profile)) as client:
            created = await client.prefect.create_flow_run(remote_only)
            return str(created.id)

    run_id = asyncio.run(create_run())
    listed = asyncio.run(runs())
    assert run_id in [r.id for r in listed]
    assert next(r for r in listed if r.id == run_id).flow_name == "remote-only-flow"
