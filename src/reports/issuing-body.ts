/**
 * Who issues a report and how it is headed and signed, in the issuer's own form: a state body by
 * Decree 30/2020 (the People's Committee, a department), a Party committee by the Party's rules
 * (Hướng dẫn 36-HD/VPTW: "TỈNH ỦY LẠNG SƠN" over "*", "Số …-BC/TU", "T/M BAN THƯỜNG VỤ"). Which
 * form a scope takes follows its issuer (a Party body's document is reported on by the Party
 * committee), unless the focal point chose one.
 */
import { parseDocumentSymbol } from "../text/symbols.js";
import { provinceTier } from "./official-document.js";

/** The two forms a report takes: Decree 30's for state bodies, the Party's for Party committees. */
export const REPORT_TEMPLATES = ["state", "party"] as const;
export type ReportTemplate = (typeof REPORT_TEMPLATES)[number];

/**
 * The body that issues the report, as Decree 30 names it in each place: the plan's issuer (the
 * report is its report on its plan), else the People's Committee of the installation's province,
 * else a placeholder in brackets the officer sees and fills in.
 */
export interface IssuingBody {
  /** In running text: "Ủy ban nhân dân tỉnh Lạng Sơn". */
  name: string;
  /** In a subject or a citation: "UBND tỉnh Lạng Sơn". */
  short: string;
  /** The header's upper line, for a body under another ("UBND tỉnh Lạng Sơn" above "Sở Xây dựng"). */
  superior: string | null;
  /** The header's issuer lines: "Ủy ban nhân dân\ntỉnh Lạng Sơn". */
  header: string;
  /** After "Số:      /": "BC-UBND". */
  symbolSuffix: string;
  /** The signature's authority lines: "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH". */
  authority: string[];
  /** Nơi nhận: a report has no "Kính gửi", so these are its real recipients (never "Như trên"). */
  recipients: string[];
  /** Where the name came from. */
  source: "plan" | "province" | "placeholder";
  /** The form: the writer heads and signs by it. */
  template: ReportTemplate;
}

const PLACEHOLDER = "[tên cơ quan ban hành]";
/** How a body's name starts: what an issuer's text must open with to be taken as a name. */
const BODY_HEAD = /^(?:Ủy ban|Uỷ ban|UBND|Hội đồng|HĐND|Sở|Ban|Bộ|Văn phòng|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Đảng ủy|Thủ tướng|Chính phủ|Quốc hội|Công an|Thanh tra|Cục|Chi cục|Trung tâm)(?=\s|$)/u;

/**
 * The issuer as a document's text names it, tidied: "của Ban Thường vụ Tỉnh ủy" → "Ban Thường vụ
 * Tỉnh ủy", "UBND tỉnh Lạng Sơn" → "Ủy ban nhân dân tỉnh Lạng Sơn"; null for text that names no
 * body (an extraction's stray line, "Ii- kết quả đạt được").
 */
export function issuerFromText(text: string | null): string | null {
  const first = (text ?? "").split("\n")[0].replace(/^\s*của\s+/iu, "").replace(/[\s.,;:]+$/u, "").trim();
  if (!first || first.length > 120 || !BODY_HEAD.test(first)) return null;
  return first.replace(/^UBND\b/u, "Ủy ban nhân dân").replace(/^HĐND\b/u, "Hội đồng nhân dân").replace(/^Uỷ/u, "Ủy").replace(/uỷ(?!\p{L})/gu, "ủy");
}

/** Initials for a symbol: "Sở Nông nghiệp và Môi trường" → "SNNMT" (diacritics off, "Đ" kept). */
const initials = (name: string) => name.split(/\s+/).filter((w) => w && w.toLowerCase() !== "và")
  .map((w) => w[0].toUpperCase().normalize("NFD").replace(/\p{M}/gu, "")).join("");

/** Party committee of a level, as Nơi nhận names it: "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Đảng ủy xã". */
const partyOf = (level: string) => (level === "tỉnh" ? "Tỉnh ủy" : level === "thành phố" ? "Thành ủy" : level === "huyện" ? "Huyện ủy" : `Đảng ủy ${level}`);

/**
 * The report's issuing body from the plan's issuer (a registry agency with its kind, or the text's
 * name) and the installation's province; see IssuingBody.
 */
