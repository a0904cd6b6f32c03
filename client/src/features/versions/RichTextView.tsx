import type { ReactNode } from 'react';
import { limitRichTextDepth, safeHref, type RichTextNode } from '@bullseye/shared';

/**
 * A narrative section's rich-text JSON as React elements, read-only. Built element by element (no
 * HTML strings), so text that looks like markup stays text; links keep web and mail targets only
 * (`safeHref`). The tree is depth-limited first, so rendering it recursively cannot overflow.
 */
export function RichTextView({ node }: { node: RichTextNode }) {
  return <>{renderChildren(limitRichTextDepth(node))}</>;
}

function renderChildren(node: RichTextNode): ReactNode[] {
  return (node.content ?? []).map((child, index) => renderNode(child, index));
}

function renderNode(node: RichTextNode, key: number): ReactNode {
  const children = renderChildren(node);
  switch (node.type) {
    case 'text':
      return <Marked key={key} node={node} />;
    case 'paragraph':
      return (
        <p key={key} dir="auto">
          {children}
        </p>
      );
    case 'heading':
      return node.attrs?.level === 4 ? (
        <h4 key={key} dir="auto">
          {children}
        </h4>
      ) : (
        <h3 key={key} dir="auto">
          {children}
        </h3>
      );
    case 'bulletList':
      return <ul key={key}>{children}</ul>;
    case 'orderedList': {
      const start = typeof node.attrs?.start === 'number' ? node.attrs.start : undefined;
      return (
        <ol key={key} start={start}>
          {children}
        </ol>
      );
    }
    case 'listItem':
      return (
        <li key={key} dir="auto">
          {children}
        </li>
      );
    case 'blockquote':
      return (
        <blockquote key={key} dir="auto">
          {children}
        </blockquote>
      );
    case 'hardBreak':
      return <br key={key} />;
    default:
      // A node this client does not know (a newer schema): keep its text.
      return <span key={key}>{children}</span>;
  }
}

function Marked({ node }: { node: RichTextNode }) {
  let element: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    switch (mark.type) {
      case 'bold':
        element = <strong>{element}</strong>;
        break;
      case 'italic':
        element = <em>{element}</em>;
        break;
      case 'strike':
        element = <s>{element}</s>;
        break;
      case 'underline':
        element = <u>{element}</u>;
        break;
      case 'code':
        element = <code>{element}</code>;
        break;
      case 'link': {
        const href = safeHref(mark.attrs?.href);
        if (href) {
          element = (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow">
              {element}
            </a>
          );
        }
        break;
      }
    }
  }
  return <>{element}</>;
}
