/**
 * The names of the genre: the departments every province has (before and after the 2025
 * restructuring) with the abbreviations documents use for them, and the provincial bodies that
 * are not departments. This is knowledge of Vietnamese administration, not of one province;
 * a province's own registry adds its names at extraction time.
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

/** Fields of central ministries that provinces have no department for ("Bộ Quốc phòng"). */
export const MINISTRY_ONLY_FIELDS = ["Quốc phòng", "Công an", "Ngoại giao", "Công Thương", "Dân tộc và Tôn giáo"];

/**
 * Provincial bodies other than departments, each with the spellings documents use. The first
 * spelling is the full name written in the output. "tỉnh" after them is part of the name.
 */
export const PROVINCIAL_BODIES: string[][] = [
  ["Bộ Chỉ huy Quân sự tỉnh", "Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự"],
  ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Bộ Chỉ huy BĐBP tỉnh", "BĐBP tỉnh", "Bộ đội Biên phòng tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng"],
  ["Công an tỉnh", "CA tỉnh"],
  ["Ban Dân tộc tỉnh", "Ban Dân tộc"],
  ["Thanh tra tỉnh"],
  ["Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "VP UBND tỉnh"],
  ["Văn phòng Tỉnh ủy"],
  ["Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh"],
  ["Cục Hải quan tỉnh", "Cục Hải quan"],
  ["Cục Thuế tỉnh", "Cục Thuế"],
  ["Cục Thống kê tỉnh", "Cục Thống kê"],
  ["Kho bạc Nhà nước tỉnh", "Kho bạc Nhà nước"],
  ["Ngân hàng Nhà nước chi nhánh tỉnh", "Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh", "Ngân hàng Nhà nước"],
  ["Bảo hiểm xã hội tỉnh", "BHXH tỉnh"],
  ["Đài Phát thanh và Truyền hình tỉnh", "Đài PT-TH tỉnh", "Đài PTTH tỉnh"],
  ["Tỉnh đoàn", "Tỉnh Đoàn"],
  ["Hội Nông dân tỉnh"],
  ["Hội Liên hiệp Phụ nữ tỉnh"],
  ["Hội Cựu chiến binh tỉnh"],
  ["Liên đoàn Lao động tỉnh"],
  ["Liên minh Hợp tác xã tỉnh"],
  ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban MTTQ tỉnh", "UBMTTQ Việt Nam tỉnh", "UBMTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"],
  ["Văn phòng Điều phối Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "Văn phòng Điều phối nông thôn mới", "Văn phòng Điều phối Chương trình MTQG xây dựng nông thôn mới"],
  ["UBND tỉnh", "Ủy ban nhân dân tỉnh"],
  ["HĐND tỉnh", "Hội đồng nhân dân tỉnh"],
  ["Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"],
];

/** Bodies of the central government: a "task" they lead is a request to the centre, not a task. */
export const CENTRAL_BODIES: string[][] = [
  ["Chính phủ"],
  ["Thủ tướng Chính phủ", "Thủ tướng"],
  ["Trung ương"],
  ["Quốc hội"],
  ["Văn phòng Chính phủ"],
  ["Ủy ban Dân tộc"],
  ["Ngân hàng Nhà nước Việt Nam"],
];

/** Heads of organisations that start the name of a body not listed above ("Trung tâm Xúc tiến Đầu tư"). */
export const ORGANISATION_HEADS = [
  "Ban Quản lý", "Ban Chỉ đạo", "Ban", "Cục", "Chi cục", "Trung tâm", "Đài", "Báo", "Trường", "Viện", "Hội", "Liên đoàn",
  "Tập đoàn", "Tổng công ty", "Công ty", "Văn phòng", "Ngân hàng", "Kho bạc", "Thanh tra", "Bệnh viện", "Ủy ban", "Đoàn",
];

/**
 * Nouns of collective phrases ("các sở, ban, ngành"), in two classes: a list changes phrase
 * where the class changes ("các sở, ngành, các huyện, thành phố" are two groups).
 */
export const SECTOR_NOUNS = [
  "sở", "ban", "ngành", "cơ quan", "đơn vị", "cấp", "đoàn thể", "tổ chức chính trị - xã hội", "tổ chức", "lực lượng",
  "hội", "doanh nghiệp", "chủ đầu tư", "cấp ủy", "chính quyền", "phòng", "ban quản lý dự án", "hợp tác xã", "trường",
  "cơ sở", "bộ", "địa phương",
];
export const TERRITORY_NOUNS = ["huyện", "thành phố", "thị xã", "quận", "xã", "phường", "thị trấn", "cấp huyện", "cấp xã", "cấp tỉnh"];

/** Words that may follow a collective phrase and belong to it ("các cơ quan có liên quan"). */
export const COLLECTIVE_QUALIFIERS = [
  "có liên quan", "liên quan", "chức năng", "biên giới", "cùng cấp", "trên địa bàn tỉnh", "trên địa bàn", "thuộc tỉnh",
  "trực thuộc", "vũ trang địa phương", "được giao sử dụng vốn", "được giao nhiệm vụ", "được giao", "cấp tỉnh", "cấp huyện",
  "cấp xã", "đoàn thể", "địa phương", "chính trị - xã hội", "tỉnh",
];
