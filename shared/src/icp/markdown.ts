import type {
  BlockContent,
  List,
  ListItem as MdListItem,
  Paragraph,
  PhrasingContent,
  RootContent,
  Text,
} from 'mdast';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { ListItem, RangeValue } from './accessors.js';
import type { CanonicalIcp } from './canonical.js';
import { limitRichTextDepth, type RichTextNode } from './fragment.js';
import { safeHref } from './links.js';
import { ICP_SECTIONS, SECTION_GROUPS, type SectionDefinition } from './layout.js';
import { FUNCTION_LABELS, FUNCTIONS, type IcpFunction } from '../logic/roles.js';
import { evidenceSchema, type Evidence } from '../validation/datasets.js';
import { provenanceSchema, type WorkshopSummaryDto } from '../validation/workshop.js';
import { describeBestCustomers } from '../accounts/bestCustomerMask.js';
import { compileScoringModel } from '../scoring/compileScoringModel.js';
import { importanceLabel } from '../scoring/scoringSettings.js';

/** What an export says about the version it was made from. */
export interface ExportedVersion {
  number: number;
  name: string | null;
  createdAt: string;
  hash: string;
}

/** A workshop's record as the export prints it. */
export interface ExportedWorkshop {
  startedAt: string;
  facilitator: string;
  summary: WorkshopSummaryDto;
}

/** "1 h 05 min", "12 min", "45 s". */
function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The workshop record: time per step, what changed, votes, promoted criteria, open threads, people. */
function workshopBlocks(workshop: ExportedWorkshop): RootContent[] {
  const { summary } = workshop;
  const sectionTitle = (key: string) => ICP_SECTIONS.find((s) => s.key === key)?.title ?? key;
  const blocks: RootContent[] = [
    { type: 'heading', depth: 2, children: [text('Workshop record')] },
    paragraph(
      text(
        `Workshop on ${workshop.startedAt.slice(0, 10)}, facilitated by ${workshop.facilitator}, ` +
          `${duration(summary.durationMs)}.`,
      ),
    ),
    { type: 'heading', depth: 3, children: [text('Who took part')] },
    bulletList(
      [
        ...FUNCTIONS.map((fn) => {
          const names = summary.participants.filter((p) => p.function === fn).map((p) => p.name);
          return `${FUNCTION_LABELS[fn]}: ${names.length ? names.join(', ') : 'nobody'}`;
        }),
        ...(summary.participants.some((p) => p.function === null)
          ? [
              `No function: ${summary.participants
                .filter((p) => p.function === null)
                .map((p) => p.name)
                .join(', ')}`,
            ]
          : []),
        `Not there: ${summary.absent.length ? summary.absent.map((p) => p.name).join(', ') : 'nobody'}`,
      ].map((line) => [paragraph(text(line))]),
    ),
    { type: 'heading', depth: 3, children: [text('Agenda')] },
    bulletList(
      summary.steps.map((s) => [
        paragraph(text(`${s.title}: ${duration(s.spentMs)} of ${duration(s.plannedMs)} planned`)),
      ]),
    ),
  ];
  if (summary.promoted.length > 0) {
    blocks.push({ type: 'heading', depth: 3, children: [text('Agreed in the workshop')] });
    blocks.push(
      bulletList(
        summary.promoted.map((p) => [
          paragraph(text(`${sectionTitle(p.section)}: ${p.text}`), text(' '), {
            type: 'emphasis',
            children: [text(`(proposed by ${p.author.name}, ${p.votes} votes)`)],
          }),
        ]),
      ),
    );
  }
  for (const round of summary.votes) {
    blocks.push({ type: 'heading', depth: 3, children: [text(`Votes: ${round.stepTitle}`)] });
    blocks.push(
      bulletList(
        round.results.map((r) => [
          paragraph(
            text(
              `${r.votes} · ${r.text} (${sectionTitle(r.section)}, ${r.author.name})${r.promoted ? ' · added' : ''}`,
            ),
          ),
        ]),
      ),
    );
  }
  blocks.push(
    paragraph(
      text(
        `${summary.notPromoted} ${summary.notPromoted === 1 ? 'note was' : 'notes were'} not added; ` +
          `${summary.openThreadCount} comment ${summary.openThreadCount === 1 ? 'thread is' : 'threads are'} still open.`,
      ),
    ),
  );
  return blocks;
}

