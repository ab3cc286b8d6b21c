/**
 * A plan amending the sample province's 23/KH-UBND (issue 15), as the People's Committee writes one: its target
 * for forest cover lowered from 01/7/2025, a task's deadline moved a year, a task repealed. What the amendment
 * tests (extraction, API, Chromium) import.
 */
export const AMENDED_TASK = "Hoàn thành đầu tư xây dựng đoạn tuyến cao tốc cửa khẩu Hữu Nghị - Chi Lăng";
export const REPEALED_TASK = "Đề xuất cấp có thẩm quyền sớm đầu tư nâng cấp tuyến đường sắt Hà Nội - Lạng Sơn";

export const amendmentPlanText = (symbol = "45/KH-UBND", inForce = "01/7/2025") => `ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: ${symbol}

Lạng Sơn, ngày 20 tháng 6 năm 2025

KẾ HOẠCH
Sửa đổi, bổ sung Kế hoạch số 23/KH-UBND ngày 26/01/2023 của UBND tỉnh Lạng Sơn

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
Xét đề nghị của Sở Tài chính, UBND tỉnh ban hành Kế hoạch sửa đổi, bổ sung một số nội dung của Kế hoạch số 23/KH-UBND ngày 26/01/2023 của UBND tỉnh như sau:

I. SỬA ĐỔI, BỔ SUNG MỘT SỐ NỘI DUNG

1. Sửa đổi chỉ tiêu "Tỷ lệ che phủ rừng đạt 67%" thành "Tỷ lệ che phủ rừng đạt 65%".

2. Sửa đổi thời gian hoàn thành nhiệm vụ "${AMENDED_TASK}" từ năm 2025 thành năm 2026.

3. Bãi bỏ nhiệm vụ "${REPEALED_TASK}".

II. TỔ CHỨC THỰC HIỆN

Kế hoạch này có hiệu lực từ ngày ${inForce}. Các nội dung khác của Kế hoạch số 23/KH-UBND giữ nguyên.

Nơi nhận:
- Các sở, ban, ngành;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Đoàn Thu Hà
`;
