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