/** The approval an export records, if the version is the approved one. */
export interface ExportedApproval {
  approvedBy: string | null;
  approvedAt: string;
  signOffs: { function: IcpFunction; by: string | null; at: string }[];
}

/**
 * A one-page Markdown rendering of an ICP version, in page order, for download. The document is
 * built as an mdast tree and written by `mdast-util-to-markdown`, which escapes whatever the text
 * holds that Markdown or HTML would read as syntax (`*`, `[`, `<script>`, `&amp;`, a `#` or `1.`
 * at the start of a line...), so narrative text stays text. Links keep `http:`, `https:` and
 * `mailto:` targets only (`safeHref`); any other link is exported as its plain text.
 */
export function icpToMarkdown(input: {
  title: string;
  content: CanonicalIcp;
  version: ExportedVersion;
  approval: ExportedApproval | null;
  /** When the version was recorded by a workshop's wrap-up: its record. */
  workshop?: ExportedWorkshop | null;
}): string {
  const { title, content, version, approval } = input;
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [text(title)] }];
  const label = version.name ? `Version ${version.number}: ${version.name}` : `Version ${version.number}`;
  children.push(
    paragraph({
      type: 'emphasis',
      children: [
        text(`${label} · ${version.createdAt.slice(0, 10)} · SHA-256 `),
        { type: 'inlineCode', value: version.hash },
      ],
    }),
  );
  if (approval) {
    children.push(
      paragraph(
        { type: 'strong', children: [text('Approved')] },
        text(` by ${approval.approvedBy ?? 'a former member'} on ${approval.approvedAt.slice(0, 10)}.`),
      ),
    );
    const signOffs = FUNCTIONS.flatMap((fn) => {
      const signOff = approval.signOffs.find((s) => s.function === fn);
      return signOff
        ? [
            `${FUNCTION_LABELS[fn]}: signed off by ${signOff.by ?? 'a former member'} on ${signOff.at.slice(0, 10)}`,
          ]
        : [];
    });
    if (signOffs.length > 0) children.push(bulletList(signOffs.map((line) => [paragraph(text(line))])));
  }
  for (const group of SECTION_GROUPS) {
    children.push({ type: 'heading', depth: 2, children: [text(group.title)] });
    for (const section of ICP_SECTIONS.filter((s) => s.group === group.key)) {
      children.push({ type: 'heading', depth: 3, children: [text(section.title)] });
      children.push(...sectionBlocks(section, content.sections[section.key]));
    }
  }
  if (content.bestCustomers) {
    children.push({ type: 'heading', depth: 2, children: [text('Best customers')] });
    children.push(
      paragraph(
        text(
          `Derived from: ${describeBestCustomers(content.bestCustomers.conditions, content.bestCustomers.comparison)}.`,
        ),
      ),
    );
  }
  children.push(...scoringBlocks(content));
  if (input.workshop) children.push(...workshopBlocks(input.workshop));
  return toMarkdown(
    { type: 'root', children },
    {
      bullet: '-',
      emphasis: '_',
      strong: '*',
      rule: '-',
      listItemIndent: 'one',
      fences: true,
      extensions: [gfmStrikethroughToMarkdown()],
    },
  );
}

function sectionBlocks(section: SectionDefinition, value: unknown): RootContent[] {
  switch (section.kind) {
    case 'list': {
      const items = (Array.isArray(value) ? (value as unknown[]) : []).flatMap((item) =>
        item && typeof item === 'object' && typeof (item as ListItem).text === 'string'
          ? [item as ListItem]
          : [],
      );
      return items.length
        ? [
            bulletList(
              items.map((item) => {
                const evidence = parsedEvidence(item.evidence);
                const provenance = provenanceSchema.safeParse(item.provenance);
                if (provenance.success) {
                  const p = provenance.data;
                  return [
                    paragraph(text(item.text), text(' '), {
                      type: 'emphasis',
                      children: [
                        text(
                          `(from a workshop: proposed by ${p.proposedBy.name}, ${p.votes} ${p.votes === 1 ? 'vote' : 'votes'})`,
                        ),
                      ],
                    }),
                  ];
                }
                return evidence
                  ? [
                      paragraph(text(item.text), text(' '), {
                        type: 'emphasis',
                        children: [text(`(${evidenceText(evidence)})`)],
                      }),
                    ]
                  : [paragraph(text(item.text))];
              }),
            ),
          ]
        : [paragraph({ type: 'emphasis', children: [text('None listed.')] })];
    }
    case 'range': {
      const range = rangeOf(value);
      if (range.min === null && range.max === null)
        return [paragraph({ type: 'emphasis', children: [text('Not set.')] })];
      const evidence = parsedEvidence((value as Partial<RangeValue> | null)?.evidence);
      return [
        evidence
          ? paragraph(text(rangeText(section.unit, range)), text(' '), {
              type: 'emphasis',
              children: [text(`(${evidenceText(evidence)})`)],
            })
          : paragraph(text(rangeText(section.unit, range))),
      ];
    }
    case 'richText': {
      const root = value && typeof value === 'object' ? limitRichTextDepth(value as RichTextNode) : undefined;
      const blocks = root ? blocksOf(root) : [];
      return blocks.length ? blocks : [paragraph({ type: 'emphasis', children: [text('Nothing written.')] })];
    }
  }
}

