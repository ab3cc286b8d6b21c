/** Server-side messages in the user's language: Vietnamese first, English on request. */
export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const messages = {
  validation: { vi: "Dữ liệu không hợp lệ", en: "Invalid input" },
  not_found: { vi: "Không tìm thấy", en: "Not found" },
  unauthorized: { vi: "Hãy đăng nhập để tiếp tục", en: "Sign in to continue" },
  forbidden: { vi: "Tài khoản của bạn không có quyền thực hiện thao tác này", en: "Your account may not do this" },
  too_many_requests: { vi: "Quá nhiều yêu cầu; hãy đợi một lát rồi thử lại", en: "Too many requests; wait a moment and try again" },
  // One answer for an unknown name, a wrong password and a locked account, so that it tells nobody which names exist.
  login_failed: {
    vi: "Tên đăng nhập hoặc mật khẩu không đúng. Sau {failures} lần sai liên tiếp, tài khoản (nếu có) bị tạm khoá {minutes} phút: hãy thử lại sau hoặc nhờ quản trị viên mở khoá",
    en: "Wrong username or password. After {failures} wrong attempts in a row an account, if there is one, is locked for {minutes} minutes: try again later or ask an administrator to unlock it",
  },
  sign_in_throttled: { vi: "Quá nhiều lần đăng nhập từ địa chỉ này; hãy đợi một lát rồi thử lại", en: "Too many sign-in attempts from this address; wait a moment and try again" },
  csrf_failed: { vi: "Phiên làm việc không hợp lệ hoặc đã hết hạn; hãy tải lại trang", en: "Invalid or expired session token; reload the page" },
  password_weak: { vi: "Mật khẩu cần ít nhất 10 ký tự", en: "The password needs at least 10 characters" },
  password_wrong: { vi: "Mật khẩu hiện tại không đúng", en: "The current password is wrong" },
  password_same: { vi: "Mật khẩu mới phải khác mật khẩu hiện tại", en: "The new password must differ from the current one" },
  password_change_required: { vi: "Hãy đổi mật khẩu tạm trước khi tiếp tục", en: "Change your temporary password first" },
  username_taken: { vi: "Tên đăng nhập đã có người dùng", en: "This username is taken" },
  reporter_needs_agency: { vi: "Tài khoản báo cáo cần gắn với ít nhất một cơ quan", en: "A reporter account needs at least one agency" },
  own_admin_rights: { vi: "Không thể tự bỏ quyền quản trị hay tự khoá tài khoản của mình", en: "You cannot remove your own administrator rights or disable yourself" },
  conflict: { vi: "Bản ghi đã bị người khác sửa; hãy tải lại rồi sửa lại", en: "The record was changed by someone else; reload and edit again" },
  duplicate: { vi: "Đã có bản ghi trùng", en: "A matching record already exists" },
  in_use: { vi: "Bản ghi đang được dùng ở nơi khác nên không xoá được", en: "The record is in use elsewhere and cannot be deleted" },
  payload_too_large: { vi: "Dữ liệu gửi lên vượt giới hạn {limit}; hãy gửi ít dữ liệu hơn trong một lần", en: "The request body is over the {limit} limit; send less at a time" },
  internal: { vi: "Lỗi hệ thống; vui lòng thử lại sau", en: "Internal error; please try again later" },
  unavailable: { vi: "Hệ thống đang bận; hãy thử lại sau {seconds} giây", en: "The system is busy; try again in {seconds} s" },
  readers_busy: { vi: "Đang có nhiều tệp chờ đọc; hãy tải lên lại sau khoảng {seconds} giây", en: "Many files are waiting to be read; upload again in about {seconds} s" },
  dashboard_busy: { vi: "Bảng điều hành đang được tổng hợp; hãy thử lại sau {seconds} giây", en: "The dashboard is being prepared; try again in {seconds} s" },
  bad_json: { vi: "Nội dung gửi lên không phải JSON hợp lệ", en: "The request body is not valid JSON" },
  symbol_malformed: { vi: "Số, ký hiệu văn bản không đúng dạng (ví dụ: 23/KH-UBND, 11-NQ/TW)", en: "Malformed document symbol (e.g. 23/KH-UBND, 11-NQ/TW)" },
  symbol_taken: { vi: "Đã có văn bản mang số, ký hiệu này", en: "A document with this symbol already exists" },
  date_impossible: { vi: "Ngày không tồn tại (ví dụ 31/02)", en: "That date does not exist (e.g. 31/02)" },
  date_malformed: { vi: "Ngày không đúng dạng; nhập dd/mm/yyyy hoặc yyyy-mm-dd", en: "Malformed date; use dd/mm/yyyy or yyyy-mm-dd" },
  min_gt_max: { vi: "Giá trị tối thiểu lớn hơn giá trị tối đa", en: "Minimum is greater than maximum" },
  number_malformed: { vi: "Không phải số; nhập dạng 8.310,18 hoặc 8310.18", en: "Not a number; write 8310.18 or 8.310,18" },
  number_negative: { vi: "Không được là số âm", en: "Must not be negative" },
  field_required: { vi: "Trường này là bắt buộc", en: "This field is required" },
  bound_required: { vi: "Chỉ tiêu với phép so sánh này cần giá trị ở trường này", en: "This comparator needs a value in this field" },
  period_malformed: { vi: "Kỳ không đúng dạng (ví dụ 2024, 2024-H1, 2024-Q3, 2024-05)", en: "Malformed period (e.g. 2024, 2024-H1, 2024-Q3, 2024-05)" },
  agency_unknown: { vi: "Không có cơ quan với mã số này", en: "No agency with this id" },
  indicator_unknown: { vi: "Không có chỉ tiêu với mã số này", en: "No indicator with this id" },
  document_unknown: { vi: "Không có văn bản với mã số này", en: "No document with this id" },
  parent_cycle: { vi: "Cơ quan không thể trực thuộc chính nó hoặc cơ quan cấp dưới của nó", en: "An agency cannot sit under itself or its own sub-agency" },
  link_cycle: { vi: "Liên kết này tạo thành vòng lặp trong chuỗi văn bản", en: "This link would make the document chain a cycle" },
  link_self: { vi: "Văn bản không thể liên kết với chính nó", en: "A document cannot link to itself" },
  search_empty: { vi: "Nhập ít nhất một từ để tìm", en: "Type at least one word to search" },
  upload_too_large: { vi: "Tệp tải lên vượt giới hạn {limit}; hãy tách văn bản thành nhiều tệp, hoặc lưu lại tệp không kèm ảnh rồi tải lên", en: "The uploaded file is over the {limit} limit; split the document into several files, or save it again without images" },
  file_missing: { vi: "Chọn một tệp để tải lên (trường \"file\")", en: "Choose a file to upload (field \"file\")" },
  file_unreadable: { vi: "Không đọc được tệp", en: "The file cannot be read" },
  import_duplicate: { vi: "Tệp này đã được tải lên trước đây", en: "This file was uploaded before" },
  import_not_draft: { vi: "Bản nhập này đã được công bố hoặc huỷ; không sửa được nữa", en: "This import was already published or discarded" },
  import_unmapped: { vi: "Còn cơ quan chủ trì chưa được gán với cơ quan trong danh mục", en: "Some lead agencies are not mapped to registry agencies yet" },
  agency_unmapped: { vi: "Chưa gán cơ quan trong danh mục cho tên này", en: "No registry agency is mapped to this name" },
  document_not_published: { vi: "Văn bản chưa được công bố", en: "The document is not published yet" },
  period_number_required: { vi: "Chọn kỳ báo cáo (6 tháng 1-2, quý 1-4, tháng 1-12)", en: "Choose the period (half 1-2, quarter 1-4, month 1-12)" },
  due_before_window: { vi: "Hạn báo cáo không thể trước ngày bắt đầu kỳ số liệu", en: "The due date cannot be before the data window opens" },
  round_without_reporters: { vi: "Các kế hoạch đã chọn không giao nhiệm vụ hay chỉ tiêu nào cho cơ quan nào", en: "The chosen plans assign no task or indicator to any agency" },
  round_closed: { vi: "Đợt báo cáo đã đóng", en: "The reporting round is closed" },
  // Round controls (src/reporting/controls.ts) and the review.
  round_closed_reopen: { vi: "Đợt báo cáo đã đóng; hãy mở lại đợt trước khi thay đổi", en: "The round is closed; reopen it before changing it" },
  due_before_opening: { vi: "Hạn báo cáo không thể trước ngày mở đợt ({opened})", en: "The due date cannot be before the day the round was opened ({opened})" },
  agency_already_in_round: { vi: "Cơ quan này đã có trong danh sách báo cáo của đợt", en: "This agency already reports in this round" },
  agency_ended_for_round: { vi: "Cơ quan này đã chấm dứt hoạt động trước kỳ báo cáo của đợt", en: "This agency had ended before the period this round reports on" },
  agency_has_report: { vi: "Cơ quan đã gửi báo cáo trong đợt này nên không bỏ khỏi đợt được: báo cáo đã nhận là hồ sơ của đợt", en: "This agency has sent its report in this round and cannot be removed: a report received is part of the round's record" },
  round_last_reporter: { vi: "Đợt báo cáo cần ít nhất một cơ quan báo cáo", en: "A round needs at least one reporting agency" },
  agency_not_owing: { vi: "Cơ quan này đã gửi báo cáo; không cần nhắc", en: "This agency has sent its report; there is nothing to remind it of" },
  self_review_refused: { vi: "Báo cáo của cơ quan mình cần người khác xem xét: đầu mối không tự tiếp nhận hay trả lại báo cáo của cơ quan mình, trừ khi quản trị viên cho phép trong đợt này", en: "Your own agency's report is reviewed by someone else: a focal point does not accept or return its own agency's report unless an administrator allows it in this round" },
  item_not_in_report: { vi: "Mục này không thuộc báo cáo của cơ quan", en: "This item is not part of the agency's report" },
  indicator_not_in_round: { vi: "Chỉ tiêu này không thuộc các kế hoạch của đợt báo cáo", en: "This indicator is not in the round's plans" },
  actual_year_after_period: { vi: "Chỉ hỏi số thực hiện của năm {year} trở về trước (năm của kỳ báo cáo)", en: "Ask for the actual figure of {year} (the round's year) or an earlier year" },
  actual_no_estimate: { vi: "Chỉ tiêu này không có số ước của năm {year} để thay bằng số thực hiện", en: "This indicator has no estimate for {year} to replace with the actual figure" },
  actual_required: { vi: "Chỉ tiêu {indicator}: nhập số thực hiện năm {year} (thay số ước), hoặc giải thích vì sao chưa có", en: "Indicator {indicator}: enter the actual figure of {year} (replacing the estimate), or explain why there is none" },
  actual_not_requested: { vi: "Đợt báo cáo không hỏi số thực hiện của chỉ tiêu này cho năm đó", en: "The round does not ask for this indicator's actual figure for that year" },
  round_unowned_indicators: {
    vi: "{count} chỉ tiêu của các kế hoạch đã chọn chưa có cơ quan chủ trì theo dõi: {names}. Hãy chọn cơ quan theo dõi cho các chỉ tiêu này trên trang văn bản, hoặc xác nhận để cơ quan thu thập báo cáo nhận các chỉ tiêu này",
    en: "{count} indicators of the chosen plans have no owning agency: {names}. Choose their owners on the document page, or confirm that the collecting agency takes them",
  },
  round_needs_collector: {
    vi: "Chưa có cơ quan thu thập báo cáo để nhận các chỉ tiêu chưa có cơ quan theo dõi; hãy chọn cơ quan theo dõi cho từng chỉ tiêu",
    en: "There is no collecting agency to take the indicators without an owner; choose each indicator's owner",
  },
  agency_not_in_round: { vi: "Cơ quan này không phải báo cáo trong đợt này", en: "This agency does not report in this round" },
  submission_locked: { vi: "Báo cáo đã gửi hoặc đã được tiếp nhận; không sửa được nữa", en: "The report was submitted or accepted and can no longer be edited" },
  submission_not_submitted: { vi: "Báo cáo chưa được gửi", en: "The report has not been submitted" },
  submission_empty: { vi: "Báo cáo chưa có nội dung", en: "The report is empty" },
  task_not_owed: { vi: "Nhiệm vụ này không thuộc báo cáo của cơ quan", en: "This task is not part of the agency's report" },
  indicator_not_owed: { vi: "Chỉ tiêu này không thuộc báo cáo của cơ quan", en: "This indicator is not part of the agency's report" },
  project_not_owed: { vi: "Dự án này không thuộc báo cáo của cơ quan (cơ quan không phải chủ đầu tư hoặc đơn vị chủ trì)", en: "This project is not part of the agency's report (the agency is not its investor or lead)" },
  disbursed_over_allocated: { vi: "Số giải ngân không thể lớn hơn vốn bố trí trong năm; kiểm tra lại hai số (đơn vị: tỷ đồng)", en: "The amount disbursed cannot exceed the capital allocated for the year; check both figures (billion đồng)" },
  cleared_over_area: { vi: "Diện tích đã bàn giao lớn hơn tổng diện tích cần giải phóng mặt bằng ({total} ha)", en: "The area handed over exceeds the project's total site clearance area ({total} ha)" },
  project_report_required: { vi: "Dự án {project}: nhập ít nhất một số liệu (giải ngân, mặt bằng, khối lượng) hoặc ghi tình hình thực hiện", en: "Project {project}: enter at least one figure (disbursement, site clearance, work done) or describe its progress" },
  project_explanation_required: { vi: "Dự án {project}: đang chậm tiến độ, cần nêu nguyên nhân và giải pháp", en: "Project {project}: it is behind schedule; give the cause and what is being done" },
  // A report's gaps name their item (src/reporting/gaps.ts): "III.2 “Triển khai thực hiện…”".
  task_status_required: { vi: "Nhiệm vụ {task}: chọn tình trạng thực hiện", en: "Task {task}: choose its status" },
  value_or_explanation_required: { vi: "Chỉ tiêu {indicator}: nhập giá trị, hoặc giải thích vì sao chưa có số liệu", en: "Indicator {indicator}: enter a value, or explain why there is none" },
  explanation_required: { vi: "Chỉ tiêu {indicator}: giá trị chưa đạt mục tiêu, cần giải thích nguyên nhân", en: "Indicator {indicator}: the value misses the target; explain why" },
  progress_out_of_range: { vi: "Tiến độ (%) phải là số từ 0 đến 100, ví dụ 95,5", en: "Progress (%) must be a number from 0 to 100, e.g. 95.5" },
  progress_completed_not_100: { vi: "Nhiệm vụ {task}: đã hoàn thành thì tiến độ là 100%; sửa tiến độ hoặc tình trạng", en: "Task {task}: a completed task is at 100%; correct its progress or its status" },
  progress_100_not_completed: { vi: "Nhiệm vụ {task}: tiến độ 100% là đã hoàn thành; chọn “Hoàn thành đúng hạn” hoặc “Hoàn thành quá hạn”, hoặc sửa tiến độ", en: "Task {task}: 100% means completed; choose “Completed on time” or “Completed late”, or correct its progress" },
  progress_not_started: { vi: "Nhiệm vụ {task}: chưa triển khai thì tiến độ là 0 hoặc để trống; sửa tiến độ hoặc tình trạng", en: "Task {task}: a task not started is at 0 or left empty; correct its progress or its status" },
  return_comment_required: { vi: "Nêu lý do trả lại để cơ quan hoàn thiện", en: "Say why the report is returned, for the agency to fix it" },
  evidence_type: { vi: "Chỉ nhận tệp PDF, Word, Excel, ảnh PNG/JPEG; hãy lưu hoặc in tệp ra PDF rồi đính kèm", en: "Only PDF, Word, Excel and PNG/JPEG images are accepted; save or print the file as PDF and attach it" },
  evidence_too_large: { vi: "Tệp minh chứng vượt giới hạn {limit}; hãy nén hoặc chia nhỏ tệp (ví dụ xuất PDF với ảnh nén) rồi đính kèm từng phần", en: "The evidence file is over the {limit} limit; compress or split it (for example a PDF with compressed images) and attach the parts" },
  nobody_late: { vi: "Không còn cơ quan nào chậm báo cáo trong đợt này", en: "No agency is late in this round" },
  succession_needs_successor: { vi: "Chọn ít nhất một cơ quan kế thừa", en: "Choose at least one successor" },
  status_reason_required: { vi: "Nêu lý do (hoặc căn cứ) khi đánh dấu nhiệm vụ hoàn thành hay huỷ bỏ", en: "Give the reason (or grounds) for marking the task completed or cancelled" },
  // The agency's template (src/reporting/template.ts): each problem names its sheet and cell ("Nhiệm vụ!G5").
  template_invalid: { vi: "Tệp mẫu có {count} ô không hợp lệ; chưa ghi gì vào báo cáo. Sửa các ô được nêu rồi tải lên lại", en: "The template has {count} invalid cells; nothing was written to the report. Correct the cells named and upload it again" },
  template_too_large: { vi: "Tệp mẫu vượt giới hạn {limit}; hãy tải mẫu mới và chỉ nhập nội dung vào các ô nền vàng", en: "The template is over the {limit} limit; download a new template and type only into the yellow cells" },
  template_zip_bomb: { vi: "Tệp bị từ chối vì nội dung nén giải ra quá lớn; hãy tải mẫu mới từ hệ thống, nhập lại rồi tải lên", en: "The file is refused because its compressed content expands too far; download a new template, fill it and upload it" },
  template_not_xlsx: { vi: "Tệp không phải tệp Excel .xlsx đọc được; hãy lưu lại dưới dạng Excel Workbook (.xlsx) rồi tải lên", en: "The file is not a readable Excel .xlsx; save it as an Excel Workbook (.xlsx) and upload it" },
  template_not_ours: { vi: "Tệp không phải mẫu báo cáo tải từ hệ thống (thiếu trang khoá hoặc trang Nhiệm vụ, Chỉ tiêu, Nội dung chung); hãy tải mẫu của báo cáo này rồi nhập vào đó", en: "The file is not a template downloaded from theodoi (its key sheet or a sheet Nhiệm vụ, Chỉ tiêu, Nội dung chung is missing); download this report's template and fill that" },
  template_other_report: { vi: "Tệp mẫu này thuộc đợt báo cáo hoặc cơ quan khác; hãy tải lên đúng báo cáo của nó, hoặc tải mẫu của báo cáo này", en: "This template belongs to another round or agency; upload it to its own report, or download this report's template" },
  template_stale: { vi: "Tệp mẫu đã cũ: đợt báo cáo hoặc báo cáo đã thay đổi sau khi tải mẫu (ví dụ đã nhập trên biểu mẫu web). Hãy tải mẫu mới (có sẵn nội dung hiện tại), chép phần đã nhập sang rồi tải lên", en: "The template is stale: the round or the report changed after it was downloaded (for example, typed in the web form). Download a new template (it holds what is there now), copy your entries into it and upload it" },
  template_key_edited: { vi: "Trang {sheet}, ô {cell}: cột khoá bị sửa hoặc dòng bị sao chép; không sửa cột khoá (ẩn) và không thêm dòng. Hãy hoàn tác, hoặc tải mẫu mới", en: "Sheet {sheet}, cell {cell}: the key column was edited or a row copied; do not edit the (hidden) key column or add rows. Undo it, or download a new template" },
  template_locked_edited: { vi: "Trang {sheet}, ô {cell}: ô này không được sửa (nội dung do hệ thống ghi); hãy trả lại nội dung cũ, hoặc tải mẫu mới", en: "Sheet {sheet}, cell {cell}: this cell is not to be edited (written by theodoi); restore it, or download a new template" },
  template_row_missing: { vi: "Trang {sheet}: thiếu dòng của {item}; không xoá dòng, hãy tải mẫu mới", en: "Sheet {sheet}: the row of {item} is missing; do not delete rows, download a new template" },
  template_status_unknown: { vi: "Trang {sheet}, ô {cell}: “{value}” không phải tình trạng trong danh sách; chọn trong danh sách thả xuống", en: "Sheet {sheet}, cell {cell}: “{value}” is not a status of the list; pick one from the drop-down" },
  template_kind_unknown: { vi: "Trang {sheet}, ô {cell}: “{value}” không phải loại số liệu; chọn Thực hiện hoặc Ước thực hiện", en: "Sheet {sheet}, cell {cell}: “{value}” is not a kind of value; choose Thực hiện (actual) or Ước thực hiện (estimate)" },
  template_number: { vi: "Trang {sheet}, ô {cell}: “{value}” không phải số; nhập dạng 8.310,18 hoặc 95,5", en: "Sheet {sheet}, cell {cell}: “{value}” is not a number; write 8.310,18 or 95,5 (or 8310.18)" },
  template_negative: { vi: "Trang {sheet}, ô {cell}: số không được âm", en: "Sheet {sheet}, cell {cell}: the number must not be negative" },
  template_progress_range: { vi: "Trang {sheet}, ô {cell}: tiến độ (%) phải là số từ 0 đến 100, ví dụ 95,5", en: "Sheet {sheet}, cell {cell}: progress (%) must be a number from 0 to 100, e.g. 95.5" },
  template_progress_completed_not_100: { vi: "Trang {sheet}, ô {cell}: đã hoàn thành thì tiến độ là 100%; sửa tiến độ hoặc tình trạng", en: "Sheet {sheet}, cell {cell}: a completed task is at 100%; correct its progress or its status" },
  template_progress_100_not_completed: { vi: "Trang {sheet}, ô {cell}: tiến độ 100% là đã hoàn thành; chọn “Hoàn thành đúng hạn” hoặc “Hoàn thành quá hạn”, hoặc sửa tiến độ", en: "Sheet {sheet}, cell {cell}: 100% means completed; choose “Hoàn thành đúng hạn” or “Hoàn thành quá hạn”, or correct the progress" },
  template_progress_not_started: { vi: "Trang {sheet}, ô {cell}: chưa triển khai thì tiến độ là 0 hoặc để trống; sửa tiến độ hoặc tình trạng", en: "Sheet {sheet}, cell {cell}: a task not started is at 0 or left empty; correct its progress or its status" },
  template_text_long: { vi: "Trang {sheet}, ô {cell}: nội dung dài quá 50.000 ký tự; hãy rút gọn hoặc đính kèm tệp minh chứng", en: "Sheet {sheet}, cell {cell}: over 50,000 characters; shorten it or attach an evidence file" },
  // The round's bulk exports (src/reporting/exports.ts).
  evidence_zip_too_large: { vi: "Minh chứng của đợt có {files} tệp, tổng {size}, vượt giới hạn {limit} của một lần tải; hãy tải từng tệp tại báo cáo của từng cơ quan", en: "The round's evidence is {files} files, {size} in all, over the {limit} limit of one download; download the files from each agency's report" },
  status_date_future: { vi: "Ngày hoàn thành hoặc huỷ bỏ không thể sau hôm nay", en: "The day completed or cancelled cannot be after today" },
} as const;

export type MessageKey = keyof typeof messages;

/** The message in `lang`, its `{name}` placeholders filled from `params` (a limit, a count). */
export function message(key: MessageKey, lang: Language, params: Record<string, string> = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === "string" && key in messages;
}

/** The language of a request: `?lang=`, then the `theodoi_lang` cookie, then Accept-Language; Vietnamese by default. */
export function pickLanguage(query: string | undefined, cookie: string | undefined, acceptLanguage: string | undefined): Language {
  for (const candidate of [query, cookie]) if (candidate === "vi" || candidate === "en") return candidate;
  const first = acceptLanguage?.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "vi";
}
