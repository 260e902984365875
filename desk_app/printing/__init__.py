"""reportlab renderers for the official slips, one module per form.

`layout` and `document` hold what every form shares (styles, header, signatures, the atomic
PDF write); `fonts` and `forms` load the bundled font and the data-driven form titles.
"""


class PrintingError(Exception):
    """A slip could not be produced; the message is Vietnamese and fit to show a clerk."""
