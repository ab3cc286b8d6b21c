/** Names of document types and link kinds, in both languages; shared by the server and the web app. */
import type { Language } from "../core/i18n.js";
import type { DOCUMENT_TYPES, LINK_KINDS } from "./schema.js";

export const DOCUMENT_TYPE_LABELS: Record<(typeof DOCUMENT_TYPES)[number], Record<Language, string>> = {
  resolution: { vi: "Nghị quyết", en: "Resolution" },
  conclusion: { vi: "Kết luận", en: "Conclusion" },
  decision: { vi: "Quyết định", en: "Decision" },
  programme: { vi: "Chương trình", en: "Programme" },
  plan: { vi: "Kế hoạch", en: "Plan" },
  directive: { vi: "Chỉ thị", en: "Directive" },
  notice: { vi: "Thông báo", en: "Notice" },
  report: { vi: "Báo cáo", en: "Report" },
  submission: { vi: "Tờ trình", en: "Submission" },
  guidance: { vi: "Hướng dẫn", en: "Guidance" },
  decree: { vi: "Nghị định", en: "Decree" },
  circular: { vi: "Thông tư", en: "Circular" },
  regulation: { vi: "Quy chế", en: "Regulation" },
  scheme: { vi: "Đề án", en: "Scheme" },
  letter: { vi: "Công văn", en: "Official letter" },
  joint_circular: { vi: "Thông tư liên tịch", en: "Joint circular" },
  rule: { vi: "Quy định", en: "Rule" },
  law: { vi: "Luật", en: "Law" },
  other: { vi: "Văn bản khác", en: "Other" },
};

export const LINK_KIND_LABELS: Record<(typeof LINK_KINDS)[number], { out: Record<Language, string>; in: Record<Language, string> }> = {
  implements: { out: { vi: "Thực hiện", en: "Implements" }, in: { vi: "Được thực hiện bởi", en: "Implemented by" } },
  cites: { out: { vi: "Dẫn chiếu", en: "Cites" }, in: { vi: "Được dẫn chiếu bởi", en: "Cited by" } },
  amends: { out: { vi: "Sửa đổi", en: "Amends" }, in: { vi: "Bị sửa đổi bởi", en: "Amended by" } },
  replaces: { out: { vi: "Thay thế", en: "Replaces" }, in: { vi: "Bị thay thế bởi", en: "Replaced by" } },
  repeals: { out: { vi: "Bãi bỏ", en: "Repeals" }, in: { vi: "Bị bãi bỏ bởi", en: "Repealed by" } },
};
