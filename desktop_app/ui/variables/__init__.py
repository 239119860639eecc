"""The "Variables & limits" tab: Prefect variables and concurrency limits, edited natively."""

from desktop_app.ui.variables.tab import VariablesLimitsTab

__all__ = ["VariablesLimitsTab"]
