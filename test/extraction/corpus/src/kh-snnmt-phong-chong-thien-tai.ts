import { PLAN_LEVELS, type CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "kh-snnmt-phong-chong-thien-tai",
  what: "Plan 1520/KH-SNNMT (3/2026) of the Quảng Ninh Department of Agriculture and Environment on disaster prevention in 2026: a department's plan whose title opens 'Triển khai ...' under its type line; purposes and requirements that assign nothing; units named with 'phòng, chống' ('Chi cục Thủy lợi và Phòng, chống thiên tai'); the communes, wards and special zones ('đặc khu') of the two-level local government; deadlines after a label inside the task ('thời hạn hoàn thành: 15/5/2026'); short work ending 'thực hiện'; a request to the province's People's Committee (no task); an appendix table of tasks whose work states figures.",
  basedOn: {
    title: "Kế hoạch 1013/KH-UBND năm 2025 của UBND tỉnh Hải Dương về phòng, chống thiên tai năm 2025 (opening 'Thực hiện Luật ...; ...', sections Mục đích, yêu cầu / nhiệm vụ / tổ chức thực hiện), here as a department's plan for its own units and the communes",
    url: "https://thuvienphapluat.vn/bulletin/document.aspx?bid=a7493961-e405-457c-8db6-93ec4644c336&key=Nlw%2FT0nyn3cuqCy6SC%2BG2g%3D%3D",
  },
  header: {
    left: ["UBND TỈNH QUẢNG NINH", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 1520/KH-SNNMT",
    date: "Quảng Ninh, ngày 05 tháng 3 năm 2026",
    plainLines: 1,
    txt: "stacked",
  },
  levels: PLAN_LEVELS,
  bullets: "text",
  body: `
@title KẾ HOẠCH
@subtitle Triển khai công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm 2026 của ngành Nông nghiệp và Môi trường
Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013; Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều ngày 17 tháng 6 năm 2020;
Thực hiện Kế hoạch số 52/KH-UBND ngày 24/02/2026 của UBND tỉnh Quảng Ninh về phòng, chống thiên tai năm 2026, Sở Nông nghiệp và Môi trường xây dựng Kế hoạch triển khai như sau:
@h I. MỤC ĐÍCH, YÊU CẦU
@n1 Mục đích
Chủ động phòng ngừa, ứng phó kịp thời, hiệu quả với các loại hình thiên tai theo phương châm "bốn tại chỗ"; giảm thiểu thiệt hại về người và tài sản.
@n1 Yêu cầu
Các phòng, đơn vị thuộc Sở xác định rõ trách nhiệm, chủ động phối hợp chặt chẽ trong công tác phòng, chống thiên tai.
@h II. MỤC TIÊU
- 100% hồ chứa nước xung yếu được kiểm tra an toàn trước mùa mưa bão.
- Tỷ lệ cán bộ làm công tác phòng, chống thiên tai cấp xã được tập huấn đạt trên 90%.
@h III. NHIỆM VỤ CỤ THỂ
@n1 Chi cục Thủy lợi và Phòng, chống thiên tai
- Tham mưu Giám đốc Sở trình UBND tỉnh kiện toàn Văn phòng thường trực Ban Chỉ huy phòng thủ dân sự tỉnh; hoàn thành trước ngày 31/3/2026.
- Chủ trì, phối hợp với Phòng Quản lý tài nguyên nước kiểm tra an toàn các hồ chứa, đập dâng trước mùa mưa bão; thời hạn hoàn thành: 15/5/2026.
@n1 Chi cục Kiểm lâm chủ trì tổ chức diễn tập phòng cháy, chữa cháy rừng tại các địa phương trọng điểm; thời gian thực hiện: năm 2026.
@n1 Văn phòng Sở bố trí kinh phí thực hiện.
@n1 Trung tâm Khuyến nông phối hợp với UBND các xã, phường, đặc khu hướng dẫn nông dân chuyển đổi cơ cấu mùa vụ phù hợp với diễn biến thời tiết.
@n1 Đề nghị UBND các xã, phường, đặc khu:
- Rà soát, cập nhật phương án ứng phó thiên tai theo cấp độ rủi ro, hoàn thành trong tháng 4/2026;
- Định kỳ hằng quý báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường trước ngày 20 của tháng cuối quý.
@n1 Đề nghị UBND tỉnh chỉ đạo các sở, ngành liên quan phối hợp với Sở Nông nghiệp và Môi trường bố trí nguồn lực cho công tác phòng, chống thiên tai.
@h IV. TỔ CHỨC THỰC HIỆN
Giao Chi cục Thủy lợi và Phòng, chống thiên tai là đầu mối theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch, báo cáo Giám đốc Sở trước ngày 10/12/2026.
Các phòng, đơn vị thuộc Sở tập trung, nghiêm túc triển khai thực hiện./.
@sign
< Nơi nhận:
< - UBND tỉnh (b/c);
< - Các phòng, đơn vị thuộc Sở;
< - Lưu: VT, TL.
> KT. GIÁM ĐỐC
> PHÓ GIÁM ĐỐC
>
>
>
> Nguyễn Văn Hưng
@end
@title PHỤ LỤC
@subtitle DANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2026
@centeri (Kèm theo Kế hoạch số 1520/KH-SNNMT ngày 05/3/2026 của Sở Nông nghiệp và Môi trường)
@table 6,40,20,20,14 size=12
!h STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành
!g I | Phòng ngừa
1 | Số hóa 100% hồ sơ công trình thủy lợi, đê điều | Chi cục Thủy lợi và Phòng, chống thiên tai | Trung tâm Công nghệ thông tin | Tháng 9/2026
2 | Nạo vét 25 km kênh tiêu úng trọng điểm | ^ | UBND các xã, phường, đặc khu | Quý II/2026
!g II | Ứng phó
3 | Tập huấn cho ít nhất 500 thành viên đội xung kích cấp xã | Chi cục Thủy lợi và Phòng, chống thiên tai; UBND các xã, phường, đặc khu | | Năm 2026
@end
`,
};
export default doc;
