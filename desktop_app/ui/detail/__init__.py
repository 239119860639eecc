"""The run detail pane: header, logs (live tail), task Gantt, state history, parameters, result."""
