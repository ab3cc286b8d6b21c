import { type CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "nq-hdnd-kinh-te-xa-hoi",
  what: "Resolution 68/NQ-HĐND (12/2025) of the Quảng Trị People's Council, after the 2025 mergers, on the socio-economic development plan for 2026: 'Căn cứ' and 'Xét' lines, 'QUYẾT NGHỊ:', Điều 1 with the general goal, twelve main targets numbered (1)-(12) under lettered groups, and solutions stated for no agency; Điều 2 assigning the People's Committee to carry it out and report at the Council's sessions, the Council's bodies to supervise, a request to the Fatherland Front; the closing clause on its adoption; signed 'CHỦ TỊCH'.",
  basedOn: {
    title: "Nghị quyết 08/2015/NQ-HĐND của HĐND tỉnh An Giang về nhiệm vụ kinh tế - xã hội (header, 'KHÓA VIII KỲ HỌP THỨ 12', 'Căn cứ' lines, 'Sau khi xem xét Báo cáo ... Tờ trình ...; Báo cáo thẩm tra của các Ban và ý kiến đại biểu', 'QUYẾT NGHỊ:', Điều 1 adopting the plan with its main contents)",
    url: "https://hethongphapluat.com/nghi-quyet-08-2015-nq-hdnd-ve-nhiem-vu-kinh-te-xa-hoi-2016-2020-do-tinh-an-giang-ban-hanh.html",
  },
  header: {
    left: ["HỘI ĐỒNG NHÂN DÂN", "TỈNH QUẢNG TRỊ"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 68/NQ-HĐND",
    date: "Quảng Trị, ngày 10 tháng 12 năm 2025",
    txt: "rows",
  },
  body: `
@title NGHỊ QUYẾT
@subtitle Về kế hoạch phát triển kinh tế - xã hội năm 2026
@title HỘI ĐỒNG NHÂN DÂN TỈNH QUẢNG TRỊ
@title KHÓA VIII, KỲ HỌP THỨ 12
@i Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
@i Căn cứ Nghị quyết số 25/NQ-HĐND ngày 09 tháng 7 năm 2025 của Hội đồng nhân dân tỉnh về kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025 của tỉnh sau sắp xếp;
@i Xét Báo cáo số 512/BC-UBND ngày 25 tháng 11 năm 2025 của Ủy ban nhân dân tỉnh về tình hình kinh tế - xã hội năm 2025 và kế hoạch năm 2026; Báo cáo thẩm tra số 140/BC-HĐND ngày 02 tháng 12 năm 2025 của Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh; ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp.
@title QUYẾT NGHỊ:
**Điều 1.** Thông qua kế hoạch phát triển kinh tế - xã hội năm 2026 với các nội dung chủ yếu sau:
**1. Mục tiêu tổng quát**
Tập trung khai thác hiệu quả không gian phát triển mới của tỉnh sau sắp xếp; phát triển kinh tế nhanh, bền vững; bảo đảm an sinh xã hội, nâng cao đời sống Nhân dân; giữ vững quốc phòng, an ninh.
**2. Các chỉ tiêu chủ yếu**
__a) Về kinh tế__
(1) Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) đạt 8,5% trở lên.
(2) GRDP bình quân đầu người đạt 92 triệu đồng.
(3) Tổng thu ngân sách nhà nước trên địa bàn đạt 9.500 tỷ đồng, trong đó thu nội địa 8.200 tỷ đồng.
(4) Tổng vốn đầu tư toàn xã hội khoảng 52.000 tỷ đồng.
(5) Tỷ lệ giải ngân vốn đầu tư công đạt trên 95% kế hoạch được giao.
__b) Về xã hội__
(6) Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm 1,2%.
(7) Tỷ lệ lao động qua đào tạo đạt 72%, trong đó có bằng cấp, chứng chỉ đạt 31%.
(8) Số giường bệnh trên 10.000 dân đạt 36 giường.
(9) Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95,5%.
(10) Có thêm 12 xã đạt chuẩn nông thôn mới nâng cao.
__c) Về môi trường__
(11) Tỷ lệ che phủ rừng duy trì ở mức 49,8%.
(12) Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt 95%.
**3. Nhiệm vụ, giải pháp chủ yếu**
Thống nhất với các nhiệm vụ, giải pháp nêu trong Báo cáo của Ủy ban nhân dân tỉnh, đồng thời nhấn mạnh:
a) Tập trung hoàn thiện thể chế, cơ chế, chính sách của tỉnh phù hợp với mô hình chính quyền địa phương hai cấp.
b) Đẩy mạnh giải ngân vốn đầu tư công ngay từ đầu năm; tháo gỡ khó khăn về giải phóng mặt bằng các dự án trọng điểm.
c) Nâng cao chất lượng giáo dục, y tế; thực hiện đầy đủ, kịp thời các chính sách an sinh xã hội.
**Điều 2.** Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết; định kỳ báo cáo Hội đồng nhân dân tỉnh kết quả thực hiện tại các kỳ họp thường lệ.
2. Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.
3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tham gia giám sát, tuyên truyền, vận động Nhân dân thực hiện Nghị quyết.
Nghị quyết này đã được Hội đồng nhân dân tỉnh Quảng Trị khóa VIII, Kỳ họp thứ 12 thông qua ngày 10 tháng 12 năm 2025 và có hiệu lực từ ngày thông qua./.
@sign
< Nơi nhận:
< - Ủy ban Thường vụ Quốc hội;
< - Chính phủ;
< - Thường trực Tỉnh ủy;
< - UBND tỉnh, Ủy ban MTTQ Việt Nam tỉnh;
< - Đại biểu HĐND tỉnh;
< - Lưu: VT.
> CHỦ TỊCH
>
>
>
> Nguyễn Đăng Quang
@end
`,
};
export default doc;