function rangeOf(value: unknown): RangeValue {
  const range = (value && typeof value === 'object' ? value : {}) as Partial<RangeValue>;
  const bound = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) ? n : null);
  const result: RangeValue = { min: bound(range.min), max: bound(range.max) };
  if (typeof range.currency === 'string') result.currency = range.currency;
  return result;
}

const numbers = new Intl.NumberFormat('en-US');

function parsedEvidence(value: unknown): Evidence | null {
  const parsed = evidenceSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const times = (x: number) => `${x.toFixed(x >= 10 ? 0 : 1)}×`;

/**
 * The evidence of a criterion in one line, e.g. "evidence: lift 2.1× (95% CI 1.6–2.7), 38% of best
 * customers vs 18% of all accounts, n = 412, win rate 41%; dataset "HubSpot Q3" rev 2, 2026-12-03".
 */
export function evidenceText(e: Evidence): string {
  const population = e.comparison === 'all' ? 'all accounts' : 'accounts with a won or lost deal';
  const win = e.winRate === null ? '' : `, win rate ${percent(e.winRate)}`;
  return (
    `evidence: lift ${times(e.lift)} (95% CI ${times(e.low)}–${times(e.high)}), ${percent(e.shareBest)} of best ` +
    `customers vs ${percent(e.shareComparison)} of ${population}, n = ${numbers.format(e.n)}${win}; ` +
    `dataset "${e.datasetName}" rev ${e.revision}, ${e.computedAt.slice(0, 10)}`
  );
}

/** "200 – 2,000 employees", "USD 10,000,000 or more", "Not set". */
export function rangeText(unit: 'employees' | 'money', range: RangeValue): string {
  const format = (n: number) =>
    unit === 'money' ? `${range.currency ?? 'USD'} ${numbers.format(n)}` : numbers.format(n);
  const suffix = unit === 'employees' ? ' employees' : '';
  if (range.min !== null && range.max !== null) return `${format(range.min)} – ${format(range.max)}${suffix}`;
  if (range.min !== null) return `${format(range.min)} or more${suffix}`;
  if (range.max !== null) return `Up to ${format(range.max)}${suffix}`;
  return '_Not set._';
}

/**
 * How the version scores accounts, once it has a criterion to score on: each criterion with its
 * importance and rule, the disqualifier rules, the manual checks, the grades and the model hash.
 */
function scoringBlocks(content: CanonicalIcp): RootContent[] {
  const model = compileScoringModel(content);
  if (model.criteria.length === 0 && model.disqualifiers.length === 0) return [];
  const lines = [
    ...model.criteria.map(
      (c) => `${c.label} (${importanceLabel(c.importance)}, weight ${c.weight}): ${c.rule}`,
    ),
    ...model.disqualifiers.map((d) => `Disqualifier “${d.text}”: ${d.ruleText}`),
    ...model.manualChecks.map((m) => `Manual check, not scored: ${m.text}`),
  ];
  const { a, b, c } = model.thresholds;
  return [
    { type: 'heading', depth: 2, children: [text('Fit scoring')] },
    bulletList(lines.map((line) => [paragraph(text(line))])),
    paragraph(text(`Grades: A ≥ ${a} · B ≥ ${b} · C ≥ ${c} · D below. Model hash `), {
      type: 'inlineCode',
      value: model.hash,
    }),
  ];
}

const text = (value: string): Text => ({ type: 'text', value });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

function bulletList(items: BlockContent[][]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children) => ({ type: 'listItem', spread: false, children })),
  };
}

