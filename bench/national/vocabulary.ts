/**
 * The words of the national dataset: who the agencies are, what documents are about, what tasks ask for.
 * Real names (the 34 provinces and cities after the 2025 merger, the ministries), so that search and the
 * reports meet the text they will meet in use. Each list is picked from in SQL by index (see load.ts).
 */

/** Ministries and central bodies, with the issuer code their documents' symbols carry ("…/CTr-BTC"). */
export const MINISTRIES: [name: string, code: string][] = [
  ["Bộ Tài chính", "BTC"], ["Bộ Xây dựng", "BXD"], ["Bộ Nông nghiệp và Môi trường", "BNNMT"], ["Bộ Công Thương", "BCT"],
  ["Bộ Giáo dục và Đào tạo", "BGDDT"], ["Bộ Y tế", "BYT"], ["Bộ Khoa học và Công nghệ", "BKHCN"], ["Bộ Nội vụ", "BNV"],
  ["Bộ Tư pháp", "BTP"], ["Bộ Công an", "BCA"], ["Bộ Quốc phòng", "BQP"], ["Bộ Ngoại giao", "BNG"],
  ["Bộ Văn hóa, Thể thao và Du lịch", "BVHTTDL"], ["Bộ Dân tộc và Tôn giáo", "BDTTG"], ["Thanh tra Chính phủ", "TTCP"],
  ["Ngân hàng Nhà nước Việt Nam", "NHNN"], ["Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "UBQLV"], ["Bảo hiểm xã hội Việt Nam", "BHXH"],
  ["Thông tấn xã Việt Nam", "TTXVN"], ["Đài Truyền hình Việt Nam", "DTHVN"], ["Đài Tiếng nói Việt Nam", "DTNVN"],
  ["Viện Hàn lâm Khoa học xã hội Việt Nam", "VHLKHXH"], ["Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "VHLKHCN"],
  ["Đại học Quốc gia Hà Nội", "DHQGHN"], ["Đại học Quốc gia Thành phố Hồ Chí Minh", "DHQGHCM"], ["Tổng cục Thống kê", "TCTK"],
  ["Kiểm toán Nhà nước", "KTNN"], ["Ủy ban Dân tộc", "UBDT"], ["Văn phòng Quốc hội", "VPQH"], ["Tòa án nhân dân tối cao", "TANDTC"],
];

/** The 34 provinces and centrally-run cities from 1 July 2025, as their people's committees name them. */
export const PROVINCES: string[] = [
  "thành phố Hà Nội", "thành phố Huế", "tỉnh Lai Châu", "tỉnh Điện Biên", "tỉnh Sơn La", "tỉnh Lạng Sơn", "tỉnh Quảng Ninh",
  "tỉnh Thanh Hóa", "tỉnh Nghệ An", "tỉnh Hà Tĩnh", "tỉnh Cao Bằng", "tỉnh Tuyên Quang", "tỉnh Lào Cai", "tỉnh Thái Nguyên",
  "tỉnh Phú Thọ", "tỉnh Bắc Ninh", "tỉnh Hưng Yên", "thành phố Hải Phòng", "tỉnh Ninh Bình", "tỉnh Quảng Trị",
  "thành phố Đà Nẵng", "tỉnh Quảng Ngãi", "tỉnh Gia Lai", "tỉnh Khánh Hòa", "tỉnh Lâm Đồng", "tỉnh Đắk Lắk",
  "Thành phố Hồ Chí Minh", "tỉnh Đồng Nai", "tỉnh Tây Ninh", "thành phố Cần Thơ", "tỉnh Vĩnh Long", "tỉnh Đồng Tháp",
  "tỉnh Cà Mau", "tỉnh An Giang",
];

/**
 * A province's departments, the first being the office that runs its reporting rounds; the issuer code of
 * their plans ("…/KH-STC") and the code part of the agency's code. After them come the communes.
 */
export const DEPARTMENTS: [name: string, symbolCode: string, code: string][] = [
  ["Văn phòng Ủy ban nhân dân", "VP", "vp-ubnd"], ["Sở Tài chính", "STC", "so-tai-chinh"], ["Sở Xây dựng", "SXD", "so-xay-dung"],
  ["Sở Nông nghiệp và Môi trường", "SNNMT", "so-nn-mt"], ["Sở Công Thương", "SCT", "so-cong-thuong"],
  ["Sở Giáo dục và Đào tạo", "SGDDT", "so-gd-dt"], ["Sở Y tế", "SYT", "so-y-te"], ["Sở Khoa học và Công nghệ", "SKHCN", "so-kh-cn"],
  ["Sở Nội vụ", "SNV", "so-noi-vu"], ["Sở Tư pháp", "STP", "so-tu-phap"], ["Sở Văn hóa, Thể thao và Du lịch", "SVHTTDL", "so-vh-tt-dl"],
  ["Sở Dân tộc và Tôn giáo", "SDTTG", "so-dt-tg"], ["Thanh tra", "TTr", "thanh-tra"], ["Công an", "CA", "cong-an"],
  ["Bộ Chỉ huy Quân sự", "BCHQS", "bchqs"], ["Ban Quản lý Khu kinh tế", "BQLKKT", "bql-kkt"], ["Sở Ngoại vụ", "SNgV", "so-ngoai-vu"],
];

/** Commune names (the same names recur across provinces, as they do). */
export const COMMUNES: string[] = [
  "Tân Lập", "Hòa Bình", "Quang Trung", "Tân Tiến", "Đồng Tâm", "Thống Nhất", "Hồng Phong", "Minh Khai", "Tân Thành", "Phú Lộc",
  "Yên Bình", "Đại Đồng", "Hưng Đạo", "Lê Lợi", "Trung Sơn", "Bình Minh", "Kim Sơn", "Thanh Sơn", "An Phú", "Vĩnh Hưng",
];

/** What documents are about: the subject of a resolution, carried down its chain. The first is in nearly every text. */
export const SUBJECTS: string[] = [
  "phát triển kinh tế - xã hội", "chuyển đổi số quốc gia", "xây dựng kết cấu hạ tầng đồng bộ", "phát triển du lịch bền vững",
  "nâng cao tỷ lệ che phủ rừng", "xây dựng nông thôn mới", "cải cách hành chính", "phát triển kinh tế cửa khẩu",
  "giảm nghèo đa chiều bền vững", "phát triển giáo dục và đào tạo", "chăm sóc sức khỏe nhân dân", "bảo vệ môi trường và ứng phó biến đổi khí hậu",
  "phát triển đô thị thông minh", "thu hút đầu tư nước ngoài", "phát triển khoa học, công nghệ và đổi mới sáng tạo", "bảo đảm an sinh xã hội",
  "phát triển năng lượng tái tạo", "quản lý đất đai và tài nguyên", "phòng, chống tham nhũng, lãng phí", "phát triển văn hóa và con người Việt Nam",
];

export const TASK_VERBS: string[] = [
  "Chủ trì, phối hợp với các cơ quan liên quan xây dựng", "Tham mưu Ủy ban nhân dân ban hành", "Tổ chức triển khai thực hiện",
  "Rà soát, đánh giá và đề xuất sửa đổi", "Hướng dẫn, kiểm tra, đôn đốc việc thực hiện", "Nghiên cứu, xây dựng và trình cấp có thẩm quyền phê duyệt",
  "Tổng kết, đánh giá kết quả thực hiện", "Đẩy mạnh tuyên truyền, phổ biến", "Bố trí nguồn lực để thực hiện", "Hoàn thiện thể chế, chính sách về",
];
export const OUTPUTS: string[] = ["kế hoạch", "đề án", "báo cáo", "chương trình", "quy hoạch", "cơ chế, chính sách", "quy định", "dự án"];
/** Most tasks end with it: a phrase in nearly every task, the worst case for search. */
export const COMMON_CLAUSE = "góp phần phát triển kinh tế - xã hội";

/** Indicators, with their unit and whether lower is better. */
export const INDICATORS: [name: string, unit: string, lower: boolean][] = [
  ["Tỷ lệ che phủ rừng", "%", false], ["Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP)", "%", false], ["Tỷ lệ hộ nghèo", "%", true],
  ["Tỷ lệ xã đạt chuẩn nông thôn mới", "%", false], ["Tỷ lệ đô thị hóa", "%", false], ["Tỷ lệ dân số tham gia bảo hiểm y tế", "%", false],
  ["Tỷ lệ lao động qua đào tạo", "%", false], ["Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến", "%", false],
  ["Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý", "%", false], ["Tỷ trọng kinh tế số trong GRDP", "%", false],
  ["Tỷ lệ trường đạt chuẩn quốc gia", "%", false], ["Tỷ lệ tử vong trẻ em dưới 1 tuổi", "‰", true], ["Tỷ lệ thất nghiệp khu vực thành thị", "%", true],
  ["Tỷ lệ dân số nông thôn được sử dụng nước sạch", "%", false], ["Tỷ lệ giải ngân vốn đầu tư công", "%", false],
  ["Số bác sĩ trên vạn dân", "bác sĩ", false], ["Tỷ lệ cụm công nghiệp có hệ thống xử lý nước thải tập trung", "%", false],
];

export const NARRATIVES: string[] = [
  "Đã hoàn thành dự thảo, đang lấy ý kiến các sở, ngành liên quan.", "Đang triển khai theo kế hoạch, bảo đảm tiến độ đề ra.",
  "Chậm tiến độ do vướng mắc về mặt bằng và nguồn vốn.", "Đã trình Ủy ban nhân dân xem xét, ban hành.",
  "Đã tổ chức hội nghị triển khai và giao chỉ tiêu cho các đơn vị.", "Đang phối hợp rà soát, tổng hợp số liệu để báo cáo.",
  "Hoàn thành đúng thời hạn, kết quả được đánh giá cao.", "Chưa triển khai do chưa được bố trí kinh phí.",
];
export const RESULTS: string[] = [
  "Các nhiệm vụ trọng tâm cơ bản hoàn thành đúng tiến độ; các chỉ tiêu chủ yếu đạt và vượt kế hoạch.",
  "Công tác chỉ đạo, điều hành được thực hiện quyết liệt; một số nhiệm vụ còn chậm so với yêu cầu.",
  "Đã ban hành đầy đủ các văn bản hướng dẫn; kết quả giải ngân vốn đầu tư công còn thấp.",
];
export const DIFFICULTIES: string[] = [
  "Nguồn lực đầu tư còn hạn chế; thủ tục đất đai kéo dài.", "Phối hợp giữa các cơ quan chưa chặt chẽ.", "Biến động giá vật liệu xây dựng ảnh hưởng tiến độ.",
];
export const PROPOSALS: string[] = [
  "Đề nghị bố trí bổ sung vốn ngân sách trung ương.", "Đề nghị sửa đổi quy định về thủ tục đầu tư.", "Đề nghị tăng cường kiểm tra, đôn đốc.",
];
