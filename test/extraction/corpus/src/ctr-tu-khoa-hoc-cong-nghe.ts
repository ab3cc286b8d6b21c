import type { CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "ctr-tu-khoa-hoc-cong-nghe",
  what: "Action programme 25-CTr/TU (3/2025) of the Hà Tĩnh provincial Party Committee on Resolution 57-NQ/TW (science, technology, innovation and digital transformation): Party header, 'I-' and '1-' numbering, targets for 2025 and 2030, work assigned to the Party's bodies (Ban cán sự đảng, Đảng đoàn, the committee's boards, the district committees), deadlines at the People's Council's session and at the end of a year, yearly reporting to the Standing Committee; signed 'T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC'.",
  basedOn: {
    title: "Chương trình hành động của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW (opening 'Thực hiện Nghị quyết số 57-NQ/TW ..., Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động ...', sections Mục đích, yêu cầu / mục tiêu / nhiệm vụ, giải pháp / tổ chức thực hiện)",
    url: "https://lite.baomoi.com/chuong-trinh-hanh-dong-cua-ban-thuong-vu-tinh-uy-thuc-hien-nghi-quyet-so-57-c51591121.epi",
  },
  header: {
    left: ["ĐẢNG BỘ TỈNH HÀ TĨNH", "TỈNH ỦY", "*"],
    plainLines: 1,
    right: ["ĐẢNG CỘNG SẢN VIỆT NAM"],
    number: "Số 25-CTr/TU",
    date: "Hà Tĩnh, ngày 15 tháng 3 năm 2025",
    txt: "stacked",
  },
  bullets: "text",
  body: `
@title CHƯƠNG TRÌNH HÀNH ĐỘNG
@subtitle thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia
@center -----
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị (sau đây gọi là Nghị quyết số 57-NQ/TW) và Kế hoạch số 01-KH/BCĐTW ngày 15/01/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động như sau:
@h I- MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức của cấp ủy, tổ chức đảng, chính quyền, cán bộ, đảng viên và Nhân dân về vai trò của khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số; cụ thể hóa các nhiệm vụ của Nghị quyết phù hợp với điều kiện của tỉnh.
@h II- MỤC TIÊU
@h 1- Đến năm 2025
- 100% cơ quan đảng, chính quyền cấp tỉnh, cấp xã sử dụng văn bản điện tử, chữ ký số trong xử lý công việc.
- Tỷ lệ dịch vụ công trực tuyến toàn trình đạt trên 80% tổng số thủ tục hành chính đủ điều kiện.
@h 2- Đến năm 2030
- Kinh tế số chiếm khoảng 25% GRDP của tỉnh.
- Tỷ lệ người dân trưởng thành sử dụng dịch vụ thanh toán điện tử đạt trên 85%.
- Chi cho khoa học, công nghệ, đổi mới sáng tạo đạt 2% tổng chi ngân sách địa phương hằng năm.
@h III- NHIỆM VỤ, GIẢI PHÁP
@h 1- Nâng cao nhận thức, đổi mới tư duy
Các cấp ủy, tổ chức đảng quán triệt sâu sắc Nghị quyết số 57-NQ/TW; đưa nội dung chuyển đổi số vào chương trình công tác hằng năm.
@h 2- Hoàn thiện thể chế, cơ chế, chính sách
Rà soát, sửa đổi các quy định của tỉnh còn cản trở hoạt động khoa học, công nghệ; ưu tiên bố trí ngân sách cho các nhiệm vụ đổi mới sáng tạo.
@h IV- TỔ CHỨC THỰC HIỆN
1- Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh xây dựng kế hoạch thực hiện Chương trình hành động này, hoàn thành trước ngày 30/4/2025.
2- Đảng đoàn HĐND tỉnh lãnh đạo HĐND tỉnh ban hành chính sách hỗ trợ doanh nghiệp đổi mới công nghệ tại kỳ họp cuối năm 2025.
3- Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp với các cơ quan báo chí của tỉnh tổ chức tuyên truyền Nghị quyết số 57-NQ/TW trong Quý II/2025.
4- Ủy ban Kiểm tra Tỉnh ủy chủ trì, phối hợp với các ban đảng Tỉnh ủy kiểm tra, giám sát việc thực hiện Chương trình hành động hằng năm.
5- Các huyện ủy, thành ủy, thị ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch thực hiện; định kỳ hằng năm báo cáo kết quả về Ban Thường vụ Tỉnh ủy (qua Văn phòng Tỉnh ủy) trước ngày 30/11.
6- Văn phòng Tỉnh ủy chủ trì, phối hợp với Ban Tuyên giáo và Dân vận Tỉnh ủy theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Ban Thường vụ Tỉnh ủy.
@sign
< Nơi nhận:
< - Ban Bí thư (để b/c),
< - Ban Chỉ đạo Trung ương (để b/c),
< - Các đồng chí Tỉnh ủy viên,
< - Các đảng ủy trực thuộc Tỉnh ủy,
< - Lưu Văn phòng Tỉnh ủy.
> T/M BAN THƯỜNG VỤ
> PHÓ BÍ THƯ THƯỜNG TRỰC
>
>
>
> Trần Thế Dũng
@end
`,
};
export default doc;
