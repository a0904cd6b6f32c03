import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from '../../../tests/support/seededRandom.js';
import { createTextAnchor, decodeRelativePosition, flatText, resolveTextAnchor } from './textAnchors.js';

/** Replicas that exchange updates only when `sync` is called, like clients with lag. */
function replicas(count: number) {
  const docs = Array.from({ length: count }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1;
    return doc;
  });
  const sync = () => {
    for (const from of docs) {
      for (const to of docs) {
        if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
      }
    }
  };
  return { docs, sync, fragments: docs.map((d) => d.getXmlFragment('painPoints')) };
}

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  return p;
}

/** The flat text a resolved anchor covers on one replica, or null when detached. */
function anchoredText(fragment: Y.XmlFragment, anchor: ReturnType<typeof createTextAnchor>): string | null {
  const range = resolveTextAnchor(fragment, anchor);
  return range ? flatText(fragment).slice(range.from, range.to) : null;
}

/** The XmlText of the n-th paragraph. */
function textOf(fragment: Y.XmlFragment, n: number): Y.XmlText {
  return (fragment.get(n) as Y.XmlElement).get(0) as Y.XmlText;
}

describe('text anchors', () => {
  it('anchors a phrase and reads it back on every replica', () => {
    const { docs, sync, fragments } = replicas(2);
    fragments[0]!.insert(0, [paragraph('Reps spend hours on manual data entry.')]);
    sync();
    const text = flatText(fragments[0]!);
    const from = text.indexOf('manual data entry');
    const anchor = createTextAnchor(fragments[0]!, from, from + 'manual data entry'.length);
    expect(anchoredText(fragments[0]!, anchor)).toBe('manual data entry');
    expect(anchoredText(fragments[1]!, anchor)).toBe('manual data entry');
    expect(docs).toHaveLength(2);
  });

  it('stays on the same words while other replicas insert and delete around them', () => {
    const { sync, fragments } = replicas(3);
    const [a, b, c] = fragments as [Y.XmlFragment, Y.XmlFragment, Y.XmlFragment];
    a.insert(0, [paragraph('Our buyers struggle with forecast accuracy every quarter.')]);
    sync();
    const start = flatText(a).indexOf('forecast accuracy');
    const anchor = createTextAnchor(a, start, start + 'forecast accuracy'.length);

    // Concurrently: B types right before the phrase, C deletes words after it and types right after it,
    // A adds a paragraph above. Nobody has seen the others' edits yet.
    textOf(b, 0).insert(start, 'really ');
    const afterEnd = flatText(c).indexOf(' every quarter');
    textOf(c, 0).delete(afterEnd, ' every quarter'.length);
    textOf(c, 0).insert(afterEnd, ' (and pipeline hygiene)');
    a.insert(0, [paragraph('Context first.')]);
    sync();

    for (const fragment of fragments) {
      expect(flatText(fragment)).toBe(
        'Context first.Our buyers struggle with really forecast accuracy (and pipeline hygiene).',
      );
      // Typing at either edge does not grow the anchored range: it is still exactly the phrase.
      expect(anchoredText(fragment, anchor)).toBe('forecast accuracy');
    }
  });

  it('does not grow when someone types right at either edge', () => {
    const { sync, fragments } = replicas(2);
    const [a, b] = fragments as [Y.XmlFragment, Y.XmlFragment];
    a.insert(0, [paragraph('Slow onboarding hurts.')]);
    sync();
    const anchor = createTextAnchor(a, 0, 'Slow onboarding'.length);
    textOf(b, 0).insert('Slow onboarding'.length, ' and setup');
    textOf(a, 0).insert(0, 'Very ');
    sync();
    expect(flatText(b)).toBe('Very Slow onboarding and setup hurts.');
    expect(anchoredText(a, anchor)).toBe('Slow onboarding');
    expect(anchoredText(b, anchor)).toBe('Slow onboarding');
  });

  it('follows edits inside the range and shrinks when part of it is deleted', () => {
    const { sync, fragments } = replicas(2);
    const [a, b] = fragments as [Y.XmlFragment, Y.XmlFragment];
    a.insert(0, [paragraph('They churn after the first renewal.')]);
    sync();
    const start = flatText(a).indexOf('churn after the first renewal');
    const anchor = createTextAnchor(a, start, start + 'churn after the first renewal'.length);
    const inner = flatText(b).indexOf('first');
    textOf(b, 0).delete(inner, 'first '.length);
    textOf(b, 0).insert(inner, 'second ');
    sync();
    expect(anchoredText(a, anchor)).toBe('churn after the second renewal');
    expect(anchoredText(b, anchor)).toBe('churn after the second renewal');
  });

  it('spans paragraphs', () => {
    const { sync, fragments } = replicas(2);
    const [a, b] = fragments as [Y.XmlFragment, Y.XmlFragment];
    a.insert(0, [paragraph('First pain.'), paragraph('Second pain.')]);
    sync();
    const anchor = createTextAnchor(a, 6, 'First pain.'.length + 6);
    expect(anchoredText(b, anchor)).toBe('pain.Second');
    b.insert(1, [paragraph('Inserted between.')]);
    sync();
    expect(anchoredText(a, anchor)).toBe('pain.Inserted between.Second');
  });

  it('is detached once the anchored text is deleted, and stays detached after more edits', () => {
    const { sync, fragments } = replicas(2);
    const [a, b] = fragments as [Y.XmlFragment, Y.XmlFragment];
    a.insert(0, [paragraph('Keep this. Drop that phrase. Keep this too.')]);
    sync();
    const start = flatText(a).indexOf('that phrase');
    const anchor = createTextAnchor(a, start, start + 'that phrase'.length);
    textOf(b, 0).delete(start, 'that phrase'.length);
    sync();
    expect(resolveTextAnchor(a, anchor)).toBeNull();
    // Retyping the same words elsewhere does not re-attach the thread to them.
    textOf(a, 0).insert(0, 'that phrase ');
    sync();
    expect(resolveTextAnchor(b, anchor)).toBeNull();
  });

  it('is detached when its whole paragraph is deleted', () => {
    const { sync, fragments } = replicas(2);
    const [a, b] = fragments as [Y.XmlFragment, Y.XmlFragment];
    a.insert(0, [paragraph('Stays.'), paragraph('Goes away.')]);
    sync();
    const anchor = createTextAnchor(a, 'Stays.'.length, 'Stays.Goes'.length);
    b.delete(1, 1);
    sync();
    expect(resolveTextAnchor(a, anchor)).toBeNull();
  });

  it('does not resolve in another section or another document', () => {
    const doc = new Y.Doc();
    const goals = doc.getXmlFragment('goals');
    const pains = doc.getXmlFragment('painPoints');
    goals.insert(0, [paragraph('Grow revenue 30%.')]);
    pains.insert(0, [paragraph('Manual forecasting.')]);
    const anchor = createTextAnchor(goals, 0, 4);
    expect(resolveTextAnchor(goals, anchor)).toEqual({ from: 0, to: 4 });
    expect(resolveTextAnchor(pains, anchor)).toBeNull();
    const other = new Y.Doc().getXmlFragment('goals');
    expect(resolveTextAnchor(other, anchor)).toBeNull();
  });

  it('refuses empty and out-of-range selections', () => {
    const fragment = new Y.Doc().getXmlFragment('goals');
    fragment.insert(0, [paragraph('Short.')]);
    expect(() => createTextAnchor(fragment, 2, 2)).toThrow(RangeError);
    expect(() => createTextAnchor(fragment, 0, 7)).toThrow(RangeError);
    expect(() => createTextAnchor(fragment, -1, 3)).toThrow(RangeError);
  });

  it('decodes only well-formed positions', () => {
    const fragment = new Y.Doc().getXmlFragment('goals');
    fragment.insert(0, [paragraph('Some text.')]);
    const anchor = createTextAnchor(fragment, 0, 4);
    expect(decodeRelativePosition(anchor.start)).not.toBeNull();
    expect(decodeRelativePosition('not base64 at all!')).toBeNull();
    expect(decodeRelativePosition('')).toBeNull();
  });

  it('keeps every anchor on its words through a long run of random concurrent edits', () => {
    const random = seededRandom(7);
    const { sync, fragments } = replicas(3);
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
    fragments[0]!.insert(0, [paragraph(words.join(' '))]);
    sync();
    const anchors = words.map((word) => {
      const at = flatText(fragments[0]!).indexOf(word);
      return { word, anchor: createTextAnchor(fragments[0]!, at, at + word.length) };
    });
    for (let round = 0; round < 60; round++) {
      for (const fragment of fragments) {
        // Insert filler only at spaces, so no anchored word is ever split or touched.
        const text = textOf(fragment, 0);
        const spaces = [...text.toString().matchAll(/ /g)].map((m) => m.index);
        const at = spaces[Math.floor(random() * spaces.length)]!;
        text.insert(at, random() < 0.5 ? ' x' : ' yy');
        const filler = [...text.toString().matchAll(/ (x|yy)(?= )/g)];
        if (filler.length > 3) {
          const victim = filler[Math.floor(random() * filler.length)]!;
          text.delete(victim.index, victim[0].length);
        }
      }
      if (round % 3 === 0) sync();
    }
    sync();
    for (const fragment of fragments) {
      for (const { word, anchor } of anchors) expect(anchoredText(fragment, anchor)).toBe(word);
    }
  });
});
