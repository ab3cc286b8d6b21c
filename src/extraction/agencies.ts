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
import {
  CENTRAL_BODIES, COLLECTIVE_QUALIFIERS, DEPARTMENT_FIELDS, MINISTRY_ONLY_FIELDS, ORGANISATION_HEADS, PROVINCIAL_BODIES,
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
  /** A body of the central government ("Bộ Quốc phòng", "Chính phủ"). */
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
  return /^(?:chinh phu|thu tuong|van phong chinh phu|bo (?!chi huy)|bo chinh tri|ban bi thu|ban chap hanh trung uong|ban [a-z ]+ trung uong|quoc hoi|uy ban thuong vu quoc hoi|ngan hang nha nuoc|thanh tra chinh phu|kiem toan nha nuoc|uy ban dan toc|toa an nhan dan toi cao|vien kiem sat nhan dan toi cao)(?![a-z])/
    .test(foldVietnamese(issuer).replace(/\s+/g, " ").trim());
}

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

/** Words that begin the work after a list of agencies: a name never runs on into them. */
const VERBS = [
  "chu tri", "phoi hop", "tiep tuc", "to chuc", "trien khai", "thuc hien", "tham muu", "chu dong", "huong dan", "theo doi",
  "nghien cuu", "ra soat", "tap trung", "co trach nhiem", "chiu trach nhiem", "lam", "la", "khan truong", "hoan thanh", "bao cao",
  "va", "cung", "de", "trong", "theo", "nham", "voi", "tai", "can cu", "dong thoi", "kip thoi", "dam bao", "day manh",
  "tang cuong", "xay dung", "de xuat", "bo tri", "ho tro", "can doi", "quan tam", "chi dao", "kiem tra", "giam sat", "ban hanh",
  "nang cao", "phat trien", "quan ly", "thuong xuyen", "dinh ky", "tong hop", "dieu chinh", "tich cuc",
];
const VERB_ALTERNATION = VERBS.map((v) => v.replace(/ /g, "\\s+")).join("|");
const NAME_STOP = new RegExp(`^(?:${VERB_ALTERNATION})(?![a-z0-9])`);
/**
 * A few words describing a collective phrase, up to the next agency of its list: "các doanh
 * nghiệp viễn thông, UBND ...". Only before a separator, so the work after a list is never eaten.
 */
const DESCRIPTOR = new RegExp(`(?:\\s+(?!(?:${VERB_ALTERNATION})(?![a-z0-9]))[a-z]+){1,3}(?=\\s*[,;:|]|\\s+va\\s)`, "y");

interface Spelling { re: RegExp; name: string }

const FIELDS: Spelling[] = DEPARTMENT_FIELDS.flatMap((d) => [
  { re: sticky(namePattern(d.field)), name: d.field },
  ...d.abbreviations.map((a) => ({ re: sticky(abbreviationPattern(a)), name: d.field })),
]);
const FULL_FIELDS: Spelling[] = DEPARTMENT_FIELDS.map((d) => ({ re: sticky(namePattern(d.field)), name: d.field }));
const MINISTRY_FIELDS: Spelling[] = [...new Set([...DEPARTMENT_FIELDS.map((d) => d.field), ...MINISTRY_ONLY_FIELDS])]
  .map((field) => ({ re: sticky(namePattern(field)), name: field }));
const spellings = (groups: string[][]): Spelling[] => groups.flatMap((g) => g.map((s) => ({ re: sticky(namePattern(s)), name: g[0] })));
const PROVINCIAL = spellings(PROVINCIAL_BODIES);
const CENTRAL = spellings(CENTRAL_BODIES);

