"""Serving flow files as deployments: the runner, discovery, ownership, the user's folder."""