const INLINE = new Set(['text', 'hardBreak']);
const nodesOf = (node: RichTextNode): RichTextNode[] =>
  Array.isArray(node.content)
    ? node.content.filter(
        (c): c is RichTextNode => !!c && typeof c === 'object' && typeof c.type === 'string',
      )
    : [];

/**
 * The blocks of a rich-text node as mdast. Inline nodes found among blocks (a shape the editor does
 * not write, but an old or foreign document may hold) are gathered into paragraphs; an unknown
 * container keeps its content. The tree is depth-limited before it gets here.
 */
function blocksOf(node: RichTextNode): BlockContent[] {
  const blocks: BlockContent[] = [];
  let pendingInline: RichTextNode[] = [];
  const flushInline = () => {
    const children = phrasingOf(pendingInline);
    if (children.length > 0) blocks.push(paragraph(...children));
    pendingInline = [];
  };
  for (const child of nodesOf(node)) {
    if (INLINE.has(child.type)) {
      pendingInline.push(child);
      continue;
    }
    flushInline();
    blocks.push(...blockOf(child));
  }
  flushInline();
  return blocks;
}

function blockOf(node: RichTextNode): BlockContent[] {
  const children = nodesOf(node);
  switch (node.type) {
    case 'paragraph': {
      const phrasing = phrasingOf(children);
      return phrasing.length ? [paragraph(...phrasing)] : [];
    }
    case 'heading': {
      const phrasing = phrasingOf(children);
      return phrasing.length
        ? [{ type: 'heading', depth: node.attrs?.level === 4 ? 5 : 4, children: phrasing }]
        : [];
    }
    case 'bulletList':
    case 'orderedList': {
      const items: MdListItem[] = children.flatMap((item) => {
        const content = item.type === 'listItem' ? blocksOf(item) : blockOf(item);
        return content.length ? [{ type: 'listItem', spread: false, children: content }] : [];
      });
      if (items.length === 0) return [];
      const start = node.attrs?.start;
      return [
        {
          type: 'list',
          ordered: node.type === 'orderedList',
          ...(node.type === 'orderedList' &&
          typeof start === 'number' &&
          Number.isInteger(start) &&
          start >= 0
            ? { start }
            : {}),
          spread: false,
          children: items,
        },
      ];
    }
    case 'blockquote': {
      const content = blocksOf(node);
      return content.length ? [{ type: 'blockquote', children: content }] : [];
    }
    default:
      // A node this export does not know (a newer schema, a listItem out of place): keep its text.
      return children.every((c) => INLINE.has(c.type))
        ? blockOf({ type: 'paragraph', content: children })
        : blocksOf(node);
  }
}

/** Text nodes with their marks, and line breaks, as mdast phrasing content. */
function phrasingOf(nodes: RichTextNode[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      out.push({ type: 'break' });
      continue;
    }
    if (node.type !== 'text' || typeof node.text !== 'string' || node.text.length === 0) continue;
    const marks = Array.isArray(node.marks) ? node.marks : [];
    let phrasing: PhrasingContent = marks.some((m) => m?.type === 'code')
      ? { type: 'inlineCode', value: node.text }
      : text(node.text);
    for (const mark of marks) {
      if (mark?.type === 'bold') phrasing = { type: 'strong', children: [phrasing] };
      else if (mark?.type === 'italic') phrasing = { type: 'emphasis', children: [phrasing] };
      else if (mark?.type === 'strike') phrasing = { type: 'delete', children: [phrasing] };
    }
    // The link goes outermost, and only to a web or mail target; any other stays plain text.
    const link = marks.find((m) => m?.type === 'link');
    const href = link ? safeHref(link.attrs?.href) : null;
    if (href) {
      const previous = out[out.length - 1];
      // Neighbouring pieces of one link ("see **this** page") stay one link.
      if (previous?.type === 'link' && previous.url === href) previous.children.push(phrasing);
      else out.push({ type: 'link', url: href, children: [phrasing] });
    } else {
      out.push(phrasing);
    }
  }
  return out;
}

/**
 * A download file name from an ICP title, safe on every filesystem: ASCII letters and digits in
 * dashes, accents folded ("Énergie" → "energie"), at most 60 characters, then `-v<number>.<ext>`.
 */
export function exportFileName(title: string, versionNumber: number, extension: 'md' | 'json'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'icp'}-v${versionNumber}.${extension}`;
}
