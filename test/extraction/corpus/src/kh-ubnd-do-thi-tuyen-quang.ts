import type { CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "kh-ubnd-do-thi-tuyen-quang",
  what: "Provincial plan 97/KH-UBND (Tuyên Quang, 4/2024) on urban development, implementing a Government resolution and a Party action programme; tasks under agency headings with Word bullets; an appendix table of indicators (2025 and 2030 columns, group rows, a monitoring agency merged down five rows).",
  basedOn: {
    title: "Kế hoạch 185/KH-UBND năm 2023 của UBND tỉnh Tuyên Quang thực hiện Nghị quyết 90/NQ-CP (opening 'Thực hiện ... Ủy ban nhân dân tỉnh ban hành Kế hoạch ...', sections I-IV)",
    url: "https://hethongphapluat.vn/ke-hoach-185-kh-ubnd-nam-2023-thuc-hien-nghi-quyet-90-nq-cp-thuc-hien-nghi-quyet-81-2023-qh15-ve-quy-hoach-tong-the-quoc-gia.html",
  },
  header: {
    left: ["ỦY BAN NHÂN DÂN", "TỈNH TUYÊN QUANG"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 97/KH-UBND",
    date: "Tuyên Quang, ngày 18 tháng 4 năm 2024",
    txt: "rows",
  },
  bullets: "word",
  body: `
@title KẾ HOẠCH
@subtitle Thực hiện Chương trình hành động số 45-CTr/TU ngày 15/6/2022 của Ban Thường vụ Tỉnh ủy về quy hoạch, xây dựng, quản lý và phát triển bền vững đô thị tỉnh Tuyên Quang đến năm 2030, tầm nhìn đến năm 2045
Thực hiện Nghị quyết số 148/NQ-CP ngày 11/11/2022 của Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết số 06-NQ/TW ngày 24/01/2022 của Bộ Chính trị về quy hoạch, xây dựng, quản lý và phát triển bền vững đô thị Việt Nam đến năm 2030, tầm nhìn đến năm 2045 và Chương trình hành động số 45-CTr/TU ngày 15/6/2022 của Ban Thường vụ Tỉnh ủy (sau đây gọi tắt là Chương trình hành động số 45-CTr/TU), Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:
@h I. MỤC ĐÍCH, YÊU CẦU
@h 1. Mục đích
- Cụ thể hóa các quan điểm, mục tiêu, nhiệm vụ, giải pháp của Chương trình hành động số 45-CTr/TU phù hợp với điều kiện thực tế của tỉnh; làm căn cứ để các sở, ngành, địa phương xây dựng kế hoạch, chương trình công tác hằng năm.
- Nâng cao chất lượng quy hoạch, đầu tư xây dựng và quản lý phát triển đô thị theo hướng xanh, thông minh, bản sắc, bền vững.
@h 2. Yêu cầu
- Xác định rõ nội dung công việc, thời hạn hoàn thành và trách nhiệm của từng cơ quan, đơn vị; bảo đảm sự phối hợp chặt chẽ giữa các cấp, các ngành.
- Thường xuyên theo dõi, kiểm tra, đánh giá kết quả thực hiện; kịp thời đề xuất điều chỉnh, bổ sung nhiệm vụ phù hợp với tình hình thực tế.
@h II. MỤC TIÊU
@h 1. Mục tiêu chung
Phát triển hệ thống đô thị tỉnh Tuyên Quang đồng bộ, có kết cấu hạ tầng kinh tế - xã hội phù hợp, thích ứng với biến đổi khí hậu; nâng cao chất lượng sống của người dân đô thị; kinh tế khu vực đô thị giữ vai trò động lực tăng trưởng của tỉnh.
@h 2. Mục tiêu cụ thể
Phấn đấu đến năm 2025, tỷ lệ đô thị hóa toàn tỉnh đạt trên 25%; đến năm 2030 đạt khoảng 35%. Thành phố Tuyên Quang cơ bản đạt các tiêu chí đô thị loại I vào năm 2030; thị trấn Vĩnh Lộc, thị trấn Na Hang đạt tiêu chí đô thị loại IV.
Các chỉ tiêu cụ thể về phát triển đô thị đến năm 2025 và năm 2030 chi tiết tại Phụ lục kèm theo Kế hoạch này.
@h III. NHIỆM VỤ, GIẢI PHÁP
@h 1. Sở Xây dựng
- Chủ trì, phối hợp với các sở, ngành, UBND các huyện, thành phố rà soát, lập, điều chỉnh quy hoạch chung các đô thị, quy hoạch phân khu tại các đô thị; hoàn thành trong năm 2025.
- Tham mưu UBND tỉnh ban hành Chương trình phát triển đô thị tỉnh Tuyên Quang giai đoạn 2021 - 2030 trong Quý III/2024.
- Hướng dẫn UBND các huyện, thành phố tự đánh giá, phân loại đô thị; theo dõi, tổng hợp các chỉ tiêu được giao tại Phụ lục kèm theo Kế hoạch này.
@h 2. Sở Kế hoạch và Đầu tư
- Chủ trì, phối hợp với Sở Tài chính tham mưu bố trí vốn đầu tư công cho các dự án hạ tầng kỹ thuật đô thị trọng điểm, ưu tiên hạ tầng thoát nước, xử lý nước thải.
- Kêu gọi, thu hút đầu tư các dự án phát triển đô thị, khu nhà ở theo phương thức đối tác công tư.
@h 3. Sở Tài nguyên và Môi trường
Chủ trì, phối hợp với UBND các huyện, thành phố đẩy nhanh tiến độ đầu tư các khu xử lý chất thải rắn tập trung; đưa vào vận hành nhà máy xử lý chất thải rắn sinh hoạt thành phố Tuyên Quang trong năm 2025.
@h 4. Sở Giao thông vận tải
Chủ trì đầu tư, nâng cấp các tuyến đường kết nối đô thị, đường vành đai; phối hợp với Sở Xây dựng quản lý hành lang an toàn giao thông, tổ chức giao thông tại các đô thị.
@h 5. Sở Tài chính
Bảo đảm kinh phí chi thường xuyên cho công tác quản lý đô thị, lập và điều chỉnh quy hoạch theo phân cấp ngân sách hiện hành.
@h 6. UBND các huyện, thành phố
- Xây dựng kế hoạch thực hiện tại địa phương, hoàn thành trước ngày 30/6/2024.
- Bố trí nguồn lực đầu tư hạ tầng đô thị; quản lý chặt chẽ quỹ đất dọc các tuyến đường mới mở.
- Thường xuyên kiểm tra, xử lý vi phạm trật tự xây dựng đô thị trên địa bàn.
@h IV. TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành, UBND các huyện, thành phố căn cứ chức năng, nhiệm vụ được giao tổ chức thực hiện Kế hoạch; định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) báo cáo kết quả thực hiện về Sở Xây dựng để tổng hợp.
2. Sở Xây dựng là cơ quan thường trực, chủ trì theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; tổng hợp, báo cáo UBND tỉnh, Ban Thường vụ Tỉnh ủy trước ngày 20/12 hằng năm.
3. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo về Sở Xây dựng để tổng hợp, trình UBND tỉnh xem xét, điều chỉnh./.
@sign
< Nơi nhận:
< - Bộ Xây dựng;
< - Thường trực Tỉnh ủy;
< - Thường trực HĐND tỉnh;
< - Chủ tịch, các PCT UBND tỉnh;
< - Như Mục IV;
< - Chánh, Phó CVP UBND tỉnh;
< - Lưu: VT, QHXD (Hg).
> TM. ỦY BAN NHÂN DÂN
> KT. CHỦ TỊCH
> PHÓ CHỦ TỊCH
>
>
>
> Nguyễn Mạnh Tuấn
@end
@pagebreak
@title PHỤ LỤC
@subtitle CÁC CHỈ TIÊU PHÁT TRIỂN ĐÔ THỊ TỈNH TUYÊN QUANG ĐẾN NĂM 2030
@centeri (Kèm theo Kế hoạch số 97/KH-UBND ngày 18/4/2024 của UBND tỉnh Tuyên Quang)
@table 6,35,14,12,13,20 size=12
!h TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Mục tiêu 2030 | Cơ quan chủ trì theo dõi
!g I | Chỉ tiêu về đô thị hóa và quy hoạch đô thị
1 | Tỷ lệ đô thị hóa | % | Trên 25 | Khoảng 35 | Sở Xây dựng
2 | Số đô thị trên địa bàn tỉnh | Đô thị | 8 | 10 | ^
3 | Tỷ lệ phủ kín quy hoạch chung đô thị | % | 100 | 100 | ^
4 | Tỷ lệ phủ kín quy hoạch phân khu tại các đô thị | % | 70 | 100 | ^
!g II | Chỉ tiêu về hạ tầng đô thị
5 | Tỷ lệ dân số đô thị được cung cấp nước sạch qua hệ thống cấp nước tập trung | % | 95 | 100 | Sở Xây dựng
6 | Tỷ lệ đất giao thông so với đất xây dựng đô thị | % | 11 - 16 | 16 - 26 | Sở Giao thông vận tải
7 | Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý | % | 95 | 98 | Sở Tài nguyên và Môi trường
8 | Tỷ lệ nước thải đô thị được thu gom, xử lý đạt quy chuẩn | % | Trên 15 | Trên 30 | ^
9 | Diện tích cây xanh công cộng bình quân đầu người khu vực nội thị | m²/người | 5 - 6 | 7 - 8 | Sở Xây dựng
!g III | Chỉ tiêu về kinh tế và nhà ở đô thị
10 | Tỷ trọng kinh tế khu vực đô thị trong GRDP toàn tỉnh | % | Khoảng 55 | Khoảng 65 | Sở Kế hoạch và Đầu tư
11 | Diện tích sàn nhà ở bình quân đầu người khu vực đô thị | m² sàn/người | 30 | 32 | Sở Xây dựng
@end
`,
};
export default doc;
