"""The application layer: the one place every run operation lives.

Front ends (the window, the tray, the dialogs, the designer, the `flowdesk`
command line) call these functions and nothing else for an operation on a
run. Each function owns the operation's side effects:

- the audit entry (`core.audit.record` is called only here), with the "who
  and where" of the action (`source`: window, tray, cli, designer);
- the words: anything raised is a `FlowdeskError` whose text is one sentence
  in the user's language; a failed audit write after a successful action is
  not an error but a warning on the result that names the file.

No Qt here (checked by import-linter), and no Prefect either: services reach
the server only through the client facade in `desktop_app.core.api.client`.

Modules: `runs` (actions: pause, suspend, resume, cancel, retry, delete,
extend pause, start a run), `reading` (list and read runs, the pause a run
waits with), `logs` (follow a run's logs), `trail` (the audit trail).
"""

from desktop_app.services.results import Done, Source

__all__ = ["Done", "Source"]
