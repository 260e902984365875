import os
import subprocess
import sys

from pypdf import PdfReader

from desk_app import self_test
from desk_app.cli import build_parser
from desk_app.printing import fonts


def test_help_lists_the_options():
    text = build_parser().format_help()
    for option in ("--demo", "--self-test", "--data", "--lang", "--version"):
        assert option in text


def test_self_test_runs_headless_and_writes_the_receipt(tmp_path):
    out = tmp_path / "check" / "receipt.pdf"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESK_APP_DATA": str(tmp_path / "d")}
    result = subprocess.run(
        [sys.executable, "-m", "desk_app", "--self-test", str(out)],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    code = result.stdout.split("code ", 1)[1].split()[0]
    assert code.startswith("000.17.22.H56-")
    assert "due " in result.stdout
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert code in text and "Nguyễn Thị Ánh Tuyết" in text
    # A throw-away database: the real data folder is never touched.
    assert not (tmp_path / "d").exists()


def test_self_test_names_a_missing_font_and_fails(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(fonts, "fonts_dir", lambda: tmp_path / "no-fonts")
    monkeypatch.setattr(fonts, "_registered_from", None)
    assert self_test.run(tmp_path / "out.pdf") == 1
    err = capsys.readouterr().err
    assert "TỰ KIỂM TRA THẤT BẠI" in err and "LiberationSerif" in err
