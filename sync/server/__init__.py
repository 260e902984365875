"""The provincial hub: HTTP API (sync.protocol), its own database, and admin commands.

Imports only sync.protocol from the rest of the project, never desk_app.
"""
