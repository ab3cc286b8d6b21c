import { PLAN_LEVELS, type CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "kh-bnnmt-chuyen-doi-so",
  what: "Plan 2156/KH-BNNMT (8/2025) of the Ministry of Agriculture and Environment, after the 2025 mergers: digital transformation of the sector in 2025; opens with 'Căn cứ ...' lines only; tasks for its departments (Cục, Vụ, Văn phòng Bộ), a list 'Các Cục: ...' to expand, requests to provinces; a Word footnote with 2024 figures of the two former ministries.",
  basedOn: {
    title: "Kế hoạch hành động của Bộ Nông nghiệp và Môi trường thực hiện mục tiêu tăng trưởng ngành năm 2025 (targets per sector, tasks per unit, '5 rõ'), as reported by Hà Nội Mới",
    url: "https://hanoimoi.vn/bo-nong-nghiep-va-moi-truong-dat-chi-tieu-cho-tung-mat-hang-xuat-khau-698342.html",
  },
  header: {
    left: ["BỘ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 2156/KH-BNNMT",
    date: "Hà Nội, ngày 12 tháng 8 năm 2025",
    txt: "stacked",
  },
  levels: PLAN_LEVELS,
  bullets: "text",
  body: `
@title KẾ HOẠCH
@subtitle Chuyển đổi số ngành Nông nghiệp và Môi trường năm 2025 thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị và Nghị quyết số 03/NQ-CP của Chính phủ
@i Căn cứ Nghị định số 35/2025/NĐ-CP ngày 25 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nông nghiệp và Môi trường;
@i Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;
@i Căn cứ Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW;
@i Căn cứ Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030;
@i Theo đề nghị của Cục trưởng Cục Chuyển đổi số.
Bộ Nông nghiệp và Môi trường ban hành Kế hoạch chuyển đổi số ngành Nông nghiệp và Môi trường năm 2025 với các nội dung sau:
@h I. MỤC ĐÍCH, YÊU CẦU
Thống nhất, kết nối các hệ thống thông tin, cơ sở dữ liệu của hai Bộ trước hợp nhất; bảo đảm hoạt động của Bộ không bị gián đoạn, dữ liệu được quản lý tập trung, thống nhất. Việc phân công nhiệm vụ phải rõ người, rõ việc, rõ trách nhiệm, rõ sản phẩm và rõ thời gian hoàn thành.
@h II. MỤC TIÊU NĂM 2025
- 100% hồ sơ công việc tại Bộ (trừ hồ sơ mật) được xử lý trên môi trường mạng[^1].
- Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình đạt tối thiểu 80%.
- Phấn đấu 100% tỉnh, thành phố hoàn thành kết nối cơ sở dữ liệu đất đai với Hệ thống thông tin quốc gia về đất đai.
- Số hóa tối thiểu 70% dữ liệu chuyên ngành lâm nghiệp, thủy sản, trồng trọt và chăn nuôi.
- Khoảng 30% hợp tác xã nông nghiệp ứng dụng thương mại điện tử trong tiêu thụ sản phẩm.
- Đào tạo, bồi dưỡng kỹ năng số cho khoảng 5.000 công chức, viên chức, người lao động của Bộ.
@fn 1 Năm 2024, tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng của Bộ Tài nguyên và Môi trường (cũ) đạt 92,6%, của Bộ Nông nghiệp và Phát triển nông thôn (cũ) đạt 88,4%.
@h III. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN
@n1 Cục Chuyển đổi số
@p3 Chủ trì xây dựng Kiến trúc Chính phủ số ngành Nông nghiệp và Môi trường phiên bản 1.0, trình Bộ trưởng ban hành trong tháng 9/2025.
@p3 Chủ trì, phối hợp với Cục Quản lý đất đai hoàn thiện, vận hành Hệ thống thông tin quốc gia về đất đai; kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư trước ngày 30/11/2025.
@p3 Bảo đảm an toàn thông tin mạng cho các hệ thống thông tin của Bộ theo cấp độ; thường xuyên giám sát, sẵn sàng ứng cứu sự cố.
@n1 Văn phòng Bộ
Chủ trì, phối hợp với Cục Chuyển đổi số rà soát, tái cấu trúc quy trình, cung cấp dịch vụ công trực tuyến toàn trình đối với các thủ tục hành chính đủ điều kiện; hoàn thành trong Quý IV/2025.
@n1 Vụ Kế hoạch - Tài chính
Chủ trì, phối hợp với Cục Chuyển đổi số tổng hợp, bố trí kinh phí chi thường xuyên và vốn đầu tư phát triển cho các nhiệm vụ chuyển đổi số; trình Bộ trưởng phương án phân bổ trước ngày 15/10/2025.
@n1 Vụ Tổ chức cán bộ
Chủ trì, phối hợp với Học viện Nông nghiệp Việt Nam tổ chức đào tạo, bồi dưỡng kỹ năng số cho công chức, viên chức, người lao động của Bộ; hoàn thành trong năm 2025.
@n1 Các Cục: Trồng trọt và Bảo vệ thực vật, Chăn nuôi và Thú y, Thủy sản và Kiểm ngư, Lâm nghiệp và Kiểm lâm
Xây dựng, cập nhật cơ sở dữ liệu chuyên ngành thuộc lĩnh vực quản lý, kết nối với Kho dữ liệu dùng chung của Bộ; hoàn thành trước ngày 31/12/2025.
@n1 Cục Kinh tế hợp tác và Phát triển nông thôn
Chủ trì, phối hợp với Cục Chất lượng, Chế biến và Phát triển thị trường hỗ trợ các hợp tác xã nông nghiệp ứng dụng thương mại điện tử, truy xuất nguồn gốc sản phẩm OCOP.
@n1 Đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương
- Hoàn thành xây dựng, cập nhật cơ sở dữ liệu đất đai của địa phương, kết nối với Hệ thống thông tin quốc gia về đất đai trong năm 2025.
- Bố trí kinh phí của địa phương cho chuyển đổi số ngành nông nghiệp và môi trường; báo cáo kết quả thực hiện về Bộ Nông nghiệp và Môi trường (qua Cục Chuyển đổi số) trước ngày 10/12/2025.
@h IV. TỔ CHỨC THỰC HIỆN
@p1 Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm trước Bộ trưởng về kết quả thực hiện nhiệm vụ được giao; định kỳ hằng quý (trước ngày 20 của tháng cuối quý) báo cáo tiến độ gửi Cục Chuyển đổi số.
@p1 Cục Chuyển đổi số là đơn vị đầu mối, theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch; tổng hợp, báo cáo Bộ trưởng kết quả thực hiện trước ngày 25/12/2025./.
@sign
< Nơi nhận:
< - Bộ trưởng (để b/c);
< - Các Thứ trưởng;
< - Văn phòng Chính phủ;
< - Bộ Khoa học và Công nghệ;
< - UBND các tỉnh, thành phố trực thuộc TW;
< - Sở Nông nghiệp và Môi trường các tỉnh, thành phố;
< - Các đơn vị thuộc Bộ;
< - Lưu: VT, CĐS.
> KT. BỘ TRƯỞNG
> THỨ TRƯỞNG
>
>
>
> Lê Minh Quang
@end
`,
};
export default doc;
