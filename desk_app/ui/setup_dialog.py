"""First-run setup of the counter: who issues the codes and slips printed on this PC, and the
admin account that looks after it. Also the first admin of a database from before accounts."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QSpinBox, QWidget

from desk_app.core.accounts import Account
from desk_app.core.counter import CounterSetup
from desk_app.core.text import nfc
from desk_app.core.validation import Issue
from desk_app.services.app import Services
from desk_app.services.witnesses import REUSE_FIELD
from desk_app.ui.account_fields import AccountFields
from desk_app.ui.form_dialog import FormDialog


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class SetupDialog(FormDialog):
    """The counter's identity. At the first run (nothing set up yet) it also creates the admin
    account, saved with the setup in one go, and logs the admin in."""

    def __init__(self, services: Services, worker, current: CounterSetup | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self._services = services
        self.setWindowTitle(self.tr("Thiết lập quầy tiếp nhận"))
        self.setObjectName("setup_dialog")
        self.first_run = current is None

        intro = QLabel(self.tr(
            "Thông tin này in trên mọi phiếu và tạo nên mã hồ sơ. Nhập một lần cho máy này."
        ))
        intro.setWordWrap(True)
        self._commune = self._line_edit("commune_name", self.tr("ví dụ UBND xã Tân Lập"))
        self._unit = self._line_edit(
            "unit_name", self.tr("ví dụ Trung tâm Phục vụ hành chính công xã Tân Lập")
        )
        self._agency = self._line_edit("agency_code", self.tr("ví dụ 000.17.22.H56"))
        self._counter = QSpinBox()
        self._counter.setObjectName("counter_number")
        self._counter.setRange(1, 9)
        self._counter.setMaximumWidth(self._counter.fontMetrics().horizontalAdvance("0") * 10)
        counter_note = QLabel(self.tr(
            "Chữ số đầu của mỗi mã hồ sơ là số quầy, nên hai quầy của xã không bao giờ cấp "
            "trùng mã, kể cả khi mất mạng. Mỗi quầy (mỗi máy) cần một số khác nhau."
        ))
        counter_note.setObjectName("counter_note")
        counter_note.setWordWrap(True)
        counter_note.setStyleSheet("color: #555;")
        self._place = self._line_edit(
            "place_name", self.tr("ví dụ Tân Lập (in thành «Tân Lập, ngày … tháng … năm …»)")
        )

        form = self.form
        form.row(self.tr("Tên &xã, phường"), "commune_name", self._commune)
        form.row(self.tr("&Bộ phận tiếp nhận"), "unit_name", self._unit)
        form.row(self.tr("&Mã định danh đơn vị"), "agency_code", self._agency)
        form.row(self.tr("&Số quầy"), "counter_number", self._counter, counter_note)
        self._phone = self._line_edit(
            "phone", self.tr("ví dụ 0210 3856 123 (in trên giấy hẹn, phiếu bổ sung)")
        )
        form.row(self.tr("Đị&a danh ghi trên phiếu"), "place_name", self._place)
        form.row(self.tr("Số đ&iện thoại của bộ phận"), "phone", self._phone)
        self.admin: AccountFields | None = None
        self.reuse: QCheckBox | None = None
        if self.first_run:
            # Shown only when the service says this folder issued codes under the same agency
            # code and counter number (its database lost, the restore declined).
            self.reuse = QCheckBox(self.tr(
                "Tôi chắc chắn: dùng lại mã đơn vị và số quầy này (ghi lại lựa chọn)"))
            self.reuse.setObjectName(REUSE_FIELD)
            form.row(self.tr("&Dùng lại"), REUSE_FIELD, self.reuse)
            self._reuse_row = form.rowCount() - 1
            form.setRowVisible(self._reuse_row, False)
            admin_intro = QLabel(self.tr(
                "Người quản trị máy này đăng nhập bằng tài khoản dưới đây, rồi tạo tài khoản "
                "cho từng cán bộ. Họ tên in trên phiếu của hồ sơ người đó tiếp nhận."))
            admin_intro.setWordWrap(True)
            form.addRow(heading(self.tr("Tài khoản quản trị")))
            form.addRow(admin_intro)
            self.admin = AccountFields(form)
        self._finish_layout(intro, form)
        self.setMinimumWidth(640)

        if current is not None:
            self._fill(current)

    def _line_edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _fill(self, setup: CounterSetup) -> None:
        self._commune.setText(setup.commune_name)
        self._unit.setText(setup.unit_name)
        self._agency.setText(setup.agency_code)
        self._counter.setValue(setup.counter_number)
        self._place.setText(setup.place_name)
        self._phone.setText(setup.phone)

    def typed_setup(self) -> CounterSetup:
        return CounterSetup(
            commune_name=nfc(self._commune.text()),
            unit_name=nfc(self._unit.text()),
            agency_code=nfc(self._agency.text()),
            counter_number=self._counter.value(),
            place_name=nfc(self._place.text()),
            phone=nfc(self._phone.text()),
        )

    def _job(self):
        setup = self.typed_setup()
        if self.admin is None:
            return partial(self._services.save_counter_setup, setup)
        admin = self.admin.typed()
        if admin is None:
            return None
        return partial(self._services.first_run, setup, *admin,
                       reuse_issued=self.reuse is not None and self.reuse.isChecked())

    def _place_issues(self, issues: list[Issue]) -> list[Issue]:
        if self.reuse is not None and any(issue.field == REUSE_FIELD for issue in issues):
            self.form.setRowVisible(self._reuse_row, True)
        return super()._place_issues(issues)

    def _succeeded(self, result: CounterSetup | Account) -> None:
        if isinstance(result, CounterSetup):
            self._fill(result)  # as stored: trimmed, agency code in capitals
        super()._succeeded(result)

class FirstAdminDialog(FormDialog):
    """For a counter set up before accounts existed: the first admin account, the name
    prefilled with the clerk its slips were signed by until now. `created(account)` once the
    admin is created, and logged in."""

    created = Signal(object)

    def __init__(self, services: Services, worker, suggested_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(worker, parent)
        self._services = services
        self.setWindowTitle(self.tr("Tạo tài khoản quản trị"))
        self.setObjectName("first_admin_dialog")
        intro = QLabel(self.tr(
            "Từ phiên bản này, mỗi cán bộ đăng nhập bằng tài khoản riêng và mọi thao tác ghi "
            "tên người làm. Hãy tạo tài khoản quản trị đầu tiên; người quản trị sẽ tạo tài "
            "khoản cho các cán bộ khác."))
        intro.setWordWrap(True)
        self.admin = AccountFields(self.form)
        self.admin.full_name.setText(suggested_name)
        self._finish_layout(intro, self.form)
        self.setMinimumWidth(560)

    def _job(self):
        admin = self.admin.typed()
        if admin is None:
            return None
        return partial(self._services.create_first_admin, *admin)

    def _succeeded(self, result: Account) -> None:
        super()._succeeded(result)
        self.created.emit(result)
