import { describe, expect, it } from "vitest";
import { placeLabels } from "./place-labels.js";

const frame = { left: 0, right: 600, top: 0, bottom: 200 };

describe("labels of points on a rising curve", () => {
  it("go below and right of their points when there is room", () => {
    const placed = placeLabels([{ x: 100, y: 100, width: 80 }], frame);
    expect(placed.map(({ anchor, dx, dy }) => ({ anchor, dx, dy }))).toEqual([
      { anchor: "start", dx: 6, dy: 12 },
    ]);
  });

  it("move clear of a label already placed, and of the frame's edges", () => {
    // Two points 8 px apart near the bottom left, as days 7 and 14 of a 500-day curve are.
    const placed = placeLabels(
      [
        { x: 8, y: 180, width: 90 },
        { x: 16, y: 172, width: 90 },
      ],
      frame,
    );
    const boxes = placed.map((p) => {
      const left = p.anchor === "start" ? p.x + p.dx : p.x + p.dx - p.width;
      return { left, right: left + p.width, top: p.y + p.dy - 7, bottom: p.y + p.dy + 7 };
    });
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(frame.left);
      expect(b.bottom).toBeLessThanOrEqual(frame.bottom);
    }
    const [a, b] = boxes as [(typeof boxes)[0], (typeof boxes)[0]];
    const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
    expect(apart).toBe(true);
  });
});
