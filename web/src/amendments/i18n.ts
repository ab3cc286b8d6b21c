/** The words of the amendments' screens (issue 15): a document's flags to review, the history of its changed targets and tasks, the import review's changes. Vietnamese and English. */
import type { Language } from "../../../src/core/i18n";

const vi = {
  flagsTitle: "Cần rà soát do văn bản cấp trên thay đổi",
  flagsHint: "Văn bản mà văn bản này thực hiện đã được sửa đổi, thay thế hoặc bãi bỏ: rà soát lại chỉ tiêu, nhiệm vụ cho phù hợp rồi đánh dấu đã rà soát.",
  flaggedOn: (date: string) => `ngày ${date}`,
  resolve: "Đánh dấu đã rà soát",
  resolveLabel: (change: string) => `Đánh dấu đã rà soát thay đổi theo ${change}`,
  historyTitle: "Lịch sử sửa đổi chỉ tiêu, nhiệm vụ",
  historyHint: "Mỗi năm được đánh giá theo chỉ tiêu, thời hạn có hiệu lực vào năm đó.",
  indicators: "Chỉ tiêu",
  tasks: "Nhiệm vụ",
  from: (date: string | null) => (date ? `Từ ${date}` : "Ban đầu"),
  by: (symbol: string | null) => (symbol ? `theo ${symbol}` : "nhập tay"),
  noDeadline: "Không có thời hạn",
  repealed: "Bãi bỏ",
  target: "Chỉ tiêu",
  deadline: "Thời hạn",
  inForce: "đang áp dụng",
  // The import review.
  reviewTitle: (kind: string, symbol: string) => `${kind} ${symbol}`,
  reviewHint: "Văn bản này sửa đổi, thay thế hoặc bãi bỏ văn bản khác. Kiểm tra từng thay đổi áp dụng vào chỉ tiêu, nhiệm vụ nào của văn bản đó; khi ban hành, các thay đổi có hiệu lực từ ngày dưới đây, văn bản cấp dưới được gắn cờ rà soát và cơ quan ban hành được thông báo.",
  amendedMissing: "Chưa có văn bản này trong hệ thống: sẽ tạo văn bản theo số ký hiệu khi ban hành.",
  inForceFrom: "Có hiệu lực từ ngày",
  change: "Thay đổi",
  appliesTo: "Áp dụng vào",
  notApplied: "— Không áp dụng —",
  similarity: (n: number) => `giống ${Math.round(n * 100)}%`,
};
type Words = typeof vi;

const en: Words = {
  flagsTitle: "To review: a document above has changed",
  flagsHint: "A document this one implements was amended, replaced or repealed: review its targets and tasks, then mark the change reviewed.",
  flaggedOn: (date) => `on ${date}`,
  resolve: "Mark reviewed",
  resolveLabel: (change) => `Mark the change by ${change} reviewed`,
  historyTitle: "History of changed targets and tasks",
  historyHint: "Each year is judged against the target and deadline in force that year.",
  indicators: "Targets",
  tasks: "Tasks",
  from: (date) => (date ? `From ${date}` : "Original"),
  by: (symbol) => (symbol ? `by ${symbol}` : "entered by hand"),
  noDeadline: "No deadline",
  repealed: "Repealed",
  target: "Target",
  deadline: "Deadline",
  inForce: "in force",
  reviewTitle: (kind, symbol) => `${kind} ${symbol}`,
  reviewHint: "This document amends, replaces or repeals another. Check which target or task of that document each change applies to; on publishing, the changes take effect from the day below, the documents below are flagged for review and their issuers notified.",
  amendedMissing: "That document is not recorded yet: it will be created from its number on publishing.",
  inForceFrom: "In force from",
  change: "Change",
  appliesTo: "Applies to",
  notApplied: "— Not applied —",
  similarity: (n) => `${Math.round(n * 100)}% alike`,
};

export const amendmentWords = (lang: Language): Words => (lang === "en" ? en : vi);
