import { PLAN_LEVELS, type CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "kh-ubnd-du-lich-cong-dong",
  what: "Plan 215/KH-UBND (3/2026) of the Hà Tĩnh People's Committee carrying out a provincial scheme on community tourism in 2026: targets, then each piece of work set out with labelled fields under it ('Cơ quan chủ trì:', 'Cơ quan phối hợp:', 'Sản phẩm:', 'Thời gian hoàn thành:', lettered by Word or as bullets), fields on one line, in brackets after the work, 'Nhiệm vụ 1:' as the work, fields that only add a deadline and output to an assignment, and yearly reporting.",
  basedOn: {
    title: "Kế hoạch 1556/KH-UBND năm 2024 của UBND tỉnh Lai Châu thực hiện Chương trình OCOP (opening 'Căn cứ ...', purposes, targets, then each task with its lead, partners and time), with the labelled-field layout of provincial action plans",
    url: "https://thuviennhadat.vn/vbpl/ke-hoach-1556-kh-ubnd-2024-thu-c-hien-chuong-trinh-moi-xa-mo-t-san-pham-lai-chau-608468.html",
  },
  header: {
    left: ["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 215/KH-UBND",
    date: "Hà Tĩnh, ngày 14 tháng 3 năm 2026",
    plainLines: 1,
    txt: "rows",
  },
  levels: PLAN_LEVELS,
  bullets: "word",
  body: `
@title KẾ HOẠCH
@subtitle Triển khai Đề án phát triển du lịch cộng đồng tỉnh Hà Tĩnh năm 2026
Thực hiện Quyết định số 1020/QĐ-UBND ngày 10/5/2025 của UBND tỉnh phê duyệt Đề án phát triển du lịch cộng đồng tỉnh Hà Tĩnh giai đoạn 2025 - 2030, UBND tỉnh ban hành Kế hoạch triển khai năm 2026 như sau:
@h I. MỤC TIÊU
- Đón khoảng 150.000 lượt khách du lịch cộng đồng trong năm 2026.
- Có ít nhất 5 điểm du lịch cộng đồng được công nhận.
- 100% điểm du lịch cộng đồng được giới thiệu trên Cổng thông tin du lịch của tỉnh.
@h II. NHIỆM VỤ CỤ THỂ
@n1 Rà soát, đánh giá hiện trạng các điểm du lịch cộng đồng trên địa bàn tỉnh
@p3 Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.
@p3 Cơ quan phối hợp: UBND các xã, phường có điểm du lịch.
@p3 Thời gian hoàn thành: Quý II/2026.
@n1 Xây dựng bộ tiêu chí công nhận điểm du lịch cộng đồng
@p3 Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.
@p3 Cơ quan phối hợp: Sở Nông nghiệp và Môi trường, Sở Công Thương.
@p3 Sản phẩm: Quyết định của UBND tỉnh ban hành bộ tiêu chí.
@p3 Thời gian hoàn thành: Trước ngày 30/6/2026.
@n1 Phát triển sản phẩm và quảng bá du lịch cộng đồng
- Tổ chức khảo sát, xây dựng ít nhất 3 tour du lịch cộng đồng gắn với sản phẩm OCOP của địa phương (cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch; thời gian: Quý III/2026).
- Giới thiệu các điểm du lịch cộng đồng trên Cổng thông tin du lịch và các nền tảng số. Cơ quan chủ trì: Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh; thời gian: thường xuyên.
@n1 Nhiệm vụ về nguồn nhân lực
Nhiệm vụ 1: Tổ chức đào tạo kỹ năng đón tiếp, phục vụ khách cho hộ gia đình làm du lịch cộng đồng.
Đơn vị chủ trì: UBND các xã có điểm du lịch cộng đồng; đơn vị phối hợp: Sở Văn hóa, Thể thao và Du lịch; thời gian: năm 2026.
Nhiệm vụ 2: Bồi dưỡng kiến thức về du lịch cho công chức văn hóa - xã hội cấp xã.
Đơn vị chủ trì: Sở Nội vụ; đơn vị phối hợp: Sở Văn hóa, Thể thao và Du lịch; thời gian: Quý IV/2026.
@h III. TỔ CHỨC THỰC HIỆN
@n1 Sở Văn hóa, Thể thao và Du lịch là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/12/2026.
@n1 Sở Tài chính chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch tham mưu UBND tỉnh bố trí kinh phí thực hiện Kế hoạch.
- Sản phẩm: Quyết định giao dự toán kinh phí.
- Thời gian hoàn thành: Tháng 4/2026.
@n1 Các cơ quan, đơn vị được giao nhiệm vụ báo cáo kết quả thực hiện về Sở Văn hóa, Thể thao và Du lịch trước ngày 30/11/2026 để tổng hợp.
@sign
< Nơi nhận:
< - Bộ Văn hóa, Thể thao và Du lịch (b/c);
< - TT Tỉnh ủy, TT HĐND tỉnh (b/c);
< - Chủ tịch, các PCT UBND tỉnh;
< - Các sở, ban, ngành;
< - UBND các xã, phường;
< - Lưu: VT, KGVX.
> TM. ỦY BAN NHÂN DÂN
> KT. CHỦ TỊCH
> PHÓ CHỦ TỊCH
>
>
>
> Nguyễn Hồng Lĩnh
@end
`,
};
export default doc;
