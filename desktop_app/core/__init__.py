"""The engine: everything that is not a widget. Never imports Qt."""
