/**
 * Agencies named in a clause: "Sở KH&ĐT chủ trì, phối hợp với các sở, ban, ngành, UBND các huyện,
 * thành phố ..." names one lead and two collective partners. `readAgencyList` reads such a list
 * from a position and says where it ends, which is where the work begins. Matching runs on a
 * folded copy of the text of the same length, so every match keeps its offsets in the original.
 *
 * Names come out in full ("Sở KH&ĐT" is written "Sở Kế hoạch và Đầu tư"); a collective phrase
 * ("các sở, ban, ngành") stays one entry as written; "UBND các huyện Đồng Văn, Mèo Vạc" is two
 * agencies; "các sở, ngành: Nội vụ, Y tế" is expanded to the departments it lists.
 */
import { foldVietnamese } from "../text/fold.js";
import { firstAtOrAfter } from "../text/sorted.js";
import {
  CENTRAL_BODIES, COLLECTIVE_QUALIFIERS, DEPARTMENT_FIELDS, MINISTRY_FIELDS, ORGANISATION_HEADS, PROVINCIAL_BODIES,
  SECTOR_NOUNS, TERRITORY_NOUNS,
} from "./agency-names.js";

export interface AgencyMention {
  /** As written. */
  text: string;
  /** The full name: abbreviations expanded, "Sở" restored in expanded lists. */
  name: string;
  start: number;
  end: number;
  /** A phrase standing for several agencies ("các sở, ban, ngành", "UBND các huyện, thành phố"). */
  collective: boolean;
  /**
   * A body of the central level ("Bộ Quốc phòng", "Chính phủ", "Ngân hàng Nhà nước Việt Nam"), or a
   * collective phrase of them ("các bộ, ngành Trung ương"). "UBND các tỉnh, thành phố trực thuộc Trung ương" is not.
   */
  central: boolean;
  /** The registry entry it was read as, when a registry was given. */
  code?: string;
}

/**
 * Whether a document's issuer is of the central level: the Party's central bodies, the National Assembly,
 * the Government, the Prime Minister, a ministry or a body of ministerial rank. Its assignments to
 * ministries are tasks; a province's are requests upward.
 */
export function isCentralIssuer(issuer: string | null): boolean {
  if (!issuer) return false;
  return CENTRAL_ISSUER.test(foldVietnamese(issuer).replace(/\s+/g, " ").trim());
}

/**
 * Whether a body is the province's leadership ("UBND tỉnh", "Chủ tịch UBND tỉnh Hà Tĩnh", "Thường trực HĐND tỉnh", "Ban Thường vụ
 * Tỉnh ủy"), to whom a department's or a commune's document makes requests ("Đề nghị UBND tỉnh chỉ đạo ...") rather than assigns work.
 */
export function isProvincialLeadership(name: string): boolean {
  return PROVINCIAL_LEADERSHIP.test(foldVietnamese(name).replace(/\s+/g, " ").trim());
}
const PROVINCIAL_LEADERSHIP = /^(?:(?:chu tich|thuong truc) )?(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan) tinh(?:(?: | - )[a-z]+){0,5}$|^(?:(?:ban thuong vu|thuong truc) )?tinh uy(?:(?: | - )[a-z]+){0,5}$/;

/** Whether the issuer stands below the province's leadership: a department ("Sở Nội vụ"), a district's or a commune's committee. */
export function isBelowProvince(issuer: string | null): boolean {
  return !!issuer && BELOW_PROVINCE.test(foldVietnamese(issuer).replace(/\s+/g, " ").trim());
}
const BELOW_PROVINCE = /^(?:so|chi cuc|(?:ubnd|uy ban nhan dan) (?:huyen|xa|phuong|thi xa|thi tran|quan|dac khu))(?![a-z])/;

const CENTRAL_ISSUER = new RegExp("^(?:" + [
  "chinh phu", "thu tuong", "van phong chinh phu", "bo (?!chi huy|doi |tu lenh (?:thu do|thanh pho))[a-z]+", "bo chinh tri", "ban bi thu", "ban chap hanh trung uong",
  "ban [a-z ]+ trung uong", "quoc hoi", "uy ban thuong vu quoc hoi", "van phong quoc hoi", "van phong chu tich nuoc",
  "ngan hang nha nuoc(?! .*chi nhanh)", "thanh tra chinh phu", "kiem toan nha nuoc", "uy ban dan toc", "toa an nhan dan toi cao",
  "vien kiem sat nhan dan toi cao", "vien han lam", "dai truyen hinh viet nam", "dai tieng noi viet nam", "thong tan xa viet nam",
  "bao hiem xa hoi viet nam", "dai hoc quoc gia", "uy ban quan ly von nha nuoc",
].join("|") + ")(?![a-z])");

/** An agency of the registry the text is read against, as `samples/agencies.json` describes one. */
export interface RegistryAgency { code: string; name: string; aliases: string[]; kind: string }

/** Matching runs on a fold of the text that keeps its offsets. */
export { foldKeepingOffsets } from "../text/fold.js";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A pattern for a name that tolerates how documents write it: "Văn hóa, Thể thao và Du lịch" also
 * as "Văn hoá - Thể thao và Du lịch" or "Văn hóa, Thể thao & Du lịch"; spaces may be doubled.
 */
function namePattern(name: string): string {
  const tokens = foldVietnamese(name).replace(/\s*([,&\-–])\s*/g, " $1 ").trim().split(/\s+/);
  let out = "", previousWasWord = false;
  for (const token of tokens) {
    if (token === ",") { out += "(?:\\s*[,\\-–]\\s*|\\s+)"; previousWasWord = false; }
    else if (token === "-" || token === "–") { out += "(?:\\s*[-–,]\\s*|\\s+)"; previousWasWord = false; }
    else if (token === "&" || token === "va") { out += "(?:\\s*&\\s*|\\s+va\\s+|\\s*[-,]\\s*)"; previousWasWord = false; }
    else { out += (previousWasWord ? "\\s+" : "") + escape(token); previousWasWord = true; }
  }
  return out;
}

