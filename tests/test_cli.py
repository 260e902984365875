import os
import subprocess
import sys

import pikepdf
import pytest
from pypdf import PdfReader

from desk_app import cli, self_test
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
    # The bundled sample page, digitised: a PDF/A-2b file qpdf finds sound, its page in G4.
    scan = out.with_name("receipt-scan.pdf")
    assert f"scan {scan}" in result.stdout
    with pikepdf.open(scan) as pdf:
        assert pdf.open_metadata()["pdfaid:part"] == "2"
        assert pdf.open_metadata()["dc:identifier"] == code
        [image] = pdf.pages[0].get_images().values()
        assert list(image.Filter) == [pikepdf.Name.CCITTFaxDecode]
    assert subprocess.run(["qpdf", "--check", str(scan)], capture_output=True).returncode == 0
    # A throw-away database: the real data folder is never touched.
    assert not (tmp_path / "d").exists()


def test_self_test_names_a_missing_font_and_fails(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(fonts, "fonts_dir", lambda: tmp_path / "no-fonts")
    monkeypatch.setattr(fonts, "_registered_from", None)
    assert self_test.run(tmp_path / "out.pdf") == 1
    err = capsys.readouterr().err
    assert "TỰ KIỂM TRA THẤT BẠI" in err and "LiberationSerif" in err


def _typed(monkeypatch, *answers):
    typed = iter(answers)
    monkeypatch.setattr(cli, "getpass", lambda prompt: next(typed))


def test_reset_password_from_the_command_line(tmp_path, monkeypatch, capsys):
    from desk_app.services.app import Services
    from desk_app.services.demo import DEMO_SETUP
    from desk_app.services.errors import LoginRefused

    data = tmp_path / "data"
    services = Services(data)
    services.first_run(DEMO_SETUP, "quantri", "Hoàng Văn Nam", "da-quen-mat")
    services.close()

    _typed(monkeypatch, "mat-khau-moi", "mat-khau-khac")
    assert cli.main(["reset-password", "quantri", "--data", str(data)]) == 1
    assert "không khớp" in capsys.readouterr().err
    _typed(monkeypatch, "ngan", "ngan")
    assert cli.main(["reset-password", "quantri", "--data", str(data)]) == 1
    assert "8 ký tự" in capsys.readouterr().err
    _typed(monkeypatch, "mat-khau-moi", "mat-khau-moi")
    assert cli.main(["reset-password", "khong.co", "--data", str(data)]) == 1
    assert "Không có tài khoản khong.co" in capsys.readouterr().err
    _typed(monkeypatch, "mat-khau-moi", "mat-khau-moi")
    assert cli.main(["reset-password", "quantri", "--data", str(data)]) == 0
    assert "Đã đặt lại mật khẩu của quantri" in capsys.readouterr().out

    services = Services(data)
    try:
        with pytest.raises(LoginRefused):
            services.login("quantri", "da-quen-mat")
        assert services.login("quantri", "mat-khau-moi").must_change_password
        services.change_password("mat-khau-moi", "mat-khau-rieng")
        changed, reset = services.account_log()[:2]
        assert (reset.actor, reset.username, reset.action) == ("cli", "quantri",
                                                               "password_reset")
        assert changed.action == "password_changed"
    finally:
        services.close()


def test_reset_password_needs_an_existing_data_folder(tmp_path, capsys):
    assert cli.main(["reset-password", "quantri", "--data", str(tmp_path / "none")]) == 2
    assert "Không có dữ liệu" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()
