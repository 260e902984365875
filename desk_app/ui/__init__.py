"""PySide6 windows and dialogs. They call services, never SQL; slow work goes to a worker."""
