<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>App</name>
    <message>
        <source>Không mở được dữ liệu tại {path}: {error}</source>
        <translation>Could not open the data at {path}: {error}</translation>
    </message>
    <message>
        <source>Không mở được dữ liệu</source>
        <translation>Could not open the data</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <source>Gõ 15031990 hoặc 15/03/1990; để trống nếu không có.</source>
        <translation>Type 15031990 or 15/03/1990; leave empty if unknown.</translation>
    </message>
    <message>
        <source>Ngày chưa đúng dạng: gõ ngày/tháng/năm, ví dụ 15/03/1990 hoặc 15031990.</source>
        <translation>The date is not in the right form: type day/month/year, for example 15/03/1990 or 15031990.</translation>
    </message>
    <message>
        <source>Không có ngày {0} trong lịch.</source>
        <translation>There is no such date as {0}.</translation>
    </message>
</context>
<context>
    <name>DocumentsTable</name>
    <message>
        <source>Đã nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Tên giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <source>Bản sao CT</source>
        <translation>Certified</translation>
    </message>
    <message>
        <source>Bản chụp</source>
        <translation>Photocopies</translation>
    </message>
    <message>
        <source>Bản sao có chứng thực</source>
        <translation>Certified copies</translation>
    </message>
    <message>
        <source>Phím cách: đánh dấu đã nhận giấy tờ ở dòng đang chọn. F2: sửa số bản.</source>
        <translation>Space: mark the selected document as received. F2: edit the counts.</translation>
    </message>
    <message>
        <source>Giấy tờ bắt buộc</source>
        <translation>Required document</translation>
    </message>
</context>
<context>
    <name>DossierDetailDialog</name>
    <message>
        <source>Chi tiết hồ sơ</source>
        <translation>Dossier details</translation>
    </message>
    <message>
        <source>Đang tải hồ sơ…</source>
        <translation>Loading the dossier…</translation>
    </message>
    <message>
        <source>In lại phiếu tiếp nhận (Ctrl+P)</source>
        <translation>Reprint receipt (Ctrl+P)</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Nhận kết quả</source>
        <translation>Result delivery</translation>
    </message>
    <message>
        <source>Tên giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Bắt buộc</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Đã nộp</source>
        <translation>Handed in</translation>
    </message>
    <message>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <source>Bản sao chứng thực</source>
        <translation>Certified copies</translation>
    </message>
    <message>
        <source>Bản photo</source>
        <translation>Photocopies</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Loại phiếu</source>
        <translation>Slip</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Thành phần hồ sơ</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Quá trình xử lý</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Phiếu đã in</source>
        <translation>Printed slips</translation>
    </message>
    <message>
        <source>Chi tiết hồ sơ {code}</source>
        <translation>Dossier {code}</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <source>Nội dung yêu cầu</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Số bộ hồ sơ</source>
        <translation>Number of sets</translation>
    </message>
    <message>
        <source>Kênh tiếp nhận</source>
        <translation>Received via</translation>
    </message>
    <message>
        <source>Lệ phí đã thu</source>
        <translation>Fee collected</translation>
    </message>
    <message>
        <source>Tiếp nhận lúc</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>Hẹn trả kết quả</source>
        <translation>Result due</translation>
    </message>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Receiving clerk</translation>
    </message>
    <message>
        <source>Sổ theo dõi</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>Sổ năm {book}, số thứ tự {number}</source>
        <translation>Book {book}, line {number}</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Đối tượng</source>
        <translation>Applicant type</translation>
    </message>
    <message>
        <source>Số CCCD</source>
        <translation>ID card number</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Thư điện tử</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Người nhận</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Địa chỉ nhận</source>
        <translation>Delivery address</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Chưa</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Đã nộp {provided}/{total} giấy tờ.</source>
        <translation>{provided} of {total} documents handed in.</translation>
    </message>
    <message>
        <source>Thiếu {missing} giấy tờ bắt buộc.</source>
        <translation>{missing} required documents missing.</translation>
    </message>
    <message>
        <source>Thành phần hồ sơ ({count})</source>
        <translation>Documents ({count})</translation>
    </message>
    <message>
        <source>Phiếu đã in ({count})</source>
        <translation>Printed slips ({count})</translation>
    </message>
