/** The web app's words in Vietnamese (default) and English, and the language switch. */
import { createContext, useContext, useState, type ReactNode } from "react";
import type { Language } from "../../src/core/i18n";

const vi = {
  appName: "theodoi",
  tagline: "Theo dõi thực hiện văn bản chỉ đạo",
  navDocuments: "Văn bản",
  navAgencies: "Cơ quan, đơn vị",
  searchPlaceholder: "Tìm văn bản, nhiệm vụ, chỉ tiêu (gõ không dấu cũng được)",
  search: "Tìm",
  documentsTitle: "Văn bản",
  filterType: "Loại văn bản",
  filterIssuer: "Cơ quan ban hành",
  filterYear: "Năm ban hành",
  filterText: "Từ khoá",
  all: "Tất cả",
  hideStubs: "Ẩn văn bản chỉ biết qua trích dẫn",
  colSymbol: "Số, ký hiệu",
  colType: "Loại",
  colDate: "Ngày ban hành",
  colTitle: "Trích yếu",
  colIssuer: "Cơ quan ban hành",
  noSymbol: "(chưa có số)",
  stub: "chỉ biết qua trích dẫn",
  results: (n: number) => `${n.toLocaleString("vi-VN")} văn bản`,
  previous: "Trang trước",
  next: "Trang sau",
  page: (p: number, of: number) => `Trang ${p}/${of}`,
  loading: "Đang tải…",
  error: "Không tải được dữ liệu",
  retry: "Thử lại",
  empty: "Không có văn bản nào phù hợp",
  metaSymbol: "Số, ký hiệu",
  metaType: "Loại văn bản",
  metaIssuer: "Cơ quan ban hành",
  metaDate: "Ngày ban hành",
  metaSigner: "Người ký",
  metaStatus: "Trạng thái",
  metaSource: "Tệp nguồn",
  statusDraft: "Bản nháp",
  statusPublished: "Đã công bố",
  cascade: "Chuỗi văn bản thực hiện",
  cascadeHint: "Bấm vào một văn bản để đi tới văn bản đó",
  cascadeEmpty: "Văn bản này chưa liên kết với văn bản nào theo quan hệ thực hiện",
  links: "Liên kết",
  noLinks: "Chưa có liên kết",
  fullText: "Toàn văn",
  showText: "Hiện toàn văn",
  hideText: "Ẩn toàn văn",
  noText: "Chưa có toàn văn (văn bản chỉ biết qua trích dẫn)",
  back: "← Danh sách văn bản",
  agenciesTitle: "Cơ quan, đơn vị",
  aliases: "Tên gọi khác",
  validFrom: "từ",
  validTo: "đến",
  successors: "Kế thừa bởi",
  predecessors: "Kế thừa từ",
  since: (d: string) => `từ ${d}`,
  ended: "Đã thôi hoạt động",
  searchTitle: (q: string) => `Kết quả tìm “${q}”`,
  searchNone: "Không tìm thấy kết quả",
  kindDocument: "Văn bản",
  kindTask: "Nhiệm vụ",
  kindIndicator: "Chỉ tiêu",
  inDocument: "thuộc",
  language: "English",
  agencyKinds: {
    ppc: "UBND tỉnh", department: "Sở, ngành", board: "Ban", armed_force: "Lực lượng vũ trang", district: "Huyện, thành phố",
    commune: "Xã, phường", ministry: "Trung ương", party_body: "Cơ quan Đảng", council: "Cơ quan dân cử", other: "Khác",
  } as Record<string, string>,
  successionKinds: { rename: "đổi tên", merge: "hợp nhất", split: "chia tách", transfer: "chuyển giao" } as Record<string, string>,
};

type Dictionary = typeof vi;

const en: Dictionary = {
  appName: "theodoi",
  tagline: "Tracking how policy documents are carried out",
  navDocuments: "Documents",
  navAgencies: "Agencies",
  searchPlaceholder: "Search documents, tasks, indicators (accents optional)",
  search: "Search",
  documentsTitle: "Documents",
  filterType: "Type",
  filterIssuer: "Issuer",
  filterYear: "Year",
  filterText: "Keywords",
  all: "All",
  hideStubs: "Hide documents known only from citations",
  colSymbol: "Number",
  colType: "Type",
  colDate: "Issued",
  colTitle: "Title",
  colIssuer: "Issuer",
  noSymbol: "(no number yet)",
  stub: "known from citations",
  results: (n: number) => `${n.toLocaleString("en-GB")} documents`,
  previous: "Previous",
  next: "Next",
  page: (p: number, of: number) => `Page ${p} of ${of}`,
  loading: "Loading…",
  error: "Could not load the data",
  retry: "Retry",
  empty: "No matching documents",
  metaSymbol: "Number",
  metaType: "Type",
  metaIssuer: "Issuer",
  metaDate: "Issued",
  metaSigner: "Signed by",
  metaStatus: "Status",
  metaSource: "Source file",
  statusDraft: "Draft",
  statusPublished: "Published",
  cascade: "Implementation chain",
  cascadeHint: "Click a document to go to it",
  cascadeEmpty: "This document has no implementation links yet",
  links: "Links",
  noLinks: "No links yet",
  fullText: "Full text",
  showText: "Show full text",
  hideText: "Hide full text",
  noText: "No text (known only from citations)",
  back: "← All documents",
  agenciesTitle: "Agencies",
  aliases: "Also written",
  validFrom: "from",
  validTo: "to",
  successors: "Succeeded by",
  predecessors: "Succeeds",
  since: (d: string) => `from ${d}`,
  ended: "No longer exists",
  searchTitle: (q: string) => `Results for “${q}”`,
  searchNone: "Nothing found",
  kindDocument: "Document",
  kindTask: "Task",
  kindIndicator: "Indicator",
  inDocument: "in",
  language: "Tiếng Việt",
  agencyKinds: {
    ppc: "Provincial People's Committee", department: "Departments", board: "Boards", armed_force: "Armed forces and police", district: "Districts and city",
    commune: "Communes", ministry: "Central government", party_body: "Party bodies", council: "Elected bodies", other: "Other",
  },
  successionKinds: { rename: "renamed", merge: "merged", split: "split", transfer: "transferred" },
};

const dictionaries: Record<Language, Dictionary> = { vi, en };

interface LanguageState { lang: Language; t: Dictionary; setLang(lang: Language): void }
const LanguageContext = createContext<LanguageState | null>(null);

function initialLanguage(): Language {
  const stored = typeof localStorage !== "undefined" ? localStorage.getItem("theodoi_lang") : null;
  return stored === "en" ? "en" : "vi";
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const setLang = (next: Language) => {
    localStorage.setItem("theodoi_lang", next);
    // The API answers errors in the language of this cookie.
    document.cookie = `theodoi_lang=${next}; path=/; SameSite=Lax; max-age=31536000`;
    document.documentElement.lang = next;
    setLangState(next);
  };
  return <LanguageContext.Provider value={{ lang, t: dictionaries[lang], setLang }}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error("useLanguage outside LanguageProvider");
  return state;
}
