/** Offset maps: decoded index → raw offset through plain runs, fixed pieces, slices and appends. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedMap, MapBuilder, mapOffset, mapSpan, plainMap, sliceMap } from '../../../src/sources/hcl/offset-map.js';

describe('offset maps', () => {
  it('maps plain runs one for one and fixed pieces to their start', () => {
    const m = new MapBuilder();
    m.plain(10, 3); // "abc" at 10..12
    m.fixed(20, 2); // an escape decoded to 2 units at 20
    m.plain(13, 2); // contiguous with nothing before it: a new segment
    const map = m.finish(15);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => mapOffset(map, i))).toEqual([10, 11, 12, 20, 20, 13, 14, 15]);
    expect(map.d).toEqual([0, 3, 5]);
  });

  it('joins contiguous plain runs into one segment', () => {
    const m = new MapBuilder();
    m.plain(5, 2);
    m.plain(7, 3);
    expect(m.finish(10)).toEqual({ d: [0], r: [5], step: [1], length: 5, rawEnd: 10 });
  });

  it('clamps indices past the end to rawEnd and maps an empty map to rawEnd', () => {
    expect(mapOffset(plainMap(3, 4), 99)).toBe(7);
    expect(mapOffset(new MapBuilder().finish(42), 0)).toBe(42);
  });

  it('slices a map so that index 0 of the slice is the slice start', () => {
    const m = new MapBuilder();
    m.plain(0, 4);
    m.fixed(10, 3);
    m.plain(20, 4);
    const map = m.finish(24);
    const s = sliceMap(map, 2, 9);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => mapOffset(s, i))).toEqual([2, 3, 10, 10, 10, 20, 21, 22]);
    expect(s.length).toBe(7);
  });

  it('gives spans that are never inverted, even for text joined out of order', () => {
    const m = new MapBuilder();
    m.plain(50, 3);
    m.plain(10, 3);
    const map = m.finish(13);
    expect(mapSpan(map, 0, 3)).toEqual({ start: 50, end: 53 });
    expect(mapSpan(map, 1, 5)).toEqual({ start: 51, end: 51 });
    expect(mapSpan(map, 3, 6)).toEqual({ start: 10, end: 13 });
  });

  it('fixed maps cover a whole source span', () => {
    const map = fixedMap(5, 30, 40);
    expect([0, 4, 5].map((i) => mapOffset(map, i))).toEqual([30, 30, 40]);
  });

  it('appending slices of a map gives the same offsets as the original (property)', () => {
    fc.assert(fc.property(fc.array(fc.record({ plain: fc.boolean(), raw: fc.nat(1000), n: fc.integer({ min: 1, max: 5 }) }), { maxLength: 12 }), fc.nat(40), fc.nat(40), (segs, a, b) => {
      const m = new MapBuilder();
      for (const s of segs) if (s.plain) m.plain(s.raw, s.n); else m.fixed(s.raw, s.n);
      const map = m.finish(2000);
      const [from, to] = a <= b ? [a, b] : [b, a];
      const s = sliceMap(map, from, to);
      const len = Math.max(0, Math.min(to, map.length) - Math.min(from, map.length));
      expect(s.length).toBe(len);
      for (let i = 0; i < len; i++) expect(mapOffset(s, i)).toBe(mapOffset(map, from + i));
    }));
  });
});
