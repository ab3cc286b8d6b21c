import { PLAN_LEVELS, type CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "kh-ubnd-xa-cai-cach-hanh-chinh",
  what: "Plan 18/KH-UBND (7/2025) of a commune People's Committee in Nghệ An under the two-level local government: administrative reform and digital transformation to the end of 2025; tasks for the commune's offices (Văn phòng HĐND và UBND, Phòng Kinh tế, Phòng Văn hóa - Xã hội, Trung tâm Phục vụ hành chính công, Công an xã, Ban Chỉ huy Quân sự xã), Word-numbered agency headings.",
  basedOn: {
    title: "Kế hoạch cải cách hành chính năm 2025 của UBND xã Long Phụng, tỉnh Quảng Ngãi (sections Mục đích, yêu cầu / mục tiêu / nhiệm vụ / tổ chức thực hiện)",
    url: "https://longphung.quangngai.gov.vn/tin-tuc/ke-hoach-cai-cach-hanh-chinh-nam-2025.html",
  },
  header: {
    left: ["ỦY BAN NHÂN DÂN", "XÃ KIM LIÊN"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 18/KH-UBND",
    date: "Kim Liên, ngày 25 tháng 7 năm 2025",
    txt: "stacked",
  },
  levels: PLAN_LEVELS,
  bullets: "text",
  body: `
@title KẾ HOẠCH
@subtitle Cải cách hành chính, chuyển đổi số và thực hiện Đề án 06 trên địa bàn xã Kim Liên 6 tháng cuối năm 2025
Thực hiện Kế hoạch số 215/KH-UBND ngày 10/7/2025 của UBND tỉnh Nghệ An về cải cách hành chính nhà nước, chuyển đổi số sau sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương hai cấp, Ủy ban nhân dân xã Kim Liên ban hành Kế hoạch triển khai thực hiện trên địa bàn xã như sau:
@h I. MỤC ĐÍCH, YÊU CẦU
- Bảo đảm bộ máy chính quyền xã sau sắp xếp vận hành thông suốt, không để gián đoạn việc giải quyết thủ tục hành chính cho người dân, doanh nghiệp.
- Phát huy vai trò, trách nhiệm của người đứng đầu; việc thực hiện nhiệm vụ cải cách hành chính là tiêu chí đánh giá, xếp loại cán bộ, công chức cuối năm.
@h II. MỤC TIÊU ĐẾN HẾT NĂM 2025
- Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt trên 98%.
- Tỷ lệ hồ sơ được tiếp nhận, giải quyết trực tuyến toàn trình đạt tối thiểu 60%.
- 100% hồ sơ thủ tục hành chính được số hóa khi tiếp nhận.
- Mức độ hài lòng của người dân, doanh nghiệp đối với việc giải quyết thủ tục hành chính đạt từ 95% trở lên.
- Tỷ lệ người dân trưởng thành có tài khoản định danh điện tử mức độ 2 đạt 90%; tỷ lệ người dân từ 15 tuổi trở lên có tài khoản thanh toán điện tử đạt 80%.
@h III. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN
@n1 Văn phòng HĐND và UBND xã
- Chủ trì tham mưu UBND xã ban hành Quy chế làm việc của UBND xã nhiệm kỳ 2021 - 2026 theo mô hình tổ chức mới, hoàn thành trước ngày 15/8/2025.
- Theo dõi, tổng hợp tình hình thực hiện Kế hoạch; tham mưu UBND xã báo cáo công tác cải cách hành chính định kỳ hằng quý gửi Sở Nội vụ trước ngày 15 của tháng cuối quý.
@n1 Trung tâm Phục vụ hành chính công xã
- Tiếp nhận, giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông; số hóa hồ sơ, kết quả giải quyết thủ tục hành chính theo quy định.
- Niêm yết công khai, đầy đủ các thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã; bố trí công chức hướng dẫn người dân nộp hồ sơ trực tuyến.
@n1 Phòng Kinh tế
Chủ trì, phối hợp với Phòng Văn hóa - Xã hội rà soát, chuẩn hóa dữ liệu đất đai, dữ liệu hộ kinh doanh trên địa bàn xã; hoàn thành trong Quý IV/2025.
@n1 Phòng Văn hóa - Xã hội
- Chủ trì tuyên truyền về cải cách hành chính, chuyển đổi số trên hệ thống truyền thanh cơ sở; thường xuyên cập nhật tin, bài trên Trang thông tin điện tử của xã.
- Phối hợp với Công an xã, Đoàn Thanh niên xã hỗ trợ người dân cài đặt, kích hoạt ứng dụng VNeID và mở tài khoản thanh toán điện tử.
- Phối hợp với Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên khu vực tổ chức lớp bồi dưỡng kỹ năng số cho người dân trong tháng 10/2025.
@n1 Công an xã
Chủ trì, phối hợp với trưởng các thôn thu nhận hồ sơ định danh điện tử, làm sạch dữ liệu dân cư theo yêu cầu của Đề án 06; hoàn thành trước ngày 30/9/2025.
@n1 Ban Chỉ huy Quân sự xã
Ban Chỉ huy Quân sự xã phối hợp cùng Công an xã cập nhật dữ liệu công dân trong độ tuổi thực hiện nghĩa vụ quân sự vào cơ sở dữ liệu dùng chung của xã.
@h IV. TỔ CHỨC THỰC HIỆN
1. Các phòng, đơn vị thuộc UBND xã căn cứ nhiệm vụ được giao tổ chức triển khai thực hiện; báo cáo kết quả về UBND xã (qua Văn phòng HĐND và UBND xã) trước ngày 10 của tháng cuối quý để tổng hợp.
2. Trưởng các thôn có trách nhiệm tuyên truyền, vận động Nhân dân sử dụng dịch vụ công trực tuyến, thanh toán không dùng tiền mặt.
Trên đây là Kế hoạch cải cách hành chính, chuyển đổi số và thực hiện Đề án 06 trên địa bàn xã Kim Liên 6 tháng cuối năm 2025, yêu cầu các phòng, đơn vị nghiêm túc triển khai thực hiện./.
@sign
< Nơi nhận:
< - Sở Nội vụ tỉnh Nghệ An (b/c);
< - TT Đảng ủy, TT HĐND xã;
< - Chủ tịch, các PCT UBND xã;
< - Các phòng, đơn vị thuộc UBND xã;
< - UBMTTQ và các đoàn thể xã;
< - Lưu: VT, VP.
> TM. ỦY BAN NHÂN DÂN
> CHỦ TỊCH
>
>
>
> Trần Văn Hùng
@end
`,
};
export default doc;
