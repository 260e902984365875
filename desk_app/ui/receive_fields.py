"""The inputs of the receive form, laid out in the order of the paper slip, and the draft they
make. What happens when they change (checks, saving, scanning) is the dialog's business."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.core.citizen_id import CardData
from desk_app.core.model import (
    Applicant,
    ApplicantType,
    Channel,
    DeliveryMethod,
    DossierDraft,
    ResultDelivery,
    Sex,
)
from desk_app.core.text import clean, nfc
from desk_app.core.validation import NAME_MAX_LENGTH
from desk_app.ui.date_field import DateField
from desk_app.ui.documents_table import DocumentsTable
from desk_app.ui.field_errors import FieldMessages
from desk_app.ui.procedure_picker import ProcedurePicker

HINT_STYLE = "color: #555;"
MAX_FEE = 99_999_000  # đồng; far above any counter fee, inside QSpinBox's range


class ReceiveFields(QWidget):
    """Two columns: procedure, applicant and request on the left; documents, delivery and fee
    on the right. `fields` maps each issue field key ("applicant.phone") to its input, in the
    order of the form; `messages` holds the label under each of them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages = FieldMessages()
        self.fields: dict[str, QWidget] = {}
        self._create_inputs()
        columns = QHBoxLayout(self)
        columns.addLayout(self._left_column(), 10)
        columns.addLayout(self._right_column(), 11)
        self.applicant_type.currentIndexChanged.connect(self._name_the_applicant)
        self.delivery.currentIndexChanged.connect(self._enable_postal_fields)
        self._enable_postal_fields()

    def _create_inputs(self) -> None:
        self.procedure = ProcedurePicker()
        self.procedure.setObjectName("procedure")
        self.processing_time = QLabel()
        self.processing_time.setObjectName("processing_time")
        self.processing_time.setWordWrap(True)

        self.applicant_type = QComboBox()
        self.applicant_type.setObjectName("applicant_type")
        for label, kind in (
            (self.tr("Công dân"), ApplicantType.CITIZEN),
            (self.tr("Doanh nghiệp"), ApplicantType.BUSINESS),
            (self.tr("Cơ quan nhà nước"), ApplicantType.AGENCY),
            (self.tr("Tổ chức khác"), ApplicantType.OTHER),
        ):
            self.applicant_type.addItem(label, int(kind))
        self.name = _line_edit("applicant_name", self.tr(
            "tối đa {count} ký tự, như in trên phiếu").format(count=NAME_MAX_LENGTH))
        self.id_number = _line_edit("id_number", self.tr("12 chữ số, hoặc quét mã QR trên thẻ"))
        self.birth_date = DateField()
        self.birth_date.setObjectName("birth_date")
        self.sex = QComboBox()
        self.sex.setObjectName("sex")
        for label, sex in (
            ("—", Sex.UNSPECIFIED), (self.tr("Nam"), Sex.MALE), (self.tr("Nữ"), Sex.FEMALE)
        ):
            self.sex.addItem(label, sex.value)
        self.phone = _line_edit("phone", self.tr("ví dụ 0912 345 678"))
        self.email = _line_edit("email")
        self.address = _line_edit("address")

        self.request = _plain_text("request", lines=3)
        self.sets = QSpinBox()
        self.sets.setObjectName("sets")
        self.sets.setRange(1, 99)

        self.documents = DocumentsTable()
        self.documents.setObjectName("documents")
        self.documents_summary = QLabel()
        self.documents_summary.setObjectName("documents_summary")

        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        self.channel.addItem(self.tr("Trực tiếp"), int(Channel.COUNTER))
        self.channel.addItem(self.tr("Bưu chính công ích"), int(Channel.POSTAL))
        self.delivery = QComboBox()
        self.delivery.setObjectName("delivery")
        self.delivery.addItem(self.tr("Tại bộ phận một cửa"), int(DeliveryMethod.COUNTER))
        self.delivery.addItem(self.tr("Qua bưu chính"), int(DeliveryMethod.POST))
        self.copy_applicant = QPushButton(self.tr("Gửi về địa chỉ người nộp (Ctrl+D)"))
        self.copy_applicant.setObjectName("copy_applicant_button")
        self.copy_applicant.setToolTip(self.tr(
            "Chọn nhận kết quả qua bưu chính và chép họ tên, điện thoại, địa chỉ người nộp."
        ))
        self.recipient = _line_edit("delivery_recipient")
        self.delivery_phone = _line_edit("delivery_phone")
        self.delivery_address = _line_edit("delivery_address")

        self.fee = QSpinBox()
        self.fee.setObjectName("fee")
        self.fee.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        self.fee.setRange(0, MAX_FEE)
        self.fee.setSingleStep(1000)
        self.fee.setGroupSeparatorShown(True)
        self.fee.setSuffix(self.tr(" đồng"))
        self.fee_note = QLabel()
        self.fee_note.setObjectName("fee_note")
        self.fee_note.setWordWrap(True)
        self.fee_note.setStyleSheet(HINT_STYLE)
        self.notes = _plain_text("notes", lines=2)

    def _left_column(self) -> QVBoxLayout:
        procedure_box = QGroupBox(self.tr("Thủ tục hành chính"))
        procedure_layout = QVBoxLayout(procedure_box)
        procedure_label = QLabel(self.tr("&Thủ tục (gõ mã hoặc tên, không cần dấu):"))
        procedure_label.setBuddy(self.procedure)
        procedure_layout.addWidget(procedure_label)
        procedure_layout.addWidget(self._with_message("procedure", self.procedure))
        procedure_layout.addWidget(self.processing_time)

        applicant_box = QGroupBox(self.tr("Người nộp hồ sơ"))
        form = _form(applicant_box)
        _add_row(form, self.tr("&Loại người nộp"), self.applicant_type)
        self._name_label = _add_row(
            form, self.tr("&Họ và tên"), self._with_message("applicant.name", self.name),
            self.name,
        )
        _add_row(
            form, self.tr("Số &CCCD"),
            self._with_message("applicant.id_number", self.id_number), self.id_number,
        )
        birth_and_sex = QHBoxLayout()
        birth_and_sex.setContentsMargins(0, 0, 0, 0)
        birth_and_sex.addWidget(self._with_message("applicant.birth_date", self.birth_date), 3)
        sex_label = QLabel(self.tr("&Giới tính"))
        sex_label.setBuddy(self.sex)
        # Level with the fields, which keep to the top when a message opens under the date.
        sex_label.setMinimumHeight(self.birth_date.sizeHint().height())
        birth_and_sex.addWidget(sex_label, 0, Qt.AlignmentFlag.AlignTop)
        birth_and_sex.addWidget(self.sex, 2, Qt.AlignmentFlag.AlignTop)
        _add_row(form, self.tr("Ngày &sinh"), birth_and_sex, self.birth_date)
        _add_row(
            form, self.tr("Điệ&n thoại"), self._with_message("applicant.phone", self.phone),
            self.phone,
        )
        _add_row(
            form, self.tr("&Email"), self._with_message("applicant.email", self.email),
            self.email,
        )
        _add_row(
            form, self.tr("Đị&a chỉ"), self._with_message("applicant.address", self.address),
            self.address,
        )

        request_box = QGroupBox(self.tr("Yêu cầu"))
        form = _form(request_box)
        _add_row(form, self.tr("Nội dung &yêu cầu"), self.request)
        _add_row(form, self.tr("Số &bộ hồ sơ"), self._with_message("sets", self.sets), self.sets)

        column = QVBoxLayout()
        column.addWidget(procedure_box)
        column.addWidget(applicant_box)
        column.addWidget(request_box)
        column.addStretch(1)
        return column

    def _right_column(self) -> QVBoxLayout:
        documents_box = QGroupBox(self.tr("Thành phần hồ sơ"))
        documents_layout = QVBoxLayout(documents_box)
        documents_label = QLabel(self.tr(
            "&Danh sách giấy tờ (* bắt buộc). Phím cách: đánh dấu đã nhận; F2: sửa số bản."
        ))
        documents_label.setWordWrap(True)
        documents_label.setStyleSheet(HINT_STYLE)
        documents_label.setBuddy(self.documents)
        documents_layout.addWidget(documents_label)
        documents_layout.addWidget(self.documents, 1)
        documents_layout.addWidget(self.documents_summary)
        documents_layout.addWidget(self._message_label("documents", self.documents))

        delivery_box = QGroupBox(self.tr("Kênh tiếp nhận và trả kết quả"))
        form = _form(delivery_box)
        _add_row(form, self.tr("&Kênh tiếp nhận"), self.channel)
        delivery_row = QHBoxLayout()
        delivery_row.addWidget(self.delivery, 1)
        delivery_row.addWidget(self.copy_applicant)
        _add_row(form, self.tr("Nhận kết &quả"), delivery_row, self.delivery)
        self._postal_labels = [
            _add_row(
                form, self.tr("Người nhận"),
                self._with_message("delivery.recipient", self.recipient), self.recipient,
            ),
            _add_row(
                form, self.tr("Điện thoại người nhận"),
                self._with_message("delivery.phone", self.delivery_phone), self.delivery_phone,
            ),
            _add_row(
                form, self.tr("Địa chỉ nhận"),
                self._with_message("delivery.address", self.delivery_address),
                self.delivery_address,
            ),
        ]

        fee_box = QGroupBox(self.tr("Lệ phí và ghi chú"))
        form = _form(fee_box)
        fee_row = QHBoxLayout()
        fee_row.addWidget(self._with_message("fee", self.fee), 1)
        fee_row.addWidget(self.fee_note, 2)
        _add_row(form, self.tr("Lệ &phí đã thu"), fee_row, self.fee)
        _add_row(form, self.tr("Gh&i chú"), self.notes)

        column = QVBoxLayout()
        column.addWidget(documents_box, 1)
        column.addWidget(delivery_box)
        column.addWidget(fee_box)
        return column

    def _message_label(self, key: str, widget: QWidget) -> QLabel:
        """The label for the issues of field `key`, whose input is `widget`."""
        self.fields[key] = widget
        return self.messages.label(key)

    def _with_message(self, key: str, widget: QWidget) -> QWidget:
        """`widget` with its message label under it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self._message_label(key, widget))
        return box

    def tab_chain(self) -> list[QWidget]:
        """Every input in the order of the paper form."""
        return [
            self.procedure, self.applicant_type, self.name, self.id_number, self.birth_date,
            self.sex, self.phone, self.email, self.address, self.request, self.sets,
            self.documents, self.channel, self.delivery, self.copy_applicant, self.recipient,
            self.delivery_phone, self.delivery_address, self.fee, self.notes,
        ]

    # --- reading and writing ------------------------------------------------------------------

    def is_postal(self) -> bool:
        return DeliveryMethod(self.delivery.currentData()) is DeliveryMethod.POST

    def draft(self) -> DossierDraft:
        """What is typed, in NFC: clerks' input methods may send decomposed letters."""
        return DossierDraft(
            procedure_code=self.procedure.code(),
            applicant=Applicant(
                name=nfc(self.name.text()),
                type=ApplicantType(self.applicant_type.currentData()),
                id_number=nfc(self.id_number.text()),
                birth_date=self.birth_date.value(),
                sex=Sex(self.sex.currentData()),
                phone=nfc(self.phone.text()),
                email=nfc(self.email.text()),
                address=nfc(self.address.text()),
            ),
            request=nfc(self.request.toPlainText()),
            sets=self.sets.value(),
            documents=self.documents.lines(),
            channel=Channel(self.channel.currentData()),
            delivery=ResultDelivery(
                DeliveryMethod.POST, nfc(self.recipient.text()),
                nfc(self.delivery_phone.text()), nfc(self.delivery_address.text()),
            ) if self.is_postal() else ResultDelivery(),
            fee=self.fee.value(),
            notes=nfc(self.notes.toPlainText()),
        )

    def _line_edits(self) -> list[QLineEdit]:
        return [
            self.name, self.id_number, self.birth_date, self.phone, self.email, self.address,
            self.recipient, self.delivery_phone, self.delivery_address,
        ]

    def has_input(self) -> bool:
        """Whether anything is typed that clearing would lose (the procedure is kept)."""
        texts = [edit.text() for edit in self._line_edits()]
        texts += [self.request.toPlainText(), self.notes.toPlainText()]
        return any(clean(text) for text in texts) or self.documents.any_ticked()

    def clear(self) -> None:
        """Empty everything but the procedure; the caller reloads the procedure's defaults."""
        for edit in self._line_edits():
            edit.clear()
        self.request.clear()
        self.notes.clear()
        for combo in (self.applicant_type, self.sex, self.channel, self.delivery):
            combo.setCurrentIndex(0)
        self.sets.setValue(1)
        self.messages.clear()

    def fill_from_card(self, card: CardData) -> None:
        citizen = self.applicant_type.findData(int(ApplicantType.CITIZEN))
        self.applicant_type.setCurrentIndex(citizen)
        self.id_number.setText(card.id_number)
        self.name.setText(card.name)
        self.birth_date.set_value(card.birth_date)
        self.sex.setCurrentIndex(self.sex.findData(card.sex.value))
        self.address.setText(card.address)

    def deliver_to_applicant(self) -> None:
        """Result by post to the applicant: the usual case of postal delivery."""
        self.delivery.setCurrentIndex(self.delivery.findData(int(DeliveryMethod.POST)))
        self.recipient.setText(self.name.text())
        self.delivery_phone.setText(self.phone.text())
        self.delivery_address.setText(self.address.text())

    def _name_the_applicant(self) -> None:
        citizen = ApplicantType(self.applicant_type.currentData()) is ApplicantType.CITIZEN
        self._name_label.setText(self.tr("&Họ và tên") if citizen else self.tr("Tên tổ c&hức"))

    def _enable_postal_fields(self) -> None:
        postal = self.is_postal()
        for widget in (
            self.recipient, self.delivery_phone, self.delivery_address, *self._postal_labels
        ):
            widget.setEnabled(postal)


def _line_edit(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def _plain_text(name: str, *, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)  # Tab moves on, as in every other field
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _add_row(form: QFormLayout, text: str, field, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy or field)
    form.addRow(label, field)
    return label
