/**
 * A report's sections: drafted from the data in the form's order (stateSections, selfMonitoringSections),
 * then each replaced by the focal point's edit where there is one.
 */
import type { SECTION_KEYS } from "./drafts.js";
import { blocksToText, textToBlocks } from "./narrative.js";
import type { Block } from "./official-document.js";

export type SectionKey = (typeof SECTION_KEYS)[number];

export interface DraftedSection {
  key: SectionKey;
  /** The section's heading ("II. KẾT QUẢ ĐẠT ĐƯỢC", "1. Khái quát chung"); empty under a part that is its own heading. */
  title: string;
  /** The part it belongs to, a heading over its sections ("I- KHÁI QUÁT CHUNG ..."): the Party's report nests them. */
  part?: string;
  blocks: Block[];
}

export interface ReportSection extends DraftedSection {
  /** The focal point edited it (its text replaces the drafted one). */
  edited: boolean;
  /** The blocks as the editor shows them. */
  text: string;
}

/** The drafted sections with the focal point's edits (section key → text) laid over them. */
export function withEdits(drafted: DraftedSection[], edits: Record<string, string> | undefined): ReportSection[] {
  return drafted.map((s) => {
    const edit = edits?.[s.key];
    return { ...s, blocks: edit !== undefined ? textToBlocks(edit) : s.blocks, edited: edit !== undefined, text: edit ?? blocksToText(s.blocks) };
  });
}

/** The body of the document: each part's heading once, then its sections' headings and blocks. */
export function sectionBlocks(sections: ReportSection[]): Block[] {
  const out: Block[] = [];
  let part: string | undefined;
  for (const s of sections) {
    if (s.part && s.part !== part) out.push({ kind: "heading", level: 1, text: s.part });
    part = s.part;
    if (s.title) out.push({ kind: "heading", level: s.part ? 2 : 1, text: s.title });
    out.push(...s.blocks);
  }
  return out;
}
