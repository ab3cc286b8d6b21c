import type { CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "bc-tinh-uy-nong-nghiep",
  what: "Report 512-BC/TU (10/2024) of the Quảng Trị provincial Party Standing Committee on two years of Resolution 19-NQ/TW (agriculture, farmers, rural areas), answering a letter of the Central Economic Commission: Party header and 'I-', '1-' numbering, results with actual and estimated figures, Word footnotes with figures and further documents, one project line, next tasks and proposals; signed 'T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ'.",
  basedOn: {
    title: "Chương trình hành động của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW (Party wording and the 'Thực hiện ..., Ban Thường vụ Tỉnh ủy ...' opening), and the structure of the sample self-monitoring report 001",
    url: "https://lite.baomoi.com/chuong-trinh-hanh-dong-cua-ban-thuong-vu-tinh-uy-thuc-hien-nghi-quyet-so-57-c51591121.epi",
  },
  header: {
    left: ["ĐẢNG BỘ TỈNH QUẢNG TRỊ", "TỈNH ỦY", "*"],
    plainLines: 1,
    right: ["ĐẢNG CỘNG SẢN VIỆT NAM"],
    number: "Số 512-BC/TU",
    date: "Quảng Trị, ngày 14 tháng 10 năm 2024",
    txt: "stacked",
  },
  bullets: "text",
  body: `
@title BÁO CÁO
@subtitle kết quả 02 năm thực hiện Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII về nông nghiệp, nông dân, nông thôn đến năm 2030, tầm nhìn đến năm 2045
@center -----
Thực hiện Công văn số 1187-CV/BKTTW ngày 05/9/2024 của Ban Kinh tế Trung ương về việc báo cáo kết quả thực hiện Nghị quyết số 19-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII (sau đây gọi tắt là Nghị quyết số 19-NQ/TW), Ban Thường vụ Tỉnh ủy Quảng Trị báo cáo như sau:
@h I- CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN
Ngay sau khi Nghị quyết số 19-NQ/TW được ban hành, Ban Thường vụ Tỉnh ủy đã ban hành Chương trình hành động số 38-CTr/TU ngày 05/9/2022 thực hiện Nghị quyết; chỉ đạo Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh ban hành Kế hoạch số 175/KH-UBND ngày 30/9/2022 triển khai thực hiện trên địa bàn tỉnh[^1]. Các cấp ủy, tổ chức đảng đã tổ chức 156 hội nghị quán triệt với 12.450 lượt cán bộ, đảng viên tham gia; 100% huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc xây dựng chương trình, kế hoạch thực hiện.
@fn 1 Ngoài ra, Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 05-NQ/TU ngày 12/4/2023 về phát triển nông nghiệp hữu cơ giai đoạn 2023 - 2030; HĐND tỉnh ban hành Nghị quyết số 41/2023/NQ-HĐND ngày 20/7/2023 quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp, nông thôn.
Công tác kiểm tra, giám sát được chú trọng; Ủy ban Kiểm tra Tỉnh ủy đã kiểm tra, giám sát việc thực hiện Nghị quyết tại 14 tổ chức đảng.
@h II- KẾT QUẢ THỰC HIỆN
@h 1- Về phát triển nông nghiệp
Tốc độ tăng trưởng giá trị sản xuất nông, lâm nghiệp và thủy sản bình quân giai đoạn 2022 - 2023 đạt 3,2%/năm; ước năm 2024 tăng 3,5%. Tổng sản lượng lương thực năm 2023 đạt 265.400 tấn. Toàn tỉnh có 148 sản phẩm OCOP đạt từ 3 sao trở lên[^2]; diện tích sản xuất nông nghiệp hữu cơ đạt 2.350 ha.
@fn 2 Trong đó có 02 sản phẩm đạt 5 sao, 21 sản phẩm đạt 4 sao và 125 sản phẩm đạt 3 sao.
Năm 2023, tỷ lệ che phủ rừng đạt 49,8%; giá trị xuất khẩu nông, lâm, thủy sản đạt 185,6 triệu USD.
@h 2- Về nông dân
Thu nhập bình quân đầu người khu vực nông thôn năm 2023 đạt 42,6 triệu đồng, tăng 1,35 lần so với năm 2020. Tỷ lệ hộ nghèo khu vực nông thôn giảm từ 8,92% năm 2021 xuống còn 5,86% năm 2023. Tỷ lệ lao động nông thôn qua đào tạo ước đạt 68% năm 2024.
@h 3- Về xây dựng nông thôn mới
Đến tháng 9/2024, toàn tỉnh có 72/101 xã đạt chuẩn nông thôn mới (đạt 71,3%), 18 xã đạt chuẩn nông thôn mới nâng cao, 05 xã đạt chuẩn nông thôn mới kiểu mẫu; 03/09 đơn vị cấp huyện hoàn thành nhiệm vụ, đạt chuẩn nông thôn mới[^3]; tỷ lệ dân cư nông thôn sử dụng nước sạch đáp ứng quy chuẩn đạt 58,5%.
@fn 3 Gồm: thành phố Đông Hà, thị xã Quảng Trị và huyện Cam Lộ.
Về kết cấu hạ tầng thủy lợi, Dự án Hồ chứa nước Sa Lung: đã giải ngân 1.012,5/1.300 tỷ đồng, đạt 77,9% tổng mức đầu tư; hoàn thành đắp đập chính 1.050/1.248 m.
@h III- HẠN CHẾ, NGUYÊN NHÂN
Tăng trưởng ngành nông nghiệp chưa bền vững; liên kết sản xuất theo chuỗi giá trị còn ít. Còn 29 xã chưa đạt chuẩn nông thôn mới, chủ yếu ở vùng đồng bào dân tộc thiểu số huyện Hướng Hóa, Đakrông. Nguồn lực đầu tư cho nông nghiệp, nông thôn còn hạn chế, chưa thu hút được nhiều doanh nghiệp đầu tư vào lĩnh vực nông nghiệp.
@h IV- NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI
1- Tiếp tục nâng cao nhận thức của cấp ủy, chính quyền và Nhân dân về vị trí, vai trò của nông nghiệp, nông dân, nông thôn; huy động các nguồn lực đầu tư cho khu vực nông thôn.
2- Ban cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh rà soát, điều chỉnh Kế hoạch số 175/KH-UBND phù hợp với tình hình mới, hoàn thành trong Quý I/2025.
3- Đảng đoàn HĐND tỉnh lãnh đạo HĐND tỉnh ban hành chính sách hỗ trợ tích tụ, tập trung đất đai phát triển nông nghiệp quy mô lớn tại kỳ họp cuối năm 2024.
4- Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc tiếp tục lãnh đạo thực hiện Nghị quyết số 19-NQ/TW; thường xuyên kiểm tra, giám sát việc thực hiện tại cơ sở.
@h V- KIẾN NGHỊ, ĐỀ XUẤT
1- Đề nghị Chính phủ sớm ban hành cơ chế đặc thù hỗ trợ đầu tư hạ tầng thủy lợi, phòng, chống thiên tai cho các tỉnh Bắc Trung Bộ.
2- Đề nghị Bộ Nông nghiệp và Phát triển nông thôn tiếp tục hỗ trợ tỉnh xây dựng vùng nguyên liệu tập trung gắn với chế biến sâu.
@sign
< Nơi nhận:
< - Ban Kinh tế Trung ương (b/c),
< - Văn phòng Trung ương Đảng (b/c),
< - Các đồng chí Tỉnh ủy viên,
< - Các ban, Đảng đoàn, ban cán sự đảng, đảng ủy trực thuộc,
< - Lưu Văn phòng Tỉnh ủy.
> T/M BAN THƯỜNG VỤ
> PHÓ BÍ THƯ
>
>
>
> Hoàng Nam Phương
@end
`,
};
export default doc;
