/**
 * A document's own metadata from its header and signature block: symbol ("Số: 23/KH-UBND"),
 * place-date line ("Lạng Sơn, ngày 26 tháng 01 năm 2023", or a draft's "ngày   tháng 5 năm 2024"),
 * type (the title line "KẾ HOẠCH", or "V/v" for a letter), issuer (the header's left column),
 * title, and signer (the name under the signature titles).
 */
import { allMatches } from "../text/matches.js";
import { DOCUMENT_TYPE_LABELS } from "../documents/labels.js";
import type { DOCUMENT_TYPES } from "../documents/schema.js";
import { foldPhrase } from "../text/fold.js";
import { isDateError, parseVietnameseDate } from "../text/dates.js";
import { documentTypeOfSymbol, parseDocumentSymbol } from "../text/symbols.js";
import type { Line } from "./segment.js";

type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface Metadata {
  symbol: string | null;
  type: DocumentType | null;
  issuer: string | null;
  issued: string | null;
  issuedText: string | null;
  signer: string | null;
  title: string | null;
}

const fold = foldPhrase;

/** Title lines as the official format writes them (upper case), by document type. */
const TYPE_LINES: [RegExp, DocumentType][] = [
  [/^ke hoach\b/, "plan"], [/^bao cao\b/, "report"], [/^chuong trinh( hanh dong)?\b/, "programme"], [/^nghi quyet\b/, "resolution"],
  [/^quyet dinh\b/, "decision"], [/^chi thi\b/, "directive"], [/^thong bao\b/, "notice"], [/^to trinh\b/, "submission"],
  [/^huong dan\b/, "guidance"], [/^ket luan\b/, "conclusion"], [/^de an\b/, "scheme"], [/^quy che\b/, "regulation"], [/^quy dinh\b/, "rule"],
];
const isUpper = (s: string) => s === s.toUpperCase() && /\p{Lu}/u.test(s);
/** A Vietnamese personal name: two to five capitalised words (not a chapter's heading, "Chương I", after a signature without its name). */
const PERSON = /^(?!(?:Chương|Phần|Mục|Điều|Phụ lục|Biểu)\s)(\p{Lu}\p{Ll}*)(\s+\p{Lu}\p{Ll}*){1,4}$/u;
const SIGNATURE_TITLE = /^(tm|t\/m|kt|tl|tuq|q)[.\s]|chu tich|bi thu|giam doc|truong ban|thu truong|pho chu tich|pho bi thu|uy vien|thu tuong|bo truong|cuc truong|vu truong|chanh van phong/;

function metadataValue(lines: Line[], label: RegExp): string | null {
  for (const l of lines.slice(0, 40)) {
    const m = l.text.includes("|") ? /^([^|]+)\|\s*(.+)$/.exec(l.text) : null; // (a long line is not scanned for nothing)
    if (m && label.test(fold(m[1]))) return m[2].trim() || null;
  }
  return null;
}

/**
 * "Số: 23/KH-UBND" opening a line; a Party document may leave out the colon ("Số 512-BC/TU"). A web page may set it after
 * a rule or a cell's bar, the whole header on one line ("BỘ NÔNG NGHIỆP ... ------- Số: 4653/QĐ-BNN-KHCN | CỘNG HÒA ..."),
 * or in its own list of the document's fields ("Số hiệu: 155/KH-UBND Loại văn bản: Văn bản khác"); the National Assembly's
 * standing committee names its type ("Nghị quyết số: 653/2019/UBTVQH14").
 */
const SYMBOL_LABEL = /(?:^|\||-{3,})\s*(?:(?:nghị quyết|quyết định|chỉ thị|kế hoạch|công văn|thông báo)\s+(?=số\s*:))?số(?:\s*hiệu)?\s*(?:[:|]\s*|(?<=\s)(?=\d))([^|]{0,120})/iu;

function findSymbol(lines: Line[]): string | null {
  for (const l of lines.slice(0, 40)) {
    const m = SYMBOL_LABEL.exec(l.text);
    const parsed = m && leadingSymbol(m[1]);
    // (A draft's blank number, "Số: /UBND-TH", is no symbol; words that are none, a label of something else: the next line.)
    if (parsed) return parsed.number ? parsed.canonical : null;
  }
  return null;
}

