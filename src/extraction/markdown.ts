/**
 * Plain text that a conversion to Markdown wrote (a web page or a Word file run through a converter): the
 * marks it adds are no words of the document, and they stand where the stages read words: "2.1. **Sở Kế
 * hoạch và Đầu tư** chủ trì, ..." hides the agency behind "**", "1\. Mục đích" the item's number, "## II.
 * NHIỆM VỤ" the heading's. Removed: strong emphasis in pairs ("**...**", "__...__"), the hashes of headings,
 * and the backslash before punctuation it escapes; a numbered heading in bold glued to the text before it
 * goes to a line of its own; a paragraph in emphasis as a whole ("*Căn cứ ...;*") and strong emphasis of nothing ("****").
 * Other single "*" and "_" stay (a note's "(*)", a bullet's "* ", a form's blank "ngày ___ tháng"), as does "\|", a bar
 * inside a table's cell.
 */

/** Where strong emphasis may open or close: "**" or "__" (three "*" are strong and italic together). */
const STRONG_MARK = /\*\*\*?|__/g;
/** A heading's hashes: "## II. NHIỆM VỤ" (not a table's "#" column, "#\tNhiệm vụ", copied from Word). */
const HEADING = /^ {0,3}#{1,6} +(?=\S)/;
/** An escaped punctuation mark: "1\.", "a\)", "\*", "\-". */
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!>~:])/g;
/** Any of the marks, to leave a text without them as it is. */
const MARKS = /\*\*|__|\\[\\`*_{}[\]()#+\-.!>~:]|^ {0,3}#{1,6} |^\*\S/m;
/**
 * A paragraph in emphasis as a whole, in one run or a few side by side: "*Căn cứ Luật ...;*", "*Cần Thơ, ngày 21" / "tháng 11 năm 2025 *",
 * "*2.2.* *Tập trung nguồn lực ...*".
 */
const WHOLE_EMPHASIS = /^(?:\*[^\s*][^*]*\*[^\S\n]*){1,4}$/;
/** A line in emphasis as a whole: "*Nơi nhận:*". */
const LINE_EMPHASIS = /^\*([^\s*](?:[^*\n]*[^\s*])?)\*$/gm;
/**
 * Strong emphasis of nothing, where a converter wrote two runs in bold side by side: "**Về bổ sung ... năm 2025 ****với mục tiêu ...**"
 * (not a mask, "0912****", nor a longer run of stars).
 */
const EMPTY_STRONG = /(?<![*(\p{N}])\*{4}(?![*)\p{N}])/gu;

export function withoutMarkdown(text: string): string {
  if (!MARKS.test(text)) return text;
  const lines = text.split("\n");
  for (const [i, line] of lines.entries()) if (line.includes("#") && !line.includes("\t")) lines[i] = line.replace(HEADING, "");
  // Strong emphasis is paired within a paragraph, its lines up to a blank one: a web copy wraps a bold heading over lines
  // ("**4. Sở Văn" / "hóa, Thể thao và Du lịch**").
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    let end = i;
    while (end < lines.length && lines[end].trim()) end++;
    if (end === i) { out.push(lines[i++]); continue; }
    let paragraph = end === i + 1 ? lines[i] : lines.slice(i, end).join("\n");
    if (paragraph.includes("****")) paragraph = paragraph.replace(EMPTY_STRONG, "");
    // (A paragraph of marks alone, "** **", is a blank line.)
    if (/^[*_\s]+$/.test(paragraph) && /\*\*|__/.test(paragraph)) paragraph = "";
    if (paragraph.includes("**") || paragraph.includes("__")) paragraph = withoutStrong(paragraph);
    // (A line in emphasis as a whole inside a paragraph: "*Nơi nhận:*" over its list.)
    if (paragraph.includes("*\n") || paragraph.includes("\n*")) paragraph = paragraph.replace(LINE_EMPHASIS, "$1");
    // (Its runs, the parts between odd and even stars, each without the spaces before its closing star, one space between them.)
    out.push(paragraph.startsWith("*") && WHOLE_EMPHASIS.test(paragraph)
      ? paragraph.split("*").filter((_, k) => k % 2 === 1).map((run) => run.trimEnd()).join(" ")
      : paragraph);
    i = end;
  }
  return out.join("\n").replace(ESCAPED, "$1");
}

/** The most line breaks a pair of marks may hold: a heading wrapped over a few lines, not marks lines apart that pair by chance. */
const MAX_BREAKS_INSIDE = 3;

/**
 * A paragraph's strong emphasis removed: its marks taken in pairs from the left, a pair opening before a word and closing after
 * one (not a note's "(**)", not a blank's "____"), in one pass (pairing by a pattern retried the rest of the line at every mark).
 */
function withoutStrong(paragraph: string): string {
  const marks = [...paragraph.matchAll(STRONG_MARK)];
  let out = "", at = 0;
  for (let k = 0; k + 1 < marks.length; k++) {
    const open = marks[k], close = marks[k + 1];
    // (A closing mark a conversion set after a space or on the next line closes the words before: "**ỦY BAN NHÂN" / "DÂN **",
    // "**ỦY BAN NHÂN DÂN" / "**".)
    let inside = paragraph.slice(open.index + open[0].length, close.index);
    const closesAfterSpace = /\s$/.test(inside) && inside.includes("\n");
    if (closesAfterSpace) inside = inside.trimEnd();
    if (open[0] !== close[0] || !/^[^\s*_)]/.test(inside) || !/[^\s*_(]$/.test(inside)) continue;
    if (inside.includes("\n") && inside.split("\n", MAX_BREAKS_INSIDE + 2).length > MAX_BREAKS_INSIDE + 1) continue;
    // A bold heading glued to the text before it ("... NGHỊ QUYẾT SỐ 11-NQ/TW**1. Khái quát chung**"): a paragraph the
    // conversion ran into the one before, set on its own line again.
    const glued = open.index > 0 && !/\s/.test(paragraph.charAt(open.index - 1)) && NUMBERED.test(inside);
    // (A numbered heading's lines are one: a web copy wrapped it, "**2. Sở" / "Khoa học và Công nghệ**". Not a signature's, whose
    // lines are lines: "**T/M BAN THƯỜNG VỤ" / "PHÓ BÍ THƯ THƯỜNG TRỰC**".)
    const wrapped = inside.includes("\n") && NUMBERED.test(inside);
    out += paragraph.slice(at, open.index) + (glued ? "\n" : "") + (wrapped ? inside.replace(/[^\S\n]*\n\s*/g, " ") : inside);
    at = close.index + close[0].length;
    k++;
  }
  return out + paragraph.slice(at);
}
/** An item's number opening a heading: "1.", "1.2.", "II-", "a)". */
const NUMBERED = /^(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*)[.\-)]\s|^[a-zđ]\)\s/u;
