import type { CorpusDocument } from "../markup.js";

const doc: CorpusDocument = {
  name: "kh-ubnd-nhan-luc-gia-lai",
  what: "Plan 311/KH-UBND (11/2025) of the Gia Lai People's Committee (after the 2025 mergers: Sở Tài chính, Sở Nội vụ, UBND các xã, phường) on technical workforce training and vocational/continuing education 2026 - 2030; implements a Prime Minister's directive and a ministry plan in one opening clause; every heading numbered by Word (I., 1., a)); Word footnotes with figures; deadlines written many ways, with traps (a cited plan's horizon, 'chi thường xuyên', 'giáo dục thường xuyên').",
  basedOn: {
    title: "Kế hoạch 1347/KH-UBND năm 2016 của UBND tỉnh Hà Nam (opening 'Thực hiện Chỉ thị số ...; Kế hoạch số ...; ... Ủy ban nhân dân tỉnh xây dựng Kế hoạch ...')",
    url: "https://thuviennhadat.vn/vbpl/ke-hoach-1347-kh-ubnd-thuc-hien-10-ct-ttg-dua-phong-chong-tham-nhung-vao-giang-day-ha-nam-2016-316600.html",
  },
  header: {
    left: ["ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"],
    right: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
    number: "Số: 311/KH-UBND",
    date: "Gia Lai, ngày 24 tháng 11 năm 2025",
    txt: "rows",
  },
  levels: [
    { format: "upperRoman", text: "%1." },
    { format: "decimal", text: "%2." },
    { format: "lowerLetter", text: "%3)" },
  ],
  bullets: "word",
  body: `
@title KẾ HOẠCH
@subtitle Đào tạo nhân lực kỹ thuật, phát triển giáo dục nghề nghiệp và giáo dục thường xuyên tỉnh Gia Lai giai đoạn 2026 - 2030
Thực hiện Chỉ thị số 21/CT-TTg ngày 15/8/2025 của Thủ tướng Chính phủ về đẩy mạnh đào tạo nhân lực kỹ thuật, nhân lực chất lượng cao đáp ứng yêu cầu phát triển kinh tế - xã hội; Kế hoạch số 1520/KH-BGDĐT ngày 05/9/2025 của Bộ Giáo dục và Đào tạo triển khai Chỉ thị số 21/CT-TTg, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện trên địa bàn tỉnh như sau:
@n1 MỤC ĐÍCH, YÊU CẦU
- Cụ thể hóa các nhiệm vụ, giải pháp tại Chỉ thị số 21/CT-TTg phù hợp với điều kiện của tỉnh sau sắp xếp đơn vị hành chính; triển khai đồng bộ với Kế hoạch số 245/KH-UBND ngày 02/10/2025 của UBND tỉnh về phát triển nguồn nhân lực giai đoạn 2026 - 2030.
- Gắn đào tạo với nhu cầu của doanh nghiệp, thị trường lao động; phân công rõ trách nhiệm của các cơ quan, đơn vị, địa phương.
@n1 MỤC TIÊU
@n2 Mục tiêu chung
Phát triển mạng lưới cơ sở giáo dục nghề nghiệp, giáo dục thường xuyên hợp lý, hiệu quả; nâng cao chất lượng đào tạo nhân lực kỹ thuật đáp ứng yêu cầu phát triển các khu công nghiệp, khu kinh tế và chuyển dịch cơ cấu lao động của tỉnh.
@n2 Mục tiêu cụ thể
@n3 Đến năm 2030
- Tỷ lệ lao động qua đào tạo đạt 75%, trong đó có bằng cấp, chứng chỉ đạt 35%[^1].
- Tuyển sinh trình độ trung cấp, cao đẳng tăng bình quân 5%/năm.
- 100% trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên đạt chuẩn cơ sở vật chất theo quy định.
- Có ít nhất 02 trường cao đẳng đạt chuẩn chất lượng cao.
@fn 1 Năm 2024, tỷ lệ lao động qua đào tạo của tỉnh đạt 61,2%, trong đó có bằng cấp, chứng chỉ đạt 24,5%.
@n3 Năm 2026
- Tuyển sinh giáo dục nghề nghiệp đạt 45.000 người, trong đó trình độ cao đẳng, trung cấp khoảng 9.500 người[^2].
- Tỷ lệ người học có việc làm sau tốt nghiệp đạt trên 85%.
@fn 2 Năm 2025 ước tuyển sinh 41.250 người, đạt 103% kế hoạch.
@n1 NHIỆM VỤ, GIẢI PHÁP
@n2 Sở Giáo dục và Đào tạo
@p3 Chủ trì, phối hợp với Sở Nội vụ, Sở Tài chính tham mưu UBND tỉnh sắp xếp mạng lưới cơ sở giáo dục nghề nghiệp, trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên[^3] phù hợp với Quy hoạch tỉnh Gia Lai thời kỳ 2021 - 2030, tầm nhìn đến năm 2050; trình UBND tỉnh trong Quý III/2026.
@fn 3 Hiện toàn tỉnh có 34 cơ sở giáo dục nghề nghiệp, gồm 12 trường cao đẳng, 9 trường trung cấp và 13 trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên.
@p3 Xây dựng Đề án đào tạo nhân lực kỹ thuật phục vụ các khu công nghiệp, khu kinh tế của tỉnh, trình UBND tỉnh tháng 6/2026.
@p3 Chỉ đạo các cơ sở giáo dục nghề nghiệp đổi mới chương trình, tăng cường đào tạo theo đặt hàng của doanh nghiệp; thường xuyên kiểm tra chất lượng đào tạo.
@n2 Sở Tài chính
@p3 Chủ trì, phối hợp với Sở Giáo dục và Đào tạo bố trí kinh phí chi thường xuyên cho các cơ sở giáo dục nghề nghiệp công lập theo định mức phân bổ ngân sách.
@p3 Tham mưu đầu tư nâng cấp cơ sở vật chất, thiết bị đào tạo cho Trường Cao đẳng Gia Lai và Trường Cao đẳng Kỹ thuật Công nghệ Quy Nhơn, hoàn thành năm 2027.
@n2 Sở Nội vụ
Chủ trì, phối hợp với Sở Giáo dục và Đào tạo dự báo nhu cầu lao động, kết nối cung - cầu lao động; công bố thông tin thị trường lao động hằng quý.
@n2 Ban Quản lý Khu kinh tế tỉnh
Ban Quản lý Khu kinh tế tỉnh phối hợp cùng Sở Giáo dục và Đào tạo tổng hợp nhu cầu tuyển dụng lao động kỹ thuật của doanh nghiệp trong các khu công nghiệp, khu kinh tế trước ngày 30/6 hằng năm.
@n2 UBND các xã, phường
- Tuyên truyền, phân luồng học sinh sau trung học cơ sở; vận động thanh niên, lao động nông thôn học nghề.
- Phối hợp với các trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên tổ chức đào tạo nghề cho lao động nông thôn, người dân tộc thiểu số.
@n1 KINH PHÍ THỰC HIỆN
Kinh phí thực hiện Kế hoạch được bố trí từ nguồn chi thường xuyên của ngân sách nhà nước theo phân cấp hiện hành, nguồn xã hội hóa và các nguồn hợp pháp khác.
@n1 TỔ CHỨC THỰC HIỆN
@p2 Các sở, ban, ngành, UBND các xã, phường căn cứ nhiệm vụ được giao xây dựng kế hoạch cụ thể, tổ chức triển khai thực hiện; báo cáo kết quả thực hiện về Sở Giáo dục và Đào tạo trước ngày 15/12 hằng năm.
@p2 Sở Giáo dục và Đào tạo theo dõi, đôn đốc, tổng hợp kết quả thực hiện Kế hoạch, báo cáo UBND tỉnh, Bộ Giáo dục và Đào tạo trước ngày 25/12 hằng năm./.
@sign
< Nơi nhận:
< - Bộ Giáo dục và Đào tạo;
< - TT Tỉnh ủy, TT HĐND tỉnh;
< - Chủ tịch, các PCT UBND tỉnh;
< - Các sở, ban, ngành tỉnh;
< - UBND các xã, phường;
< - Lưu: VT, KGVX.
> TM. ỦY BAN NHÂN DÂN
> KT. CHỦ TỊCH
> PHÓ CHỦ TỊCH
>
>
>
> Lâm Hải Giang
@end
`,
};
export default doc;
