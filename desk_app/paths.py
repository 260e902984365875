"""Where things live: bundled resources, and the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "DeskApp"
APP_AUTHOR = "MotCua"


def resources_dir() -> Path:
    """The repo's `resources/`, or the copy PyInstaller put beside the frozen executable."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """The user's data folder; DESK_APP_DATA overrides it (tests, support staff, portable use)."""
    override = os.environ.get("DESK_APP_DATA")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
