import { PLAN_LEVELS, type CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "nq-cp-chuong-trinh-giao-duc",
  what: "Government resolution 174/NQ-CP (12/2024) issuing the Government's action programme on Conclusion 91-KL/TW (education); the programme follows the signature and recipients, with targets, tasks of ministries and provinces, and a landscape appendix table of tasks (group rows, merged lead cells).",
  basedOn: {
    title: "Quyết định 275/QĐ-TTg năm 2014 ban hành Kế hoạch triển khai Kết luận 27-KL/TW (Điều 1 'Ban hành kèm theo ...', Điều 3 on who executes); header and 'QUYẾT NGHỊ' of Nghị quyết 127/NQ-CP năm 2021",
    url: "https://thuviennhadat.vn/vbpl/quyet-dinh-275-qd-ttg-nam-2014-thuc-hien-27-kl-tw-day-manh-phat-trien-kinh-te-xa-hoi-quoc-phong-an-n-221475.html",
  },
  header: {
    left: ["CHÍNH PHỦ"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 174/NQ-CP",
    date: "Hà Nội, ngày 05 tháng 12 năm 2024",
    txt: "stacked",
  },
  levels: PLAN_LEVELS,
  bullets: "text",
  body: `
@title NGHỊ QUYẾT
@subtitle Ban hành Chương trình hành động của Chính phủ thực hiện Kết luận số 91-KL/TW ngày 12 tháng 8 năm 2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 29-NQ/TW ngày 04 tháng 11 năm 2013 của Hội nghị Trung ương 8 khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo
@title CHÍNH PHỦ
@i Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;
@i Căn cứ Nghị định số 39/2022/NĐ-CP ngày 18 tháng 6 năm 2022 của Chính phủ ban hành Quy chế làm việc của Chính phủ;
@i Căn cứ Kết luận số 91-KL/TW ngày 12 tháng 8 năm 2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 29-NQ/TW ngày 04 tháng 11 năm 2013 của Hội nghị Trung ương 8 khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo, đáp ứng yêu cầu công nghiệp hóa, hiện đại hóa trong điều kiện kinh tế thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế;
@i Xét đề nghị của Bộ trưởng Bộ Giáo dục và Đào tạo tại Tờ trình số 1385/TTr-BGDĐT ngày 15 tháng 10 năm 2024.
@title QUYẾT NGHỊ:
**Điều 1.** Ban hành kèm theo Nghị quyết này Chương trình hành động của Chính phủ thực hiện Kết luận số 91-KL/TW ngày 12 tháng 8 năm 2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 29-NQ/TW ngày 04 tháng 11 năm 2013 của Hội nghị Trung ương 8 khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo.
**Điều 2.** Nghị quyết này có hiệu lực thi hành kể từ ngày ký ban hành.
**Điều 3.** Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Nghị quyết này./.
@sign
< Nơi nhận:
< - Ban Bí thư Trung ương Đảng;
< - Thủ tướng, các Phó Thủ tướng Chính phủ;
< - Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;
< - HĐND, UBND các tỉnh, thành phố trực thuộc Trung ương;
< - Văn phòng Trung ương và các Ban của Đảng;
< - Văn phòng Quốc hội;
< - Ủy ban Văn hóa, Giáo dục của Quốc hội;
< - VPCP: BTCN, các PCN, Trợ lý TTg, TGĐ Cổng TTĐT, các Vụ, Cục;
< - Lưu: VT, KGVX (2b).
> TM. CHÍNH PHỦ
> KT. THỦ TƯỚNG
> PHÓ THỦ TƯỚNG
>
>
>
> Hoàng Trung Dũng
@end
@pagebreak
@header CHÍNH PHỦ || CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/Độc lập - Tự do - Hạnh phúc
@title CHƯƠNG TRÌNH HÀNH ĐỘNG
@subtitle Của Chính phủ thực hiện Kết luận số 91-KL/TW ngày 12 tháng 8 năm 2024 của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 29-NQ/TW ngày 04 tháng 11 năm 2013 của Hội nghị Trung ương 8 khóa XI về đổi mới căn bản, toàn diện giáo dục và đào tạo
@centeri (Kèm theo Nghị quyết số 174/NQ-CP ngày 05 tháng 12 năm 2024 của Chính phủ)
@h I. MỤC TIÊU
@n1 Mục tiêu tổng quát
Quán triệt đầy đủ, sâu sắc và tổ chức thực hiện nghiêm túc, hiệu quả Kết luận số 91-KL/TW; xác định rõ nhiệm vụ, lộ trình và trách nhiệm của các bộ, ngành, địa phương trong việc tiếp tục đổi mới căn bản, toàn diện giáo dục và đào tạo, tạo chuyển biến rõ nét về chất lượng nguồn nhân lực, đáp ứng yêu cầu phát triển đất nước trong giai đoạn mới.
@n1 Mục tiêu cụ thể đến năm 2030
- Tỷ lệ trẻ em mẫu giáo được học 2 buổi/ngày đạt 100%; tỷ lệ huy động trẻ em 3 - 5 tuổi đến trường đạt trên 97%.
- Phấn đấu 100% đơn vị hành chính cấp tỉnh duy trì và nâng cao chất lượng phổ cập giáo dục tiểu học mức độ 3; tỷ lệ người trong độ tuổi từ 15 đến 60 biết chữ mức độ 2 đạt 96%.
- Tỷ lệ trường phổ thông đạt chuẩn quốc gia đạt khoảng 80%.
- Số sinh viên đại học đạt 260 sinh viên trên 1 vạn dân; tỷ lệ người học các ngành khoa học, công nghệ, kỹ thuật và toán (STEM) đạt tối thiểu 35% tổng quy mô đào tạo đại học.
- Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt 35 - 40%.
- Có ít nhất 5 cơ sở giáo dục đại học được xếp hạng trong nhóm các đại học hàng đầu thế giới.
- Chi ngân sách nhà nước cho giáo dục và đào tạo bảo đảm tối thiểu 20% tổng chi ngân sách nhà nước.
@h II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU
@n1 Hoàn thiện thể chế, chính sách về giáo dục và đào tạo
@p3 Bộ Giáo dục và Đào tạo chủ trì, phối hợp với Bộ Tư pháp, Bộ Nội vụ và các cơ quan liên quan xây dựng dự án Luật Nhà giáo, trình Quốc hội thông qua trong năm 2025.
@p3 Bộ Tài chính chủ trì, phối hợp với Bộ Giáo dục và Đào tạo, Bộ Lao động - Thương binh và Xã hội xây dựng Nghị định sửa đổi, bổ sung Nghị định số 81/2021/NĐ-CP ngày 27 tháng 8 năm 2021 của Chính phủ quy định về cơ chế thu, quản lý học phí đối với cơ sở giáo dục thuộc hệ thống giáo dục quốc dân, trình Chính phủ trong Quý II năm 2025.
@p3 Bộ Lao động - Thương binh và Xã hội chủ trì, phối hợp với Bộ Giáo dục và Đào tạo nghiên cứu, đề xuất phương án thống nhất quản lý nhà nước về giáo dục nghề nghiệp, báo cáo Chính phủ trước ngày 31 tháng 3 năm 2025.
@n1 Phát triển đội ngũ nhà giáo và cán bộ quản lý giáo dục
@p3 Bộ Nội vụ chủ trì, phối hợp với Bộ Giáo dục và Đào tạo, Bộ Tài chính thẩm định, giao bổ sung biên chế giáo viên cho các địa phương còn thiếu so với định mức; hoàn thành trong năm 2025.
@p3 Bộ Giáo dục và Đào tạo:
- Chủ trì xây dựng, ban hành chương trình bồi dưỡng thường xuyên đối với giáo viên mầm non, phổ thông theo hướng chuẩn hóa, tăng cường năng lực số; hoàn thành trong năm 2026.
- Phối hợp với Bộ Quốc phòng, Bộ Công an rà soát, thống nhất nội dung giáo dục quốc phòng và an ninh cho học sinh, sinh viên phù hợp với chương trình giáo dục phổ thông mới.
@n1 Bảo đảm nguồn lực đầu tư cho giáo dục và đào tạo
@p3 Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với Bộ Tài chính, Bộ Giáo dục và Đào tạo tổng hợp, bố trí vốn trong kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030 cho các chương trình, dự án đầu tư cơ sở vật chất giáo dục, ưu tiên vùng đồng bào dân tộc thiểu số và miền núi; hoàn thành trước tháng 9 năm 2025.
@p3 Bộ Tài chính chủ trì bảo đảm tỷ lệ chi ngân sách nhà nước cho giáo dục và đào tạo theo quy định; hướng dẫn các địa phương bố trí đủ chi thường xuyên cho sự nghiệp giáo dục, ưu tiên kinh phí mua sắm thiết bị dạy học tối thiểu.
@n1 Chuyển đổi số và ứng dụng công nghệ trong giáo dục
Bộ Thông tin và Truyền thông chủ trì, phối hợp với Bộ Giáo dục và Đào tạo, các doanh nghiệp viễn thông hoàn thành kết nối Internet băng rộng cáp quang đến các cơ sở giáo dục phổ thông ở vùng đặc biệt khó khăn trong năm 2026.
@n1 Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương
- Xây dựng, ban hành kế hoạch thực hiện Chương trình hành động này tại địa phương trong Quý I năm 2025.
- Bố trí quỹ đất, ngân sách địa phương để xây dựng trường, lớp học; chủ động sắp xếp mạng lưới cơ sở giáo dục phù hợp với quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050.
- Phối hợp với Bộ Nội vụ tuyển dụng đủ số giáo viên theo biên chế được giao; thực hiện đầy đủ, kịp thời các chế độ, chính sách đối với nhà giáo.
@h III. TỔ CHỨC THỰC HIỆN
@p1 Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương căn cứ nhiệm vụ được giao tại Chương trình hành động này và Phụ lục kèm theo, tổ chức triển khai thực hiện; định kỳ hằng năm báo cáo kết quả thực hiện trước ngày 15 tháng 12, gửi Bộ Giáo dục và Đào tạo để tổng hợp.
@p1 Bộ Giáo dục và Đào tạo chủ trì, phối hợp với Văn phòng Chính phủ theo dõi, đôn đốc, kiểm tra việc thực hiện Chương trình hành động; tổng hợp, báo cáo Chính phủ, Thủ tướng Chính phủ trước ngày 31 tháng 12 hằng năm.
@p1 Bộ Giáo dục và Đào tạo chủ trì tổ chức sơ kết 03 năm thực hiện Chương trình hành động trong Quý IV năm 2027.
@p1 Trong quá trình thực hiện, trường hợp cần sửa đổi, bổ sung nội dung của Chương trình hành động, các bộ, cơ quan, địa phương chủ động báo cáo Bộ Giáo dục và Đào tạo để tổng hợp, trình Chính phủ xem xét, quyết định./.
@landscape
@title PHỤ LỤC
@subtitle DANH MỤC NHIỆM VỤ CỤ THỂ THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG
@centeri (Kèm theo Nghị quyết số 174/NQ-CP ngày 05 tháng 12 năm 2024 của Chính phủ)
@table 5,35,16,19,12,13 size=12
!h TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Sản phẩm | Thời gian hoàn thành
!g I | Xây dựng thể chế
1 | Xây dựng dự án Luật Nhà giáo | Bộ Giáo dục và Đào tạo | Bộ Nội vụ, Bộ Tư pháp | Luật | Năm 2025
2 | Xây dựng dự án Luật sửa đổi, bổ sung một số điều của Luật Giáo dục đại học | ^ | Các bộ, cơ quan liên quan | Luật | Năm 2026
3 | Nghị định sửa đổi, bổ sung Nghị định số 81/2021/NĐ-CP về học phí | Bộ Tài chính | Bộ Giáo dục và Đào tạo, Bộ Lao động - Thương binh và Xã hội | Nghị định | Quý II/2025
4 | Đề án thống nhất quản lý nhà nước về giáo dục nghề nghiệp | Bộ Lao động - Thương binh và Xã hội | Bộ Giáo dục và Đào tạo, Bộ Nội vụ | Đề án trình Chính phủ | Tháng 3/2025
!g II | Phát triển đội ngũ nhà giáo
5 | Giao bổ sung biên chế giáo viên cho các địa phương còn thiếu | Bộ Nội vụ | Bộ Giáo dục và Đào tạo, UBND các tỉnh, thành phố trực thuộc Trung ương | Quyết định giao biên chế | Năm 2025
6 | Chương trình bồi dưỡng thường xuyên giáo viên mầm non, phổ thông | Bộ Giáo dục và Đào tạo | Các trường sư phạm | Thông tư | Năm 2026
!g III | Bảo đảm nguồn lực và cơ sở vật chất
7 | Bố trí vốn đầu tư công trung hạn giai đoạn 2026 - 2030 cho cơ sở vật chất giáo dục | Bộ Kế hoạch và Đầu tư | Bộ Tài chính, Bộ Giáo dục và Đào tạo | Kế hoạch đầu tư công trung hạn | Tháng 9/2025
8 | Đề án xây dựng trường phổ thông nội trú liên cấp tại các xã biên giới | ^ | Bộ Quốc phòng, Ủy ban Dân tộc, UBND các tỉnh biên giới | Đề án | Quý III/2025
9 | Kết nối Internet băng rộng cho cơ sở giáo dục vùng đặc biệt khó khăn | Bộ Thông tin và Truyền thông | Bộ Giáo dục và Đào tạo, các doanh nghiệp viễn thông | Báo cáo kết quả | Năm 2026
10 | Kế hoạch thực hiện Chương trình hành động tại địa phương | UBND các tỉnh, thành phố trực thuộc Trung ương | Các sở, ngành liên quan | Kế hoạch | Quý I/2025
@end
`,
};
export default doc;
