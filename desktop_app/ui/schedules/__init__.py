"""Schedules of a deployment: the editor, its dialogs, and the dashboard's next-runs strip."""
