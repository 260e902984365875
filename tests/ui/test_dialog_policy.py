"""The one policy of every dialog that records through the services (ui.dialog_base), tried on
both kinds: a form (FormDialog) and a dossier action (ActionDialog). While the services work,
nothing closes it and a second submit is ignored; a refusal is shown where it belongs and
nothing typed is lost."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from desk_app.core.clock import VN_TZ
from desk_app.core.model import DossierRow
from desk_app.core.states import DossierState
from desk_app.core.validation import Issue, Severity
from desk_app.services.errors import ValidationFailed
from desk_app.ui.form_dialog import FormDialog
from desk_app.ui.reason_dialog import ReasonDialog

CTRL = Qt.KeyboardModifier.ControlModifier
ROW = DossierRow("u", "000.00.00.H01-261201-0001", "Nguyễn Văn An", "Chứng thực bản sao",
                 datetime(2026, 12, 1, 8, 0, tzinfo=VN_TZ),
                 datetime(2026, 12, 1, 16, 0, tzinfo=VN_TZ), DossierState.RECEIVED, "lan")


class _NoteDialog(FormDialog):
    """The smallest form: one note, saved by `act(note)`."""

    def __init__(self, worker, act) -> None:
        super().__init__(worker, None)
        self._act = act
        self.note = QLineEdit(objectName="note")
        self.form.row("&Ghi chú", "note", self.note)
        self._finish_layout(self.form)

    def _job(self):
        note = self.note.text()
        return lambda: self._act(note)


class Kind:
    """One kind of dialog: how to build it, which field it has, which key submits it."""

    def __init__(self, name, build, field, submit_key, busy_text):
        self.name, self.build, self.field = name, build, field
        self.submit_key, self.busy_text = submit_key, busy_text


KINDS = [
    Kind("form", lambda worker, act: _NoteDialog(worker, act), "note", Qt.Key.Key_S,
         "Đang lưu…"),
    Kind("action", lambda worker, act: ReasonDialog(
        None, worker, [ROW], name="refusal_dialog", title="Từ chối tiếp nhận hồ sơ",
        submit_text="Từ chối", label="&Lý do", placeholder="", required="Nhập lý do.",
        act=act), "reason", Qt.Key.Key_Return, "Đang ghi nhận…"),
]


class Services:
    """What the dialog's call reaches: records each call, answers or raises as told."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.error: Exception | None = None

    def __call__(self, text: str) -> str:
        self.calls.append(text)
        if self.error is not None:
            raise self.error
        return text


@pytest.fixture(params=KINDS, ids=lambda kind: kind.name)
def kind(request):
    return request.param


@pytest.fixture
def services():
    return Services()


@pytest.fixture
def dialog(qtbot, kind, held_worker, services, activate):
    shown = kind.build(held_worker, services)
    qtbot.addWidget(shown)
    activate(shown)
    field_of(shown, kind).setFocus()
    return shown


def field_of(dialog, kind):
    return getattr(dialog, kind.field)  # each dialog keeps its field under the field's key


def typed(dialog, kind) -> str:
    field = field_of(dialog, kind)
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()


def submit(dialog, kind, keyboard) -> None:
    keyboard.type("Sai thẩm quyền")
    keyboard.press(kind.submit_key, CTRL)


def test_while_the_services_work_esc_and_cancel_do_nothing(
        dialog, kind, held_worker, services, keyboard):
    submit(dialog, kind, keyboard)
    assert len(held_worker.jobs) == 1 and dialog.busy
    button = dialog.submit_button
    assert not button.isEnabled() and button.text() == kind.busy_text
    keyboard.press(Qt.Key.Key_Escape)
    assert dialog.isVisible()
    dialog.findChild(QPushButton, "cancel_button").click()
    dialog.close()
    assert dialog.isVisible()

    held_worker.release()
    assert services.calls == ["Sai thẩm quyền"]
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Accepted


def test_a_second_submit_while_busy_is_ignored(dialog, kind, held_worker, services, keyboard):
    submit(dialog, kind, keyboard)
    keyboard.press(kind.submit_key, CTRL)
    dialog.submit()  # as a double click would: the button itself is already disabled
    assert len(held_worker.jobs) == 1
    held_worker.release()
    assert services.calls == ["Sai thẩm quyền"]


def test_a_refusal_goes_beside_its_field_the_rest_above_the_buttons(
        dialog, kind, held_worker, services, keyboard):
    services.error = ValidationFailed([
        Issue(kind.field, "Lý do quá ngắn.", Severity.ERROR),
        Issue("elsewhere", "Hồ sơ đã được xử lý ở quầy khác.", Severity.ERROR)])
    submit(dialog, kind, keyboard)
    held_worker.release()

    beside = dialog.findChild(QLabel, f"error_{kind.field}")
    assert beside.isVisible() and beside.text() == "Lý do quá ngắn."
    assert dialog.general_error.isVisible()
    assert dialog.general_error.text() == "Hồ sơ đã được xử lý ở quầy khác."
    assert dialog.isVisible() and typed(dialog, kind) == "Sai thẩm quyền"
    assert QApplication.focusWidget() is field_of(dialog, kind)
    assert dialog.submit_button.isEnabled() and not dialog.busy


def test_any_other_error_is_said_in_vietnamese_above_the_buttons(
        dialog, kind, held_worker, services, keyboard):
    services.error = OSError("disk I/O error")
    submit(dialog, kind, keyboard)
    held_worker.release()

    assert dialog.general_error.isVisible()
    assert dialog.general_error.text().startswith("Đã xảy ra lỗi không mong muốn: disk I/O error")
    assert not dialog.findChild(QLabel, f"error_{kind.field}").isVisible()
    assert dialog.isVisible() and typed(dialog, kind) == "Sai thẩm quyền"
    keyboard.press(Qt.Key.Key_Escape)  # answered: Esc closes again
    assert not dialog.isVisible()
