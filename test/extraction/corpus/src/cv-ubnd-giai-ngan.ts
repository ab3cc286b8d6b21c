import { type CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "cv-ubnd-giai-ngan",
  what: "Letter 6420/UBND-KT (10/2025) of the Quảng Trị People's Committee, after the 2025 mergers, urging the disbursement of public investment capital: a 'V/v' excerpt under the number, 'Kính gửi:' with a list of addressees, the department's proposal it answers and the result so far, then 'UBND tỉnh có ý kiến như sau:' and numbered instructions ('Giao Sở ... chủ trì ...', an addressee and its work, a body named by its region), a monthly report, a closing that asks everyone to carry it out; signed 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'.",
  basedOn: {
    title: "Công văn số 6202/UBND-KT ngày 23/11/2023 của UBND tỉnh Quảng Trị ('UBND tỉnh có ý kiến như sau: Giao Sở ... chủ trì, phối hợp ... nghiên cứu, đề xuất UBND tỉnh xem xét theo quy định; hoàn thành trước ngày ...'), as published on the province's portal",
    url: "https://www.quangtri.gov.vn/%C4%90%E1%BB%90i-tho%E1%BA%A0i-doanh-nghi%E1%BB%86p?p_p_id=publicquestionportlet_WAR_3cmsnewportlet_INSTANCE_dzqopL9zQml8&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&_publicquestionportlet_WAR_3cmsnewportlet_INSTANCE_dzqopL9zQml8_action=viewQuestionDetail&questionid=1701398290308",
  },
  header: {
    left: ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 6420/UBND-KT",
    vv: ["V/v đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2025"],
    date: "Quảng Trị, ngày 15 tháng 10 năm 2025",
    txt: "stacked",
  },
  bullets: "text",
  body: `
@center Kính gửi:
@center - Các sở, ban, ngành cấp tỉnh;
@center - UBND các xã, phường;
@center - Các chủ đầu tư.
Xét đề nghị của Sở Tài chính tại Công văn số 3120/STC-ĐT ngày 02/10/2025 về tình hình giải ngân vốn đầu tư công năm 2025, đến ngày 30/9/2025, toàn tỉnh giải ngân được 4.215,6 tỷ đồng, đạt 52,3% kế hoạch vốn Thủ tướng Chính phủ giao. Để phấn đấu giải ngân 100% kế hoạch vốn năm 2025 theo chỉ đạo của Thủ tướng Chính phủ tại Công điện số 97/CĐ-TTg ngày 25/9/2025, UBND tỉnh có ý kiến như sau:
1. Các chủ đầu tư khẩn trương hoàn thiện hồ sơ, thủ tục thanh toán khối lượng hoàn thành, bảo đảm giải ngân tối thiểu 80% kế hoạch vốn được giao trước ngày 31/12/2025.
2. Giao Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước khu vực XI theo dõi, tổng hợp tình hình giải ngân; định kỳ trước ngày 05 hằng tháng báo cáo UBND tỉnh; tham mưu UBND tỉnh điều chuyển vốn của các dự án chậm giải ngân, hoàn thành trước ngày 15/11/2025.
3. Giao Sở Xây dựng chủ trì, phối hợp với UBND các xã, phường tháo gỡ vướng mắc về nguồn vật liệu xây dựng thông thường cho các dự án giao thông trọng điểm.
4. UBND các xã, phường tập trung đẩy nhanh công tác bồi thường, giải phóng mặt bằng, bàn giao mặt bằng cho các dự án trọng điểm trong tháng 11/2025.
5. Giao Sở Nội vụ tham mưu UBND tỉnh xem xét trách nhiệm người đứng đầu các cơ quan, đơn vị chậm giải ngân vốn năm 2025.
Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các xã, phường và các chủ đầu tư nghiêm túc triển khai thực hiện./.
@sign
< Nơi nhận:
< - Như trên;
< - TT Tỉnh ủy, TT HĐND tỉnh (b/c);
< - CT, các PCT UBND tỉnh;
< - Lưu: VT, KT.
> TM. ỦY BAN NHÂN DÂN
> KT. CHỦ TỊCH
> PHÓ CHỦ TỊCH
>
>
>
> Hoàng Nam
@end
`,
};
export default doc;