/** "KH&ĐT" also as "KH & ĐT", "KH-ĐT" or "KH và ĐT". */
function abbreviationPattern(abbreviation: string): string {
  return foldVietnamese(abbreviation).split(/\s*(?:[&,\-–]|\s)\s*/).filter(Boolean).map(escape).join("\\s*(?:&|-|–|,|va\\s)?\\s*");
}

const END = "(?![a-z0-9])";
const sticky = (source: string) => new RegExp(source + END, "y");

/**
 * Words that begin the work after a list of agencies: a name never runs on into them. Written with
 * their accents: a name is cut only at the verb itself, not at a word that folds like it ("Viện Hàn
 * lâm" is not "làm", "Cục Trồng trọt" not "trong", "Trường THPT La Sơn" not "là").
 */
const ACCENTED_VERBS = [
  "chủ trì", "phối hợp", "tiếp tục", "tổ chức", "triển khai", "thực hiện", "tham mưu", "chủ động", "hướng dẫn", "theo dõi",
  "nghiên cứu", "rà soát", "tập trung", "có trách nhiệm", "chịu trách nhiệm", "làm", "là", "khẩn trương", "hoàn thành", "báo cáo",
  "và", "cùng", "để", "trong", "theo", "nhằm", "với", "tại", "căn cứ", "đồng thời", "kịp thời", "đảm bảo", "đẩy mạnh",
  "tăng cường", "xây dựng", "đề xuất", "bố trí", "hỗ trợ", "cân đối", "quan tâm", "chỉ đạo", "kiểm tra", "giám sát", "ban hành",
  "nâng cao", "phát triển", "quản lý", "thường xuyên", "định kỳ", "tổng hợp", "điều chỉnh", "tích cực",
  "hoàn thiện", "vận hành", "cập nhật", "tuyên truyền", "thẩm định", "đôn đốc", "cung cấp", "tiếp nhận", "giải quyết", "bảo đảm",
  "tham gia", "sắp xếp", "phổ biến", "duy trì", "đánh giá", "xử lý", "ngăn chặn", "đấu tranh", "vận động", "xác định",
  "ứng dụng", "giữ vững", "phát hiện", "sử dụng", "đẩy nhanh",
];
const VERBS = [...new Set(ACCENTED_VERBS.map((v) => foldVietnamese(v)))];
const VERB_ALTERNATION = VERBS.map((v) => v.replace(/ /g, "\\s+")).join("|");
/** A verb as written (any case), on the original text. */
const NAME_STOP = new RegExp(`(?:${ACCENTED_VERBS.map((v) => v.replace(/ /g, "\\s+")).join("|")})(?![\\p{L}\\p{N}])`, "iuy");
/**
 * A few words describing a collective phrase, up to the next agency of its list ("các doanh nghiệp viễn
 * thông, UBND ...") or up to the verb of the work ("các cơ quan báo chí của tỉnh tổ chức tuyên truyền"):
 * only before a separator or one of those verbs, so the work after a list is never eaten, and never through an
 * auxiliary ("Chủ tịch UBND các xã chưa gửi báo cáo ...": "chưa gửi" is the clause, not the communes'; only those
 * that fold like no word of a name: "đang" folds like "Đảng", "đã" like "đa", "được" like "dược"), nor through the manner
 * of the work ("Chủ tịch UBND các xã, phường nghiêm túc triển khai ...").
 */
const MANNER = "nghiem\\s+tuc|khan\\s+truong|tich\\s+cuc|quyet\\s+liet|kip\\s+thoi|chu\\s+dong";
const DESCRIPTOR = new RegExp(`(?:\\s+(?!(?:${VERB_ALTERNATION}|${MANNER}|chua|khong|se)(?![a-z0-9]))[a-z]+){1,4}(?=\\s*[,;:|]|\\s+va\\s|\\s+(?:${VERB_ALTERNATION})(?![a-z0-9]))`, "y");

interface Spelling { re: RegExp; name: string; words?: string[] }

const FIELDS: Spelling[] = DEPARTMENT_FIELDS.flatMap((d) => [
  { re: sticky(namePattern(d.field)), name: d.field },
  ...d.abbreviations.map((a) => ({ re: sticky(abbreviationPattern(a)), name: d.field })),
]);
const FULL_FIELDS: Spelling[] = DEPARTMENT_FIELDS.map((d) => ({ re: sticky(namePattern(d.field)), name: d.field }));
const MINISTRIES: Spelling[] = MINISTRY_FIELDS.flatMap((d) => [
  { re: sticky(namePattern(d.field)), name: d.field },
  ...d.abbreviations.map((a) => ({ re: sticky(abbreviationPattern(a)), name: d.field })),
]);
/**
 * Each spelling of a body names it by its group's first spelling, except the first spelled out ("Văn phòng Ủy ban
 * nhân dân tỉnh" for "Văn phòng UBND tỉnh"): a document that writes the committee's name in full is quoted so.
 */
const spellings = (groups: string[][]): Spelling[] =>
  groups.flatMap((g) => g.map((s) => ({ re: sticky(namePattern(s)), name: s === spelledOut(g[0]) ? s : g[0] })));
const spelledOut = (name: string) => name.replace(/\bUBND\b/gu, "Ủy ban nhân dân").replace(/(?<![\p{L}])HĐND(?![\p{L}])/gu, "Hội đồng nhân dân");
/**
 * The province's bodies as a city of the central level names its own (Hà Nội, Cần Thơ, Huế, ...): "Công an thành phố Cần Thơ",
 * "Văn phòng UBND thành phố", "Ban Tuyên giáo Thành ủy", "Thành đoàn".
 */
const CITY_BODIES = PROVINCIAL_BODIES.map((g) => g.filter((s) => /(?<!\p{L})[Tt]ỉnh(?!\p{L})/u.test(s)).map((s) => s
  .replace(/(?<!\p{L})Tỉnh (ủy|đoàn|Đoàn)(?!\p{L})/gu, "Thành $1").replace(/(?<!\p{L})tỉnh(?!\p{L})/gu, "thành phố"))).filter((g) => g.length);
const PROVINCIAL = spellings(PROVINCIAL_BODIES);
const CITY = spellings(CITY_BODIES);
/** What a city's body names within its first words: read against CITY only then, as trying its spellings at every agency costs. */
const CITY_WORD = /thanh (?:pho|uy|doan)/;
const CITY_REACH = 80;
const CENTRAL = spellings(CENTRAL_BODIES);

