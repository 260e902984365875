"""The bundled serif family (Liberation Serif, metric-compatible with Times New Roman).

Registered once per process; reportlab embeds a subset of each TrueType font in every PDF that
uses it, so a slip prints the same on a PC without the font installed.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from desk_app.paths import resource
from desk_app.printing import PrintingError

REGULAR = "Serif"
BOLD = "Serif-Bold"
ITALIC = "Serif-Italic"
BOLD_ITALIC = "Serif-BoldItalic"

FONT_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

# Rendering may run on a worker thread while the GUI thread prints something else.
_lock = threading.Lock()
_registered_from: Path | None = None


class FontMissingError(PrintingError):
    def __init__(self, path: Path, reason: str):
        super().__init__(
            f"Không tìm thấy hoặc không đọc được phông chữ «{path.name}» ({path}): {reason}. "
            "Không thể in phiếu; hãy cài đặt lại phần mềm."
        )
        self.path = path


def fonts_dir() -> Path:
    return resource("fonts")


def _load_font(name: str, path: Path) -> TTFont:
    try:
        return TTFont(name, str(path))
    except (OSError, TTFError) as exc:
        raise FontMissingError(path, str(exc) or type(exc).__name__) from exc


def register_fonts() -> None:
    """Register the four styles as one family, so <b> and <i> in a Paragraph pick the right file.

    Safe to call before every render: after the first success it returns at once.
    """
    global _registered_from
    directory = fonts_dir()
    with _lock:
        if _registered_from == directory:
            return
        # Load all four before registering any, so a missing file leaves nothing half done.
        fonts = [_load_font(name, directory / file) for name, file in FONT_FILES.items()]
        for font in fonts:
            pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered_from = directory
