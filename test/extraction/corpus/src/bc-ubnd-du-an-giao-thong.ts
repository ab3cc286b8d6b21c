import type { CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "bc-ubnd-du-an-giao-thong",
  what: "Report 487/BC-UBND (12/2024) of the Đồng Nai People's Committee to the Ministry of Transport on key transport projects in 2024: capital and disbursement figures, numbered project lines (land handed over, disbursement), a task table (TT | Nhiệm vụ | Cơ quan chủ trì | Kết quả thực hiện | Tình trạng), next tasks and proposals.",
  basedOn: {
    title: "Báo cáo của UBND tỉnh Vĩnh Phúc về giải ngân vốn đầu tư công 9 tháng năm 2024 (capital assigned, disbursed, per-project progress and next steps), as reported by Báo Mới",
    url: "https://baomoi.zadn.vn/vinh-phuc-phan-dau-giai-ngan-von-dau-tu-cong-tren-95-c50413961.epi",
  },
  header: {
    left: ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG NAI"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 487/BC-UBND",
    date: "Đồng Nai, ngày 16 tháng 12 năm 2024",
    txt: "rows",
  },
  bullets: "text",
  body: `
@title BÁO CÁO
@subtitle Tình hình thực hiện các dự án giao thông trọng điểm trên địa bàn tỉnh Đồng Nai năm 2024
Thực hiện Công văn số 8930/BGTVT-KHĐT ngày 20/11/2024 của Bộ Giao thông vận tải về việc báo cáo tình hình thực hiện các dự án giao thông trọng điểm, UBND tỉnh Đồng Nai báo cáo như sau:
@h I. TÌNH HÌNH TRIỂN KHAI
Ngay từ đầu năm, UBND tỉnh ban hành Kế hoạch số 56/KH-UBND ngày 08/3/2024 về đẩy nhanh tiến độ các dự án giao thông trọng điểm năm 2024 và Quyết định số 612/QĐ-UBND ngày 15/3/2024 thành lập Tổ công tác đặc biệt tháo gỡ vướng mắc trong bồi thường, giải phóng mặt bằng; giao nhiệm vụ cụ thể cho các sở, ngành, địa phương và chủ đầu tư.
Tổng kế hoạch vốn năm 2024 giao cho các dự án giao thông trọng điểm là 6.845,2 tỷ đồng; đến ngày 30/11/2024 đã giải ngân 4.312,7 tỷ đồng, đạt 63% kế hoạch; ước đến ngày 31/01/2025 giải ngân đạt khoảng 92%.
@h II. KẾT QUẢ THỰC HIỆN CÁC DỰ ÁN
1. Dự án đường cao tốc Biên Hòa - Vũng Tàu đoạn qua tỉnh Đồng Nai: đã bàn giao 412,6/425,0 ha, đạt 97%; giải ngân 1.020/1.500 tỷ đồng, đạt 68%; sản lượng thi công đạt 54% giá trị hợp đồng.
2. Dự án đường Vành đai 3 Thành phố Hồ Chí Minh đoạn qua tỉnh Đồng Nai: đã bàn giao 98,5/98,5 ha, đạt 100%; giải ngân 1.250,4/1.900 tỷ đồng, đạt 65,8%; dự kiến thông xe kỹ thuật trong Quý II/2025.
3. Dự án đường tỉnh 768 (đoạn từ cầu Thủ Biên đến ngã ba Tân Uyên): đã bàn giao 21,3/35,8 ha, đạt 59,5%; đã chi trả bồi thường cho 312/540 hộ; giải ngân 186,2/420 tỷ đồng, đạt 44,3%.
4. Dự án cầu Cát Lái: đang hoàn thiện hồ sơ thiết kế kỹ thuật, lựa chọn nhà thầu; giải ngân 45,6/300 tỷ đồng, đạt 15,2%.
@h III. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO TẠI KẾ HOẠCH SỐ 56/KH-UBND
@table 6,34,18,28,14 size=12
!h TT | Nhiệm vụ | Cơ quan chủ trì | Kết quả thực hiện | Tình trạng
1 | Phê duyệt phương án bồi thường, hỗ trợ, tái định cư dự án cao tốc Biên Hòa - Vũng Tàu | UBND huyện Long Thành | Đã phê duyệt toàn bộ phương án | Đã hoàn thành
2 | Bố trí tái định cư cho các hộ dân thuộc dự án Vành đai 3 | UBND huyện Nhơn Trạch | Đang xây dựng hạ tầng khu tái định cư Phước An | Đang thực hiện
3 | Thẩm định, trình phê duyệt điều chỉnh dự án đường tỉnh 768 | Sở Giao thông vận tải | Đã trình UBND tỉnh ngày 12/11/2024 | Đã hoàn thành
4 | Cấp phép khai thác mỏ vật liệu san lấp phục vụ các dự án | Sở Tài nguyên và Môi trường | Chưa hoàn thành do vướng thủ tục đánh giá tác động môi trường | Chậm tiến độ
5 | Bố trí vốn đối ứng từ ngân sách tỉnh | Sở Kế hoạch và Đầu tư | Đã tham mưu bố trí đủ vốn theo kế hoạch | Đã hoàn thành
@end
@h IV. KHÓ KHĂN, VƯỚNG MẮC
Nguồn vật liệu đắp nền đường khan hiếm, giá tăng cao; một số hộ dân chưa đồng thuận với giá bồi thường; thủ tục điều chỉnh chủ trương đầu tư kéo dài.
@h V. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI
1. Sở Giao thông vận tải chủ trì, phối hợp với các chủ đầu tư đôn đốc nhà thầu tăng ca, tăng kíp, bảo đảm thông xe kỹ thuật dự án đường Vành đai 3 trong Quý II/2025.
2. UBND các huyện Long Thành, Nhơn Trạch, Vĩnh Cửu hoàn thành bàn giao phần mặt bằng còn lại của các dự án trước ngày 31/3/2025.
3. Sở Tài nguyên và Môi trường khẩn trương hoàn thành thủ tục cấp phép khai thác các mỏ vật liệu san lấp trong tháng 01/2025.
4. Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính tham mưu điều chuyển vốn từ các dự án giải ngân chậm sang các dự án có khả năng giải ngân; định kỳ hằng tháng báo cáo UBND tỉnh.
@h VI. KIẾN NGHỊ
Đề nghị Bộ Giao thông vận tải sớm thống nhất phương án kết nối đường Vành đai 3 với đường cao tốc Thành phố Hồ Chí Minh - Long Thành - Dầu Giây; hỗ trợ tỉnh tháo gỡ vướng mắc về nguồn vật liệu đắp nền.
UBND tỉnh Đồng Nai báo cáo Bộ Giao thông vận tải theo dõi, tổng hợp./.
@sign
< Nơi nhận:
< - Bộ Giao thông vận tải;
< - TT. Tỉnh ủy, TT. HĐND tỉnh;
< - Chủ tịch, các PCT UBND tỉnh;
< - Các sở: GTVT, KHĐT, TC, TNMT;
< - UBND các huyện Long Thành, Nhơn Trạch, Vĩnh Cửu;
< - Chánh, PCVP UBND tỉnh;
< - Lưu: VT, KTN.
> TM. ỦY BAN NHÂN DÂN
> KT. CHỦ TỊCH
> PHÓ CHỦ TỊCH
>
>
>
> Nguyễn Thành Lộc
@end
`,
};
export default doc;
