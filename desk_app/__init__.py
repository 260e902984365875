"""The commune receiving-counter application (bộ phận một cửa)."""

__version__ = "0.1.0"
