"""Processes we own: the daemon, the server and runner children, ports, auth, locks."""
