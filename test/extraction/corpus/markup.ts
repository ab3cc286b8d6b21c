/**
 * The one source of each corpus document: a header object and a body in a small line markup,
 * parsed here into blocks that build.ts writes as plain text and as Word.
 *
 * Body lines (blank lines are ignored):
 *   @title TEXT            centred bold (the document type: "KẾ HOẠCH")
 *   @subtitle TEXT         centred bold, normal case (the excerpt)
 *   @center TEXT / @centeri TEXT   centred plain / italic
 *   @h TEXT                bold heading with its number written ("I. MỤC TIÊU"); restarts automatic numbering
 *   @hi TEXT               the same, bold italic
 *   @n1 / @n2 / @n3 TEXT   heading numbered by Word (levels of the document's `levels`), bold
 *   @p1 / @p2 / @p3 TEXT   paragraph numbered by Word, plain
 *   @i TEXT                italic paragraph
 *   - TEXT / + TEXT        bullets ("-" level 0, "+" level 1)
 *   TEXT                   body paragraph (justified, first line indented)
 *   @fn N TEXT             footnote N; [^N] in a line marks where it is referred to
 *   **bold**, __italic__   inline
 *   @table W1,W2,...       a table (column widths in percent) until @end; rows "a | b | c";
 *                          "!h a | b" a header row, "!g I | Xây dựng thể chế" a group row (second cell spans the rest),
 *                          a cell "^" continues the cell above it (vertical merge); font size with "@table 8,40 size=11"
 *   @sign ... @end         recipients ("< ...", left) and signature ("> ...", right; "> " alone is the space to sign)
 *   @header L1/L2 || R1/R2 a header block inside the document (an attached programme's own header)
 *   @pagebreak, @landscape, @portrait   page and section breaks
 */

export interface Header {
  left: string[];
  right: string[];
  number: string;
  date: string;
  /** Excerpt under the number, for letters ("V/v ..."). */
  vv?: string[];
  /** How many first lines of the left column are not bold (a superior body: "ĐẢNG BỘ TỈNH ..."). */
  plainLines?: number;
  /** How the plain text shows the header: "stacked" (left column, then right), "rows" (the two columns joined by " | "). */
  txt?: "stacked" | "rows";
}

export interface LevelSpec {
  format: "decimal" | "upperRoman" | "lowerLetter";
  /** Word's level text: "%1.", "%1.%2.", "%3)". */
  text: string;
}

/** The numbering most plans use: "1.", "1.1.", "a)". */
export const PLAN_LEVELS: LevelSpec[] = [
  { format: "decimal", text: "%1." },
  { format: "decimal", text: "%1.%2." },
  { format: "lowerLetter", text: "%3)" },
];

export interface CorpusDocument {
  name: string;
  /** One line: what the document is. */
  what: string;
  /** The real document whose structure this one follows. */
  basedOn?: { title: string; url: string };
  header: Header;
  /** Levels of Word's automatic numbering for @n1-@n3 / @p1-@p3. */
  levels?: LevelSpec[];
  /** Bullets as Word list numbering ("word") or as typed characters ("text"). */
  bullets?: "word" | "text";
  body: string;
}

export type Inline = { text: string; bold?: boolean; italic?: boolean } | { footnote: number };

export interface Cell { text: string; colSpan: number; rowSpan: number; continued: boolean }
export interface Row { kind: "header" | "group" | "data"; cells: Cell[] }

export type Block =
  | { t: "title" | "subtitle" | "center" | "centeri"; text: Inline[] }
  | { t: "h" | "hi"; text: Inline[] }
  | { t: "num"; level: number; heading: boolean; text: Inline[] }
  | { t: "p" | "i"; text: Inline[] }
  | { t: "bullet"; level: number; text: Inline[] }
  | { t: "table"; widths: number[]; size: number; rows: Row[] }
  | { t: "sign"; left: string[]; right: string[] }
  | { t: "header"; left: string[]; right: string[] }
  | { t: "pagebreak" }
  | { t: "section"; landscape: boolean };

export interface Parsed { blocks: Block[]; footnotes: Map<number, string> }

export function inline(s: string): Inline[] {
  const out: Inline[] = [];
  for (const part of s.split(/(\*\*[^*]+\*\*|__[^_]+__|\[\^\d+\])/)) {
    if (!part) continue;
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^\*\*([^*]+)\*\*$/))) out.push({ text: m[1], bold: true });
    else if ((m = part.match(/^__([^_]+)__$/))) out.push({ text: m[1], italic: true });
    else if ((m = part.match(/^\[\^(\d+)\]$/))) out.push({ footnote: Number(m[1]) });
    else out.push({ text: part });
  }
  return out;
}

