/**
 * The names of the genre: the departments every province has (before and after the 2025
 * restructuring) with the abbreviations documents use for them, the provincial bodies that are
 * not departments, and the central level (the ministries and the bodies of ministerial rank and of
 * the Government, before and after the mergers of 01/03/2025). This is knowledge of Vietnamese
 * administration, not of one province; a province's own registry adds its names at extraction time.
 * The central names here are the names of the central bodies in `samples/agencies.json`.
 */
export interface DepartmentName {
  /** The field of the department, as in "Sở <field>" and "Bộ <field>". */
  field: string;
  /** Abbreviations written after "Sở" ("Sở KH&ĐT"). */
  abbreviations: string[];
}

export const DEPARTMENT_FIELDS: DepartmentName[] = [
  { field: "Kế hoạch và Đầu tư", abbreviations: ["KH&ĐT", "KHĐT", "KH-ĐT"] },
  { field: "Tài chính", abbreviations: ["TC"] },
  { field: "Nội vụ", abbreviations: ["NV"] },
  { field: "Ngoại vụ", abbreviations: ["NgV"] },
  { field: "Tư pháp", abbreviations: ["TP"] },
  { field: "Công Thương", abbreviations: ["CT"] },
  { field: "Xây dựng", abbreviations: ["XD"] },
  { field: "Giao thông vận tải", abbreviations: ["GTVT", "GT-VT"] },
  { field: "Nông nghiệp và Phát triển nông thôn", abbreviations: ["NN&PTNT", "NNPTNT", "NN-PTNT"] },
  { field: "Nông nghiệp và Môi trường", abbreviations: ["NN&MT", "NNMT"] },
  { field: "Tài nguyên và Môi trường", abbreviations: ["TN&MT", "TNMT", "TN-MT"] },
  { field: "Thông tin và Truyền thông", abbreviations: ["TT&TT", "TTTT", "TT-TT"] },
  { field: "Khoa học và Công nghệ", abbreviations: ["KH&CN", "KHCN", "KH-CN"] },
  { field: "Lao động - Thương binh và Xã hội", abbreviations: ["LĐ-TB&XH", "LĐTB&XH", "LĐTBXH", "LĐ,TB&XH"] },
  { field: "Văn hóa, Thể thao và Du lịch", abbreviations: ["VH,TT&DL", "VHTT&DL", "VHTTDL", "VH-TT-DL"] },
  { field: "Văn hóa và Thể thao", abbreviations: ["VH&TT", "VHTT"] },
  { field: "Du lịch", abbreviations: ["DL"] },
  { field: "Giáo dục và Đào tạo", abbreviations: ["GD&ĐT", "GDĐT", "GD-ĐT"] },
  { field: "Y tế", abbreviations: ["YT"] },
  { field: "Dân tộc và Tôn giáo", abbreviations: ["DT&TG", "DTTG"] },
  { field: "Quy hoạch - Kiến trúc", abbreviations: ["QH-KT", "QHKT"] },
];

/**
 * The ministries, as "Bộ <field>" with the abbreviations written after "Bộ" ("Bộ KH&ĐT"): those until
 * 28/02/2025 and those from 01/03/2025, when the Government was restructured (Nghị quyết 176/2025/QH15):
 * Kế hoạch và Đầu tư merged into Tài chính, Giao thông vận tải into Xây dựng, Tài nguyên và Môi trường
 * with Nông nghiệp và Phát triển nông thôn into Nông nghiệp và Môi trường, Thông tin và Truyền thông into
 * Khoa học và Công nghệ, Lao động - Thương binh và Xã hội mostly into Nội vụ (social protection to Y tế,
 * vocational education to Giáo dục và Đào tạo), and Ủy ban Dân tộc became Bộ Dân tộc và Tôn giáo.
 * Documents name both: a plan of 2023 is read with the names of its time. Two-letter abbreviations
 * that also stand for other bodies ("Bộ CT", "BCT") are left out.
 */
