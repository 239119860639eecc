"""The deployments tab: what can be run, its schedules, and starting runs."""
