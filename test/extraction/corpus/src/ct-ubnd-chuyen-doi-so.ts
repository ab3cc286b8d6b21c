import { PLAN_LEVELS, type CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "ct-ubnd-chuyen-doi-so",
  what: "Directive 12/CT-UBND (8/2025) of the Chairman of the Hưng Yên People's Committee, after the 2025 mergers, on digital transformation under the two-level local government: an opening that carries out ('Triển khai ...') a Politburo resolution and a central steering committee's plan, a result of the year before, targets, then 'Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:' and numbered items, each opening with its addressees (heads of agencies, a department, the provincial police, a request to the Fatherland Front), lettered items under them, quarterly and yearly reporting; signed 'CHỦ TỊCH' without 'TM.'.",
  basedOn: {
    title: "Chỉ thị 06/CT-UBND năm 2022 của Chủ tịch UBND tỉnh Thanh Hóa về phát triển chính quyền điện tử hướng tới chính quyền số (an opening 'Triển khai thực hiện ...', results and shortcomings, then the Chairman's requests to the heads of departments and districts, item by item)",
    url: "https://thuvienphapluat.vn/van-ban/cong-nghe-thong-tin/chi-thi-06-ct-ubnd-2022-phat-trien-chinh-quyen-dien-tu-huong-toi-chinh-quyen-so-thanh-hoa-548929.aspx",
  },
  header: {
    left: ["ỦY BAN NHÂN DÂN", "TỈNH HƯNG YÊN"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 12/CT-UBND",
    date: "Hưng Yên, ngày 18 tháng 8 năm 2025",
    txt: "stacked",
  },
  levels: PLAN_LEVELS,
  bullets: "text",
  body: `
@title CHỈ THỊ
@subtitle Về đẩy mạnh chuyển đổi số, bảo đảm vận hành thông suốt chính quyền địa phương hai cấp trên địa bàn tỉnh
Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia và Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, thời gian qua các cơ quan, đơn vị, địa phương trên địa bàn tỉnh đã tích cực triển khai chuyển đổi số, bước đầu đạt kết quả; năm 2024, tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình của tỉnh đạt 46,5%.
Tuy nhiên, từ ngày 01/7/2025, khi chính quyền địa phương hai cấp đi vào vận hành, hạ tầng số tại một số xã, phường chưa đồng bộ; dữ liệu chưa được kết nối, chia sẻ thông suốt; kỹ năng số của một bộ phận cán bộ, công chức cấp xã còn hạn chế.
Để khắc phục những hạn chế nêu trên, phấn đấu đến hết năm 2025: 100% hồ sơ công việc tại cơ quan cấp tỉnh và cấp xã được xử lý trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước); tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 80%; 100% cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số cơ bản, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
@n1 Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường:
@p3 Trực tiếp chỉ đạo công tác chuyển đổi số tại cơ quan, đơn vị, địa phương; chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh về kết quả thực hiện.
@p3 Rà soát, tái cấu trúc quy trình giải quyết thủ tục hành chính thuộc thẩm quyền để cung cấp dịch vụ công trực tuyến toàn trình, hoàn thành trước ngày 30/9/2025.
@n1 Sở Khoa học và Công nghệ:
@p3 Chủ trì, phối hợp với Văn phòng Ủy ban nhân dân tỉnh hướng dẫn các xã, phường vận hành Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh; hoàn thành trong tháng 9/2025.
@p3 Tham mưu Ủy ban nhân dân tỉnh ban hành Kiến trúc chính quyền số tỉnh Hưng Yên phiên bản 4.0 trước ngày 31/10/2025.
@p3 Theo dõi, đôn đốc việc thực hiện Chỉ thị này; tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh trước ngày 15/12 hằng năm.
@n1 Văn phòng Ủy ban nhân dân tỉnh chủ trì, phối hợp với Sở Khoa học và Công nghệ bảo đảm các văn bản chỉ đạo, điều hành của Ủy ban nhân dân tỉnh, Chủ tịch Ủy ban nhân dân tỉnh được ký số và gửi, nhận trên môi trường mạng.
@n1 Công an tỉnh chủ trì bảo đảm an ninh, an toàn thông tin mạng cho các hệ thống thông tin của tỉnh; phối hợp với Ủy ban nhân dân các xã, phường làm sạch dữ liệu dân cư, hoàn thành trước ngày 30/11/2025.
@n1 Sở Nội vụ chủ trì, phối hợp với Sở Khoa học và Công nghệ đưa kết quả thực hiện chuyển đổi số vào tiêu chí đánh giá, xếp loại cơ quan, đơn vị và người đứng đầu.
@n1 Sở Tài chính chủ trì, phối hợp với Sở Khoa học và Công nghệ tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí thực hiện nhiệm vụ chuyển đổi số năm 2026 trong dự toán ngân sách tỉnh, hoàn thành trước ngày 15/11/2025.
@n1 Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tuyên truyền, vận động Nhân dân sử dụng dịch vụ công trực tuyến và tài khoản định danh điện tử.
@n1 Giám đốc các sở, Thủ trưởng các ban, ngành cấp tỉnh, Chủ tịch Ủy ban nhân dân các xã, phường nghiêm túc triển khai thực hiện Chỉ thị này; định kỳ hằng quý (trước ngày 15 của tháng cuối quý) báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh./.
@sign
< Nơi nhận:
< - Bộ Khoa học và Công nghệ (b/c);
< - Thường trực Tỉnh ủy (b/c);
< - Thường trực HĐND tỉnh;
< - Chủ tịch, các PCT UBND tỉnh;
< - Như mục 1;
< - Lưu: VT, KGVX.
> CHỦ TỊCH
>
>
>
> Nguyễn Lê Huy
@end
`,
};
export default doc;