/** The symbol a field's value opens with, the longest that parses: "155/KH-UBND Loại văn bản: ..." gives "155/KH-UBND". */
function leadingSymbol(value: string) {
  const words = value.trim().split(/\s+/);
  for (let n = Math.min(words.length, 4); n >= 1; n--) {
    // ("Số: 1234/QĐ-UBND." with a stop typed after it.)
    const parsed = parseDocumentSymbol(words.slice(0, n).join(" ").replace(/[.,;]+$/, ""));
    if (parsed) return parsed;
  }
  return null;
}

/** A full date, or a draft's month whose day is blank; null when the text holds neither. */
function issuedFrom(text: string): { issued: string | null; issuedText: string | null } | null {
  const parsed = parseVietnameseDate(text);
  if (isDateError(parsed)) return null;
  if (parsed.kind === "date") return { issued: parsed.iso, issuedText: null };
  if (parsed.kind === "month") return { issued: null, issuedText: `tháng ${parsed.month} năm ${parsed.year}` };
  return null;
}

function findIssued(lines: Line[]): { issued: string | null; issuedText: string | null } {
  const head = lines.slice(0, 40);
  for (const [k, l] of head.entries()) {
    // A place and a date fit in a short line; a long one is no such line (and a pattern run over millions of characters overflows the stack).
    if (l.text.length > 200) continue;
    // (A date a narrow cell wrapped after its day, "Thành phố Hồ Chí Minh, ngày 19" / "tháng 11 năm 2025", is read with its next line.)
    const text = /,\s*ngày[\s\d]*$/u.test(l.text) && head[k + 1] && head[k + 1].text.length < 40 ? `${l.text} ${head[k + 1].text}` : l.text;
    // The place-date line starts with the place ("Lạng Sơn, ngày ..."); a date inside a title is a citation's.
    // Each word of the place is taken whole, `(?=(…))\1`: splitting words only retried the same comma, many times.
    // (Up to four words, after the kind of place: "Thành phố Hồ Chí Minh". Not more: "Căn cứ Luật Đầu tư công, ngày ..." is no place.
    // Two words a dash joins are one: "Phan Rang-Tháp Chàm", "Bà Rịa - Vũng Tàu".)
    const m = /^(?!Căn cứ\s|Theo\s|Xét\s|Thực hiện\s)(?:(?:Thành phố|Thị xã|Thị trấn|Huyện|Quận|Xã|Phường|Tỉnh)\s+)?(?:(?=([\p{L}.]+(?:[^\S\n]*[-–][^\S\n]*[\p{L}.]+)?))\1\s*){1,4},\s*(ngày\s*(?:\d{1,2}\s*)?tháng\s*\d{1,2}\s*năm\s*\d{4}|ngày\s*\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4})/u.exec(text);
    const found = m ? issuedFrom(m[2]) : null;
    if (found) return found;
  }
  const scraped = metadataValue(lines, /^ngay ban hanh$/);
  return (scraped && issuedFrom(scraped)) || { issued: null, issuedText: null };
}

function findType(lines: Line[], symbol: string | null): { type: DocumentType | null; titleIndex: number } {
  for (const [i, l] of lines.slice(0, 30).entries()) {
    if (/^v\/v\b/i.test(l.text)) return { type: "letter", titleIndex: i };
    // (Not the operative word, "QUYẾT ĐỊNH:", of a decision whose type and title lines a web page lost: "Điều 1. ..." follows it.)
    if (!isUpper(l.text) || /:\s*$/.test(l.text)) continue;
    const hit = TYPE_LINES.find(([re]) => re.test(fold(l.text)));
    if (hit) return { type: hit[1], titleIndex: i };
  }
  const scraped = metadataValue(lines, /^loai van ban$/);
  const byLabel = scraped && (Object.entries(DOCUMENT_TYPE_LABELS).find(([, v]) => fold(v.vi) === fold(scraped))?.[0] as DocumentType | undefined);
  if (byLabel) return { type: byLabel, titleIndex: -1 };
  const parsed = symbol ? parseDocumentSymbol(symbol) : null;
  return { type: parsed ? documentTypeOfSymbol(parsed) : null, titleIndex: -1 };
}

/** The header's place and date: "Thanh Hóa, ngày 05 tháng 11 năm 2025", "Hà Nội, ngày   tháng 5 năm 2024". */
const PLACE_AND_DATE = /^[\p{Lu}][^,]{1,40},\s*ngày\s[\d.…_\s]*tháng/u;

