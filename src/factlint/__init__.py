"""factlint: source reconciliation and fact-checking for newsrooms."""

__version__ = "0.1.0"
