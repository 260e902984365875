"""reportlab renderers for the official slips, one module per form."""
