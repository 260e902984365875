<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>ActionDialog</name>
    <message>
        <source>{action} (Ctrl+Enter)</source>
        <translation>{action} (Ctrl+Enter)</translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ:</source>
        <translation>
            <numerusform>%n dossier:</numerusform>
            <numerusform>%n dossiers:</numerusform>
        </translation>
    </message>
    <message>
        <source>Đang ghi nhận…</source>
        <translation>Recording…</translation>
    </message>
</context>
<context>
    <name>ApologyDialog</name>
    <message>
        <source>Xin lỗi và hẹn lại ngày trả kết quả</source>
        <translation>Apologise and reschedule the result</translation>
    </message>
    <message>
        <source>Ghi nhận và in phiếu</source>
        <translation>Record and print the slip</translation>
    </message>
    <message>
        <source>Hẹn trả cũ</source>
        <translation>Previous due time</translation>
    </message>
    <message>
        <source>&amp;Lý do</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Ví dụ: cần xác minh thêm tại nơi cư trú trước đây</source>
        <translation>For example: further checks needed at the previous place of residence</translation>
    </message>
    <message>
        <source>Nhập lý do chậm trả kết quả: lý do được in trên phiếu xin lỗi.</source>
        <translation>Type why the result is late: the reason is printed on the apology slip.</translation>
    </message>
    <message>
        <source>Thêm số &amp;ngày làm việc:</source>
        <translation>Add &amp;working days:</translation>
    </message>
    <message>
        <source>Chọn n&amp;gày giờ hẹn mới:</source>
        <translation>Pick a new &amp;date and time:</translation>
    </message>
    <message>
        <source>Hẹn trả mới</source>
        <translation>New due time</translation>
    </message>
    <message>
        <source>(đã qua: thêm ngày hoặc chọn ngày giờ)</source>
        <translation>(already past: add days or pick a date)</translation>
    </message>
    <message>
        <source>Xin lỗi và đề nghị gia hạn thời gian giải quyết</source>
        <translation>Apologise and ask for an extension</translation>
    </message>
    <message>
        <source>Ghi nhận và in văn bản</source>
        <translation>Record and print the letter</translation>
    </message>
    <message>
        <source>Số văn bản</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>cấp tự động khi ghi nhận; thủ trưởng cơ quan ký</source>
        <translation>given when recorded; signed by the head of the agency</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Đang nâng cấp dữ liệu của quầy cho phiên bản mới (đã sao lưu trước khi nâng cấp). Với nhiều hồ sơ, việc này có thể mất vài phút. Xin đừng tắt máy.</source>
        <translation>Upgrading the counter's data for the new version (a backup was made first). With many dossiers this can take a few minutes. Please do not switch the PC off.</translation>
    </message>
    <message>
        <source>Đang nâng cấp dữ liệu</source>
        <translation>Upgrading the data</translation>
    </message>
    <message>
        <source>Không mở được dữ liệu tại {path}: {error}</source>
        <translation>Could not open the data at {path}: {error}</translation>
    </message>
    <message>
        <source>Không mở được dữ liệu</source>
        <translation>Could not open the data</translation>
    </message>
    <message>
        <source>Không khôi phục được</source>
        <translation>Could not restore</translation>
    </message>
    <message>
        <source>Không tìm thấy dữ liệu của quầy ({file} bị mất hoặc rỗng), nhưng máy này đã cấp mã hồ sơ và có bản sao lưu. Đừng thiết lập lại quầy như máy mới: hãy khôi phục bản sao lưu.</source>
        <translation>The counter's data was not found ({file} is missing or empty), but this PC has issued dossier codes and has backups. Do not set the counter up again as a new PC: restore the backup.</translation>
    </message>
    <message>
        <source>Dữ liệu thiếu {count} hồ sơ đã được cấp mã (theo tệp ma-ho-so.json và các phiếu đã in): {codes}. Mã cuối có thể chỉ là số đã dành cho một lần lưu bị ngắt, chưa in phiếu.</source>
        <translation>The data lacks {count} dossiers whose codes were issued (by the file ma-ho-so.json and the printed slips): {codes}. The last code may only be a number set aside for a save that was interrupted, with no slip printed.</translation>
    </message>
    <message>
        <source>Dữ liệu thiếu hồ sơ</source>
        <translation>Dossiers missing from the data</translation>
    </message>
