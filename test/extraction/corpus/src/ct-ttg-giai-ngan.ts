import { PLAN_LEVELS, type CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "ct-ttg-giai-ngan",
  what: "Directive 08/CT-TTg (3/2026) of the Prime Minister on disbursing public investment capital in 2026: the central level's own header ('THỦ TƯỚNG CHÍNH PHỦ' alone in the left column), an opening that carries out a Government resolution and ends 'Thủ tướng Chính phủ chỉ thị:', a first item addressed to 'Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, ..., Chủ tịch Ủy ban nhân dân các tỉnh ...:' with lettered items, items headed by a ministry's name ending in a full stop ('Bộ Tài chính.'), monthly reporting 'trước ngày 05 của tháng sau' to a ministry and onward, the closing formula 'chịu trách nhiệm thi hành Chỉ thị này'; signed 'THỦ TƯỚNG' without 'TM.'.",
  basedOn: {
    title: "Chỉ thị của Thủ tướng Chính phủ về việc triển khai thực hiện Nghị quyết 08-NQ/TW của Bộ Chính trị (an opening on the resolution, 'Thủ tướng Chính phủ chỉ thị:', then '1. Bộ Công an.' and lettered items 'a) Phối hợp với ...' for each ministry)",
    url: "https://moj.gov.vn/vbpq/lists/vn%20bn%20php%20lut/view_detail.aspx?itemid=22523",
  },
  header: {
    left: ["THỦ TƯỚNG CHÍNH PHỦ"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 08/CT-TTg",
    date: "Hà Nội, ngày 14 tháng 3 năm 2026",
    txt: "stacked",
  },
  levels: PLAN_LEVELS,
  bullets: "text",
  body: `
@title CHỈ THỊ
@subtitle Về đẩy mạnh giải ngân vốn đầu tư công và thực hiện các chương trình mục tiêu quốc gia năm 2026
Năm 2025, tỷ lệ giải ngân vốn đầu tư công của cả nước đạt 91,4% kế hoạch Thủ tướng Chính phủ giao, cao hơn cùng kỳ năm 2024; tuy nhiên, một số bộ, cơ quan trung ương và địa phương còn giải ngân chậm, chưa quyết liệt tháo gỡ vướng mắc về đất đai, vật liệu xây dựng.
Thực hiện Nghị quyết số 01/NQ-CP ngày 08/01/2026 của Chính phủ về nhiệm vụ, giải pháp chủ yếu thực hiện Kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2026, để giải ngân 100% kế hoạch vốn đầu tư công năm 2026 được giao, Thủ tướng Chính phủ chỉ thị:
@n1 Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:
@p3 Xác định giải ngân vốn đầu tư công là nhiệm vụ chính trị trọng tâm năm 2026; phân công lãnh đạo trực tiếp phụ trách, theo dõi tiến độ từng dự án; giải ngân tối thiểu 60% kế hoạch vốn trước ngày 30 tháng 9 năm 2026.
@p3 Hoàn thành phân bổ chi tiết kế hoạch vốn năm 2026 còn lại cho các dự án đủ thủ tục trước ngày 15 tháng 4 năm 2026.
@p3 Định kỳ hằng tháng, trước ngày 05 của tháng sau, báo cáo kết quả giải ngân về Bộ Tài chính để tổng hợp, báo cáo Thủ tướng Chính phủ.
@n1 Bộ Tài chính.
@p3 Chủ trì, phối hợp với các bộ, cơ quan, địa phương theo dõi, đôn đốc giải ngân; hằng tháng tổng hợp, báo cáo Chính phủ tại phiên họp thường kỳ.
@p3 Trình Chính phủ ban hành Nghị định sửa đổi, bổ sung Nghị định số 99/2021/NĐ-CP về quản lý, thanh toán, quyết toán dự án sử dụng vốn đầu tư công trong tháng 6 năm 2026.
@n1 Bộ Xây dựng chủ trì, phối hợp với Bộ Nông nghiệp và Môi trường hướng dẫn các địa phương tháo gỡ vướng mắc về nguồn vật liệu xây dựng thông thường cho các dự án giao thông trọng điểm, hoàn thành trong quý II năm 2026.
@n1 Bộ Dân tộc và Tôn giáo chủ trì, phối hợp với Bộ Tài chính đôn đốc các địa phương giải ngân vốn Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi, bảo đảm giải ngân hết vốn được giao trong năm 2026.
@n1 Văn phòng Chính phủ theo dõi, đôn đốc việc thực hiện Chỉ thị này.
Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Chỉ thị này./.
@sign
< Nơi nhận:
< - Ban Bí thư Trung ương Đảng;
< - Thủ tướng, các Phó Thủ tướng Chính phủ;
< - Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;
< - HĐND, UBND các tỉnh, thành phố trực thuộc trung ương;
< - Lưu: VT, KTTH (2b).
> THỦ TƯỚNG
>
>
>
> Phạm Minh Chính
@end
`,
};
export default doc;