export function parse(body: string): Parsed {
  const blocks: Block[] = [];
  const footnotes = new Map<number, string>();
  const lines = body.split("\n").map((l) => l.trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const [cmd, ...rest] = line.split(" ");
    const arg = rest.join(" ");
    if (cmd === "@title" || cmd === "@subtitle" || cmd === "@center" || cmd === "@centeri") blocks.push({ t: cmd.slice(1) as "title", text: inline(arg) });
    else if (cmd === "@h" || cmd === "@hi") blocks.push({ t: cmd.slice(1) as "h", text: inline(arg) });
    else if (/^@[np][123]$/.test(cmd)) blocks.push({ t: "num", level: Number(cmd[2]) - 1, heading: cmd[1] === "n", text: inline(arg) });
    else if (cmd === "@i") blocks.push({ t: "i", text: inline(arg) });
    else if (cmd === "-" || cmd === "+") blocks.push({ t: "bullet", level: cmd === "-" ? 0 : 1, text: inline(arg) });
    else if (cmd === "@fn") footnotes.set(Number(rest[0]), rest.slice(1).join(" "));
    else if (cmd === "@pagebreak") blocks.push({ t: "pagebreak" });
    else if (cmd === "@landscape" || cmd === "@portrait") blocks.push({ t: "section", landscape: cmd === "@landscape" });
    else if (cmd === "@header") {
      const [l, r] = arg.split("||").map((s) => s.split("/").map((x) => x.trim()));
      blocks.push({ t: "header", left: l, right: r });
    } else if (cmd === "@sign") {
      const left: string[] = [], right: string[] = [];
      for (i++; lines[i] !== "@end"; i++) {
        const l = lines[i];
        if (l.startsWith("<")) left.push(l.slice(1).trim());
        else if (l.startsWith(">")) right.push(l.slice(1).trim());
        else if (l) throw new Error(`@sign: line not "<" or ">": ${l}`);
      }
      blocks.push({ t: "sign", left, right });
    } else if (cmd === "@table") {
      const widths = rest[0].split(",").map(Number);
      const size = Number((arg.match(/size=(\d+)/) ?? [])[1] ?? 12);
      const rows: Row[] = [];
      for (i++; lines[i] !== "@end"; i++) {
        let l = lines[i];
        if (!l) continue;
        let kind: Row["kind"] = "data";
        if (l.startsWith("!h ")) { kind = "header"; l = l.slice(3); }
        else if (l.startsWith("!g ")) { kind = "group"; l = l.slice(3); }
        const texts = l.split("|").map((c) => c.trim());
        let cells: Cell[];
        if (kind === "group") cells = [{ text: texts[0], colSpan: 1, rowSpan: 1, continued: false }, { text: texts.slice(1).join(" | "), colSpan: widths.length - 1, rowSpan: 1, continued: false }];
        else {
          if (texts.length !== widths.length) throw new Error(`table row has ${texts.length} cells, ${widths.length} columns: ${l}`);
          cells = texts.map((text) => ({ text, colSpan: 1, rowSpan: 1, continued: text === "^" }));
        }
        // A "^" cell lengthens the merge that starts above it.
        cells.forEach((c, col) => {
          if (!c.continued) return;
          for (let r = rows.length - 1; r >= 0; r--) {
            if (rows[r].kind === "group") break;
            const above = rows[r].cells[col];
            if (above && !above.continued) { above.rowSpan++; c.text = above.text; return; }
          }
          throw new Error(`"^" with nothing above: ${l}`);
        });
        rows.push({ kind, cells });
      }
      blocks.push({ t: "table", widths, size, rows });
    } else if (cmd.startsWith("@")) throw new Error(`unknown markup ${cmd}`);
    else blocks.push({ t: "p", text: inline(line) });
  }
  for (const b of blocks) for (const x of "text" in b && Array.isArray(b.text) ? b.text : []) {
    if ("footnote" in x && !footnotes.has(x.footnote)) throw new Error(`footnote ${x.footnote} has no @fn`);
  }
  return { blocks, footnotes };
}

const ROMAN: [number, string][] = [[10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
export function formatCounter(n: number, format: LevelSpec["format"]): string {
  if (format === "decimal") return String(n);
  if (format === "lowerLetter") return String.fromCharCode(96 + n);
  let s = "";
  for (const [v, r] of ROMAN) while (n >= v) { s += r; n -= v; }
  return s;
}

/** The labels Word shows for numbered paragraphs, and the instance each belongs to (a manual heading starts a new one). */
export class Numbering {
  counters = [0, 0, 0];
  instance = 1;
  constructor(private levels: LevelSpec[]) {}
  restart() { if (this.counters.some((c) => c)) { this.counters = [0, 0, 0]; this.instance++; } }
  next(level: number): string {
    this.counters[level]++;
    for (let l = level + 1; l < 3; l++) this.counters[l] = 0;
    const spec = this.levels[level];
    if (!spec) throw new Error(`no numbering level ${level}`);
    return spec.text.replace(/%(\d)/g, (_, k: string) => formatCounter(this.counters[Number(k) - 1], this.levels[Number(k) - 1].format));
  }
}
