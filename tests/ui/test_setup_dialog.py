import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QSpinBox, QWidget

from desk_app.core.accounts import Role
from desk_app.core.counter import CounterSetup
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_SETUP
from desk_app.ui.setup_dialog import FirstAdminDialog, SetupDialog
from tests.accounts import ADMIN_NAME, PASSWORD
from tests.services.factories import full_draft

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def fresh(tmp_path):
    services = Services(tmp_path / "fresh")
    yield services
    services.close()


@pytest.fixture
def open_setup(qtbot, activate, worker):
    def open_(services) -> SetupDialog:
        dialog = SetupDialog(services, worker, services.counter_setup())
        qtbot.addWidget(dialog)
        return activate(dialog)

    return open_


def w(dialog, name: str) -> QWidget:
    widget = dialog.findChild(QWidget, name)
    assert widget is not None, name
    return widget


def message(dialog, field: str) -> str:
    label = dialog.findChild(QLabel, "error_" + field)
    return label.text() if label.isVisible() else ""


def test_first_run_setup_typed_by_keyboard_saves_the_counter_and_logs_the_admin_in(
        open_setup, fresh, keyboard):
    dialog = open_setup(fresh)
    assert dialog.windowTitle() == "Thiết lập quầy tiếp nhận"
    assert dialog.findChild(QWidget, "clerk_name") is None  # the clerk is whoever logs in
    for name, text in (
        ("commune_name", "UBND xã Tân Lập"),
        ("unit_name", "Trung tâm Phục vụ hành chính công xã Tân Lập"),
        ("agency_code", "000.17.22.h56"),
    ):
        w(dialog, name).setFocus()
        keyboard.type(text)
    keyboard.press(Qt.Key.Key_Tab)
    assert w(dialog, "counter_number").hasFocus()
    keyboard.press(Qt.Key.Key_A, CTRL)
    keyboard.type("2")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("Tân Lập")
    keyboard.press(Qt.Key.Key_Tab)
    assert w(dialog, "phone").hasFocus()  # optional, printed on the slips
    keyboard.type("0210 3856 123")
    keyboard.press(Qt.Key.Key_Tab)
    assert w(dialog, "full_name").hasFocus()
    keyboard.type("Nguyễn Thị Hoa")
    keyboard.press(Qt.Key.Key_Tab)
    assert w(dialog, "username").text() == "hoa.nt"  # suggested from the name
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type(PASSWORD)
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type(PASSWORD)
    keyboard.press(Qt.Key.Key_Return)  # the save button is the default
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert fresh.counter_setup() == CounterSetup(
        commune_name="UBND xã Tân Lập",
        unit_name="Trung tâm Phục vụ hành chính công xã Tân Lập",
        agency_code="000.17.22.H56",
        counter_number=2,
        place_name="Tân Lập",
        phone="0210 3856 123",
    )
    admin = fresh.current_account()
    assert (admin.username, admin.full_name, admin.role) == ("hoa.nt", "Nguyễn Thị Hoa",
                                                              Role.ADMIN)


def test_the_admin_password_typed_differently_twice_is_said_beside_the_repeat(
        open_setup, fresh, keyboard):
    dialog = open_setup(fresh)
    for name, text in (("commune_name", "UBND xã Tân Lập"), ("unit_name", "Bộ phận một cửa"),
                       ("agency_code", "000.17.22.H56"), ("place_name", "Tân Lập"),
                       ("full_name", "Nguyễn Thị Hoa"), ("password", PASSWORD),
                       ("password_repeat", PASSWORD + "x")):
        w(dialog, name).setFocus()
        keyboard.type(text)
    keyboard.press(Qt.Key.Key_S, CTRL)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert message(dialog, "password_repeat").startswith("Hai lần nhập mật khẩu không giống")
    assert w(dialog, "password_repeat").hasFocus() and w(dialog, "password_repeat").text() == ""
    assert w(dialog, "password").text() == PASSWORD
    assert fresh.counter_setup() is None and not fresh.has_accounts()


def test_every_missing_field_is_named_the_counter_first_then_the_admin(
        open_setup, fresh, keyboard):
    dialog = open_setup(fresh)
    keyboard.press(Qt.Key.Key_S, CTRL)
    for field in ("commune_name", "unit_name", "agency_code", "place_name"):
        assert message(dialog, field), field
    assert w(dialog, "commune_name").hasFocus()

    for name, text in (("commune_name", "UBND xã Tân Lập"), ("unit_name", "Bộ phận một cửa"),
                       ("agency_code", "000.17.22.H56"), ("place_name", "Tân Lập"),
                       ("password", "ngan"), ("password_repeat", "ngan")):
        w(dialog, name).setFocus()
        keyboard.type(text)
    keyboard.press(Qt.Key.Key_S, CTRL)
    assert message(dialog, "commune_name") == ""
    for field in ("full_name", "username", "password"):
        assert message(dialog, field), field
    assert w(dialog, "full_name").hasFocus()
    assert fresh.counter_setup() is None and not fresh.has_accounts()


