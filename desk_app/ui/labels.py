"""Display texts for domain values, translatable.

core keeps its Vietnamese labels for slips and logs; the interface says the same things
through Qt's translation so that the English interface is English throughout.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from desk_app.core.digitisation import FileUse, Stage
from desk_app.core.lifecycle import (
    DOCUMENT_DIGITISED,
    FILE_DISCARDED,
    QUARANTINE_DISCARDED,
    EventKind,
    Satisfaction,
)
from desk_app.core.model import (
    ApplicantType,
    Channel,
    DeliveryMethod,
    ProcessingTime,
    Sex,
    TimeUnit,
)
from desk_app.core.reports import BoardKey
from desk_app.core.slips import SlipKind
from desk_app.core.states import DossierState
from desk_app.core.timeliness import Timeliness

DATE_TIME_FORMAT = "%d/%m/%Y %H:%M"
DATE_FORMAT = "%d/%m/%Y"


def stage_label(stage: Stage) -> str:
    """When a digitised file joined its dossier."""
    return {
        Stage.RECEIVED: QCoreApplication.translate("Labels", "Khi tiếp nhận"),
        Stage.SUPPLEMENT: QCoreApplication.translate("Labels", "Hồ sơ bổ sung"),
        Stage.RESULT: QCoreApplication.translate("Labels", "Kết quả giải quyết"),
    }[stage]


def file_use_label(use: FileUse) -> str:
    """What was done with a digitised file, in its record of use."""
    return {
        FileUse.VIEW: QCoreApplication.translate("Labels", "Xem"),
        FileUse.PRINT: QCoreApplication.translate("Labels", "In"),
        FileUse.COPY: QCoreApplication.translate("Labels", "Lưu bản sao"),
    }[use]


def state_label(state: DossierState) -> str:
    return {
        DossierState.REGISTERED: QCoreApplication.translate("Labels", "Mới đăng ký"),
        DossierState.RECEIVED: QCoreApplication.translate("Labels", "Được tiếp nhận"),
        DossierState.REFUSED: QCoreApplication.translate("Labels", "Không được tiếp nhận"),
        DossierState.PROCESSING: QCoreApplication.translate("Labels", "Đang xử lý"),
        DossierState.SUPPLEMENT: QCoreApplication.translate("Labels", "Yêu cầu bổ sung giấy tờ"),
        DossierState.FINANCIAL: QCoreApplication.translate(
            "Labels", "Yêu cầu thực hiện nghĩa vụ tài chính"),
        DossierState.WITHDRAWN: QCoreApplication.translate(
            "Labels", "Công dân yêu cầu rút hồ sơ"),
        DossierState.STOPPED: QCoreApplication.translate("Labels", "Dừng xử lý"),
        DossierState.RESULT_READY: QCoreApplication.translate("Labels", "Đã xử lý xong"),
        DossierState.RETURNED: QCoreApplication.translate("Labels", "Đã trả kết quả"),
    }[state]


def timeliness_label(value: Timeliness | None) -> str:
    if value is None:
        return ""
    return {
        Timeliness.ON_TRACK: QCoreApplication.translate("Labels", "Trong hạn"),
        Timeliness.DUE_TODAY: QCoreApplication.translate("Labels", "Đến hạn hôm nay"),
        Timeliness.OVERDUE: QCoreApplication.translate("Labels", "Quá hạn"),
        Timeliness.EARLY: QCoreApplication.translate("Labels", "Trước hạn"),
        Timeliness.ON_TIME: QCoreApplication.translate("Labels", "Đúng hạn"),
        # Same Vietnamese word as OVERDUE; the comment keeps the two apart for translators.
        Timeliness.LATE: QCoreApplication.translate("Labels", "Quá hạn", "finished late"),
    }[value]


def applicant_type_label(value: ApplicantType) -> str:
    return {
        ApplicantType.CITIZEN: QCoreApplication.translate("Labels", "Công dân"),
        ApplicantType.BUSINESS: QCoreApplication.translate("Labels", "Doanh nghiệp"),
        ApplicantType.AGENCY: QCoreApplication.translate("Labels", "Cơ quan nhà nước"),
        ApplicantType.OTHER: QCoreApplication.translate("Labels", "Tổ chức khác"),
    }[value]


def channel_label(value: Channel) -> str:
    return {
        Channel.COUNTER: QCoreApplication.translate("Labels", "Trực tiếp"),
        Channel.ONLINE: QCoreApplication.translate("Labels", "Trực tuyến"),
        Channel.POSTAL: QCoreApplication.translate("Labels", "Bưu chính công ích"),
    }[value]


def delivery_label(value: DeliveryMethod) -> str:
    return {
        DeliveryMethod.COUNTER: QCoreApplication.translate("Labels", "Nhận tại bộ phận một cửa"),
        DeliveryMethod.POST: QCoreApplication.translate("Labels", "Gửi qua bưu chính công ích"),
    }[value]


def sex_label(value: Sex) -> str:
    return {
        Sex.MALE: QCoreApplication.translate("Labels", "Nam"),
        Sex.FEMALE: QCoreApplication.translate("Labels", "Nữ"),
        Sex.UNSPECIFIED: "",
    }[value]


def processing_time_label(value: ProcessingTime) -> str:
    if value.unit is TimeUnit.SAME_DAY:
        return QCoreApplication.translate("Labels", "Trong ngày làm việc")
    # Counted words: English says "1 working day", "2 working days".
    if value.unit is TimeUnit.WORKING_DAYS:
        return QCoreApplication.translate("Labels", "%n ngày làm việc", "", value.value)
    if value.unit is TimeUnit.WORKING_HOURS:
        return QCoreApplication.translate("Labels", "%n giờ làm việc", "", value.value)
    return QCoreApplication.translate("Labels", "%n ngày", "", value.value)


def event_kind_label(kind: str) -> str:
    """Kinds not known to this version (pulled from a newer hub) show as recorded."""
    known = {
        EventKind.RECEIVED: QCoreApplication.translate("Labels", "Tiếp nhận hồ sơ"),
        EventKind.HANDED_OVER: QCoreApplication.translate("Labels", "Bàn giao xử lý"),
        EventKind.SUPPLEMENT_REQUESTED: QCoreApplication.translate(
            "Labels", "Yêu cầu bổ sung, hoàn thiện hồ sơ"),
        EventKind.SUPPLEMENTED: QCoreApplication.translate("Labels", "Nhận hồ sơ bổ sung"),
        EventKind.FINANCIAL_REQUESTED: QCoreApplication.translate(
            "Labels", "Yêu cầu thực hiện nghĩa vụ tài chính"),
        EventKind.RESULT_READY: QCoreApplication.translate("Labels", "Nhận kết quả giải quyết"),
        EventKind.REFUSED: QCoreApplication.translate("Labels", "Từ chối tiếp nhận"),
        EventKind.RESCHEDULED: QCoreApplication.translate(
            "Labels", "Xin lỗi và hẹn lại ngày trả kết quả"),
        EventKind.RETURNED: QCoreApplication.translate("Labels", "Trả kết quả"),
        EventKind.WITHDRAWN: QCoreApplication.translate("Labels", "Công dân rút hồ sơ"),
        EventKind.STOPPED: QCoreApplication.translate("Labels", "Dừng xử lý"),
        EventKind.CORRECTED: QCoreApplication.translate(
            "Labels", "Đính chính: hủy thao tác trước"),
        QUARANTINE_DISCARDED: QCoreApplication.translate(
            "Labels", "Loại bỏ sự kiện bị cách ly"),
        DOCUMENT_DIGITISED: QCoreApplication.translate("Labels", "Số hóa giấy tờ"),
        FILE_DISCARDED: QCoreApplication.translate("Labels", "Bỏ gửi tệp số hóa lên tỉnh"),
    }
    return known.get(kind, kind)


def slip_kind_label(kind: str) -> str:
    known = {
        SlipKind.RECEIPT: QCoreApplication.translate(
            "Labels", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
        SlipKind.SUPPLEMENT: QCoreApplication.translate(
            "Labels", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"),
        SlipKind.REFUSAL: QCoreApplication.translate(
            "Labels", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"),
        SlipKind.APOLOGY: QCoreApplication.translate(
            "Labels", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"),
        SlipKind.CONTROL: QCoreApplication.translate(
            "Labels", "Phiếu kiểm soát quá trình giải quyết hồ sơ"),
        SlipKind.HANDOVER_LIST: QCoreApplication.translate("Labels", "Danh sách bàn giao hồ sơ"),
        SlipKind.STOP_NOTICE: QCoreApplication.translate(
            "Labels", "Thông báo dừng giải quyết hồ sơ"),
    }
    return known.get(kind, kind)


def board_key_label(key: BoardKey) -> str:
    return {
        BoardKey.RECEIVED_TODAY: QCoreApplication.translate("Labels", "Tiếp nhận hôm nay"),
        BoardKey.DUE_TODAY: QCoreApplication.translate("Labels", "Đến hạn hôm nay"),
        BoardKey.OVERDUE: QCoreApplication.translate("Labels", "Quá hạn"),
        BoardKey.READY_TO_RETURN: QCoreApplication.translate("Labels", "Chờ trả kết quả"),
        BoardKey.WAITING_SUPPLEMENT: QCoreApplication.translate(
            "Labels", "Chờ bổ sung giấy tờ"),
    }[key]


def satisfaction_label(value: Satisfaction) -> str:
    return {
        Satisfaction.VERY_SATISFIED: QCoreApplication.translate("Labels", "Rất hài lòng"),
        Satisfaction.SATISFIED: QCoreApplication.translate("Labels", "Hài lòng"),
        Satisfaction.DISSATISFIED: QCoreApplication.translate("Labels", "Không hài lòng"),
    }[value]


def money(amount: int) -> str:
    """Vietnamese grouping with dots: 20.000 đ."""
    grouped = f"{amount:,}".replace(",", ".")
    return QCoreApplication.translate("Labels", "{amount} đ").format(amount=grouped)


def date_time_text(value: datetime | None) -> str:
    return value.strftime(DATE_TIME_FORMAT) if value else ""


def date_text(value: date | None) -> str:
    return value.strftime(DATE_FORMAT) if value else ""


def weekday_text(value: date) -> str:
    return (
        QCoreApplication.translate("Labels", "Thứ Hai"),
        QCoreApplication.translate("Labels", "Thứ Ba"),
        QCoreApplication.translate("Labels", "Thứ Tư"),
        QCoreApplication.translate("Labels", "Thứ Năm"),
        QCoreApplication.translate("Labels", "Thứ Sáu"),
        QCoreApplication.translate("Labels", "Thứ Bảy"),
        QCoreApplication.translate("Labels", "Chủ nhật"),
    )[value.weekday()]


def weekday_date_time_text(value: datetime) -> str:
    """"Thứ Năm, 03/12/2026 09:00": a new appointment is told to the citizen with its day."""
    return f"{weekday_text(value)}, {date_time_text(value)}"