/** The letters or digits, up to two, a pattern starts with to match as they are (names are written so): it matches only there. */
const literalStart = (re: RegExp) => /^(?:[a-z0-9](?![*+?{])){0,2}/.exec(re.source)![0];
const byStart = new WeakMap<Spelling[], Map<number, Spelling[]>>();

/**
 * The spellings of `list` that can match where the folded text has the units `first` and `second` (-1 past its end), in
 * their order in the list. (Looked up by the two units' number: a key cut from the text would be a new string to hash each time.)
 */
function spellingsAt(list: Spelling[], first: number, second: number): Spelling[] {
  let index = byStart.get(list);
  if (!index) byStart.set(list, (index = new Map()));
  const key = first * 0x10001 + second;
  let found = index.get(key);
  if (!found) {
    const start = (first < 0 ? "" : String.fromCharCode(first)) + (first < 0 || second < 0 ? "" : String.fromCharCode(second));
    index.set(key, (found = list.filter((s) => start.startsWith(literalStart(s.re)))));
  }
  return found;
}
/** The unit at `i` of `s`, or -1 past its end. */
const unitAt = (s: string, i: number) => (i < s.length ? s.charCodeAt(i) : -1);

/**
 * The words a pattern opens with as written, each but the last followed by whitespace ("ban\\s+quan\\s+ly..." opens with
 * "ban", "quan", "ly"): a text matches the pattern only where it holds them so.
 */
const openingWords = (re: RegExp) => /^[a-z0-9]+(?:\\s\+[a-z0-9]+)*/.exec(re.source)?.[0].split("\\s+") ?? [];
/** JavaScript's `\s`, as the patterns read it. */
const isSpace = (unit: number) => unit === 32 || (unit >= 9 && unit <= 13) || unit === 0xa0 || unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a)
  || unit === 0x2028 || unit === 0x2029 || unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff;
/** Whether the folded text at `at` holds the words a spelling opens with (see `openingWords`): its pattern is tried only then. */
function opensWith(s: Spelling, folded: string, at: number): boolean {
  const words = (s.words ??= openingWords(s.re));
  let pos = at;
  for (let k = 0; k < words.length; k++) {
    if (k > 0) {
      if (!isSpace(folded.charCodeAt(pos))) return false;
      while (isSpace(folded.charCodeAt(pos))) pos++;
    }
    if (!folded.startsWith(words[k], pos)) return false;
    pos += words[k].length;
  }
  return true;
}

/** The longest of several sticky patterns matching at `at`; only those that can match there are tried, as this runs at every agency. */
function longest(list: Spelling[], folded: string, at: number): { end: number; name: string } | null {
  let best: { end: number; name: string } | null = null;
  for (const s of spellingsAt(list, unitAt(folded, at), unitAt(folded, at + 1))) {
    if (!opensWith(s, folded, at)) continue;
    s.re.lastIndex = at;
    if (s.re.test(folded) && (!best || s.re.lastIndex > best.end)) best = { end: s.re.lastIndex, name: s.name };
  }
  return best;
}

const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(namePattern).join("|");
/** "các bộ" are ministries; "các bộ phận", "các Bộ trưởng", "các bộ tiêu chí" are not. */
const NOT_MINISTRIES = "(?!\\s+(?:doi|may|chi huy|truong|tieu chi|cong cu|du lieu|ho so|tai lieu|chi so|luat|sach|mau|khung)(?![a-z0-9]))";
const SECTOR = new RegExp(`(?:${alternation(SECTOR_NOUNS).replace(/(^|\|)bo(?=\||$)/, `$1bo${NOT_MINISTRIES}`)})${END}`, "y");
const TERRITORY = new RegExp(`(?:${alternation(TERRITORY_NOUNS)})${END}`, "y");
/** (Not the "tỉnh" of "Tỉnh ủy": "các đảng ủy trực thuộc Tỉnh ủy" ends with the committee they belong to.) */
const QUALIFIER = new RegExp(`\\s+(?:${alternation(COLLECTIVE_QUALIFIERS)})${END}(?!\\s+uy${END})`, "y");
/** Nouns that make a collective phrase without "các" ("cơ quan liên quan", "cấp ủy, chính quyền địa phương", "các bộ, ngành và địa phương", "Sở, ban, ngành thành phố"). */
const BARE_START = /(?:co quan|don vi|cap uy|chinh quyen|to chuc chinh tri\s*-\s*xa hoi|dia phuong|so(?=\s*,\s*(?:ban|nganh)(?![a-z0-9])))(?![a-z0-9])/y;
/** BARE_START's first words. */
const BARE_START_WORDS = ["co", "don", "cap", "chinh", "to", "dia", "so"];
/** Folded names as alternatives of a sticky pattern, each followed by whitespace; and their first words (see `mayOpen`). */
const namesThenSpace = (names: string[]) => new RegExp(`(?:${names.join("|")})\\s+`, "y");
const firstWords = (names: string[]) => names.map((n) => n.split(" ")[0]);
const UBND_NAMES = ["ubnd", "uy ban nhan dan", "uban nhan dan"];
const UBND = namesThenSpace(UBND_NAMES);
/** The bodies every commune or district has: "UBND các xã", "Trạm y tế các xã, phường", "Công an các xã, phường". */
const LOCAL_BODY_NAMES = [...UBND_NAMES, "tram y te", "cong an", "ban chi huy quan su"];
const LOCAL_BODY = namesThenSpace(LOCAL_BODY_NAMES);
const CAC = /cac\s+/y;
/** "(Các) Bộ trưởng" on its own, before the next of a list ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ", "Các Bộ trưởng và Thủ trưởng ..."). */
const MINISTERS = /(?:cac\s+)?bo truong(?=\s*,|\s+va\s)/y;
const ROLE_NAMES = ["thu truong", "bo truong", "nguoi dung dau", "chu tich", "giam doc", "lanh dao", "chanh van phong"];
const ROLE = namesThenSpace(ROLE_NAMES);
const TRUONG = /truong\s+/y;
const HEAD_OF = /^trưởng\s/iu;
const SO = /so\s+/y;
const BO = /bo\s+/y;
/** "tỉnh Lạng Sơn", "Đồng Đăng - Lạng Sơn": a proper name, read on the original text where capitals show. */
/** (Never past the end of its line: "... Việt Nam thành phố" / "Phối hợp với ..." names no "Phối".) */
const PROPER = /[^\S\n]*(?:tỉnh[^\S\n]+|thành phố[^\S\n]+)?\p{Lu}\p{Ll}*(?:[^\S\n]+\p{Lu}\p{Ll}*)*(?:[^\S\n]*-[^\S\n]*\p{Lu}\p{Ll}*(?:[^\S\n]+\p{Lu}\p{Ll}*)*)?/uy;
const TINH_SUFFIX = /\s+tinh(?![a-z0-9])/y;
const PROVINCE = /tinh(?![a-z0-9])/y;
const UNIT_NAMES = /(huyen|thanh pho|thi xa|quan|xa|phuong|thi tran|dac khu)\s+/y;

