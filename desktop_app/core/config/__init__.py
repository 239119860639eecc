"""Where things live and how they are set: paths, settings, profiles, secrets, autostart."""