/** The letters or digits, up to two, a pattern starts with to match as they are (names are written so): it matches only there. */
const literalStart = (re: RegExp) => /^(?:[a-z0-9](?![*+?{])){0,2}/.exec(re.source)![0];
const byStart = new WeakMap<Spelling[], Map<string, Spelling[]>>();

/** The spellings of `list` that can match where the folded text starts with `start` (two units), in their order in the list. */
function spellingsAt(list: Spelling[], start: string): Spelling[] {
  let index = byStart.get(list);
  if (!index) byStart.set(list, (index = new Map()));
  let found = index.get(start);
  if (!found) index.set(start, (found = list.filter((s) => start.startsWith(literalStart(s.re)))));
  return found;
}

/** The longest of several sticky patterns matching at `at`; only those that can match there are tried, as this runs at every agency. */
function longest(list: Spelling[], folded: string, at: number): { end: number; name: string } | null {
  let best: { end: number; name: string } | null = null;
  for (const s of spellingsAt(list, folded.slice(at, at + 2))) {
    s.re.lastIndex = at;
    if (s.re.test(folded) && (!best || s.re.lastIndex > best.end)) best = { end: s.re.lastIndex, name: s.name };
  }
  return best;
}

const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(namePattern).join("|");
const SECTOR = new RegExp(`(?:${alternation(SECTOR_NOUNS)})${END}`, "y");
const TERRITORY = new RegExp(`(?:${alternation(TERRITORY_NOUNS)})${END}`, "y");
const QUALIFIER = new RegExp(`\\s+(?:${alternation(COLLECTIVE_QUALIFIERS)})${END}`, "y");
/** Nouns that make a collective phrase without "các" ("cơ quan liên quan", "cấp ủy, chính quyền địa phương"). */
const BARE_START = /(?:co quan|don vi|cap uy|chinh quyen|to chuc chinh tri\s*-\s*xa hoi)(?![a-z0-9])/y;
const UBND = /(?:ubnd|uy ban nhan dan|uban nhan dan)\s+/y;
const CAC = /cac\s+/y;
const ROLE = /(?:thu truong|nguoi dung dau|chu tich|giam doc|lanh dao)\s+/y;
const SO = /so\s+/y;
const BO = /bo\s+/y;
/** "tỉnh Lạng Sơn", "Đồng Đăng - Lạng Sơn": a proper name, read on the original text where capitals show. */
const PROPER = /\s*(?:tỉnh\s+|thành phố\s+)?\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*(?:\s*-\s*\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*)*)?/uy;
const TINH_SUFFIX = /\s+tinh(?![a-z0-9])/y;
const UNIT_NAMES = /(huyen|thanh pho|thi xa|quan|xa|phuong|thi tran)\s+/y;

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

/** "các sở, ban, ngành", "UBND các huyện, thành phố", "cấp ủy, chính quyền địa phương". */
function collective(folded: string, i: number): number | null {
  let pos = at(UBND, folded, i) ?? i;
  const afterUbnd = pos !== i;
  const afterCac = at(CAC, folded, pos);
  if (afterCac === null && !afterUbnd && at(BARE_START, folded, pos) === null) return null;
  if (afterCac !== null) pos = afterCac;
  let noun: RegExp | null = null;
  for (const n of [SECTOR, TERRITORY]) if (at(n, folded, pos) !== null) { noun = n; break; }
  // "UBND cấp huyện": the level is the noun.
  if (!noun) return null;
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
  return at(DESCRIPTOR, folded, pos) ?? pos;
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
  const field = longest(MINISTRY_FIELDS, folded, afterBo);
  return field && { name: `Bộ ${field.name}`, end: field.end, collective: false, central: true };
}

/** A listed body, with "tỉnh" and the province's name when written after it ("Ủy ban MTTQ Việt Nam tỉnh Lạng Sơn"). */
function listedBody(text: string, folded: string, i: number, list: Spelling[], central: boolean): Match | null {
  const found = longest(list, folded, i);
  if (!found) return null;
  let end = found.end, name = found.name;
  const tinh = at(TINH_SUFFIX, folded, end);
  if (tinh !== null && !/ tinh$/.test(foldVietnamese(name))) end = tinh;
  if (/tinh$/.test(folded.slice(i, end))) {
    const proper = properName(text, end);
    if (proper !== null && !/^\s*(?:UBND|Sở|Ban|Bộ|Công an|Ủy ban|Uỷ ban)\b/u.test(text.slice(end, proper))) {
      name = `${name} ${text.slice(end, proper).trim()}`;
      end = proper;
    }
  }
  return { name, end, collective: false, central };
}

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