/** Where a sticky pattern matching at `i` ends, or null: the one way the recognisers step through folded text. */
export function at(re: RegExp, s: string, i: number): number | null {
  re.lastIndex = i;
  return re.test(s) ? re.lastIndex : null;
}

/** A proper name starting at `i` (after optional spaces): its end, or null. */
function properName(text: string, i: number): number | null {
  PROPER.lastIndex = i;
  const m = PROPER.exec(text);
  return m && m[0].trim() ? PROPER.lastIndex : null;
}

type Match = Omit<AgencyMention, "text" | "start"> & { end: number };

/**
 * Whether a collective phrase names bodies of the central level: the ministries ("các bộ, ngành", "các bộ,
 * cơ quan ngang bộ, cơ quan thuộc Chính phủ") or bodies "Trung ương" ("các cơ quan Trung ương"), but not
 * the provinces' committees ("UBND các tỉnh, thành phố trực thuộc Trung ương") nor "các bộ phận".
 */
export function isCentralCollective(phrase: string): boolean {
  // (A document repeats its few collective phrases at every assignment: each is judged once.)
  let central = CENTRAL_COLLECTIVES.get(phrase);
  if (central === undefined) {
    if (CENTRAL_COLLECTIVES.size >= 1000) CENTRAL_COLLECTIVES.clear();
    // (Kept as a string of its own: a phrase cut from a document holds the whole document, which the judgement outlives.)
    CENTRAL_COLLECTIVES.set(phrase.split("").join(""), (central = judgeCentralCollective(phrase)));
  }
  return central;
}
/** The judgement of each phrase met, across documents (a few hundred phrases recur in all of them). */
const CENTRAL_COLLECTIVES = new Map<string, boolean>();