export const MINISTRY_FIELDS: DepartmentName[] = [
  { field: "Quốc phòng", abbreviations: ["QP"] },
  { field: "Công an", abbreviations: ["CA"] },
  { field: "Ngoại giao", abbreviations: ["NG"] },
  { field: "Nội vụ", abbreviations: ["NV"] },
  { field: "Tư pháp", abbreviations: ["TP"] },
  { field: "Tài chính", abbreviations: ["TC"] },
  { field: "Công Thương", abbreviations: [] },
  { field: "Xây dựng", abbreviations: ["XD"] },
  { field: "Khoa học và Công nghệ", abbreviations: ["KH&CN", "KHCN", "KH-CN"] },
  { field: "Văn hóa, Thể thao và Du lịch", abbreviations: ["VH,TT&DL", "VHTT&DL", "VHTTDL", "VH-TT-DL"] },
  { field: "Giáo dục và Đào tạo", abbreviations: ["GD&ĐT", "GDĐT", "GD-ĐT"] },
  { field: "Y tế", abbreviations: ["YT"] },
  // From 01/03/2025.
  { field: "Nông nghiệp và Môi trường", abbreviations: ["NN&MT", "NNMT"] },
  { field: "Dân tộc và Tôn giáo", abbreviations: ["DT&TG", "DTTG"] },
  // Until 28/02/2025.
  { field: "Kế hoạch và Đầu tư", abbreviations: ["KH&ĐT", "KHĐT", "KH-ĐT"] },
  { field: "Giao thông vận tải", abbreviations: ["GTVT", "GT-VT"] },
  { field: "Tài nguyên và Môi trường", abbreviations: ["TN&MT", "TNMT", "TN-MT"] },
  { field: "Nông nghiệp và Phát triển nông thôn", abbreviations: ["NN&PTNT", "NNPTNT", "NN-PTNT"] },
  { field: "Thông tin và Truyền thông", abbreviations: ["TT&TT", "TTTT", "TT-TT"] },
  { field: "Lao động - Thương binh và Xã hội", abbreviations: ["LĐ-TB&XH", "LĐTB&XH", "LĐTBXH", "LĐ,TB&XH"] },
];

/**
 * Provincial bodies other than departments, each with the spellings documents use. The first
 * spelling is the full name written in the output. "tỉnh" after them is part of the name.
 */
