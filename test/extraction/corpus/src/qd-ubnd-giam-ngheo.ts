import { PLAN_LEVELS, type CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "qd-ubnd-giam-ngheo",
  what: "Decision 1234/QĐ-UBND (5/2025) of the Nghệ An People's Committee issuing, attached after its signature, the 2025 plan of the national target programme on sustainable poverty reduction: the decision's 'Căn cứ' lines, 'QUYẾT ĐỊNH:' and its articles (who executes it is no task); the plan with its own title and '(Ban hành kèm theo Quyết định số ...)', targets compared with the year before, tasks under agency headings with lettered items, a bank's branch, communes after the 2025 reorganisation, quarterly reporting.",
  basedOn: {
    title: "Kế hoạch 140/KH-UBND năm 2016 triển khai Chương trình giảm nghèo bền vững trên địa bàn tỉnh Phú Yên (targets, tasks of departments and districts, reporting), in the frame of a decision that issues an attached plan (Điều 1 'Ban hành kèm theo Quyết định này ...', Điều 3 on who executes it)",
    url: "https://ls1.hethongphapluat.com/ke-hoach-140-kh-ubnd-nam-2016-trien-khai-chuong-trinh-giam-ngheo-ben-vung-giai-doan-2016-2020-tren-dia-ban-tinh-phu-yen.html",
  },
  header: {
    left: ["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 1234/QĐ-UBND",
    date: "Nghệ An, ngày 20 tháng 5 năm 2025",
    txt: "rows",
  },
  levels: PLAN_LEVELS,
  bullets: "text",
  body: `
@title QUYẾT ĐỊNH
@subtitle Ban hành Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025 trên địa bàn tỉnh Nghệ An
@title ỦY BAN NHÂN DÂN TỈNH NGHỆ AN
@i Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
@i Căn cứ Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025;
@i Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường tại Tờ trình số 456/TTr-SNNMT ngày 10/5/2025.
@title QUYẾT ĐỊNH:
**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025 trên địa bàn tỉnh Nghệ An.
**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.
**Điều 3.** Chánh Văn phòng UBND tỉnh; Giám đốc các sở, ban, ngành cấp tỉnh; Chủ tịch UBND các xã, phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.
@sign
< Nơi nhận:
< - Như Điều 3;
< - Bộ Nông nghiệp và Môi trường (b/c);
< - Chủ tịch, các PCT UBND tỉnh;
< - Lưu: VT, NN.
> TM. ỦY BAN NHÂN DÂN
> KT. CHỦ TỊCH
> PHÓ CHỦ TỊCH
>
>
>
> Bùi Đình Long
@end
@pagebreak
@title KẾ HOẠCH
@subtitle Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2025 trên địa bàn tỉnh Nghệ An
@centeri (Ban hành kèm theo Quyết định số 1234/QĐ-UBND ngày 20/5/2025 của UBND tỉnh Nghệ An)
@h I. MỤC TIÊU
- Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giảm 1 - 1,5% so với cuối năm 2024; riêng các xã miền núi giảm trên 3%.
- Phấn đấu 100% hộ nghèo, hộ cận nghèo có nhu cầu được hỗ trợ vay vốn tín dụng chính sách.
- Hỗ trợ xây dựng mới, sửa chữa khoảng 1.500 căn nhà ở cho hộ nghèo, hộ cận nghèo.
@h II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN
@n1 Sở Nông nghiệp và Môi trường
@p3 Là cơ quan thường trực, chủ trì, phối hợp với các sở, ngành hướng dẫn, đôn đốc các địa phương triển khai Chương trình.
@p3 Tổng hợp kết quả thực hiện, báo cáo UBND tỉnh trước ngày 15/12/2025.
@n1 Sở Tài chính chủ trì tham mưu phân bổ vốn ngân sách trung ương thực hiện Chương trình, hoàn thành trong tháng 6/2025.
@n1 Ngân hàng Chính sách xã hội chi nhánh tỉnh bảo đảm nguồn vốn cho vay hộ nghèo, hộ cận nghèo.
@n1 UBND các xã, phường
- Rà soát, xác định hộ nghèo, hộ cận nghèo trên địa bàn; hoàn thành trước ngày 30/11/2025.
- Định kỳ hằng quý báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường trước ngày 20 của tháng cuối quý.
@h III. TỔ CHỨC THỰC HIỆN
Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương kịp thời báo cáo về Sở Nông nghiệp và Môi trường để tổng hợp, trình UBND tỉnh xem xét, giải quyết./.
`,
};
export default doc;
