/**
 * A report section's narrative as the focal point edits it: plain text, one paragraph per block of
 * lines, "- " for a bullet, "### " for a sub-heading. Tables are not narrative: they stay drafted.
 * Pure: blocks → text for the editor, text → blocks for the document.
 */
import type { Block } from "./official-document.js";

export function blocksToText(blocks: Block[]): string {
  return blocks.flatMap((b) => {
    if (b.kind === "heading") return [`### ${b.text}`];
    if (b.kind === "paragraph") return [b.text];
    if (b.kind === "bullets") return [b.items.map((i) => `- ${i}`).join("\n")];
    return [];
  }).join("\n\n");
}

export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk.split("\n").map((l) => l.trim()).filter(Boolean);
    let paragraph: string[] = [];
    let bullets: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
      if (bullets.length) blocks.push({ kind: "bullets", items: bullets });
      paragraph = [];
      bullets = [];
    };
    for (const line of lines) {
      if (line.startsWith("### ")) { flush(); blocks.push({ kind: "heading", level: 2, text: line.slice(4).trim() }); }
      else if (/^[-–+•]\s+/.test(line)) { if (paragraph.length) flush(); bullets.push(line.replace(/^[-–+•]\s+/, "")); }
      else if (bullets.length) bullets[bullets.length - 1] += ` ${line}`; // a bullet's wrapped line
      else paragraph.push(line);
    }
    flush();
  }
  return blocks;
}

/** Words a shortened text must not end on: they announce what was cut ("trước ngày…", "của…"). */
const DANGLING = /(?:\s+(?:ngày|tháng|năm|trước|sau|đến|từ|tại|của|và|với|theo|số|về|cho|trong|để|các|những|là|hoặc))+$/iu;

/**
 * A text cut to at most `max` characters, "…" included, for a sentence that quotes it. It ends at
 * the last clause boundary (";", ":", ",", "." or " - " before a space) past 40% of `max`, else at
 * the last space: never inside a word, a date ("31/12/2025") or a figure ("1.288,12"), and never
 * on a word that announces what was cut. Short texts come back whole, their spaces tidied.
 */
export function shorten(text: string, max: number): string {
  const whole = text.trim().replace(/\s+/g, " ");
  if (whole.length <= max) return whole;
  // The cut happens before a space: everything before index `room` may stay, leaving a place for "…".
  const room = max - 1;
  let cut = -1;
  for (const m of whole.matchAll(/[;:,.](?= )| [-–](?= )/g)) {
    if (m.index >= room) break;
    if (m.index >= max * 0.4) cut = m.index;
  }
  if (cut < 0) cut = whole.lastIndexOf(" ", room); // a space at `room` ends a word that fits
  if (cut <= 0) cut = room; // one word longer than max: nothing better
  const kept = whole.slice(0, cut).replace(/[\s,;:.\-–]+$/u, "");
  return `${kept.replace(DANGLING, "") || kept}…`;
}