export const PROVINCIAL_BODIES: string[][] = [
  ["Bộ Chỉ huy Quân sự tỉnh", "Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự"],
  ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Bộ Chỉ huy BĐBP tỉnh", "BĐBP tỉnh", "Bộ đội Biên phòng tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng"],
  // (The military commands of Hà Nội and Hồ Chí Minh City, where a province has its "Bộ Chỉ huy Quân sự".)
  ["Bộ Tư lệnh Thủ đô Hà Nội", "Bộ Tư lệnh Thủ đô"],
  ["Bộ Tư lệnh Thành phố Hồ Chí Minh", "Bộ Tư lệnh Thành phố", "Bộ Tư lệnh TP. Hồ Chí Minh", "Bộ Tư lệnh TP.HCM"],
  ["Công an tỉnh", "CA tỉnh"],
  ["Ban Dân tộc tỉnh", "Ban Dân tộc"],
  ["Thanh tra tỉnh"],
  ["Ban Quản lý các khu công nghiệp tỉnh", "Ban Quản lý các khu công nghiệp", "Ban Quản lý các KCN tỉnh", "Ban Quản lý các KCN", "BQL các KCN tỉnh", "BQL các KCN"],
  // (Not "Ban Quản lý Khu kinh tế" alone: "... Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn" is named whole by its words.)
  ["Ban Quản lý Khu kinh tế tỉnh", "Ban Quản lý KKT tỉnh", "BQL Khu kinh tế tỉnh", "BQL KKT tỉnh"],
  ["Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh"],
  ["Văn phòng Tỉnh ủy"],
  ["Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"],
  ["Cục Hải quan tỉnh", "Cục Hải quan"],
  ["Cục Thuế tỉnh", "Cục Thuế"],
  ["Cục Thống kê tỉnh", "Cục Thống kê"],
  ["Kho bạc Nhà nước tỉnh", "Kho bạc Nhà nước"],
  ["Ngân hàng Nhà nước chi nhánh tỉnh", "Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh", "Ngân hàng Nhà nước", "NHNN chi nhánh tỉnh", "NHNN tỉnh"],
  ["Bảo hiểm xã hội tỉnh", "BHXH tỉnh"],
  ["Đài Phát thanh và Truyền hình tỉnh", "Đài PT-TH tỉnh", "Đài PTTH tỉnh"],
  // (The province's newspaper and its radio and television merged in 2025.)
  // (Named by the province's name too, as the radio's was: "Báo và Phát thanh, Truyền hình Cần Thơ".)
  ["Báo và Phát thanh, Truyền hình tỉnh", "Báo và Phát thanh - Truyền hình tỉnh", "Báo và PT-TH tỉnh", "Báo và PTTH tỉnh", "Báo và Phát thanh, Truyền hình"],
  ["Cổng Thông tin điện tử tỉnh", "Cổng TTĐT tỉnh"],
  ["Tỉnh đoàn", "Tỉnh Đoàn"],
  ["Hội Nông dân tỉnh"],
  ["Hội Liên hiệp Phụ nữ tỉnh"],
  ["Hội Cựu chiến binh tỉnh"],
  ["Liên đoàn Lao động tỉnh"],
  ["Liên minh Hợp tác xã tỉnh"],
  ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban MTTQ tỉnh", "UBMTTQ Việt Nam tỉnh", "UBMTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"],
  ["Văn phòng Điều phối Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "Văn phòng Điều phối nông thôn mới", "Văn phòng Điều phối Chương trình MTQG xây dựng nông thôn mới"],
  // The commune's (from 01/07/2025) and, until then, the district's.
  ["Văn phòng HĐND và UBND xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"],
  ["Văn phòng HĐND và UBND phường", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường"],
  ["Văn phòng HĐND và UBND huyện", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"],
  ["Công an xã"],
  ["Công an phường"],
  ["Trạm Y tế xã"],
  ["Trạm Y tế phường"],
  ["Công an huyện"],
  ["Ban Chỉ huy Quân sự xã", "Ban CHQS xã"],
  ["Ban Chỉ huy Quân sự phường", "Ban CHQS phường"],
  ["Ban Chỉ huy Quân sự huyện", "Ban CHQS huyện"],
  ["UBND tỉnh", "Ủy ban nhân dân tỉnh"],
  ["HĐND tỉnh", "Hội đồng nhân dân tỉnh"],
  // The People's Council's own bodies, which a Council's resolution tasks with supervising it.
  ["Thường trực HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh"],
  ["các Ban của HĐND tỉnh", "các Ban của Hội đồng nhân dân tỉnh", "các Ban HĐND tỉnh", "các Ban Hội đồng nhân dân tỉnh"],
  ["các Tổ đại biểu và đại biểu HĐND tỉnh", "các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh", "các Tổ đại biểu HĐND tỉnh", "các Tổ đại biểu Hội đồng nhân dân tỉnh"],
  ["Ban Kinh tế - Ngân sách HĐND tỉnh", "Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh"],
  ["Ban Pháp chế HĐND tỉnh", "Ban Pháp chế Hội đồng nhân dân tỉnh"],
  ["Ban Văn hóa - Xã hội HĐND tỉnh", "Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh"],
  ["Ban Dân tộc HĐND tỉnh", "Ban Dân tộc Hội đồng nhân dân tỉnh"],
  ["Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"],
  // The Party's bodies in the province: its committee's standing body and boards, its delegations in the
  // People's Council and the Front, the Party board of the People's Committee (until 2025) and the Party
  // committees that took over from them in 2025. A Party document assigns its work to them.
  ["Thường trực Tỉnh ủy"],
  ["Ban cán sự đảng UBND tỉnh", "Ban cán sự đảng Ủy ban nhân dân tỉnh", "BCS đảng UBND tỉnh"],
  ["Đảng đoàn HĐND tỉnh", "Đảng đoàn Hội đồng nhân dân tỉnh"],
  ["Đảng đoàn Ủy ban MTTQ Việt Nam tỉnh", "Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Đảng đoàn Ủy ban MTTQ tỉnh", "Đảng đoàn MTTQ tỉnh"],
  ["Đảng ủy UBND tỉnh", "Đảng ủy Ủy ban nhân dân tỉnh"],
  ["Đảng ủy các cơ quan Đảng tỉnh"],
  ["Đảng ủy Khối các cơ quan tỉnh"],
  ["Đảng ủy Khối Doanh nghiệp tỉnh"],
  ["Đảng ủy Quân sự tỉnh"],
  ["Đảng ủy Công an tỉnh"],
  ["Đảng ủy Bộ đội Biên phòng tỉnh"],
  ["Ủy ban Kiểm tra Tỉnh ủy", "UBKT Tỉnh ủy"],
  // The commune's Party committee (from 2025, the level below the province).
  ["Đảng ủy xã"],
  ["Đảng ủy phường"],
  ["Ban Tổ chức Tỉnh ủy"],
  ["Ban Tuyên giáo và Dân vận Tỉnh ủy"],
  ["Ban Tuyên giáo Tỉnh ủy"],
  ["Ban Dân vận Tỉnh ủy"],
  ["Ban Nội chính Tỉnh ủy"],
];

/**
 * Bodies of the central level other than the ministries, each with the spellings documents use (the
 * first is the full name written in the output): the ministerial-level bodies (Văn phòng Chính phủ,
 * Thanh tra Chính phủ, Ngân hàng Nhà nước Việt Nam; Ủy ban Dân tộc until 28/02/2025), the bodies of
 * the Government, and the State's other central bodies. In a province's document a "task" they lead
 * is a request to the centre, not a task. "Ngân hàng Nhà nước" alone is the province's branch (above).
 */
export const CENTRAL_BODIES: string[][] = [
  ["Chính phủ"],
  ["Thủ tướng Chính phủ", "Thủ tướng"],
  ["Trung ương"],
  ["Quốc hội"],
  ["Ủy ban Thường vụ Quốc hội", "UBTVQH"],
  ["Văn phòng Quốc hội"],
  ["Văn phòng Chủ tịch nước"],
  ["Văn phòng Chính phủ", "VPCP"],
  ["Thanh tra Chính phủ", "TTCP"],
  ["Ngân hàng Nhà nước Việt Nam", "NHNN Việt Nam", "NHNN"],
  ["Ủy ban Dân tộc", "UBDT"],
  ["Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "Viện Hàn lâm KH&CN Việt Nam", "Viện Hàn lâm KHCN Việt Nam", "Viện Hàn lâm KHCNVN"],
  ["Viện Hàn lâm Khoa học xã hội Việt Nam", "Viện Hàn lâm KHXH Việt Nam", "Viện Hàn lâm KHXHVN"],
  ["Đài Truyền hình Việt Nam", "Đài THVN", "VTV"],
  ["Đài Tiếng nói Việt Nam", "Đài TNVN", "VOV"],
  ["Thông tấn xã Việt Nam", "TTXVN"],
  ["Bảo hiểm xã hội Việt Nam", "BHXH Việt Nam", "BHXHVN"],
  ["Đại học Quốc gia Hà Nội", "ĐHQG Hà Nội", "ĐHQGHN"],
  [
    "Đại học Quốc gia Thành phố Hồ Chí Minh", "Đại học Quốc gia TP. Hồ Chí Minh", "Đại học Quốc gia TP.HCM", "Đại học Quốc gia TP. HCM",
    "ĐHQG Thành phố Hồ Chí Minh", "ĐHQG TP. Hồ Chí Minh", "ĐHQG TP.HCM", "ĐHQG-HCM",
  ],
  ["Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "Ủy ban Quản lý vốn nhà nước"],
  ["Ban Quản lý Lăng Chủ tịch Hồ Chí Minh"],
  ["Kiểm toán nhà nước", "KTNN"],
  ["Tòa án nhân dân tối cao", "TANDTC"],
  ["Viện kiểm sát nhân dân tối cao", "VKSNDTC"],
];

/** Heads of organisations that start the name of a body not listed above ("Trung tâm Xúc tiến Đầu tư"). */
export const ORGANISATION_HEADS = [
  "Ban Quản lý dự án", "Ban QLDA", "Ban Quản lý", "Ban Chỉ đạo", "Ban", "Cục", "Chi cục", "Trung tâm", "Đài", "Báo", "Trường", "Viện", "Hội", "Liên đoàn",
  "Tập đoàn", "Tổng công ty", "Công ty", "Văn phòng", "Ngân hàng", "Kho bạc", "Thanh tra", "Bệnh viện", "Ủy ban", "Đoàn",
  "Tổng cục", "Vụ", "Học viện", "Đại học", "Quỹ", "Phòng", "Hiệp hội", "Liên minh", "Chi nhánh",
];

/**
 * Nouns of collective phrases ("các sở, ban, ngành"), in two classes: a list changes phrase
 * where the class changes ("các sở, ngành, các huyện, thành phố" are two groups).
 */
export const SECTOR_NOUNS = [
  "sở", "ban", "ngành", "cơ quan ngang bộ", "cơ quan thuộc Chính phủ", "cơ quan", "đơn vị", "cấp", "đoàn thể", "tổ chức chính trị - xã hội", "tổ chức", "lực lượng",
  "hội", "doanh nghiệp", "chủ đầu tư", "cấp ủy", "chính quyền", "phòng", "ban quản lý dự án", "hợp tác xã", "trường",
  "cơ sở", "bộ ngành", "bộ phận", "bộ", "địa phương", "bệnh viện", "trạm y tế",
  // The Party's: "các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc", "các cấp ủy, tổ chức đảng", "các đảng đoàn, ban cán sự đảng".
  "huyện ủy", "thị ủy", "thành ủy", "quận ủy", "đảng ủy", "đảng bộ", "chi bộ", "tổ chức đảng", "tổ chức cơ sở đảng",
  "đảng đoàn", "ban cán sự đảng", "ban đảng",
];
/** "tỉnh" only after "các" ("UBND các tỉnh, thành phố trực thuộc Trung ương"): "UBND tỉnh" is one body. */
export const TERRITORY_NOUNS = ["tỉnh", "huyện", "thành phố", "thị xã", "quận", "xã", "phường", "thị trấn", "cấp huyện", "cấp xã", "cấp tỉnh", "thôn", "tổ dân phố", "khu phố", "đặc khu"];

/** Words that may follow a collective phrase and belong to it ("các cơ quan có liên quan"). */
export const COLLECTIVE_QUALIFIERS = [
  "có liên quan", "liên quan", "chức năng", "biên giới", "cùng cấp", "trên địa bàn tỉnh", "trên địa bàn", "thuộc tỉnh",
  "trực thuộc", "vũ trang địa phương", "được giao sử dụng vốn", "được giao nhiệm vụ", "được giao", "cấp tỉnh", "cấp huyện",
  "cấp xã", "đoàn thể", "địa phương", "chính trị - xã hội", "tỉnh", "Trung ương", "TW",
  // The Party committee they belong to: "các ban đảng Tỉnh ủy", "các cơ quan, đơn vị Huyện ủy".
  "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Thị ủy",
];
