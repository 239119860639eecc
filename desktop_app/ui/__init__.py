"""Flowdesk's Qt window. Only this package imports Qt (and qasync).

Prefect is never imported at module level here: the window must be on screen
before Prefect's ~1 s import, which happens off the GUI thread after the first
paint (see `context.AppContext.start`).
"""
