import type { ListItem, RangeValue } from './accessors.js';
import type { CanonicalIcp } from './canonical.js';
import type { RichTextNode } from './fragment.js';
import { ICP_SECTIONS, SECTION_GROUPS, type SectionDefinition } from './layout.js';
import { FUNCTION_LABELS, FUNCTIONS, type IcpFunction } from '../logic/roles.js';

/** What an export says about the version it was made from. */
export interface ExportedVersion {
  number: number;
  name: string | null;
  createdAt: string;
  hash: string;
}

/** The approval an export records, if the version is the approved one. */
export interface ExportedApproval {
  approvedBy: string | null;
  approvedAt: string;
  signOffs: { function: IcpFunction; by: string | null; at: string }[];
}

/** A one-page Markdown rendering of an ICP version, in page order, for download. */
export function icpToMarkdown(input: {
  title: string;
  content: CanonicalIcp;
  version: ExportedVersion;
  approval: ExportedApproval | null;
}): string {
  const { title, content, version, approval } = input;
  const lines: string[] = [`# ${escapeInline(title)}`, ''];
  const label = version.name
    ? `Version ${version.number}: ${escapeInline(version.name)}`
    : `Version ${version.number}`;
  lines.push(`_${label} · ${version.createdAt.slice(0, 10)} · SHA-256 \`${version.hash}\`_`, '');
  if (approval) {
    lines.push(
      `**Approved** by ${escapeInline(approval.approvedBy ?? 'a former member')} on ${approval.approvedAt.slice(0, 10)}.`,
      '',
    );
    for (const fn of FUNCTIONS) {
      const signOff = approval.signOffs.find((s) => s.function === fn);
      if (signOff) {
        lines.push(
          `- ${FUNCTION_LABELS[fn]}: signed off by ${escapeInline(signOff.by ?? 'a former member')} on ${signOff.at.slice(0, 10)}`,
        );
      }
    }
    lines.push('');
  }
  for (const group of SECTION_GROUPS) {
    lines.push(`## ${group.title}`, '');
    for (const section of ICP_SECTIONS.filter((s) => s.group === group.key)) {
      lines.push(`### ${section.title}`, '', ...sectionLines(section, content.sections[section.key]), '');
    }
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function sectionLines(section: SectionDefinition, value: unknown): string[] {
  switch (section.kind) {
    case 'list': {
      const items = Array.isArray(value) ? (value as ListItem[]) : [];
      return items.length ? items.map((item) => `- ${escapeInline(item.text)}`) : ['_None listed._'];
    }
    case 'range':
      return [rangeText(section.unit, (value ?? { min: null, max: null }) as RangeValue)];
    case 'richText': {
      const blocks = blockLines((value as RichTextNode | undefined)?.content ?? [], '');
      return blocks.length ? blocks : ['_Nothing written._'];
    }
  }
}

const numbers = new Intl.NumberFormat('en-US');

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

function blockLines(nodes: RichTextNode[], indent: string): string[] {
  const lines: string[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'heading': {
        const level = node.attrs?.level === 4 ? '#####' : '####';
        lines.push(`${indent}${level} ${inline(node.content ?? [])}`, '');
        break;
      }
      case 'bulletList':
      case 'orderedList':
        (node.content ?? []).forEach((item, i) => {
          const marker = node.type === 'bulletList' ? '- ' : `${i + 1}. `;
          const inner = blockLines(item.content ?? [], `${indent}${' '.repeat(marker.length)}`).filter(
            Boolean,
          );
          const [first = '', ...rest] = inner;
          lines.push(`${indent}${marker}${first.trimStart()}`, ...rest);
        });
        lines.push('');
        break;
      case 'blockquote':
        lines.push(...blockLines(node.content ?? [], `${indent}> `).filter(Boolean), '');
        break;
      default:
        lines.push(`${indent}${inline(node.content ?? [])}`, '');
    }
  }
  return lines;
}

function inline(nodes: RichTextNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return '  \n';
      let text = escapeInline(node.text ?? '');
      for (const mark of node.marks ?? []) {
        if (mark.type === 'bold') text = `**${text}**`;
        else if (mark.type === 'italic') text = `_${text}_`;
        else if (mark.type === 'strike') text = `~~${text}~~`;
        else if (mark.type === 'code') text = `\`${text}\``;
        else if (mark.type === 'link' && typeof mark.attrs?.href === 'string')
          text = `[${text}](${mark.attrs.href})`;
      }
      return text;
    })
    .join('');
}

/** Escapes what Markdown would read as formatting inside a line. */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
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