function judgeCentralCollective(phrase: string): boolean {
  const f = foldVietnamese(phrase).replace(/\s+/g, " ").trim();
  if (/(?:^|\s)(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\s|(?:^|\s)cac tinh\b/.test(f)) return false;
  return /ngang bo|thuoc chinh phu|\b(?:trung uong|tw)\b|thuoc bo\b/.test(f)
    || /(?:^|[\s,])bo(?: nganh)?(?=\s*(?:[,;:]|$)|\s(?:va|nganh|lien quan|co lien quan|chuc nang|trung uong|tw)\b)/.test(f);
}

/** "các sở, ban, ngành", "UBND các huyện, thành phố", "cấp ủy, chính quyền địa phương". */
function collective(text: string, folded: string, i: number): number | null {
  let pos = at(LOCAL_BODY, folded, i) ?? i;
  const afterUbnd = pos !== i;
  const afterCac = at(CAC, folded, pos);
  if (afterCac === null && !afterUbnd && at(BARE_START, folded, pos) === null) return null;
  // ("Công an xã", "Trạm y tế xã" are one body each, the lexicon's or a generic one: only "các" makes them several.)
  if (afterCac === null && afterUbnd && at(UBND, folded, i) === null) return null;
  if (afterCac !== null) pos = afterCac;
  let noun: RegExp | null = null;
  for (const n of [SECTOR, TERRITORY]) if (at(n, folded, pos) !== null) { noun = n; break; }
  // "UBND cấp huyện": the level is the noun.
  if (!noun) return null;
  // "UBND tỉnh" is the province's committee; "UBND các tỉnh, thành phố" a collective.
  if (afterCac === null && at(PROVINCE, folded, pos) !== null) return null;
  pos = at(noun, folded, pos)!;
  let previous = folded.slice(i, pos);
  for (;;) {
    const comma = /\s*,\s*/y;
    const afterComma = at(comma, folded, pos);
    if (afterComma === null) break;
    const again = at(CAC, folded, afterComma);
    // A repeated "các" starts another phrase, except in the idiom "các cấp, các ngành".
    if (again !== null && !(/cap$/.test(previous) && folded.startsWith("nganh", again))) break;
    const next = at(noun, folded, again ?? afterComma);
    if (next === null) break;
    previous = folded.slice(again ?? afterComma, next);
    pos = next;
  }
  for (let n = 0; n < 3; n++) { const q = at(QUALIFIER, folded, pos); if (q === null) break; pos = q; }
  const owner = ownerAfter(text, folded, pos);
  if (owner !== null) return owner;
  return at(DESCRIPTOR, folded, pos) ?? pos;
}

const OF = /\s+(?:truc\s+)?thuoc\s+/y;
const SPACES = /\s+/y;
const BO_ALONE = /bo(?![a-z0-9])/y;

/**
 * The body a collective phrase belongs to, as part of it: "các đơn vị thuộc Bộ", "các đơn vị trực thuộc Bộ
 * Tài chính", "các phòng, đơn vị thuộc UBND xã". Where it ends, or null.
 */
function ownerAfter(text: string, folded: string, pos: number): number | null {
  const from = folded.endsWith("thuoc", pos) ? at(SPACES, folded, pos) : at(OF, folded, pos);
  if (from === null || at(CAPITAL, text, from) === null) return null;
  const [body, more] = agenciesAt(text, folded, from);
  if (body && !more && body.end > from) return body.end;
  return at(BO_ALONE, folded, from);
}

function department(folded: string, i: number): Match | null {
  const afterSo = at(SO, folded, i);
  if (afterSo === null) return null;
  const field = longest(FIELDS, folded, afterSo);
  return field && { name: `Sở ${field.name}`, end: field.end, collective: false, central: false };
}

function ministry(folded: string, i: number): Match | null {
  const afterBo = at(BO, folded, i);
  if (afterBo === null) return null;
  const field = longest(MINISTRIES, folded, afterBo);
  return field && { name: `Bộ ${field.name}`, end: field.end, collective: false, central: true };
}

/** A listed body, with "tỉnh" and the province's name when written after it ("Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn"). */
function listedBody(text: string, folded: string, i: number, list: Spelling[], central: boolean): Match | null {
  const found = longest(list, folded, i);
  if (!found) return null;
  let end = found.end, name = found.name;
  // A body's regional branch (from 2025: "Kho bạc Nhà nước khu vực XI", "Thuế cơ sở 3"): named as written, not the province's.
  const region = at(REGION, folded, found.end);
  if (region !== null) return { name: text.slice(i, region).replace(/\s+/g, " ").trim(), end: region, collective: false, central };
  const tinh = at(TINH_SUFFIX, folded, end);
  if (tinh !== null && !/ tinh$/.test(foldVietnamese(name))) end = tinh;
  // ("... tỉnh Lạng Sơn", "... thành phố Cần Thơ"; the press of the province by its name alone, "... Truyền hình Cần Thơ".)
  if (/(?:tinh|thanh pho|truyen hinh|xa|phuong)$/.test(folded.slice(i, end))) {
    const proper = properName(text, end);
    if (proper !== null && !/^\s*(?:UBND|Sở|Ban|Bộ|Công an|Ủy ban|Uỷ ban)\b/u.test(text.slice(end, proper))) {
      // (Where the name gives no place word, as written: the group's name would add "tỉnh".)
      name = /truyen hinh$/.test(folded.slice(i, end)) ? text.slice(i, proper).replace(/\s+/g, " ") : `${name} ${text.slice(end, proper).trim()}`;
      end = proper;
    }
  }
  return { name, end, collective: false, central };
}

const REGION = /\s+(?:chi nhanh\s+)?khu vuc\s+(?:[ivxl]+|\d{1,2})(?![a-z0-9])/y;

/** "UBND huyện Cao Lộc"; "UBND các huyện Đồng Văn, Mèo Vạc" is two agencies. */
function peoplesCommittees(text: string, folded: string, i: number): AgencyMention[] {
  const afterUbnd = at(UBND, folded, i);
  if (afterUbnd === null) return [];
  const afterCac = at(CAC, folded, afterUbnd);
  const unitAt = afterCac ?? afterUbnd;
  const afterUnit = at(UNIT_NAMES, folded, unitAt);
  if (afterUnit === null) return [];
  const head = text.slice(i, afterUbnd).trim();
  const unit = text.slice(unitAt, afterUnit).trim();
  const out: AgencyMention[] = [];
  let pos = afterUnit;
  for (;;) {
    const end = properName(text, pos);
    if (end === null || /^\s*(?:Thành phố|Thị xã|Huyện)\b/u.test(text.slice(pos, end)) && afterCac !== null) break;
    const place = text.slice(pos, end).trim();
    const name = `${head} ${unit} ${place}`;
    out.push({ text: out.length ? place : text.slice(i, end), name, start: out.length ? pos + text.slice(pos).search(/\S/) : i, end, collective: false, central: false });
    if (afterCac === null) break;
    const sep = at(/\s*(?:,|\s+va)\s*/y, folded, end);
    if (sep === null || properName(text, sep) === null) break;
    pos = sep;
  }
  return out;
}

/** A body not in the lexicon: an organisation's head word and a name, up to the clause's verb. */
const GENERIC = new RegExp(`(?:${alternation(ORGANISATION_HEADS)})\\s+`, "y");

const CAPITAL = /\p{Lu}/uy;
/** A word written with a capital and then small letters ("Phát", not "PHÁT"): a word of a proper name. */
const TITLE_WORD = /\p{Lu}\p{Ll}/uy;
const NAME_WORD = /([^\S\n]*-[^\S\n]*|[^\S\n]+)?([^\s,;:.()"“”|]+)/y;
const AND = /va(?![a-z0-9])/y;
const PREVENTION_COMMA = /phong,\s*chong(?![a-z0-9])/y;
/** A steering or command body, whose name goes on "phòng, chống ...": "Ban Chỉ huy phòng, chống thiên tai", "Ban Chỉ đạo phòng, chống tham nhũng". */
const PREVENTION_BODY = /chi (?:huy|dao)\s$/;
/**
 * The fields of the departments and ministries whose names hold "và", as a name may write them in small letters ("Viện Chiến lược và
 * Chính sách khoa học và công nghệ"): a name goes on through their "và", as through no other before a word in small letters.
 */
const FIELDS_WITH_AND = [...new Set([...DEPARTMENT_FIELDS, ...MINISTRY_FIELDS].map((d) => d.field).filter((f) => /\svà\s/u.test(f)))].map(namePattern).join("|");
/**
 * Terms with a verb or a "và" in them that are part of names ("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", "Ban Quản lý dự
 * án đầu tư xây dựng", "... khoa học và công nghệ", the "phát triển" of "Viện Nghiên cứu phát triển Thành phố").
 */
const NAME_TERM = new RegExp(`(?:(?:giao duc|boi duong) thuong xuyen|phat trien(?<=nghien cuu phat trien)|${FIELDS_WITH_AND})(?![a-z0-9])`, "y");
/** A project board's name holds what it builds: "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh". */
const PROJECT_TERM = new RegExp(`(?:(?:giao duc|boi duong) thuong xuyen|dau tu xay dung|xay dung (?:cac )?cong trinh|${FIELDS_WITH_AND})(?![a-z0-9])`, "y");
/** A place word that ends a name: not "xã hội" (society), nor the Party's and youth bodies ("các tỉnh ủy", "tỉnh đoàn"). */
const PLACE_LAST = /(?:tinh|huyen|thanh\s+pho|thi\s+xa|xa|phuong)(?![a-z0-9])(?!\s+(?:uy|hoi|doan|doi|dang bo)(?![a-z0-9]))/y;
/**
 * ", Thương mại và Du lịch": after a comma, fields of the name (a capital, then small letters), "và" and the last field; not
 * names of their own (", Viettel Hà Nam và VNPT Hà Nam").
 */
const COMMA_IN_NAME = /,\s*\p{Lu}\p{Ll}+(?:\s+\p{Ll}+){0,3}\s+và\s+\p{Lu}\p{Ll}+(?:\s+\p{Ll}+)*(?![\p{L}\p{N}])(?!\s+\p{Lu}\p{Ll}*\s+\p{Lu})/uy;

/**
 * Where the words of a name starting at `from` end: at the clause's verb, a punctuation mark or the end
 * of the line, 14 words at most. A capitalised word is the name's ("Trung tâm Phát triển quỹ đất"), and
 * "và" goes on into one that starts no agency of its own ("Cục Kinh tế hợp tác và Phát triển nông thôn",
 * but "Trung tâm X và Sở Y" are two).
 */
function nameEnd(text: string, folded: string, from: number, commas = false, terms = NAME_TERM): number {
  let end = from;
  const starts: number[] = [];
  for (let words = 0; words < 14; words++) {
    // "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch": a name of fields, the last after "và", goes on past its comma
    // (not into the next agency of a list).
    if (commas && words > 0 && text.charCodeAt(end) === 44 && at(COMMA_IN_NAME, text, end) !== null) {
      const next = at(SPACES, text, end + 1) ?? end + 1;
      // (The comma is kept, and the space after it read as the next word's.)
      if (!startsAgency(text, folded, next)) { end += 1; continue; }
    }
    // "Chi cục Thủy lợi và Phòng, chống thiên tai", "Ban Chỉ huy phòng, chống thiên tai ...": the comma of "phòng, chống" is the name's.
    // (Only "Phòng" written so, or after a steering body's head: "Chi cục Kiểm lâm phòng, chống cháy rừng" is a name, then its work.)
    if (words > 0 && text.charCodeAt(end) === 44 && at(PREVENTION_COMMA, folded, end - 5) !== null && !/[a-z0-9]/.test(folded.charAt(end - 6))
      && (text.charAt(end - 5) === "P" || PREVENTION_BODY.test(folded.slice(Math.max(0, end - 20), end - 5)))) { end += 1; continue; }
    NAME_WORD.lastIndex = end;
    const m = NAME_WORD.exec(text);
    if (!m) break;
    const wordStart = NAME_WORD.lastIndex - m[2].length;
    if (words > 0 && !m[1]) break;
    // Inside a term that starts at this word or started at one of the last words.
    starts.push(wordStart);
    let term = false;
    for (let k = Math.max(0, starts.length - 4); k < starts.length && !term; k++) term = (at(terms, folded, starts[k]) ?? 0) > wordStart;
    if (term || at(TITLE_WORD, text, wordStart) !== null) { end = NAME_WORD.lastIndex; continue; }
    // A name ends with its place: "Hiệp hội Du lịch tỉnh" / "quảng bá sản phẩm ..." (but "tỉnh Quảng Ninh" goes on, above).
    // ("xã hội" is society, and "Xã" in capitals a field's word: "Phòng Văn hóa - Xã hội".)
    if (words > 1 && placeBefore(text, folded, starts, wordStart)) break;
    if (at(AND, folded, wordStart) !== null) {
      const next = at(SPACES, text, wordStart + 2);
      if (words === 0 || next === null || at(TITLE_WORD, text, next) === null || startsAgency(text, folded, next)) break;
    } else if (at(NAME_STOP, text, wordStart) !== null) break;
    end = NAME_WORD.lastIndex;
  }
  return end;
}

/** Whether the word before `wordStart` (one of `starts`) ends a place written in small letters: "tỉnh", "thành phố". */
function placeBefore(text: string, folded: string, starts: number[], wordStart: number): boolean {
  for (let k = starts.length - 2; k >= 0 && k >= starts.length - 3; k--) {
    const s = starts[k];
    // (Every place word starts with one of these, in small letters as written: most words are passed over here.)
    if (!PLACE_INITIALS.includes(folded[s]) || text[s] !== text[s].toLowerCase()) continue;
    const end = at(PLACE_LAST, folded, s);
    if (end !== null && end < wordStart && folded.slice(end, wordStart).trim() === "") return true;
  }
  return false;
}
const PLACE_INITIALS = "thxp";

let checkingNext = false;

/**
 * Whether an agency starts at `i`, for a name deciding whether "và" goes on: the agency read there is not
 * itself asked about its own "và" (a list "Cục A và Cục B và ..." would recurse down its length).
 */
function startsAgency(text: string, folded: string, i: number): boolean {
  if (checkingNext) return true;
  checkingNext = true;
  try { return agenciesAt(text, folded, i).length > 0; } finally { checkingNext = false; }
}

const NAMED_IN_SMALL_LETTERS = new Set(["ban quản lý dự án", "ban qlda"]);
/** The heads as written, accents and all: "Quỹ" is a head, "Quý I/2026" (a quarter) folds the same but is not. */
const HEADS_AS_WRITTEN = new Set(ORGANISATION_HEADS.map((h) => h.toLowerCase()));

function genericBody(text: string, folded: string, i: number): Match | null {
  const afterHead = at(GENERIC, folded, i);
  if (afterHead === null) return null;
  const head = text.slice(i, afterHead).trim().replace(/\s+/g, " ").toLowerCase().replace("uỷ", "ủy");
  if (!HEADS_AS_WRITTEN.has(head)) return null;
  // A project management board is named by what it builds, in small letters: "Ban Quản lý dự án đầu tư xây dựng tỉnh".
  if (at(CAPITAL, text, afterHead) === null && !NAMED_IN_SMALL_LETTERS.has(head)) return null;
  const end = nameEnd(text, folded, afterHead, true, NAMED_IN_SMALL_LETTERS.has(head) ? PROJECT_TERM : NAME_TERM);
  return end > afterHead ? { name: text.slice(i, end), end, collective: false, central: false } : null;
}

/** A registry agency is of the central level when it is of the kind "ministry" (central government) or its name says so. */
function centralInRegistry(registry: RegistryAgency[], name: string): boolean {
  const agency = registry.find((a) => a.name === name);
  return !!agency && (agency.kind === "ministry" || isCentralIssuer(agency.name));
}

const registryPatterns = new WeakMap<RegistryAgency[], Array<Spelling & { code: string }>>();

function registrySpellings(registry: RegistryAgency[]): Array<Spelling & { code: string }> {
  let list = registryPatterns.get(registry);
  if (!list) {
    list = registry.flatMap((a) => [a.name, ...a.aliases].filter((s) => s.trim().length > 3)
      .map((s) => ({ re: sticky(namePattern(s)), name: a.name, code: a.code })));
    registryPatterns.set(registry, list);
  }
  return list;
}

/**
 * The first word of a name as its pattern starts (`namePattern`'s first token), as `mayNameAgency` reads a word: its
 * letters and digits up to any other mark ("T.Ư" starts with "t").
 */
const firstWordOf = (name: string) => /^[a-z0-9]*/.exec(foldVietnamese(name).trim().split(/[\s,&\-–]+/)[0])![0];
/**
 * The words an agency's name can start with: those of the fixed patterns above (ROLE, UBND, CAC,
 * BARE_START, SO, BO), of the lexicon's bodies and of the heads a generic body starts with. A word not
 * among them (or the registry's) starts no agency, so a paragraph opening with a verb is not read
 * through every recogniser.
 */
const AGENCY_FIRST_WORDS = new Set([
  "thu", "nguoi", "chu", "giam", "lanh", "chanh", "ubnd", "uy", "uban", "cac", "co", "don", "cap", "chinh", "to", "so", "bo", "tram", "dia",
  ...[...PROVINCIAL_BODIES, ...CENTRAL_BODIES].flat().map(firstWordOf),
  ...ORGANISATION_HEADS.map(firstWordOf),
]);
const registryFirstWords = new WeakMap<RegistryAgency[], Set<string>>();
const WORD_AT = /[a-z0-9]+/y;

/**
 * Whether an agency may be named at `i`: false only when the folded word there starts none. (Where no
 * word starts at `i`, true: the recognisers decide.)
 */
export function mayNameAgency(folded: string, i: number, registry: RegistryAgency[] = []): boolean {
  return mayStartName(wordAt(folded, i), registry);
}
/** The folded word at `i`, undefined where none starts there. */
function wordAt(folded: string, i: number): string | undefined {
  WORD_AT.lastIndex = i;
  return WORD_AT.exec(folded)?.[0];
}
function mayStartName(word: string | undefined, registry: RegistryAgency[]): boolean {
  if (word === undefined || AGENCY_FIRST_WORDS.has(word)) return true;
  if (!registry.length) return false;
  let words = registryFirstWords.get(registry);
  if (!words) registryFirstWords.set(registry, (words = new Set(registry.flatMap((a) => [a.name, ...a.aliases]).map(firstWordOf))));
  return words.has(word);
}
/**
 * The first words of the fixed patterns (their alternatives' first words): a pattern is tried only where the word at the
 * position is one of them, as a pattern cannot match where its first word is not.
 */
const MINISTERS_WORDS = new Set(["cac", "bo"]);
const ROLE_WORDS = new Set(firstWords(ROLE_NAMES));
const UBND_WORDS = new Set(firstWords(UBND_NAMES));
/** LOCAL_BODY's, CAC's and BARE_START's: where `collective` can start. */
const COLLECTIVE_WORDS = new Set([...firstWords(LOCAL_BODY_NAMES), "cac", ...BARE_START_WORDS]);
const HEAD_WORDS = new Set(ORGANISATION_HEADS.map(firstWordOf));
/** Whether a pattern whose first words are `words` may match where the word is `word` (where no word starts, any may). */
const mayOpen = (words: Set<string>, word: string | undefined) => word === undefined || words.has(word);

/** The agencies named at `i`: usually one, several for "UBND các huyện X, Y". */
export function agenciesAt(text: string, folded: string, i: number, registry: RegistryAgency[] = []): AgencyMention[] {
  const word = wordAt(folded, i);
  // (A word no name starts with is not read through every recogniser: the work after a list, a verb after "và".)
  if (!mayStartName(word, registry)) return [];
  // "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, ...": the ministers, as a directive of the Prime Minister opens its list.
  // (With "các", written as a title: "Các Bộ trưởng, ...", not "các bộ trưởng, thứ trưởng đã dự họp".)
  const ministers = mayOpen(MINISTERS_WORDS, word) ? at(MINISTERS, folded, i) : null;
  if (ministers !== null && (!folded.startsWith("cac", i) || /^[Cc]ác\s+Bộ/u.test(text.slice(i, ministers)))) return [{ text: text.slice(i, ministers), name: text.slice(i, ministers), start: i, end: ministers, collective: true, central: true }];
  // ("Trưởng các thôn": a head, written so; "Trường" is a school.)
  const afterRole = (mayOpen(ROLE_WORDS, word) ? at(ROLE, folded, i) : null) ?? (folded.startsWith("truong", i) && HEAD_OF.test(text.slice(i, i + 8)) ? at(TRUONG, folded, i) : null);
  if (afterRole !== null) {
    const inner = agenciesAt(text, folded, afterRole, registry);
    if (inner.length === 1) return [{ ...inner[0], text: text.slice(i, inner[0].end), name: `${text.slice(i, afterRole)}${inner[0].name}`, start: i, code: undefined }];
    const bare = collective(text, folded, afterRole) ?? at(BARE_START, folded, afterRole);
    return bare === null ? [] : [{ text: text.slice(i, bare), name: text.slice(i, bare), start: i, end: bare, collective: true, central: isCentralCollective(text.slice(afterRole, bare)) }];
  }
  const committees = mayOpen(UBND_WORDS, word) ? peoplesCommittees(text, folded, i) : [];
  const candidates: Match[] = [];
  const group = mayOpen(COLLECTIVE_WORDS, word) ? collective(text, folded, i) : null;
  if (group !== null) candidates.push({ name: text.slice(i, group), end: group, collective: true, central: isCentralCollective(text.slice(i, group)) });
  for (const m of [word === undefined || word === "so" ? department(folded, i) : null, word === undefined || word === "bo" ? ministry(folded, i) : null,
    listedBody(text, folded, i, PROVINCIAL, false), listedBody(text, folded, i, CENTRAL, true)]) {
    if (m) candidates.push(m);
  }
  // (Named as a body, with its capital: "thành ủy" after "Ban Thường vụ các tỉnh ủy," goes on the collective phrase, it names no city's.)
  if (at(CAPITAL, text, i) !== null && CITY_WORD.test(folded.slice(i, i + CITY_REACH))) { const city = listedBody(text, folded, i, CITY, false); if (city) candidates.push(city); }
  const known = registry.length ? longest(registrySpellings(registry), folded, i) : null;
  if (known) candidates.push({ name: known.name, end: known.end, collective: false, central: centralInRegistry(registry, known.name) });
  if (!candidates.length && !committees.length && mayOpen(HEAD_WORDS, word)) { const g = genericBody(text, folded, i); if (g) candidates.push(g); }
  const best = candidates.reduce<Match | null>((b, c) => (!b || c.end > b.end ? c : b), null);
  if (committees.length && (!best || committees[committees.length - 1].end >= best.end)) return committees;
  if (!best) return [];
  // Written out: spreading `best` cost more than reading the agency.
  return [{ name: best.name, end: best.end, collective: best.collective, central: best.central, text: text.slice(i, best.end), start: i }];
}

const SEPARATOR = /\s*,\s*(?:va\s+)?|\s+va\s+|\s*;\s*/y;
/** "Các Cục: Trồng trọt và Bảo vệ thực vật, Chăn nuôi và Thú y": bodies of one kind, listed by their names. */
const HEAD_LIST = new RegExp(`cac\\s+(${alternation(ORGANISATION_HEADS)})\\s*:\\s*`, "y");
const ITEM_SEPARATOR = /\s*[,;]\s*/y;

/** The bodies of a list "Các Cục: A, B, C" at `i` ("Cục A", "Cục B", "Cục C"); names are split at commas only, as "và" is in them. */
function headList(text: string, folded: string, i: number): AgencyMention[] {
  if (!folded.startsWith("cac", i)) return []; // (HEAD_LIST's first word: most lists start otherwise)
  HEAD_LIST.lastIndex = i;
  const m = HEAD_LIST.exec(folded);
  if (!m) return [];
  const afterColon = HEAD_LIST.lastIndex;
  const headStart = at(CAC, folded, i)!;
  const raw = text.slice(headStart, headStart + m[1].length);
  const head = raw.charAt(0).toUpperCase() + raw.slice(1);
  const out: AgencyMention[] = [];
  for (let pos = afterColon; at(CAPITAL, text, pos) !== null;) {
    const end = nameEnd(text, folded, pos);
    if (end === pos) break;
    out.push({ text: out.length ? text.slice(pos, end) : text.slice(i, end), name: `${head} ${text.slice(pos, end)}`, start: out.length ? pos : i, end, collective: false, central: false });
    const next = at(ITEM_SEPARATOR, folded, end);
    if (next === null) break;
    pos = next;
  }
  return out;
}
const LIST_COLON = /\s*:?\s*/y;

/**
 * The list of agencies starting at `i` ("Sở Kế hoạch và Đầu tư, Sở Tài chính và các cơ quan liên
 * quan"), and where it ends. "các sở, ngành: Nội vụ, Y tế, ..." is read as the departments it lists.
 */
export function readAgencyList(text: string, folded: string, i: number, registry: RegistryAgency[] = [], itemStarts?: number[]): { agencies: AgencyMention[]; end: number } {
  const agencies: AgencyMention[] = [];
  let pos = i, end = i, bareDepartments = false;
  for (;;) {
    let found = agencies.length ? [] : headList(text, folded, pos);
    if (found.length) { agencies.push(...found); end = found[found.length - 1].end; break; }
    found = agenciesAt(text, folded, pos, registry);
    if (!found.length && bareDepartments) {
      const field = longest(FULL_FIELDS, folded, pos);
      if (field) found = [{ text: text.slice(pos, field.end), name: `Sở ${field.name}`, start: pos, end: field.end, collective: false, central: false }];
    }
    if (!found.length) break;
    const last = found[found.length - 1];
    // "các sở, ngành: Nội vụ, ..." or "các Sở Tài chính, Xây dựng": the phrase announces the departments that follow.
    if (last.collective && /(?:^|\s|,)so(?:,|\s|$)/.test(folded.slice(last.start, last.end))) {
      const listAt = at(LIST_COLON, folded, last.end)!;
      if (longest(FULL_FIELDS, folded, listAt)) {
        // (A read from this phrase goes on as this one does, in the same mode, unless a list announced by its head stands right
        // after it: a later ";" at it can pass it over, see `readsOn`.)
        if (itemStarts && !headList(text, folded, listAt).length) itemStarts.push(pos);
        bareDepartments = true; pos = end = listAt; continue;
      }
    }
    if (itemStarts && !bareDepartments) itemStarts.push(pos);
    agencies.push(...found);
    end = last.end;
    const next = at(SEPARATOR, folded, end);
    if (next === null) break;
    pos = next;
  }
  return { agencies, end };
}

/**
 * Whether `readAgencyList` from `pos` reads the rest of a list it has read, to the same end: `pos` is where one of that list's
 * items was read from (`itemStarts`, as that read gave them), and no list announced by its head ("các Cục: ...") starts there.
 * From such an item the read goes as it went on from it. A reader of a list's clauses can then pass over its thousand items.
 */
export function readsOn(itemStarts: readonly number[], text: string, folded: string, pos: number): boolean {
  return itemStarts[firstAtOrAfter(itemStarts, (start) => start, pos)] === pos && !headList(text, folded, pos).length;
}

/** Each agency once, by its name. */
export function uniqueAgencies(list: AgencyMention[]): AgencyMention[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    // (Runs of other characters made one space; a single space is left as it is, which costs nothing.)
    const key = foldVietnamese(a.name).replace(/[^a-z0-9]{2,}|[^a-z0-9 ]/g, " ").trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
