import unicodedata

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desk_app.ui.scanner import ScannerCatcher
from tests.cards import CARD, LINE


class Form(QDialog):
    """One widget of each kind a scan can land in, each holding something typed before."""

    def __init__(self) -> None:
        super().__init__()
        self.line = QLineEdit("Trần Thị")
        self.plain = QPlainTextEdit("Đăng ký\nthường trú")
        self.spin = QSpinBox()
        self.spin.setRange(1, 99)
        self.spin.setValue(3)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.addItems(["1.001193 – Đăng ký khai sinh", "1.004222 – Đăng ký thường trú"])
        self.combo.setCurrentIndex(1)
        self.table = QTableWidget(3, 2)
        for row in range(3):
            self.table.setItem(row, 0, QTableWidgetItem(f"{row + 1}"))
            self.table.setItem(row, 1, QTableWidgetItem(f"Giấy tờ {row}"))
        self.date = QDateEdit(QDate(1990, 3, 15))
        self.button = QPushButton("Lưu")
        layout = QVBoxLayout(self)
        for widget in self.widgets():
            layout.addWidget(widget)

    def widgets(self):
        return [self.line, self.plain, self.spin, self.combo, self.table, self.date, self.button]

    def state(self):
        return (
            self.line.text(), self.plain.toPlainText(), self.spin.value(), self.spin.text(),
            self.combo.currentIndex(), self.combo.currentText(),
            (self.table.currentRow(), self.table.currentColumn()),
            [self.table.item(row, 0).text() for row in range(3)], self.date.date(),
        )


@pytest.fixture
def form(qtbot, activate):
    form = Form()
    qtbot.addWidget(form)
    activate(form)
    return form


@pytest.fixture
def catcher(form):
    catcher = ScannerCatcher(form)
    catcher.start()
    yield catcher
    catcher.stop()


@pytest.fixture
def events(catcher):
    got = {"scanned": [], "failed": []}
    catcher.scanned.connect(got["scanned"].append)
    catcher.scan_failed.connect(got["failed"].append)
    return got


@pytest.mark.parametrize("name", ["line", "plain", "spin", "combo", "table", "date", "button"])
def test_a_scan_is_read_wherever_the_focus_is_and_typed_content_stays(
        form, keyboard, events, name):
    widget = getattr(form, name)
    widget.setFocus()
    if name == "table":
        form.table.setCurrentCell(1, 0)
    before = form.state()
    keyboard.type(LINE)
    keyboard.press(Qt.Key.Key_Return)
    assert events == {"scanned": [CARD], "failed": []}
    assert form.state() == before
    assert widget.hasFocus()


def test_a_decomposed_scan_is_read_as_nfc(form, keyboard, events):
    form.line.setFocus()
    keyboard.type(unicodedata.normalize("NFD", LINE))
    keyboard.press(Qt.Key.Key_Enter)
    assert events["scanned"] == [CARD]


def test_a_scanner_without_enter_is_read_after_a_pause(qtbot, form, keyboard, catcher):
    form.line.setFocus()
    with qtbot.waitSignal(catcher.scanned, timeout=2000) as signal:
        keyboard.type(LINE)
    assert signal.args == [CARD]
    assert form.line.text() == "Trần Thị"


def test_the_enter_ending_a_scan_does_not_reach_the_form(form, keyboard, events):
    form.button.setFocus()
    pressed = []
    form.button.clicked.connect(lambda: pressed.append(True))
    keyboard.type(LINE)
    keyboard.press(Qt.Key.Key_Return)
    assert events["scanned"] == [CARD]
    assert pressed == []


def test_an_id_number_typed_by_hand_is_not_a_scan(form, keyboard, events):
    form.line.clear()
    form.line.setFocus()
    keyboard.type("001090012345")
    keyboard.press(Qt.Key.Key_Tab)
    keyboard.type("0912345678|")
    assert form.line.text() == "001090012345"
    assert form.plain.toPlainText().startswith("0912345678|")
    assert events == {"scanned": [], "failed": []}


def test_a_malformed_line_is_reported_in_vietnamese_and_nothing_is_lost(form, keyboard, events):
    form.line.setFocus()
    before = form.state()
    keyboard.type("001090012345|123456789|Nguyễn Văn An|1503199|Nam|Số 12|20042021")
    keyboard.press(Qt.Key.Key_Return)
    assert events["scanned"] == []
    assert len(events["failed"]) == 1
    assert "Ngày sinh trong mã QR" in events["failed"][0]
    assert form.state() == before


def test_after_stop_keys_are_typed_normally(form, keyboard, catcher, events):
    catcher.stop()
    form.line.clear()
    form.line.setFocus()
    keyboard.type("001090012345|1")
    assert form.line.text() == "001090012345|1"
    assert events == {"scanned": [], "failed": []}


def test_keys_for_another_window_are_left_alone(qtbot, activate, catcher, keyboard, events):
    other = QLineEdit()
    qtbot.addWidget(other)
    activate(other)
    other.setFocus()
    keyboard.type("001090012345|123456789|An|15031990|Nam|Số 12")
    keyboard.press(Qt.Key.Key_Return)
    assert other.text() == "001090012345|123456789|An|15031990|Nam|Số 12"
    assert events == {"scanned": [], "failed": []}
