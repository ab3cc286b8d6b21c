/** A plan of the Central Economic Commission on 11-NQ/TW, numbered `symbol`, whose one clause asks the provinces for a report (upward reports' tests). */
export const centralPlan = (symbol: string, subject: string, clause: string) => Buffer.from([
  "BAN KINH TẾ TRUNG ƯƠNG", `Số ${symbol}`, "KẾ HOẠCH", `${subject} Nghị quyết số 11-NQ/TW`,
  "Thực hiện Nghị quyết số 11-NQ/TW, ngày 10/02/2022 của Bộ Chính trị, Ban Kinh tế Trung ương xây dựng kế hoạch như sau:",
  "III. TỔ CHỨC THỰC HIỆN",
  `1. Ban Thường vụ các tỉnh ủy, thành ủy ${clause}`,
].join("\n"));
