import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QSpinBox, QWidget

from desk_app.core.counter import CounterSetup
from desk_app.services.app import Services
from desk_app.services.demo import DEMO_SETUP
from desk_app.ui.setup_dialog import SetupDialog

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def fresh(tmp_path):
    services = Services(tmp_path / "fresh")
    yield services
    services.close()


@pytest.fixture
def open_setup(qtbot, activate):
    def open_(services) -> SetupDialog:
        dialog = SetupDialog(services)
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


def test_first_run_setup_typed_by_keyboard_is_saved(open_setup, fresh, keyboard):
    dialog = open_setup(fresh)
    assert dialog.windowTitle() == "Thiết lập quầy tiếp nhận"
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
    keyboard.type("Nguyễn Thị Hoa")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("Tân Lập")
    keyboard.press(Qt.Key.Key_Return)  # the save button is the default
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert fresh.counter_setup() == CounterSetup(
        commune_name="UBND xã Tân Lập",
        unit_name="Trung tâm Phục vụ hành chính công xã Tân Lập",
        agency_code="000.17.22.H56",
        counter_number=2,
        clerk_name="Nguyễn Thị Hoa",
        place_name="Tân Lập",
    )


def test_it_opens_with_the_saved_setup(open_setup, services):
    dialog = open_setup(services)
    assert w(dialog, "commune_name").text() == DEMO_SETUP.commune_name
    assert w(dialog, "agency_code").text() == DEMO_SETUP.agency_code
    assert w(dialog, "counter_number").value() == DEMO_SETUP.counter_number
    assert "số quầy" in w(dialog, "counter_note").text()


def test_an_invalid_agency_code_is_explained_beside_it_and_nothing_is_lost(
        open_setup, services, keyboard):
    dialog = open_setup(services)
    agency = dialog.findChild(QLineEdit, "agency_code")
    agency.setFocus()
    keyboard.press(Qt.Key.Key_A, CTRL)
    keyboard.type("H56-17")
    w(dialog, "clerk_name").setFocus()
    keyboard.press(Qt.Key.Key_A, CTRL)
    keyboard.type("Lê Văn Bình")
    keyboard.press(Qt.Key.Key_S, CTRL)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert message(dialog, "agency_code").startswith("Mã định danh đơn vị không đúng dạng")
    assert message(dialog, "commune_name") == ""
    assert agency.hasFocus()
    assert agency.text() == "H56-17"
    assert w(dialog, "clerk_name").text() == "Lê Văn Bình"
    assert services.counter_setup() == DEMO_SETUP

    keyboard.press(Qt.Key.Key_A, CTRL)
    keyboard.type("000.17.22.H56")
    keyboard.press(Qt.Key.Key_S, CTRL)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert services.counter_setup().clerk_name == "Lê Văn Bình"


def test_every_missing_field_is_named(open_setup, fresh, keyboard):
    dialog = open_setup(fresh)
    keyboard.press(Qt.Key.Key_S, CTRL)
    for field in ("commune_name", "unit_name", "agency_code", "clerk_name", "place_name"):
        assert message(dialog, field), field
    assert w(dialog, "commune_name").hasFocus()
    assert fresh.counter_setup() is None


def test_the_counter_number_stays_between_1_and_9(open_setup, services):
    dialog = open_setup(services)
    spin = dialog.findChild(QSpinBox, "counter_number")
    assert (spin.minimum(), spin.maximum()) == (1, 9)
