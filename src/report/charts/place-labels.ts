/** A line of chart text, in px. */
const LINE = 14;

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export type Candidate = { anchor: "start" | "end"; dx: number; dy: number };

const SHIFTS = [0, 30, 60, 90, 120];
const nearest = (a: Candidate, b: Candidate) => Math.hypot(a.dx, a.dy) - Math.hypot(b.dx, b.dy);

/**
 * Below and right of a point, then above and left of it, the nearest first; level with it and
 * to the right (where a flat stretch of the curve would run through the text) only as a last
 * resort.
 */
const CANDIDATES: readonly Candidate[] = [
  ...SHIFTS.flatMap((shift) =>
    [12, 12 + LINE, 12 + 2 * LINE].map((drop) => ({
      anchor: "start" as const,
      dx: 6 + shift,
      dy: drop,
    })),
  ).sort(nearest),
  ...SHIFTS.flatMap((shift) =>
    [12, 12 + LINE, 12 + 2 * LINE].map((rise) => ({
      anchor: "end" as const,
      dx: -6 - shift,
      dy: -rise,
    })),
  ).sort(nearest),
  ...SHIFTS.map((shift) => ({ anchor: "start" as const, dx: 8 + shift, dy: 0 })),
];

/**
 * Where the label of each point on a rising curve goes, given the points' pixel positions and
 * their labels' widths. Right of a point (level or lower) is clear of such a curve, and so is
 * above and to the left; each label takes the nearest such place that stays inside the frame
 * and clear of the labels already placed (the first place when none does).
 */
export function placeLabels<T extends { x: number; y: number; width: number }>(
  marks: readonly T[],
  frame: Box,
): (T & Candidate)[] {
  const boxes: Box[] = [];
  return marks.map((m) => {
    const boxOf = (c: Candidate): Box => {
      const left = c.anchor === "start" ? m.x + c.dx : m.x + c.dx - m.width;
      return {
        left,
        right: left + m.width,
        top: m.y + c.dy - LINE / 2,
        bottom: m.y + c.dy + LINE / 2,
      };
    };
    const inside = (b: Box) =>
      b.left >= frame.left &&
      b.right <= frame.right &&
      b.top >= frame.top &&
      b.bottom <= frame.bottom;
    const chosen =
      CANDIDATES.find((c) => inside(boxOf(c)) && !boxes.some((b) => overlaps(b, boxOf(c)))) ??
      (CANDIDATES[0] as Candidate);
    boxes.push(boxOf(chosen));
    return { ...m, ...chosen };
  });
}
