import { escapeXml, niceTicks, renderSeedChartSvg, type SeedBar } from './seed-chart-svg';

const BARS: SeedBar[] = [
  { name: 'sequential blocking-sync', speedup: 1, kind: 'baseline' },
  { name: 'native-async', speedup: 18.96, kind: 'waitless' },
  { name: 'worker-threaded', speedup: 13.85, kind: 'waitless' },
  { name: 'raw fetch', speedup: 19.31, kind: 'raw' },
  { name: 'axios', speedup: 19.02, kind: 'library' },
];

/** Widths of the bars, in order. */
const barWidths = (svg: string): number[] =>
  [...svg.matchAll(/<rect x="\d+" y="[\d.]+" width="([\d.]+)" height="18"/g)].map((m) => Number(m[1]));

describe('renderSeedChartSvg', () => {
  const svg = renderSeedChartSvg(BARS, { title: 'Seed: 20 requests at 100 ms', subtitle: 'median of 5 runs' });

  it('is one standalone, balanced SVG document with a label and value per bar', () => {
    expect(svg).toMatch(/^<svg xmlns="[a-z]+:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const opened = (svg.match(/<(text|rect|line|svg|title)\b(?:[^>]*[^/])?>/g) ?? []).length;
    const closed = (svg.match(/<\/(text|rect|line|svg|title)>/g) ?? []).length;
    expect(opened).toBe(closed);
    for (const bar of BARS) expect(svg).toContain(`>${bar.name}</text>`);
    expect(svg).toContain('>19.0×</text>');
  });

  it('draws bars proportional to speedup on a 0–20× axis', () => {
    const widths = barWidths(svg);
    expect(widths).toHaveLength(5);
    expect(widths[1] / widths[0]).toBeCloseTo(18.96, 0);
    expect(svg).toContain('>20×</text>');
  });

  it('colours bars by kind and only lists kinds that are present, the legend inside the chart', () => {
    expect(svg).toContain('Waitless strategy (gather)');
    expect(svg).toContain('client library (Promise.all)');
    const fills = [...svg.matchAll(/height="18" rx="2" fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
    expect(new Set(fills).size).toBe(4);
    expect(renderSeedChartSvg(BARS.slice(0, 2), { title: 't' })).not.toContain('raw transport');
    const legendX = [...svg.matchAll(/<rect x="(\d+)" y="[\d.]+" width="12" height="12"/g)].map((m) => Number(m[1]));
    expect(legendX).toHaveLength(4);
    // The last entry's text (~28 characters at 12 px) still ends inside the 760 px wide chart.
    expect(Math.max(...legendX) + 18 + 28 * 6.6).toBeLessThan(760);
  });

  it('is deterministic and escapes names', () => {
    expect(renderSeedChartSvg(BARS, { title: 'Seed: 20 requests at 100 ms', subtitle: 'median of 5 runs' })).toBe(svg);
    const odd = renderSeedChartSvg([{ name: 'a<b> & "c"', speedup: 2, kind: 'raw' }], { title: 'x' });
    expect(odd).toContain('a&lt;b&gt; &amp; &quot;c&quot;');
  });
});

describe('niceTicks', () => {
  it('ends on a round number at or above the maximum', () => {
    expect(niceTicks(19.31)).toEqual([0, 5, 10, 15, 20]);
    expect(niceTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
  });
});

describe('escapeXml', () => {
  it('escapes all five special characters', () => {
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&apos;');
  });
});
