"""Enrolling this PC with the provincial hub: the hub's address and the one-time code the
province issued (and, for a province with its own certificate authority, the CA file).

The device token the hub returns never reaches this dialog: the sync service stores it sealed
and hands back only who we now are to the province.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.text import nfc
from desk_app.services.errors import ValidationFailed
from desk_app.services.sync import EnrolledCounter, SyncService
from desk_app.ui.field_form import FieldForm, with_button
from desk_app.ui.messages import error_text
from desk_app.ui.widgets import error_label
from sync.client import HubError


class EnrollDialog(QDialog):
    enrolled = Signal(object)  # EnrolledCounter

    def __init__(self, sync: SyncService, net_worker, default_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="enroll_dialog")
        self._sync = sync
        self._worker = net_worker
        self.setWindowTitle(self.tr("Đăng ký máy với máy chủ tỉnh"))

        intro = QLabel(self.tr(
            "Nhập địa chỉ máy chủ đồng bộ của tỉnh và mã đăng ký một lần do tỉnh cấp cho máy "
            "này. Sau khi đăng ký, hồ sơ được gửi lên tỉnh tự động."))
        intro.setWordWrap(True)
        self.url = self._edit("url", self.tr("ví dụ https://dongbo.phutho.gov.vn"))
        self.code = self._edit("code", self.tr("ví dụ K7QXM-3RTPW"))
        self.device_name = self._edit("device_name", self.tr("tên máy này trên máy chủ tỉnh"))
        self.device_name.setText(default_name)
        self.ca_bundle = self._edit("ca_bundle", self.tr("để trống nếu tỉnh không yêu cầu"))
        browse = QPushButton(self.tr("Chọn tệp…"), objectName="browse_ca")
        browse.clicked.connect(self._browse)
        ca_row = with_button(self.ca_bundle, browse)

        self.form = form = FieldForm()
        form.row(self.tr("Địa chỉ &máy chủ"), "url", self.url)
        form.row(self.tr("Mã đăng &ký"), "code", self.code)
        form.row(self.tr("&Tên máy"), "device_name", self.device_name)
        form.row(self.tr("Tệp chứng chỉ &CA"), "ca_bundle", ca_row)

        self.error = error_label("enroll_error")
        self.submit = QPushButton(self.tr("Đăng ký"), objectName="enroll_button")
        self.submit.setDefault(True)
        self.submit.clicked.connect(self._enroll)
        cancel = QPushButton(self.tr("Hủy (Esc)"), objectName="cancel_button")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.submit)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self.url.setFocus()
        net_worker.run(sync.connection, self._show_connection)

    def _show_connection(self, connection) -> None:
        """What this PC already knows of the hub (an earlier enrolment), read on the worker;
        a field the clerk has started typing in is left alone."""
        for edit, known in ((self.url, connection.hub_url),
                            (self.device_name, connection.device_name),
                            (self.ca_bundle, connection.ca_bundle)):
            if known and not edit.isModified():
                edit.setText(known)
        if self.url.text() and self.focusWidget() in (None, self.url) \
                and not self.url.isModified():
            self.code.setFocus()  # the hub is known: what is left to type is the new code

    def _edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn tệp chứng chỉ CA của tỉnh"), "",
            self.tr("Chứng chỉ (*.pem *.crt *.cer);;Mọi tệp (*)"))
        if path:
            self.ca_bundle.setText(path)

    def _enroll(self) -> None:
        self.form.clear_issues()
        self.error.hide()
        self.submit.setEnabled(False)
        self.submit.setText(self.tr("Đang kết nối…"))
        call = partial(self._sync.enroll, nfc(self.url.text()), nfc(self.code.text()),
                       nfc(self.device_name.text()), nfc(self.ca_bundle.text()) or None)
        self._worker.run(call, self._done, self._failed)

    def _done(self, counter: EnrolledCounter) -> None:
        self.enrolled.emit(counter)
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.submit.setEnabled(True)
        self.submit.setText(self.tr("Đăng ký"))
        if isinstance(exc, ValidationFailed):
            homeless = self.form.show_issues(exc.issues)
            text = "\n".join(issue.message for issue in homeless)
        else:
            text = str(exc) if isinstance(exc, HubError) else error_text(exc)
        self.error.setText(text)
        self.error.setVisible(bool(text))