export function issuingBody(agency: { name: string; kind: string } | null, issuerText: string | null, province: string | null): IssuingBody {
  const tier = province ? provinceTier(province) : "tỉnh";
  let name = agency?.name ?? issuerFromText(issuerText);
  let source: IssuingBody["source"] = "plan";
  // A committee named without its place ("Ủy ban nhân dân tỉnh") is the installation's province's.
  if (name && province && /^(?:Ủy ban nhân dân|Hội đồng nhân dân) (?:tỉnh|thành phố)$/u.test(name)) name = `${name} ${province}`;
  if (!name && province) { name = `Ủy ban nhân dân ${tier} ${province}`; source = "province"; }
  if (!name) {
    return { name: PLACEHOLDER, short: PLACEHOLDER, superior: null, header: PLACEHOLDER, symbolSuffix: "BC-…", authority: ["[CHỨC VỤ NGƯỜI KÝ]"],
      recipients: ["[Cơ quan nhận báo cáo] (b/c);", "Lưu: VT."], source: "placeholder", template: "state" };
  }
  const short = name.replace(/^Ủy ban nhân dân\b/u, "UBND").replace(/^Hội đồng nhân dân\b/u, "HĐND");
  const committee = /^Ủy ban nhân dân\s+(.+)$/u.exec(name);
  if (committee && (agency === null || ["ppc", "district", "commune"].includes(agency.kind))) {
    // Decree 30's form: "ỦY BAN NHÂN DÂN" over "TỈNH LẠNG SƠN".
    const level = /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\b/u.exec(committee[1])?.[1] ?? tier;
    const provincial = level === "tỉnh" || level === "thành phố";
    return {
      name, short, superior: null, header: `Ủy ban nhân dân\n${committee[1]}`, symbolSuffix: "BC-UBND",
      authority: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
      recipients: [`Thường trực ${partyOf(level)} (b/c);`, `Thường trực HĐND ${level} (b/c);`, `Chủ tịch, các PCT UBND ${level};`,
        provincial ? "Các sở, ban, ngành;" : "Các cơ quan, đơn vị liên quan;", "Lưu: VT, KT."],
      source, template: "state",
    };
  }
  const kind = agency?.kind ?? (/^Sở\s/u.test(name) ? "department" : /^Ban\s/u.test(name) ? "board" : "other");
  const superior = province && (kind === "department" || kind === "board") ? `UBND ${tier} ${province}` : null;
  return {
    name, short, superior, header: name, symbolSuffix: `BC-${initials(name)}`,
    authority: [kind === "department" ? "GIÁM ĐỐC" : kind === "board" ? "TRƯỞNG BAN" : "[CHỨC VỤ NGƯỜI KÝ]"],
    recipients: [superior ? `UBND ${tier} (b/c);` : "[Cơ quan cấp trên] (b/c);", "Lưu: VT."],
    source, template: "state",
  };
}


/** A Party body by its name: the Politburo, the Secretariat, the Central Committee and its commissions, a Party committee of any level. */
const PARTY_BODY = /(?:Đảng|Bộ Chính trị|Ban Bí thư|Tỉnh ủy|Thành ủy|Huyện ủy|Quận ủy|Thị ủy|Ban Thường vụ|Ban Kinh tế Trung ương|Ban Tuyên giáo|Ban Tổ chức Trung ương)/u;
/** A body above the province: the Government and its members, the National Assembly, the Party's central bodies. */
const CENTRAL_BODY = /^(?:Chính phủ|Thủ tướng|Quốc hội|Ủy ban Thường vụ Quốc hội|Bộ\s|Văn phòng Chính phủ|Thanh tra Chính phủ|Ngân hàng Nhà nước|Ủy ban Dân tộc)|Trung ương/u;

/** The scope document and its issuer, as the report reads them. */
export interface ScopeIssuer { symbol: string | null; agency: { name: string; kind: string } | null; issuerText: string | null }

const issuerName = (s: ScopeIssuer) => s.agency?.name ?? issuerFromText(s.issuerText);

/** Whether a document is the Party's: its symbol in the Party's form ("11-NQ/TW"), or its issuer a Party body. */
export function isPartyDocument(s: ScopeIssuer): boolean {
  if (s.symbol && parseDocumentSymbol(s.symbol)?.partyStyle) return true;
  if (s.agency?.kind === "party_body") return true;
  const name = issuerName(s);
  return name !== null && PARTY_BODY.test(name.replace(/uỷ/gu, "ủy"));
}

/** The form a scope's report takes when the focal point chose none: the Party's for a Party document, else Decree 30's. */
export const defaultTemplate = (s: ScopeIssuer): ReportTemplate => (isPartyDocument(s) ? "party" : "state");

/**
 * The province's Party committee as it reports: its Standing Committee signs on its behalf
 * ("T/M BAN THƯỜNG VỤ"), headed "TỈNH ỦY LẠNG SƠN" (Hướng dẫn 36-HD/VPTW), numbered "-BC/TU", filed
 * by the committee's office. The body above that receives it is the focal point's to name.
 */
export function partyBody(province: string | null): IssuingBody {
  const committee = province && provinceTier(province) === "thành phố" ? "Thành ủy" : "Tỉnh ủy";
  const named = province ? `${committee} ${province}` : `${committee} [tên tỉnh]`;
  return {
    name: `Ban Thường vụ ${named}`, short: `Ban Thường vụ ${committee}`, superior: null, header: named, symbolSuffix: "BC/TU",
    authority: ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"],
    recipients: ["[Cơ quan cấp trên nhận báo cáo] (b/c),", `Thường trực ${committee},`, "Các đồng chí Ủy viên Ban Thường vụ,", `Lưu Văn phòng ${committee}.`],
    source: province ? "province" : "placeholder", template: "party",
  };
}

/**
 * Who issues the report on a scope in a form: the Party committee for the Party's form; for Decree
 * 30's, the scope's issuer when it is a state body of the province or below (the report is its
 * report on its plan), else (a central or a Party document) the province's People's Committee.
 */
export function reportIssuer(scope: ScopeIssuer, template: ReportTemplate, province: string | null): IssuingBody {
  if (template === "party") return partyBody(province);
  const name = issuerName(scope);
  const foreign = scope.agency?.kind === "ministry" || scope.agency?.kind === "party_body"
    || (name !== null && (CENTRAL_BODY.test(name) || PARTY_BODY.test(name.replace(/uỷ/gu, "ủy"))));
  return foreign ? issuingBody(null, null, province) : issuingBody(scope.agency, scope.issuerText, province);
}
