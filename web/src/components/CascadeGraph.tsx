/**
 * The implementation chain drawn as a layered graph: documents implemented (above), the current
 * one, and those implementing it (below), with an arrow from each document to what it
 * implements. Every node is a link.
 */
import { useNavigate } from "react-router";
import type { DocumentGraph } from "../api";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";
import { DOCUMENT_TYPE_LABELS } from "../../../src/documents/labels";

const W = 210, H = 62, GAP_X = 20, GAP_Y = 46, PAD = 12;

export function CascadeGraph({ graph }: { graph: DocumentGraph }) {
  const { t, lang } = useLanguage();
  const navigate = useNavigate();
  const levels = [...new Set(graph.nodes.map((n) => n.depth))].sort((a, b) => a - b);
  const widest = Math.max(...levels.map((d) => graph.nodes.filter((n) => n.depth === d).length));
  const width = Math.max(1, widest) * (W + GAP_X) - GAP_X + 2 * PAD;
  const height = levels.length * (H + GAP_Y) - GAP_Y + 2 * PAD;
  const pos = new Map<number, { x: number; y: number }>();
  levels.forEach((depth, row) => {
    const nodes = graph.nodes.filter((n) => n.depth === depth);
    const rowWidth = nodes.length * (W + GAP_X) - GAP_X;
    nodes.forEach((n, i) => pos.set(n.id, { x: (width - rowWidth) / 2 + i * (W + GAP_X), y: PAD + row * (H + GAP_Y) }));
  });
  if (graph.nodes.length <= 1) return <p className="muted">{t.cascadeEmpty}</p>;
  // Cut at a word's end: every word shown is a word of the name read out (axe compares them word by word).
  const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1).replace(/\s+\S*$/, "") + "…" : s);
  return (
    <figure className="cascade">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="group" aria-label={t.cascade}>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#7a8599" />
          </marker>
        </defs>
        {graph.edges.map((e) => {
          const from = pos.get(e.fromId), to = pos.get(e.toId);
          if (!from || !to) return null;
          return <line key={`${e.fromId}-${e.toId}`} x1={from.x + W / 2} y1={from.y} x2={to.x + W / 2} y2={to.y + H} stroke="#7a8599" strokeWidth={1.5} markerEnd="url(#arrow)" />;
        })}
        {graph.nodes.map((n) => {
          const p = pos.get(n.id)!;
          const current = n.id === graph.rootId;
          const label = n.symbol ?? DOCUMENT_TYPE_LABELS[n.docType as keyof typeof DOCUMENT_TYPE_LABELS]?.[lang] ?? "";
          const go = () => navigate(`/documents/${n.id}`);
          // The name read out holds the words shown (axe: label-content-name-mismatch), the title in full.
          const heading = `${label}${n.issuedOn ? `  ·  ${formatDate(n.issuedOn)}` : ""}`;
          return (
            <g key={n.id} transform={`translate(${p.x},${p.y})`} className={`node${current ? " current" : ""}${n.stub ? " stub" : ""}`}
              role="link" tabIndex={0} aria-label={`${heading} ${n.title}`} data-symbol={n.symbol ?? ""}
              onClick={go} onKeyDown={(e) => { if (e.key === "Enter") go(); }}>
              <title>{n.title}</title>
              <rect width={W} height={H} rx={6} />
              <text x={10} y={22} className="node-symbol">{heading}</text>
              <text x={10} y={44} className="node-title">{/* (a space between the two lines, as the name read out has it) */` ${clip(n.title, 32)}`}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{t.cascadeHint}</figcaption>
    </figure>
  );
}
