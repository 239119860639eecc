"""Forms built from JSON Schema: resume-with-input and run-with-parameters dialogs.

The form model is Qt-free and tested without a display: schema → fields in
`form_model`, text ↔ values in `form_text`, checks as the server makes them
in `form_checks`. The widgets (`schema_form`, `editors`, the dialogs) draw it
with Qt and reach the server only through `services` on the qasync loop.
"""
