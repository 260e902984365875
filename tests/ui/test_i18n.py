import importlib.util
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from desk_app.ui import i18n
from desk_app.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]


def load_build_script():
    spec = importlib.util.spec_from_file_location(
        "build_translations", REPO / "scripts" / "build_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def build_script():
    return load_build_script()


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory, build_script):
    out = tmp_path_factory.mktemp("qm")
    build_script.compile_translations(out)
    return out


@pytest.fixture
def english(qapp, qm_dir):
    assert i18n.install(qapp, "en", qm_dir)
    yield
    i18n.install(qapp, "vi")


def unfinished(ts: Path) -> list[str]:
    """Sources with no usable English: marked unfinished, or empty (plural forms included)."""
    def empty(translation: ET.Element) -> bool:
        return not "".join(translation.itertext()).strip()

    return [
        message.findtext("source")
        for message in ET.parse(ts).getroot().iter("message")
        if message.find("translation").get("type") == "unfinished"
        or empty(message.find("translation"))
    ]


def test_english_main_window(qtbot, english, services, worker):
    window = MainWindow(services, worker)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Reception and results – UBND xã Tân Lập"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Dossiers", "&Reports", "&Settings"]
    assert window.receive_action.text() == "Receive a &new dossier…"
    assert window.counter_label.text() == "Counter 1"
    header = window.dossier_list.model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Dossier code"


def test_back_to_vietnamese_removes_the_translator(qapp, qm_dir):
    assert i18n.install(qapp, "en", qm_dir)
    assert QCoreApplication.translate("MainWindow", "&Hồ sơ") == "&Dossiers"
    assert i18n.install(qapp, "vi")
    assert QCoreApplication.translate("MainWindow", "&Hồ sơ") == "&Hồ sơ"


def test_missing_translation_file_stays_vietnamese(qapp, tmp_path, caplog):
    assert not i18n.install(qapp, "en", tmp_path)
    assert "stays Vietnamese" in caplog.text
    assert QCoreApplication.translate("MainWindow", "&Hồ sơ") == "&Hồ sơ"


def test_every_interface_string_has_an_english_translation(build_script, tmp_path, monkeypatch):
    # lupdate into a copy, so the test sees the sources as they are without touching the repo.
    copy = tmp_path / "desk_app_en.ts"
    shutil.copyfile(REPO / "resources" / "i18n" / "desk_app_en.ts", copy)
    monkeypatch.setattr(build_script, "ts_files", lambda: [copy])
    build_script.update_sources(drop_vanished=True)
    missing = unfinished(copy)
    assert not missing, (
        "run `python scripts/build_translations.py` and translate in "
        f"resources/i18n/desk_app_en.ts: {missing}")


def test_updating_never_drops_a_translation_lupdate_cannot_see(build_script, tmp_path,
                                                                 monkeypatch):
    """lupdate misses some shapes of call (a context in a variable): updating once took 67
    translations away from the running app without a word."""
    copy = tmp_path / "desk_app_en.ts"
    text = (REPO / "resources" / "i18n" / "desk_app_en.ts").read_text(encoding="utf-8")
    unseen = ("<context>\n    <name>NoSuchWindow</name>\n    <message>\n"
              "        <source>Chuỗi không còn trong mã nguồn</source>\n"
              "        <translation>A string no longer in the sources</translation>\n"
              "    </message>\n</context>\n")
    copy.write_text(text.replace("</TS>", unseen + "</TS>"), encoding="utf-8")
    before = copy.read_bytes()
    monkeypatch.setattr(build_script, "ts_files", lambda: [copy])
    with pytest.raises(build_script.VanishedStrings) as refused:
        build_script.update_sources()
    assert "[NoSuchWindow] Chuỗi không còn trong mã nguồn" in str(refused.value)
    assert copy.read_bytes() == before
    build_script.update_sources(drop_vanished=True)
    assert ("NoSuchWindow", "Chuỗi không còn trong mã nguồn") not in (
        build_script.translated_messages(copy))


def test_lupdate_and_lrelease_are_found(build_script):
    for tool in ("lupdate", "lrelease"):
        result = subprocess.run([build_script.qt_tool(tool), "-version"],
                                capture_output=True, text=True)
        assert result.returncode == 0


def test_counts_take_the_english_plural(qtbot, english, services, worker):
    """Issue 14, item 11: English said "1 dossiers". Counted words go through Qt's plural
    forms (numerus messages in the .ts); Vietnamese, which has one form, is unchanged."""
    from desk_app.core.model import ProcessingTime, TimeUnit
    from desk_app.services.demo import seed
    from desk_app.ui.labels import processing_time_label

    seed(services, count=1)
    window = MainWindow(services, worker)
    qtbot.addWidget(window)
    assert window.dossier_list.row_count.text().startswith("1 dossier ")
    assert window.outbox_count.text() == "1 event waiting to sync"
    assert processing_time_label(ProcessingTime(1, TimeUnit.WORKING_DAYS)) == "1 working day"
    assert processing_time_label(ProcessingTime(7, TimeUnit.WORKING_DAYS)) == "7 working days"
    assert processing_time_label(ProcessingTime(1, TimeUnit.CALENDAR_DAYS)) == "1 day"
    i18n.install(QCoreApplication.instance(), "vi")
    assert processing_time_label(ProcessingTime(7, TimeUnit.WORKING_DAYS)) == "7 ngày làm việc"


def test_the_toolbar_is_english_throughout(qtbot, english, services, worker):
    """The dossier actions' buttons were looked up in another context and stayed Vietnamese."""
    from PySide6.QtWidgets import QToolBar

    window = MainWindow(services, worker)
    qtbot.addWidget(window)
    toolbar = window.findChild(QToolBar, "main_toolbar")
    texts = [action.iconText() for action in toolbar.actions() if not action.isSeparator()]
    assert "Hand over (Ctrl+G)" in texts
    assert all(text.isascii() for text in texts), texts
