/*
 * The family colours (app/globals.css, --color-family-*) can be told apart: with normal vision and
 * under simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009, full severity),
 * measured as CIEDE2000 in CIELAB; and each stands out from the white panel (3:1, WCAG 1.4.11).
 * The families next to each other in a stack get the larger distances.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILY_IDS, type FamilyId } from '@/lib/retention/families';

type Vec = [number, number, number];
const VISION: Record<string, Vec[]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

const linear = (hex: string): Vec =>
  [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Vec;

function lab([r, g, b]: Vec): Vec {
  const [x, y, z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function seen(hex: string, vision: Vec[]): Vec {
  const c = linear(hex);
  return lab(vision.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2]))) as Vec);
}

/** CIEDE2000 colour difference (Sharma, Wu and Dalal 2005). */
function deltaE2000([l1, a1, b1]: Vec, [l2, a2, b2]: Vec): number {
  const rad = Math.PI / 180;
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
  const [a1p, a2p] = [a1 * (1 + g), a2 * (1 + g)];
  const [c1, c2] = [Math.hypot(a1p, b1), Math.hypot(a2p, b2)];
  const hue = (a: number, b: number) => ((Math.atan2(b, a) / rad) % 360 + 360) % 360;
  const [h1, h2] = [hue(a1p, b1), hue(a2p, b2)];
  let dh = c1 * c2 === 0 ? 0 : h2 - h1;
  if (dh > 180) dh -= 360;
  else if (dh < -180) dh += 360;
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh * rad) / 2);
  const lBar = (l1 + l2) / 2;
  const cBarP = (c1 + c2) / 2;
  let hBar = h1 + h2;
  if (c1 * c2 !== 0) hBar = (Math.abs(h1 - h2) > 180 ? (hBar < 360 ? hBar + 360 : hBar - 360) : hBar) / 2;
  const t = 1 - 0.17 * Math.cos((hBar - 30) * rad) + 0.24 * Math.cos(2 * hBar * rad) + 0.32 * Math.cos((3 * hBar + 6) * rad) - 0.2 * Math.cos((4 * hBar - 63) * rad);
  const sl = 1 + (0.015 * (lBar - 50) ** 2) / Math.sqrt(20 + (lBar - 50) ** 2);
  const sc = 1 + 0.045 * cBarP;
  const sh = 1 + 0.015 * cBarP * t;
  const rt = -Math.sin(2 * 30 * Math.exp(-(((hBar - 275) / 25) ** 2)) * rad) * 2 * Math.sqrt(cBarP ** 7 / (cBarP ** 7 + 25 ** 7));
  return Math.sqrt(((l2 - l1) / sl) ** 2 + ((c2 - c1) / sc) ** 2 + (dH / sh) ** 2 + rt * ((c2 - c1) / sc) * (dH / sh));
}

const luminance = (hex: string) => {
  const [r, g, b] = linear(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

const css = fs.readFileSync(path.resolve(import.meta.dirname, '../app/globals.css'), 'utf8');
const colour = (f: FamilyId) => new RegExp(`--color-family-${f}:\\s*(#[0-9a-f]{6});`, 'i').exec(css)![1]!;

describe('the family colours', () => {
  it('passes a known pair: CIEDE2000 of Sharma et al.\u2019s first test pair is 2.0425', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 3);
  });

  it.each(Object.keys(VISION))('are told apart with %s vision: any two 7.5 apart, neighbours in the stack 15', (vision) => {
    for (let i = 0; i < FAMILY_IDS.length; i++) {
      for (let j = i + 1; j < FAMILY_IDS.length; j++) {
        const [a, b] = [FAMILY_IDS[i]!, FAMILY_IDS[j]!];
        const d = deltaE2000(seen(colour(a), VISION[vision]!), seen(colour(b), VISION[vision]!));
        expect(d, `${a} / ${b}`).toBeGreaterThanOrEqual(j === i + 1 ? 15 : 7.5);
      }
    }
  });

  it('each stand out from the white panel by 3:1', () => {
    for (const f of FAMILY_IDS) expect((1.05 / (luminance(colour(f)) + 0.05)), f).toBeGreaterThanOrEqual(3);
  });
});