def test_it_opens_with_the_saved_setup_and_no_account_fields(open_setup, services):
    dialog = open_setup(services)
    assert w(dialog, "commune_name").text() == DEMO_SETUP.commune_name
    assert w(dialog, "agency_code").text() == DEMO_SETUP.agency_code
    assert w(dialog, "counter_number").value() == DEMO_SETUP.counter_number
    assert "số quầy" in w(dialog, "counter_note").text()
    assert dialog.findChild(QWidget, "password") is None


def test_an_invalid_agency_code_is_explained_beside_it_and_nothing_is_lost(
        open_setup, services, keyboard):
    dialog = open_setup(services)
    agency = dialog.findChild(QLineEdit, "agency_code")
    agency.setFocus()
    keyboard.press(Qt.Key.Key_A, CTRL)
    keyboard.type("H56-17")
    w(dialog, "place_name").setFocus()
    keyboard.press(Qt.Key.Key_A, CTRL)
    keyboard.type("Xã Tân Lập")
    keyboard.press(Qt.Key.Key_S, CTRL)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert message(dialog, "agency_code").startswith("Mã định danh đơn vị không đúng dạng")
    assert message(dialog, "commune_name") == ""
    assert agency.hasFocus()
    assert agency.text() == "H56-17"
    assert w(dialog, "place_name").text() == "Xã Tân Lập"
    assert services.counter_setup() == DEMO_SETUP

    keyboard.press(Qt.Key.Key_A, CTRL)
    keyboard.type("000.17.22.H56")
    keyboard.press(Qt.Key.Key_S, CTRL)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.counter_setup().place_name == "Xã Tân Lập"


def test_the_counter_number_stays_between_1_and_9(open_setup, services):
    dialog = open_setup(services)
    spin = dialog.findChild(QSpinBox, "counter_number")
    assert (spin.minimum(), spin.maximum()) == (1, 9)


def test_the_first_admin_of_an_old_counter_is_prefilled_and_logged_in(
        qtbot, activate, worker, fresh, keyboard):
    dialog = FirstAdminDialog(fresh, worker, ADMIN_NAME)
    qtbot.addWidget(dialog)
    activate(dialog)
    assert dialog.windowTitle() == "Tạo tài khoản quản trị"
    assert w(dialog, "full_name").text() == ADMIN_NAME
    assert w(dialog, "username").text() == "hoa.nt"
    w(dialog, "username").setFocus()
    keyboard.press(Qt.Key.Key_A, CTRL)
    keyboard.type("quantri")
    for name in ("password", "password_repeat"):
        w(dialog, name).setFocus()
        keyboard.type(PASSWORD)
    keyboard.press(Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert fresh.current_account().username == "quantri"
    assert fresh.current_account().full_name == ADMIN_NAME


def test_a_folder_that_issued_codes_is_set_up_again_only_when_the_admin_ticks_the_reuse(
        open_setup, tmp_path, keyboard):
    worked = Services(tmp_path / "worked")
    worked.first_run(DEMO_SETUP, "hoa.nt", ADMIN_NAME, PASSWORD)
    worked.receive(full_draft(worked), accept_warnings=True)
    worked.close()
    (tmp_path / "worked" / "desk.db").unlink()  # lost; ma-ho-so.json stays
    fresh = Services(tmp_path / "worked")
    try:
        dialog = open_setup(fresh)
        assert not w(dialog, "reuse_issued").isVisible()
        for name, text in (("commune_name", DEMO_SETUP.commune_name),
                           ("unit_name", DEMO_SETUP.unit_name),
                           ("agency_code", DEMO_SETUP.agency_code), ("place_name", "Tân Lập"),
                           ("full_name", ADMIN_NAME), ("password", PASSWORD),
                           ("password_repeat", PASSWORD)):
            w(dialog, name).setFocus()
            keyboard.type(text)
        keyboard.press(Qt.Key.Key_S, CTRL)
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert w(dialog, "reuse_issued").isVisible() and w(dialog, "reuse_issued").hasFocus()
        assert message(dialog, "reuse_issued").startswith("Máy này đã cấp mã hồ sơ")
        keyboard.press(Qt.Key.Key_Space)  # ticks it
        keyboard.press(Qt.Key.Key_S, CTRL)
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert fresh.counter_setup().agency_code == DEMO_SETUP.agency_code
    finally:
        fresh.close()
