"""The interface language.

Source strings are Vietnamese, so Vietnamese needs no translator. Other languages come from
resources/i18n/desk_app_<lang>.qm, compiled by scripts/build_translations.py; a missing file
leaves the interface in Vietnamese, with a warning in the log, rather than stopping the app.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from desk_app.paths import resource

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "vi"
# Shown in each language's own name, so anyone can find their way back.
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}

_installed: QTranslator | None = None


def qm_path(language: str, directory: Path | None = None) -> Path:
    return (directory or resource("i18n")) / f"desk_app_{language}.qm"


def install(app: QCoreApplication, language: str, directory: Path | None = None) -> bool:
    """Switch to `language`, replacing the translator installed before. Widgets built after
    this call use the new language. False (and Vietnamese) when it cannot be loaded."""
    global _installed
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if language == SOURCE_LANGUAGE:
        return True
    path = qm_path(language, directory)
    translator = QTranslator(app)
    if not path.is_file() or not translator.load(str(path)):
        log.warning("translation %s not found or unreadable; the interface stays Vietnamese", path)
        return False
    app.installTranslator(translator)
    _installed = translator
    return True
