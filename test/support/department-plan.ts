/** A department's plan implementing 23/KH-UBND of the sample province, as the department writes it: what the documents-owed tests (issue 15) import. */
export const departmentPlanText = (issuer: string, symbol: string, day: number, month: number) => `UBND TỈNH LẠNG SƠN
${issuer.toUpperCase()}

CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: ${symbol}

Lạng Sơn, ngày ${day} tháng ${month} năm 2023

KẾ HOẠCH
Triển khai thực hiện Kế hoạch số 23/KH-UBND ngày 26/01/2023 của UBND tỉnh Lạng Sơn

Thực hiện Kế hoạch số 23/KH-UBND ngày 26/01/2023 của UBND tỉnh Lạng Sơn thực hiện Nghị quyết số 96/NQ-CP ngày 01/8/2022 của Chính phủ và Chương trình hành động số 52-CTr/TU ngày 27/10/2022 của Ban Chấp hành Đảng bộ tỉnh, ${issuer} ban hành Kế hoạch triển khai thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU

Cụ thể hóa các nhiệm vụ được giao tại Kế hoạch số 23/KH-UBND trong lĩnh vực của ngành.

II. NHIỆM VỤ

1. Rà soát các chương trình, đề án của ngành, hoàn thành trong năm 2023.

Nơi nhận:
- UBND tỉnh (b/c);
- Lưu: VT.

GIÁM ĐỐC

Nguyễn Văn An
`;