</context>
<context>
    <name>DossierListWidget</name>
    <message>
        <source>Tìm theo mã hồ sơ, họ tên, số CCCD, điện thoại, thủ tục… (Ctrl+F)</source>
        <translation>Search by dossier code, name, ID number, phone, procedure… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>7 ngày</source>
        <translation>7 days</translation>
    </message>
    <message>
        <source>30 ngày</source>
        <translation>30 days</translation>
    </message>
    <message>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <source>&amp;Nhận trong:</source>
        <translation>Received &amp;within:</translation>
    </message>
    <message>
        <source>{count} hồ sơ mới nhất (tìm để thu hẹp)</source>
        <translation>newest {count} dossiers (search to narrow)</translation>
    </message>
    <message>
        <source>Không có hồ sơ phù hợp</source>
        <translation>No matching dossier</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ</source>
        <translation>No dossiers yet</translation>
    </message>
    <message>
        <source>{count} hồ sơ</source>
        <translation>{count} dossiers</translation>
    </message>
    <message>
        <source>{count} quá hạn</source>
        <translation>{count} overdue</translation>
    </message>
    <message>
        <source>{count} đến hạn hôm nay</source>
        <translation>{count} due today</translation>
    </message>
    <message>
        <source>Không tải được danh sách: {error}</source>
        <translation>Could not load the list: {error}</translation>
    </message>
