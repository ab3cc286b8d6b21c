import type { CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "kh-ubnd-du-an-trong-diem-quang-ngai",
  what: "Provincial plan 145/KH-UBND (Quảng Ngãi, 3/2025) for the key investment projects of 2025: a paragraph listing the projects in running text ('như: dự án A kết nối với dự án B; dự án C; ...'), a list of projects to prepare ('các dự án: A; B; C'), one project described with its investor, site, length, investment and years, tasks under agency headings, monthly reporting, and a landscape appendix table of projects (TT | Tên dự án | Chủ đầu tư | Địa điểm xây dựng | Quy mô | Tổng mức đầu tư (tỷ đồng) | Kế hoạch vốn năm 2025 (tỷ đồng) | Thời gian thực hiện | Ghi chú; group rows, an investor and a site merged down, a total row).",
  basedOn: {
    title: "Quyết định 584/QĐ-UBND năm 2016 của UBND tỉnh Quảng Ngãi phê duyệt Đề án đầu tư phát triển kết cấu hạ tầng, nhất là hạ tầng giao thông, hạ tầng đô thị giai đoạn 2016 - 2020 (views and targets, the priority projects named by sector, tasks of the departments and districts, a list of projects with investor and total investment)",
    url: "https://ls1.hethongphapluat.com/quyet-dinh-584-qd-ubnd-nam-2016-phe-duyet-de-an-dau-tu-phat-trien-ket-cau-ha-tang-nhat-la-ha-tang-giao-thong-ha-tang-do-thi-tren-dia-ban-tinh-quang-ngai-giai-doan-2016-2020.html",
  },
  header: {
    left: ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 145/KH-UBND",
    date: "Quảng Ngãi, ngày 12 tháng 3 năm 2025",
    txt: "rows",
  },
  bullets: "word",
  body: `
@title KẾ HOẠCH
@subtitle Triển khai thực hiện các dự án đầu tư trọng điểm trên địa bàn tỉnh Quảng Ngãi năm 2025
Thực hiện Nghị quyết số 18-NQ/TU ngày 20/12/2024 của Ban Chấp hành Đảng bộ tỉnh về nhiệm vụ phát triển kinh tế - xã hội năm 2025; Nghị quyết số 86/NQ-HĐND ngày 10/12/2024 của Hội đồng nhân dân tỉnh về kế hoạch đầu tư công năm 2025, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện các dự án đầu tư trọng điểm năm 2025 như sau:
@h I. MỤC ĐÍCH, YÊU CẦU
- Tập trung nguồn lực hoàn thành các dự án trọng điểm, có tính lan tỏa, tạo động lực phát triển kinh tế - xã hội của tỉnh; nâng cao hiệu quả sử dụng vốn đầu tư công.
- Xác định rõ trách nhiệm của từng cơ quan, đơn vị, chủ đầu tư; bảo đảm tiến độ, chất lượng công trình và giải ngân vốn theo kế hoạch.
@h II. MỤC TIÊU
Phấn đấu năm 2025 giải ngân kế hoạch vốn đầu tư công của tỉnh đạt trên 95%; khởi công mới 03 dự án, hoàn thành và đưa vào sử dụng 02 dự án trọng điểm; bàn giao 100% mặt bằng các dự án chuyển tiếp trước ngày 30/6/2025.
@h III. CÁC DỰ ÁN TRỌNG ĐIỂM
Tập trung đầu tư, sớm hoàn thành, đưa vào khai thác các dự án hạ tầng trọng điểm có tính kết nối vùng như: dự án Đường ven biển Dung Quất - Sa Huỳnh giai đoạn IIa kết nối với dự án Cầu Cửa Đại; dự án Nâng cấp, mở rộng Quốc lộ 24C đoạn Km0 - Km25; dự án Bệnh viện Sản - Nhi tỉnh Quảng Ngãi; dự án Kè chống sạt lở bờ biển Đức Phổ; dự án Khu tái định cư Bình Hải... Quy mô, tổng mức đầu tư và kế hoạch vốn năm 2025 của từng dự án chi tiết tại Phụ lục kèm theo Kế hoạch này.
Chuẩn bị đầu tư các dự án: Đường Trì Bình - cảng Dung Quất giai đoạn 2; Cầu Thạch Bích mở rộng; Trung tâm Văn hóa - Thể thao tỉnh Quảng Ngãi.
Dự án Đường Trì Bình - cảng Dung Quất giai đoạn 2 do Sở Giao thông vận tải làm chủ đầu tư, địa điểm: huyện Bình Sơn; tổng chiều dài tuyến khoảng 8,6 km, tổng mức đầu tư dự kiến 620 tỷ đồng; thời gian thực hiện 2026 - 2028.
@h IV. NHIỆM VỤ, GIẢI PHÁP
@h 1. Sở Kế hoạch và Đầu tư
- Chủ trì, phối hợp với Sở Tài chính tham mưu UBND tỉnh giao kế hoạch vốn năm 2025 cho các dự án trọng điểm; điều chuyển vốn từ các dự án giải ngân chậm sang các dự án có khả năng giải ngân, hoàn thành trước ngày 30/9/2025.
- Hướng dẫn các chủ đầu tư hoàn thiện hồ sơ chủ trương đầu tư các dự án chuẩn bị đầu tư, trình HĐND tỉnh trong Quý III/2025.
@h 2. Sở Giao thông vận tải
- Chỉ đạo Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh đẩy nhanh tiến độ thi công, bảo đảm thông xe kỹ thuật dự án Đường ven biển Dung Quất - Sa Huỳnh giai đoạn IIa trong Quý IV/2025.
- Hoàn thành lập, trình phê duyệt báo cáo nghiên cứu khả thi dự án Đường Trì Bình - cảng Dung Quất giai đoạn 2 trước ngày 31/12/2025.
@h 3. Sở Tài nguyên và Môi trường
Chủ trì, phối hợp với UBND các huyện, thị xã, thành phố xác định giá đất cụ thể, bảo đảm nguồn vật liệu san lấp cho các dự án; hoàn thành trong Quý II/2025.
@h 4. UBND các huyện, thị xã, thành phố
- Chủ trì công tác bồi thường, hỗ trợ, tái định cư; bàn giao mặt bằng sạch cho các chủ đầu tư trước ngày 30/6/2025.
- Tuyên truyền, vận động Nhân dân đồng thuận với chủ trương thu hồi đất thực hiện các dự án.
@h V. TỔ CHỨC THỰC HIỆN
1. Các chủ đầu tư định kỳ hằng tháng (trước ngày 25) báo cáo tiến độ thực hiện, giải ngân của từng dự án về Sở Kế hoạch và Đầu tư.
2. Sở Kế hoạch và Đầu tư theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo UBND tỉnh kết quả thực hiện năm 2025 trước ngày 15/12/2025.
3. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo về Sở Kế hoạch và Đầu tư để tổng hợp, trình UBND tỉnh xem xét, giải quyết./.
@sign
< Nơi nhận:
< - Thường trực Tỉnh ủy;
< - Thường trực HĐND tỉnh;
< - Chủ tịch, các PCT UBND tỉnh;
< - Các sở: KHĐT, TC, GTVT, TNMT, XD;
< - Các Ban QLDA tỉnh;
< - UBND các huyện, thị xã, thành phố;
< - Lưu: VT, KTTH.
> TM. ỦY BAN NHÂN DÂN
> KT. CHỦ TỊCH
> PHÓ CHỦ TỊCH
>
>
>
> Trần Phước Hiền
@end
@landscape
@title PHỤ LỤC
@subtitle DANH MỤC CÁC DỰ ÁN ĐẦU TƯ TRỌNG ĐIỂM NĂM 2025
@centeri (Kèm theo Kế hoạch số 145/KH-UBND ngày 12/3/2025 của UBND tỉnh Quảng Ngãi)
@table 4,20,17,13,10,9,9,9,9 size=10
!h TT | Tên dự án | Chủ đầu tư | Địa điểm xây dựng | Quy mô | Tổng mức đầu tư (tỷ đồng) | Kế hoạch vốn năm 2025 (tỷ đồng) | Thời gian thực hiện | Ghi chú
!g I | Dự án chuyển tiếp
1 | Đường ven biển Dung Quất - Sa Huỳnh giai đoạn IIa | Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh | Huyện Bình Sơn, huyện Sơn Tịnh | Dài 24,7 km | 1.952,6 | 420 | 2022 - 2026 | Đã bàn giao 85% mặt bằng
2 | Nâng cấp, mở rộng Quốc lộ 24C đoạn Km0 - Km25 | ^ | Huyện Sơn Tịnh, huyện Trà Bồng | Dài 25 km | 980 | 250 | 2023 - 2026 |
3 | Bệnh viện Sản - Nhi tỉnh Quảng Ngãi | Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh | Thành phố Quảng Ngãi | 500 giường bệnh | 850,5 | 180 | 2023 - 2025 | Hoàn thành năm 2025
!g II | Dự án khởi công mới
4 | Cầu Cửa Đại | Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh | Thành phố Quảng Ngãi | Dài 1,2 km | 1.480 | 150 | 2025 - 2028 | Khởi công trong Quý II/2025
5 | Kè chống sạt lở bờ biển Đức Phổ | UBND thị xã Đức Phổ | Thị xã Đức Phổ | Dài 3,5 km | 180 | 60 | 2025 - 2026 |
6 | Khu tái định cư Bình Hải | Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi | Xã Bình Hải, huyện Bình Sơn | 35,2 ha | 312,4 | 90 | 2025 - 2026 |
 | Tổng cộng |  |  |  | 5.755,5 | 1.150 |  |
@end
`,
};
export default doc;