function genericBody(text: string, folded: string, i: number): Match | null {
  const afterHead = at(GENERIC, folded, i);
  if (afterHead === null || !/^\p{Lu}/u.test(text.slice(afterHead))) return null;
  let end = afterHead, words = 0;
  const word = /([^\S\n]*-[^\S\n]*|[^\S\n]+)?([^\s,;:.()"“”|]+)/y;
  for (;;) {
    word.lastIndex = end === afterHead ? afterHead : end;
    const m = word.exec(text);
    if (!m || words >= 14) break;
    const wordStart = word.lastIndex - m[2].length;
    if (words > 0 && !m[1]) break;
    if (NAME_STOP.test(folded.slice(wordStart))) break;
    end = word.lastIndex;
    words++;
  }
  return words ? { name: text.slice(i, end), end, collective: false, central: false } : null;
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

/** The agencies named at `i`: usually one, several for "UBND các huyện X, Y". */
export function agenciesAt(text: string, folded: string, i: number, registry: RegistryAgency[] = []): AgencyMention[] {
  const afterRole = at(ROLE, folded, i);
  if (afterRole !== null) {
    const inner = agenciesAt(text, folded, afterRole, registry);
    if (inner.length === 1) return [{ ...inner[0], text: text.slice(i, inner[0].end), name: `${text.slice(i, afterRole)}${inner[0].name}`, start: i, code: undefined }];
    const bare = collective(folded, afterRole) ?? at(BARE_START, folded, afterRole);
    return bare === null ? [] : [{ text: text.slice(i, bare), name: text.slice(i, bare), start: i, end: bare, collective: true, central: false }];
  }
  const committees = peoplesCommittees(text, folded, i);
  const candidates: Match[] = [];
  const group = collective(folded, i);
  if (group !== null) candidates.push({ name: text.slice(i, group), end: group, collective: true, central: false });
  for (const m of [department(folded, i), ministry(folded, i), listedBody(text, folded, i, PROVINCIAL, false), listedBody(text, folded, i, CENTRAL, true)]) {
    if (m) candidates.push(m);
  }
  const known = registry.length ? longest(registrySpellings(registry), folded, i) : null;
  if (known) candidates.push({ name: known.name, end: known.end, collective: false, central: false });
  if (!candidates.length && !committees.length) { const g = genericBody(text, folded, i); if (g) candidates.push(g); }
  const best = candidates.reduce<Match | null>((b, c) => (!b || c.end > b.end ? c : b), null);
  if (committees.length && (!best || committees[committees.length - 1].end >= best.end)) return committees;
  if (!best) return [];
  // Written out: spreading `best` cost more than reading the agency.
  return [{ name: best.name, end: best.end, collective: best.collective, central: best.central, text: text.slice(i, best.end), start: i }];
}

const SEPARATOR = /\s*,\s*(?:va\s+)?|\s+va\s+|\s*;\s*/y;
const LIST_COLON = /\s*:?\s*/y;

/**
 * The list of agencies starting at `i` ("Sở Kế hoạch và Đầu tư, Sở Tài chính và các cơ quan liên
 * quan"), and where it ends. "các sở, ngành: Nội vụ, Y tế, ..." is read as the departments it lists.
 */
export function readAgencyList(text: string, folded: string, i: number, registry: RegistryAgency[] = []): { agencies: AgencyMention[]; end: number } {
  const agencies: AgencyMention[] = [];
  let pos = i, end = i, bareDepartments = false;
  for (;;) {
    let found = agenciesAt(text, folded, pos, registry);
    if (!found.length && bareDepartments) {
      const field = longest(FULL_FIELDS, folded, pos);
      if (field) found = [{ text: text.slice(pos, field.end), name: `Sở ${field.name}`, start: pos, end: field.end, collective: false, central: false }];
    }
    if (!found.length) break;
    const last = found[found.length - 1];
    // "các sở, ngành: Nội vụ, ..." or "các Sở Tài chính, Xây dựng": the phrase announces the departments that follow.
    if (last.collective && /(?:^|\s|,)so(?:,|\s|$)/.test(folded.slice(last.start, last.end))) {
      const listAt = at(LIST_COLON, folded, last.end)!;
      if (longest(FULL_FIELDS, folded, listAt)) { bareDepartments = true; pos = end = listAt; continue; }
    }
    agencies.push(...found);
    end = last.end;
    const next = at(SEPARATOR, folded, end);
    if (next === null) break;
    pos = next;
  }
  return { agencies, end };
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