</context>
<context>
    <name>DossierTableModel</name>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Ngày nhận</source>
        <translation>Received on</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tiến độ</source>
        <translation>Timeliness</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Mới đăng ký</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Được tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Không được tiếp nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Đang xử lý</source>
        <translation>Processing</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung giấy tờ</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <source>Yêu cầu thực hiện nghĩa vụ tài chính</source>
        <translation>Payment requested</translation>
    </message>
    <message>
        <source>Công dân yêu cầu rút hồ sơ</source>
        <translation>Withdrawn by the applicant</translation>
    </message>
    <message>
        <source>Dừng xử lý</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <source>Đã xử lý xong</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <source>Đã trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <source>Trong hạn</source>
        <translation>On track</translation>
    </message>
    <message>
        <source>Đến hạn hôm nay</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Trước hạn</source>
        <translation>Early</translation>
    </message>
    <message>
        <source>Đúng hạn</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Quá hạn</source>
        <comment>finished late</comment>
        <translation>Late</translation>
    </message>
    <message>
        <source>Công dân</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Doanh nghiệp</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>Cơ quan nhà nước</source>
        <translation>State agency</translation>
    </message>
    <message>
        <source>Tổ chức khác</source>
        <translation>Other organisation</translation>
    </message>
    <message>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Trực tuyến</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Bưu chính công ích</source>
        <translation>Public postal service</translation>
    </message>
    <message>
        <source>Nhận tại bộ phận một cửa</source>
        <translation>Collected at the one-stop counter</translation>
    </message>
    <message>
        <source>Gửi qua bưu chính công ích</source>
        <translation>Sent by public postal service</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Trong ngày làm việc</source>
        <translation>Within the working day</translation>
    </message>
    <message>
        <source>{n} ngày làm việc</source>
        <translation>{n} working days</translation>
    </message>
    <message>
        <source>{n} giờ làm việc</source>
        <translation>{n} working hours</translation>
    </message>
    <message>
        <source>{n} ngày</source>
        <translation>{n} days</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Dossier received</translation>
    </message>
    <message>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation>Receipt and appointment slip</translation>
    </message>
    <message>
        <source>{amount} đ</source>
        <translation>{amount} VND</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Tiếp nhận hồ sơ mới…</source>
        <translation>Receive a &amp;new dossier…</translation>
    </message>
    <message>
        <source>&amp;Xem chi tiết</source>
        <translation>View &amp;details</translation>
    </message>
    <message>
        <source>&amp;In lại phiếu tiếp nhận…</source>
        <translation>&amp;Reprint receipt…</translation>
    </message>
    <message>
        <source>&amp;Làm mới danh sách</source>
        <translation>Re&amp;fresh list</translation>
    </message>
    <message>
        <source>T&amp;ìm</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Th&amp;oát</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>&amp;Thông tin quầy…</source>
        <translation>&amp;Counter information…</translation>
    </message>
    <message>
        <source>&amp;Hồ sơ</source>
        <translation>&amp;Dossiers</translation>
    </message>
    <message>
        <source>&amp;Cài đặt</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Thao tác</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ mới (F2)</source>
        <translation>Receive a new dossier (F2)</translation>
    </message>
    <message>
        <source>Xem chi tiết (Ctrl+O)</source>
        <translation>View details (Ctrl+O)</translation>
    </message>
    <message>
        <source>In lại phiếu (Ctrl+P)</source>
        <translation>Reprint receipt (Ctrl+P)</translation>
    </message>
    <message>
        <source>Làm mới (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <source>Chưa kết nối máy chủ tỉnh</source>
        <translation>Not connected to the provincial server</translation>
    </message>
    <message>
        <source>Tiếp nhận và trả kết quả – {commune}</source>
        <translation>Reception and results – {commune}</translation>
    </message>
    <message>
        <source>Cán bộ: {name}</source>
        <translation>Clerk: {name}</translation>
    </message>
    <message>
        <source>Quầy số {number}</source>
        <translation>Counter {number}</translation>
    </message>
    <message>
        <source>{count} sự kiện chờ đồng bộ</source>
        <translation>{count} events waiting to sync</translation>
    </message>
    <message>
        <source>Không đọc được hàng chờ đồng bộ</source>
        <translation>Could not read the sync queue</translation>
    </message>
    <message>
        <source>Chọn một hồ sơ trong danh sách trước.</source>
        <translation>Select a dossier in the list first.</translation>
    </message>
    <message>
        <source>Đang chuẩn bị phiếu tiếp nhận…</source>
        <translation>Preparing the receipt…</translation>
    </message>
    <message>
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Đã lưu lựa chọn. Giao diện sẽ dùng {language} từ lần mở ứng dụng tiếp theo.</source>
        <translation>Saved. The interface will be in {language} from the next time the application starts.</translation>
    </message>
    <message>
        <source>Đang hoàn tất các thao tác lưu…</source>
        <translation>Finishing saves in progress…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Đã xảy ra lỗi không mong muốn: {error}
Những gì đã lưu trước đó vẫn còn nguyên. Nếu lỗi lặp lại, hãy báo cán bộ CNTT.</source>
        <translation>An unexpected error occurred: {error}
Everything saved before is still intact. If it happens again, tell your IT officer.</translation>
    </message>
    <message>
        <source>Không thực hiện được</source>
        <translation>Could not be done</translation>
    </message>
    <message>
        <source>Lỗi</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Không mở được tệp phiếu {path} ({error}). Tệp có thể đã bị xóa, di chuyển hoặc hỏng; hãy in lại phiếu từ danh sách hồ sơ để tạo lại.</source>
        <translation>Could not open the slip file {path} ({error}). It may have been deleted, moved or damaged; reprint the slip from the dossier list to make it again.</translation>
    </message>
    <message>
        <source>Tệp phiếu không có trang nào.</source>
        <translation>The slip file has no pages.</translation>
    </message>
    <message>
        <source>Máy in {printer} không nhận lệnh in. Kiểm tra máy in đã bật, còn giấy, rồi in lại.</source>
        <translation>The printer {printer} did not accept the job. Check that it is switched on and has paper, then print again.</translation>
    </message>
    <message>
        <source>Không tìm thấy máy in nào trên máy tính này. Phiếu đã được lưu tại:
{path}
Không mất dữ liệu: khi có máy in, chọn hồ sơ trong danh sách và bấm Ctrl+P để in.</source>
        <translation>No printer was found on this computer. The slip is kept at:
{path}
Nothing is lost: when a printer is available, select the dossier in the list and press Ctrl+P to print it.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Xem trước phiếu – {name}</source>
        <translation>Slip preview – {name}</translation>
    </message>
    <message>
        <source>In (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <source>Lưu bản sao PDF… (Ctrl+Shift+S)</source>
        <translation>Save a PDF copy… (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Mở &amp;thư mục chứa tệp</source>
        <translation>Open containing &amp;folder</translation>
    </message>
    <message>
        <source>Thu nhỏ (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>Phóng to (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Đang tạo bản xem trước…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <source>{count} trang · {path}</source>
        <translation>{count} pages · {path}</translation>
    </message>
    <message>
        <source>Không có máy in</source>
        <translation>No printer</translation>
    </message>
    <message>
        <source>Đang gửi tới máy in…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <source>Đã gửi {count} trang tới máy in {printer}.</source>
        <translation>Sent {count} pages to the printer {printer}.</translation>
    </message>
    <message>
        <source>Chưa in được</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <source>Lưu bản sao PDF</source>
        <translation>Save a PDF copy</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Chưa lưu được</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Không lưu được bản sao vào {target}: {error}</source>
        <translation>Could not save the copy to {target}: {error}</translation>
    </message>
    <message>
        <source>Đã lưu bản sao tại {target}</source>
        <translation>Copy saved at {target}</translation>
    </message>
    <message>
        <source>Thư mục chứa tệp</source>
        <translation>Containing folder</translation>
    </message>
    <message>
        <source>Không mở được trình quản lý tệp. Tệp nằm tại:
{path}</source>
        <translation>Could not open the file manager. The file is at:
{path}</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <source>Gõ mã hoặc vài chữ trong tên thủ tục, ví dụ: khai sinh</source>
        <translation>Type the code or a few words of the procedure name, for example: khai sinh</translation>
    </message>
    <message>
        <source>Không có thủ tục nào khớp với «{0}». Gõ mã (ví dụ 1.001193) hoặc vài chữ trong tên thủ tục.</source>
        <translation>No procedure matches «{0}». Type the code (for example 1.001193) or a few words of the procedure name.</translation>
    </message>
    <message numerus="yes">
        <source>«{0}» khớp với %n thủ tục: gõ thêm chữ, hoặc bấm mũi tên xuống để chọn.</source>
        <translation>
            <numerusform>«{0}» matches %n procedure: type more letters, or press the Down arrow to choose.</numerusform>
            <numerusform>«{0}» matches %n procedures: type more letters, or press the Down arrow to choose.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Receive a dossier</translation>
    </message>
    <message>
        <source>Công dân</source>
        <translation>Citizen</translation>
    </message>
    <message>
        <source>Doanh nghiệp</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>Cơ quan nhà nước</source>
        <translation>State agency</translation>
    </message>
    <message>
        <source>Tổ chức khác</source>
        <translation>Other organisation</translation>
    </message>
    <message>
        <source>12 chữ số, hoặc quét mã QR trên thẻ</source>
        <translation>12 digits, or scan the QR code on the card</translation>
    </message>
    <message>
        <source>Nam</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Nữ</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>ví dụ 0912 345 678</source>
        <translation>for example 0912 345 678</translation>
    </message>
    <message>
        <source>Trực tiếp</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>Bưu chính công ích</source>
        <translation>Public postal service</translation>
    </message>
    <message>
        <source>Tại bộ phận một cửa</source>
        <translation>At the one-stop counter</translation>
    </message>
    <message>
        <source>Qua bưu chính</source>
        <translation>By post</translation>
    </message>
    <message>
        <source>Gửi về địa chỉ người nộp (Ctrl+D)</source>
        <translation>Send to the applicant&apos;s address (Ctrl+D)</translation>
    </message>
    <message>
        <source>Chọn nhận kết quả qua bưu chính và chép họ tên, điện thoại, địa chỉ người nộp.</source>
        <translation>Choose delivery by post and copy the applicant&apos;s name, phone and address.</translation>
    </message>
    <message>
        <source> đồng</source>
        <translation> VND</translation>
    </message>
    <message>
        <source>Lưu và in phiếu (Ctrl+S)</source>
        <translation>Save and print receipt (Ctrl+S)</translation>
    </message>
    <message>
        <source>Làm mới (Ctrl+N)</source>
        <translation>Start over (Ctrl+N)</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Thủ tục hành chính</source>
        <translation>Administrative procedure</translation>
    </message>
    <message>
        <source>&amp;Thủ tục (gõ mã hoặc tên, không cần dấu):</source>
        <translation>&amp;Procedure (type the code or name, no diacritics needed):</translation>
    </message>
    <message>
        <source>Người nộp hồ sơ</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>&amp;Loại người nộp</source>
        <translation>Applicant &amp;type</translation>
    </message>
    <message>
        <source>&amp;Họ và tên</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <source>Số &amp;CCCD</source>
        <translation>&amp;ID card number</translation>
    </message>
    <message>
        <source>&amp;Giới tính</source>
        <translation>S&amp;ex</translation>
    </message>
    <message>
        <source>Ngày &amp;sinh</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <source>Điệ&amp;n thoại</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>E&amp;mail</translation>
    </message>
    <message>
        <source>Đị&amp;a chỉ</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>Yêu cầu</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Nội dung &amp;yêu cầu</source>
        <translation>Re&amp;quest</translation>
    </message>
    <message>
        <source>Số &amp;bộ hồ sơ</source>
        <translation>Number of &amp;sets</translation>
    </message>
    <message>
        <source>Thành phần hồ sơ</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>&amp;Danh sách giấy tờ (* bắt buộc). Phím cách: đánh dấu đã nhận; F2: sửa số bản.</source>
        <translation>&amp;Documents (* required). Space: mark as received; F2: edit the counts.</translation>
    </message>
    <message>
        <source>Kênh tiếp nhận và trả kết quả</source>
        <translation>How it came in and how the result goes out</translation>
    </message>
    <message>
        <source>&amp;Kênh tiếp nhận</source>
        <translation>Re&amp;ceived via</translation>
    </message>
    <message>
        <source>Nhận kết &amp;quả</source>
        <translation>&amp;Result delivery</translation>
    </message>
    <message>
        <source>Người nhận</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Điện thoại người nhận</source>
        <translation>Recipient&apos;s phone</translation>
    </message>
    <message>
        <source>Địa chỉ nhận</source>
        <translation>Delivery address</translation>
    </message>
    <message>
        <source>Lệ phí và ghi chú</source>
        <translation>Fee and notes</translation>
    </message>
    <message>
        <source>Lệ &amp;phí đã thu</source>
        <translation>&amp;Fee collected</translation>
    </message>
    <message>
        <source>Gh&amp;i chú</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>Chọn thủ tục để xem thời hạn giải quyết và ngày hẹn trả.</source>
        <translation>Choose a procedure to see its processing time and due date.</translation>
    </message>
    <message>
        <source>Thời hạn giải quyết: {0}. Hẹn trả: {1}</source>
        <translation>Processing time: {0}. Due: {1}</translation>
    </message>
    <message>
        <source>{0} giờ {1} phút, ngày {2}</source>
        <translation>{0}:{1}, {2}</translation>
    </message>
    <message numerus="yes">
        <source>Thiếu %n giấy tờ bắt buộc</source>
        <translation>
            <numerusform>%n required document missing</numerusform>
            <numerusform>%n required documents missing</numerusform>
        </translation>
    </message>
    <message>
        <source>Đã đủ giấy tờ bắt buộc</source>
        <translation>All required documents handed in</translation>
    </message>
    <message>
        <source>Tên tổ c&amp;hức</source>
        <translation>Organisation &amp;name</translation>
    </message>
    <message>
        <source>Đã đọc CCCD của {0}.</source>
        <translation>Read the ID card of {0}.</translation>
    </message>
    <message>
        <source>Không đọc được mã QR trên CCCD. {0}</source>
        <translation>Could not read the QR code on the ID card. {0}</translation>
    </message>
    <message>
        <source>Hồ sơ cần lưu ý</source>
        <translation>Please check the dossier</translation>
    </message>
    <message>
        <source>Vẫn tiếp nhận hồ sơ?</source>
        <translation>Receive the dossier anyway?</translation>
    </message>
    <message>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Hồ sơ đã được lưu với mã {0}, nhưng chưa in được phiếu: {1} Có thể in lại từ danh sách.</source>
        <translation>The dossier is saved with code {0}, but its receipt could not be made: {1} You can reprint it from the list.</translation>
    </message>
    <message>
        <source>Chưa in được phiếu</source>
        <translation>Receipt not printed</translation>
    </message>
    <message>
        <source>Đã tiếp nhận hồ sơ {0}</source>
        <translation>Dossier {0} received</translation>
    </message>
    <message>
        <source>Lỗi không lường trước: {0}</source>
        <translation>Unexpected error: {0}</translation>
    </message>
    <message>
        <source>Chưa tiếp nhận được hồ sơ</source>
        <translation>The dossier was not received</translation>
    </message>
    <message>
        <source>{0}

Nội dung đã nhập vẫn còn nguyên.</source>
        <translation>{0}

What you typed is still there.</translation>
    </message>
    <message>
        <source>Làm mới</source>
        <translation>Start over</translation>
    </message>
    <message>
        <source>Xóa nội dung đang nhập để tiếp nhận hồ sơ mới?</source>
        <translation>Clear what you typed to receive a new dossier?</translation>
    </message>
    <message>
        <source>Đóng cửa sổ tiếp nhận</source>
        <translation>Close the receiving window</translation>
    </message>
    <message>
        <source>Nội dung đang nhập chưa được lưu. Bỏ nội dung này và đóng cửa sổ?</source>
        <translation>What you typed is not saved. Discard it and close the window?</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Thiết lập quầy tiếp nhận</source>
        <translation>Counter setup</translation>
    </message>
    <message>
        <source>Thông tin này in trên mọi phiếu và tạo nên mã hồ sơ. Nhập một lần cho máy này.</source>
        <translation>This is printed on every slip and makes up the dossier codes. Enter it once for this computer.</translation>
    </message>
    <message>
        <source>ví dụ UBND xã Tân Lập</source>
        <translation>for example UBND xã Tân Lập</translation>
    </message>
    <message>
        <source>ví dụ Trung tâm Phục vụ hành chính công xã Tân Lập</source>
        <translation>for example Trung tâm Phục vụ hành chính công xã Tân Lập</translation>
    </message>
    <message>
        <source>ví dụ 000.17.22.H56</source>
        <translation>for example 000.17.22.H56</translation>
    </message>
    <message>
        <source>Chữ số đầu của mỗi mã hồ sơ là số quầy, nên hai quầy của xã không bao giờ cấp trùng mã, kể cả khi mất mạng. Mỗi quầy (mỗi máy) cần một số khác nhau.</source>
        <translation>The first digit of every dossier code is the counter number, so two counters of the commune never issue the same code, even without a network. Each counter (each computer) needs a different number.</translation>
    </message>
    <message>
        <source>người ký trên phiếu tiếp nhận</source>
        <translation>who signs the receipts</translation>
    </message>
    <message>
        <source>ví dụ Tân Lập (in thành «Tân Lập, ngày … tháng … năm …»)</source>
        <translation>for example Tân Lập (printed as «Tân Lập, ngày … tháng … năm …»)</translation>
    </message>
    <message>
        <source>Tên &amp;xã, phường</source>
        <translation>&amp;Commune / ward name</translation>
    </message>
    <message>
        <source>&amp;Bộ phận tiếp nhận</source>
        <translation>Receiving &amp;unit</translation>
    </message>
    <message>
        <source>&amp;Mã định danh đơn vị</source>
        <translation>&amp;Agency identifier code</translation>
    </message>
    <message>
        <source>&amp;Số quầy</source>
        <translation>Counter &amp;number</translation>
    </message>
    <message>
        <source>&amp;Cán bộ tiếp nhận</source>
        <translation>Receiving c&amp;lerk</translation>
    </message>
    <message>
        <source>Đị&amp;a danh ghi trên phiếu</source>
        <translation>&amp;Place name on slips</translation>
    </message>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Chưa lưu được thiết lập</source>
        <translation>The setup was not saved</translation>
    </message>
</context>
</TS>
