"""Handing the result over: to whom, when, at the counter or by post, and how satisfied the
citizen was. The applicant's name and ID number come filled in; an authorised person's must be
typed, ID number included."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLineEdit, QRadioButton, QWidget

from desk_app.core import validation
from desk_app.core.lifecycle import ResultReturn, Satisfaction
from desk_app.core.model import DeliveryMethod, Dossier, DossierRow
from desk_app.core.text import digits
from desk_app.core.validation import Issue
from desk_app.ui.action_dialog import ActionDialog, text_of
from desk_app.ui.labels import satisfaction_label
from desk_app.ui.shortcuts import make_shortcut


def _radio_row(*buttons: QRadioButton) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(box)
    for button in buttons:
        group.addButton(button)
        row.addWidget(button)
    row.addStretch(1)
    return box


class ReturnDialog(ActionDialog):
    def __init__(self, services, worker, row: DossierRow, dossier: Dossier,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, worker, [row], name="return_dialog",
                         title=self.tr("Trả kết quả cho công dân"),
                         submit_text=self.tr("Ghi nhận đã trả"), parent=parent)
        self._applicant = dossier.applicant
        self.by_applicant = QRadioButton(self.tr("Người nộp hồ &sơ"), objectName="by_applicant")
        self.by_authorised = QRadioButton(self.tr("Người được ủ&y quyền"),
                                          objectName="by_authorised")
        self.add_field("collector", self.tr("Người nhận"),
                       _radio_row(self.by_applicant, self.by_authorised))
        self.collector_name = self.add_field(
            "collector_name", self.tr("&Họ và tên"), QLineEdit(objectName="collector_name"),
            required=self.tr("Nhập họ tên người nhận kết quả."))
        self.collector_id = self.add_field(
            "collector_id_number", self.tr("Số &CCCD"),
            QLineEdit(objectName="collector_id_number"))
        self.at = self.add_time_field("at", self.tr("&Thời gian trả"))

        self.at_counter = QRadioButton(self.tr("Tại &quầy"), objectName="at_counter")
        self.by_post = QRadioButton(self.tr("Qua &bưu chính"), objectName="by_post")
        self.add_field("method", self.tr("Hình thức"), _radio_row(self.at_counter, self.by_post))
        self.tracking = self.add_field(
            "tracking_number", self.tr("Số &vận đơn"), QLineEdit(objectName="tracking_number"),
            required=self.tr("Nhập số vận đơn bưu chính để tra cứu khi cần."))

        self.satisfaction: dict[Satisfaction, QRadioButton] = {}
        for value in Satisfaction:
            button = QRadioButton(f"{satisfaction_label(value)} ({int(value)})",
                                  objectName=f"satisfaction_{int(value)}")
            self.satisfaction[value] = button
            # Number keys answer for the citizen; fields that take text keep their digits.
            make_shortcut(QKeySequence(str(int(value))), self, button.click)
        self.add_field("satisfaction", self.tr("Mức độ hài lòng"),
                       _radio_row(*self.satisfaction.values()))

        self.by_applicant.toggled.connect(self._collector_changed)
        self.by_post.toggled.connect(self._method_changed)
        self.by_applicant.setChecked(True)
        by_post = dossier.draft.delivery.method is DeliveryMethod.POST
        (self.by_post if by_post else self.at_counter).setChecked(True)
        self._method_changed()
        self.by_applicant.setFocus(Qt.FocusReason.OtherFocusReason)

    def _collector_changed(self) -> None:
        if self.by_applicant.isChecked():
            self.collector_name.setText(self._applicant.name)
            self.collector_id.setText(self._applicant.id_number)
        else:
            self.collector_name.clear()
            self.collector_id.clear()
            self.collector_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _method_changed(self) -> None:
        self.tracking.setEnabled(self.by_post.isChecked())

    def chosen_satisfaction(self) -> Satisfaction | None:
        return next((value for value, button in self.satisfaction.items()
                     if button.isChecked()), None)

    def local_issues(self) -> list[Issue]:
        issues = super().local_issues()
        if self.by_authorised.isChecked() and not digits(self.collector_id.text()):
            issues.append(validation.error("collector_id_number", self.tr(
                "Nhập số CCCD của người được ủy quyền (ghi trong giấy ủy quyền).")))
        return issues

    def result_return(self) -> ResultReturn:
        by_post = self.by_post.isChecked()
        return ResultReturn(
            at=self.at.value(),
            collector_name=text_of(self.collector_name),
            collector_id_number=text_of(self.collector_id),
            authorised=self.by_authorised.isChecked(),
            by_post=by_post,
            tracking_number=text_of(self.tracking) if by_post else "",
            satisfaction=self.chosen_satisfaction(),
        )

    def action(self) -> Callable[[], object]:
        uuid, returned = self.rows[0].uuid, self.result_return()
        return lambda: self.services.return_result(uuid, returned)
