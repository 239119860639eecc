"""Prefect's clients share one verified TLS context per CA file in warm flow runs."""

from __future__ import annotations

import ssl

import certifi

from desktop_app.core.serving.client_tls import SharedVerifiedContexts


class CountingSSL:
    """The real `ssl`, counting the contexts it builds."""

    def __init__(self) -> None:
        self.built = 0

    def create_default_context(self, purpose=ssl.Purpose.SERVER_AUTH, **kwargs):
        self.built += 1
        return ssl.create_default_context(purpose, **kwargs)

    def __getattr__(self, name):
        return getattr(ssl, name)


def test_the_same_ca_file_gives_the_same_verified_context_built_once():
    real = CountingSSL()
    shared = SharedVerifiedContexts(real)
    first = shared.create_default_context(cafile=certifi.where())
    second = shared.create_default_context(cafile=certifi.where())
    assert first is second and real.built == 1
    # As verified as a fresh one: certificates required, host names checked.
    assert first.verify_mode == ssl.CERT_REQUIRED and first.check_hostname


def test_contexts_that_are_changed_after_creation_are_never_shared():
    real = CountingSSL()
    shared = SharedVerifiedContexts(real)
    # Prefect's "skip verification" context: built without a CA file, then loosened.
    loose = shared.create_default_context()
    loose.check_hostname = False
    strict = shared.create_default_context()
    assert loose is not strict and strict.check_hostname and real.built == 2


def test_everything_else_reads_through_to_the_ssl_module():
    shared = SharedVerifiedContexts()
    assert shared.SSLContext is ssl.SSLContext and shared.CERT_NONE is ssl.CERT_NONE
