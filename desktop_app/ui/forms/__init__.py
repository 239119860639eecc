"""Forms built from JSON Schema: resume-with-input and run-with-parameters dialogs.

The schema logic (fields, parsing, validation) is in `desktop_app.core.schema_form`;
this package only draws it with Qt widgets and talks to the server through
`FlowdeskClient` on the qasync loop.
"""