</context>
<context>
    <name>Ask</name>
    <message>
        <source>, quét lúc {0} ngày {1}</source>
        <translation>, scanned at {0} on {1}</translation>
    </message>
    <message>
        <source>Còn trang đã quét chưa lưu</source>
        <translation>Scanned pages not saved</translation>
    </message>
    <message>
        <source>giấy tờ không rõ tên</source>
        <translation>unnamed document</translation>
    </message>
    <message numerus="yes">
        <source>«{0}»: %n trang{1}</source>
        <translation>
            <numerusform>«{0}»: %n page{1}</numerusform>
            <numerusform>«{0}»: %n pages{1}</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Có</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <source>&amp;Không</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <source>Đã hiểu</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Yêu cầu &amp;bổ sung (in mẫu 02)</source>
        <translation>Ask to &amp;supplement (print form 02)</translation>
    </message>
    <message>
        <source>&amp;Vẫn tiếp nhận, ghi thiếu trên phiếu</source>
        <translation>&amp;Receive anyway, noted on the receipt</translation>
    </message>
    <message>
        <source>&amp;Quay lại</source>
        <translation>&amp;Go back</translation>
    </message>
    <message>
        <source>&amp;Dùng lại các trang này</source>
        <translation>&amp;Use these pages</translation>
    </message>
    <message>
        <source>&amp;Bỏ các trang này</source>
        <translation>&amp;Discard these pages</translation>
    </message>
    <message>
        <source>Để &amp;sau</source>
        <translation>&amp;Later</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <source>Danh mục thủ tục hành chính</source>
        <translation>Administrative procedure catalogue</translation>
    </message>
    <message>
        <source>Tìm theo mã, tên hoặc lĩnh vực (Ctrl+F)</source>
        <translation>Search by code, name or field (Ctrl+F)</translation>
    </message>
    <message>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Người sửa</source>
        <translation>Edited by</translation>
    </message>
    <message>
        <source>Tên thủ tục</source>
        <translation>Procedure name</translation>
    </message>
    <message>
        <source>Lấy nội dung phiên bản này (Ctrl+Shift+V)</source>
        <translation>Copy this version into the form (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <source>ví dụ 1.001193</source>
        <translation>e.g. 1.001193</translation>
    </message>
    <message>
        <source>Đơn vị nhận hồ sơ khi bàn giao</source>
        <translation>Unit that receives the dossiers at handover</translation>
    </message>
    <message>
        <source>&amp;Giữ bản sửa của xã (không để danh mục tỉnh ghi đè)</source>
        <translation>&amp;Keep the commune's edit (the province catalogue does not overwrite it)</translation>
    </message>
    <message>
        <source>&amp;Mã thủ tục</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;Tên thủ tục</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Lĩnh vực</source>
        <translation>&amp;Field</translation>
    </message>
    <message>
        <source>T&amp;hời hạn giải quyết</source>
        <translation>Processing &amp;time</translation>
    </message>
    <message>
        <source>Lệ &amp;phí</source>
        <translation>&amp;Fee</translation>
    </message>
    <message>
        <source>Ghi &amp;chú lệ phí</source>
        <translation>Fee &amp;note</translation>
    </message>
    <message>
        <source>Đơn &amp;vị xử lý</source>
        <translation>Processing &amp;unit</translation>
    </message>
    <message>
        <source>Giấy tờ phải &amp;nộp</source>
        <translation>&amp;Required documents</translation>
    </message>
    <message>
        <source>Thủ tục mới (Ctrl+N)</source>
        <translation>New procedure (Ctrl+N)</translation>
    </message>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Nhập từ tệp… (Ctrl+I)</source>
        <translation>Import from file… (Ctrl+I)</translation>
    </message>
    <message>
        <source>Xuất ra tệp… (Ctrl+Shift+E)</source>
        <translation>Export to file… (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Các phiên bản của thủ tục đang chọn</source>
        <translation>Versions of the selected procedure</translation>
    </message>
    <message>
        <source> (ngừng áp dụng)</source>
        <translation> (withdrawn)</translation>
    </message>
    <message>
        <source>ngày làm việc</source>
        <translation>working days</translation>
    </message>
    <message>
        <source>giờ làm việc</source>
        <translation>working hours</translation>
    </message>
    <message>
        <source>ngày (kể cả ngày nghỉ)</source>
        <translation>calendar days</translation>
    </message>
    <message>
        <source>Trong ngày</source>
        <translation>Same day</translation>
    </message>
    <message>
        <source>Thủ tục mới: nhập mã, tên và các giấy tờ rồi bấm Lưu (Ctrl+S).</source>
        <translation>New procedure: enter the code, the name and the documents, then Save (Ctrl+S).</translation>
    </message>
    <message>
        <source>Phiên bản đang áp dụng: {version}.</source>
        <translation>Version in use: {version}.</translation>
    </message>
    <message>
        <source>Đã ngừng áp dụng: danh mục tỉnh không còn thủ tục này; đánh dấu «Giữ bản sửa của xã» rồi Lưu để xã tiếp tục áp dụng.</source>
        <translation>Withdrawn: the province catalogue no longer lists this procedure; tick «Keep the commune's edit» and Save to keep offering it in this commune.</translation>
    </message>
    <message>
        <source>Thủ tục riêng của xã.</source>
        <translation>The commune's own procedure.</translation>
    </message>
    <message>
        <source>Tỉnh đã có phiên bản {version} nhưng xã đang giữ bản sửa của mình; bỏ đánh dấu «Giữ bản sửa của xã» rồi Lưu để áp dụng bản của tỉnh.</source>
        <translation>The province has published version {version}, but the commune keeps its own edit; untick «Keep the commune's edit» and Save to use the province's version.</translation>
    </message>
    <message>
        <source>Danh mục tỉnh {version}</source>
        <translation>Province catalogue {version}</translation>
    </message>
    <message>
        <source>Nhập từ tệp</source>
        <translation>Imported from file</translation>
    </message>
    <message>
        <source>Xã sửa</source>
        <translation>Commune edit</translation>
    </message>
    <message>
        <source>Đã lấy nội dung phiên bản {version} vào biểu mẫu; bấm Lưu (Ctrl+S) để áp dụng.</source>
        <translation>Version {version} copied into the form; Save (Ctrl+S) to use it.</translation>
    </message>
    <message>
        <source>Bỏ nội dung chưa lưu?</source>
        <translation>Discard unsaved changes?</translation>
    </message>
    <message>
        <source>Thủ tục đang sửa có thay đổi chưa được lưu. Bỏ các thay đổi đó?</source>
        <translation>The procedure being edited has unsaved changes. Discard them?</translation>
    </message>
    <message>
        <source>Không có thay đổi nội dung: vẫn là phiên bản {version}.</source>
        <translation>Nothing changed: still version {version}.</translation>
    </message>
    <message>
        <source>Đã lưu thủ tục {code}, phiên bản {version}.</source>
        <translation>Saved procedure {code}, version {version}.</translation>
    </message>
    <message>
        <source>Nhập danh mục thủ tục</source>
        <translation>Import the procedure catalogue</translation>
    </message>
    <message>
        <source>Đã nhập từ {file}: {added} thủ tục mới, {changed} thủ tục có phiên bản mới, {unchanged} thủ tục không đổi.</source>
        <translation>Imported from {file}: {added} new procedures, {changed} with a new version, {unchanged} unchanged.</translation>
    </message>
    <message>
        <source>Xuất danh mục thủ tục</source>
        <translation>Export the procedure catalogue</translation>
    </message>
    <message numerus="yes">
        <source>Đã xuất %n thủ tục ra tệp {file}.</source>
        <translation>
            <numerusform>Exported %n procedure to {file}.</numerusform>
            <numerusform>Exported %n procedures to {file}.</numerusform>
        </translation>
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
    <name>DigitiseDialog</name>
    <message>
        <source>Bỏ các trang đã quét</source>
        <translation>Discard the scanned pages</translation>
    </message>
    <message numerus="yes">
        <source>%n trang đã quét chưa được lưu vào hồ sơ. Bỏ các trang này và đóng cửa sổ?</source>
        <translation>
            <numerusform>%n scanned page is not saved in the dossier yet. Discard it and close the window?</numerusform>
            <numerusform>%n scanned pages are not saved in the dossier yet. Discard them and close the window?</numerusform>
        </translation>
    </message>
    <message>
        <source>Chưa ghi được các trang quét ra đĩa: {0}</source>
        <translation>The scanned pages could not be written to disk: {0}</translation>
    </message>
    <message>
        <source>Dùng lại: đưa các trang vào cửa sổ này để lưu. Bỏ: xóa hẳn các trang này. Để sau: hỏi lại lần mở cửa sổ số hóa của hồ sơ này.</source>
        <translation>Use again: put the pages into this window to save them. Discard: delete these pages for good. Later: ask again the next time this dossier's digitisation window opens.</translation>
    </message>
    <message>
        <source>Hồ sơ này có trang đã quét nhưng chưa lưu (lần số hóa trước bị ngắt giữa chừng, ví dụ mất điện):
{0}</source>
        <translation>This dossier has scanned pages that were never saved (the last digitisation was cut short, e.g. by a power cut):
{0}</translation>
    </message>
    <message>
        <source>Số hóa giấy tờ bổ sung, kết quả</source>
        <translation>Digitise a supplement or the result</translation>
    </message>
    <message>
        <source>Lưu bản số hóa</source>
        <translation>Save the digitised file</translation>
    </message>
    <message>
        <source>&amp;Giai đoạn</source>
        <translation>&amp;Stage</translation>
    </message>
    <message>
        <source>Chọn trong danh sách hoặc gõ tên giấy tờ</source>
        <translation>Choose from the list or type the document's name</translation>
    </message>
    <message>
        <source>&amp;Tên giấy tờ</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <source>Nhập tên giấy tờ được số hóa.</source>
        <translation>Enter the name of the digitised document.</translation>
    </message>
    <message>
        <source>&amp;Quét hoặc nhập tệp… (F4)</source>
        <translation>Scan or &amp;import files… (F4)</translation>
    </message>
    <message>
        <source>Các trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Kết quả giải quyết hồ sơ</source>
        <translation>Result of the dossier</translation>
    </message>
    <message numerus="yes">
        <source>%n trang đã quét.</source>
        <translation>
            <numerusform>%n page scanned.</numerusform>
            <numerusform>%n pages scanned.</numerusform>
        </translation>
    </message>
    <message>
        <source>Chưa có trang nào: bấm F4 để quét hoặc nhập tệp ảnh, PDF.</source>
        <translation>No page yet: press F4 to scan or import pictures or PDF files.</translation>
    </message>
    <message>
        <source>Quét hoặc nhập ít nhất một trang (F4).</source>
        <translation>Scan or import at least one page (F4).</translation>
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
        <source>Phím cách: đánh dấu đã nhận giấy tờ ở dòng đang chọn. F2: sửa số bản. F3: quét giấy tờ. F4: đổi cách số hóa.</source>
        <translation>Space: mark the selected document as received. F2: edit the counts. F3: scan the document. F4: change how it is digitised.</translation>
    </message>
    <message>
        <source>Số hóa</source>
        <translation>Digitised</translation>
    </message>
    <message>
        <source>F4: đổi cách số hóa (chưa số hóa, đã quét, chỉ xuất trình, không phải số hóa, tái sử dụng). F3: quét giấy tờ.</source>
        <translation>F4: change how the document is digitised (not yet, scanned, shown only, not to be digitised, reused). F3: scan the document.</translation>
    </message>
    <message>
        <source>{state} – có bản điện tử ({code}): F4</source>
        <translation>{state} – electronic copy held ({code}): F4</translation>
    </message>
    <message>
        <source>{state} – đang tải bản điện tử của tỉnh ({code})…</source>
        <translation>{state} – fetching the province&apos;s electronic copy ({code})…</translation>
    </message>
    <message>
        <source>{state} – không tải được bản của tỉnh ({code}): F3 để quét</source>
        <translation>{state} – the province&apos;s copy could not be fetched ({code}): F3 to scan</translation>
    </message>
    <message>
        <source>{state} – có bản điện tử của tỉnh ({code}): F4</source>
        <translation>{state} – the province holds an electronic copy ({code}): F4</translation>
    </message>
    <message>
        <source>{state} – chưa tra được bản điện tử của tỉnh: F3 để quét</source>
        <translation>{state} – the province&apos;s copies could not be looked up: F3 to scan</translation>
    </message>
    <message>
        <source>Giấy tờ bắt buộc</source>
        <translation>Required document</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Đính chính: hủy thao tác cuối của hồ sơ</source>
        <translation>Correction: undo the dossier's last action</translation>
    </message>
    <message>
        <source>Hủy thao tác và ghi nhận đính chính</source>
        <translation>Undo the action and record the correction</translation>
    </message>
    <message>
        <source>Thao tác bị hủy: «{kind}» lúc {at}, do {clerk} ghi nhận.
Sau khi đính chính, hồ sơ trở lại trạng thái «{state}». Thao tác cũ vẫn lưu trong nhật ký; phiếu đã in của thao tác đó được in lại có dấu ĐÃ HỦY.</source>
        <translation>Action undone: “{kind}” at {at}, recorded by {clerk}.
After the correction the dossier is back in the state “{state}”. The old action stays in the journal; the slips printed for it are reprinted marked VOID (ĐÃ HỦY).</translation>
    </message>
    <message>
        <source>&amp;Lý do đính chính</source>
        <translation>&amp;Reason for the correction</translation>
    </message>
    <message>
        <source>Ví dụ: bấm nhầm hồ sơ, giao nhầm đơn vị</source>
        <translation>For example: wrong dossier selected, handed to the wrong unit</translation>
    </message>
    <message>
        <source>Nhập lý do đính chính: lý do được lưu và in trên phiếu đã hủy.</source>
        <translation>Enter the reason for the correction: it is kept and printed on the voided slips.</translation>
    </message>
    <message>
        <source>Tôi &amp;xác nhận hủy thao tác trên</source>
        <translation>I &amp;confirm undoing the action above</translation>
    </message>
    <message>
        <source>Đánh dấu xác nhận để hủy thao tác này.</source>
        <translation>Tick the confirmation to undo this action.</translation>
    </message>
</context>
<context>
    <name>DossierActions</name>
    <message>
        <source>Đính chính: hủ&amp;y thao tác cuối…</source>
        <translation>Correction: und&amp;o the last action…</translation>
    </message>
    <message>
        <source>Bàn &amp;giao cho đơn vị xử lý…</source>
        <translation>&amp;Hand over to a processing unit…</translation>
    </message>
    <message>
        <source>Nhận kết &amp;quả từ đơn vị xử lý…</source>
        <translation>Receive the res&amp;ult from the unit…</translation>
    </message>
    <message>
        <source>Yêu cầu &amp;bổ sung hồ sơ…</source>
        <translation>Request a &amp;supplement…</translation>
    </message>
    <message>
        <source>Nhận hồ sơ bổ s&amp;ung…</source>
        <translation>Receive the supp&amp;lement…</translation>
    </message>
    <message>
        <source>Từ &amp;chối tiếp nhận…</source>
        <translation>Re&amp;fuse…</translation>
    </message>
    <message>
        <source>Xin lỗi, &amp;hẹn lại…</source>
        <translation>Apologise and re&amp;schedule…</translation>
    </message>
    <message>
        <source>T&amp;rả kết quả…</source>
        <translation>&amp;Return the result…</translation>
    </message>
    <message>
        <source>Rút hồ &amp;sơ…</source>
        <translation>&amp;Withdraw…</translation>
    </message>
    <message>
        <source>&amp;Dừng xử lý…</source>
        <translation>S&amp;top processing…</translation>
    </message>
    <message>
        <source>Chưa in được phiếu</source>
        <translation>The slip was not printed</translation>
    </message>
    <message>
        <source>Thao tác đã được ghi nhận, nhưng chưa tạo được phiếu: {error}
Có thể in lại phiếu trong chi tiết hồ sơ (Ctrl+O).</source>
        <translation>The action was recorded, but its slip could not be made: {error}
The slip can be printed again from the dossier&apos;s detail (Ctrl+O).</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận hồ sơ</source>
        <translation>Refuse the dossier</translation>
    </message>
    <message>
        <source>Từ chối và in phiếu</source>
        <translation>Refuse and print the slip</translation>
    </message>
    <message>
        <source>&amp;Lý do từ chối</source>
        <translation>&amp;Reason for refusal</translation>
    </message>
    <message>
        <source>Ví dụ: thủ tục không thuộc thẩm quyền giải quyết của xã</source>
        <translation>For example: the procedure is not within the commune&apos;s competence</translation>
    </message>
    <message>
        <source>Nhập lý do từ chối: lý do được in trên phiếu từ chối.</source>
        <translation>Type the reason for refusal: it is printed on the refusal slip.</translation>
    </message>
    <message>
        <source>Công dân rút hồ sơ</source>
        <translation>The applicant withdraws the dossier</translation>
    </message>
    <message>
        <source>Ghi nhận rút hồ sơ</source>
        <translation>Record the withdrawal</translation>
    </message>
    <message>
        <source>&amp;Lý do</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Ví dụ: công dân không còn nhu cầu, có đơn xin rút</source>
        <translation>For example: no longer needed, written request to withdraw</translation>
    </message>
    <message>
        <source>Nhập lý do công dân rút hồ sơ.</source>
        <translation>Type why the applicant withdraws the dossier.</translation>
    </message>
    <message>
        <source>Dừng xử lý hồ sơ</source>
        <translation>Stop processing the dossier</translation>
    </message>
    <message>
        <source>Ghi nhận dừng xử lý</source>
        <translation>Record the stop</translation>
    </message>
    <message>
        <source>Ví dụ: theo đề nghị của cơ quan giải quyết</source>
        <translation>For example: at the request of the processing agency</translation>
    </message>
    <message>
        <source>Nhập lý do dừng xử lý hồ sơ.</source>
        <translation>Type why processing stops.</translation>
    </message>
    <message>
        <source>Dừng giải quyết hồ sơ theo yêu cầu của công dân</source>
        <translation>Stop processing at the applicant's request</translation>
    </message>
    <message>
        <source>Ghi nhận và in thông báo dừng</source>
        <translation>Record and print the stop notice</translation>
    </message>
    <message>
        <source>Ví dụ: công dân không còn nhu cầu, có đơn đề nghị dừng</source>
        <translation>For example: the applicant no longer needs it and asked in writing to stop</translation>
    </message>
    <message>
        <source>Dừng giải quyết hồ sơ của {name} theo yêu cầu của công dân?</source>
        <translation>Stop processing the dossier of {name} at the citizen's request?</translation>
    </message>
    <message>
        <source>Bàn giao (Ctrl+G)</source>
        <translation>Hand over (Ctrl+G)</translation>
    </message>
    <message>
        <source>Nhận kết quả (Ctrl+K)</source>
        <translation>Result back (Ctrl+K)</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung (Ctrl+B)</source>
        <translation>Supplement (Ctrl+B)</translation>
    </message>
    <message>
        <source>Trả kết quả (Ctrl+T)</source>
        <translation>Return (Ctrl+T)</translation>
    </message>
    <message>
        <source>Số hóa giấy tờ bổ sung, &amp;kết quả…</source>
        <translation>Digitise a supplement or the &amp;result…</translation>
    </message>
</context>
<context>
    <name>DossierDetailDialog</name>
    <message>
        <source>{name} ({code}, phiên bản {version})</source>
        <translation>{name} ({code}, version {version})</translation>
    </message>
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
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Bên giao</source>
        <translation>Given by</translation>
    </message>
    <message>
        <source>Bên nhận</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
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
        <source>Xem và in lại phiếu đã chọn (Enter)</source>
        <translation>View and reprint the selected slip (Enter)</translation>
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
        <source>Kiểm soát, bàn giao</source>
        <translation>Control, hand-overs</translation>
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
        <source>Quá trình xử lý ({count})</source>
        <translation>History ({count})</translation>
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
        <source>{due} (đã hẹn lại; hẹn ban đầu {first})</source>
        <translation>{due} (rescheduled; first due {first})</translation>
    </message>
    <message>
        <source>Kiểm soát, bàn giao ({count})</source>
        <translation>Control, hand-overs ({count})</translation>
    </message>
    <message>
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Chưa</source>
        <translation>Not yet</translation>
    </message>
    <message numerus="yes">
        <source>Đã nộp {provided}/%n giấy tờ.</source>
        <translation>
            <numerusform>{provided} of %n document handed in.</numerusform>
            <numerusform>{provided} of %n documents handed in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Thiếu %n giấy tờ bắt buộc.</source>
        <translation>
            <numerusform>%n required document missing.</numerusform>
            <numerusform>%n required documents missing.</numerusform>
        </translation>
    </message>
    <message>
        <source>Thành phần hồ sơ ({count})</source>
        <translation>Documents ({count})</translation>
    </message>
    <message>
        <source>Phiếu đã in ({count})</source>
        <translation>Printed slips ({count})</translation>
    </message>
    <message>
        <source>Chưa cấp mã (từ chối tại quầy)</source>
        <translation>No code (refused at the counter)</translation>
    </message>
    <message>
        <source>Không vào sổ (từ chối tại quầy)</source>
        <translation>Not in the ledger (refused at the counter)</translation>
    </message>
    <message>
        <source>Không có (từ chối tiếp nhận tại quầy)</source>
        <translation>None (refused at the counter)</translation>
    </message>
    <message>
        <source>Các thao tác khác: menu Thao tác (Alt+T)</source>
        <translation>More actions: the Actions menu (Alt+T)</translation>
    </message>
    <message>
        <source>&amp;Thao tác</source>
        <translation>&amp;Actions</translation>
    </message>
    <message>
        <source>In lại phiếu tiếp nhận</source>
        <translation>Reprint the receipt</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Thẻ sau</source>
        <translation>Next tab</translation>
    </message>
    <message>
        <source>Thẻ trước</source>
        <translation>Previous tab</translation>
    </message>
    <message>
        <source>Bản số hóa</source>
        <translation>Digitised files</translation>
    </message>
    <message>
        <source>Bản số hóa ({count})</source>
        <translation>Digitised files ({count})</translation>
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
        <source>Trạng thái hồ sơ</source>
        <translation>Dossier state</translation>
    </message>
    <message>
        <source>Mọi trạng thái</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Đang giải quyết</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Mọi thủ tục</source>
        <translation>All procedures</translation>
    </message>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Receiving clerk</translation>
    </message>
    <message>
        <source>Mọi cán bộ</source>
        <translation>All clerks</translation>
    </message>
    <message>
        <source>&amp;Quá hạn</source>
        <translation>&amp;Overdue</translation>
    </message>
    <message>
        <source>Xem tất cả (Esc)</source>
        <translation>Show all (Esc)</translation>
    </message>
    <message numerus="yes">
        <source>%n+ hồ sơ (cuộn để xem thêm)</source>
        <translation>
            <numerusform>%n+ dossiers (scroll for more)</numerusform>
            <numerusform>%n+ dossiers (scroll for more)</numerusform>
        </translation>
    </message>
    <message>
        <source>Không có hồ sơ phù hợp</source>
        <translation>No matching dossier</translation>
    </message>
    <message>
        <source>Chưa có hồ sơ</source>
        <translation>No dossiers yet</translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ</source>
        <translation>
            <numerusform>%n dossier</numerusform>
            <numerusform>%n dossiers</numerusform>
        </translation>
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
    <message>
        <source>Đang xem: {title}</source>
        <translation>Showing: {title}</translation>
    </message>
    <message>
        <source>hơn {count}</source>
        <translation>more than {count}</translation>
    </message>
    <message>
        <source>Còn {count} hồ sơ nhận trước khoảng này cũng khớp: &amp;Tìm cả các hồ sơ đó</source>
        <translation>{count} dossiers received earlier also match: search &amp;them too</translation>
    </message>
    <message>
        <source>mọi ngày nhận</source>
        <translation>every receipt date</translation>
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
    <name>EndOfDayDialog</name>
    <message>
        <source>Tổng kết cuối ngày</source>
        <translation>End of day</translation>
    </message>
    <message>
        <source>&amp;Ngày</source>
        <translation>&amp;Day</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Số hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Giờ</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Đơn vị nhận</source>
        <translation>Receiving unit</translation>
    </message>
    <message>
        <source>Người nhận</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>In báo cáo (Ctrl+P)</source>
        <translation>Print the report (Ctrl+P)</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Hoạt động trong ngày</source>
        <translation>The day&apos;s activity</translation>
    </message>
    <message>
        <source>Hồ sơ nhận trong ngày, theo trạng thái hiện nay</source>
        <translation>Received this day, by current status</translation>
    </message>
    <message>
        <source>Hồ sơ nhận trong ngày, theo thủ tục</source>
        <translation>Received this day, by procedure</translation>
    </message>
    <message>
        <source>Đã bàn giao trong ngày</source>
        <translation>Handed over this day</translation>
    </message>
    <message>
        <source>Hồ sơ còn tại quầy</source>
        <translation>Dossiers still at the counter</translation>
    </message>
    <message>
        <source>Tổng kết cuối ngày {weekday}, {date}</source>
        <translation>End of day: {weekday}, {date}</translation>
    </message>
    <message>
        <source>Tiếp nhận {received} hồ sơ · bàn giao {handed} hồ sơ · còn {left} hồ sơ tại quầy</source>
        <translation>{received} received · {handed} handed over · {left} still at the counter</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <source>Đăng ký máy với máy chủ tỉnh</source>
        <translation>Enrol this PC with the provincial hub</translation>
    </message>
    <message>
        <source>Nhập địa chỉ máy chủ đồng bộ của tỉnh và mã đăng ký một lần do tỉnh cấp cho máy này. Sau khi đăng ký, hồ sơ được gửi lên tỉnh tự động.</source>
        <translation>Enter the address of the province&apos;s sync hub and the one-time enrollment code the province issued for this PC. Once enrolled, dossiers are sent to the province automatically.</translation>
    </message>
    <message>
        <source>ví dụ https://dongbo.phutho.gov.vn</source>
        <translation>for example https://dongbo.phutho.gov.vn</translation>
    </message>
    <message>
        <source>ví dụ K7QXM-3RTPW</source>
        <translation>for example K7QXM-3RTPW</translation>
    </message>
    <message>
        <source>tên máy này trên máy chủ tỉnh</source>
        <translation>this PC&apos;s name on the provincial hub</translation>
    </message>
    <message>
        <source>để trống nếu tỉnh không yêu cầu</source>
        <translation>leave empty unless the province asks for one</translation>
    </message>
    <message>
        <source>Chọn tệp…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <source>Địa chỉ &amp;máy chủ</source>
        <translation>Hub &amp;address</translation>
    </message>
    <message>
        <source>Mã đăng &amp;ký</source>
        <translation>Enrollment &amp;code</translation>
    </message>
    <message>
        <source>&amp;Tên máy</source>
        <translation>PC &amp;name</translation>
    </message>
    <message>
        <source>Tệp chứng chỉ &amp;CA</source>
        <translation>&amp;CA certificate file</translation>
    </message>
    <message>
        <source>Đăng ký</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Chọn tệp chứng chỉ CA của tỉnh</source>
        <translation>Choose the province&apos;s CA certificate file</translation>
    </message>
    <message>
        <source>Chứng chỉ (*.pem *.crt *.cer);;Mọi tệp (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Đang kết nối…</source>
        <translation>Connecting…</translation>
    </message>
</context>
<context>
    <name>EventDetails</name>
    <message>
        <source>Tệp số hóa «{document}» không gửi lên tỉnh (vẫn lưu trên máy này)</source>
        <translation>Digitised file «{document}» not sent to the province (still kept on this PC)</translation>
    </message>
    <message>
        <source>Hủy: {kind}</source>
        <translation>Undoes: {kind}</translation>
    </message>
    <message>
        <source>Hẹn trả: {due}</source>
        <translation>Due: {due}</translation>
    </message>
    <message>
        <source>Đơn vị: {unit}</source>
        <translation>Unit: {unit}</translation>
    </message>
    <message>
        <source>Người nhận: {name}</source>
        <translation>Received by: {name}</translation>
    </message>
    <message>
        <source>Người giao: {name}</source>
        <translation>Given by: {name}</translation>
    </message>
    <message>
        <source>Cần bổ sung: {documents}</source>
        <translation>Missing: {documents}</translation>
    </message>
    <message>
        <source>Lý do: {reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <source>Hẹn trả: {old} → {new}</source>
        <translation>Due: {old} → {new}</translation>
    </message>
    <message>
        <source>Người nhận kết quả: {name}</source>
        <translation>Collected by: {name}</translation>
    </message>
    <message>
        <source>(được ủy quyền, CCCD {id})</source>
        <translation>(authorised, ID {id})</translation>
    </message>
    <message>
        <source>Qua bưu chính, số vận đơn {number}</source>
        <translation>By post, tracking number {number}</translation>
    </message>
    <message>
        <source>Ghi chú: {note}</source>
        <translation>Note: {note}</translation>
    </message>
    <message>
        <source>Hồ sơ bổ sung: {document}, {pages} trang (bản {version})</source>
        <translation>Supplement: {document}, {pages} pages (version {version})</translation>
    </message>
    <message>
        <source>Kết quả giải quyết: {document}, {pages} trang (bản {version})</source>
        <translation>Result: {document}, {pages} pages (version {version})</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Bàn giao hồ sơ cho đơn vị xử lý</source>
        <translation>Hand dossiers over to a processing unit</translation>
    </message>
    <message>
        <source>Bàn giao và in phiếu</source>
        <translation>Hand over and print</translation>
    </message>
    <message>
        <source>Người &amp;nhận</source>
        <translation>Received &amp;by</translation>
    </message>
    <message>
        <source>Nhập họ tên người nhận hồ sơ ở đơn vị.</source>
        <translation>Type the name of the person at the unit who receives the dossiers.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Xem</source>
        <translation>Viewed</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Lưu bản sao</source>
        <translation>Copy saved</translation>
    </message>
    <message>
        <source>Bỏ gửi tệp số hóa lên tỉnh</source>
        <translation>Digitised file not sent to the province</translation>
    </message>
    <message>
        <source>Đính chính: hủy thao tác trước</source>
        <translation>Correction: previous action undone</translation>
    </message>
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
    <message numerus="yes">
        <source>%n ngày làm việc</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n giờ làm việc</source>
        <translation>
            <numerusform>%n working hour</numerusform>
            <numerusform>%n working hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n ngày</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Dossier received</translation>
    </message>
    <message>
        <source>Bàn giao xử lý</source>
        <translation>Handed over for processing</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <source>Nhận hồ sơ bổ sung</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <source>Nhận kết quả giải quyết</source>
        <translation>Result received</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Xin lỗi và hẹn lại ngày trả kết quả</source>
        <translation>Apology and new due time</translation>
    </message>
    <message>
        <source>Trả kết quả</source>
        <translation>Result returned</translation>
    </message>
    <message>
        <source>Công dân rút hồ sơ</source>
        <translation>Withdrawn by the applicant</translation>
    </message>
    <message>
        <source>Loại bỏ sự kiện bị cách ly</source>
        <translation>Quarantined event discarded</translation>
    </message>
    <message>
        <source>Số hóa giấy tờ</source>
        <translation>Document digitised</translation>
    </message>
    <message>
        <source>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</source>
        <translation>Receipt and appointment slip</translation>
    </message>
    <message>
        <source>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Supplement request slip</translation>
    </message>
    <message>
        <source>Phiếu từ chối tiếp nhận giải quyết hồ sơ</source>
        <translation>Refusal slip</translation>
    </message>
    <message>
        <source>Phiếu xin lỗi và hẹn lại ngày trả kết quả</source>
        <translation>Apology and new due time slip</translation>
    </message>
    <message>
        <source>Phiếu kiểm soát quá trình giải quyết hồ sơ</source>
        <translation>Processing control slip</translation>
    </message>
    <message>
        <source>Danh sách bàn giao hồ sơ</source>
        <translation>Handover list</translation>
    </message>
    <message>
        <source>Tiếp nhận hôm nay</source>
        <translation>Received today</translation>
    </message>
    <message>
        <source>Chờ trả kết quả</source>
        <translation>Ready to return</translation>
    </message>
    <message>
        <source>Chờ bổ sung giấy tờ</source>
        <translation>Waiting for a supplement</translation>
    </message>
    <message>
        <source>Rất hài lòng</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>Hài lòng</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>Không hài lòng</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>{amount} đ</source>
        <translation>{amount} VND</translation>
    </message>
    <message>
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Chủ nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết</source>
        <translation>Apology and request for an extension</translation>
    </message>
    <message>
        <source>Thông báo dừng giải quyết hồ sơ</source>
        <translation>Notice of stopped processing</translation>
    </message>
    <message>
        <source>Khi tiếp nhận</source>
        <translation>At reception</translation>
    </message>
    <message>
        <source>Hồ sơ bổ sung</source>
        <translation>Supplement</translation>
    </message>
    <message>
        <source>Kết quả giải quyết</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <source>Sổ theo dõi hồ sơ</source>
        <translation>Dossier ledger</translation>
    </message>
    <message>
        <source>Tháng &amp;này</source>
        <translation>&amp;This month</translation>
    </message>
    <message>
        <source>Tháng t&amp;rước</source>
        <translation>&amp;Last month</translation>
    </message>
    <message>
        <source>&amp;Từ ngày</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>Đến n&amp;gày</source>
        <translation>T&amp;o</translation>
    </message>
    <message>
        <source>Số TT</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>Địa chỉ, điện thoại</source>
        <translation>Address, phone</translation>
    </message>
    <message>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Hẹn trả</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Ngày trả</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Receiving clerk</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tiến độ</source>
        <translation>Timeliness</translation>
    </message>
    <message>
        <source>Xuất PDF (Ctrl+P)</source>
        <translation>Export PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>Xuất Excel… (Ctrl+S)</source>
        <translation>Export Excel… (Ctrl+S)</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.</source>
        <translation>The start date must not be after the end date.</translation>
    </message>
    <message>
        <source>Đang tải sổ…</source>
        <translation>Loading the ledger…</translation>
    </message>
    <message numerus="yes">
        <source>%n hồ sơ trong sổ</source>
        <translation>
            <numerusform>%n dossier in the ledger</numerusform>
            <numerusform>%n dossiers in the ledger</numerusform>
        </translation>
    </message>
    <message>
        <source>Đang tạo tệp PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <source>Đã tạo {path}</source>
        <translation>Made {path}</translation>
    </message>
    <message>
        <source>Lưu sổ theo dõi hồ sơ</source>
        <translation>Save the dossier ledger</translation>
    </message>
    <message>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <source>Đang lưu tệp Excel…</source>
        <translation>Saving the Excel file…</translation>
    </message>
    <message>
        <source>Đã lưu sổ tại {path}</source>
        <translation>Ledger saved to {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Cài đặt…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Danh mục thủ tục…</source>
        <translation>Procedure &amp;catalogue…</translation>
    </message>
    <message>
        <source>Danh sách hồ sơ (Ctrl+1)</source>
        <translation>Dossiers (Ctrl+1)</translation>
    </message>
    <message>
        <source>Bảng theo dõi hôm nay (Ctrl+2)</source>
        <translation>Today&apos;s board (Ctrl+2)</translation>
    </message>
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
        <source>&amp;Danh sách hồ sơ</source>
        <translation>&amp;Dossier list</translation>
    </message>
    <message>
        <source>&amp;Bảng theo dõi hôm nay</source>
        <translation>Today&apos;s &amp;board</translation>
    </message>
    <message>
        <source>&amp;Sổ theo dõi hồ sơ…</source>
        <translation>Dossier &amp;ledger…</translation>
    </message>
    <message>
        <source>&amp;Tổng kết cuối ngày…</source>
        <translation>&amp;End of day…</translation>
    </message>
    <message>
        <source>&amp;Thông tin quầy…</source>
        <translation>&amp;Counter information…</translation>
    </message>
    <message>
        <source>Đơn &amp;vị xử lý hồ sơ…</source>
        <translation>Processing &amp;units…</translation>
    </message>
    <message>
        <source>&amp;Khôi phục dữ liệu từ bản sao lưu…</source>
        <translation>&amp;Restore data from a backup…</translation>
    </message>
    <message>
        <source>Kiểm tra &amp;toàn vẹn nhật ký</source>
        <translation>Check the &amp;journal's integrity</translation>
    </message>
    <message>
        <source>&amp;Hồ sơ</source>
        <translation>&amp;Dossiers</translation>
    </message>
    <message>
        <source>&amp;Báo cáo</source>
        <translation>&amp;Reports</translation>
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
    <message numerus="yes">
        <source>%n sự kiện chờ đồng bộ</source>
        <translation>
            <numerusform>%n event waiting to sync</numerusform>
            <numerusform>%n events waiting to sync</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tệp chờ gửi ({size} MB)</source>
        <translation>
            <numerusform>%n file waiting ({size} MB)</numerusform>
            <numerusform>%n files waiting ({size} MB)</numerusform>
        </translation>
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
        <source>Kiểm tra toàn vẹn nhật ký</source>
        <translation>Journal integrity check</translation>
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
    <message>
        <source>Đã ghi nhận thao tác.</source>
        <translation>Recorded.</translation>
    </message>
    <message>
        <source>Đã ghi nhận: {outcome}</source>
        <translation>Recorded: {outcome}</translation>
    </message>
    <message>
        <source>hồ sơ {codes} – {state}</source>
        <translation>dossier {codes} – {state}</translation>
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
        <source>Không thấy máy in «{wanted}» đã chọn trong Cài đặt cho loại phiếu này (máy in chưa bật, đã rút cáp hoặc đổi tên). Phiếu sẽ in ra máy in mặc định{default}; hãy kiểm tra máy in hoặc chọn lại trong Cài đặt → Máy in.</source>
        <translation>The printer «{wanted}» chosen in Settings for this kind of slip is not found (switched off, unplugged or renamed). The slip goes to the default printer{default}; check the printer or choose again in Settings → Printers.</translation>
    </message>
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
        <source>chọn hồ sơ trong danh sách và bấm Ctrl+P để in lại phiếu.</source>
        <translation>select the dossier in the list and press Ctrl+P to print the slip again.</translation>
    </message>
    <message>
        <source>mở hồ sơ (Enter trong danh sách), thẻ Phiếu đã in (Alt+4), chọn phiếu này và bấm Enter để in.</source>
        <translation>open the dossier (Enter in the list), the Printed slips tab (Alt+4), select this slip and press Enter to print it.</translation>
    </message>
    <message>
        <source>mở tệp trên bằng trình đọc PDF để in, hoặc tạo lại báo cáo.</source>
        <translation>open the file above in a PDF reader to print it, or make the report again.</translation>
    </message>
    <message>
        <source>Không tìm thấy máy in nào trên máy tính này. Phiếu đã được lưu tại:
{path}
Không mất dữ liệu: khi có máy in, {later}</source>
        <translation>No printer was found on this computer. The slip is kept at:
{path}
Nothing is lost: once there is a printer, {later}</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Không tìm thấy máy in nào trên máy tính này. Khi có máy in, mở lại bản số hóa này trong hồ sơ để in.</source>
        <translation>No printer was found on this computer. When there is one, open this digitised file again from the dossier to print it.</translation>
    </message>
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
    <message numerus="yes">
        <source>%n trang · {path}</source>
        <translation>
            <numerusform>%n page · {path}</numerusform>
            <numerusform>%n pages · {path}</numerusform>
        </translation>
    </message>
    <message>
        <source>Không có máy in</source>
        <translation>No printer</translation>
    </message>
    <message>
        <source>Đang gửi tới máy in…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message numerus="yes">
        <source>Đã gửi %n trang tới máy in {printer}.</source>
        <translation>
            <numerusform>Sent %n page to the printer {printer}.</numerusform>
            <numerusform>Sent %n pages to the printer {printer}.</numerusform>
        </translation>
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
    <message>
        <source>Vừa khổ rộng (Ctrl+0)</source>
        <translation>Fit width (Ctrl+0)</translation>
    </message>
    <message>
        <source>Số &amp;bản:</source>
        <translation>&amp;Copies:</translation>
    </message>
    <message>
        <source>PageDown, PageUp: trang sau, trang trước; Home, End: trang đầu, trang cuối.</source>
        <translation>PageDown, PageUp: next, previous page; Home, End: first, last page.</translation>
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
    <name>ProcessingUnitsDialog</name>
    <message>
        <source>Đơn vị xử lý hồ sơ</source>
        <translation>Processing units</translation>
    </message>
    <message>
        <source>Các đơn vị nhận hồ sơ khi bàn giao. Đánh dấu «Liên thông» cho cơ quan cấp tỉnh hoặc cơ quan khác ngoài xã.</source>
        <translation>The units dossiers are handed over to. Tick “Inter-agency” for provincial agencies and others outside the commune.</translation>
    </message>
    <message>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>Liên thông</source>
        <translation>Inter-agency</translation>
    </message>
    <message>
        <source>Gõ để sửa tên; phím cách: đánh dấu liên thông; Insert: thêm; Delete: xóa dòng.</source>
        <translation>Type to rename; Space: tick inter-agency; Insert: add; Delete: remove the line.</translation>
    </message>
    <message>
        <source>Thêm (Insert)</source>
        <translation>Add (Insert)</translation>
    </message>
    <message>
        <source>Xóa (Delete)</source>
        <translation>Remove (Delete)</translation>
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
        <source>Đơn vị «{name}» có hai lần trong danh sách.</source>
        <translation>The unit “{name}” is in the list twice.</translation>
    </message>
</context>
<context>
    <name>QuarantineDialog</name>
    <message>
        <source>Bỏ gửi tệp số hóa</source>
        <translation>Stop sending a digitised file</translation>
    </message>
    <message>
        <source>Bỏ gửi tệp… (Ctrl+D)</source>
        <translation>Stop sending the file… (Ctrl+D)</translation>
    </message>
    <message>
        <source>Cách ly lúc</source>
        <translation>Quarantined at</translation>
    </message>
    <message>
        <source>Dung lượng</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Gửi lại tệp (Ctrl+R)</source>
        <translation>Send the file again (Ctrl+R)</translation>
    </message>
    <message>
        <source>Không gửi tệp số hóa «{document}» của hồ sơ {code} lên tỉnh nữa? Tệp vẫn được giữ trên máy này; việc bỏ gửi được ghi vào hồ sơ và báo lên tỉnh.</source>
        <translation>Stop sending the digitised file «{document}» of dossier {code} to the province? The file stays on this PC; giving it up is recorded in the dossier and reported to the province.</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Lý do bỏ gửi tệp (bắt buộc khi bỏ gửi)</source>
        <translation>Reason for not sending the file (required to stop sending)</translation>
    </message>
    <message>
        <source>Nhập lý do bỏ gửi tệp trước</source>
        <translation>Type the reason for not sending the file first</translation>
    </message>
    <message>
        <source>Tệp số hóa gửi lên tỉnh không được (quá lớn, bị thay đổi hay mất trên máy, máy chủ từ chối nhiều lần); các tệp khác vẫn được gửi. Gửi lại (Ctrl+R) khi đã khắc phục, hoặc bỏ gửi (Ctrl+D): tệp vẫn được giữ trên máy này, việc bỏ gửi được ghi vào hồ sơ và báo lên tỉnh.</source>
        <translation>Digitised files that could not be sent to the province (too large, changed or missing on this PC, refused by the hub again and again); the other files are still sent. Send one again (Ctrl+R) once the cause is fixed, or stop sending it (Ctrl+D): the file stays on this PC, and giving it up is recorded in the dossier and reported to the province.</translation>
    </message>
    <message>
        <source>Sự kiện và tệp bị cách ly</source>
        <translation>Quarantined events and files</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh đã từ chối các sự kiện dưới đây; những sự kiện khác vẫn được gửi bình thường. Gửi lại khi đã khắc phục nguyên nhân, hoặc loại bỏ (việc loại bỏ được ghi lại và báo lên tỉnh).</source>
        <translation>The provincial hub refused the events below; the other events are still sent as usual. Send them again once the cause is fixed, or discard them (a discard is recorded and reported to the province).</translation>
    </message>
    <message>
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <source>Sự kiện</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Thời gian ghi</source>
        <translation>Recorded at</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Lý do máy chủ từ chối</source>
        <translation>Why the hub refused it</translation>
    </message>
    <message>
        <source>Lý do loại bỏ (bắt buộc khi loại bỏ)</source>
        <translation>Reason for discarding (required to discard)</translation>
    </message>
    <message>
        <source>&amp;Gửi lại</source>
        <translation>&amp;Send again</translation>
    </message>
    <message>
        <source>&amp;Loại bỏ…</source>
        <translation>&amp;Discard…</translation>
    </message>
    <message>
        <source>Thay đổi từ tỉnh không áp dụng được trên máy này:</source>
        <translation>Changes from the province that could not be applied on this PC:</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Vị trí</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Nhập lý do loại bỏ trước</source>
        <translation>Type the reason for discarding first</translation>
    </message>
    <message>
        <source>Loại bỏ sự kiện</source>
        <translation>Discard the event</translation>
    </message>
    <message>
        <source>Loại bỏ sự kiện «{kind}» của hồ sơ {code}? Sự kiện sẽ không được gửi lên tỉnh nữa; việc loại bỏ được ghi lại và báo lên tỉnh.</source>
        <translation>Discard the “{kind}” event of dossier {code}? It will no longer be sent to the province; the discard is recorded and reported to the province.</translation>
    </message>
    <message>
        <source>Máy chủ tỉnh ghi: {reason}</source>
        <translation>The provincial hub said: {reason}</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Tiếp nhận hồ sơ</source>
        <translation>Receive a dossier</translation>
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
        <source>Đang lưu hồ sơ trước; quét lại thẻ khi lưu xong.</source>
        <translation>Saving the previous dossier; scan the card again when it is saved.</translation>
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
    <message>
        <source>Từ chối tiếp nhận (Ctrl+Shift+R)</source>
        <translation>Refuse (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Hồ sơ thiếu giấy tờ bắt buộc</source>
        <translation>Mandatory documents missing</translation>
    </message>
    <message>
        <source>Yêu cầu bổ sung (in phiếu mẫu 02), hay vẫn tiếp nhận và ghi việc thiếu giấy tờ trên giấy tiếp nhận?</source>
        <translation>Ask for them (print form 02), or receive the dossier anyway with the missing documents noted on the receipt?</translation>
    </message>
    <message>
        <source>Chưa cấp mã</source>
        <translation>No code</translation>
    </message>
    <message>
        <source>Đã từ chối tiếp nhận hồ sơ của {0}</source>
        <translation>Refused {0}'s dossier</translation>
    </message>
</context>
<context>
    <name>ReceiveFields</name>
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
        <source>Tên tổ c&amp;hức</source>
        <translation>Organisation &amp;name</translation>
    </message>
    <message>
        <source>tối đa {count} ký tự, như in trên phiếu</source>
        <translation>at most {count} characters, as the slips print it</translation>
    </message>
</context>
<context>
    <name>RequiredDocumentsEditor</name>
    <message>
        <source>Tên giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Bắt buộc</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <source>Bản chính</source>
        <translation>Originals</translation>
    </message>
    <message>
        <source>Bản sao CT</source>
        <translation>Certified copies</translation>
    </message>
    <message>
        <source>Bản photo</source>
        <translation>Photocopies</translation>
    </message>
    <message>
        <source>Thêm (Insert)</source>
        <translation>Add (Insert)</translation>
    </message>
    <message>
        <source>Xóa (Delete)</source>
        <translation>Remove (Delete)</translation>
    </message>
    <message>
        <source>Lên (Alt+↑)</source>
        <translation>Up (Alt+↑)</translation>
    </message>
    <message>
        <source>Xuống (Alt+↓)</source>
        <translation>Down (Alt+↓)</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Khi mở phần mềm</source>
        <translation>At start</translation>
    </message>
    <message>
        <source>Định kỳ</source>
        <translation>Periodic</translation>
    </message>
    <message>
        <source>Trước khi nâng cấp dữ liệu</source>
        <translation>Before a data upgrade</translation>
    </message>
    <message>
        <source>Trước khi khôi phục</source>
        <translation>Before a restore</translation>
    </message>
    <message numerus="yes">
        <source>bản sao lưu lúc {time} ngày {day}, %n hồ sơ (mã cuối: {code})</source>
        <translation>
            <numerusform>the backup of {time} on {day}, %n dossier (last code: {code})</numerusform>
            <numerusform>the backup of {time} on {day}, %n dossiers (last code: {code})</numerusform>
        </translation>
    </message>
    <message>
        <source>Dữ liệu bị hỏng</source>
        <translation>The data is damaged</translation>
    </message>
    <message>
        <source>Có thể khôi phục {backup}. Tệp hỏng được giữ lại bên cạnh (đổi tên), không bị xóa. Hồ sơ tiếp nhận sau thời điểm sao lưu cần nhập lại; mã của chúng không bị cấp lại.</source>
        <translation>You can restore {backup}. The damaged file is kept beside it (renamed), never deleted. Dossiers received after the backup must be entered again; their codes will not be issued again.</translation>
    </message>
    <message>
        <source>&amp;Khôi phục</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Khôi phục dữ liệu từ bản sao lưu</source>
        <translation>Restore the data from a backup</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>Made at</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Số hồ sơ</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Mã hồ sơ cuối</source>
        <translation>Last dossier code</translation>
    </message>
    <message>
        <source>Chưa có bản sao lưu nào.</source>
        <translation>There are no backups yet.</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Khôi phục bản đã chọn</source>
        <translation>&amp;Restore the selected backup</translation>
    </message>
    <message>
        <source>Trước khi khôi phục, dữ liệu hiện tại được sao lưu thêm một bản, nên có thể quay lại. Mã hồ sơ đã cấp không bao giờ bị cấp lại.</source>
        <translation>Before a restore the current data is backed up once more, so you can go back. Dossier codes already issued are never issued again.</translation>
    </message>
    <message>
        <source>Khôi phục dữ liệu</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <source>Thay dữ liệu hiện tại bằng {backup}?</source>
        <translation>Replace the current data with {backup}?</translation>
    </message>
    <message>
        <source>Hồ sơ tiếp nhận sau thời điểm đó sẽ không còn trong danh sách (bản sao lưu trước khi khôi phục vẫn giữ chúng).</source>
        <translation>Dossiers received after that time will no longer be in the list (the backup made before the restore still holds them).</translation>
    </message>
    <message>
        <source>Đã khôi phục</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Đã khôi phục {backup}.</source>
        <translation>Restored {backup}.</translation>
    </message>
    <message>
        <source>&amp;Dùng dữ liệu hiện tại</source>
        <translation>&amp;Use the data as it is</translation>
    </message>
</context>
<context>
    <name>ResultReadyDialog</name>
    <message>
        <source>Nhận kết quả từ đơn vị xử lý</source>
        <translation>Receive the result from the processing unit</translation>
    </message>
    <message>
        <source>Ghi nhận kết quả</source>
        <translation>Record the result</translation>
    </message>
    <message>
        <source>Người &amp;giao</source>
        <translation>&amp;Given by</translation>
    </message>
    <message>
        <source>Nhập họ tên người của đơn vị giao lại kết quả.</source>
        <translation>Type the name of the person from the unit who brings the result.</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Trả kết quả cho công dân</source>
        <translation>Return the result to the citizen</translation>
    </message>
    <message>
        <source>Ghi nhận đã trả</source>
        <translation>Record the return</translation>
    </message>
    <message>
        <source>Người nộp hồ &amp;sơ</source>
        <translation>The a&amp;pplicant</translation>
    </message>
    <message>
        <source>Người được ủ&amp;y quyền</source>
        <translation>An au&amp;thorised person</translation>
    </message>
    <message>
        <source>Người nhận</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <source>&amp;Họ và tên</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <source>Nhập họ tên người nhận kết quả.</source>
        <translation>Type the name of the person who collects the result.</translation>
    </message>
    <message>
        <source>Số &amp;CCCD</source>
        <translation>&amp;ID number</translation>
    </message>
    <message>
        <source>&amp;Thời gian trả</source>
        <translation>&amp;Returned at</translation>
    </message>
    <message>
        <source>Tại &amp;quầy</source>
        <translation>At the &amp;counter</translation>
    </message>
    <message>
        <source>Qua &amp;bưu chính</source>
        <translation>By p&amp;ost</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Số &amp;vận đơn</source>
        <translation>&amp;Tracking number</translation>
    </message>
    <message>
        <source>Nhập số vận đơn bưu chính để tra cứu khi cần.</source>
        <translation>Type the postal tracking number, to trace the result if needed.</translation>
    </message>
    <message>
        <source>Mức độ hài lòng</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Nhập số CCCD của người được ủy quyền (ghi trong giấy ủy quyền).</source>
        <translation>Type the authorised person&apos;s ID number (as written in the authorisation).</translation>
    </message>
</context>
<context>
    <name>ScanPanel</name>
    <message>
        <source>Các trang đã quét khoảng {size} MB, quá {limit} MB mà cổng dịch vụ công của tỉnh nhận cho một tệp: giấy tờ vẫn được lưu ở máy này nhưng sẽ không được gửi lên tỉnh. Trang chữ nên quét đen trắng 200 dpi; giấy tờ dài nên chia thành nhiều giấy tờ.</source>
        <translation>The scanned pages are about {size} MB, over the {limit} MB the province's public service portal takes for one file: the document is still kept on this computer but will not be sent to the province. Scan text pages in black-and-white at 200 dpi; split a long document into several documents.</translation>
    </message>
    <message>
        <source>Số hóa giấy tờ</source>
        <translation>Digitise documents</translation>
    </message>
    <message>
        <source>Số hóa: {name}</source>
        <translation>Digitise: {name}</translation>
    </message>
    <message>
        <source>Đang tìm máy quét…</source>
        <translation>Looking for scanners…</translation>
    </message>
    <message>
        <source>Mặt kính</source>
        <translation>Flatbed</translation>
    </message>
    <message>
        <source>Khay nạp giấy</source>
        <translation>Document feeder</translation>
    </message>
    <message>
        <source>Khay nạp, hai mặt</source>
        <translation>Document feeder, both sides</translation>
    </message>
    <message>
        <source>Đen trắng (trang chữ)</source>
        <translation>Black and white (text pages)</translation>
    </message>
    <message>
        <source>Xám (ảnh, CCCD)</source>
        <translation>Greyscale (photos, ID cards)</translation>
    </message>
    <message>
        <source>Màu</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>&amp;Máy quét:</source>
        <translation>&amp;Scanner:</translation>
    </message>
    <message>
        <source>&amp;Nguồn giấy:</source>
        <translation>&amp;Paper source:</translation>
    </message>
    <message>
        <source>Độ &amp;phân giải:</source>
        <translation>&amp;Resolution:</translation>
    </message>
    <message>
        <source>&amp;Chế độ:</source>
        <translation>M&amp;ode:</translation>
    </message>
    <message>
        <source>&amp;Quét (F5)</source>
        <translation>S&amp;can (F5)</translation>
    </message>
    <message>
        <source>&amp;Dừng quét (F6)</source>
        <translation>S&amp;top scanning (F6)</translation>
    </message>
    <message>
        <source>Nhập &amp;tệp… (Ctrl+O)</source>
        <translation>&amp;Import files… (Ctrl+O)</translation>
    </message>
    <message>
        <source>Lên trước (Ctrl+←)</source>
        <translation>Earlier (Ctrl+←)</translation>
    </message>
    <message>
        <source>Ra sau (Ctrl+→)</source>
        <translation>Later (Ctrl+→)</translation>
    </message>
    <message>
        <source>&amp;Xoay (Ctrl+R)</source>
        <translation>Rot&amp;ate (Ctrl+R)</translation>
    </message>
    <message>
        <source>Xóa trang (Delete)</source>
        <translation>Delete page (Delete)</translation>
    </message>
    <message>
        <source>Quét &amp;lại trang (F7)</source>
        <translation>Resca&amp;n page (F7)</translation>
    </message>
    <message>
        <source>Có &amp;giấy ghi chú (Ctrl+G)</source>
        <translation>Has stick&amp;y note (Ctrl+G)</translation>
    </message>
    <message>
        <source>Xong (Ctrl+Enter)</source>
        <translation>Done (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Không có máy quét (vẫn nhập được tệp)</source>
        <translation>No scanner (files can still be imported)</translation>
    </message>
    <message>
        <source>Chọn tệp ảnh hoặc PDF</source>
        <translation>Choose pictures or PDF files</translation>
    </message>
    <message>
        <source>Ảnh và PDF ({patterns})</source>
        <translation>Pictures and PDF ({patterns})</translation>
    </message>
    <message>
        <source>Trang {n}</source>
        <translation>Page {n}</translation>
    </message>
    <message>
        <source>(có giấy ghi chú)</source>
        <translation>(with sticky note)</translation>
    </message>
    <message numerus="yes">
        <source>Đang quét… %n trang</source>
        <translation>
            <numerusform>Scanning… %n page</numerusform>
            <numerusform>Scanning… %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n trang</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScansPage</name>
    <message>
        <source>Ai đã xem, in, lưu bản sao bản số hóa, lúc nào:</source>
        <translation>Who viewed, printed or saved a copy of the digitised files, and when:</translation>
    </message>
    <message>
        <source>Việc</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>Giấy tờ</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Giai đoạn</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Lần</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Xem bản số hóa đã chọn (Enter)</source>
        <translation>View the selected file (Enter)</translation>
    </message>
    <message>
        <source>Xem toàn trang, in (Enter trên trang)</source>
        <translation>Full page, print (Enter on a page)</translation>
    </message>
    <message>
        <source>Hồ sơ chưa có giấy tờ nào được số hóa.</source>
        <translation>No document of this dossier is digitised yet.</translation>
    </message>
    <message>
        <source>Chọn một bản số hóa và bấm Enter để xem các trang.</source>
        <translation>Choose a digitised file and press Enter to see its pages.</translation>
    </message>
    <message>
        <source>Đang mở {document}…</source>
        <translation>Opening {document}…</translation>
    </message>
    <message>
        <source>Trang {number}</source>
        <translation>Page {number}</translation>
    </message>
    <message numerus="yes">
        <source>{document} ({stage}, lần {version}): %n trang. Mũi tên chọn trang, Enter xem toàn trang, Backspace trở lại danh sách.</source>
        <translation>
            <numerusform>{document} ({stage}, version {version}): %n page. Arrows choose a page, Enter shows it in full, Backspace goes back to the list.</numerusform>
            <numerusform>{document} ({stage}, version {version}): %n pages. Arrows choose a page, Enter shows it in full, Backspace goes back to the list.</numerusform>
        </translation>
    </message>
    <message>
        <source>{document} ({stage}, lần {version})</source>
        <translation>{document} ({stage}, version {version})</translation>
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
        <source>Đị&amp;a danh ghi trên phiếu</source>
        <translation>&amp;Place name on slips</translation>
    </message>
    <message>
        <source>Số đ&amp;iện thoại của bộ phận</source>
        <translation>Office's phone (pr&amp;inted on slips)</translation>
    </message>
    <message>
        <source>ví dụ 0210 3856 123 (in trên giấy hẹn, phiếu bổ sung)</source>
        <translation>for example 0210 3856 123 (printed on the receipt and the supplement request)</translation>
    </message>
    <message>
        <source>Người quản trị máy này đăng nhập bằng tài khoản dưới đây, rồi tạo tài khoản cho từng cán bộ. Họ tên in trên phiếu của hồ sơ người đó tiếp nhận.</source>
        <translation>The administrator of this computer logs in with the account below, then creates an account for each clerk. The full name is printed on the slips of the dossiers that person receives.</translation>
    </message>
    <message>
        <source>Tài khoản quản trị</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <source>Tôi chắc chắn: dùng lại mã đơn vị và số quầy này (ghi lại lựa chọn)</source>
        <translation>I am sure: use this agency code and counter number again (the choice is recorded)</translation>
    </message>
    <message>
        <source>&amp;Dùng lại</source>
        <translation>&amp;Use again</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <source>Yêu cầu bổ sung, hoàn thiện hồ sơ</source>
        <translation>Request a supplement</translation>
    </message>
    <message>
        <source>Ghi nhận và in phiếu</source>
        <translation>Record and print the slip</translation>
    </message>
    <message>
        <source>Phím cách: đánh dấu / bỏ đánh dấu. (*) giấy tờ bắt buộc.</source>
        <translation>Space: tick / untick. (*) required document.</translation>
    </message>
    <message>
        <source>&amp;Giấy tờ cần bổ sung</source>
        <translation>&amp;Missing documents</translation>
    </message>
    <message>
        <source>Giấy tờ &amp;khác</source>
        <translation>&amp;Other documents</translation>
    </message>
    <message>
        <source>Mỗi dòng một giấy tờ không có trong danh sách trên</source>
        <translation>One document per line that is not in the list above</translation>
    </message>
    <message>
        <source>&amp;Lý do</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Ví dụ: bản sao chưa được chứng thực</source>
        <translation>For example: the copy is not certified</translation>
    </message>
    <message>
        <source>Nhập lý do cần bổ sung: lý do được in trên phiếu.</source>
        <translation>Type why a supplement is needed: the reason is printed on the slip.</translation>
    </message>
    <message>
        <source>Liên &amp;hệ</source>
        <translation>&amp;Contact</translation>
    </message>
    <message>
        <source>Người giao lạ&amp;i</source>
        <translation>Brought back &amp;by</translation>
    </message>
    <message>
        <source>người của {unit}</source>
        <translation>someone from {unit}</translation>
    </message>
    <message>
        <source>Đánh dấu hoặc gõ ít nhất một giấy tờ cần bổ sung.</source>
        <translation>Tick or type at least one missing document.</translation>
    </message>
</context>
<context>
    <name>SupplementReceivedDialog</name>
    <message>
        <source>Nhận hồ sơ bổ sung</source>
        <translation>Receive the supplement</translation>
    </message>
    <message>
        <source>người của {unit}</source>
        <translation>someone from {unit}</translation>
    </message>
    <message>
        <source>Người &amp;nhận lại</source>
        <translation>Taken back &amp;by</translation>
    </message>
    <message>
        <source>Ghi nhận và in giấy tiếp nhận</source>
        <translation>Record and print the receipt</translation>
    </message>
    <message>
        <source>Phím cách: đánh dấu / bỏ đánh dấu giấy tờ đã nộp.</source>
        <translation>Space: tick / untick a document brought.</translation>
    </message>
    <message>
        <source>&amp;Giấy tờ đã nộp bổ sung</source>
        <translation>&amp;Documents brought</translation>
    </message>
    <message>
        <source>Ghi &amp;chú</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <source>Giấy tờ khác hoặc điều cần ghi lại (không bắt buộc)</source>
        <translation>Other documents, or anything to note (optional)</translation>
    </message>
    <message>
        <source>Đánh dấu giấy tờ công dân đã nộp bổ sung.</source>
        <translation>Tick the documents the applicant brought.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Đồng bộ &amp;ngay</source>
        <translation>Sync &amp;now</translation>
    </message>
    <message>
        <source>Đăng &amp;ký máy với tỉnh…</source>
        <translation>&amp;Enrol this PC with the province…</translation>
    </message>
    <message>
        <source>Sự kiện, tệp bị &amp;cách ly…</source>
        <translation>&amp;Quarantined events and files…</translation>
    </message>
    <message>
        <source>&amp;In đối chiếu cuối ngày</source>
        <translation>&amp;Print the end-of-day reconciliation</translation>
    </message>
    <message>
        <source>Đồ&amp;ng bộ</source>
        <translation>S&amp;ync</translation>
    </message>
    <message>
        <source>Quầy {number}</source>
        <translation>Counter {number}</translation>
    </message>
    <message>
        <source>Đã đăng ký máy «{name}» với {commune} (mã máy trên máy chủ tỉnh: {device}).</source>
        <translation>This PC “{name}” is enrolled with {commune} (device id on the provincial hub: {device}).</translation>
    </message>
    <message>
        <source>Lưu ý: mã định danh của xã trên máy chủ tỉnh ({hub}) khác mã trong thông tin quầy ({local}). Hãy kiểm tra lại với tỉnh.</source>
        <translation>Note: the commune&apos;s identifier on the provincial hub ({hub}) differs from the one in the counter settings ({local}). Please check with the province.</translation>
    </message>
    <message>
        <source>Đăng ký thành công</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>Đang đối chiếu với máy chủ tỉnh…</source>
        <translation>Reconciling with the provincial hub…</translation>
    </message>
    <message>
        <source>Chưa đồng bộ được</source>
        <translation>Cannot sync yet</translation>
    </message>
    <message>
        <source>Máy này chưa được đăng ký với máy chủ tỉnh, nên chưa gửi được hồ sơ nào lên tỉnh. Hồ sơ vẫn được lưu đầy đủ trên máy này.</source>
        <translation>This PC is not enrolled with the provincial hub yet, so no dossier has been sent to the province. Every dossier is still kept on this PC.</translation>
    </message>
    <message>
        <source>Hãy nhờ quản trị viên đăng ký máy: menu Đồng bộ → Đăng ký máy với tỉnh…, với mã đăng ký do tỉnh cấp.</source>
        <translation>Ask an administrator to enrol this PC: Sync → Enrol this PC with the province…, with the enrolment code the province issued.</translation>
    </message>
    <message>
        <source>Mở hộp Đăng ký máy với tỉnh ngay? (Cần địa chỉ máy chủ và mã đăng ký do tỉnh cấp.)</source>
        <translation>Open the enrolment dialog now? (It needs the hub's address and the enrolment code the province issued.)</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Đồng hồ máy nhanh {minutes} phút so với máy chủ tỉnh</source>
        <translation>This PC&apos;s clock is {minutes} min ahead of the provincial hub</translation>
    </message>
    <message>
        <source>Đồng hồ máy chậm {minutes} phút so với máy chủ tỉnh</source>
        <translation>This PC&apos;s clock is {minutes} min behind the provincial hub</translation>
    </message>
    <message>
        <source>Chưa đăng ký đồng bộ với tỉnh</source>
        <translation>Not enrolled for sync with the province</translation>
    </message>
    <message>
        <source>Đang đồng bộ…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Đã đồng bộ lúc {time}</source>
        <translation>Synced at {time}</translation>
    </message>
    <message>
        <source>Mất kết nối với máy chủ tỉnh</source>
        <translation>Offline: no connection to the provincial hub</translation>
    </message>
    <message>
        <source>đồng bộ lần cuối {time}</source>
        <translation>last synced {time}</translation>
    </message>
    <message>
        <source>chưa đồng bộ lần nào</source>
        <translation>never synced</translation>
    </message>
    <message>
        <source>Đồng bộ lỗi: {reason}</source>
        <translation>Sync failed: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n sự kiện bị cách ly</source>
        <translation>
            <numerusform>%n event quarantined</numerusform>
            <numerusform>%n events quarantined</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tệp bị cách ly</source>
        <translation>
            <numerusform>%n file quarantined</numerusform>
            <numerusform>%n files quarantined</numerusform>
        </translation>
    </message>
    <message>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>Lần đồng bộ thành công gần nhất: {time}</source>
        <translation>Last good sync: {time}</translation>
    </message>
    <message>
        <source>Sự kiện chờ gửi: {count}</source>
        <translation>Events waiting: {count}</translation>
    </message>
    <message>
        <source>Tệp số hóa chờ gửi: {count} ({size} MB)</source>
        <translation>Digitised files waiting: {count} ({size} MB)</translation>
    </message>
    <message>
        <source>Độ lệch đồng hồ so với máy chủ: {seconds} giây</source>
        <translation>Clock skew against the hub: {seconds} s</translation>
    </message>
    <message>
        <source>Tự thử lại lúc {time}</source>
        <translation>Retrying by itself at {time}</translation>
    </message>
    <message>
        <source>Nhấn F6 để đồng bộ ngay.</source>
        <translation>Press F6 to sync now.</translation>
    </message>
</context>
<context>
    <name>TodayBoard</name>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Receiving clerk</translation>
    </message>
    <message>
        <source>Thủ tục</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>Theo cán bộ</source>
        <translation>By clerk</translation>
    </message>
    <message>
        <source>Theo thủ tục</source>
        <translation>By procedure</translation>
    </message>
    <message>
        <source>Tab chuyển giữa các ô; Enter mở danh sách hồ sơ của ô đang chọn. F5: cập nhật.</source>
        <translation>Tab moves between the tiles; Enter lists the dossiers of the chosen one. F5: refresh.</translation>
    </message>
    <message>
        <source>Bảng theo dõi hôm nay – {weekday}, {date}</source>
        <translation>Today&apos;s board – {weekday}, {date}</translation>
    </message>
    <message>
        <source>Cập nhật lúc {time}</source>
        <translation>Updated at {time}</translation>
    </message>
    <message>
        <source>Không tải được bảng theo dõi: {error}</source>
        <translation>Could not load the board: {error}</translation>
    </message>
    <message>
        <source>Tất cả trên bảng</source>
        <translation>All on the board</translation>
    </message>
    <message>
        <source>&amp;Xem cả quầy</source>
        <translation>Whole counter (&amp;X)</translation>
    </message>
    <message>
        <source>Hồ sơ của cả quầy</source>
        <translation>The whole counter's dossiers</translation>
    </message>
    <message>
        <source>Chỉ hồ sơ do {clerk} tiếp nhận</source>
        <translation>Only the dossiers {clerk} received</translation>
    </message>
    <message>
        <source>Số hóa giấy tờ của hồ sơ tiếp nhận hôm nay: quét {scanned}, tái sử dụng {reused}, chỉ xuất trình {shown}, không phải số hóa {exempt}, chưa số hóa {pending}; {incomplete} hồ sơ chưa số hóa đủ.</source>
        <translation>Documents of today's dossiers: {scanned} scanned, {reused} reused, {shown} shown only, {exempt} not to be digitised, {pending} not digitised; {incomplete} dossiers not completely digitised.</translation>
    </message>
</context>
<context>
    <name>UnitExchangeDialog</name>
    <message>
        <source>Đơn &amp;vị</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <source>Chọn hoặc gõ tên đơn vị xử lý.</source>
        <translation>Choose or type the processing unit.</translation>
    </message>
    <message>
        <source>Ghi &amp;chú</source>
        <translation>N&amp;ote</translation>
    </message>
</context>
<context>
    <name>UnitPicker</name>
    <message>
        <source>Đơn vị liên thông</source>
        <translation>Inter-agency unit</translation>
    </message>
    <message>
        <source>Gõ vài chữ trong tên đơn vị, ví dụ: công an</source>
        <translation>Type a few letters of the unit&apos;s name, for example: công an</translation>
    </message>
</context>
<context>
    <name>DaysOffEditor</name>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Nghỉ</source>
        <translation>Day off</translation>
    </message>
    <message>
        <source>Làm bù</source>
        <translation>Working day</translation>
    </message>
    <message>
        <source>ví dụ Lễ hội truyền thống của xã</source>
        <translation>e.g. the commune's traditional festival</translation>
    </message>
    <message>
        <source>Thêm (Insert)</source>
        <translation>Add (Insert)</translation>
    </message>
    <message>
        <source>Xóa dòng (Delete)</source>
        <translation>Remove line (Delete)</translation>
    </message>
    <message>
        <source>Ngày lễ, Tết và ngày làm bù theo quy định của Nhà nước đã có sẵn; ở đây chỉ ghi các ngày riêng của địa phương. Thêm lại một ngày đã có để sửa dòng đó.</source>
        <translation>Public holidays, Tết and the government's swapped working days are built in; list only the commune's own days here. Add a day again to change its line.</translation>
    </message>
    <message>
        <source>Nhập ngày, ví dụ 02/09/2026.</source>
        <translation>Type a date, e.g. 02/09/2026.</translation>
    </message>
</context>
<context>
    <name>PrinterRow</name>
    <message>
        <source>Máy in mặc định</source>
        <translation>Default printer</translation>
    </message>
    <message>
        <source>{name} (không thấy trên máy này)</source>
        <translation>{name} (not found on this PC)</translation>
    </message>
    <message>
        <source>Theo mẫu (A5 cho phiếu, A4 cho sổ, báo cáo)</source>
        <translation>As drawn (A5 for slips, A4 for the ledger and reports)</translation>
    </message>
</context>
<context>
    <name>PrinterSettings</name>
    <message>
        <source>Chọn máy in và khổ giấy cho từng loại phiếu. Nếu máy in đã chọn không có (chưa bật hoặc đã rút cáp), phiếu in ra máy in mặc định và phần mềm báo cho cán bộ biết.</source>
        <translation>Choose the printer and paper for each kind of slip. If the chosen printer is not there (switched off or unplugged), the slip goes to the default printer and the clerk is told.</translation>
    </message>
    <message>
        <source>Máy tính này chưa cài máy in nào: mọi phiếu sẽ dùng máy in mặc định khi có.</source>
        <translation>No printer is installed on this PC: every slip will use the default printer once there is one.</translation>
    </message>
</context>
<context>
    <name>ProcessingUnitsEditor</name>
    <message>
        <source>Tên đơn vị</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>Liên thông</source>
        <translation>Inter-agency</translation>
    </message>
    <message>
        <source>Gõ để sửa tên; phím cách: đánh dấu liên thông; Insert: thêm; Delete: xóa dòng.</source>
        <translation>Type to edit a name; Space: mark inter-agency; Insert: add; Delete: remove the line.</translation>
    </message>
    <message>
        <source>Thêm (Insert)</source>
        <translation>Add (Insert)</translation>
    </message>
    <message>
        <source>Xóa (Delete)</source>
        <translation>Remove (Delete)</translation>
    </message>
    <message>
        <source>Đơn vị «{name}» có hai lần trong danh sách.</source>
        <translation>The unit «{name}» is listed twice.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Chỉ lãnh đạo được đính chính (hủy thao tác cuối của hồ sơ)</source>
        <translation>Only the leader may correct (undo a dossier's last action)</translation>
    </message>
    <message>
        <source>Khi không đánh dấu, cán bộ tiếp nhận tự hủy được thao tác nhầm của hồ sơ trong ngày, có ghi lý do.</source>
        <translation>When not ticked, a reception clerk may undo a mistaken action on a dossier the same day, giving a reason.</translation>
    </message>
    <message>
        <source>Sổ theo dõi hồ sơ</source>
        <translation>Dossier ledger</translation>
    </message>
    <message>
        <source>Tổng kết cuối ngày</source>
        <translation>End-of-day summary</translation>
    </message>
    <message>
        <source>Biên bản đối chiếu đồng bộ</source>
        <translation>Sync reconciliation record</translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Đơn vị</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Giờ làm việc</source>
        <translation>Working hours</translation>
    </message>
    <message>
        <source>Ngày nghỉ / làm bù</source>
        <translation>Days off / working days</translation>
    </message>
    <message>
        <source>Đơn vị xử lý</source>
        <translation>Processing units</translation>
    </message>
    <message>
        <source>Các đơn vị nhận hồ sơ khi bàn giao. Đánh dấu «Liên thông» cho cơ quan cấp tỉnh hoặc cơ quan khác ngoài xã.</source>
        <translation>The units dossiers are handed over to. Mark «Inter-agency» for province agencies or other bodies outside the commune.</translation>
    </message>
    <message>
        <source>Máy in</source>
        <translation>Printers</translation>
    </message>
    <message>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Sao lưu</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Ctrl+Tab, Ctrl+Shift+Tab: sang thẻ sau, thẻ trước; Ctrl+S: lưu mọi thẻ; Esc: hủy.</source>
        <translation>Ctrl+Tab, Ctrl+Shift+Tab: next, previous tab; Ctrl+S: save every tab; Esc: cancel.</translation>
    </message>
    <message>
        <source>ví dụ UBND xã Tân Lập</source>
        <translation>e.g. UBND xã Tân Lập</translation>
    </message>
    <message>
        <source>ví dụ Trung tâm Phục vụ hành chính công xã Tân Lập</source>
        <translation>e.g. Trung tâm Phục vụ hành chính công xã Tân Lập</translation>
    </message>
    <message>
        <source>ví dụ 000.17.22.H56</source>
        <translation>e.g. 000.17.22.H56</translation>
    </message>
    <message>
        <source>ví dụ Tân Lập (in thành «Tân Lập, ngày … tháng … năm …»)</source>
        <translation>e.g. Tân Lập (printed as «Tân Lập, ngày … tháng … năm …»)</translation>
    </message>
    <message>
        <source>Tên &amp;xã, phường</source>
        <translation>&amp;Commune or ward</translation>
    </message>
    <message>
        <source>&amp;Bộ phận tiếp nhận</source>
        <translation>&amp;Reception unit</translation>
    </message>
    <message>
        <source>&amp;Mã định danh đơn vị</source>
        <translation>&amp;Agency code</translation>
    </message>
    <message>
        <source>Mã áp dụng &amp;từ ngày</source>
        <translation>Code in force &amp;from</translation>
    </message>
    <message>
        <source>Khi đổi mã (sáp nhập xã), nhập ngày bắt đầu dùng mã mới. Hồ sơ nhận trước ngày đó vẫn mang mã cũ; mã đã cấp không thay đổi.</source>
        <translation>When the code changes (a commune merger), enter the first day of the new code. Dossiers received before that day keep the old code; codes already issued do not change.</translation>
    </message>
    <message>
        <source>&amp;Số quầy</source>
        <translation>Counter &amp;number</translation>
    </message>
    <message>
        <source>Chữ số đầu của mỗi mã hồ sơ là số quầy: mỗi quầy (mỗi máy) cần một số khác nhau.</source>
        <translation>The first digit of every dossier code is the counter number: each counter (each PC) needs its own.</translation>
    </message>
    <message>
        <source>Đị&amp;a danh ghi trên phiếu</source>
        <translation>Pl&amp;ace name on slips</translation>
    </message>
    <message>
        <source>Số đ&amp;iện thoại của bộ phận</source>
        <translation>Office's phone (pr&amp;inted on slips)</translation>
    </message>
    <message>
        <source>ví dụ 0210 3856 123 (in trên giấy hẹn, phiếu bổ sung)</source>
        <translation>for example 0210 3856 123 (printed on the receipt and the supplement request)</translation>
    </message>
    <message>
        <source>Buổi sáng bắt đầu</source>
        <translation>Morning starts</translation>
    </message>
    <message>
        <source>Buổi sáng kết thúc</source>
        <translation>Morning ends</translation>
    </message>
    <message>
        <source>Buổi chiều bắt đầu</source>
        <translation>Afternoon starts</translation>
    </message>
    <message>
        <source>Buổi chiều kết thúc</source>
        <translation>Afternoon ends</translation>
    </message>
    <message>
        <source>Giờ chốt hồ sơ trả trong ngày</source>
        <translation>Same-day cut-off</translation>
    </message>
    <message>
        <source>Hồ sơ giải quyết trong ngày nhận sau giờ này được hẹn trả vào ngày làm việc tiếp theo.</source>
        <translation>A same-day dossier received after this time is due on the next working day.</translation>
    </message>
    <message>
        <source>Giờ mới áp dụng cho hồ sơ tiếp nhận sau khi lưu; ngày hẹn của hồ sơ đã nhận không đổi.</source>
        <translation>New hours apply to dossiers received after saving; due dates already given do not change.</translation>
    </message>
    <message>
        <source>(máy chưa đăng ký với tỉnh)</source>
        <translation>(this PC is not enrolled with the province)</translation>
    </message>
    <message>
        <source>Máy chủ đồng bộ của tỉnh</source>
        <translation>Province sync server</translation>
    </message>
    <message>
        <source>Đăng &amp;ký lại với tỉnh…</source>
        <translation>Re-&amp;enrol with the province…</translation>
    </message>
    <message>
        <source>Đồng bộ cuối ngày lúc</source>
        <translation>End-of-day sync at</translation>
    </message>
    <message>
        <source>Mỗi ngày vào giờ này, máy gửi mọi hồ sơ còn chờ lên tỉnh.</source>
        <translation>Every day at this time, the PC sends every waiting dossier to the province.</translation>
    </message>
    <message>
        <source>Thư mục sao lưu chính</source>
        <translation>Main backup folder</translation>
    </message>
    <message>
        <source>ví dụ E:\ (ổ USB); để trống nếu không dùng</source>
        <translation>e.g. E:\ (a USB stick); leave empty if not used</translation>
    </message>
    <message>
        <source>&amp;Chọn thư mục…</source>
        <translation>&amp;Choose folder…</translation>
    </message>
    <message>
        <source>Thư mục sao lưu thứ hai</source>
        <translation>Second backup folder</translation>
    </message>
    <message>
        <source>Mỗi bản sao lưu được chép thêm vào đây (ví dụ ổ USB cắm cố định).</source>
        <translation>Every backup is also copied here (e.g. a USB stick left plugged in).</translation>
    </message>
    <message>
        <source> giờ</source>
        <translation> hours</translation>
    </message>
    <message>
        <source>Sao lưu tự động mỗi</source>
        <translation>Automatic backup every</translation>
    </message>
    <message numerus="yes">
        <source>Tự động (%n lần dung lượng dữ liệu)</source>
        <translation>
            <numerusform>Automatic (%n time the data's size)</numerusform>
            <numerusform>Automatic (%n times the data's size)</numerusform>
        </translation>
    </message>
    <message>
        <source>Dung lượng dành cho sao lưu</source>
        <translation>Disk space for backups</translation>
    </message>
    <message>
        <source>Khi các bản sao lưu vượt quá mức này, bản cũ nhất bị xóa trước; bản mới nhất và bản trước khi cập nhật luôn được giữ.</source>
        <translation>When the backups take more than this, the oldest go first; the newest one and the ones made before an update are always kept.</translation>
    </message>
    <message>
        <source>Chọn thư mục sao lưu thứ hai</source>
        <translation>Choose the second backup folder</translation>
    </message>
    <message>
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Giao diện dùng ngôn ngữ mới từ lần mở ứng dụng tiếp theo. Phiếu in luôn bằng tiếng Việt.</source>
        <translation>The interface uses the new language from the next start. Slips are always printed in Vietnamese.</translation>
    </message>
    <message>
        <source> phút</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Không tự khóa</source>
        <translation>Never lock</translation>
    </message>
    <message>
        <source>Tự khóa màn hình sau</source>
        <translation>Lock the screen after</translation>
    </message>
    <message>
        <source>Máy không được dùng trong khoảng này thì khóa lại, chờ đăng nhập.</source>
        <translation>When the PC is not used for this long it locks and waits for a login.</translation>
    </message>
    <message>
        <source>Lãnh đạo duyệt phiếu từ chối và phiếu xin lỗi</source>
        <translation>A leader approves refusal and apology slips</translation>
    </message>
</context>
<context>
    <name>AccountFields</name>
    <message>
        <source>Cán bộ tiếp nhận</source>
        <translation>Reception clerk</translation>
    </message>
    <message>
        <source>Lãnh đạo</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Quản trị</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>in trên phiếu và sổ, ví dụ Nguyễn Thị Lan</source>
        <translation>printed on slips and in the ledger, for example Nguyễn Thị Lan</translation>
    </message>
    <message>
        <source>gõ khi đăng nhập, ví dụ lan.nt</source>
        <translation>typed to log in, for example lan.nt</translation>
    </message>
    <message>
        <source>&amp;Họ và tên</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>&amp;Tên đăng nhập</source>
        <translation>&amp;Login name</translation>
    </message>
    <message>
        <source>&amp;Vai trò</source>
        <translation>&amp;Role</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Tài khoản</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Khóa đến</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Người làm</source>
        <translation>Done by</translation>
    </message>
    <message>
        <source>Việc</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Nhật ký tài khoản</source>
        <translation>Account log</translation>
    </message>
    <message>
        <source>Thêm (Insert)</source>
        <translation>Add (Insert)</translation>
    </message>
    <message>
        <source>Sửa (F4)</source>
        <translation>Edit (F4)</translation>
    </message>
    <message>
        <source>Ngừng sử dụng (Ctrl+D)</source>
        <translation>Deactivate (Ctrl+D)</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu (Ctrl+R)</source>
        <translation>Reset password (Ctrl+R)</translation>
    </message>
    <message>
        <source>Mở khóa (Ctrl+U)</source>
        <translation>Unlock (Ctrl+U)</translation>
    </message>
    <message>
        <source>Đóng (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Ngừng sử dụng</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>Tạm khóa</source>
        <translation>Locked out</translation>
    </message>
    <message>
        <source>Chờ đổi mật khẩu</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <source>Đang dùng</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Tạo tài khoản</source>
        <translation>Account created</translation>
    </message>
    <message>
        <source>Sửa tài khoản</source>
        <translation>Account changed</translation>
    </message>
    <message>
        <source>Đặt lại mật khẩu</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>Đổi mật khẩu</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Tạm khóa do nhập sai mật khẩu</source>
        <translation>Locked out after wrong passwords</translation>
    </message>
    <message>
        <source>Mở khóa</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <source>Mở lại (Ctrl+D)</source>
        <translation>Reactivate (Ctrl+D)</translation>
    </message>
    <message>
        <source>Ngừng sử dụng tài khoản</source>
        <translation>Deactivate the account</translation>
    </message>
    <message>
        <source>Ngừng tài khoản {username} ({name})? Người đó sẽ không đăng nhập được nữa; hồ sơ và nhật ký vẫn giữ tên họ.</source>
        <translation>Deactivate the account {username} ({name})? They will no longer be able to log in; dossiers and logs keep their name.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Quản trị đã đặt lại mật khẩu của bạn. Hãy đặt mật khẩu mới của riêng bạn trước khi làm việc.</source>
        <translation>An administrator has reset your password. Set a new password of your own before you start work.</translation>
    </message>
    <message>
        <source>Mật khẩu mới cần ít nhất 8 ký tự. Không ai khác, kể cả quản trị, xem được nó.</source>
        <translation>The new password needs at least 8 characters. Nobody else, not even an administrator, can see it.</translation>
    </message>
    <message>
        <source>Mật khẩu &amp;hiện tại</source>
        <translation>&amp;Current password</translation>
    </message>
    <message>
        <source>Mật khẩu &amp;mới</source>
        <translation>&amp;New password</translation>
    </message>
</context>
<context>
    <name>CounterSession</name>
    <message>
        <source>Đổi &amp;cán bộ…</source>
        <translation>Switch &amp;clerk…</translation>
    </message>
    <message>
        <source>&amp;Khóa màn hình</source>
        <translation>&amp;Lock the screen</translation>
    </message>
    <message>
        <source>Đổi &amp;mật khẩu…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <source>Tài &amp;khoản…</source>
        <translation>&amp;Accounts…</translation>
    </message>
    <message>
        <source>Đổi cán bộ (Ctrl+Shift+D)</source>
        <translation>Switch clerk (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Khóa (Ctrl+Shift+L)</source>
        <translation>Lock (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>Cán bộ: {name} ({role})</source>
        <translation>Clerk: {name} ({role})</translation>
    </message>
    <message>
        <source>Đã khóa</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Đã đổi mật khẩu.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <source>Thoát ứng dụng</source>
        <translation>Quit the application</translation>
    </message>
    <message>
        <source>{names} còn cửa sổ đang làm dở, chưa lưu. Thoát bây giờ sẽ mất nội dung đó. Vẫn thoát?</source>
        <translation>{names} still has unsaved work in open windows. Quitting now loses it. Quit anyway?</translation>
    </message>
</context>
<context>
    <name>EditAccountDialog</name>
    <message>
        <source>Sửa tài khoản {username}</source>
        <translation>Edit the account {username}</translation>
    </message>
    <message>
        <source>&amp;Họ và tên</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>&amp;Vai trò</source>
        <translation>&amp;Role</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Tạo tài khoản quản trị</source>
        <translation>Create the administrator account</translation>
    </message>
    <message>
        <source>Từ phiên bản này, mỗi cán bộ đăng nhập bằng tài khoản riêng và mọi thao tác ghi tên người làm. Hãy tạo tài khoản quản trị đầu tiên; người quản trị sẽ tạo tài khoản cho các cán bộ khác.</source>
        <translation>From this version on, every clerk logs in with their own account and every action records who did it. Create the first administrator account; the administrator then creates the other clerks' accounts.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Lưu (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Màn hình đã khóa</source>
        <translation>The screen is locked</translation>
    </message>
    <message>
        <source>Hồ sơ được ẩn khi không có ai đăng nhập. Chọn tên của bạn và nhập mật khẩu để làm việc; đồng bộ và sao lưu vẫn tiếp tục chạy.</source>
        <translation>Dossiers are hidden while nobody is logged in. Choose your name and enter your password to work; sync and backups keep running.</translation>
    </message>
    <message>
        <source>Các cửa sổ bạn đang làm dở ({windows}) sẽ hiện lại đúng như lúc khóa khi bạn đăng nhập.</source>
        <translation>The windows you left open ({windows}) come back exactly as they were when you log in.</translation>
    </message>
    <message>
        <source>{name} đang làm dở {windows}. Nội dung đó được giữ nguyên và chỉ hiện lại khi {name} đăng nhập; cán bộ khác đăng nhập không làm mất nó.</source>
        <translation>{name} has unfinished work in {windows}. It is kept as it is and comes back only when {name} logs in; another clerk logging in does not lose it.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <source>gõ vài chữ của họ tên hoặc tên đăng nhập</source>
        <translation>type a few letters of your name or login name</translation>
    </message>
    <message>
        <source>&amp;Cán bộ</source>
        <translation>&amp;Clerk</translation>
    </message>
    <message>
        <source>&amp;Mật khẩu</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Đăng nhập (Enter)</source>
        <translation>Log in (Enter)</translation>
    </message>
    <message>
        <source>Chọn tên của bạn trong danh sách.</source>
        <translation>Choose your name in the list.</translation>
    </message>
    <message>
        <source>Nhập mật khẩu.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Bạn cần đặt mật khẩu mới trước khi làm việc. Hãy đăng nhập lại.</source>
        <translation>You need to set a new password before you work. Please log in again.</translation>
    </message>
    <message>
        <source>Đăng nhập sai nhiều lần: tài khoản tạm khóa. Thử lại sau {wait} (hoặc nhờ quản trị mở khóa).</source>
        <translation>Too many failed logins: the account is locked for now. Try again in {wait} (or ask an administrator to unlock it).</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>Thêm tài khoản</source>
        <translation>Add an account</translation>
    </message>
    <message>
        <source>Mỗi cán bộ một tài khoản: họ tên in trên phiếu của hồ sơ người đó làm. Báo mật khẩu cho cán bộ; họ có thể tự đổi sau khi đăng nhập.</source>
        <translation>One account per clerk: the full name is printed on the slips of the dossiers they handle. Tell the clerk the password; they can change it after logging in.</translation>
    </message>
</context>
<context>
    <name>NewPassword</name>
    <message>
        <source>ít nhất 8 ký tự</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <source>Mật &amp;khẩu</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Nhập lại mật khẩu</source>
        <translation>Re&amp;peat the password</translation>
    </message>
    <message>
        <source>Hai lần nhập mật khẩu không giống nhau: hãy nhập lại.</source>
        <translation>The two passwords typed differ: please type it again.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Đặt lại mật khẩu</source>
        <translation>Reset the password</translation>
    </message>
    <message>
        <source>Mật khẩu tạm cho {name} ({username}). Báo riêng cho người đó; khi đăng nhập lần sau, họ phải đặt mật khẩu mới của mình. Việc này cũng mở khóa tài khoản.</source>
        <translation>A temporary password for {name} ({username}). Tell it to them privately; at their next login they must set a new password of their own. This also unlocks the account.</translation>
    </message>
    <message>
        <source>Mật khẩu &amp;tạm</source>
        <translation>&amp;Temporary password</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>Hủy (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>DossierTable</name>
    <message>
        <source>{due} (gia hạn; hẹn đầu {first})</source>
        <translation>{due} (extended; first due {first})</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Từ chối tiếp nhận hồ sơ</source>
        <translation>Refuse the dossier</translation>
    </message>
    <message>
        <source>Từ chối và in phiếu</source>
        <translation>Refuse and print the slip</translation>
    </message>
    <message>
        <source>&amp;Lý do từ chối</source>
        <translation>&amp;Reason for refusal</translation>
    </message>
    <message>
        <source>Ví dụ: thủ tục không thuộc thẩm quyền giải quyết của xã</source>
        <translation>For example: the procedure is not within the commune's competence</translation>
    </message>
    <message>
        <source>Nhập lý do từ chối: lý do được in trên phiếu từ chối.</source>
        <translation>Enter the reason for the refusal: it is printed on the refusal slip.</translation>
    </message>
    <message>
        <source>Không hoàn tác được. Có: ghi nhận và in phiếu; Không (Enter, Esc): quay lại, lý do vẫn giữ.</source>
        <translation>This cannot be undone. Yes: record it and print the slip; No (Enter, Esc): go back, the reason is kept.</translation>
    </message>
    <message>
        <source>Từ chối tiếp nhận hồ sơ của {name}?</source>
        <translation>Refuse the dossier of {name}?</translation>
    </message>
</context>
<context>
    <name>FormScans</name>
    <message>
        <source>«{0}»: tệp PDF nặng {1} MB, quá {2} MB mà cổng dịch vụ công của tỉnh nhận cho một tệp. Tệp vẫn được lưu ở máy này cùng hồ sơ nhưng sẽ không được gửi lên tỉnh. Bấm F3 trên dòng giấy tờ để quét lại: trang chữ đen trắng 200 dpi, hoặc bớt trang rồi số hóa phần còn lại thành giấy tờ khác; các trang đã quét vẫn giữ.</source>
        <translation>«{0}»: the PDF file is {1} MB, over the {2} MB the province's public service portal takes for one file. The file is still kept on this computer with the dossier but will not be sent to the province. Press F3 on the document's line to scan again: text pages in black-and-white at 200 dpi, or fewer pages, digitising the rest as another document; the scanned pages are kept.</translation>
    </message>
    <message>
        <source>Tệp số hóa quá lớn để gửi lên tỉnh</source>
        <translation>The digitised file is too large to send to the province</translation>
    </message>
    <message>
        <source>Cửa sổ quét «{0}» còn mở: bấm Xong (Ctrl+Enter) để đưa các trang vào hồ sơ, hoặc Hủy (Esc), rồi lưu.</source>
        <translation>The scan window for «{0}» is still open: press Done (Ctrl+Enter) to put the pages into the dossier, or Cancel (Esc), then save.</translation>
    </message>
    <message>
        <source>Đang tạo tệp số hóa; hồ sơ sẽ được lưu ngay khi xong.</source>
        <translation>Making the digitised file; the dossier is saved as soon as it is ready.</translation>
    </message>
    <message>
        <source>Đang quét «{0}»: bấm Xong (Ctrl+Enter) hoặc Hủy (Esc) trong cửa sổ quét trước khi quét giấy tờ khác.</source>
        <translation>Scanning «{0}»: press Done (Ctrl+Enter) or Cancel (Esc) in the scan window before scanning another document.</translation>
    </message>
    <message>
        <source>F3: về biểu mẫu tiếp nhận để gõ tiếp trong khi quét; F3 trên dòng giấy tờ này để quay lại đây.</source>
        <translation>F3: back to the reception form to type on while scanning; F3 on this document's line to come back here.</translation>
    </message>
    <message>
        <source>Chưa lưu được bản số hóa</source>
        <translation>The digitised copy was not saved</translation>
    </message>
    <message>
        <source>«{0}»: {1}</source>
        <translation>«{0}»: {1}</translation>
    </message>
    <message>
        <source>Có trang đã quét nhưng chưa được lưu vào hồ sơ nào (lần làm việc trước bị ngắt giữa chừng, ví dụ mất điện):
{0}</source>
        <translation>Some scanned pages were never saved into a dossier (the last session was cut off, for example by a power cut):
{0}</translation>
    </message>
    <message>
        <source>Dùng lại: chọn thủ tục, đến dòng giấy tờ rồi bấm F3 để mở các trang trong cửa sổ quét. Bỏ: xóa hẳn các trang này. Để sau: hỏi lại lần mở biểu mẫu tới.</source>
        <translation>Use: choose the procedure, go to the document's line and press F3 to open the pages in the scan window. Discard: delete these pages for good. Later: ask again the next time the form opens.</translation>
    </message>
    <message numerus="yes">
        <source>Đã giữ %n trang quét dở: đến dòng giấy tờ và bấm F3 để mở.</source>
        <translation>
            <numerusform>Kept %n unsaved scanned page: go to the document's line and press F3 to open it.</numerusform>
            <numerusform>Kept %n unsaved scanned pages: go to the document's line and press F3 to open them.</numerusform>
        </translation>
    </message>
</context>
</TS>
