import { PLAN_LEVELS, type CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "kh-so-y-te-tiem-chung",
  what: "Plan 1580/KH-SYT (2/2026) of the Department of Health of Thái Nguyên province on expanded immunisation in 2026: a department under its People's Committee issues it (a two-line issuer), implements a ministry's plan and a provincial decision, sets coverage targets, and assigns work to its own units and hospitals (names no registry holds: Trung tâm Kiểm soát bệnh tật tỉnh, Phòng Nghiệp vụ Y, Bệnh viện Đa khoa Trung ương Thái Nguyên, the communes' health stations), monthly reporting by a day of the month; signed 'GIÁM ĐỐC'.",
  basedOn: {
    title: "Quyết định 2780/QĐ-BYT năm 2025 về Kế hoạch Tiêm chủng mở rộng giai đoạn 2026-2028 (the expanded immunisation programme's coverage targets and the work of disease-control centres and health stations), here as a province's department plan for one year in the structure of the sample plans",
    url: "https://dulieuphapluat.vn/van-ban/y-te-van-ban/quyet-dinh-2780qd-byt-nam-2025-ve-ke-hoach-tiem-chung-mo-rong-giai-doan-03-nam-2026-2028-do-bo-truong-bo-y-te-ban-hanh-1234001.html",
  },
  header: {
    left: ["UBND TỈNH THÁI NGUYÊN", "SỞ Y TẾ"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 1580/KH-SYT",
    date: "Thái Nguyên, ngày 10 tháng 02 năm 2026",
    plainLines: 1,
    txt: "rows",
  },
  levels: PLAN_LEVELS,
  bullets: "word",
  body: `
@title KẾ HOẠCH
@subtitle Tiêm chủng mở rộng năm 2026
Thực hiện Kế hoạch số 145/KH-BYT ngày 15/01/2026 của Bộ Y tế về tiêm chủng mở rộng năm 2026; Quyết định số 220/QĐ-UBND ngày 28/01/2026 của UBND tỉnh Thái Nguyên giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026, Sở Y tế xây dựng Kế hoạch tiêm chủng mở rộng năm 2026 như sau:
@h I. MỤC TIÊU
- Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin đạt trên 95%.
- Tỷ lệ phụ nữ có thai được tiêm vắc xin uốn ván từ 2 mũi trở lên đạt 90%.
- 100% xã, phường tổ chức tiêm chủng hằng tháng tại trạm y tế.
@h II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN
@n1 Trung tâm Kiểm soát bệnh tật tỉnh
- Là đầu mối tiếp nhận, bảo quản, phân phối vắc xin đến các trạm y tế xã, phường; hoàn thành phân bổ vắc xin quý I trước ngày 15/3/2026.
- Chủ trì, phối hợp với Phòng Nghiệp vụ Y tổ chức tập huấn cho cán bộ y tế xã, phường về an toàn tiêm chủng trong Quý II/2026.
- Tổng hợp số liệu tiêm chủng, báo cáo Sở Y tế trước ngày 10 hằng tháng.
@n1 Phòng Nghiệp vụ Y kiểm tra, giám sát việc thực hiện tiêm chủng tại các cơ sở; tham mưu Giám đốc Sở xử lý các trường hợp vi phạm.
@n1 Bệnh viện Đa khoa Trung ương Thái Nguyên và các bệnh viện tuyến tỉnh bảo đảm thuốc, trang thiết bị xử trí phản ứng sau tiêm chủng; sẵn sàng tiếp nhận các trường hợp chuyển tuyến.
@n1 Trạm y tế các xã, phường lập danh sách đối tượng, tổ chức tiêm chủng hằng tháng; báo cáo kết quả về Trung tâm Kiểm soát bệnh tật tỉnh trước ngày 05 hằng tháng.
@n1 Đề nghị UBND các xã, phường chỉ đạo Trạm y tế phối hợp với các đoàn thể tuyên truyền, vận động người dân đưa trẻ đi tiêm chủng đầy đủ, đúng lịch.
@h III. KINH PHÍ
Kinh phí thực hiện từ nguồn ngân sách nhà nước giao cho Sở Y tế năm 2026 và các nguồn hợp pháp khác.
@sign
< Nơi nhận:
< - Bộ Y tế (b/c);
< - UBND tỉnh (b/c);
< - Các đơn vị trực thuộc;
< - Lưu: VT, NVY.
> GIÁM ĐỐC
>
>
>
> Trần Thị Hòa
@end
`,
};
export default doc;