/** A body or office that enacts, in capitals: "THỦ TƯỚNG CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH". */
const AUTHORITY = /^(?:THỦ TƯỚNG CHÍNH PHỦ|CHÍNH PHỦ|(?:BỘ TRƯỞNG|CHỦ TỊCH|GIÁM ĐỐC|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|TRƯỞNG BAN)(?:\s+\p{Lu}+)+|(?:ỦY|UỶ) BAN NHÂN DÂN(?:\s+\p{Lu}+)*|HỘI ĐỒNG NHÂN DÂN(?:\s+\p{Lu}+)*|UBND(?:\s+\p{Lu}+)*|HĐND(?:\s+\p{Lu}+)*|BAN (?:CHẤP HÀNH|THƯỜNG VỤ)(?:\s+\p{Lu}+)+)$/u;
/** What follows a decision's or resolution's enacting authority: its grounds, its operative word, or a council's term and session ("KHÓA XIII KỲ HỌP THỨ 7"). */
const ENACTING_NEXT = /^(?:Căn cứ|Theo đề nghị|Xét đề nghị|QUYẾT (?:ĐỊNH|NGHỊ)\s*:|KH(?:ÓA|OÁ)\s+[IVXLC]+\b)/u;

function findTitle(lines: Line[], titleIndex: number, type: DocumentType | null): string | null {
  if (titleIndex < 0) return null;
  const parts: string[] = [];
  const first = lines[titleIndex];
  if (type === "letter") parts.push(first.text);
  else {
    // "BÁO CÁO TỰ GIÁM SÁT" is the type line; the title proper follows it. A type line with more words is itself the title.
    const rest = first.text.replace(/^\S+\s+\S+(\s+HÀNH ĐỘNG)?/u, "").trim();
    if (rest.split(/\s+/).length > 4) parts.push(first.text);
  }
  for (const [k, l] of lines.slice(titleIndex + 1, titleIndex + 6).entries()) {
    // A new sentence ("Thực hiện ...", "Kính gửi:") ends the title, as does the header's place and date or motto, which a
    // Word or PDF header block sets after the left column's excerpt ("V/v ..." / "Thanh Hóa, ngày 05 tháng 11 năm 2025");
    // a letter's subject continues in lower case.
    // A title may itself open so, right under its type line: "KẾ HOẠCH" / "Thực hiện Chương trình hành động số 45-CTr/TU ...
    // đến năm 2030" (no stop at its end, unlike the opening sentence: "..., UBND tỉnh ban hành Kế hoạch như sau:").
    // (Not an opening sentence that a PDF wrapped, the next line going on in small letters.)
    const titleOpening = !parts.length && type !== "letter" && l === lines[titleIndex + 1] && /^(Thực hiện|Triển khai)\s/u.test(l.text) && !/[.:;,]$/u.test(l.text)
      && !/^\p{Ll}/u.test(lines[titleIndex + 2]?.text ?? "");
    if ((!titleOpening && /^(Kính gửi|Thực hiện|Căn cứ|Điều\s+\d)/u.test(l.text)) || l.kind !== "text" || /^số\s*:/iu.test(l.text) || PLACE_AND_DATE.test(l.text)
      || /^(?:cộng hòa|cộng hoà|độc lập)\s/iu.test(l.text)) break;
    // ("NGHỊ QUYẾT" / "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH" / "về ...": the line under the type names who resolves, the title follows it;
    // "CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ TĂNG CƯỜNG ..." holds its subject, and is the title.)
    if (type !== "letter" && !parts.length && /^CỦA\s/u.test(l.text) && isUpper(l.text) && !/\sVỀ\s/u.test(l.text)) continue;
    if (type !== "letter" && parts.length && !isUpper(l.text) && isUpper(parts[0])) break;
    // A decision's or resolution's enacting authority, in capitals above its grounds: "THỦ TƯỚNG CHÍNH PHỦ" / "Căn cứ ...".
    if (parts.length && AUTHORITY.test(l.text) && ENACTING_NEXT.test(lines[titleIndex + 2 + k]?.text ?? "")) break;
    parts.push(l.text);
    if (type !== "letter" && !isUpper(l.text)) break;
  }
  return parts.join(" ").replace(/\s+/g, " ").trim() || null;
}

/** "TỈNH LẠNG SƠN" → "tỉnh Lạng Sơn". */
function placeName(upper: string): string {
  const m = /^(tỉnh|thành phố)\s+(.*)$/u.exec(upper.toLowerCase().trim());
  return m ? `${m[1]} ${m[2].replace(/(^|\s)(\p{L})/gu, (_x, space: string, c: string) => space + c.toUpperCase())}` : upper;
}

