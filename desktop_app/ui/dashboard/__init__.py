"""The strip above the runs table: state counts and what the server costs."""
