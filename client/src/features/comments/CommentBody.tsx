import { useMemo } from 'react';
import {
  FUNCTION_LABELS,
  segmentMentions,
  type CommentDto,
  type IcpFunction,
  type MentionTarget,
} from '@bullseye/shared';

interface CommentBodyProps {
  comment: CommentDto;
  meId: string;
  myFunction: IcpFunction | null;
}

/**
 * A comment's text as plain text (never HTML), its mentions as pills. Mentions are the ones the
 * server resolved when the comment was written, so a renamed or departed member still reads right.
 */
export function CommentBody({ comment, meId, myFunction }: CommentBodyProps) {
  const segments = useMemo(() => {
    const people = comment.mentions.flatMap((m) =>
      m.type === 'user' ? [{ id: m.userId, name: m.name }] : [],
    );
    return segmentMentions(comment.body, people);
  }, [comment.body, comment.mentions]);
  return (
    <p className="comment-body" dir="auto">
      {segments.map((segment, i) =>
        segment.mention ? (
          <span
            key={i}
            className={`mention ${isSelf(segment.mention, meId, myFunction) ? 'mention-self' : ''}`}
            title={mentionTitle(segment.mention)}
          >
            {segment.text}
          </span>
        ) : (
          segment.text
        ),
      )}
    </p>
  );
}

function isSelf(mention: MentionTarget, meId: string, myFunction: IcpFunction | null): boolean {
  return mention.type === 'user' ? mention.userId === meId : mention.function === myFunction;
}

function mentionTitle(mention: MentionTarget): string {
  return mention.type === 'user'
    ? mention.name
    : `Everyone representing ${FUNCTION_LABELS[mention.function].toLocaleLowerCase()}`;
}