/** The province a text is about: the "tỉnh X" it names most. */
const PROVINCE_NAMED = /tỉnh\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,2})/gu;
function provinceNamed(lines: Line[]): string | null {
  const counts = new Map<string, number>();
  for (const l of lines) if (l.text.includes("tỉnh")) for (const m of allMatches(PROVINCE_NAMED, l.text)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best ? `tỉnh ${best[0]}` : null;
}

const clean = (l: Line) => fold(l.text.replace(/[|*_]/g, " ")).replace(/\s+/g, " ").trim();
/** "T/M BAN THƯỜNG VỤ": the Party committee's standing committee signs for it. */
const SIGNED_BY_STANDING = /^(?:tm|t\/m)\.?\s*ban thuong vu$/;
/**
 * A line of few runs of letters between what `clean` makes spaces or drops ("|", "*", "_", whitespace, accents written apart): the
 * fifteen letters of SIGNED_BY_STANDING's four words make at most 24 runs, however their accents are written. (Told from a line's
 * first words: its end is not read, nor the line folded.)
 */
const FEW_WORDS = /^[|*_\s\u0300-\u036f]*[^|*_\s\u0300-\u036f]+(?:[|*_\s\u0300-\u036f]+[^|*_\s\u0300-\u036f]+){0,23}[|*_\s\u0300-\u036f]*$/;

/**
 * A Party committee's document: its header names the Party organisation, then the committee ("ĐẢNG BỘ TỈNH QUẢNG
 * TRỊ" / "TỈNH ỦY": the "Tỉnh ủy Quảng Trị"), and the standing committee issues it when it signs for it ("T/M BAN
 * THƯỜNG VỤ": "Ban Thường vụ Tỉnh ủy Quảng Trị"). Where the header is lost, the signature and the province the
 * text names most give it. Null for any other document.
 */
/**
 * What shows a Party committee's own document, its header lost: the Party's motto, a Party symbol ("Số 512-BC/TU"),
 * or its opening naming the standing committee as who issues or reports (a Youth or Women's Union, also signed "TM.
 * BAN THƯỜNG VỤ", has none of them).
 */
const partyEvidence = (lines: Line[], head: Line[]) =>
  head.some((l) => /ĐẢNG CỘNG SẢN VIỆT NAM|^Số\s*:?\s*\d+\s*[-–]\s*[\p{Lu}Đ]+\/(?:TU|HU|TW|ĐU|QU|TƯ)\b/u.test(l.text))
  || lines.slice(0, 40).some((l) => /,\s*Ban Thường vụ Tỉnh ủy[^,;.]{0,30}\s(?:ban hành|báo cáo)/u.test(l.text));

function partyIssuer(lines: Line[], head: Line[]): string | null {
  // (Only a short line can be "T/M BAN THƯỜNG VỤ": a long paragraph at the end, one of a thousand characters, is not folded to be compared.)
  const standing = lines.slice(-15).some((l) => FEW_WORDS.test(l.text) && SIGNED_BY_STANDING.test(clean(l)));
  const at = head.findIndex((l) => /^dang bo (?:tinh|thanh pho) \S/.test(clean(l)));
  let committee: string | null = null;
  if (at >= 0 && head.slice(at + 1, at + 3).some((l) => /^(?:tinh|thanh) uy$/.test(clean(l)))) {
    const upper = head[at].text.replace(/[|*_]/g, " ").replace(/\s+/g, " ").trim().replace(/^ĐẢNG BỘ\s+/iu, "");
    const place = placeName(upper).replace(/^(?:tỉnh|thành phố)\s+/u, "");
    committee = `${/^thanh pho/.test(fold(upper)) ? "Thành ủy" : "Tỉnh ủy"} ${place}`;
  } else if (standing && !head.some((l) => isUpper(l.text.replace(/[|*_]/g, " ").trim()) && OPENS_BODY.test(clean(l) + " ")) && partyEvidence(lines, head)) {
    const province = provinceNamed(lines);
    if (province) committee = `Tỉnh ủy ${province.replace(/^tỉnh\s+/u, "")}`;
  }
  return committee && standing ? `Ban Thường vụ ${committee}` : committee;
}

/**
 * The issuer: the header's left column ("ỦY BAN NHÂN DÂN" / "TỈNH LẠNG SƠN"). Where a web page lost
 * the place line, its metadata table's "Cơ quan ban hành | Tỉnh Lạng Sơn" gives it; where the header
 * is lost, the signature block ("TM. ỦY BAN NHÂN DÂN") names the body and the text its province.
 */
function findIssuer(lines: Line[]): string | null {
  // (Without the rule a web page's cell keeps under the name: "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG -------".)
  const issuer = issuerNamed(lines)?.replace(/\s*[-–—_=~*.]{3,}\s*$/u, "") || null;
  return issuer && BARE_COUNCIL.test(fold(issuer).trim()) ? withPlace(issuer, lines) : issuer;
}

/** A People's Committee or Council named without its place: a web page that kept only the first line of the header's left cell. */
const BARE_COUNCIL = /^(?:uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)$/;
/** The enacting authority of a decision or resolution, with its place: "ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ". */
const AUTHORITY_WITH_PLACE = /^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+((?:TỈNH|THÀNH PHỐ)\s+\p{Lu}[\p{Lu}\s-]{1,40})$/u;

/** "UBND tỉnh Quảng Trị" for a bare "Ủy ban nhân dân": the place its enacting authority names, else the province the text names most. */
function withPlace(issuer: string, lines: Line[]): string {
  const body = /^(?:hoi dong nhan dan|hdnd)$/.test(fold(issuer).trim()) ? "HĐND" : "UBND";
  for (const l of lines.slice(0, 40)) {
    const m = AUTHORITY_WITH_PLACE.exec(l.text.trim());
    if (m) return `${body} ${placeName(m[1])}`;
  }
  const province = provinceNamed(lines);
  return province ? `${body} ${province}` : asCommittee(issuer);
}

function issuerNamed(lines: Line[]): string | null {
  const head = lines.slice(0, 12);
  const party = partyIssuer(lines, head);
  if (party) return party;
  const scraped = metadataValue(lines, /^co quan ban hanh$/);
  const committee = head.findIndex((l) => fold(l.text.replace(/\|/g, "")).trim() === "uy ban nhan dan");
  // (Not when a body stands under the committee and its place: "ỦY BAN NHÂN DÂN" / "TỈNH HÀ NAM" / "SỞ Y TẾ" or "VĂN PHÒNG".)
  const under = head[committee + 2]?.text.replace(/[|*_]/g, " ").trim() ?? "";
  if (committee >= 0 && !(isUpper(under) && OPENS_BODY.test(fold(under)) && !NOT_ISSUER.test(fold(under)) && !PLACE_START.test(fold(under)))) {
    const place = head[committee + 1]?.text.replace(/\|/g, "").trim();
    if (place && /^(tinh|thanh pho) /.test(fold(place))) return `UBND ${placeName(place)}`;
    if (scraped && /^(tinh|thanh pho) /.test(fold(scraped))) return `UBND ${placeName(scraped)}`;
  }
  const header = headerIssuer(head);
  // ("HỘI ĐỒNG NHÂN" / "DÂN" in the header, "Cơ quan ban hành | Tỉnh Đắk Lắk" in the page's table: the council of that province.)
  if (scraped && header && BARE_COUNCIL.test(fold(header).trim()) && /^(tinh|thanh pho) /.test(fold(scraped))) return `${/^(?:hoi dong|hdnd)/.test(fold(header)) ? "HĐND" : "UBND"} ${placeName(scraped)}`;
  if (scraped) return scraped;
  if (header) return header;
  const enacting = enactingAuthority(lines);
  if (enacting) return enacting;
  const signedFor = lines.slice(-15).some((l) => /^(tm|t\/m)\.?\s*uy ban nhan dan$/.test(fold(l.text.replace(/[*_]/g, "")).trim()));
  const province = signedFor ? provinceNamed(lines) : null;
  return province ? `UBND ${province}` : null;
}

/**
 * The body that enacts, in a text whose header was lost (a web page that starts at its type line): its enacting authority in
 * capitals above its grounds or its operative word ("QUỐC HỘI" / "Căn cứ Hiến pháp ...", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TUYÊN
 * QUANG" / "Căn cứ ..."), named as the body whose office it is ("UBND tỉnh Tuyên Quang", "Bộ Y tế"; the Prime Minister is his own).
 */
function enactingAuthority(lines: Line[]): string | null {
  const head = lines.slice(0, 30);
  for (const [k, l] of head.entries()) {
    const text = l.text.replace(/[|*_]/g, " ").replace(/\s+/g, " ").trim();
    if (!(AUTHORITY.test(text) || /^(?:ỦY BAN THƯỜNG VỤ )?QUỐC HỘI$/u.test(text))) continue;
    if (!ENACTING_NEXT.test(head[k + 1]?.text.replace(/^[|*_\s]+/, "") ?? "")) continue;
    const body = text.replace(/^(?:CHỦ TỊCH|BỘ TRƯỞNG|GIÁM ĐỐC|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|TRƯỞNG BAN)\s+(?=\p{Lu})/u, "");
    return asCommittee(nameFromCapitals(body));
  }
  return null;
}

/** A place that follows a body's name on the next header line: "TỈNH HÀ NAM", "XÃ TÂN THANH". */
const PLACE_START = /^(?:tinh|thanh pho|huyen|xa|phuong|quan|thi xa|thi tran)\s/;
/** A header line that opens a body's name, or its place: not the rest of the line above. */
const OPENS_BODY = /^(?:(?:bo|so|ban|cuc|tong cuc|vu|vien|van phong|thanh tra|hoi dong|uy ban|ubnd|hdnd|dang uy|tinh uy|huyen uy|thanh uy|thi uy|truong|trung tam|cong an|chi cuc|tinh|thanh pho|huyen|xa|phuong|quan|thi xa|thi tran)(?:\s(?!doi\s)|$)|(?:chinh phu|thu tuong|quoc hoi)(?:\s|$))/;

/**
 * Lines of a header's left column that are not the issuer: the motto (also as a web page wraps it in its narrow cell: "CỘNG" /
 * "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM"), the number, the place and date, a star or rule.
 */
const NOT_ISSUER = /^(?:cong hoa|doc lap|dang cong san viet nam|so\s*[:|]|v\/v|[*\-_–—\s]*$)|^(?:cong|(?:hoa\s+)?(?:xa hoi\s+)?chu nghia viet nam)$|, ngay/;
/** Agency nouns whose next word starts the name proper ("Bộ Nông nghiệp và Môi trường", "Sở Tài chính"). */
const AGENCY_NOUN = /^(?:bộ|sở|ban|cục|tổng cục|vụ|viện|văn phòng|thanh tra|hội đồng)\s+/u;
/** Words written with a capital inside a name (besides places after "tỉnh", "xã" ...). */
const CAPITALISED = /(^|\s)(chính phủ|trung ương|nhà nước|quốc hội|việt nam|thường vụ)(?=\s|$)/gu;
const SPELLED: Record<string, string> = { "chính phủ": "Chính phủ", "trung ương": "Trung ương", "nhà nước": "Nhà nước", "quốc hội": "Quốc hội", "việt nam": "Việt Nam", "thường vụ": "Thường vụ" };
/** A place at the end of a name ("... tỉnh Lạng Sơn"; not "xã hội" in "Lao động - Thương binh và Xã hội"). */
const PLACE_NOUN = /(^|\s)(tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+(?!hội(?:\s|$))(.+)$/u;

/** "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" → "Bộ Nông nghiệp và Môi trường"; "TỈNH ỦY LẠNG SƠN" → "Tỉnh ủy Lạng Sơn". */
function nameFromCapitals(upper: string): string {
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const words = (part: string) => part.split(" ").map(capital).join(" ");
  let name = upper.toLowerCase().replace(/\s+/g, " ").trim();
  // "Tỉnh ủy Lạng Sơn", "Huyện ủy Cao Lộc": the Party committee, then its place.
  const committee = /^((?:tỉnh|huyện|thành|thị|đảng) (?:ủy|uỷ)) (.+)$/u.exec(name);
  // ("Đảng ủy xã Yên Thành": the level of a place stays in small letters.)
  if (committee) return `${capital(committee[1])} ${committee[2].replace(/^(?:(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố) )?(.*)$/u, (m, place: string) => m.slice(0, m.length - place.length) + words(place))}`;
  const place = PLACE_NOUN.exec(name);
  if (place) name = name.slice(0, place.index) + `${place[1]}${place[2]} ${words(place[3])}`;
  // A ministry's or department's fields each begin with a capital: "Bộ Văn hóa, Thể thao và Du lịch".
  const noun = AGENCY_NOUN.exec(name);
  if (noun) name = noun[0] + capital(name.slice(noun[0].length)).replace(/(, | và | - )(\p{Ll})/gu, (_m, joint: string, c: string) => joint + c.toUpperCase());
  name = name.replace(CAPITALISED, (_m, space: string, w: string) => space + SPELLED[w]);
  return capital(name);
}

/**
 * The issuer as the header's left column names it, any body ("CHÍNH PHỦ", "BỘ TÀI CHÍNH", "TỈNH ỦY LẠNG SƠN",
 * "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG" / "SỞ TÀI CHÍNH": the lower line, the body under its parent).
 */
function headerIssuer(head: Line[]): string | null {
  const names: string[] = [];
  for (const l of head) {
    const text = l.text.replace(/[|*_]/g, " ").trim();
    // The header stands above the type line ("KẾ HOẠCH"): a title in capitals under it ("TRIỂN KHAI THỰC HIỆN QUYẾT ĐỊNH SỐ
    // 693/QĐ-TTG ...") names no issuer, in a text whose header was lost.
    if (isUpper(text) && TYPE_LINES.some(([re]) => re.test(fold(text)))) break;
    // (A numbered heading in capitals, "II- KẾT QUẢ ĐẠT ĐƯỢC", is the body: a text whose header was lost.)
    if (!isUpper(text) || l.kind === "roman" || l.kind === "number") {
      if (names.length) break;
      continue;
    }
    if (NOT_ISSUER.test(fold(text))) continue;
    // A name set on two lines ("BỘ NÔNG NGHIỆP" / "VÀ MÔI TRƯỜNG", "VIỆN HÀN LÂM" / "KHOA HỌC XÃ HỘI VIỆT NAM",
    // "BỘ TƯ LỆNH" / "BỘ ĐỘI BIÊN PHÒNG"), unless the second opens a body of its own (a department under its
    // committee) or is the place of the first ("ỦY BAN NHÂN DÂN" / "TỈNH LẠNG SƠN", joined below).
    // (A place joins the body above it, "ỦY BAN NHÂN DÂN" / "TỈNH HÀ NAM", whatever stands under them.)
    // (A word alone ends the name above, wrapped in a narrow column: "SỞ NÔNG NGHIỆP VÀ MÔI" / "TRƯỜNG"; no body is named in one word.)
    // (And a word alone opens the name below it, in a column narrower still: "ỦY" / "BAN NHÂN DÂN" / "TỈNH HƯNG YÊN".)
    const above = names[names.length - 1];
    // ("ỦY BAN THƯỜNG VỤ" / "QUỐC HỘI": a standing committee is named with the body it stands for.)
    if (names.length && (!OPENS_BODY.test(fold(text)) || !/\s/.test(text) || !/\s/.test(above) || /\sthuong vu$/.test(fold(above)) || (PLACE_START.test(fold(text)) && !PLACE_START.test(fold(above))))) names[names.length - 1] += ` ${text}`;
    else names.push(text);
  }
  if (!names.length) return null;
  // "ỦY BAN NHÂN DÂN" / "XÃ TÂN THANH": a body's name and its place on two lines; a parent body above its department.
  const last = names[names.length - 1];
  const name = last;
  // "UBND TỈNH ĐỒNG THÁP" / "VĂN PHÒNG": the committee's office, named with its committee.
  if (names.length > 1 && fold(last).trim() === "van phong") return `Văn phòng ${asCommittee(nameFromCapitals(names[names.length - 2]))}`;
  return asCommittee(nameFromCapitals(name));
}

/** The committee and the council as the province's documents name them: "UBND tỉnh Lạng Sơn", "HĐND tỉnh Quảng Trị". */
const asCommittee = (name: string) =>
  name.replace(/^(?:(?:Ủy|Uỷ) ban nhân dân|Ubnd)(?=\s)/u, "UBND").replace(/^(?:Hội đồng nhân dân|Hđnd)(?=\s)/iu, "HĐND");

/**
 * The name under the signature titles ("TM. CHÍNH PHỦ / KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG / Hoàng Trung Dũng"): the last
 * such block near the end, else the first in the text, when a long programme or appendix attached after the
 * signature (unsigned) fills the end.
 */
/** The first line of a signature block, as written: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ". */
const SIGNS_FOR = /^[*_\s]*(?:TM|T\/M|KT|TL|TUQ)[.\s]/;

const SIGNER_DEGREE = /^(?:(?:GS|PGS|TS|ThS|Ths|BS|BSCK|CK|KS|DS|CN|Ls|LS)(?:\.?(?:CKI{1,2}|CK\s?I{1,2}))?\.?\s*)+(?=\p{Lu}\p{Ll})/u;
/** A row of the signature block typed with tabs or spaces ("- Như trên;\t\t\tKT. CHỦ TỊCH"): its right cell, the signature's. */
const signatureCell = (text: string) => {
  const cells = text.replace(/[*_]/g, "").split(/\t+| {3,}|\|/);
  return (cells.length > 1 ? cells[cells.length - 1] : cells[0]).trim();
};

function findSigner(lines: Line[]): string | null {
  const signerAt = (i: number) => {
    // (Without the academic or professional title a signer may write before the name: "TS.", "PGS.TS.", "BS.CKII".)
    const name = signatureCell(lines[i].text).replace(SIGNER_DEGREE, "");
    if (!PERSON.test(name) || isUpper(name)) return null;
    // The four lines above, not counting the recipients' list, its wrapped lines and footnotes between: a PDF whose
    // signature block a page break cut sets the rest of the list between the titles and the name.
    const above: string[] = [];
    for (let k = i - 1; k >= Math.max(0, i - 16) && above.length < 4; k--) {
      const text = signatureCell(lines[k].text);
      if (/^[-–+]\s|^\p{Ll}/u.test(text) || lines[k].footnote) continue;
      above.push(fold(text));
    }
    return above.some((a) => SIGNATURE_TITLE.test(a)) ? name : null;
  };
  const tailStart = Math.max(1, lines.length - 40);
  for (let i = lines.length - 1; i >= tailStart; i--) { const name = signerAt(i); if (name) return name; }
  // Earlier, only under a signature's first title ("TM.", "KT.", "T/M"): lines that open so are few.
  for (let i = 1; i < tailStart; i++) {
    if (!SIGNS_FOR.test(lines[i].text)) continue;
    for (let k = i + 1; k <= Math.min(i + 5, tailStart - 1); k++) { const name = signerAt(k); if (name) return name; }
  }
  const scraped = metadataValue(lines, /^nguoi ky$/);
  return scraped && PERSON.test(scraped) ? scraped : null;
}

/**
 * A title in capitals under a header whose type line a web page lost ("Số: 41/2019/QĐ-UBND | Quảng Trị, ngày ..." / "BAN HÀNH QUY ĐỊNH
 * CHẾ ĐỘ BÁO CÁO ..."): the capitals after the place and date that open as titles do, up to the enacting authority.
 */
function untypedTitle(lines: Line[]): string | null {
  const dated = lines.slice(0, 20).findIndex((l) => PLACE_AND_DATE.test(l.text.replace(/^[^|]*\|\s*/u, "")));
  if (dated < 0) return null;
  const parts: string[] = [];
  for (const l of lines.slice(dated + 1, dated + 6)) {
    const text = l.text.replace(/\|/g, "").trim();
    if (!text || !isUpper(text) || AUTHORITY.test(text) || ENACTING_NEXT.test(text) || (!parts.length && !TITLE_OPENS.test(text))) break;
    parts.push(text);
  }
  return parts.length ? parts.join(" ") : null;
}
const TITLE_OPENS = /^(?:BAN HÀNH|VỀ|PHÊ DUYỆT|QUY ĐỊNH|THỰC HIỆN|TRIỂN KHAI|SỬA ĐỔI|BÃI BỎ|ĐIỀU CHỈNH|GIAO|THÀNH LẬP|KIỆN TOÀN)\s/u;

/**
 * A web page's heading names the document when its own title line is lost: "Kế hoạch 23/KH-UBND
 * năm 2023 thực hiện Nghị quyết 96/NQ-CP ... do tỉnh Lạng Sơn ban hành" gives "Thực hiện Nghị quyết 96/NQ-CP ...".
 */
function scrapedTitle(lines: Line[], symbol: string | null): string | null {
  if (!symbol) return null;
  for (const l of lines.slice(0, 3)) {
    const at = l.text.indexOf(symbol);
    if (at < 0 || at > 40) continue;
    const rest = l.text.slice(at + symbol.length).replace(/^\s*năm\s+\d{4}\s*/u, "").replace(/\s+do\s+[^,;]{3,80}\s+ban hành\s*$/u, "").trim();
    if (rest.split(/\s+/).length >= 4) return rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  return null;
}

/**
 * The document's metadata. `knownNames` are agencies' names as the registry spells them: an issuer read
 * from capitals takes the spelling of the one it names ("VIỆN HÀN LÂM KHOA HỌC XÃ HỘI VIỆT NAM" is "Viện Hàn
 * lâm Khoa học xã hội Việt Nam", which no rule of capitals gives).
 */
export function extractMetadata(lines: Line[], knownNames: readonly string[] = []): Metadata {
  const symbol = findSymbol(lines);
  const { type, titleIndex } = findType(lines, symbol);
  const title = findTitle(lines, titleIndex, type) ?? (titleIndex < 0 ? untypedTitle(lines) : null) ?? scrapedTitle(lines, symbol);
  const issuer = findIssuer(lines);
  const known = issuer ? knownNames.find((n) => fold(n) === fold(issuer)) : undefined;
  return { symbol, type, issuer: known ?? issuer, ...findIssued(lines), signer: findSigner(lines), title };
}
